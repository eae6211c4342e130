"""Read a submission: recognise the file, find the data sheet and its header, read located rows.

Longer than most modules on purpose: finding the sheet, the header and the report period are
one search over the same rows, whose located issues must agree with one another.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qcity.errors import InputError, Issue, Lang, Location, printable
from qcity.layout import DATA
from qcity.render.i18n import join, listing, pair, words
from qcity.results import Cell
from qcity.values import clean_text
from qcity.workbook.rows import (
    BROKEN,
    HEADER_SEARCH_ROWS,
    BadCell,
    PeriodMark,
    broken,
    column_letter,
    find_periods,
    header_lookup,
    header_name,
    holds_something,
    import_openpyxl_without_numpy,
    limited_rows,
    make_cell,
    number_formats,
    refuse_data_past_limit,
)
from qcity.workbook.series_sheet import SERIES_SHEET_NAMES, SeriesSheet, read_series_sheet
from qcity.workbook.styles import apply_styles
from qcity.workbook.tasks_sheet import TASK_SHEET_NAMES, TasksSheet, read_tasks_sheet
from qcity.zipguard import (
    GuardedZip,
    Limits,
    damaged,
    file_issue,
    open_package,
    read_bytes,
    sniff,
)

DATA_SHEET_NAMES = DATA.names


# Column headers of the submission contract, declared in qcity.layout (compared after NFKC,
# trimming and case folding; a trailing unit in brackets such as "实际值(%)" is ignored).
COLUMNS: dict[str, tuple[str, ...]] = DATA.aliases()


_HEADER_LOOKUP = header_lookup(COLUMNS)


@dataclass(frozen=True, slots=True)
class SheetRow:
    """A data row: its number, the raw code cell, and the contract's cells by column key."""

    number: int
    code_cell: Cell
    cells: dict[str, Cell]
    hidden: bool = False


@dataclass(frozen=True)
class Submission:
    """What was read from a workbook, before any judgement."""

    shown: str  # the file name as given, for messages
    sheet: str | None  # None: a workbook holding only a series sheet
    header_row: int
    columns: dict[str, str]  # column key -> column letter
    rows: list[SheetRow]
    sheets: list[str]
    properties: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    series: SeriesSheet | None = None
    periods: list[PeriodMark] = field(default_factory=list)
    tasks: TasksSheet | None = None

    def task_location(self, row: int, key: str) -> Location | None:
        """The location of tasks-sheet column *key* at *row*, if the sheet has that column."""
        if self.tasks is None or key not in self.tasks.columns:
            return None
        return Location(
            file=self.shown, sheet=self.tasks.sheet, cell=f"{self.tasks.columns[key]}{row}"
        )

    units: list[PeriodMark] = field(default_factory=list)  # 填报单位 / unit labels, in order

    def location(self, row: int, key: str) -> Location | None:
        """The location of column *key* at *row*, if the sheet has that column."""
        letter = self.columns.get(key)
        if letter is None:
            return None
        return Location(file=self.shown, sheet=self.sheet, cell=f"{letter}{row}")

    def series_location(self, row: int | None = None, year: int | None = None) -> Location:
        """The cell of *year* in series row *row*, with the file name (the sheet if unknown)."""
        assert self.series is not None
        where = self.series.location(row, year)
        return Location(file=self.shown, sheet=where.sheet, cell=where.cell)


