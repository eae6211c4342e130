"""What real-world files broke (issue 13), each as a minimal reproduction through the CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.styles import Font, NamedStyle, PatternFill
from PIL import Image as PILImage

from . import measure
from .conftest import Run, all_met, assert_valid_json, assert_valid_junit, data_rows
from .corpus import MAIN_NS, add_shared_strings, pack, workbook_parts

Cli = Callable[..., Run]
MAX_RSS_MB = 300


def statuses(run: Run) -> dict[str, str]:
    """Indicator code -> status, from a JSON report."""
    return {i["code"]: i["status"] for i in json.loads(run.stdout)["indicators"]}


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def submission(values: dict[str, Any] | None = None) -> Workbook:
    """A workbook whose 数据 sheet has the header in row 1 and a row per indicator."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    for row in data_rows(values or all_met()):
        ws.append(row)
    return wb


def check_and_annotate(cli: Cli, path: Path, tmp_path: Path, *args: str) -> tuple[Run, Run, Path]:
    """The plain check and the check with --annotate, both as JSON, and the copy's path."""
    copy = tmp_path / f"{path.stem}-copy{path.suffix}"
    plain = cli("check", path, "--format", "json", *args)
    marked = cli("check", path, "--format", "json", "--annotate", copy, *args)
    return plain, marked, copy


def opens_everywhere(copy: Path, tmp_path: Path) -> None:
    """The copy opens in openpyxl and, where LibreOffice is installed, in LibreOffice."""
    load_workbook(copy).close()
    if shutil.which("soffice") is None:
        if os.environ.get("QCITY_REQUIRE_PROGRAMS") == "1":
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        return
    from .libreoffice import convert

    out = tmp_path / f"lo-{copy.stem}"
    out.mkdir()
    convert([copy], "csv", out)
    assert (out / f"{copy.stem}.csv").exists()


# --- 1. merged cells over a figure column ------------------------------------------------------


def test_merged_figure_cells_are_annotated_like_the_plain_check(cli: Cli, tmp_path: Path) -> None:
    wb = submission()
    wb["数据"].merge_cells("B4:B5")  # 实际值 of PRD-03 and PRD-04: a routine Chinese form
    path = save(wb, tmp_path / "merged.xlsx")
    plain, marked, copy = check_and_annotate(cli, path, tmp_path)
    assert plain.exit_code == marked.exit_code == 3, marked.output
    assert "merged-cells" in [i["code"] for i in json.loads(marked.stdout)["issues"]]
    assert statuses(plain) == statuses(marked)
    ws = load_workbook(copy)["数据"]
    note = ws["B4"].comment
    assert note is not None and "[merged-cells]" in note.text
    opens_everywhere(copy, tmp_path)


# --- 2. one save: macros with comments, a picture with an extension openpyxl drops ---------------

VBA = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8  # an OLE-looking VBA project


def macro_workbook(path: Path) -> Path:
    """An .xlsm: a VBA project part, registered as Excel registers it, and a comment."""
    wb = submission()
    wb["数据"]["B2"].comment = Comment("来自年报", "张三")
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    ).replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/></Relationships>',
    ).encode()
    parts["xl/vbaProject.bin"] = VBA
    return pack(path, parts)


def test_a_macro_workbook_with_comments_is_copied_with_its_macros(cli: Cli, tmp_path: Path) -> None:
    path = macro_workbook(tmp_path / "macros.xlsm")
    copy = tmp_path / "copy.xlsm"
    run = cli("check", path, "--annotate", copy)
    assert run.exit_code == 0, run.output
    with zipfile.ZipFile(copy) as z:
        assert z.read("xl/vbaProject.bin") == VBA
    ws = load_workbook(copy, keep_vba=True)["数据"]
    assert ws["B2"].comment is not None and ws["B2"].comment.text.startswith("来自年报")
    # An .xlsx copy of it cannot hold macros, and says so, on stderr and on the summary sheet.
    plain = tmp_path / "copy.xlsx"
    run = cli("check", path, "--annotate", plain)
    assert run.exit_code == 0, run.output
    assert "宏（VBA）（1）" in run.stderr
    summary = load_workbook(plain)["检查结果"]
    assert "宏（VBA）（1）" in str(summary["A4"].value)
    opens_everywhere(plain, tmp_path)


UNKNOWN_EXT = (
    '<extLst><ext uri="{00000000-0000-0000-0000-0000000000AA}" '
    'xmlns:x="urn:example:unknown"><x:thing/></ext></extLst>'
)


