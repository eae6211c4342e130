"""`python -m qcity`."""

from qcity.cli import main

main()
