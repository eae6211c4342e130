"""Read a workbook's sheets with the standard library (zipfile and the C iterparse) behind the guard.

`qcity check` reads a sheet's rows and little else; openpyxl (the reference, still used for
templates and annotated copies) costs 135 ms to import and, under defusedxml, parses with the
pure-Python parser. This reader yields exactly what `rows.iter_raw_rows` yields from openpyxl's
parser (the same cell dicts: values, types, style ids, formula flags; hidden rows; merged
ranges), and is safe to run on the C parser because every part comes through `GuardedZip`:
DTDs are refused and sizes and tags bounded before any parser sees a byte.

It reads only what it fully understands. Anything else (Strict OOXML, chart sheets, a style
or coordinate openpyxl would read differently or refuse, a part that fails to parse) raises
`Unsupported`, and the caller reads the file with openpyxl instead, which then accepts or
refuses it exactly as before. tests/test_fastsheet.py runs both readers over every workbook
the suite builds and requires the same result.

The date conversions and the built-in number formats follow openpyxl 3.1
(openpyxl.utils.datetime, openpyxl.styles.numbers; MIT licence).

Longer than most modules on purpose: one streaming reader whose parts share the state of the parse
(shared strings, styles, the row being built); split, they would pass that state back and forth.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, fromstring, iterparse

from qcity.errors import InputError
from qcity.zipguard import GuardedZip

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.{}.main+xml"
# In the order openpyxl looks for the workbook part.
_WORKBOOK_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    _SPREADSHEET.format("template"),
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    _SPREADSHEET.format("sheet"),
)
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"

_C, _V, _F, _IS, _T, _R = (MAIN + t for t in ("c", "v", "f", "is", "t", "r"))
_ROW, _SHEET_DATA, _DIMENSION = MAIN + "row", MAIN + "sheetData", MAIN + "dimension"
_MERGE_CELLS, _MERGE_CELL = MAIN + "mergeCells", MAIN + "mergeCell"

BUILTIN_FORMATS_MAX_SIZE = 164
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy",
    15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
    20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip

WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)

_COORD = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")
_RANGE = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)(?::([A-Z]{1,3})([1-9][0-9]*))?")
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)

Cells = list[dict[str, Any]]


class Unsupported(Exception):
    """The workbook holds something this reader does not handle: read it with openpyxl."""


def open_book(archive: GuardedZip) -> FastBook:
    """The workbook in *archive*, its metadata read (Unsupported when openpyxl must read it)."""
    try:
        return FastBook(archive)
    except (InputError, Unsupported):
        raise
    except Exception as e:  # a part that does not parse: openpyxl names the failure
        raise Unsupported(f"{type(e).__name__}: {e}") from e


class FastBook:
    """The parts of a workbook that a check reads, in the shape `reader.py` uses."""

    def __init__(self, archive: GuardedZip) -> None:
        self.archive = archive
        # Part names are matched case-insensitively (xl/SharedStrings.xml is still found).
        self._names = {name.lower(): name for name in archive.namelist()}
        # The parts are read in openpyxl's order, so a limit names the same part it would.
        types = self._root("[Content_Types].xml")
        overrides = [
            (o.get("ContentType"), o.get("PartName") or "") for o in types.iter(_CT + "Override")
        ]
        workbook = next(
            (name for ct in _WORKBOOK_TYPES for t, name in overrides if t == ct and name), None
        )
        if workbook is None:
            raise Unsupported("no workbook part in the content types")
        strings = next((name for t, name in overrides if t == _SHARED_STRINGS), None)
        self.shared_strings = self._strings(strings[1:]) if strings else []
        workbook = workbook[1:]
        root = self._root(workbook)
        if root.tag != MAIN + "workbook":
            raise Unsupported(f"workbook root {root.tag}")  # Strict OOXML among others
        pr = root.find(MAIN + "workbookPr")
        date1904 = pr is not None and (pr.get("date1904") or "").lower() in ("1", "true")
        self.epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        self.defined_names = {
            str(d.get("name")): _Defined(d.text)
            for d in root.iter(MAIN + "definedName")
            if d.get("localSheetId") is None
        }
        self.custom_doc_props = _CustomProps([])
        if self._has("docProps/core.xml"):
            self._root("docProps/core.xml")
        if self._has("docProps/custom.xml"):
            self.custom_doc_props = _CustomProps(_custom(self._root("docProps/custom.xml")))
        if self._has("xl/theme/theme1.xml"):
            self._read("xl/theme/theme1.xml")
        if not self._has("xl/styles.xml"):
            raise Unsupported("no styles part")
        self.formats, self.date_styles, self.timedelta_styles = _styles(self._root("xl/styles.xml"))
        rels = self._rels(_rels_path(workbook))
        self._sheets: list[FastSheet] = []
        for sheet in root.iter(MAIN + "sheet"):
            rid = sheet.get(_REL)
            if not rid:
                continue  # openpyxl drops such a sheet too (with a warning)
            rel_type, target = rels[rid]
            if not self._has(target):
                continue
            if rel_type != _WORKSHEET_REL:
                raise Unsupported(f"sheet of type {rel_type}")  # chart sheets, dialog sheets
            state = sheet.get("state") or "visible"
            if state not in ("visible", "hidden", "veryHidden"):
                raise Unsupported(f"sheet state {state}")
            if self._has(_rels_path(target)):
                self._rels(_rels_path(target))
            ws = FastSheet(self, str(sheet.get("name")), self._names[target.lower()], state)
            ws.read_dimension()
            self._sheets.append(ws)

    # --- openpyxl's Workbook, as far as reader.py uses it ------------------------------------

    @property
    def sheetnames(self) -> list[str]:
        """The sheets' names, in workbook order."""
        return [ws.title for ws in self._sheets]

    @property
    def worksheets(self) -> list[FastSheet]:
        """The worksheets, in workbook order."""
        return list(self._sheets)

    def close(self) -> None:
        """Nothing to release: the caller closes the archive."""

    # --- parts ------------------------------------------------------------------------------

    def _has(self, name: str) -> bool:
        return name.lower() in self._names

    def _read(self, name: str) -> bytes:
        return self.archive.read(self._names[name.lower()])

    def _root(self, name: str) -> Element:
        if not self._has(name):
            raise Unsupported(f"no part {name}")
        return fromstring(self._read(name))  # noqa: S314  (guarded: see the module docstring)

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        """A relationship part: id -> (type, target resolved as openpyxl resolves it)."""
        rels: dict[str, tuple[str, str]] = {}
        if not self._has(name):
            return rels
        parent = posixpath.split(posixpath.dirname(name))[0]
        for rel in self._root(name).iter(_PKG_REL + "Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") != "External":
                target = (
                    target[1:]
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(parent, target))
                )
            rels[str(rel.get("Id"))] = (str(rel.get("Type")), target)
        return rels

    def _strings(self, name: str) -> list[str]:
        if not self._has(name):
            raise Unsupported(f"no part {name}")
        strings: list[str] = []
        append = strings.append
        with self.archive.open(self._names[name.lower()]) as src:
            for _, node in iterparse(src):  # noqa: S314  (guarded)
                if node.tag == MAIN + "si":
                    append(_text(node).replace("x005F_", ""))
                    node.clear()
        return strings


