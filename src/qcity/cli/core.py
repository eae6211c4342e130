"""The command line's shared parts: exit codes (decided here), options, error handling, output."""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeAlias

import typer

from qcity import __version__
from qcity.cli.usage import QcityGroup, Wrong
from qcity.errors import Issue, Lang, Location, QcityError, UsageError, printable
from qcity.render import Renderer, ReportOptions

if TYPE_CHECKING:
    from qcity.diff import Diff
    from qcity.gaps import GapReport
    from qcity.model import Catalogue
    from qcity.results import Evaluation, IndicatorResult
    from qcity.zipguard import Limits


# --- exit codes: the one place they are decided (tabled in the README) --------------------------
EXIT_OK = 0  # every indicator met
EXIT_UNMET = 1  # some indicator unmet or missing
EXIT_USAGE = 2  # the command line is wrong (bad option, missing file)
EXIT_INVALID = 3  # the workbook or catalogue cannot be trusted
EXIT_INTERNAL = 4  # a bug in qcity
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT): 128 + the signal's number, as shells report it
EXIT_TERMINATED = 143  # SIGTERM (a CI job over its time, `kill`): 128 + 15


def exit_code_for(evaluation: Evaluation, fail_on_tasks: bool = False) -> int:
    """0 all met; 1 unmet or missing; 3 any invalid figure or error-level issue (districts too).
    Tasks count only with *fail_on_tasks*: then an overdue task makes it at least 1."""
    from qcity.results import Status

    results = evaluation.all_results()
    if evaluation.errors or any(r.status is Status.INVALID for r in results):
        return EXIT_INVALID
    if evaluation.vetoed or any(r.status is not Status.MET for r in results):
        return EXIT_UNMET  # a veto target not met fails the result whatever else is met
    if fail_on_tasks and evaluation.tasks and any(r.overdue for r in evaluation.tasks.results):
        return EXIT_UNMET
    return EXIT_OK


def exit_code_for_one(result: IndicatorResult) -> int:
    """`qcity explain`: 0 met; 1 unmet or missing; 3 invalid."""
    from qcity.results import Status

    if result.status is Status.INVALID:
        return EXIT_INVALID
    return EXIT_OK if result.status is Status.MET else EXIT_UNMET


def diff_exit_code(diff: Diff) -> int:
    """`qcity diff`: 1 when any indicator went from met to not met; a file that could not be read
    (or units that cannot be matched) gives that file's own code (2 or 3); 0 otherwise."""
    codes = [i.type.exit_code for e in diff.failed for i in e.failure]
    codes += [EXIT_INVALID for i in diff.issues if i.level.value == "error"]
    if diff.regressions:
        codes.append(EXIT_UNMET)
    return max(codes, default=EXIT_OK)


def gaps_exit_code(report: GapReport) -> int:
    """Like check, over what the list shows: 3 if anything on it is invalid or a data error
    about no indicator remains; 1 if anything is left to close; 0 if nothing is."""
    from qcity.results import Status

    if report.other_issues or any(g.result.status is Status.INVALID for g in report.gaps):
        return EXIT_INVALID
    return EXIT_UNMET if report.gaps else EXIT_OK


# --- options shared by commands -----------------------------------------------------------------


def format_option(help: str) -> Any:
    """`--format` / `-f`, in any case (`-f JSON`); a command defaults it to None, the format then
    taken from the suffix of `-o`, else text (output_format below)."""
    return typer.Option("--format", "-f", case_sensitive=False, help=help)


def format_choices(*views: str) -> tuple[str, ...]:
    """The formats of *views*, each once, in the registry's order."""
    from qcity.render import formats

    return tuple(dict.fromkeys(f for view in views for f in formats(view)))


# The --format choices of each command, generated from the registry (qcity.render.RENDERERS):
# a format registered for a view is offered by its command. Type checkers see plain strings.
if TYPE_CHECKING:
    CheckFormat: TypeAlias = str
    HookFormat: TypeAlias = str
    DiffFormat: TypeAlias = str
    GapsFormat: TypeAlias = str
    PlanFormat: TypeAlias = str
    CatalogueFormat: TypeAlias = str
else:
    CheckFormat = Literal[format_choices("check", "batch")]
    HookFormat = Literal[format_choices("check")]
    DiffFormat = Literal[format_choices("diff")]
    GapsFormat = Literal[format_choices("gaps")]
    PlanFormat = Literal[format_choices("plan")]
    CatalogueFormat = Literal[format_choices("catalogue")]


