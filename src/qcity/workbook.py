"""The only module that touches openpyxl: recognise the file, find sheet and header, read located cells."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qcity.errors import InputError, Issue, Location
from qcity.model import Cell
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


@dataclass(frozen=True)
class Limits:
    """Bounds on what a submission may hold; past them reading stops with file-too-large."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_inflated_bytes: int = 200 * 1024 * 1024
    max_part_ratio: int = 200  # inflated / compressed, per zip member


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
    shown = shown if shown is not None else str(path)
    limits = limits or Limits()
    data = _read_bytes(path, shown, limits)
    _sniff(data, shown)
    archive = _open_zip(data, shown)
    _check_parts(archive, shown, limits)
    return _read_workbook(data, shown)


# --- recognising the file ---------------------------------------------------------------------


def _issue(code: str, shown: str, **params: Any) -> Issue:
    return Issue(code, Location(file=shown), {"path": shown, **params})


def _read_bytes(path: Path, shown: str, limits: Limits) -> bytes:
    try:
        if path.is_dir():
            raise InputError(_issue("not-a-file", shown))
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(
                _issue(
                    "file-too-large",
                    shown,
                    what={"zh": "文件大小", "en": "the file size"},
                    actual=f"{size:,} B",
                    limit=f"{limits.max_file_bytes:,} B",
                    option="--max-size",
                )
            )
        with path.open("rb") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(_issue("file-not-found", shown)) from None
    except PermissionError as e:
        raise InputError(
            _issue("unreadable-file", shown, reason=e.strerror or "permission denied")
        ) from None
    except OSError as e:
        raise InputError(_issue("unreadable-file", shown, reason=e.strerror or str(e))) from None


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _sniff(data: bytes, shown: str) -> None:
    """Name what the file is when it is not an OOXML zip, so the message can say what to do."""
    if not data:
        raise InputError(
            _issue("not-a-workbook", shown, reason={"zh": "文件是空的", "en": "the file is empty"})
        )
    if data.startswith(b"PK\x03\x04"):
        return
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(_issue("encrypted-workbook", shown))
        raise InputError(
            _issue(
                "unsupported-format",
                shown,
                kind={"zh": "旧版 Excel 97-2003(.xls)", "en": "legacy Excel 97-2003 (.xls)"},
            )
        )
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        kind = {"zh": "PDF", "en": "PDF"}
    elif head.startswith((b"<html", b"<!doctype html", b"<table")) or b"<html" in head:
        kind = {"zh": "网页(HTML)", "en": "web page (HTML)"}
    elif head.startswith(b"<?xml"):
        kind = {"zh": "XML(Excel 2003 XML 表格?)", "en": "XML (Excel 2003 XML spreadsheet?)"}
    elif data.startswith(b"PK"):
        raise InputError(
            _issue(
                "not-a-workbook",
                shown,
                reason={"zh": "压缩包已损坏", "en": "the zip container is damaged"},
            )
        )
    elif _looks_like_text(data[:4096]):
        kind = {"zh": "文本/CSV", "en": "text or CSV"}
    else:
        raise InputError(
            _issue(
                "not-a-workbook",
                shown,
                reason={"zh": "无法识别的文件内容", "en": "unrecognised content"},
            )
        )
    raise InputError(_issue("unsupported-format", shown, kind=kind))


