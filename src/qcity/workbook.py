"""The only module that touches openpyxl: recognise the file, find sheet and header, read located cells."""

from __future__ import annotations

import functools
import io
import re
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from qcity.errors import InputError, Issue, Location, Severity, printable
from qcity.package import (
    GuardedZip,
    Limits,
    damaged,
    file_issue,
    open_package,
    read_bytes,
    sniff,
)
from qcity.results import Cell
from qcity.values import clean_text

HEADER_SEARCH_ROWS = 20
DATA_SHEET_NAMES = ("数据", "data")
SERIES_SHEET_NAMES = ("序列", "series")

# Column headers of the submission contract, Chinese and English (compared after NFKC,
# trimming and case folding; a trailing unit in brackets such as "实际值(%)" is ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("指标代码", "code"),
    "value": ("实际值", "value"),
    "numerator": ("分子", "numerator"),
    "denominator": ("分母", "denominator"),
    "note": ("备注", "note"),
    # Optional: rows naming a district (区县, county, development zone) are judged per district;
    # rows without one are the city level.
    "district": ("区县", "district"),
}
_HEADER_LOOKUP = {name.casefold(): key for key, names in COLUMNS.items() for name in names}
_TRAILING_UNIT = re.compile(r"\s*[(\[【][^)\]】]*[)\]】]\s*$")

# The optional series sheet: a code column, optional unit / basis / note columns, and one
# column per year (a header of 2010, "2010" or "2010年").
SERIES_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("序列代码", "series", "series code"),
    "name": ("序列名称", "名称", "name"),
    "unit": ("单位", "unit"),
    "basis": ("口径", "basis"),
    "note": ("备注", "note", "来源", "source"),
}
_SERIES_LOOKUP = {n.casefold(): key for key, names in SERIES_COLUMNS.items() for n in names}
_YEAR_HEADER = re.compile(r"^((?:19|20)\d\d)\s*年?(?:度)?$")
# 报告期 / period: a label with its value after a colon or in the next cell to the right.
_PERIOD_LABEL = re.compile(r"(?:报告期|report\s*period|period)\s*[:]?\s*(.*)$", re.IGNORECASE)
PERIOD_NAMES = ("报告期", "period")
# 填报单位 / unit: who reports. An English label needs a colon or the value in the next cell, so
# that a title such as "Unit prices" is not taken for one; the value ends where a 报告期 begins
# ("填报单位:市质监局    报告期:2015年6月" in one cell).
_UNIT_LABEL = re.compile(
    r"^(?:(?:填报单位|报送单位)\s*:?|(?:reporting\s+unit|reported\s+by|unit)\s*(?::|$))\s*(.*)$",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r"\s*(?:报告期|report\s*period|period\s*:).*$", re.IGNORECASE)
UNIT_NAMES = ("填报单位", "报送单位", "unit", "reporting unit")

# The optional tasks sheet: one row per task of the plan, its progress and the evidence.
TASK_SHEET_NAMES = ("任务", "tasks")
TASK_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("任务代码", "任务编号", "task code", "code"),
    "status": ("状态", "完成情况", "进展情况", "status", "progress"),
    "evidence": ("证明材料", "佐证材料", "完成依据", "evidence", "proof"),
    "completed": ("完成日期", "完成时间", "completion date", "date completed", "completed"),
    "note": ("备注", "note", "notes"),
}
_TASK_LOOKUP = {n.casefold(): key for key, names in TASK_COLUMNS.items() for n in names}


@dataclass(frozen=True)
class SheetRow:
    """A data row: its number, the raw code cell, and the contract's cells by column key."""

    number: int
    code_cell: Cell
    cells: dict[str, Cell]
    hidden: bool = False


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


@dataclass(frozen=True)
class TaskRow:
    """A row of the tasks sheet: its number, the code cell, and the other cells by key."""

    number: int
    code_cell: Cell
    cells: dict[str, Cell]  # status, evidence, completed, note (those the sheet has)