def test_a_picture_and_an_unknown_extension_in_one_workbook(cli: Cli, tmp_path: Path) -> None:
    wb = submission()
    picture = tmp_path / "logo.png"
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(picture)
    wb["数据"].add_image(Image(str(picture)), "H2")
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        "</worksheet>", UNKNOWN_EXT + "</worksheet>"
    ).encode()
    path = pack(tmp_path / "picture.xlsx", parts)
    copy = tmp_path / "copy.xlsx"
    run = cli("check", path, "--annotate", copy)
    assert run.exit_code == 0, run.output
    assert "扩展功能（extLst）" in run.stderr
    with zipfile.ZipFile(copy) as z:
        assert any(n.startswith("xl/media/") for n in z.namelist())
    assert "扩展功能（extLst）" in str(load_workbook(copy)["检查结果"]["A4"].value)
    opens_everywhere(copy, tmp_path)


# --- 3. content in the last row and column -------------------------------------------------------


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda ws: setattr(ws["XFD1048576"], "comment", Comment("末", "x")), id="note-at-XFD1048576"),
        pytest.param(lambda ws: setattr(ws["A1048576"], "fill", PatternFill("solid", fgColor="FFFF00")), id="formatted-A1048576"),
        pytest.param(lambda ws: ws.__setitem__("XFD200", "x"), id="x-at-XFD200"),
    ],
)  # fmt: skip
def test_the_copy_touches_only_the_cells_it_marks(
    spoil: Callable[[Any], None], tmp_path: Path
) -> None:
    values = {**all_met(), "PRD-01": 80}  # one unmet row, so that a row is marked
    wb = submission(values)
    spoil(wb["数据"])
    path = save(wb, tmp_path / "far.xlsx")
    copy = tmp_path / "copy.xlsx"
    result = measure.run(tmp_path / "m.json", "check", path, "--annotate", copy)
    assert result.code == 1, result.stderr
    assert not result.traceback
    assert result.rss_mb < MAX_RSS_MB
    assert result.seconds < 30  # seconds on an idle machine; generous for a shared one
    book = load_workbook(copy, read_only=True)
    header = [c.value for c in next(book["数据"].iter_rows(min_row=1, max_row=1))]
    book.close()
    assert header[:5] == ["指标代码", "实际值", "分子", "分母", "备注"]
    # The status columns come right after the data of the rows marked, whatever lies far away.
    assert header.index("检查结果") < 10
    with zipfile.ZipFile(copy) as z:
        dims = re.findall(
            rb'<dimension ref="([A-Z]+)?\d*:?([A-Z]+)?', z.read("xl/worksheets/sheet2.xml")
        )
    assert all(len(col) <= 3 and (len(col) < 3 or col <= b"XFD") for pair in dims for col in pair)


# --- 4. formulas keep their values -----------------------------------------------------------------


