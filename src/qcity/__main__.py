"""`python -m qcity`."""

from qcity.console import main

# Guarded: a worker process started by spawning (macOS, Windows) imports this module again.
if __name__ == "__main__":
    main()