class FastSheet:
    """One worksheet: its name and state, and its rows read on demand."""

    def __init__(self, book: FastBook, title: str, part: str, state: str) -> None:
        self.book = book
        self.title = title
        self.part = part
        self.sheet_state = state

    def read_dimension(self) -> None:
        """Open the part as openpyxl does for every sheet, up to its <dimension> or its data.

        This checks the part's prolog (a DTD is refused) as the openpyxl path does; unlike
        openpyxl, a sheet without <dimension> is not scanned to its end for one.
        """
        with self.book.archive.open(self.part) as src:
            for event, element in iterparse(src, ("start", "end")):  # noqa: S314  (guarded)
                if event == "start" and element.tag == _SHEET_DATA:
                    return
                if event == "end" and element.tag == _DIMENSION:
                    if not _RANGE.fullmatch(element.get("ref") or ""):
                        raise Unsupported("dimension")
                    return

    def raw_rows(
        self, merged: list[str] | None = None
    ) -> Iterator[tuple[int, Cells, dict[str, Any]]]:
        """What `rows.iter_raw_rows` yields: (row number, cell dicts, row attributes)."""
        try:
            yield from self._rows(merged)
        except (InputError, Unsupported):
            raise
        except Exception as e:  # openpyxl names the failure: the caller reads with it
            raise Unsupported(f"{type(e).__name__}: {e}") from e

    def _rows(self, merged: list[str] | None) -> Iterator[tuple[int, Cells, dict[str, Any]]]:
        book = self.book
        strings = book.shared_strings
        dates, deltas, epoch = book.date_styles, book.timedelta_styles, book.epoch
        dimensions: dict[str, dict[str, str]] = {}
        found_merged: list[str] | None = None
        row_number = 0
        parent: Element | None = None
        # Inline strings (<is>) are parsed anew in every cell; the same short text (a code, a
        # district's name) is kept once, as a shared string is (the rows hold their cells).
        inline: dict[str, str] = {}
        with book.archive.open(self.part) as src:
            for event, element in iterparse(src, ("start", "end")):  # noqa: S314  (guarded)
                tag = element.tag
                if event == "start":
                    if tag == _SHEET_DATA:
                        parent = element
                    continue
                if tag == _ROW:
                    attrs = dict(element.attrib)
                    r = attrs.get("r")
                    row_number = _row_number(r) if r is not None else row_number + 1
                    if {k for k in attrs if not k.startswith("{")} - {"r", "spans"}:
                        dimensions[str(row_number)] = attrs
                    cells = _cells(element, row_number, strings, dates, deltas, epoch, inline)
                    # Keep no parsed row: the rows' elements would otherwise pile up.
                    (parent if parent is not None else element).clear()
                    yield row_number, cells, dimensions.get(str(row_number), {})
                elif tag == _MERGE_CELLS:
                    found_merged = [_merge_ref(m.get("ref")) for m in element.iter(_MERGE_CELL)]
                    element.clear()
        if merged is not None and found_merged is not None:
            merged.extend(found_merged)


