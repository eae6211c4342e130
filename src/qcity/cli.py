"""The typer command line: parse options, call the core, decide the exit code in one place."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from qcity import __version__
from qcity.errors import InputError, Issue, Lang, Location, QcityError, UsageError
from qcity.report import ReportOptions

if TYPE_CHECKING:
    from qcity.batch import Batch
    from qcity.diff import Diff
    from qcity.gaps import GapReport
    from qcity.model import Catalogue, Evaluation, IndicatorResult
    from qcity.package import Limits

# --- exit codes: the one place they are decided (tabled in the README) --------------------------
EXIT_OK = 0  # every indicator met
EXIT_UNMET = 1  # some indicator unmet or missing
EXIT_USAGE = 2  # the command line is wrong (bad option, missing file)
EXIT_INVALID = 3  # the workbook or catalogue cannot be trusted
EXIT_INTERNAL = 4  # a bug in qcity


def exit_code_for(evaluation: Evaluation, fail_on_tasks: bool = False) -> int:
    """0 all met; 1 unmet or missing; 3 any invalid figure or error-level issue (districts too).
    Tasks count only with *fail_on_tasks*: then an overdue task makes it at least 1."""
    from qcity.model import Status

    results = evaluation.all_results()
    if evaluation.errors or any(r.status is Status.INVALID for r in results):
        return EXIT_INVALID
    if any(r.status is not Status.MET for r in results):
        return EXIT_UNMET
    if fail_on_tasks and evaluation.tasks and any(r.overdue for r in evaluation.tasks.results):
        return EXIT_UNMET
    return EXIT_OK


def exit_code_for_one(result: IndicatorResult) -> int:
    """`qcity explain`: 0 met; 1 unmet or missing; 3 invalid."""
    from qcity.model import Status

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
    from qcity.model import Status

    if report.other_issues or any(g.result.status is Status.INVALID for g in report.gaps):
        return EXIT_INVALID
    return EXIT_UNMET if report.gaps else EXIT_OK


# --- options shared by commands -----------------------------------------------------------------


class LangChoice(str, enum.Enum):
    zh = "zh"
    en = "en"


class ReportFormat(str, enum.Enum):
    """The formats of `qcity check --format` (kept equal to the reporter registry by a test)."""

    text = "text"
    json = "json"
    junit = "junit"
    markdown = "markdown"
    github = "github"
    html = "html"


class CheckFormat(str, enum.Enum):
    """The formats of `qcity check --format`: every report format, and xlsx for batches."""

    text = "text"
    json = "json"
    junit = "junit"
    markdown = "markdown"
    github = "github"
    html = "html"
    xlsx = "xlsx"


class DiffFormat(str, enum.Enum):
    """The formats of `qcity diff --format`."""

    text = "text"
    json = "json"
    markdown = "markdown"


class GapsFormat(str, enum.Enum):
    """The formats of `qcity gaps --format` (kept equal to the gaps registry by a test)."""

    text = "text"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"


class ListFormat(str, enum.Enum):
    text = "text"
    json = "json"


LangOpt = Annotated[
    LangChoice,
    typer.Option(
        "--lang", envvar="QCITY_LANG", help="Report language 报告语言: zh (default) or en."
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
TodayOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        envvar="QCITY_TODAY",
        formats=["%Y-%m-%d"],
        help="The date to report as today, YYYY-MM-DD (pins dates so outputs are reproducible).",
    ),
]


def _pinned(today: dt.datetime | None) -> tuple[dt.date | None, dt.datetime | None]:
    """The report date and the check time that --today pins (midnight UTC), or None and None."""
    if today is None:
        return None, None
    return today.date(), today.replace(tzinfo=dt.timezone.utc)


def _size(text: str) -> str:
    """Validate a size option while parsing, so a bad one is a usage error naming the option."""
    from qcity.package import parse_size

    try:
        parse_size(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return text


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
        "3 workbook or catalogue cannot be trusted · 4 internal error."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich help formatting costs ~140 ms of imports on every `--help`.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
catalogue_app = typer.Typer(
    help="List, validate or describe indicator catalogues 指标目录.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(catalogue_app, name="catalogue")
schema_app = typer.Typer(help="Print JSON Schemas: of reports and of catalogue files.")
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


def _stderr_console(lang: Lang) -> Any:
    from qcity.report.text import make_console

    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    return make_console(sys.stderr, ReportOptions(lang=lang, color=color, width=_width()))


def _width() -> int:
    try:
        return max(60, min(os.get_terminal_size(sys.stdout.fileno()).columns, 160))
    except (OSError, ValueError):
        return 100


@contextmanager
def _guard(lang: Lang, debug: bool) -> Iterator[None]:
    try:
        yield
    except (typer.Exit, typer.Abort, typer.BadParameter):
        raise
    except QcityError as e:
        from qcity.report.text import print_issues

        if debug and e.__cause__ is not None:
            import traceback

            traceback.print_exception(e.__cause__, file=sys.stderr)
        print_issues(_stderr_console(lang), e.issues, lang)
        raise typer.Exit(e.exit_code) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as e:
        if debug:
            raise
        from qcity.report.text import print_issues

        issue = Issue("internal-error", Location(), {"reason": f"{type(e).__name__}: {e}"})
        print_issues(_stderr_console(lang), [issue], lang)
        raise typer.Exit(EXIT_INTERNAL) from None


def _fail(issue: Issue) -> NoReturn:
    raise UsageError(issue)


def _load(catalogue: Path | None) -> Catalogue:
    from qcity.catalogue import load_catalogue

    return load_catalogue(catalogue)


def _emit(
    render: Any,
    output: Path | None,
    inputs: list[Path],
    color: bool | None,
    lang: Lang,
    today: dt.date | None = None,
    fail_on_tasks: bool = False,
) -> None:
    """Render with *render(stream, options)* to *output* (atomically) or stdout."""
    if output is not None:
        from qcity.files import refuse_overwrite, write_atomic

        refuse_overwrite(output, inputs)
        buffer = io.StringIO()
        render(
            buffer,
            ReportOptions(
                lang=lang, color=bool(color), width=100, today=today, fail_on_tasks=fail_on_tasks
            ),
        )
        write_atomic(output, buffer.getvalue())
        return
    use_color = (
        color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    options = ReportOptions(
        lang=lang, color=use_color, width=_width(), today=today, fail_on_tasks=fail_on_tasks
    )
    try:
        render(sys.stdout, options)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`qcity check … | head`): stop writing, keep the exit code.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --- commands ----------------------------------------------------------------------------------


@app.command()
def check(
    files: WorkbooksArg,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="Report format (xlsx: batches, needs -o)."),
    ] = CheckFormat.text,
    output: OutputOpt = None,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            help="Also write a copy of the workbook marked with the results (.xlsx) 标注副本.",
            dir_okay=False,
        ),
    ] = None,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    today: TodayOpt = None,
    fail_on_tasks: Annotated[
        bool,
        typer.Option(
            "--fail-on-tasks",
            help="Let overdue tasks (任务 sheet, judged against --today) make the exit code 1.",
        ),
    ] = False,
    max_size: MaxSizeOpt = "20MiB",
    max_inflated: MaxInflatedOpt = "4MiB",
    max_rows: MaxRowsOpt = 2_000,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Check submission workbooks against the catalogue 检查填报数据是否达标.

    One FILE gives its full report; several files or folders (searched recursively for .xlsx and
    .xlsm, lock files skipped) give one combined report, a row per file, and the worst exit code.
    """
    limits = (max_size, max_inflated, max_rows)
    if len(files) == 1 and not files[0].is_dir() and fmt is not CheckFormat.xlsx:
        _check_one_file(
            files[0], catalogue, fmt, output, annotate, lang, year, color, today, debug,
            fail_on_tasks, limits,
        )  # fmt: skip
    if annotate is not None:
        raise typer.BadParameter(
            "the annotated copy is made of a single workbook, not of a batch",
            param_hint="'--annotate'",
        )
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.report import get_batch_reporter

        day, now = _pinned(today)
        cat = _load(catalogue)
        reporter = get_batch_reporter(fmt.value)
        if reporter.binary and output is None:
            _fail(
                Issue(
                    "output-required",
                    Location(),
                    {"format": fmt.value, "example": f"report{reporter.suffix}"},
                )
            )
        batch = _run_batch(
            files, cat, catalogue, jobs=jobs, now=now, year=year, quiet=quiet, debug=debug,
            lang=lang.value, before=lambda inputs: _refuse_output(output, inputs),
            limits=_limits(*limits), fail_on_tasks=fail_on_tasks,
        )  # fmt: skip
        if reporter.binary:
            from qcity.files import write_atomic

            assert output is not None
            write_atomic(output, reporter.render(batch, ReportOptions(lang=lang.value, today=day)))
        else:
            _emit(
                lambda s, o: s.write(str(reporter.render(batch, o))),
                output,
                [],
                color,
                lang.value,
                today=day,
            )
        code = batch.exit_code
    raise typer.Exit(code)


