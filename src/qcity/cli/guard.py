"""Every failure of a command leaves through `guard`: an issue on stderr (in the user's
language), no traceback unless --debug, and the exit code cli.outcome gives it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from qcity.cli.outcome import EXIT_INTERNAL, PLAIN, Rules, exit_code
from qcity.errors import Issue, Lang, Location, QcityError
from qcity.render import ReportOptions

if TYPE_CHECKING:
    from qcity.cli.outcome import Outcome


def run(lang: Lang, debug: bool, work: Callable[[], Outcome], rules: Rules = PLAIN) -> NoReturn:
    """Do a command's *work* under the guard, then exit with the code of what it returned."""
    code = EXIT_INTERNAL  # only if the guard let an error through
    with guard(lang, debug):
        code = exit_code(work(), rules)
    raise typer.Exit(code)


def stderr_console(lang: Lang) -> Any:
    from qcity.render.console import make_console

    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    return make_console(sys.stderr, ReportOptions(lang=lang, color=color, width=terminal_width()))


def terminal_width() -> int:
    try:
        return max(60, min(os.get_terminal_size(sys.stdout.fileno()).columns, 160))
    except (OSError, ValueError):
        return 100


@contextmanager
def guard(lang: Lang, debug: bool) -> Iterator[None]:
    from qcity import interrupts

    switched = interrupts.working()
    try:
        yield
    except (typer.Exit, typer.Abort, typer.BadParameter):
        raise
    except KeyboardInterrupt as e:
        _interrupted(e, lang, switched)
    except QcityError as e:
        from qcity.render.console import print_issues

        if debug and e.__cause__ is not None:
            import traceback

            traceback.print_exception(e.__cause__, file=sys.stderr)
        print_issues(stderr_console(lang), e.issues, lang)
        raise typer.Exit(exit_code(e)) from None
    except Exception as e:
        interrupt = interrupts.interrupt_behind(e)
        if interrupt is not None:  # wrapped by a library (a RuntimeError from __set_name__…)
            _interrupted(interrupt, lang, switched)
        if debug:
            raise
        from qcity.render.console import print_issues

        issue = Issue("internal-error", Location(), {"reason": f"{type(e).__name__}: {e}"})
        print_issues(stderr_console(lang), [issue], lang)
        raise typer.Exit(exit_code([issue])) from None
    finally:
        if switched:
            interrupts.resting()


def _interrupted(e: KeyboardInterrupt, lang: Lang, program: bool) -> NoReturn:
    """Ctrl-C or SIGTERM: what was being written is gone (see qcity.files), the workers are
    ended (qcity.parallel); one line, no traceback, exit 130 or 143."""
    import signal

    from qcity import interrupts

    signum = signal.SIGTERM if isinstance(e, interrupts.Terminated) else signal.SIGINT
    code = exit_code(e)
    sys.stderr.write(interrupts.message(signum, lang) + "\n")
    if program:
        # The program, interrupted: everything was cleaned up on the way here. Leave now, past
        # the interpreter's exit-time joins of worker-pool threads, which can wait forever for
        # a pool interrupted at the wrong instant.
        interrupts.leave_now(code)
    raise typer.Exit(code) from None
