"""Ctrl-C and SIGTERM: one line on stderr, no traceback, nothing partial left, a known exit code.

While a command works, SIGINT raises KeyboardInterrupt and SIGTERM raises `Terminated` (a
KeyboardInterrupt too), so that every `finally` and `except BaseException` runs: worker
processes are ended, temporary files removed. `qcity.cli.guard.guard` prints the line and exits
with the code `qcity.cli.outcome.exit_code` gives them (130 and 143). Before and after that,
while Python starts and typer parses the command line, there is nothing to clean up: the line is
printed and the process exits at once, with the same code (128 + the signal's number). These
handlers are installed only by the program's entry point (`qcity.console`), never by importing
qcity as a library or invoking the CLI in-process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import Any

from qcity.lang import Lang

# The one line each signal prints, by language: from the wording catalogue, loaded by
# install_at_start (or on first use) rather than at import, so that the entry point can take
# over the signals before anything heavier than this module is imported.
MESSAGES: dict[int, dict[Lang, str]] = {}
_installed = False
_pending: int | None = None  # a signal that arrived while the messages were being loaded


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived while a command was working."""


def _load_messages() -> None:
    from qcity.render.i18n import words

    MESSAGES[signal.SIGINT] = words("interrupted")
    MESSAGES[signal.SIGTERM] = words("terminated")


def message(signum: int, lang: str) -> str:
    """The line printed for *signum* in *lang*."""
    if not MESSAGES:
        _load_messages()
    return MESSAGES[signum]["en" if lang == "en" else "zh"]


def _argv_lang() -> str:
    """The language of the command line, before typer has parsed it."""
    args = sys.argv[1:]
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("QCITY_LANG", "zh")


def _leave(signum: int, frame: FrameType | None) -> None:
    """Outside a command's work: say so and exit now (nothing to clean up)."""
    text = message(signum, "en" if _argv_lang().lower().startswith("en") else "zh")
    try:
        os.write(2, f"{text}\n".encode("utf-8", "replace"))
    finally:
        os._exit(128 + signum)


def leave_now(code: int) -> None:
    """Flush what was printed and exit with *code* at once (no exit-time hooks)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _remember(signum: int, frame: FrameType | None) -> None:
    """While the messages load: note the signal, to leave with its line as soon as they are."""
    global _pending
    _pending = signum


def install_at_start() -> None:
    """Called first by the entry point: SIGINT and SIGTERM exit at once, with their line. A
    signal that arrives while the line's wording is being loaded is acted on right after."""
    global _installed
    _installed = True
    signal.signal(signal.SIGINT, _remember)
    signal.signal(signal.SIGTERM, _remember)
    _load_messages()
    signal.signal(signal.SIGINT, _leave)
    signal.signal(signal.SIGTERM, _leave)
    if _pending is not None:
        _leave(_pending, None)


def _unraisable(args: Any) -> None:
    """An interrupt raised where Python can only print it (a callback from C code, a __del__)
    would be lost, and the run would go on: deliver the signal again, to the next line."""
    if isinstance(args.exc_value, KeyboardInterrupt):
        terminated = isinstance(args.exc_value, Terminated)
        signal.raise_signal(signal.SIGTERM if terminated else signal.SIGINT)
        return
    sys.__unraisablehook__(args)


def working() -> bool:
    """While a command works: raise on SIGINT and SIGTERM (when running as the program);
    whether the handlers were switched (then `resting` switches them back)."""
    if not _installed:
        return False
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _terminate)
    sys.unraisablehook = _unraisable
    return True


def resting() -> None:
    """After a command's work: back to exiting at once."""
    signal.signal(signal.SIGINT, _leave)
    signal.signal(signal.SIGTERM, _leave)
    sys.unraisablehook = sys.__unraisablehook__


def interrupt_behind(error: BaseException) -> KeyboardInterrupt | None:
    """The interrupt *error* was raised from, if any: a library may wrap it (Python 3.11 turns
    one raised in `__set_name__` into a RuntimeError), and it must still end the run."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