def formula_workbook(path: Path) -> Path:
    """A submission whose figures are formulas with the values Excel cached for them."""
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>指标代码</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>实际值</t></is></c></row>']  # fmt: skip
    for n, (code, value) in enumerate(all_met().items(), start=2):
        if isinstance(value, str):
            cell = f'<c r="B{n}" t="str"><f>IF(1,"{value}","")</f><v>{value}</v></c>'
        else:
            cell = f'<c r="B{n}"><f>{value}+0</f><v>{value}</v></c>'
        rows.append(
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{code}</t></is></c>{cell}</row>'
        )
    parts = workbook_parts()
    parts["xl/worksheets/sheet1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    ).encode()
    return pack(path, parts)


def test_formulas_keep_their_cached_values_in_the_copy(cli: Cli, tmp_path: Path) -> None:
    path = formula_workbook(tmp_path / "formulas.xlsx")
    plain, marked, copy = check_and_annotate(cli, path, tmp_path)
    assert plain.exit_code == marked.exit_code == 0, plain.output
    again = cli("check", copy, "--format", "json")
    assert again.exit_code == 0, again.output
    assert statuses(again) == statuses(plain)
    assert set(statuses(plain).values()) == {"met"}
    ws = load_workbook(copy)["数据"]
    assert ws["B2"].value == "=95+0"  # still a formula, not a value pasted over it
    assert load_workbook(copy, data_only=True)["数据"]["B15"].value == "是"


# --- 5. pivots: never a corrupt copy -------------------------------------------------------------

PIVOT_CACHE = (
    f'<pivotCacheDefinition xmlns="{MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships" r:id="rId1" refreshOnLoad="1" recordCount="2">'
    '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="源"/></cacheSource>'
    '<cacheFields count="2"><cacheField name="区" numFmtId="0"><sharedItems count="2">'
    '<s v="甲"/><s v="乙"/></sharedItems></cacheField><cacheField name="数" numFmtId="0">'
    '<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" '
    'containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields>'
    "</pivotCacheDefinition>"
)
PIVOT_RECORDS = (
    f'<pivotCacheRecords xmlns="{MAIN_NS}" count="2"><r><x v="0"/><n v="1"/></r>'
    '<r><x v="1"/><n v="2"/></r></pivotCacheRecords>'
)
PIVOT_TABLE = (
    f'<pivotTableDefinition xmlns="{MAIN_NS}" name="透视1" cacheId="1" dataCaption="值" '
    'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" '
    'applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" '
    'updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" '
    'outline="1" outlineData="1"><location ref="D1:E4" firstHeaderRow="1" firstDataRow="1" '
    'firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0">'
    '<items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField>'
    '<pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1">'
    '<field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i>'
    '<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields '
    'count="1"><dataField name="求和项:数" fld="1" baseField="0" baseItem="0"/></dataFields>'
    '<pivotTableStyleInfo showRowHeaders="1" showColHeaders="1" showRowStripes="0" '
    'showColStripes="0" showLastColumn="1"/></pivotTableDefinition>'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def pivot_workbook(path: Path) -> Path:
    """A submission plus a sheet 源 with a pivot table, its cache and records, as Excel lays them."""
    wb = submission()
    source = wb.create_sheet("源")
    for row in (["区", "数"], ["甲", 1], ["乙", 2]):
        source.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="{ct}.pivotCacheDefinition+xml"/>'
        f'<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="{ct}.pivotCacheRecords+xml"/>'
        f'<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="{ct}.pivotTable+xml"/></Types>'.encode(),
    )
    parts["xl/pivotCache/pivotCacheDefinition1.xml"] = PIVOT_CACHE.encode()
    parts["xl/pivotCache/pivotCacheRecords1.xml"] = PIVOT_RECORDS.encode()
    parts["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/>'
        "</Relationships>"
    ).encode()
    parts["xl/pivotTables/pivotTable1.xml"] = PIVOT_TABLE.encode()
    parts["xl/pivotTables/_rels/pivotTable1.xml.rels"] = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/pivotCacheDefinition" '
        'Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>'
    ).encode()
    parts["xl/worksheets/_rels/sheet2.xml.rels"] = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>'
        "</Relationships>"
    ).encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdPc" Type="{REL}/pivotCacheDefinition" '
        'Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>'.encode(),
    )
    workbook = parts["xl/workbook.xml"].decode()
    workbook = re.sub(
        r"(</sheets>)",
        r'\1<pivotCaches><pivotCache cacheId="1" r:id="rIdPc"/></pivotCaches>',
        workbook,
    )
    if 'xmlns:r="' not in workbook:
        workbook = workbook.replace("<workbook ", f'<workbook xmlns:r="{REL}" ', 1)
    parts["xl/workbook.xml"] = workbook.encode()
    return pack(path, parts)


def test_pivot_tables_are_left_out_and_said_so(cli: Cli, tmp_path: Path) -> None:
    path = pivot_workbook(tmp_path / "pivot.xlsx")
    assert load_workbook(path)["源"]._pivots, "the reproduction must hold a pivot openpyxl reads"  # type: ignore[attr-defined]
    plain, marked, copy = check_and_annotate(cli, path, tmp_path)
    assert plain.exit_code == marked.exit_code == 0, marked.output
    assert "数据透视表（1）" in marked.stderr
    assert "数据透视表（1）" in str(load_workbook(copy)["检查结果"]["A4"].value)
    with zipfile.ZipFile(copy) as z:
        assert not [n for n in z.namelist() if "pivot" in n.lower()]
    assert load_workbook(copy)["源"]["B3"].value == 2
    opens_everywhere(copy, tmp_path)


# --- 6. named-style bloat ------------------------------------------------------------------------