def _cells(
    row: Element,
    number: int,
    strings: list[str],
    dates: set[int],
    deltas: set[int],
    epoch: dt.datetime,
    inline: dict[str, str] | None = None,
) -> Cells:
    """The cells of one <row>, each as openpyxl's WorkSheetParser.parse_cell (data_only) makes it,
    with the formula kept beside its cached value as rows.iter_raw_rows keeps it."""
    cells: Cells = []
    column = 0
    for c in row:
        if c.tag != _C:
            raise Unsupported(f"{c.tag} in a row")
        get = c.get
        data_type = get("t", "n")
        coordinate = get("r")
        style: Any = get("s", 0)
        if style:
            style = int(style)
        if coordinate:
            match = _COORD.fullmatch(coordinate)
            if match is None:
                raise Unsupported(f"coordinate {coordinate!r}")
            column = _column_index(match.group(1))
            cell_row = int(match.group(2))
        else:
            column += 1
            cell_row = number
        value: Any = None if data_type == "inlineStr" else (c.findtext(_V) or None)
        if value is not None:
            if data_type == "n":
                value = float(value) if "." in value or "E" in value or "e" in value else int(value)
                if style in dates:
                    data_type = "d"
                    try:
                        value = _from_excel(value, epoch, timedelta=style in deltas)
                    except (OverflowError, ValueError):
                        raise Unsupported("a date out of range") from None  # openpyxl warns
            elif data_type == "s":
                value = strings[int(value)]
            elif data_type == "b":
                value = bool(int(value))
            elif data_type == "str":
                data_type = "s"
            elif data_type == "d":
                value = _from_iso8601(value)
        elif data_type == "inlineStr":
            child = c.find(_IS)
            if child is not None:
                data_type = "s"
                value = _text(child)
                if inline is not None and len(value) <= _SHARED_INLINE:
                    value = inline.setdefault(value, value)
        cell = {
            "row": cell_row,
            "column": column,
            "value": value,
            "data_type": data_type,
            "style_id": style,
        }
        formula = c.find(_F)
        if formula is not None:
            cell["formula"] = "=" + (formula.text or "…")
        cells.append(cell)
    return cells


_COLUMNS: dict[str, int] = {}
_SHARED_INLINE = 40  # inline strings up to this length are kept once per sheet


def _column_index(letters: str) -> int:
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for char in letters:
            index = index * 26 + ord(char) - 64
        _COLUMNS[letters] = index
    return index


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise
        return int(value)


def _merge_ref(ref: str | None) -> str:
    """A merged range as openpyxl prints it (`A1:B2`, a single cell as `A1`)."""
    match = _RANGE.fullmatch(ref or "")
    if match is None or match.group(3) is None:
        raise Unsupported(f"merged range {ref!r}")
    c1, r1, c2, r2 = match.groups()
    if _column_index(c1) > _column_index(c2) or int(r1) > int(r2):
        raise Unsupported(f"merged range {ref!r}")
    return f"{c1}{r1}" if (c1, r1) == (c2, r2) else f"{c1}{r1}:{c2}{r2}"


def range_bounds(ref: str) -> tuple[int, int, int, int] | None:
    """(min column, min row, max column, max row) of `A1:B2` or `A1`, as both readers print a
    merged range; None for anything else."""
    match = _RANGE.fullmatch(ref)
    if match is None:
        return None
    c1, r1, c2, r2 = match.groups()
    if c2 is None:
        c2, r2 = c1, r1
    return _column_index(c1), int(r1), _column_index(c2), int(r2)