@dataclass(frozen=True)
class TasksSheet:
    """The optional tasks sheet, as read: no judgement yet."""

    sheet: str
    header_row: int
    columns: dict[str, str]  # column key -> column letter
    rows: list[TaskRow]


@dataclass(frozen=True)
class PeriodMark:
    """A label above a header (报告期 / period, 填报单位 / unit), with the value written beside it."""

    value: object  # the value as stored: text after the label, or the next cell's value
    location: Location


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


# Errors openpyxl (or the XML parser under it) raises on a damaged or hostile part.
_BROKEN = (KeyError, ValueError, TypeError, IndexError, AttributeError, EOFError, OSError,
           SyntaxError, zipfile.BadZipFile, AssertionError, OverflowError, LookupError,
           NotImplementedError, RecursionError)  # fmt: skip


class _BadCell(Exception):
    """openpyxl could not read one cell: carries its coordinate so the issue can name it."""

    def __init__(self, coordinate: str, error: BaseException) -> None:
        super().__init__(coordinate)
        self.coordinate = coordinate
        self.error = error


def _broken(
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
                "reason": {
                    "zh": f"{part or '工作簿'} 的内容无法解析:{printable(detail)}",
                    "en": f"the contents of {part or 'the workbook'} cannot be read: {printable(detail)}",
                },
            },
        )
    )


# --- reading the workbook ---------------------------------------------------------------------


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


def _read_workbook(data: io.BytesIO, archive: GuardedZip, shown: str, limits: Limits) -> Submission:
    # openpyxl is imported here, not at module level: `qcity --help` must not pay for it.
    import_openpyxl_without_numpy()
    from openpyxl.reader.excel import ExcelReader

    try:
        reader = ExcelReader(data, read_only=True, data_only=True, keep_links=False)
    except _BROKEN as e:
        raise _broken(e, shown, None) from e
    # ExcelReader opens its own zip; every part must come through the guarded one instead.
    reader.archive.close()
    reader.archive = archive
    try:
        reader.read()
    except InputError:
        raise
    except _BROKEN as e:
        raise _broken(e, shown, archive.last_part) from e
    wb = reader.wb
    try:
        return _read_data_sheet(wb, archive, shown, limits)
    finally:
        wb.close()


def _read_data_sheet(wb: Any, archive: GuardedZip, shown: str, limits: Limits) -> Submission:
    sheets = list(wb.sheetnames)
    worksheets = list(wb.worksheets)
    issues: list[Issue] = []
    periods: list[PeriodMark] = []
    units: list[PeriodMark] = []
    if not sheets:
        raise damaged(
            shown,
            "工作簿里没有可读的工作表(工作表部件缺失)",
            "the workbook has no readable sheet (its sheet parts are missing)",
        )

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
                sheets=", ".join(printable(ws.title) for ws in named),
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
                    sheets=", ".join(printable(w.title) for w in series_sheets),
                )
            )
        elif series_sheets:
            reading = printable(series_sheets[0].title)
            series = _read_series(wb, series_sheets[0], shown, limits, issues, periods)
        if task_sheets:
            if len(task_sheets) > 1:
                issues.append(
                    file_issue(
                        "ambiguous-tasks-sheet",
                        shown,
                        sheets=", ".join(printable(w.title) for w in task_sheets),
                        used=printable(task_sheets[0].title),
                    )
                )
            reading = printable(task_sheets[0].title)
            tasks = _read_tasks(wb, task_sheets[0], shown, limits, issues)
    except InputError:
        raise
    except _BadCell as e:
        where = Location(file=shown, sheet=reading, cell=printable(e.coordinate[:12]) or None)
        raise _broken(e.error, shown, archive.last_part, where) from e
    except _BROKEN as e:
        raise _broken(e, shown, archive.last_part, Location(file=shown, sheet=reading)) from e
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


