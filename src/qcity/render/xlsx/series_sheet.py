"""The template's series sheet (序列): the yearly raw figures derived indicators are computed from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qcity.errors import Lang
from qcity.layout import SERIES
from qcity.model import (
    CagrDerive,
    CagrOfRatesDerive,
    Catalogue,
    Indicator,
    IntensityReductionDerive,
    Series,
    derive_series,
)
from qcity.render.i18n import words
from qcity.render.xlsx import styles

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SERIES_SHEET: dict[Lang, str] = {"zh": SERIES.name("zh"), "en": SERIES.name("en")}
HEADER_ROW = 2
_HINT: dict[Lang, str] = words("series-hint")


def series_needs(
    catalogue: Catalogue, indicators: list[Indicator]
) -> tuple[list[Series], list[int]]:
    """The series the derived *indicators* read, in catalogue order, and the years they need:
    from the earliest base year (or the year before the plan was issued) to the last horizon."""
    codes = {code for i in indicators if i.derive for _, code in derive_series(i.derive)}
    if not codes:
        return [], []
    used = [s for s in catalogue.series if s.code in codes]
    issued = catalogue.catalogue.issued.year
    first = issued - 1
    for i in indicators:
        if isinstance(i.derive, (IntensityReductionDerive, CagrDerive, CagrOfRatesDerive)):
            first = min(first, i.derive.base_year)
    last = max(
        [issued]
        + [int(p.end[:4]) for p in catalogue.phases]
        + [t.year for i in indicators for t in i.targets]
    )
    return used, list(range(first, last + 1))


def write_series_sheet(ws: Worksheet, series: list[Series], years: list[int], lang: Lang) -> None:
    """Fill *ws* as the series sheet of a template: a row per series, a column per year."""
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter

    ws.title = SERIES_SHEET[lang]
    ws["A1"] = _HINT[lang]
    ws["A1"].alignment = Alignment(wrap_text=False)
    headers = [*(SERIES.header(k, lang) for k in SERIES.template), *(str(y) for y in years)]
    border = styles.thin_border()
    for n, text in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=n, value=text)
        cell.font = Font(bold=True)
        cell.border = border
    for row, s in enumerate(series, start=HEADER_ROW + 1):
        ws.cell(row=row, column=1, value=s.code).border = border
        ws.cell(row=row, column=2, value=s.name.get(lang)).border = border
        ws.cell(row=row, column=3, value=s.unit.get(lang)).border = border
        for column in range(4, len(headers) + 1):
            figure = ws.cell(row=row, column=column)
            figure.fill = styles.fill(styles.FILL_INPUT)
            figure.protection = Protection(locked=False)
            figure.border = border
    widths = [14, 28, 14, 12] + [10] * len(years)
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.freeze_panes = f"E{HEADER_ROW + 1}"
