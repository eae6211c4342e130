"""The program's entry point (`qcity`, `python -m qcity`): signals first, then the CLI."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    from qcity.interrupts import install_at_start

    install_at_start()  # before the imports below, which take most of the start-up time
    from qcity.cli import main as cli_main

    cli_main()
