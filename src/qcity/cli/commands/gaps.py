"""`qcity gaps`: the self-inspection list 查漏补缺, what each lead department must close."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

from qcity.cli.app import app
from qcity.cli.guard import run
from qcity.cli.options import (
    DEFAULT_MAX_INFLATED,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_SIZE,
    CatalogueOpt,
    ColorOpt,
    Common,
    DebugOpt,
    LangChoice,
    LangOpt,
    LeadsOpt,
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    OutputOpt,
    TodayOpt,
    WorkbookArg,
    YearOpt,
)
from qcity.cli.output import (
    GapsFormat,
    check_outputs,
    choose_format,
    emit,
    format_choices,
    format_option,
    require_output,
)

if TYPE_CHECKING:
    from qcity.gaps import GapReport


class GapsOptions(NamedTuple):
    """`qcity gaps`, parsed."""

    file: Path
    lead: list[str] | None
    fmt: str | None
    common: Common


@app.command()
def gaps(
    file: WorkbookArg,
    lead: LeadsOpt = None,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        GapsFormat | None,
        format_option("Output format (xlsx needs -o; default: from the suffix of -o, else text)."),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    today: TodayOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """The self-inspection list 查漏补缺: what each lead department must close, worst first."""
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
    options = GapsOptions(file, lead, fmt, common)
    run(common.lang, debug, lambda: show_gaps(options))


def show_gaps(o: GapsOptions) -> GapReport:
    """The list of the checked workbook, written in the format asked for."""
    from qcity.gaps import list_gaps
    from qcity.render import get_renderer

    c = o.common
    check_outputs(c.output, inputs=[o.file])
    fmt = choose_format(format_choices("gaps"), o.fmt, c.output)
    cat = c.load()
    settings = c.settings(cat, o.lead)
    renderer = get_renderer("gaps", fmt)
    require_output(renderer.binary, c.output, fmt, f"gaps{renderer.suffix}")
    report = list_gaps(o.file, cat, settings)
    emit(renderer, report, c.output, [o.file], c.color, c.lang, today=c.day, fmt=fmt)
    return report