def _check_one_file(
    file: Path,
    catalogue: Path | None,
    fmt: CheckFormat,
    output: Path | None,
    annotate: Path | None,
    lang: LangChoice,
    year: int | None,
    color: bool | None,
    today: dt.datetime | None,
    debug: bool,
    fail_on_tasks: bool,
    limits: tuple[str, str, int],
) -> NoReturn:
    """`qcity check FILE`: the full report of one workbook (and its annotated copy)."""
    if annotate is not None:
        # A macro-enabled copy only of a macro-enabled workbook: the name must match the content.
        allowed = (".xlsx", ".xlsm") if file.suffix.lower() == ".xlsm" else (".xlsx",)
        _require_suffix(annotate, allowed, "'--annotate'")
        if output is not None and output.resolve() == annotate.resolve():
            raise typer.BadParameter(
                "the annotated copy and the report (-o) need different files",
                param_hint="'--annotate'",
            )
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.check import check_workbook
        from qcity.report import get_reporter

        day, now = _pinned(today)
        if annotate is not None:
            from qcity.files import refuse_overwrite

            refuse_overwrite(annotate, [file])
        cat = _load(catalogue)
        evaluation = check_workbook(file, cat, now=now, year=year, limits=_limits(*limits))
        reporter = get_reporter(fmt.value)
        _emit(
            lambda s, o: reporter.write(evaluation, s, o),
            output,
            [file],
            color,
            lang.value,
            today=day,
            fail_on_tasks=fail_on_tasks,
        )
        if annotate is not None:
            _write_annotated(file, annotate, evaluation, lang.value)
        code = exit_code_for(evaluation, fail_on_tasks)
    raise typer.Exit(code)


