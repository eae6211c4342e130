"""`qcity check` (one workbook or a batch) and `qcity hook`."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from qcity.errors import InputError, Issue, Lang, Location, UsageError
from qcity.render import RENDERERS

if TYPE_CHECKING:
    from qcity.batch import Batch
    from qcity.files import Fingerprint
    from qcity.model import Catalogue
    from qcity.results import Evaluation
    from qcity.zipguard import Limits

from qcity.cli.core import (
    DEFAULT_MAX_INFLATED,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_SIZE,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNMET,
    CatalogueOpt,
    CheckFormat,
    ColorOpt,
    DebugOpt,
    HookFormat,
    JobsOpt,
    LangChoice,
    LangOpt,
    LeadsOpt,
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    OutputOpt,
    QuietOpt,
    TodayOpt,
    WorkbooksArg,
    YearOpt,
    app,
    check_outputs,
    emit,
    exit_code_for,
    format_choices,
    format_option,
    guard,
    leads_given,
    load,
    output_format,
    pinned,
    reading_limits,
    refuse_output,
    require_output,
    require_suffix,
    stderr_console,
)
from qcity.cli.usage import Wrong


@app.command()
def check(
    files: WorkbooksArg,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        CheckFormat | None,
        format_option(
            "Report format (xlsx: batches, needs -o; default: from the suffix of -o, else text)."
        ),
    ] = None,
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
    lead: LeadsOpt = None,
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
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Check submission workbooks against the catalogue 检查填报数据是否达标.

    One FILE gives its full report; several files or folders (searched recursively for .xlsx and
    .xlsm, lock files skipped) give one combined report, a row per file, and the worst exit code.
    """
    limits = (max_size, max_inflated, max_rows)
    if annotate is not None and output is not None and output.resolve() == annotate.resolve():
        raise Wrong("annotate-and-output")
    with guard(lang.value, debug):
        check_outputs(output, annotate, inputs=files)
        fmt = output_format(format_choices("check", "batch"), fmt, output)
    assert fmt is not None
    if len(files) == 1 and not files[0].is_dir() and ("check", fmt) in RENDERERS:
        _check_one_file(
            files[0], catalogue, fmt, output, annotate, lang, year, color, today, debug,
            fail_on_tasks, limits, lead,
        )  # fmt: skip
    if annotate is not None:
        raise Wrong("annotate-batch")
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.render import get_renderer

        day, now = pinned(today)
        cat = load(catalogue)
        renderer = get_renderer("batch", fmt)
        require_output(renderer.binary, output, fmt, f"report{renderer.suffix}")
        batch = run_batch(
            files, cat, catalogue, jobs=jobs, now=now, year=year, quiet=quiet, debug=debug,
            lang=lang.value, before=lambda inputs: refuse_output(output, inputs),
            limits=reading_limits(*limits), fail_on_tasks=fail_on_tasks,
            leads=leads_given(cat, lead), today=day,
        )  # fmt: skip
        emit(renderer, batch, output, [], color, lang.value, today=day, fmt=fmt)
        code = batch.exit_code
    raise typer.Exit(code)


def _check_one_file(
    file: Path,
    catalogue: Path | None,
    fmt: str,
    output: Path | None,
    annotate: Path | None,
    lang: LangChoice,
    year: int | None,
    color: bool | None,
    today: dt.datetime | None,
    debug: bool,
    fail_on_tasks: bool,
    limits: tuple[str, str, int],
    lead: list[str] | None = None,
) -> NoReturn:
    """`qcity check FILE`: the full report of one workbook (and its annotated copy)."""
    if annotate is not None:
        # A macro-enabled copy only of a macro-enabled workbook: the name must match the content.
        allowed = (".xlsx", ".xlsm") if file.suffix.lower() == ".xlsm" else (".xlsx",)
        require_suffix(annotate, allowed, "'--annotate'")
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.check import check_workbook
        from qcity.files import fingerprint
        from qcity.render import get_renderer

        day, now = pinned(today)
        cat = load(catalogue)
        read = fingerprint(file)  # the annotated copy must be of the file that was checked
        leads = leads_given(cat, lead)
        failure: InputError | None = None
        try:
            evaluation = check_workbook(
                file,
                cat,
                now=now,
                year=year,
                limits=reading_limits(*limits),
                leads=leads,
                today=day,
            )
        except InputError as e:
            if fmt == "text":
                raise
            # CI needs a document for every input: the report says why, the exit code stays.
            from qcity.check import unreadable
            from qcity.errors import printable

            failure = e
            evaluation = unreadable(cat, printable(str(file)), e.issues, now)
        emit(
            get_renderer("check", fmt),
            evaluation,
            output,
            [file],
            color,
            lang.value,
            today=day,
            fail_on_tasks=fail_on_tasks,
            fmt=fmt,
        )
        if failure is not None:
            raise failure  # said on stderr too, with its exit code
        if annotate is not None:
            _write_annotated(file, annotate, evaluation, lang.value, read, reading_limits(*limits))
        code = exit_code_for(evaluation, fail_on_tasks)
    raise typer.Exit(code)


