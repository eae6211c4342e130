"""The only module that touches openpyxl: recognise the file, find sheet and header, read located cells."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qcity.errors import InputError, Issue, Location, printable
from qcity.model import Cell
from qcity.package import (
    GuardedZip,
    Limits,
    damaged,
    file_issue,
    open_package,
    read_bytes,
    sniff,
)
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


def _read_workbook(data: io.BytesIO, archive: GuardedZip, shown: str, limits: Limits) -> Submission:
    # openpyxl is imported here, not at module level: `qcity --help` must not pay for it.
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
    if not sheets:
        raise damaged(
            shown,
            "工作簿里没有可读的工作表(工作表部件缺失)",
            "the workbook has no readable sheet (its sheet parts are missing)",
        )
    named = [ws for ws in worksheets if clean_text(ws.title).casefold() in DATA_SHEET_NAMES]
    if len(named) > 1:
        raise InputError(
            file_issue(
                "ambiguous-data-sheet",
                shown,
                sheets=", ".join(printable(ws.title) for ws in named),
            )
        )
    if named:
        ws = named[0]
    else:
        visible = [w for w in worksheets if w.sheet_state == "visible"]
        if len(visible) != 1:
            raise InputError(file_issue("no-data-sheet", shown, sheets=_sheet_list(wb)))
        ws = visible[0]
    title = printable(ws.title)
    if ws.sheet_state != "visible":
        issues.append(Issue("hidden-sheet", Location(file=shown, sheet=title), {"sheet": title}))

    try:
        header_row, columns, rows = _read_rows(wb, ws, title, shown, limits, issues)
    except InputError:
        raise
    except _BadCell as e:
        where = Location(file=shown, sheet=title, cell=printable(e.coordinate[:12]) or None)
        raise _broken(e.error, shown, archive.last_part, where) from e
    except _BROKEN as e:
        raise _broken(e, shown, archive.last_part, Location(file=shown, sheet=title)) from e
    return Submission(
        shown=shown,
        sheet=title,
        header_row=header_row,
        columns=columns,
        rows=rows,
        sheets=[printable(name) for name in sheets],
        properties=_properties(wb),
        issues=issues,
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
    wb: Any, ws: Any, merged: list[str]
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
        if merged_cells is not None:
            merged.extend(str(m.ref) for m in merged_cells.mergeCell)


def header_key(text: object) -> str | None:
    """The contract column a header cell names, if any."""
    if not isinstance(text, str):
        return None
    name = _TRAILING_UNIT.sub("", clean_text(text)).casefold()
    return _HEADER_LOOKUP.get(name)


def _read_rows(
    wb: Any, ws: Any, sheet: str, shown: str, limits: Limits, issues: list[Issue]
) -> tuple[int, dict[str, str], list[SheetRow]]:
    from openpyxl.utils import get_column_letter

    formats = _number_formats(wb)
    header_row = 0
    col_of: dict[int, str] = {}  # column index -> key
    rows: list[SheetRow] = []
    merged: list[str] = []

    def make(cell: dict[str, Any]) -> Cell:
        style = cell["style_id"]
        return Cell(
            value=cell["value"],
            coordinate=f"{get_column_letter(cell['column'])}{cell['row']}",
            number_format=formats[style]
            if isinstance(style, int) and 0 <= style < len(formats)
            else "General",
            data_type=cell["data_type"],
            formula=cell.get("formula"),
        )

    def where(row: int, column: int = 1) -> Location:
        return Location(file=shown, sheet=sheet, cell=f"{get_column_letter(column)}{row}")

    for number, cells, attrs in _iter_raw_rows(wb, ws, merged):
        _check_cells(cells, limits, where)
        if number > limits.max_rows or len(rows) >= limits.max_rows:
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