def _limits(max_size: str, max_inflated: str, max_rows: int) -> Limits:
    """The reading limits from --max-size, --max-inflated and --max-rows (UsageError if bad)."""
    from qcity.package import Limits, parse_size

    return Limits(
        max_file_bytes=parse_size(max_size),
        max_inflated_bytes=parse_size(max_inflated),
        max_rows=max_rows,
    )


def _refuse_output(output: Path | None, inputs: Sequence[Path]) -> None:
    if output is not None:
        from qcity.files import refuse_overwrite

        refuse_overwrite(output, list(inputs))


def _run_batch(
    paths: Sequence[Path],
    cat: Catalogue,
    catalogue_path: Path | None,
    *,
    jobs: int | None,
    now: dt.datetime | None,
    year: int | None,
    quiet: bool,
    debug: bool,
    lang: Lang = "zh",
    before: Callable[[list[Path]], None] | None = None,
    limits: Limits | None = None,
    fail_on_tasks: bool = False,
) -> Batch:
    """Check every workbook *paths* name, each on its own; the batch in the order given.

    *before* sees the files found before any is checked (to refuse an output among them).
    """
    from qcity.batch import Batch, Entry, collect, duplicate_units
    from qcity.errors import Severity
    from qcity.parallel import Settings, default_jobs, run_checks

    collected = collect(paths)
    empty = [Issue("no-workbooks", Location(file=f), {"path": f}) for f in collected.empty]
    if not collected.inputs:
        raise UsageError(*empty)  # nothing at all to check: a wrong path, most likely
    if before is not None:
        before([i.path for i in collected.inputs])
    # One check time for the whole batch, so that reports do not depend on which file came when.
    now = now or dt.datetime.now(dt.timezone.utc).astimezone()
    settings = Settings(catalogue_path, now, year, limits)
    show = not quiet and len(collected.inputs) > 1 and sys.stderr.isatty()
    with _progress(len(collected.inputs), show, "检查" if lang == "zh" else "checking") as advance:
        entries = run_checks(
            collected.inputs,
            cat,
            settings,
            jobs=jobs or default_jobs(),
            judge=lambda evaluation: exit_code_for(evaluation, fail_on_tasks),
            advance=advance,
        )
    entries += [Entry(str(i.location.file), None, i.type.exit_code, (i,)) for i in empty]
    if debug:
        for entry in entries:
            if entry.detail:
                sys.stderr.write(f"{entry.shown}:\n{entry.detail}")
    return Batch(cat, entries, now, collected.skipped, duplicate_units(entries, Severity.WARNING))