class LangChoice(str, enum.Enum):
    zh = "zh"
    en = "en"


def parse_lang(value: str | LangChoice) -> LangChoice:
    """zh or en from what people write: zh, zh-CN, zh_CN, zh-Hans, ZH; en, en-US, en_GB …"""
    if isinstance(value, LangChoice):
        return value
    primary = value.strip().replace("_", "-").split("-")[0].split(".")[0].lower()
    try:
        return LangChoice(primary)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a language qcity speaks: zh (zh-CN, zh_CN …) or en (en-US …)"
        ) from None


LangOpt = Annotated[
    LangChoice,
    typer.Option(
        "--lang",
        envvar="QCITY_LANG",
        parser=parse_lang,
        metavar="zh|en",
        help="Report language 报告语言: zh (default; also zh-CN, zh_CN) or en (en-US …).",
    ),
]
CatalogueOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        "-c",
        envvar="QCITY_CATALOGUE",
        help="Indicator catalogue YAML 指标目录 (default: the bundled Xi'an 2014 plan).",
        dir_okay=False,
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", envvar="QCITY_DEBUG", help="Show tracebacks for internal errors.")
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color", help="Colour the text report (default: when writing to a terminal)."
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option(
        "--year",
        min=1900,
        max=2100,
        help="Report year 报告年份 for figures derived from the 序列 (series) sheet "
        "(default: the workbook's 报告期, else the latest year holding figures).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (atomically) instead of stdout.",
        dir_okay=False,
    ),
]

LeadOpt = Annotated[
    str | None,
    typer.Option("--lead", help="Only this lead department 牵头部门 (code or name, e.g. 市建委)."),
]
LeadsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--lead",
        metavar="DEPT",
        help="Judge only the indicators and tasks these lead departments 牵头部门 lead (code or "
        "name; repeatable or comma-separated, e.g. 市质监局). Default: the departments the "
        "template was made for (qcity template --lead), else every one.",
    ),
]


def leads_given(catalogue: Catalogue, lead: list[str] | None) -> tuple[str, ...] | None:
    """The department codes --lead names (repeated, or separated by commas or 、), or None when
    it is not given; a usage error (unknown-department, exit 2) for a name that leads nothing."""
    if not lead:
        return None
    import re

    from qcity.catalogue import resolve_leads

    names = [n for raw in lead for n in re.split(r"[,，、;；]", raw) if n.strip()]
    return tuple(resolve_leads(catalogue, names)) or None


WorkbookArg = Annotated[
    Path, typer.Argument(help="The submission workbook (.xlsx / .xlsm) 填报工作簿.")
]
WorkbooksArg = Annotated[
    list[Path],
    typer.Argument(
        help="Workbooks (.xlsx / .xlsm) or folders of them 填报工作簿或文件夹; several files or a "
        "folder make a batch, each file checked on its own.",
        show_default=False,
        metavar="FILE_OR_DIR",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Batches: check this many files at once, in worker processes (default: the CPU count).",
    ),
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Batches: no progress bar on the terminal.")
]


def parse_today(value: str | dt.datetime) -> dt.datetime:
    """--today as the tasks sheet writes dates: 2015-06-01, 2015/6/1, 2015.6.1, 2015年6月1日."""
    if isinstance(value, dt.datetime):
        return value
    from qcity.tasks import date_from_text

    day = date_from_text(value)
    if day is None:
        raise typer.BadParameter(
            f"{value!r} is not a date: write 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日"
        )
    return dt.datetime(day.year, day.month, day.day)


TodayOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        envvar="QCITY_TODAY",
        parser=parse_today,
        metavar="DATE",
        help="The date to report as today: 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日 "
        "(pins dates so outputs are reproducible).",
    ),
]


def pinned(today: dt.datetime | None) -> tuple[dt.date | None, dt.datetime | None]:
    """The report date and the check time that --today pins (midnight UTC), or None and None."""
    if today is None:
        return None, None
    return today.date(), today.replace(tzinfo=dt.timezone.utc)


