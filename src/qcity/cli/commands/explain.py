"""`qcity explain`: how one indicator's figure was obtained, cell by cell."""

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
    LeadsOpt,
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    OutputOpt,
    YearOpt,
)
from qcity.cli.output import check_outputs, emit
from qcity.cli.usage import Wrong
from qcity.render.i18n import listing, pair, say

if TYPE_CHECKING:
    from qcity.explain import Explanation
    from qcity.model import Catalogue


class ExplainOptions(NamedTuple):
    """`qcity explain`, parsed."""

    indicator: str  # as given: ECO-04, eco04 …
    file: Path
    lead: list[str] | None
    common: Common


@app.command()
def explain(
    indicator: Annotated[str, typer.Argument(help="The indicator code 指标代码, e.g. ECO-04.")],
    file: Annotated[
        Path, typer.Argument(help="The submission workbook (.xlsx / .xlsm) 填报工作簿.")
    ],
    catalogue: CatalogueOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    lead: LeadsOpt = None,
    year: YearOpt = None,
    color: ColorOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """Show how one indicator's figure was obtained, cell by cell 逐步说明指标的计算过程."""
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
    options = ExplainOptions(indicator, file, lead, common)
    run(common.lang, debug, lambda: explain_indicator(options))


def explain_indicator(o: ExplainOptions) -> Explanation:
    """The indicator's result in the checked workbook, explained."""
    from qcity.check import check_file
    from qcity.explain import explain
    from qcity.render import get_renderer

    c = o.common
    check_outputs(c.output, inputs=[o.file])
    cat = c.load()
    code = find_code(cat, o.indicator)
    evaluation = check_file(o.file, cat, c.settings(cat, o.lead))
    explanation = explain(evaluation, code)
    emit(get_renderer("explain", "text"), explanation, c.output, [o.file], c.color, c.lang)
    return explanation


def find_code(catalogue: Catalogue, given: str) -> str:
    """The catalogue's code for *given* (in any case, with or without its dash); a usage error
    naming the closest code, or every code, for one the catalogue does not have."""
    import difflib

    from qcity.values import normalize_code

    wanted = normalize_code(given)
    known = [i.code for i in catalogue.indicators]
    if wanted not in known:
        close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
        more = (
            pair("unknown-indicator-close", code=close[0])
            if close
            else {
                lang: say("unknown-indicator-list", lang, codes=codes)
                for lang, codes in listing(known).items()
            }
        )
        raise Wrong("unknown-indicator", code=given, more=more)
    return wanted