@contextmanager
def _progress(total: int, show: bool, description: str) -> Iterator[Callable[[], None] | None]:
    """A progress bar on stderr while files are checked (nothing when *show* is false)."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # No refresh thread (auto_refresh=False): worker processes are forked while it is shown.
    with Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        auto_refresh=False,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=total)

        def advance() -> None:
            progress.advance(task)
            progress.refresh()

        yield advance


@app.command()
def explain(
    indicator: Annotated[str, typer.Argument(help="The indicator code 指标代码, e.g. ECO-04.")],
    file: Annotated[
        Path, typer.Argument(help="The submission workbook (.xlsx / .xlsm) 填报工作簿.")
    ],
    catalogue: CatalogueOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show how one indicator's figure was obtained, cell by cell 逐步说明指标的计算过程."""
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        import difflib

        from qcity.check import check_workbook
        from qcity.report.explain import write_explanation
        from qcity.values import normalize_code

        cat = _load(catalogue)
        wanted = normalize_code(indicator)
        known = [i.code for i in cat.indicators]
        if wanted not in known:
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else f" (one of {', '.join(known)})"
            raise typer.BadParameter(
                f"{indicator!r} is not an indicator of the catalogue{hint}",
                param_hint="INDICATOR",
            )
        evaluation = check_workbook(file, cat, year=year)
        result = next(r for r in evaluation.results if r.indicator.code == wanted)
        _emit(
            lambda s, o: write_explanation(evaluation, result, s, o),
            output,
            [file],
            color,
            lang.value,
        )
        code = exit_code_for_one(result)
    raise typer.Exit(code)


def _write_annotated(file: Path, out: Path, evaluation: Evaluation, lang: Lang) -> None:
    """Write the annotated copy of *file* to *out* and say so (and what it lost) on stderr."""
    from qcity.annotate import annotate_workbook
    from qcity.files import write_atomic

    source = file.read_bytes()
    # Macros survive only into an .xlsm copy of an .xlsm; openpyxl never runs them.
    keep_vba = out.suffix.lower() == ".xlsm" and file.suffix.lower() == ".xlsm"
    copy = annotate_workbook(source, evaluation, lang=lang, keep_vba=keep_vba)
    write_atomic(out, copy.data)
    if lang == "zh":
        typer.echo(f"✔ 标注副本已写入 {out}", err=True)
        if copy.lost:
            typer.echo(f"⚠ 标注副本未能保留原工作簿中的:{'、'.join(copy.lost)}", err=True)
    else:
        typer.echo(f"✔ wrote the annotated copy {out}", err=True)
        if copy.lost:
            typer.echo(f"⚠ the annotated copy could not keep: {'; '.join(copy.lost)}", err=True)


