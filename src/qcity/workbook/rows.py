"""Reading rows with openpyxl's own parser: each formula beside its cached value, limits on every
sheet, cells with their number formats, and openpyxl's failures turned into located issues."""

from __future__ import annotations

import functools
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from qcity.errors import InputError, Issue, Location, Severity, printable
from qcity.render.i18n import pair, words
from qcity.results import Cell
from qcity.values import clean_text
from qcity.workbook.fastsheet import FastBook, FastSheet
from qcity.zipguard import (
    Limits,
)

# Errors openpyxl (or the XML parser under it) raises on a damaged or hostile part.
BROKEN = (KeyError, ValueError, TypeError, IndexError, AttributeError, EOFError, OSError,
           SyntaxError, zipfile.BadZipFile, AssertionError, OverflowError, LookupError,
           NotImplementedError, RecursionError)  # fmt: skip


class BadCell(Exception):
    """openpyxl could not read one cell: carries its coordinate so the issue can name it."""

    def __init__(self, coordinate: str, error: BaseException) -> None:
        super().__init__(coordinate)
        self.coordinate = coordinate
        self.error = error


def broken(
    e: BaseException, shown: str, part: str | None, where: Location | None = None
) -> InputError:
    """Turn a library error into a located issue: a refused DTD/entity, or a damaged part."""
    chain: list[BaseException] = []
    cause: BaseException | None = e
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    for err in chain:
        if isinstance(err, InputError):
            return err
        # defusedxml refuses entities and DTDs with its own exceptions (ValueError subclasses).
        if type(err).__module__.startswith("defusedxml"):
            return InputError(
                Issue(
                    "unsafe-xml",
                    where or Location(file=shown),
                    {"path": shown, "part": part or "xl/workbook.xml"},
                )
            )
    detail = str(chain[-1]).splitlines()[0][:200] if str(chain[-1]) else type(chain[-1]).__name__
    return InputError(
        Issue(
            "not-a-workbook",
            where or Location(file=shown),
            {
                "path": shown,
                "reason": pair(
                    "contents-unreadable",
                    part=part or words("the-workbook"),
                    detail=printable(detail),
                ),
            },
        )
    )


def import_openpyxl_without_numpy() -> None:
    """Import openpyxl, keeping it from importing numpy when nothing has imported numpy yet.

    openpyxl imports numpy (~75 ms, an eighth of a whole check) only to accept numpy scalars
    as cell values when writing; qcity reads with it and never hands it numpy values (pandas
    converts its own before writing). Once openpyxl is imported this changes nothing.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` fail
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def number_formats(wb: Any) -> list[str]:
    if isinstance(wb, FastBook):
        return wb.formats
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    formats: list[str] = []
    for style in wb._cell_styles:
        fmt_id = style.numFmtId
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            formats.append(BUILTIN_FORMATS.get(fmt_id, "General"))
        else:
            formats.append(wb._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE])
    return formats


def iter_raw_rows(
    wb: Any, ws: Any, merged: list[str] | None = None
) -> Iterator[tuple[int, list[dict[str, Any]], dict[str, Any]]]:
    """Rows of *ws* as openpyxl's parser sees them, with each formula kept beside its cached value.

    Once every row is read, *merged* receives the sheet's merged ranges (they follow the rows).
    """
    if isinstance(ws, FastSheet):
        yield from ws.raw_rows(merged)
        return
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):
        # data_only=True gives the cached value; we also need to know a formula was there,
        # to tell "formula without saved value" from an empty cell in one pass.
        def parse_cell(self, element: Any) -> dict[str, Any]:
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except BROKEN as e:
                raise BadCell(str(element.get("r") or ""), e) from e
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["formula"] = "=" + (formula.text or "…")
            return cell

    with ws._get_source() as src:
        parser = _Parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for number, cells in parser.parse():
            yield number, cells, parser.row_dimensions.get(str(number), {})
        merged_cells = getattr(parser, "merged_cells", None)
        if merged_cells is not None and merged is not None:
            merged.extend(str(m.ref) for m in merged_cells.mergeCell)


@functools.cache
def column_letter(column: int) -> str:
    """`A` for 1, `AA` for 27: the column's letters (cached: called for every cell read)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def make_cell(cell: dict[str, Any], formats: list[str]) -> Cell:
    style = cell["style_id"]
    return Cell(
        value=cell["value"],
        coordinate=f"{column_letter(cell['column'])}{cell['row']}",
        number_format=formats[style]
        if isinstance(style, int) and 0 <= style < len(formats)
        else "General",
        data_type=cell["data_type"],
        formula=cell.get("formula"),
    )


def holds_something(cell: dict[str, Any] | None) -> bool:
    return cell is not None and (cell["value"] not in (None, "") or bool(cell.get("formula")))


def limited_rows(
    wb: Any,
    ws: Any,
    shown: str,
    limits: Limits,
    merged: list[str] | None = None,
    searching: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, list[dict[str, Any]], dict[str, Any]]]:
    """iter_raw_rows with the limits every sheet obeys: cell length, and no figure past max_rows.

    While *searching()* is true (no header found yet) a row past the limit ends the rows instead:
    the caller then says no header was found in the first rows, which is what went wrong.
    """

    sheet = printable(ws.title)

    def where(row: int, column: int = 1) -> Location:
        return Location(file=shown, sheet=sheet, cell=f"{column_letter(column)}{row}")

    for number, cells, attrs in iter_raw_rows(wb, ws, merged):
        check_cells(cells, limits, where)
        if number > limits.max_rows:
            if searching is not None and searching():
                return
            refuse_data_past_limit(cells, where(number), number, limits)
            continue
        yield number, cells, attrs


