"""`qcity plan`: the plan's timetable today 创建工作进度 (and, with a workbook, what is open)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

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
    LeadOpt,
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    OutputOpt,
    TodayOpt,
    YearOpt,
)
from qcity.cli.output import (
    PlanFormat,
    check_outputs,
    choose_format,
    emit,
    format_choices,
    format_option,
)

if TYPE_CHECKING:
    from qcity.plan import PlanView


class PlanOptions(NamedTuple):
    """`qcity plan`, parsed."""

    file: Path | None
    lead: str | None  # one department
    fmt: str | None
    common: Common


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
        PlanFormat | None,
        format_option("Output format (default: from the suffix of -o, else text)."),
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
    """The plan's timetable today 创建工作进度: phases, what is due, reports, what is open."""
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
    options = PlanOptions(file, lead, fmt, common)
    run(common.lang, debug, lambda: show_plan(options))


def show_plan(o: PlanOptions) -> PlanView:
    """The plan on the report's day, written in the format asked for."""
    from qcity.catalogue import resolve_leads
    from qcity.plan import build_plan_on_day
    from qcity.render import get_renderer

    c = o.common
    check_outputs(c.output, inputs=[o.file])
    fmt = choose_format(format_choices("plan"), o.fmt, c.output)
    cat = c.load()
    department = resolve_leads(cat, [o.lead])[0] if o.lead is not None else None
    view = build_plan_on_day(cat, o.file, c.settings(cat), department)
    emit(
        get_renderer("plan", fmt),
        view,
        c.output,
        [o.file] if o.file is not None else [],
        c.color,
        c.lang,
        today=c.day,
        fmt=fmt,
    )
    return view
