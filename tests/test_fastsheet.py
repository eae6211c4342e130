"""The standard-library reader (fastsheet) against openpyxl, the reference: same cells, formats,
formula flags, hidden rows and states, merged ranges, on every workbook the suite has."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from qcity.errors import InputError
from qcity.workbook import fastsheet
from qcity.workbook.reader import _properties
from qcity.workbook.rows import BROKEN, BadCell, iter_raw_rows, number_formats
from qcity.zipguard import Limits, open_package, read_bytes, sniff

from . import test_golden as golden
from . import test_hostile as hostile
from .conftest import ROOT, Sheet, write_workbook

# The hostile corpus' limits are those of a plain `qcity check`; the large cases need more.
LIMITS = Limits()

Snapshot = dict[str, Any]


def _value(value: Any) -> Any:
    """A value with its type, so that 1 and 1.0 or a date and a datetime never compare equal."""
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def snapshot(wb: Any) -> Snapshot:
    """Everything the check reads from a workbook, in comparable form."""
    formats = number_formats(wb)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        merged: list[str] = []
        for number, cells, attrs in iter_raw_rows(wb, ws, merged):
            row = []
            for c in cells:
                style = c["style_id"]
                fmt = (
                    formats[style]
                    if isinstance(style, int) and 0 <= style < len(formats)
                    else "General"
                )
                row.append(
                    (
                        c["row"],
                        c["column"],
                        _value(c["value"]),
                        c["data_type"],
                        fmt,
                        c.get("formula"),
                    )
                )
            hidden = str(attrs.get("hidden", "0")).lower() in ("1", "true")
            rows.append((number, row, hidden))
        sheets.append({"title": ws.title, "state": ws.sheet_state, "rows": rows, "merged": merged})
    return {"names": list(wb.sheetnames), "sheets": sheets, "properties": _properties(wb)}


def read_with(path: Path, reader: Callable[[bytes, Any], Any]) -> Snapshot:
    data = read_bytes(path, str(path), LIMITS)
    sniff(data, str(path))
    archive = open_package(data, str(path), LIMITS)
    try:
        return snapshot(reader(data, archive))
    finally:
        archive.close()


def openpyxl_book(data: bytes, archive: Any) -> Any:
    """The workbook as reader.py's openpyxl path opens it (guarded archive, read-only, values)."""
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    reader.archive.close()
    reader.archive = archive
    reader.read()
    return reader.wb


def fast_book(data: bytes, archive: Any) -> Any:
    return fastsheet.open_book(archive)


def outcome(path: Path, reader: Callable[[bytes, Any], Any]) -> tuple[str, Any]:
    """("ok", snapshot), ("input-error", issue code), ("unsupported", why) or ("broken", type)."""
    try:
        return "ok", read_with(path, reader)
    except InputError as e:
        return "input-error", e.issues[0].code
    except fastsheet.Unsupported as e:
        return "unsupported", str(e)
    except (*BROKEN, BadCell) as e:
        return "broken", type(e).__name__