def _sheet_list(wb: Any) -> dict[str, str] | str:
    """The sheets by name for a message, chart sheets marked as such."""
    from openpyxl.chartsheet import Chartsheet

    if not wb.sheetnames:
        return "—"
    names: dict[str, list[str]] = {"zh": [], "en": []}
    for sheet in wb._sheets:
        name = printable(sheet.title)
        chart = isinstance(sheet, Chartsheet)
        names["zh"].append(f"{name}(图表工作表)" if chart else name)
        names["en"].append(f"{name} (chart sheet)" if chart else name)
    return {"zh": ", ".join(names["zh"]), "en": ", ".join(names["en"])}


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


def _number_formats(wb: Any) -> list[str]:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    formats: list[str] = []
    for style in wb._cell_styles:
        fmt_id = style.numFmtId
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            formats.append(BUILTIN_FORMATS.get(fmt_id, "General"))
        else:
            formats.append(wb._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE])
    return formats


def _iter_raw_rows(
    wb: Any, ws: Any, merged: list[str] | None = None
) -> Iterator[tuple[int, list[dict[str, Any]], dict[str, Any]]]:
    """Rows of *ws* as openpyxl's parser sees them, with each formula kept beside its cached value.

    Once every row is read, *merged* receives the sheet's merged ranges (they follow the rows).
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):
        # data_only=True gives the cached value; we also need to know a formula was there,
        # to tell "formula without saved value" from an empty cell in one pass.
        def parse_cell(self, element: Any) -> dict[str, Any]:
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except _BROKEN as e:
                raise _BadCell(str(element.get("r") or ""), e) from e
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


def header_key(text: object) -> str | None:
    """The contract column a header cell names, if any."""
    if not isinstance(text, str):
        return None
    name = _TRAILING_UNIT.sub("", clean_text(text)).casefold()
    return _HEADER_LOOKUP.get(name)


@functools.cache
def column_letter(column: int) -> str:
    """`A` for 1, `AA` for 27: the column's letters (cached: called for every cell read)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _make_cell(cell: dict[str, Any], formats: list[str]) -> Cell:
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


def _holds_something(cell: dict[str, Any] | None) -> bool:
    return cell is not None and (cell["value"] not in (None, "") or bool(cell.get("formula")))


def _find_periods(
    cells: list[dict[str, Any]],
    shown: str,
    sheet: str,
    periods: list[PeriodMark],
    units: list[PeriodMark] | None = None,
) -> None:
    """Collect 报告期 / period (and 填报单位 / unit) labels of a row above the header, with values."""
    from openpyxl.utils import get_column_letter

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
                after = next((c for c in ordered[n + 1 :] if _holds_something(c)), None)
                if after is None:
                    continue
                value, where = after["value"], after
            coordinate = f"{get_column_letter(where['column'])}{where['row']}"
            marks.append(PeriodMark(value, Location(file=shown, sheet=sheet, cell=coordinate)))


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
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    col_of: dict[int, str] = {}  # column index -> key
    rows: list[SheetRow] = []
    merged: list[str] = []

    def make(cell: dict[str, Any]) -> Cell:
        return _make_cell(cell, formats)

    def where(row: int, column: int = 1) -> Location:
        return Location(file=shown, sheet=sheet, cell=f"{get_column_letter(column)}{row}")

    for number, cells, attrs in _limited_rows(wb, ws, shown, limits, merged):
        if len(rows) >= limits.max_rows:
            if any(c["value"] not in (None, "") for c in cells):
                raise InputError(
                    Issue(
                        "too-many-rows",
                        where(number),
                        {"row": f"{number:,}", "limit": f"{limits.max_rows:,}"},
                    )
                )
            continue
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {c["column"]: key for c in cells if (key := header_key(c["value"])) is not None}
            if "code" in found.values():
                header_row = number
                col_of = _columns(found, shown, sheet, number)
            else:
                _find_periods(cells, shown, sheet, periods, units)
            continue
        picked = {col_of[c["column"]]: c for c in cells if c["column"] in col_of}
        code = picked.get("code")
        has_code = (
            code is not None and code["value"] is not None and clean_text(str(code["value"])) != ""
        )
        has_data = any(
            _holds_something(picked.get(k)) for k in ("value", "numerator", "denominator")
        )
        if not has_code:
            if has_data:
                issues.append(Issue("value-without-code", where(number), {"row": number}))
            continue
        assert code is not None
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
    letters = {key: get_column_letter(col) for col, key in col_of.items()}
    if "value" not in letters and not {"numerator", "denominator"} <= letters.keys():
        raise InputError(Issue("missing-column", where(header_row), {"columns": "实际值 (value)"}))
    issues.extend(_merged_over_values(merged, col_of, header_row, shown, sheet))
    return header_row, letters, rows