def run_batch(
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
    leads: tuple[str, ...] | None = None,
    today: dt.date | None = None,
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
    settings = Settings(catalogue_path, now, year, limits, leads, today)
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
    skipped = [s.issue() for s in collected.skipped]
    return Batch(
        cat,
        entries,
        now,
        collected.skipped,
        [*skipped, *duplicate_units(entries, Severity.WARNING)],
    )


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


def _write_annotated(
    file: Path,
    out: Path,
    evaluation: Evaluation,
    lang: Lang,
    read: Fingerprint | None,
    limits: Limits,
) -> None:
    """Write the annotated copy of *file* to *out* and say so (and what it lost) on stderr."""
    from qcity.files import read_unchanged, write_atomic
    from qcity.render.xlsx.annotate import annotate_workbook

    # The same guards as the check (size, inflated bytes, tags, recognised formats), and the
    # very file that was checked.
    source = read_unchanged(file, read, evaluation.source, limits)
    # Macros survive only into an .xlsm copy of an .xlsm; openpyxl never runs them.
    keep_vba = out.suffix.lower() == ".xlsm" and file.suffix.lower() == ".xlsm"
    copy = annotate_workbook(source, evaluation, lang=lang, keep_vba=keep_vba, limits=limits)
    write_atomic(out, copy.data)
    if lang == "zh":
        typer.echo(f"✔ 标注副本已写入 {out}", err=True)
        if copy.lost:
            typer.echo(f"⚠ 标注副本未能保留原工作簿中的：{'、'.join(copy.lost)}", err=True)
    else:
        typer.echo(f"✔ wrote the annotated copy {out}", err=True)
        if copy.lost:
            typer.echo(f"⚠ the annotated copy could not keep: {'; '.join(copy.lost)}", err=True)


class FailOn(str, enum.Enum):
    """What makes `qcity hook` fail."""

    unmet = "unmet"  # any target unmet or missing, or anything invalid (exit 1 or 3)
    invalid = "invalid"  # only figures that cannot be trusted (exit 3)


@app.command()
def hook(
    files: Annotated[list[Path], typer.Argument(help="Workbooks to check, one after another.")],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[HookFormat, format_option("Report format for each file.")] = "text",
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
    lead: LeadsOpt = None,
    today: TodayOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """Check several workbooks, as a pre-commit hook 提交前检查 (see .pre-commit-hooks.yaml).

    Silent for a file whose targets are all met (text format); otherwise each file's report, in
    the order given, and the worst exit code.
    """
    worst = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.render import get_renderer
        from qcity.render.console import print_issues

        day, now = pinned(today)
        cat = load(catalogue)
        batch = run_batch(
            files, cat, catalogue, jobs=jobs, now=now, year=None, quiet=True, debug=debug,
            lang=lang.value, limits=reading_limits(max_size, max_inflated, max_rows),
            leads=leads_given(cat, lead), today=day,
        )  # fmt: skip
        renderer = get_renderer("check", fmt)
        worst = EXIT_OK
        for entry in batch.entries:
            code = entry.exit_code
            if entry.evaluation is None:
                print_issues(stderr_console(lang.value), entry.failure, lang.value)
            elif code != EXIT_OK or fmt != "text":
                emit(renderer, entry.evaluation, None, [], False, lang.value, today=day, fmt=fmt)
            if fail_on is FailOn.invalid and code == EXIT_UNMET:
                code = EXIT_OK
            worst = max(worst, code)
    raise typer.Exit(worst)