def refuse_data_past_limit(
    cells: list[dict[str, Any]], where: Location, number: int, limits: Limits
) -> None:
    """Raise too-many-rows when a row past the row limit holds anything (empty rows are fine)."""
    if any(c["value"] not in (None, "") for c in cells):
        raise InputError(
            Issue("too-many-rows", where, {"row": f"{number:,}", "limit": f"{limits.max_rows:,}"})
        )


def check_cells(cells: list[dict[str, Any]], limits: Limits, where: Any) -> None:
    for c in cells:
        value = c["value"]
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise InputError(
                Issue(
                    "cell-too-long",
                    where(c["row"], c["column"]),
                    {"length": f"{len(value):,}", "limit": f"{limits.max_cell_chars:,}"},
                )
            )


K = TypeVar("K", str, "str | int")


def first_of_each(
    found: dict[int, K],
    name: Callable[[K], str],
    shown: str,
    sheet: str,
    row: int,
    issues: list[Issue],
    severity: Severity | None = None,
) -> dict[int, K]:
    """The header's columns by index, the first of two same-named columns kept and the second
    reported as a duplicate-column issue."""
    kept: dict[int, K] = {}
    for col in sorted(found):
        key = found[col]
        first = next((c for c, k in kept.items() if k == key), None)
        if first is None:
            kept[col] = key
            continue
        where = f"{column_letter(col)}{row}"
        issues.append(
            Issue(
                "duplicate-column",
                Location(file=shown, sheet=sheet, cell=where),
                {"column": name(key), "first": f"{column_letter(first)}{row}", "second": where},
                severity=severity,
            )
        )
    return kept


def without_code(code: str, keys: dict[int, str], shown: str, sheet: str, row: int) -> Issue:
    """*code* (value-without-code, task-without-code) at the empty code cell of *row*."""
    column = next(c for c, k in keys.items() if k == "code")
    return Issue(
        code,
        Location(file=shown, sheet=sheet, cell=f"{column_letter(column)}{row}"),
        {"row": row},
    )


HEADER_SEARCH_ROWS = 20


TRAILING_UNIT = re.compile(r"\s*[(\[【][^)\]】]*[)\]】]\s*$")


def header_lookup(columns: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every accepted header name of *columns* (key -> names), folded, mapped to its key."""
    return {name.casefold(): key for key, names in columns.items() for name in names}


def header_name(text: str) -> str:
    """A header cell as compared with the accepted names: NFKC, trimmed, a trailing unit in
    brackets dropped ("实际值(%)"), case-folded."""
    return TRAILING_UNIT.sub("", clean_text(text)).casefold()


# 报告期 / 统计期 / period: a label with its value after a colon or in the next cell to the right.
# The cell must begin with the label (or hold it after a 填报单位 in the same cell, as the
# template lays it out): a title that mentions "the five-year period (2011-2015)" is no label.
_PERIOD_LABEL = re.compile(
    r"^(?:(?:填报单位|报送单位|reporting\s+unit|reported\s+by|unit)\s*:.*?\s)?"
    r"(?:报告期|统计期|report(?:ing)?\s*period|period)(?![a-z])\s*[:]?\s*(.*)$",
    re.IGNORECASE,
)


PERIOD_NAMES = ("报告期", "统计期", "period")


# 填报单位 / unit: who reports. An English label needs a colon or the value in the next cell, so
# that a title such as "Unit prices" is not taken for one; the value ends where a 报告期 begins
# ("填报单位:市质监局    报告期:2015年6月" in one cell).
_UNIT_LABEL = re.compile(
    r"^(?:(?:填报单位|报送单位)\s*:?|(?:reporting\s+unit|reported\s+by|unit)\s*(?::|$))\s*(.*)$",
    re.IGNORECASE,
)


_LABEL_END = re.compile(r"\s*(?:报告期|report\s*period|period\s*:).*$", re.IGNORECASE)


UNIT_NAMES = ("填报单位", "报送单位", "unit", "reporting unit")


@dataclass(frozen=True)
class PeriodMark:
    """A label above a header (报告期 / period, 填报单位 / unit), with the value written beside it."""

    value: object  # the value as stored: text after the label, or the next cell's value
    location: Location


def find_periods(
    cells: list[dict[str, Any]],
    shown: str,
    sheet: str,
    periods: list[PeriodMark],
    units: list[PeriodMark] | None = None,
) -> None:
    """Collect 报告期 / period (and 填报单位 / unit) labels of a row above the header, with values."""
    ordered = sorted(cells, key=lambda c: c["column"])
    found: list[tuple[re.Match[str], list[PeriodMark]]] = []
    for n, cell in enumerate(ordered):
        if not isinstance(cell["value"], str):
            continue
        text = clean_text(cell["value"])
        found.clear()
        if (match := _PERIOD_LABEL.search(text)) is not None:
            found.append((match, periods))
        if units is not None and (match := _UNIT_LABEL.match(text)) is not None:
            found.append((match, units))
        for match, marks in found:
            value: object = match.group(1).strip()
            if marks is units:
                value = _LABEL_END.sub("", str(value)).strip()
            where = cell
            if not value:
                after = next((c for c in ordered[n + 1 :] if holds_something(c)), None)
                if after is None:
                    continue
                value, where = after["value"], after
            coordinate = f"{column_letter(where['column'])}{where['row']}"
            marks.append(PeriodMark(value, Location(file=shown, sheet=sheet, cell=coordinate)))