def _size(text: str) -> str:
    """Validate a size option while parsing, so a bad one is a usage error naming the option."""
    from qcity.zipguard import parse_size

    try:
        parse_size(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return text


# The defaults of Limits (qcity.zipguard), as a person writes them (a test keeps them equal).
DEFAULT_MAX_SIZE = "20MiB"
DEFAULT_MAX_INFLATED = "4MiB"
DEFAULT_MAX_ROWS = 2_000

MaxSizeOpt = Annotated[
    str,
    typer.Option(
        "--max-size",
        envvar="QCITY_MAX_SIZE",
        callback=_size,
        metavar="SIZE",
        help="Largest workbook file accepted, e.g. 20MB, 50MiB (see README: Security).",
    ),
]
MaxInflatedOpt = Annotated[
    str,
    typer.Option(
        "--max-inflated",
        envvar="QCITY_MAX_INFLATED",
        callback=_size,
        metavar="SIZE",
        help="Most uncompressed XML read from the workbook, e.g. 4MiB (see README: Security).",
    ),
]
MaxRowsOpt = Annotated[
    int,
    typer.Option(
        "--max-rows",
        envvar="QCITY_MAX_ROWS",
        min=1,
        help="Most rows read from the data sheet (see README: Security).",
    ),
]


app = typer.Typer(
    name="qcity",
    help=(
        "质量强市指标检查 — check quality-city submissions against the targets of "
        "市政办发〔2014〕27号 (Xi'an's 2014 work plan).\n\n"
        "Exit codes: 0 all met · 1 unmet or missing · 2 usage error · "
        "3 workbook or catalogue cannot be trusted · 4 internal error · "
        "130 interrupted (Ctrl-C) · 143 terminated (SIGTERM)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich help formatting costs ~140 ms of imports on every `--help`.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=QcityGroup,
)
catalogue_app = typer.Typer(
    cls=QcityGroup,
    help="List, validate or describe indicator catalogues 指标目录.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(catalogue_app, name="catalogue")
schema_app = typer.Typer(
    cls=QcityGroup, help="Print JSON Schemas: of reports and of catalogue files."
)
app.add_typer(schema_app, name="schema")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qcity {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """质量强市指标检查 qcity."""


# --- error handling: every failure leaves through here ------------------------------------------


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
        raise typer.Exit(e.exit_code) from None
    except Exception as e:
        interrupt = interrupts.interrupt_behind(e)
        if interrupt is not None:  # wrapped by a library (a RuntimeError from __set_name__…)
            _interrupted(interrupt, lang, switched)
        if debug:
            raise
        from qcity.render.console import print_issues

        issue = Issue("internal-error", Location(), {"reason": f"{type(e).__name__}: {e}"})
        print_issues(stderr_console(lang), [issue], lang)
        raise typer.Exit(EXIT_INTERNAL) from None
    finally:
        if switched:
            interrupts.resting()


def _interrupted(e: KeyboardInterrupt, lang: Lang, program: bool) -> NoReturn:
    """Ctrl-C or SIGTERM: what was being written is gone (see qcity.files), the workers are
    ended (qcity.parallel); one line, no traceback, exit 130 or 143."""
    import signal

    from qcity import interrupts

    terminated = isinstance(e, interrupts.Terminated)
    signum = signal.SIGTERM if terminated else signal.SIGINT
    code = EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    sys.stderr.write(interrupts.message(signum, lang) + "\n")
    if program:
        # The program, interrupted: everything was cleaned up on the way here. Leave now, past
        # the interpreter's exit-time joins of worker-pool threads, which can wait forever for
        # a pool interrupted at the wrong instant.
        interrupts.leave_now(code)
    raise typer.Exit(code) from None


def fail(issue: Issue) -> NoReturn:
    raise UsageError(issue)


def load(catalogue: Path | None) -> Catalogue:
    from qcity.catalogue import load_catalogue

    return load_catalogue(catalogue)


def emit(
    renderer: Renderer[Any],
    view: object,
    output: Path | None,
    inputs: list[Path],
    color: bool | None,
    lang: Lang,
    *,
    fmt: str = "text",
    today: dt.date | None = None,
    fail_on_tasks: bool = False,
    changed_only: bool = False,
) -> None:
    """Render *view* with *renderer* to *output* (atomically; UTF-8 for text) or stdout (in the
    console's encoding as qcity.cli.streams decides for the format *fmt*)."""
    from qcity.faults import reached

    reached("render")
    options = ReportOptions(
        lang=lang, today=today, fail_on_tasks=fail_on_tasks, changed_only=changed_only
    )
    if output is not None:
        from qcity.files import refuse_overwrite, write_atomic

        refuse_overwrite(output, inputs)
        options = replace(options, color=bool(color), width=100)
        if renderer.binary:
            write_atomic(output, renderer.render(view, options))
            return
        from qcity.cli.streams import trim_lines

        text = "".join(renderer.chunks(view, options))
        write_atomic(output, trim_lines(text) if fmt == "text" else text)
        return
    use_color = (
        color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    options = replace(options, color=use_color, width=terminal_width())
    from qcity.cli.streams import report_stream

    try:
        with report_stream(sys.stdout, fmt) as stream:
            # rich draws boxes in ASCII for a console that cannot show them: tell it which.
            encoding = getattr(stream, "encoding", "utf-8") or "utf-8"
            for chunk in renderer.chunks(view, replace(options, encoding=encoding)):
                stream.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`qcity check … | head`): stop writing, keep the exit code.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def emit_text(text: str, output: Path | None, inputs: list[Path], *, fmt: str = "text") -> None:
    """Write a document already made (a JSON schema, a drafted catalogue) like emit does."""
    from qcity.render import Verbatim

    emit(Verbatim(), text, output, inputs, None, "en", fmt=fmt)


# --- commands ----------------------------------------------------------------------------------


def reading_limits(max_size: str, max_inflated: str, max_rows: int) -> Limits:
    """The reading limits from --max-size, --max-inflated and --max-rows (UsageError if bad)."""
    from qcity.zipguard import Limits, parse_size

    return Limits(
        max_file_bytes=parse_size(max_size),
        max_inflated_bytes=parse_size(max_inflated),
        max_rows=max_rows,
    )


def require_output(binary: bool, output: Path | None, fmt: str, example: str) -> None:
    """A usage error (output-required) when a binary format would go to the terminal."""
    if binary and output is None:
        fail(Issue("output-required", Location(), {"format": fmt, "example": example}))


def refuse_output(output: Path | None, inputs: Sequence[Path]) -> None:
    if output is not None:
        from qcity.files import refuse_overwrite

        refuse_overwrite(output, list(inputs))


def check_outputs(*outputs: Path | None, inputs: Sequence[Path | None] = ()) -> None:
    """Before anything is read or printed: every output can be written, none is an input, none
    is a folder, and no two are the same file (UsageError, exit 2, otherwise)."""
    from qcity.files import check_output

    given = [o for o in outputs if o is not None]
    sources = [i for i in inputs if i is not None]
    for n, output in enumerate(given):
        check_output(output, [*sources, *given[:n]])


# What a suffix of -o means (`--format` not given: the format; given: it must agree).
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".log": "text",
    ".json": "json",
    ".xml": "junit",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
# The formats a suffix allows besides its own (GitHub annotations are lines of text).
_ALSO_ALLOWED = {"text": {"github"}}
_FORMAT_SUFFIX = {
    "text": ".txt",
    "json": ".json",
    "junit": ".xml",
    "markdown": ".md",
    "html": ".html",
    "xlsx": ".xlsx",
    "github": ".txt",
}


def output_format(
    choices: tuple[str, ...], given: str | None, output: Path | None, default: str = "text"
) -> str:
    """The format to write: *given* (--format), which the suffix of *output* must not contradict;
    else the one the suffix means; else *default*. UsageError (exit 2) on a contradiction or a
    suffix meaning a format this command does not write."""
    implied = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    offered = list(choices)
    if implied is None:
        return given if given is not None else default
    assert output is not None
    params = {"path": printable(str(output)), "suffix": output.suffix, "implied": implied}
    if given is not None:
        if given != implied and given not in _ALSO_ALLOWED.get(implied, set()):
            example = output.with_suffix(_FORMAT_SUFFIX.get(given, ".txt")).name
            fail(
                Issue(
                    "output-format-mismatch",
                    Location(file=printable(str(output))),
                    {**params, "format": given, "example": example},
                )
            )
        return given
    if implied not in offered:
        fail(
            Issue(
                "output-format-unknown",
                Location(file=printable(str(output))),
                {**params, "formats": {"zh": "、".join(offered), "en": ", ".join(offered)}},
            )
        )
    return implied


def require_suffix(path: Path, suffixes: tuple[str, ...], hint: str) -> None:
    """A click usage error (exit 2) unless *path* ends in one of *suffixes*."""
    if path.suffix.lower() not in suffixes:
        raise Wrong(
            "wrong-suffix",
            hint=hint.strip("'"),
            path=printable(str(path)),
            suffixes={"zh": "、".join(suffixes), "en": " or ".join(suffixes)},
        )