def test_named_styles_are_read_once_each_and_kept(cli: Cli, tmp_path: Path) -> None:
    wb = submission()
    for n in range(600):
        wb.add_named_style(NamedStyle(name=f"样式{n}", font=Font(size=8 + n % 5)))
    wb["数据"]["E2"].style = "样式7"
    path = save(wb, tmp_path / "styles.xlsx")
    plain, marked, copy = check_and_annotate(cli, path, tmp_path)
    assert plain.exit_code == marked.exit_code == 0, marked.output
    kept = load_workbook(copy)
    assert {f"样式{n}" for n in range(600)} <= set(kept.named_styles)
    assert kept["数据"]["E2"].style == "样式7"


def test_named_style_bloat_is_left_out_of_the_copy_and_said_so(cli: Cli, tmp_path: Path) -> None:
    parts = workbook_parts()
    count = 2_500  # more than the copy keeps (openpyxl spends about a millisecond on each)
    parts["xl/styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN_NS}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        f'<cellStyleXfs count="{count}">'
        + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        * count
        + '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" '
        f'xfId="{count - 1}" applyNumberFormat="1"/></cellXfs><cellStyles count="{count}">'
        + "".join(f'<cellStyle name="S{n}" xfId="{n}"/>' for n in range(count))
        + "</cellStyles></styleSheet>"
    ).encode()
    path = pack(tmp_path / "bloat.xlsx", parts)
    plain, marked, copy = check_and_annotate(cli, path, tmp_path)
    assert plain.exit_code == marked.exit_code == 0, marked.output
    assert "命名单元格样式 (2,500)" in marked.stderr
    kept = load_workbook(copy)
    assert "命名单元格样式 (2,500)" in str(kept["检查结果"]["A4"].value)
    assert kept.named_styles == ["Normal"]
    with zipfile.ZipFile(copy) as z:
        styles = z.read("xl/styles.xml").decode()
    xfs = styles[styles.index("<cellXfs") : styles.index("</cellXfs>")]
    assert set(re.findall(r'xfId="(\d+)"', xfs)) == {"0"}  # nothing points at a dropped style
    opens_everywhere(copy, tmp_path)


# --- 7. a district cell must be text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("junk", "shown", "kind"),
    [
        ("#N/A", "#N/A", "an error value"),
        (True, "TRUE", "a TRUE/FALSE value"),
        (0, "0", "a number"),
        (123.45, "123.45", "a number"),
        (dt.datetime(2015, 6, 30), "2015-06-30", "a date"),
    ],
)
def test_a_district_cell_that_is_not_text_is_an_error_at_that_cell(
    cli: Cli, tmp_path: Path, junk: object, shown: str, kind: str
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws.append(["指标代码", "实际值", "区县"])
    ws.append(["PRD-01", 95, "雁塔区"])
    ws.append(["PRD-01", 96, junk])
    if isinstance(junk, dt.datetime):
        ws["C3"].number_format = "yyyy-mm-dd"
    path = save(wb, tmp_path / "districts.xlsx")
    run = cli("check", path, "--format", "json", "--lang", "en")
    assert run.exit_code == 3, run.output
    report = json.loads(run.stdout)
    found = [i for i in report["issues"] if i["code"] == "district-not-text"]
    assert len(found) == 1
    assert found[0]["location"]["cell"] == "C3"
    assert found[0]["message"] == (
        f"the district in C3 is {shown} ({kind}), not a district name; the row is not judged"
    )
    # The row is judged nowhere: not as a district named after the junk, not as the city.
    assert [d["name"] for d in report.get("districts", [])] == ["雁塔区"]


# --- 8. right names for what the file is ---------------------------------------------------------


def strict(path: Path) -> Path:
    """An openpyxl workbook with its relationships in Strict Open XML's ISO names."""
    parts = workbook_parts()
    for name in ("_rels/.rels", "xl/_rels/workbook.xml.rels"):
        parts[name] = parts[name].replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )
    return pack(path, parts)


def numbers(path: Path) -> Path:
    """The layout of an Apple Numbers document: IWA archives, no xl/ parts."""
    return pack(
        path, {"Index/Document.iwa": b"\x00" * 64, "Metadata/Properties.plist": b"bplist00"}
    )