def read_submission(
    path: Path, shown: str | None = None, limits: Limits | None = None
) -> Submission:
    """Read the data sheet of the workbook at *path*; raise InputError when it cannot be read."""
    shown = shown if shown is not None else printable(str(path))
    limits = limits or Limits()
    data = read_bytes(path, shown, limits)
    sniff(data, shown)
    archive = open_package(data, shown, limits)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about odd but readable content (unknown extensions, no default
            # style); qcity reports what matters as issues, so its warnings would only be noise.
            warnings.simplefilter("ignore")
            return _read_workbook(io.BytesIO(data), archive, shown, limits)
    finally:
        archive.close()


def _read_workbook(data: io.BytesIO, archive: GuardedZip, shown: str, limits: Limits) -> Submission:
    # The one switch between the readers: the standard library's where it understands the
    # file (fastsheet.py: no openpyxl import, the C parser behind the guard), else openpyxl,
    # which then reads, or refuses, the file exactly as it always has.
    from qcity.workbook.fastsheet import Unsupported, open_book

    try:
        return _read_data_sheet(open_book(archive), archive, shown, limits)
    except Unsupported:
        pass
    # openpyxl is imported here, not at module level: `qcity --help` must not pay for it.
    import_openpyxl_without_numpy()
    from openpyxl.reader.excel import ExcelReader

    try:
        reader = ExcelReader(data, read_only=True, data_only=True, keep_links=False)
    except BROKEN as e:
        raise broken(e, shown, None) from e
    read_package(reader, archive, shown)
    wb = reader.wb
    try:
        return _read_data_sheet(wb, archive, shown, limits)
    finally:
        wb.close()


def read_package(reader: Any, archive: GuardedZip, shown: str, *, keep_named: int = 0) -> int:
    """Run openpyxl's ExcelReader over the guarded *archive*: the check's and the copy's one load.

    Named styles are read only up to *keep_named* of them (the copy keeps them): see
    apply_styles. Returns how many were left out.
    """
    # ExcelReader opens its own zip; every part must come through the guarded one instead.
    reader.archive.close()
    reader.archive = archive
    reader.valid_files = archive.namelist()  # its `in` ignores case, as Excel does
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        if "pivotTable" in archive.hidden_relationships:
            reader.parser.caches = []  # else openpyxl reads every pivot cache for every sheet
        reader.read_properties()
        reader.read_custom()
        reader.read_theme()
        dropped = apply_styles(archive, reader.wb, keep_named=keep_named)
        reader.read_worksheets()
        reader.parser.assign_names()
    except InputError:
        raise
    except BROKEN as e:
        raise broken(e, shown, archive.last_part) from e
    return dropped


def _read_data_sheet(wb: Any, archive: GuardedZip, shown: str, limits: Limits) -> Submission:
    sheets = list(wb.sheetnames)
    worksheets = list(wb.worksheets)
    issues: list[Issue] = []
    periods: list[PeriodMark] = []
    units: list[PeriodMark] = []
    if not sheets:
        raise damaged(shown, "no-readable-sheet")

    def titled(names: tuple[str, ...]) -> list[Any]:
        return [ws for ws in worksheets if clean_text(ws.title).casefold() in names]

    series_sheets = titled(SERIES_SHEET_NAMES)
    task_sheets = titled(TASK_SHEET_NAMES)
    named = titled(DATA_SHEET_NAMES)
    if len(named) > 1:
        raise InputError(
            file_issue(
                "ambiguous-data-sheet",
                shown,
                sheets=listing(printable(ws.title) for ws in named),
            )
        )
    ws: Any = None
    if named:
        ws = named[0]
    else:
        visible = [
            w
            for w in worksheets
            if w.sheet_state == "visible" and w not in series_sheets and w not in task_sheets
        ]
        if len(visible) == 1:
            ws = visible[0]
        elif visible or not (series_sheets or task_sheets):
            raise InputError(file_issue("no-data-sheet", shown, sheets=_sheet_list(wb)))
        # else: a workbook holding only a series or tasks sheet: no figure is reported directly.
    title = printable(ws.title) if ws is not None else None
    header_row, columns, rows = 0, dict[str, str](), list[SheetRow]()
    series: SeriesSheet | None = None
    tasks: TasksSheet | None = None
    reading = title  # the sheet being read, to locate a failure inside openpyxl
    try:
        if ws is not None:
            assert title is not None
            if ws.sheet_state != "visible":
                issues.append(
                    Issue("hidden-sheet", Location(file=shown, sheet=title), {"sheet": title})
                )
            header_row, columns, rows = _read_rows(
                wb, ws, title, shown, limits, issues, periods, units
            )
        if len(series_sheets) > 1:
            issues.append(
                file_issue(
                    "ambiguous-series-sheet",
                    shown,
                    sheets=listing(printable(w.title) for w in series_sheets),
                )
            )
        elif series_sheets:
            reading = printable(series_sheets[0].title)
            series = read_series_sheet(wb, series_sheets[0], shown, limits, issues, periods)
        if task_sheets:
            if len(task_sheets) > 1:
                issues.append(
                    file_issue(
                        "ambiguous-tasks-sheet",
                        shown,
                        sheets=listing(printable(w.title) for w in task_sheets),
                        used=printable(task_sheets[0].title),
                    )
                )
            reading = printable(task_sheets[0].title)
            tasks = read_tasks_sheet(wb, task_sheets[0], shown, limits, issues)
    except InputError:
        raise
    except BadCell as e:
        where = Location(file=shown, sheet=reading, cell=printable(e.coordinate[:12]) or None)
        raise broken(e.error, shown, archive.last_part, where) from e
    except BROKEN as e:
        raise broken(e, shown, archive.last_part, Location(file=shown, sheet=reading)) from e
    return Submission(
        shown=shown,
        sheet=title,
        header_row=header_row,
        columns=columns,
        rows=rows,
        sheets=[printable(name) for name in sheets],
        properties=_properties(wb),
        issues=issues,
        series=series,
        periods=periods,
        tasks=tasks,
        units=units,
    )


def _sheet_list(wb: Any) -> dict[Lang, str] | str:
    """The sheets by name for a message, chart sheets marked as such."""
    from openpyxl.chartsheet import Chartsheet

    if not wb.sheetnames:
        return "—"
    return join(
        pair("chart-sheet", name=printable(sheet.title))
        if isinstance(sheet, Chartsheet)
        else listing([printable(sheet.title)])
        for sheet in wb._sheets
    )


def _properties(wb: Any) -> dict[str, str]:
    """Custom document properties and workbook-level defined names, as text."""
    props: dict[str, str] = {}
    try:
        for prop in wb.custom_doc_props.props:
            props[str(prop.name)] = str(prop.value)
    except AttributeError:
        pass
    try:
        for name, defn in wb.defined_names.items():
            props.setdefault(str(name), str(defn.attr_text))
    except AttributeError:
        pass
    return props


def header_key(text: object) -> str | None:
    """The contract column a header cell names, if any."""
    if not isinstance(text, str):
        return None
    return _HEADER_LOOKUP.get(header_name(text))


def _read_rows(
    wb: Any,
    ws: Any,
    sheet: str,
    shown: str,
    limits: Limits,
    issues: list[Issue],
    periods: list[PeriodMark],
    units: list[PeriodMark] | None = None,
) -> tuple[int, dict[str, str], list[SheetRow]]:
    formats = number_formats(wb)
    header_row = 0
    col_of: dict[int, str] = {}  # column index -> key
    rows: list[SheetRow] = []
    merged: list[str] = []

    def make(cell: dict[str, Any]) -> Cell:
        return make_cell(cell, formats)

    def where(row: int, column: int = 1) -> Location:
        return Location(file=shown, sheet=sheet, cell=f"{column_letter(column)}{row}")

    rows_seen = limited_rows(wb, ws, shown, limits, merged, searching=lambda: not header_row)
    for number, cells, attrs in rows_seen:
        if len(rows) >= limits.max_rows:
            refuse_data_past_limit(cells, where(number), number, limits)
            continue
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {c["column"]: key for c in cells if (key := header_key(c["value"])) is not None}
            if "code" in found.values():
                header_row = number
                col_of = _columns(found, shown, sheet, number)
            else:
                find_periods(cells, shown, sheet, periods, units)
            continue
        picked = {col_of[c["column"]]: c for c in cells if c["column"] in col_of}
        code = picked.get("code")
        has_code = (
            code is not None and code["value"] is not None and clean_text(str(code["value"])) != ""
        )
        has_data = any(
            holds_something(picked.get(k)) for k in ("value", "numerator", "denominator")
        )
        if not has_code:
            if has_data:
                issues.append(Issue("value-without-code", where(number), {"row": number}))
            continue
        assert code is not None
        district = picked.get("district")
        if district is not None and (kind := _not_text(district)) is not None:
            # #N/A from a failed lookup, TRUE, 0 or a date is no district's name: the row would
            # be judged as some made-up district (or the city), silently.
            cell = f"{column_letter(district['column'])}{number}"
            issues.append(
                Issue(
                    "district-not-text",
                    Location(file=shown, sheet=sheet, cell=cell),
                    {"cell": cell, "raw": _as_written(district["value"]), "kind": kind},
                )
            )
            continue
        hidden = str(attrs.get("hidden", "0")).lower() in ("1", "true")
        rows.append(
            SheetRow(
                number=number,
                code_cell=make(code),
                cells={k: make(c) for k, c in picked.items() if k != "code"},
                hidden=hidden,
            )
        )
    if not header_row:
        raise InputError(
            Issue(
                "no-header",
                Location(file=shown, sheet=sheet),
                {"path": shown, "rows": HEADER_SEARCH_ROWS},
            )
        )
    letters = {key: column_letter(col) for col, key in col_of.items()}
    if "value" not in letters and not {"numerator", "denominator"} <= letters.keys():
        raise InputError(
            Issue(
                "missing-column",
                where(header_row),
                {"columns": words("column-value")},
            )
        )
    issues.extend(_merged_over_values(merged, col_of, header_row, shown, sheet))
    return header_row, letters, rows


_KINDS: dict[str, dict[Lang, str]] = {
    "e": words("cell-error-value"),
    "b": words("cell-logical-value"),
    "n": words("cell-number"),
    "d": words("cell-date"),
}


def _as_written(value: object) -> str:
    """A non-text cell value as Excel shows it: TRUE, 0, 123.45, 2015-06-30, #N/A."""
    import datetime as dt

    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return printable(str(value))[:40]


def _not_text(cell: dict[str, Any]) -> dict[Lang, str] | None:
    """What a non-empty district cell holds when it is not text (None: text, or empty)."""
    value = cell["value"]
    if value is None or (isinstance(value, str) and cell["data_type"] in ("s", "str", "inlineStr")):
        return None
    if isinstance(value, bool):
        return _KINDS["b"]
    if isinstance(value, (int, float)) and cell["data_type"] != "e":
        return _KINDS["n"]
    return _KINDS.get(
        str(cell["data_type"]), _KINDS["d"] if not isinstance(value, str) else _KINDS["e"]
    )


def _merged_over_values(
    merged: list[str], col_of: dict[int, str], header_row: int, shown: str, sheet: str
) -> list[Issue]:
    """An error for each merged range below the header that covers a figure's cell."""
    from qcity.workbook.fastsheet import range_bounds

    figure_columns = {
        col for col, key in col_of.items() if key in ("value", "numerator", "denominator")
    }
    found: list[Issue] = []
    for ref in merged:
        bounds = range_bounds(ref)
        if bounds is None:
            continue
        min_col, min_row, max_col, max_row = bounds
        if max_row <= header_row or (min_col == max_col and min_row == max_row):
            continue
        if any(min_col <= col <= max_col for col in figure_columns):
            found.append(
                Issue(
                    "merged-cells",
                    Location(file=shown, sheet=sheet, cell=ref),
                    {"range": ref},
                )
            )
    return found


def _columns(found: dict[int, str], shown: str, sheet: str, row: int) -> dict[int, str]:
    seen: dict[str, int] = {}
    for col in sorted(found):
        key = found[col]
        if key in seen:
            raise InputError(
                Issue(
                    "duplicate-column",
                    Location(file=shown, sheet=sheet, cell=f"{column_letter(col)}{row}"),
                    {
                        "column": COLUMNS[key][0],
                        "first": f"{column_letter(seen[key])}{row}",
                        "second": f"{column_letter(col)}{row}",
                    },
                )
            )
        seen[key] = col
    return dict(found)