def _text(node: Element) -> str:
    """The plain text of a string item (<si> or <is>): its <t>, then each run's <t>."""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        if child.tag == _T:
            if plain is not None:
                raise Unsupported("a string with two <t>")
            plain = child.text or ""
        elif child.tag == _R:
            t = child.find(_T)
            if t is not None and t.text is not None:
                runs.append(t.text)
    return (plain or "") + "".join(runs)


class _Defined:
    """A workbook-level defined name (openpyxl's DefinedName.attr_text)."""

    def __init__(self, text: str | None) -> None:
        self.attr_text = text


class _Prop:
    def __init__(self, name: str, value: object) -> None:
        self.name = name
        self.value = value


class _CustomProps:
    def __init__(self, props: list[_Prop]) -> None:
        self.props = props


_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


def _custom(root: Element) -> list[_Prop]:
    """Custom document properties of the simple types (others: Unsupported)."""
    props: list[_Prop] = []
    for prop in root:
        name = prop.get("name")
        values = list(prop)
        if name is None or len(values) != 1:
            raise Unsupported("custom property")
        value, text = values[0], values[0].text
        if text is None:
            raise Unsupported("an empty custom property")
        if value.tag in (_VT + "lpwstr", _VT + "lpstr"):
            props.append(_Prop(name, text))
        elif value.tag == _VT + "i4":
            props.append(_Prop(name, int(text)))
        elif value.tag == _VT + "bool" and text in ("true", "false", "1", "0"):
            props.append(_Prop(name, text in ("true", "1")))
        else:
            raise Unsupported(f"custom property of type {value.tag}")
    return props


def _styles(root: Element) -> tuple[list[str], set[int], set[int]]:
    """Each cell style's number format, and which styles hold dates and durations."""
    custom = {
        int(f.get("numFmtId") or ""): f.get("formatCode")
        for fmts in root.iter(MAIN + "numFmts")
        for f in fmts.iter(MAIN + "numFmt")
    }
    xfs_parent = root.find(MAIN + "cellXfs")
    xfs = [] if xfs_parent is None else xfs_parent.findall(MAIN + "xf")
    if not xfs:
        raise Unsupported("no cell styles")  # openpyxl falls back to its defaults
    formats: list[str] = []
    dates: set[int] = set()
    deltas: set[int] = set()
    for index, xf in enumerate(xfs):
        fmt_id = int(xf.get("numFmtId") or 0)
        code = custom.get(fmt_id)
        if fmt_id in custom and code is None:
            raise Unsupported("a number format without code")
        if code is None:
            if fmt_id >= BUILTIN_FORMATS_MAX_SIZE:
                raise Unsupported(f"number format {fmt_id} is not defined")
            if fmt_id < 0:
                raise Unsupported(f"number format {fmt_id}")
            code = BUILTIN_FORMATS.get(fmt_id)
        formats.append(code if code is not None else "General")
        if code is not None:
            first = code.split(";")[0]
            if _DATE_CHAR.search(_STRIP.sub("", first)) is not None:
                dates.add(index)
            if _TIMEDELTA.search(first) is not None:
                deltas.add(index)
    return formats, dates, deltas


def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _from_excel(value: float, epoch: dt.datetime, timedelta: bool = False) -> object:
    """An Excel serial as openpyxl converts it (openpyxl.utils.datetime.from_excel)."""
    if timedelta:
        td = dt.timedelta(days=value)
        if td.microseconds:
            td = dt.timedelta(
                seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3)
            )
        return td
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


@functools.cache
def _iso_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: a few ms at import for cells that Excel never writes."""
    return (
        re.compile(
            r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
            r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?"
        ),
        re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?"),
    )


def _from_iso8601(text: str) -> object:
    """A t="d" cell as openpyxl converts it (openpyxl.utils.datetime.from_ISO8601)."""
    iso, duration = _iso_patterns()
    match = iso.match(text)
    if match and any(match.groups()):
        parts: dict[str, Any] = match.groupdict(0)
        for key in ("year", "month", "day", "hour", "minute", "second"):
            if parts[key]:
                parts[key] = int(parts[key])
        if parts["microsecond"]:
            parts["microsecond"] = int(float(parts["microsecond"]) * 1_000_000)
        if not parts["date"]:
            return dt.time(parts["hour"], parts["minute"], parts["second"], parts["microsecond"])
        if not parts["time"]:
            return dt.date(parts["year"], parts["month"], parts["day"])
        del parts["time"], parts["date"]
        return dt.datetime(**parts)
    match = duration.match(text)
    if match and any(match.groups()):
        return dt.timedelta(**{k: float(v) for k, v in match.groupdict(0).items() if v})
    raise ValueError(f"Invalid datetime value {text}")


__all__ = ["FastBook", "FastSheet", "Unsupported", "open_book", "range_bounds"]