@app.command()
def template(
    out: Annotated[
        Path, typer.Argument(help="The workbook to write (.xlsx) 输出的模板文件.", dir_okay=False)
    ],
    catalogue: CatalogueOpt = None,
    lead: Annotated[
        list[str] | None,
        typer.Option(
            "--lead",
            metavar="DEPT",
            help="Only the indicators this department leads, e.g. 市质监局 (repeatable) 牵头部门.",
        ),
    ] = None,
    lang: LangOpt = LangChoice.zh,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Write the fill-in template workbook 生成填报模板."""
    _require_suffix(out, (".xlsx",), "OUT")
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.catalogue import resolve_leads
        from qcity.files import write_atomic
        from qcity.template import template_indicators, write_template

        cat = _load(catalogue)
        leads = resolve_leads(cat, lead or [])
        if out.exists() and not force:
            _fail(Issue("output-exists", Location(file=str(out)), {"path": str(out)}))
        write_atomic(out, write_template(cat, lang=lang.value, leads=leads))
        n = len(template_indicators(cat, leads))
        meta = cat.catalogue
        if lang.value == "zh":
            msg = f"✔ 已写入模板 {out}({n} 项指标,指标目录 {meta.id} v{meta.version})"
        else:
            msg = (
                f"✔ wrote the template {out} ({n} indicators, catalogue {meta.id} v{meta.version})"
            )
        typer.echo(msg)
        code = EXIT_OK
    raise typer.Exit(code)


def _require_suffix(path: Path, suffixes: tuple[str, ...], hint: str) -> None:
    """A click usage error (exit 2) unless *path* ends in one of *suffixes*."""
    if path.suffix.lower() not in suffixes:
        raise typer.BadParameter(
            f"{path} must end in {' or '.join(suffixes)} (an Excel workbook)", param_hint=hint
        )


class FailOn(str, enum.Enum):
    """What makes `qcity hook` fail."""

    unmet = "unmet"  # any target unmet or missing, or anything invalid (exit 1 or 3)
    invalid = "invalid"  # only figures that cannot be trusted (exit 3)


@app.command()
def hook(
    files: Annotated[list[Path], typer.Argument(help="Workbooks to check, one after another.")],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format for each file.")
    ] = ReportFormat.text,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="unmet: fail on any gap; invalid: only on untrusted data."),
    ] = FailOn.unmet,
    lang: LangOpt = LangChoice.zh,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Check this many files at once (pre-commit "
            "already runs hooks in parallel, hence 1).",
        ),
    ] = 1,
    debug: DebugOpt = False,
) -> None:
    """Check several workbooks, as a pre-commit hook 提交前检查 (see .pre-commit-hooks.yaml).

    Silent for a file whose targets are all met (text format); otherwise each file's report, in
    the order given, and the worst exit code.
    """
    worst = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.report import get_reporter
        from qcity.report.text import print_issues

        cat = _load(catalogue)
        batch = _run_batch(
            files, cat, catalogue, jobs=jobs, now=None, year=None, quiet=True, debug=debug,
            lang=lang.value,
        )  # fmt: skip
        reporter = get_reporter(fmt.value)
        worst = EXIT_OK
        for entry in batch.entries:
            code = entry.exit_code
            if entry.evaluation is None:
                print_issues(_stderr_console(lang.value), entry.failure, lang.value)
            elif code != EXIT_OK or fmt is not ReportFormat.text:
                render = functools.partial(reporter.write, entry.evaluation)
                _emit(render, None, [], False, lang.value)
            if fail_on is FailOn.invalid and code == EXIT_UNMET:
                code = EXIT_OK
            worst = max(worst, code)
    raise typer.Exit(worst)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier workbook, or folder of workbooks 旧.")],
    new: Annotated[Path, typer.Argument(help="The later workbook, or folder of workbooks 新.")],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    output: OutputOpt = None,
    changed_only: Annotated[
        bool, typer.Option("--changed-only", help="Leave out the indicators that did not change.")
    ] = False,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Compare two submissions (or two folders, matched by reporting unit) 对比两期填报.

    Per indicator: old and new figure, the change, and newly met / newly unmet / improved /
    worsened / unchanged, regressions first. Exit 1 when anything went from met to not met.
    """
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.diff import diff_batches, diff_files
        from qcity.report.diff_report import DIFF_REPORTERS

        if old.is_dir() != new.is_dir() and old.exists() and new.exists():
            raise typer.BadParameter(
                "compare a workbook with a workbook, or a folder with a folder",
                param_hint="OLD NEW",
            )
        cat = _load(catalogue)
        now = dt.datetime.now(dt.timezone.utc).astimezone()
        sides = []
        for path in (old, new):
            sides.append(
                _run_batch(
                    [path], cat, catalogue, jobs=jobs, now=now, year=year, quiet=quiet,
                    debug=debug, lang=lang.value,
                    before=lambda inputs: _refuse_output(output, inputs),
                )
            )  # fmt: skip
        before, after = sides
        if old.is_dir():
            result = diff_batches(cat, str(old), str(new), before.entries, after.entries)
        else:
            for side in (before, after):
                if side.entries[0].evaluation is None:
                    # Two single workbooks: one that cannot be read ends the comparison.
                    raise InputError(*side.entries[0].failure)
            result = diff_files(cat, before.entries[0], after.entries[0])
        reporter = DIFF_REPORTERS[fmt.value]()
        _emit(
            lambda s, o: s.write(reporter.render(result, o, changed_only=changed_only)),
            output,
            [old, new],
            color,
            lang.value,
        )
        code = diff_exit_code(result)
    raise typer.Exit(code)


@app.command()
def gaps(
    file: WorkbookArg,
    lead: LeadOpt = None,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        GapsFormat, typer.Option("--format", "-f", help="Output format (xlsx needs -o).")
    ] = GapsFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    color: ColorOpt = None,
    today: TodayOpt = None,
    debug: DebugOpt = False,
) -> None:
    """The self-inspection list 查漏补缺: what each lead department must close, worst first."""
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.catalogue import resolve_leads
        from qcity.check import check_workbook
        from qcity.gaps import find_gaps
        from qcity.report import get_gaps_reporter

        day, now = _pinned(today)
        cat = _load(catalogue)
        department = resolve_leads(cat, [lead])[0] if lead is not None else None
        reporter = get_gaps_reporter(fmt.value)
        if reporter.binary and output is None:
            _fail(
                Issue(
                    "output-required",
                    Location(),
                    {"format": fmt.value, "example": f"gaps{reporter.suffix}"},
                )
            )
        evaluation = check_workbook(file, cat, now=now)
        report = find_gaps(evaluation, day or evaluation.checked_at.date(), department)
        if reporter.binary:
            from qcity.files import refuse_overwrite, write_atomic

            assert output is not None
            refuse_overwrite(output, [file])
            data = reporter.render(report, ReportOptions(lang=lang.value, today=day))
            write_atomic(output, data)
        else:
            _emit(
                lambda s, o: s.write(reporter.render(report, o)),
                output,
                [file],
                color,
                lang.value,
                today=day,
            )
        code = gaps_exit_code(report)
    raise typer.Exit(code)


