"""The typer command line: each command parses its options, calls the core, renders, exits.

One module per command in `commands/` (its options object, its typer signature, its work);
what they share: `app` (the typer apps), `options` (shared options, parsed), `guard` (every
failure out through one place), `output` (where and in which format), `batches` (a batch with
a progress bar), and `outcome`, the one function that decides every exit code.
"""

from __future__ import annotations

import importlib

from qcity.cli.app import app
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
COMMANDS = ("check", "hook", "explain", "diff", "gaps", "plan", "template", "catalogue", "schema")
for _module in COMMANDS:
    importlib.import_module(f"qcity.cli.commands.{_module}")

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_UNMET",
    "EXIT_USAGE",
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