def _limited_rows(
    wb: Any, ws: Any, shown: str, limits: Limits, merged: list[str] | None = None
) -> Iterator[tuple[int, list[dict[str, Any]], dict[str, Any]]]:
    """_iter_raw_rows with the limits every sheet obeys: cell length, and no figure past max_rows."""
    from openpyxl.utils import get_column_letter

    sheet = printable(ws.title)

    def where(row: int, column: int = 1) -> Location:
        return Location(file=shown, sheet=sheet, cell=f"{get_column_letter(column)}{row}")

    for number, cells, attrs in _iter_raw_rows(wb, ws, merged):
        _check_cells(cells, limits, where)
        if number > limits.max_rows:
            if any(c["value"] not in (None, "") for c in cells):
                raise InputError(
                    Issue(
                        "too-many-rows",
                        where(number),
                        {"row": f"{number:,}", "limit": f"{limits.max_rows:,}"},
                    )
                )
            continue
        yield number, cells, attrs


def _check_cells(cells: list[dict[str, Any]], limits: Limits, where: Any) -> None:
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


def _merged_over_values(
    merged: list[str], col_of: dict[int, str], header_row: int, shown: str, sheet: str
) -> list[Issue]:
    """An error for each merged range below the header that covers a figure's cell."""
    from openpyxl.utils import range_boundaries

    figure_columns = {
        col for col, key in col_of.items() if key in ("value", "numerator", "denominator")
    }
    found: list[Issue] = []
    for ref in merged:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue
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
    from openpyxl.utils import get_column_letter

    seen: dict[str, int] = {}
    for col in sorted(found):
        key = found[col]
        if key in seen:
            raise InputError(
                Issue(
                    "duplicate-column",
                    Location(file=shown, sheet=sheet, cell=f"{get_column_letter(col)}{row}"),
                    {
                        "column": COLUMNS[key][0],
                        "first": f"{get_column_letter(seen[key])}{row}",
                        "second": f"{get_column_letter(col)}{row}",
                    },
                )
            )
        seen[key] = col
    return dict(found)


K = TypeVar("K", str, "str | int")