class PlanFormat(str, enum.Enum):
    """The formats of `qcity plan --format`."""

    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def plan(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A submission workbook: also list what each lead department has still open."
        ),
    ] = None,
    lead: LeadOpt = None,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PlanFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    color: ColorOpt = None,
    today: TodayOpt = None,
    debug: DebugOpt = False,
) -> None:
    """The plan's timetable today 创建工作进度: phases, what is due, reports, what is open."""
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.catalogue import resolve_leads
        from qcity.plan import build_plan
        from qcity.report.plan_report import RENDERERS

        day, now = _pinned(today)
        cat = _load(catalogue)
        department = resolve_leads(cat, [lead])[0] if lead is not None else None
        evaluation = None
        if file is not None:
            from qcity.check import check_workbook

            evaluation = check_workbook(file, cat, now=now)
        view = build_plan(
            cat,
            day or (evaluation.checked_at.date() if evaluation else dt.date.today()),
            evaluation,
            department,
        )
        render = RENDERERS[fmt.value]
        _emit(
            lambda s, o: s.write(render(view, o)),
            output,
            [file] if file is not None else [],
            color,
            lang.value,
            today=day,
        )
        # A view, not a verdict: 0 whatever is open (check and gaps judge).
        code = EXIT_OK
    raise typer.Exit(code)


