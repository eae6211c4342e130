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

# Column headers of the submission contract, Chinese and English (compared after NFKC,
# trimming and case folding; a trailing unit in brackets such as "实际值(%)" is ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("指标代码", "code"),
    "value": ("实际值", "value"),
    "numerator": ("分子", "numerator"),
    "denominator": ("分母", "denominator"),
    "note": ("备注", "note"),
}
_HEADER_LOOKUP = {name.casefold(): key for key, names in COLUMNS.items() for name in names}
_TRAILING_UNIT = re.compile(r"\s*[(\[【][^)\]】]*[)\]】]\s*$")


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
class Submission:
    """What was read from a workbook, before any judgement."""

    shown: str  # the file name as given, for messages
    sheet: str
    header_row: int
    columns: dict[str, str]  # column key -> column letter
    rows: list[SheetRow]
    sheets: list[str]
    properties: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def location(self, row: int, key: str) -> Location | None:
        """The location of column *key* at *row*, if the sheet has that column."""
        letter = self.columns.get(key)
        if letter is None:
            return None
        return Location(file=self.shown, sheet=self.sheet, cell=f"{letter}{row}")


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
    named = [ws for ws in worksheets if clean_text(ws.title).casefold() in DATA_SHEET_NAMES]
    if len(named) > 1:
        raise InputError(
            _issue("ambiguous-data-sheet", shown, sheets=", ".join(ws.title for ws in named))
        )
    if named:
        ws = named[0]
    else:
        visible = [w for w in worksheets if w.sheet_state == "visible"]
        if len(visible) != 1:
            raise InputError(_issue("no-data-sheet", shown, sheets=", ".join(sheets) or "—"))
        ws = visible[0]
    if ws.sheet_state != "visible":
        issues.append(
            Issue("hidden-sheet", Location(file=shown, sheet=ws.title), {"sheet": ws.title})
        )

    header_row, columns, rows = _read_rows(wb, ws, shown, issues)
    return Submission(
        shown=shown,
        sheet=ws.title,
        header_row=header_row,
        columns=columns,
        rows=rows,
        sheets=sheets,
        properties=_properties(wb),
        issues=issues,
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


def _read_rows(
    wb: Any, ws: Any, shown: str, issues: list[Issue]
) -> tuple[int, dict[str, str], list[SheetRow]]:
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    col_of: dict[int, str] = {}  # column index -> key
    rows: list[SheetRow] = []

    def make(cell: dict[str, Any]) -> Cell:
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

    for number, cells, attrs in _iter_raw_rows(wb, ws):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {c["column"]: key for c in cells if (key := header_key(c["value"])) is not None}
            if "code" in found.values():
                header_row = number
                col_of = _columns(found, shown, ws.title, number)
            continue
        picked = {col_of[c["column"]]: c for c in cells if c["column"] in col_of}
        code = picked.get("code")
        has_code = (
            code is not None and code["value"] is not None and clean_text(str(code["value"])) != ""
        )
        data_keys = ("value", "numerator", "denominator")
        has_data = any(
            (c := picked.get(k)) is not None and (c["value"] not in (None, "") or c.get("formula"))
            for k in data_keys
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