def _looks_like_text(chunk: bytes) -> bool:
    if b"\x00" in chunk:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            chunk.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _open_zip(data: bytes, shown: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as e:
        raise InputError(
            _issue(
                "not-a-workbook",
                shown,
                reason={
                    "zh": f"文件已损坏或不完整({e})",
                    "en": f"the file is damaged or incomplete ({e})",
                },
            )
        ) from None


def _check_parts(archive: zipfile.ZipFile, shown: str, limits: Limits) -> None:
    names = set(archive.namelist())
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:100]
        except (zipfile.BadZipFile, OSError, KeyError):
            mimetype = b""
        if b"opendocument.spreadsheet" in mimetype:
            raise InputError(
                _issue(
                    "unsupported-format",
                    shown,
                    kind={"zh": "OpenDocument 表格(.ods)", "en": "OpenDocument spreadsheet (.ods)"},
                )
            )
    if "word/document.xml" in names:
        raise InputError(
            _issue("unsupported-format", shown, kind={"zh": "Word 文档", "en": "Word document"})
        )
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        raise InputError(
            _issue(
                "not-a-workbook",
                shown,
                reason={
                    "zh": "压缩包里没有工作簿部件 xl/workbook.xml",
                    "en": "the zip has no xl/workbook.xml part",
                },
            )
        )
    if "xl/workbook.bin" in names:
        raise InputError(
            _issue(
                "unsupported-format",
                shown,
                kind={"zh": "Excel 二进制工作簿(.xlsb)", "en": "Excel binary workbook (.xlsb)"},
            )
        )
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > limits.max_inflated_bytes or (
            info.file_size > 1024 * 1024 and ratio > limits.max_part_ratio
        ):
            raise InputError(
                _issue(
                    "file-too-large",
                    shown,
                    what={
                        "zh": f"解压后大小({info.filename})",
                        "en": f"the inflated size ({info.filename})",
                    },
                    actual=f"{total:,} B"
                    if total > limits.max_inflated_bytes
                    else f"×{ratio:,.0f}",
                    limit=f"{limits.max_inflated_bytes:,} B"
                    if total > limits.max_inflated_bytes
                    else f"×{limits.max_part_ratio}",
                    option="--max-inflated",
                )
            )


# --- reading the workbook ---------------------------------------------------------------------


def _read_workbook(data: bytes, shown: str) -> Submission:
    # openpyxl is imported here, not at module level: `qcity --help` must not pay for it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        EOFError,
        OSError,
    ) as e:
        raise InputError(
            _issue(
                "not-a-workbook",
                shown,
                reason={
                    "zh": f"工作簿结构无法解析:{e}",
                    "en": f"its structure cannot be read: {e}",
                },
            )
        ) from e
    try:
        return _read_data_sheet(wb, shown)
    finally:
        wb.close()