@catalogue_app.callback()
def catalogue_list(
    ctx: typer.Context,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """List the indicators of the catalogue 列出指标目录 (or run a subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    with _guard(lang.value, debug):
        from qcity.report.catalogue_view import write_catalogue

        cat = _load(catalogue)
        _emit(lambda s, o: write_catalogue(cat, s, o, fmt.value), None, [], None, lang.value)


@catalogue_app.command("validate")
def catalogue_validate(
    file: Annotated[Path, typer.Argument(help="The catalogue YAML to check.", dir_okay=False)],
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help="Plan text: check that every quoted phrase appears in it verbatim."
        ),
    ] = None,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """Validate a catalogue file 校验指标目录文件."""
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.catalogue import check_quotes
        from qcity.errors import CatalogueError

        cat = _load(file)
        if plan is not None:
            try:
                plan_text = plan.read_text(encoding="utf-8-sig")
            except OSError as e:
                _fail(
                    Issue(
                        "file-not-found",
                        Location(file=str(plan)),
                        {"path": f"{plan} ({e.strerror})"},
                    )
                )
            problems = check_quotes(cat, plan_text, str(file))
            if problems:
                raise CatalogueError(*problems)
        n = len(cat.indicators)
        meta = cat.catalogue
        if lang.value == "zh":
            msg = f"✔ {file}:指标目录有效({meta.id} v{meta.version},{n} 项指标)"
        else:
            msg = f"✔ {file}: valid catalogue ({meta.id} v{meta.version}, {n} indicators)"
        if plan is not None:
            msg += (
                ";引文均与方案原文一致" if lang.value == "zh" else "; every quote matches the plan"
            )
        typer.echo(msg)
        code = EXIT_OK
    raise typer.Exit(code)


def _print_schema(which: str, output: Path | None, debug: bool) -> None:
    with _guard("en", debug):
        import json

        if which == "catalogue":
            from qcity.catalogue import catalogue_json_schema

            schema = catalogue_json_schema()
        elif which == "report":
            from qcity.report.json_schema import report_json_schema

            schema = report_json_schema()
        elif which == "plan":
            from qcity.report.plan_report import plan_json_schema

            schema = plan_json_schema()
        elif which == "batch":
            from qcity.report.json_schema import batch_json_schema

            schema = batch_json_schema()
        elif which == "diff":
            from qcity.report.diff_report import diff_json_schema

            schema = diff_json_schema()
        else:
            from qcity.report.gaps_report import gaps_json_schema

            schema = gaps_json_schema()
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        _emit(lambda s, o: s.write(text), output, [], None, "en")


@catalogue_app.command("schema")
def catalogue_schema(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """Print the JSON Schema of catalogue files, for editors 输出目录的 JSON Schema."""
    _print_schema("catalogue", output, debug)


@schema_app.command("catalogue")
def schema_catalogue(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of catalogue files (same as `qcity catalogue schema`)."""
    _print_schema("catalogue", output, debug)


@schema_app.command("report")
def schema_report(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity check --format json` (schema_version 1)."""
    _print_schema("report", output, debug)


@schema_app.command("batch")
def schema_batch(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity check FILE_OR_DIR … --format json` for a batch."""
    _print_schema("batch", output, debug)


@schema_app.command("diff")
def schema_diff(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity diff --format json`."""
    _print_schema("diff", output, debug)


@schema_app.command("gaps")
def schema_gaps(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity gaps --format json` (schema_version 1)."""
    _print_schema("gaps", output, debug)


@schema_app.command("plan")
def schema_plan(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity plan --format json` (schema_version 1)."""
    _print_schema("plan", output, debug)


def main() -> None:
    """Console-script entry point."""
    import gc

    # A check allocates a few objects per cell and keeps most of them (the rows, then the
    # results): at the default thresholds the cyclic collector re-scans that growing heap
    # again and again (a fifth of the time of a 200,000-row workbook). Collect far less often.
    gc.set_threshold(50_000, 50, 100)
    app()
