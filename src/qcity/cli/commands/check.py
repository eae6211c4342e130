"""`qcity check`: one workbook's full report (and its annotated copy), or a batch's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from qcity.cli.app import app
from qcity.cli.batches import check_batch
from qcity.cli.guard import run
from qcity.cli.options import (
    DEFAULT_MAX_INFLATED,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_SIZE,
    CatalogueOpt,
    ColorOpt,
    Common,
    DebugOpt,
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
)
from qcity.cli.outcome import Rules
from qcity.cli.output import (
    CheckFormat,
    check_outputs,
    choose_format,
    emit,
    format_choices,
    format_option,
    require_output,
    require_suffix,
)
from qcity.cli.usage import Wrong
from qcity.errors import InputError, printable
from qcity.lang import Lang
from qcity.render import RENDERERS
from qcity.render.i18n import say

if TYPE_CHECKING:
    from qcity.batch import Batch
    from qcity.files import Fingerprint
    from qcity.results import Evaluation
    from qcity.zipguard import Limits


class CheckOptions(NamedTuple):
    """`qcity check`, parsed."""

    files: tuple[Path, ...]
    fmt: str | None  # --format (None: from the suffix of -o, else text)
    annotate: Path | None  # --annotate: the marked copy of one workbook
    lead: list[str] | None
    fail_on_tasks: bool
    jobs: int | None
    quiet: bool
    common: Common

    @property
    def rules(self) -> Rules:
        """The exit rules --fail-on-tasks sets."""
        return Rules(fail_on_tasks=self.fail_on_tasks)


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
    common = Common(
        lang=lang.value,
        debug=debug,
        catalogue=catalogue,
        output=output,
        color=color,
        today=today,
        year=year,
        limits=limits,
    )
    options = CheckOptions(tuple(files), fmt, annotate, lead, fail_on_tasks, jobs, quiet, common)
    run(common.lang, debug, lambda: check_files(options), options.rules)


def check_files(o: CheckOptions) -> Evaluation | Batch:
    """Every output checked before anything is read; then one workbook's full report, or (for
    several files, a folder, or --format xlsx) the batch's."""
    output, annotate = o.common.output, o.annotate
    if annotate is not None and output is not None and output.resolve() == annotate.resolve():
        raise Wrong("annotate-and-output")
    check_outputs(output, annotate, inputs=o.files)
    fmt = choose_format(format_choices("check", "batch"), o.fmt, output)
    if len(o.files) == 1 and not o.files[0].is_dir() and ("check", fmt) in RENDERERS:
        return check_one_file(o, fmt)
    if annotate is not None:
        raise Wrong("annotate-batch")
    return check_many_files(o, fmt)


def check_one_file(o: CheckOptions, fmt: str) -> Evaluation:
    """One workbook: its report (a document even for one that cannot be read, in a machine
    format: CI needs one for every input), and its annotated copy."""
    from qcity.check import check_file, unreadable
    from qcity.files import fingerprint
    from qcity.render import get_renderer

    file, c = o.files[0], o.common
    if o.annotate is not None:
        # A macro-enabled copy only of a macro-enabled workbook: the name must match the content.
        allowed = (".xlsx", ".xlsm") if file.suffix.lower() == ".xlsm" else (".xlsx",)
        require_suffix(o.annotate, allowed, "'--annotate'")
    cat = c.load()
    read = fingerprint(file)  # the annotated copy must be of the file that was checked
    settings = c.settings(cat, o.lead)
    failure: InputError | None = None
    try:
        evaluation = check_file(file, cat, settings)
    except InputError as e:
        if fmt == "text":
            raise
        failure = e
        evaluation = unreadable(cat, printable(str(file)), e.issues, settings.now)
    emit(
        get_renderer("check", fmt),
        evaluation,
        c.output,
        [file],
        c.color,
        c.lang,
        today=c.day,
        fail_on_tasks=o.fail_on_tasks,
        fmt=fmt,
    )
    if failure is not None:
        raise failure  # said on stderr too, with its exit code
    if o.annotate is not None:
        assert settings.limits is not None
        write_annotated(file, o.annotate, evaluation, c.lang, read, settings.limits)
    return evaluation


def check_many_files(o: CheckOptions, fmt: str) -> Batch:
    """A batch: every file checked on its own, one combined report."""
    from qcity.render import get_renderer

    c = o.common
    cat = c.load()
    renderer = get_renderer("batch", fmt)
    require_output(renderer.binary, c.output, fmt, f"report{renderer.suffix}")
    settings = c.settings(cat, o.lead)
    batch = check_batch(
        o.files,
        cat,
        settings,
        rules=o.rules,
        jobs=o.jobs,
        quiet=o.quiet,
        debug=c.debug,
        lang=c.lang,
        output=c.output,
    )
    emit(renderer, batch, c.output, [], c.color, c.lang, today=c.day, fmt=fmt)
    return batch


def write_annotated(
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
    typer.echo(say("annotated-written", lang, path=out), err=True)
    if copy.lost:
        lost = say("annotated-lost-separator", lang).join(copy.lost)
        typer.echo(say("annotated-lost", lang, lost=lost), err=True)
