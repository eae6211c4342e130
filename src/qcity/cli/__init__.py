"""The typer command line: parse options, call the core, render, exit.

`core` holds what every command shares, `outcome` decides every exit code; the commands are
registered on `app` by the modules imported below.
"""

from __future__ import annotations

import importlib

from qcity.cli.core import CheckFormat, GapsFormat, ReportFormat, app
from qcity.cli.outcome import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_UNMET,
    EXIT_USAGE,
    exit_code,
)

# Importing a module registers its commands on `app`, in this order in `qcity --help`.
for _module in ("checking", "views", "authoring"):
    importlib.import_module(f"qcity.cli.{_module}")

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_UNMET",
    "EXIT_USAGE",
    "CheckFormat",
    "GapsFormat",
    "ReportFormat",
    "app",
    "exit_code",
    "main",
]


def main() -> None:
    """Console-script entry point."""
    import gc

    # A check allocates a few objects per cell and keeps most of them (the rows, then the
    # results): at the default thresholds the cyclic collector re-scans that growing heap
    # again and again (a fifth of the time of a 200,000-row workbook). Collect far less often.
    gc.set_threshold(50_000, 50, 100)
    from qcity.cli.streams import setup_console_streams

    setup_console_streams()
    app()
