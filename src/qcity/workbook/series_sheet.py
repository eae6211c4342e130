"""The optional 序列 / series sheet: yearly raw figures from which indicators are derived."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qcity.errors import Issue, Location
from qcity.layout import SERIES
from qcity.results import Cell
from qcity.values import clean_text
from qcity.workbook.rows import (
    HEADER_SEARCH_ROWS,
    PeriodMark,
    column_letter,
    find_periods,
    first_of_each,
    header_lookup,
    header_name,
    holds_something,
    limited_rows,
    make_cell,
    number_formats,
    without_code,
)
from qcity.zipguard import (
    Limits,
)

SERIES_SHEET_NAMES = SERIES.names


# The optional series sheet: a code column, optional name / unit / basis / note columns, and one
# column per year (a header of 2010, "2010" or "2010年").
SERIES_COLUMNS: dict[str, tuple[str, ...]] = SERIES.aliases()  # declared in qcity.layout


_SERIES_LOOKUP = header_lookup(SERIES_COLUMNS)


_YEAR_HEADER = re.compile(r"^((?:19|20)\d\d)\s*年?(?:度)?$")


@dataclass(frozen=True)
class SeriesRow:
    """A row of the series sheet: its code cell, other cells by key, and a cell per year."""

    number: int
    code_cell: Cell
    cells: dict[str, Cell]  # unit, basis, note, name
    figures: dict[int, Cell]  # year -> cell (cells that hold something)
    hidden: bool = False


@dataclass(frozen=True)
class SeriesSheet:
    """The optional series sheet, as read: no judgement yet."""

    sheet: str
    header_row: int
    columns: dict[str, str]  # column key -> column letter
    years: dict[int, str]  # year -> column letter
    rows: list[SeriesRow]

    def location(self, row: int | None = None, year: int | None = None) -> Location:
        """The cell of *year* in *row* (the sheet itself when either is unknown)."""
        letter = self.years.get(year) if year is not None else None
        if row is None or letter is None:
            return Location(sheet=self.sheet)
        return Location(sheet=self.sheet, cell=f"{letter}{row}")


def series_header_key(text: object) -> str | int | None:
    """The series-sheet column a header cell names: a key, a year, or None."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int) or (isinstance(text, float) and text.is_integer()):
        year = int(text)
        return year if 1900 <= year <= 2100 else None
    if not isinstance(text, str):
        return None
    if match := _YEAR_HEADER.match(clean_text(text)):
        return int(match.group(1))
    return _SERIES_LOOKUP.get(header_name(text))


def read_series_sheet(
    wb: Any, ws: Any, shown: str, limits: Limits, issues: list[Issue], periods: list[PeriodMark]
) -> SeriesSheet | None:
    formats = number_formats(wb)
    header_row = 0
    keys: dict[int, str] = {}  # column index -> key
    years: dict[int, int] = {}  # column index -> year
    rows: list[SeriesRow] = []
    for number, cells, attrs in limited_rows(wb, ws, shown, limits):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {
                c["column"]: k for c in cells if (k := series_header_key(c["value"])) is not None
            }
            if "code" not in found.values():
                find_periods(cells, shown, ws.title, periods)
                continue
            header_row = number
            for col, key in first_of_each(found, str, shown, ws.title, number, issues).items():
                if isinstance(key, int):
                    years[col] = key
                else:
                    keys[col] = key
            continue
        picked = {keys[c["column"]]: c for c in cells if c["column"] in keys}
        figures = {
            years[c["column"]]: make_cell(c, formats)
            for c in cells
            if c["column"] in years and holds_something(c)
        }
        code = picked.get("code")
        if code is None or not clean_text(str(code["value"] or "")):
            if figures:
                issues.append(without_code("value-without-code", keys, shown, ws.title, number))
            continue
        rows.append(
            SeriesRow(
                number=number,
                code_cell=make_cell(code, formats),
                cells={k: make_cell(c, formats) for k, c in picked.items() if k != "code"},
                figures=figures,
                hidden=str(attrs.get("hidden", "0")).lower() in ("1", "true"),
            )
        )
    where = Location(file=shown, sheet=ws.title)
    if not header_row:
        issues.append(Issue("no-series-header", where, {"rows": HEADER_SEARCH_ROWS}))
        return None
    if not years:
        issues.append(
            Issue(
                "no-year-columns",
                Location(file=shown, sheet=ws.title, cell=f"A{header_row}"),
                {"row": header_row},
            )
        )
        return None
    return SeriesSheet(
        sheet=ws.title,
        header_row=header_row,
        columns={key: column_letter(col) for col, key in keys.items()},
        years={year: column_letter(col) for col, year in sorted(years.items(), key=lambda i: i[1])},
        rows=rows,
    )