def _read_data_sheet(wb: Any, shown: str) -> Submission:
    sheets = list(wb.sheetnames)
    worksheets = list(wb.worksheets)
    issues: list[Issue] = []
    periods: list[PeriodMark] = []
    units: list[PeriodMark] = []

    def titled(names: tuple[str, ...]) -> list[Any]:
        return [ws for ws in worksheets if clean_text(ws.title).casefold() in names]

    series_sheets = titled(SERIES_SHEET_NAMES)
    named = titled(DATA_SHEET_NAMES)
    if len(named) > 1:
        raise InputError(
            _issue("ambiguous-data-sheet", shown, sheets=", ".join(ws.title for ws in named))
        )
    ws: Any = None
    if named:
        ws = named[0]
    else:
        visible = [w for w in worksheets if w.sheet_state == "visible" and w not in series_sheets]
        if len(visible) == 1:
            ws = visible[0]
        elif visible or not series_sheets:
            raise InputError(_issue("no-data-sheet", shown, sheets=", ".join(sheets) or "—"))
        # else: a workbook holding only a series sheet; every indicator comes from it.
    header_row, columns, rows = 0, dict[str, str](), list[SheetRow]()
    if ws is not None:
        if ws.sheet_state != "visible":
            issues.append(
                Issue("hidden-sheet", Location(file=shown, sheet=ws.title), {"sheet": ws.title})
            )
        header_row, columns, rows = _read_rows(wb, ws, shown, issues, periods, units)

    series: SeriesSheet | None = None
    if len(series_sheets) > 1:
        issues.append(
            _issue(
                "ambiguous-series-sheet", shown, sheets=", ".join(w.title for w in series_sheets)
            )
        )
    elif series_sheets:
        series = _read_series(wb, series_sheets[0], shown, issues, periods)
    return Submission(
        shown=shown,
        sheet=ws.title if ws is not None else None,
        header_row=header_row,
        columns=columns,
        rows=rows,
        sheets=sheets,
        properties=_properties(wb),
        issues=issues,
        series=series,
        periods=periods,
        units=units,
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


def _iter_raw_rows(wb: Any, ws: Any) -> Iterator[tuple[int, list[dict[str, Any]], dict[str, Any]]]:
    """Rows of *ws* as openpyxl's parser sees them, with each formula kept beside its cached value."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):
        # data_only=True gives the cached value; we also need to know a formula was there,
        # to tell "formula without saved value" from an empty cell in one pass.
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
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


def header_key(text: object) -> str | None:
    """The contract column a header cell names, if any."""
    if not isinstance(text, str):
        return None
    name = _TRAILING_UNIT.sub("", clean_text(text)).casefold()
    return _HEADER_LOOKUP.get(name)


def _make_cell(cell: dict[str, Any], formats: list[str]) -> Cell:
    from openpyxl.utils import get_column_letter

    style = cell["style_id"]
    return Cell(
        value=cell["value"],
        coordinate=f"{get_column_letter(cell['column'])}{cell['row']}",
        number_format=formats[style]
        if isinstance(style, int) and style < len(formats)
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
    shown: str,
    issues: list[Issue],
    periods: list[PeriodMark],
    units: list[PeriodMark] | None = None,
) -> tuple[int, dict[str, str], list[SheetRow]]:
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    col_of: dict[int, str] = {}  # column index -> key
    rows: list[SheetRow] = []

    def make(cell: dict[str, Any]) -> Cell:
        return _make_cell(cell, formats)

    for number, cells, attrs in _iter_raw_rows(wb, ws):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {c["column"]: key for c in cells if (key := header_key(c["value"])) is not None}
            if "code" in found.values():
                header_row = number
                col_of = _columns(found, shown, ws.title, number)
            else:
                _find_periods(cells, shown, ws.title, periods, units)
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
                issues.append(
                    Issue(
                        "value-without-code",
                        Location(file=shown, sheet=ws.title, cell=f"A{number}"),
                        {"row": number},
                    )
                )
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
                Location(file=shown, sheet=ws.title),
                {"path": shown, "rows": HEADER_SEARCH_ROWS},
            )
        )
    letters = {key: get_column_letter(col) for col, key in col_of.items()}
    if "value" not in letters and not {"numerator", "denominator"} <= letters.keys():
        raise InputError(
            Issue(
                "missing-column",
                Location(file=shown, sheet=ws.title, cell=f"A{header_row}"),
                {"columns": "实际值 (value)"},
            )
        )
    return header_row, letters, rows


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
    wb: Any, ws: Any, shown: str, issues: list[Issue], periods: list[PeriodMark]
) -> SeriesSheet | None:
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    keys: dict[int, str] = {}  # column index -> key
    years: dict[int, int] = {}  # column index -> year
    rows: list[SeriesRow] = []
    for number, cells, attrs in _iter_raw_rows(wb, ws):
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
            seen: dict[str | int, int] = {}
            for col in sorted(found):
                key = found[col]
                if key in seen:
                    first, second = (f"{get_column_letter(c)}{number}" for c in (seen[key], col))
                    issues.append(
                        Issue(
                            "duplicate-column",
                            Location(file=shown, sheet=ws.title, cell=second),
                            {"column": str(key), "first": first, "second": second},
                        )
                    )
                    continue  # the first of two same-named columns is the one read
                seen[key] = col
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
                code_col = next(c for c, k in keys.items() if k == "code")
                issues.append(
                    Issue(
                        "value-without-code",
                        Location(
                            file=shown,
                            sheet=ws.title,
                            cell=f"{get_column_letter(code_col)}{number}",
                        ),
                        {"row": number},
                    )
                )
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
