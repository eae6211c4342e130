"""`qcity diff`: two submissions (or two folders, matched by reporting unit) compared."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
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
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    OutputOpt,
    QuietOpt,
    YearOpt,
)
from qcity.cli.outcome import PLAIN
from qcity.cli.output import (
    DiffFormat,
    check_outputs,
    choose_format,
    emit,
    format_choices,
    format_option,
)
from qcity.cli.usage import Wrong

if TYPE_CHECKING:
    from qcity.batch import Batch
    from qcity.diff import Diff


class DiffOptions(NamedTuple):
    """`qcity diff`, parsed."""

    old: Path
    new: Path
    fmt: str | None
    changed_only: bool
    jobs: int | None
    quiet: bool
    common: Common


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier workbook, or folder of workbooks 旧.")],
    new: Annotated[Path, typer.Argument(help="The later workbook, or folder of workbooks 新.")],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        DiffFormat | None,
        format_option("Output format (default: from the suffix of -o, else text)."),
    ] = None,
    output: OutputOpt = None,
    changed_only: Annotated[
        bool, typer.Option("--changed-only", help="Leave out the indicators that did not change.")
    ] = False,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """Compare two submissions (or two folders, matched by reporting unit) 对比两期填报.

    Per indicator: old and new figure, the change, and newly met / newly unmet / improved /
    worsened / unchanged, regressions first. Exit 1 when anything went from met to not met.
    """
    limits = (max_size, max_inflated, max_rows)
    common = Common(
        lang=lang.value,
        debug=debug,
        catalogue=catalogue,
        output=output,
        color=color,
        year=year,
        limits=limits,
    )
    options = DiffOptions(old, new, fmt, changed_only, jobs, quiet, common)
    run(common.lang, debug, lambda: compare_submissions(options))


def compare_submissions(o: DiffOptions) -> Diff:
    """Both sides checked (as batches of one path, at one check time), then compared."""
    from qcity.diff import compare
    from qcity.render import get_renderer

    c = o.common
    check_outputs(c.output, inputs=[o.old, o.new])
    fmt = choose_format(format_choices("diff"), o.fmt, c.output)
    if o.old.is_dir() != o.new.is_dir() and o.old.exists() and o.new.exists():
        raise Wrong("diff-kinds")
    cat = c.load()
    now = dt.datetime.now(dt.timezone.utc).astimezone()
    settings = replace(c.settings(cat), now=now)

    def check(path: Path) -> Batch:
        return check_batch(
            [path],
            cat,
            settings,
            rules=PLAIN,
            jobs=o.jobs,
            quiet=o.quiet,
            debug=c.debug,
            lang=c.lang,
            output=c.output,
        )

    result = compare(cat, o.old, o.new, check)
    emit(
        get_renderer("diff", fmt),
        result,
        c.output,
        [o.old, o.new],
        c.color,
        c.lang,
        fmt=fmt,
        changed_only=o.changed_only,
    )
    return result