def _first_of_each(
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
    from openpyxl.utils import get_column_letter

    kept: dict[int, K] = {}
    for col in sorted(found):
        key = found[col]
        first = next((c for c, k in kept.items() if k == key), None)
        if first is None:
            kept[col] = key
            continue
        where = f"{get_column_letter(col)}{row}"
        issues.append(
            Issue(
                "duplicate-column",
                Location(file=shown, sheet=sheet, cell=where),
                {"column": name(key), "first": f"{get_column_letter(first)}{row}", "second": where},
                severity=severity,
            )
        )
    return kept


def _without_code(code: str, keys: dict[int, str], shown: str, sheet: str, row: int) -> Issue:
    """*code* (value-without-code, task-without-code) at the empty code cell of *row*."""
    from openpyxl.utils import get_column_letter

    column = next(c for c, k in keys.items() if k == "code")
    return Issue(
        code,
        Location(file=shown, sheet=sheet, cell=f"{get_column_letter(column)}{row}"),
        {"row": row},
    )


# --- the series sheet -------------------------------------------------------------------------


def series_header_key(text: object) -> str | int | None:
    """The series-sheet column a header cell names: a key, a year, or None."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int) or (isinstance(text, float) and text.is_integer()):
        year = int(text)
        return year if 1900 <= year <= 2100 else None
    if not isinstance(text, str):
        return None
    name = clean_text(text)
    if match := _YEAR_HEADER.match(name):
        return int(match.group(1))
    return _SERIES_LOOKUP.get(_TRAILING_UNIT.sub("", name).casefold())


def _read_series(
    wb: Any, ws: Any, shown: str, limits: Limits, issues: list[Issue], periods: list[PeriodMark]
) -> SeriesSheet | None:
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    keys: dict[int, str] = {}  # column index -> key
    years: dict[int, int] = {}  # column index -> year
    rows: list[SeriesRow] = []
    for number, cells, attrs in _limited_rows(wb, ws, shown, limits):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {
                c["column"]: k for c in cells if (k := series_header_key(c["value"])) is not None
            }
            if "code" not in found.values():
                _find_periods(cells, shown, ws.title, periods)
                continue
            header_row = number
            for col, key in _first_of_each(found, str, shown, ws.title, number, issues).items():
                if isinstance(key, int):
                    years[col] = key
                else:
                    keys[col] = key
            continue
        picked = {keys[c["column"]]: c for c in cells if c["column"] in keys}
        figures = {
            years[c["column"]]: _make_cell(c, formats)
            for c in cells
            if c["column"] in years and _holds_something(c)
        }
        code = picked.get("code")
        if code is None or not clean_text(str(code["value"] or "")):
            if figures:
                issues.append(_without_code("value-without-code", keys, shown, ws.title, number))
            continue
        rows.append(
            SeriesRow(
                number=number,
                code_cell=_make_cell(code, formats),
                cells={k: _make_cell(c, formats) for k, c in picked.items() if k != "code"},
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
        columns={key: get_column_letter(col) for col, key in keys.items()},
        years={
            year: get_column_letter(col) for col, year in sorted(years.items(), key=lambda i: i[1])
        },
        rows=rows,
    )


# --- the tasks sheet ---------------------------------------------------------------------------


def task_header_key(text: object) -> str | None:
    """The tasks-sheet column a header cell names, if any."""
    if not isinstance(text, str):
        return None
    return _TASK_LOOKUP.get(_TRAILING_UNIT.sub("", clean_text(text)).casefold())


def _read_tasks(
    wb: Any, ws: Any, shown: str, limits: Limits, issues: list[Issue]
) -> TasksSheet | None:
    """Read the tasks sheet: every problem is a warning, since tasks never decide the exit code."""
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    keys: dict[int, str] = {}  # column index -> key
    rows: list[TaskRow] = []
    for number, cells, _attrs in _limited_rows(wb, ws, shown, limits):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {
                c["column"]: k for c in cells if (k := task_header_key(c["value"])) is not None
            }
            if not {"code", "status"} <= set(found.values()):
                continue
            header_row = number
            keys = _first_of_each(
                found,
                lambda key: TASK_COLUMNS[key][0],
                shown,
                ws.title,
                number,
                issues,
                Severity.WARNING,
            )
            continue
        picked = {keys[c["column"]]: c for c in cells if c["column"] in keys}
        code = picked.get("code")
        if code is None or not clean_text(str(code["value"] or "")):
            if any(_holds_something(c) for k, c in picked.items() if k != "code"):
                issues.append(_without_code("task-without-code", keys, shown, ws.title, number))
            continue
        rows.append(
            TaskRow(
                number=number,
                code_cell=_make_cell(code, formats),
                cells={k: _make_cell(c, formats) for k, c in picked.items() if k != "code"},
            )
        )
    if not header_row:
        issues.append(
            Issue(
                "no-tasks-header",
                Location(file=shown, sheet=ws.title),
                {"rows": HEADER_SEARCH_ROWS},
            )
        )
        return None
    return TasksSheet(
        sheet=ws.title,
        header_row=header_row,
        columns={key: get_column_letter(col) for col, key in keys.items()},
        rows=rows,
    )