def compare(path: Path) -> str:
    """Assert the fast reader agrees with openpyxl on *path*; say which way it went."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = outcome(path, openpyxl_book)
        fast = outcome(path, fast_book)
    if fast[0] == "unsupported":
        # The check then reads the file with openpyxl: the same result by construction.
        return "unsupported"
    if reference[0] == "ok":
        assert fast == reference, f"{path}: the readers differ"
    elif reference[0] == "input-error":
        # a limit or the DTD guard: the fast reader must stop on the same one
        assert fast == reference, f"{path}: openpyxl gave {reference}, fastsheet {fast}"
    else:
        pytest.fail(f"{path}: openpyxl failed ({reference[1]}) but fastsheet gave {fast[0]}")
    return reference[0]


# --- the workbooks the suite has ------------------------------------------------------------------

SHIPPED = sorted(
    [
        *ROOT.glob("data/*.xlsx"),
        *ROOT.glob("data/monthly/*/*.xlsx"),
        *ROOT.glob("tests/data/real/*.xlsx"),
        *ROOT.glob("tests/real/**/*.xlsx"),  # the real-world corpus, where present
    ]
)


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(ROOT)) for p in SHIPPED])
def test_shipped_workbooks_read_the_same(path: Path) -> None:
    result = compare(path)
    if path.name != "encrypted-agile.xlsx":  # not a zip: both refuse it before any reader
        assert result == "ok", f"{path}: the fast reader did not read it ({result})"


@pytest.mark.parametrize("case", golden.CASES, ids=[p.name for p in golden.CASES])
def test_golden_case_workbooks_read_the_same(case: Path, tmp_path: Path) -> None:
    workbooks = golden.case_workbooks(golden.load_case(case), tmp_path)
    assert workbooks
    for path in workbooks:
        assert compare(path) == "ok", path


# A catalogue case's workbook is the plain example, which test_shipped_workbooks compares.
WORKBOOK_CASES = [case for case in hostile.CORPUS if case.command != "check-catalogue"]


@pytest.mark.parametrize("case", WORKBOOK_CASES, ids=[case.id for case in WORKBOOK_CASES])
def test_hostile_corpus_reads_the_same(case: hostile.Case, tmp_path: Path) -> None:
    path = case.build(tmp_path)
    try:
        read_bytes(path, str(path), LIMITS)
    except InputError as e:
        # Refused before any reader sees a byte (missing, a folder or a fifo, or too large):
        # there is nothing for the two readers to differ on.
        refusals = (["file-not-found"], ["not-a-file"], ["file-too-large"])
        assert [i.code for i in e.issues] in refusals, e.issues
        assert case.exit != 0
        return
    compare(path)


def test_most_of_the_hostile_corpus_takes_the_fast_path(tmp_path: Path) -> None:
    """The fallback is for the odd file: the corpus' ordinary workbooks are read by fastsheet."""
    taken = 0
    for n, case in enumerate(c for c in hostile.CORPUS if not c.resource):
        if case.command == "check-catalogue":
            continue
        folder = tmp_path / str(n)
        folder.mkdir()
        path = case.build(folder)
        if path.suffix != ".xlsx" or not path.is_file():
            continue
        try:
            data = read_bytes(path, str(path), LIMITS)
            sniff(data, str(path))
            archive = open_package(data, str(path), LIMITS)
        except InputError:
            continue
        try:
            book = fastsheet.open_book(archive)
            for ws in book.worksheets:
                list(ws.raw_rows())
            taken += 1
        except (InputError, fastsheet.Unsupported):
            pass
        finally:
            archive.close()
    assert taken >= 25, taken


# --- workbooks built from random rows -------------------------------------------------------------

CELL = st.one_of(
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=0, max_size=12
    ).filter(lambda s: not s.startswith("=")),
    st.sampled_from(["=1+1", "=SUM(B1:B3)", "指标代码", " 95.5 ", "是", "#N/A"]),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)
FORMATS = st.sampled_from(
    ["0%", "0.00%", "0.0", "yyyy-mm-dd", "[h]:mm:ss", "@", "#,##0", "General"]
)


@st.composite
def sheets(draw: st.DrawFn) -> dict[str, Sheet]:
    rows = draw(st.lists(st.lists(CELL, max_size=6), min_size=1, max_size=8))
    height = len(rows)
    formats = draw(
        st.dictionaries(
            st.builds(lambda c, r: f"{c}{r}", st.sampled_from("ABCDEF"), st.integers(1, height)),
            FORMATS,
            max_size=4,
        )
    )
    hidden = draw(st.lists(st.integers(1, height), max_size=2, unique=True))
    merged = ["A1:B1"] if draw(st.booleans()) and height >= 1 else []
    state = draw(st.sampled_from(["visible", "hidden"]))
    return {
        "数据": Sheet(rows=rows, formats=formats, hidden_rows=hidden, merged=merged),
        "其他": Sheet(rows=[["x", 1]], state=state),
    }