def fods(path: Path) -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office='
        '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"></office:document>',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (strict, "an Excel Strict Open XML spreadsheet"),
        (numbers, "an Apple Numbers spreadsheet (.numbers)"),
        (fods, "a flat OpenDocument spreadsheet (.fods)"),
    ],
)
def test_formats_are_named(
    cli: Cli, tmp_path: Path, make: Callable[[Path], Path], kind: str
) -> None:
    path = make(tmp_path / "file.xlsx")
    run = cli("check", path, "--lang", "en")
    assert run.exit_code == 3, run.output
    assert "[unsupported-format]" in run.stderr
    assert f"this is {kind}" in run.stderr.replace("\n", " ") or kind in run.stderr


def test_part_names_that_differ_in_case_are_accepted(cli: Cli, tmp_path: Path) -> None:
    parts = workbook_parts()
    strings = ["指标代码", "实际值", "PRD-01"]
    add_shared_strings(
        parts,
        (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="3" '
            f'uniqueCount="3">{"".join(f"<si><t>{t}</t></si>" for t in strings)}</sst>'
        ).encode(),
    )
    parts["xl/worksheets/sheet1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>95</v></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    # Excel opens a package whose part names differ in case from what its rels name.
    parts["xl/SharedStrings.xml"] = parts.pop("xl/sharedStrings.xml")
    parts["xl/worksheets/Sheet1.xml"] = parts.pop("xl/worksheets/sheet1.xml")
    path = pack(tmp_path / "case.xlsx", parts)
    plain, marked, copy = check_and_annotate(cli, path, tmp_path)
    assert plain.exit_code == marked.exit_code == 1, plain.output  # the other 22 are missing
    assert statuses(plain)["PRD-01"] == statuses(marked)["PRD-01"] == "met"
    again = cli("check", copy, "--format", "json")
    assert statuses(again) == statuses(plain)


def test_content_only_past_the_row_limit_means_no_header(cli: Cli, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws["A2500"] = "指标代码"
    path = save(wb, tmp_path / "far.xlsx")
    run = cli("check", path, "--lang", "en")
    assert run.exit_code == 3, run.output
    assert "[no-header]" in run.stderr
    assert "too-many-rows" not in run.stderr


# --- 9. a catalogue that is a FIFO ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_catalogue_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "catalogue.yaml"
    os.mkfifo(fifo)
    workbook = save(submission(), tmp_path / "s.xlsx")
    proc = subprocess.run(
        [sys.executable, "-m", "qcity", "check", str(workbook), "--catalogue", str(fifo), "--lang", "en"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "QCITY_NO_CACHE": "1"},
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "[not-a-file]" in proc.stderr


# --- 10. a report document even when the workbook cannot be read ---------------------------------


@pytest.mark.parametrize("fmt", ["json", "junit", "markdown", "github", "html"])
def test_an_unreadable_workbook_still_gets_a_report(cli: Cli, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook at all\n", encoding="utf-8")
    run = cli("check", path, "--format", fmt, "--lang", "en")
    assert run.exit_code == 3, run.output  # unsupported-format: exit 3, as documented
    assert "unsupported-format" in run.stdout
    assert "[unsupported-format]" in run.stderr  # and said to the person too
    if fmt == "json":
        assert_valid_json(run.stdout)
        report = json.loads(run.stdout)
        assert [i["code"] for i in report["issues"]] == ["unsupported-format"]
        assert report["indicators"] == []
    elif fmt == "junit":
        assert_valid_junit(run.stdout)
    elif fmt == "github":
        assert run.stdout.startswith("::error")
    elif fmt == "html":
        assert run.stdout.lstrip().lower().startswith("<!doctype html")


def test_a_missing_workbook_gets_a_report_with_exit_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("check", tmp_path / "absent.xlsx", "--format", "json")
    assert run.exit_code == 2, run.output
    assert_valid_json(run.stdout)
    assert [i["code"] for i in json.loads(run.stdout)["issues"]] == ["file-not-found"]


# --- the annotated copy under the check's guards --------------------------------------------------


def test_the_copy_obeys_the_inflated_limit(cli: Cli, tmp_path: Path) -> None:
    wb = submission()
    extra = wb.create_sheet("附表")
    for n in range(1, 3000):
        extra.cell(n, 1, f"行 {n} " + "备注" * 10)
    path = save(wb, tmp_path / "big.xlsx")
    copy = tmp_path / "copy.xlsx"
    # The check reads the data sheet only; the copy must read everything, within the same limit.
    run = cli("check", path, "--annotate", copy, "--max-inflated", "100KB")
    assert run.exit_code == 3, run.output
    assert "[file-too-large]" in run.stderr and "--max-inflated" in run.stderr
    assert not copy.exists()