@hsettings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=sheets())
# Found by a newcomer's run: a date past 9999-12-31 in a cell a merge covers is never written.
@example(
    book={
        "数据": Sheet(rows=[[None, 2958466.0]], formats={"B1": "yyyy-mm-dd"}, merged=["A1:B1"]),
        "其他": Sheet(rows=[["x", 1]]),
    }
)
def test_random_workbooks_read_the_same(book: dict[str, Sheet], tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "random.xlsx", book)
    if _date_out_of_range(book):
        # Past 9999-12-31 a date-formatted number is no date: the fast reader hands the file to
        # openpyxl (which warns and keeps the number), so the check reads it the same way.
        assert outcome(path, fast_book) == ("unsupported", "a date out of range")
    else:
        assert compare(path) == "ok"


def _date_out_of_range(book: dict[str, Sheet]) -> bool:
    """Whether a number in a date or duration cell lies outside what Python's dates can hold
    (Excel's dates end at 9999-12-31; a timedelta at 999,999,999 days)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    for sheet in book.values():
        # A cell a merged range covers, other than its top-left one, is written without its
        # value (openpyxl keeps only the top-left cell's): it holds no date at all.
        covered = {
            f"{get_column_letter(c)}{r}"
            for merged in map(CellRange, sheet.merged)
            for r, c in merged.cells
            if (r, c) != (merged.min_row, merged.min_col)
        }
        for coordinate, fmt in sheet.formats.items():
            if coordinate in covered:
                continue
            bounds = (-693_593, 2_958_465) if "yy" in fmt else None  # 0001-01-01 … 9999-12-31
            bounds = (-999_999_999, 999_999_999) if "[h]" in fmt else bounds
            if bounds is None:
                continue
            column, row = ord(coordinate[0]) - ord("A"), int(coordinate[1:]) - 1
            cells = sheet.rows[row] if row < len(sheet.rows) else []
            value = cells[column] if column < len(cells) else None
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if not bounds[0] <= value <= bounds[1]:
                return True
    return False


# --- part names and Strict OOXML ------------------------------------------------------------------


def _renamed(source: Path, target: Path, rename: Callable[[str], str]) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            out.writestr(rename(name), src.read(name))
    return target


def test_part_names_are_matched_whatever_their_case(tmp_path: Path) -> None:
    # Some writers name the part xl/SharedStrings.xml while the content types say
    # /xl/sharedStrings.xml: the strings must still be found (openpyxl wants the exact case).
    source = write_workbook(
        tmp_path / "a.xlsx", {"数据": [["指标代码", "实际值"], ["PRD-01", "95%"]]}
    )
    renamed = _renamed(
        source, tmp_path / "b.xlsx", lambda n: n.replace("sharedStrings", "SharedStrings")
    )
    expected = read_with(source, openpyxl_book)
    assert read_with(renamed, fast_book) == expected
    cells = [c for _, row, _ in expected["sheets"][0]["rows"] for c in row]
    assert ("str", "PRD-01") in [c[2] for c in cells]  # the strings really came from the part


def test_strict_ooxml_is_left_to_openpyxl(tmp_path: Path) -> None:
    # Strict OOXML names its elements in another namespace; the fast reader does not read it,
    # so the check answers exactly as the openpyxl path always has.
    import zipfile

    source = write_workbook(tmp_path / "a.xlsx", {"数据": [["指标代码", "实际值"], ["PRD-01", 95]]})
    strict = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(strict, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith(".xml"):
                data = data.replace(
                    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                    b"http://purl.oclc.org/ooxml/spreadsheetml/main",
                )
            out.writestr(name, data)
    assert outcome(strict, fast_book)[0] == "unsupported"
    assert compare(strict) == "unsupported"
