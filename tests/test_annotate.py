"""`qcity check --annotate`: the marked copy, what it keeps of the original, and its guards."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.styles import Font
from PIL import Image as PILImage

from qcity.render.display import STATUS_LABEL
from qcity.results import Status

from .conftest import EXAMPLE, N, Run, Sheet, all_met, data_rows, digest, write_workbook
from .filling import fill
from .test_template import MIXED, MIXED_STATUS

Cli = Callable[..., Run]
LABEL_STATUS = {f"{mark} {STATUS_LABEL[s]['zh']}": s.value for s, mark in
                zip(Status, ("✔", "✘", "○", "!"), strict=True)}  # fmt: skip
FILLS = {"met": "00C6EFCE", "unmet": "00FFC7CE", "missing": "00D9D9D9", "invalid": "00F8CBAD"}


@pytest.fixture
def submission(cli: Cli, tmp_path: Path) -> Path:
    """A filled-in template plus what submitters add: notes, another sheet, formats, merges."""
    template = tmp_path / "template.xlsx"
    assert (run := cli("template", template)).exit_code == 0, run.output
    path = fill(template, MIXED, tmp_path / "质监局.xlsx")
    wb = load_workbook(path)
    ws = wb["数据"]
    ws["I5"] = "抽查 1200 批"
    ws["F8"].comment = Comment("数据来自年报", "张三")  # CON-01, a problem cell (an error)
    ws["A4"].comment = Comment("已核对", "李四")  # a clean cell
    extra = wb.create_sheet("附表")
    extra["A1"] = "合格批次"
    extra["B1"] = 0.9342
    extra["B1"].number_format = "0.00%"
    extra["A2"] = "合并单元格"
    extra.merge_cells("A2:C2")
    extra.column_dimensions["A"].width = 31.5
    extra["C5"] = "=B1*100"
    extra["A1"].font = Font(bold=True, color="FF0000")
    extra.row_dimensions[7].height = 40
    chart = BarChart()  # a submitter's own chart
    chart.add_data(Reference(extra, min_col=2, min_row=1, max_row=1))
    extra.add_chart(chart, "E2")
    wb.save(path)
    return path


def annotate(cli: Cli, path: Path, out: Path, *args: str) -> dict[str, Any]:
    run = cli("check", path, "--annotate", out, "--format", "json", *args)
    assert run.exit_code in (0, 1, 3), run.output
    assert out.exists()
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def status_cells(path: Path) -> dict[str, str]:
    ws = load_workbook(path)["数据"]
    header = [c.value for c in ws[3]]
    col = header.index("检查结果") + 1
    return {
        str(ws.cell(r, 1).value): LABEL_STATUS[str(ws.cell(r, col).value)]
        for r in range(4, ws.max_row + 1)
        if ws.cell(r, col).value in LABEL_STATUS
    }


def test_status_cells_match_the_report(cli: Cli, submission: Path, tmp_path: Path) -> None:
    out = tmp_path / "标注.xlsx"
    before = digest(submission)
    report = annotate(cli, submission, out)
    assert digest(submission) == before  # the input is never touched
    expected = {i["code"]: i["status"] for i in report["indicators"]}
    assert expected == MIXED_STATUS
    assert status_cells(out) == expected
    ws = load_workbook(out)["数据"]
    assert [c.value for c in ws[3]][-2:] == ["检查结果", "差距或问题"]
    for r in range(4, ws.max_row + 1):
        status = expected[str(ws.cell(r, 1).value)]
        assert ws.cell(r, 10).fill.fgColor.rgb == FILLS[status]
    rows = {
        str(ws.cell(r, 1).value): [ws.cell(r, 10).value, ws.cell(r, 11).value] for r in range(4, 27)
    }
    assert rows["PRD-02"] == ["✘ 未达标", "−0.01 个百分点"]
    assert rows["ECO-04"] == ["✘ 未达标", "+0.01（相对上限 2.6∶1）"]
    assert rows["CON-02"] == ["○ 未填报", None]
    assert rows["ENV-01"] == ["! 数据有误", "✖ 数值是约数"]
    assert rows["CON-01"] == ["! 数据有误", "✖ 疑似小数形式的百分数"]


def test_problem_cells_carry_a_note_with_the_fix(
    cli: Cli, submission: Path, tmp_path: Path
) -> None:
    out = tmp_path / "标注.xlsx"
    annotate(cli, submission, out)
    ws = load_workbook(out)["数据"]
    env01 = ws["F15"]
    assert ws["A15"].value == "ENV-01"
    assert env01.comment.author == "qcity"
    assert env01.comment.text == (
        "✖ 错误 [approximate-value]\n“约13%”是约数，无法判定是否达标\n"
        "→ 填写统计的确切数值，例如 13%；说明写在“备注”列"
    )
    assert env01.fill.fgColor.rgb == "00F8CBAD"  # orange: an error
    # the submitter's own note stays, ours below it
    assert ws["F8"].comment.author == "张三"
    assert ws["F8"].comment.text == (
        "数据来自年报\n\n— qcity —\n✖ 错误 [suspicious-fraction]\n"
        "填报值 1 不大于 1，而目标是 100%，无法判定：是否应为 100%？\n"
        "→ 填写 100%，或把单元格设为百分比格式；如确为 1%，请写作 1%"
    )
    assert ws["F8"].fill.fgColor.rgb == "00F8CBAD"  # orange: an error
    assert (ws["A4"].comment.text, ws["A4"].comment.author) == ("已核对", "李四")
    assert ws["F5"].comment is None  # a clean cell gets no note


def test_notes_in_english(cli: Cli, submission: Path, tmp_path: Path) -> None:
    out = tmp_path / "checked.xlsx"
    annotate(cli, submission, out, "--lang", "en")
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Check results"
    ws = wb["数据"]
    assert ws["J3"].value == "Check result"
    assert ws["J15"].value == "! invalid"
    assert ws["F15"].comment.text == (
        "✖ error [approximate-value]\n'约13%' is approximate; an approximate figure cannot be judged\n"
        "→ write the exact figure, e.g. 13%; explain in 备注"
    )


def test_everything_else_is_kept(cli: Cli, submission: Path, tmp_path: Path) -> None:
    out = tmp_path / "标注.xlsx"
    run = cli("check", submission, "--annotate", out)
    assert run.stderr == f"✔ 标注副本已写入 {out}\n"  # nothing was lost
    wb = load_workbook(out)
    assert wb.sheetnames == ["检查结果", "数据", "任务", "序列", "说明", "附表"]
    assert wb.active is not None and wb.active.title == "检查结果"
    assert [ws.sheet_view.tabSelected for ws in wb.worksheets] == [True] + [False] * 5
    extra = wb["附表"]
    assert (extra["B1"].value, extra["B1"].number_format) == (0.9342, "0.00%")
    assert [str(r) for r in extra.merged_cells.ranges] == ["A2:C2"]
    assert extra.column_dimensions["A"].width == 31.5
    assert extra["C5"].value == "=B1*100"  # formulas stay formulas
    assert (extra["A1"].font.b, extra["A1"].font.color.rgb) == (True, "00FF0000")
    assert extra.row_dimensions[7].height == 40
    assert len(getattr(extra, "_charts")) == 1  # noqa: B009
    data = wb["数据"]
    assert data["I5"].value == "抽查 1200 批"
    assert data.protection.sheet is True  # the template's protection stays
    assert "A1:I1" in [str(r) for r in data.merged_cells.ranges]
    assert (
        data.column_dimensions["B"].width
        == load_workbook(submission)["数据"].column_dimensions["B"].width
    )
    assert (
        len(data.data_validations.dataValidation) == N + 1
    )  # one per value cell, one for fractions
    # the template's stamp stays, so the copy itself checks without drift
    run = cli("check", out, "--format", "json")
    assert not [i for i in json.loads(run.stdout)["issues"] if i["code"] == "template-drift"]


def test_summary_sheet_counts_and_chart(cli: Cli, submission: Path, tmp_path: Path) -> None:
    out = tmp_path / "标注.xlsx"
    annotate(cli, submission, out)
    ws = load_workbook(out)["检查结果"]
    cells = [[c.value for c in row] for row in ws.iter_rows(max_col=8)]
    assert (
        cells[2][0]
        == f"结论：{N - 8}/{N} 项达标；未达标 5，未填报 1，数据有误 2；数据问题：错误 2，警告 0。"
    )
    start = next(n for n, row in enumerate(cells) if row[0] == "领域")
    assert cells[start][:7] == ["领域", "牵头部门", "达标", "未达标", "未填报", "数据有误", "合计"]
    assert [row[:7] for row in cells[start + 1 : start + 8]] == [
        ["产品质量", "市质监局", 3, 1, 0, 0, 4],
        ["工程质量", "市建委", 2, 0, 1, 1, 4],
        ["服务质量", "市商务局", 2, 1, 0, 0, 3],
        ["环境质量", "市环保局", 5, 1, 0, 1, 7],
        ["经济运行质量", "市发改委", 3, 2, 0, 0, 5],
        ["质量安全", "市质监局", 1, 0, 0, 0, 1],
        ["合计", None, N - 8, 5, 1, 2, N],
    ]
    issues = next(n for n, row in enumerate(cells) if row[0] == "数据问题")
    assert cells[issues + 1][:5] == ["级别", "问题", "位置", "改正方法", "问题代码"]
    assert cells[issues + 2][:3] == [
        "错误",
        "填报值 1 不大于 1，而目标是 100%，无法判定：是否应为 100%？",
        "数据!F8",
    ]
    link = ws.cell(issues + 4, 3).hyperlink
    assert link is not None and link.location == "'数据'!F15"  # (rows count from 1)
    with zipfile.ZipFile(out) as archive:
        charts = [archive.read(n) for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2  # the submitter's, and ours
        [chart] = [ElementTree.fromstring(c) for c in charts if "检查结果".encode() in c]
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    bar = chart.find(".//c:barChart", ns)
    assert bar is not None  # a native chart, not a picture
    assert bar.find("c:barDir", ns).get("val") == "bar"  # type: ignore[union-attr]
    series = bar.findall("c:ser", ns)
    assert len(series) == 2  # threshold and reported value
    refs = [s.find("c:cat/c:strRef/c:f", ns).text for s in series]  # type: ignore[union-attr]
    values = [s.find("c:val/c:numRef/c:f", ns).text for s in series]  # type: ignore[union-attr]
    data_row = next(n for n, row in enumerate(cells) if row[0] == "百分数指标：填报值与达标线")
    rates = [row[:4] for row in cells[data_row + 2 : data_row + 22]]
    assert len(rates) == 20 and all(r[0] for r in rates)
    first = data_row + 3  # the first code's row (rows count from 1)
    assert refs == [f"'检查结果'!$A${first}:$A${first + 19}"] * 2
    assert values == [
        f"'检查结果'!$C${first}:$C${first + 19}",
        f"'检查结果'!$D${first}:$D${first + 19}",
    ]
    by_code = {r[0]: (r[2], r[3]) for r in rates}
    assert by_code["PRD-02"] == (94, 93.99)
    assert by_code["ECO-03"] == (52, 52)  # the threshold of "about 53%"
    assert by_code["ENV-01"] == (13, None)  # invalid: no bar
    assert by_code["CON-02"] == (98, None)  # missing: no bar


def test_images_are_kept(cli: Cli, make_submission: Callable[..., Path], tmp_path: Path) -> None:
    path = make_submission(all_met())
    wb = load_workbook(path)
    png = io.BytesIO()
    PILImage.new("RGB", (40, 40), "red").save(png, format="PNG")
    wb["数据"].add_image(Image(png), "H2")  # a department's seal
    wb.save(path)
    out = tmp_path / "out.xlsx"
    run = cli("check", path, "--annotate", out)
    assert run.exit_code == 0, run.output
    assert run.stderr == f"✔ 标注副本已写入 {out}\n"
    with zipfile.ZipFile(out) as archive:
        assert [n for n in archive.namelist() if n.startswith("xl/media/")] == [
            "xl/media/image1.png"
        ]
    assert len(getattr(load_workbook(out)["数据"], "_images")) == 1  # noqa: B009


def test_what_cannot_be_kept_is_said(
    cli: Cli, make_submission: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_submission(all_met())
    # A part openpyxl does not carry over (as Excel's custom XML parts are).
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("customXml/item1.xml", "<root/>")
    out = tmp_path / "out.xlsx"
    run = cli("check", path, "--annotate", out)
    assert run.exit_code == 0, run.output
    assert run.stderr == (
        f"✔ 标注副本已写入 {out}\n⚠ 标注副本未能保留原工作簿中的：自定义 XML（1）\n"
    )
    ws = load_workbook(out)["检查结果"]
    assert ws["A4"].value == "注意：本副本未能保留原工作簿中的：自定义 XML（1）"
    en = cli("check", path, "--annotate", out, "--lang", "en")
    assert "⚠ the annotated copy could not keep: custom XML (1)" in en.stderr


def test_macros_are_kept_only_in_a_macro_enabled_copy(
    cli: Cli, make_submission: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_submission(all_met(), name="book.xlsm")
    with zipfile.ZipFile(path, "a") as archive:  # a stand-in for a VBA project (never run)
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 stand-in")
    as_xlsx = cli("check", path, "--annotate", tmp_path / "out.xlsx")
    assert as_xlsx.exit_code == 0, as_xlsx.output
    assert "⚠ 标注副本未能保留原工作簿中的：宏（VBA）（1）" in as_xlsx.stderr
    as_xlsm = cli("check", path, "--annotate", tmp_path / "out.xlsm")
    assert as_xlsm.stderr == f"✔ 标注副本已写入 {tmp_path / 'out.xlsm'}\n"
    with zipfile.ZipFile(tmp_path / "out.xlsm") as archive:
        assert archive.read("xl/vbaProject.bin") == b"\xd0\xcf\x11\xe0 stand-in"
        assert b"macroEnabled.main+xml" in archive.read("[Content_Types].xml")


def test_the_example_is_annotated(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "example-annotated.xlsx"
    report = annotate(cli, EXAMPLE, out)
    ws = load_workbook(out)["数据"]
    # the example's header is on row 3 under a merged title; the status goes after its last column
    assert ws["I3"].value == "检查结果"
    statuses = {
        str(ws.cell(r, 1).value): LABEL_STATUS[str(ws.cell(r, 9).value)] for r in range(4, 4 + N)
    }
    assert statuses == {i["code"]: i["status"] for i in report["indicators"]}
    assert ws["J5"].value == "−0.58 个百分点"  # PRD-02 from its fraction


def test_rows_that_match_no_indicator_are_marked(cli: Cli, tmp_path: Path) -> None:
    rows = [*data_rows(all_met()), ["PRD-07", 95], ["PRD-01", 90]]
    path = write_workbook(tmp_path / "rows.xlsx", {"数据": rows})
    out = tmp_path / "out.xlsx"
    annotate(cli, path, out)
    ws = load_workbook(out)["数据"]
    marks = {
        r: (ws.cell(r, 1).value, ws.cell(r, 6).value, ws.cell(r, 7).value)
        for r in (2, N + 2, N + 3)
    }
    assert marks == {
        2: ("PRD-01", "! 数据有误", f"✖ 指标重复填报（数据!A{N + 3}）"),
        N + 2: ("PRD-07", "! 数据有误", "✖ 未知指标代码"),
        N + 3: ("PRD-01", "! 数据有误", "✖ 指标重复填报"),
    }
    assert ws[f"A{N + 2}"].comment.text == (
        "✖ 错误 [unknown-indicator]\n指标代码“PRD-07”不在目录中，是否为 PRD-04？\n"
        "→ 改为目录中的代码（qcity catalogue 可列出全部）"
    )


def test_annotating_an_annotated_copy_replaces_the_marks(
    cli: Cli, submission: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.xlsx"
    annotate(cli, submission, first)
    # the department fixes the flagged figure in the copy and sends that back
    wb = load_workbook(first)
    wb["数据"]["F15"] = 14
    wb.save(first)
    second = tmp_path / "second.xlsx"
    report = annotate(cli, first, second)
    assert {i["code"]: i["status"] for i in report["indicators"]}["ENV-01"] == "met"
    wb = load_workbook(second)
    assert wb.sheetnames == ["检查结果", "数据", "任务", "序列", "说明", "附表"]
    ws = wb["数据"]
    assert [c.value for c in ws[3]][9:] == ["检查结果", "差距或问题"]  # reused, not added again
    assert ws["J15"].value == "✔ 达标"
    assert ws["F15"].comment is None  # the stale note is gone
    assert ws["F15"].fill.fgColor.rgb != "00F8CBAD"
    assert ws["F8"].comment.text.count("— qcity —") == 1
    assert ws["F8"].comment.text.startswith("数据来自年报\n\n— qcity —\n✖ 错误")
    assert status_cells(second) == {i["code"]: i["status"] for i in report["indicators"]}


# --- guards ----------------------------------------------------------------------------------------


def test_refuses_to_write_over_the_input(cli: Cli, submission: Path) -> None:
    before = digest(submission)
    for spelled in (submission, submission.parent / "." / submission.name):
        run = cli("check", submission, "--annotate", spelled)
        assert run.exit_code == 2, run.output
        assert run.stderr == (
            f"✖ 错误 {spelled}  输出文件就是被检查的文件  [output-is-input]\n"
            "    → 为输出选一个不同的文件名\n"
        )
        assert run.stdout == ""  # refused before anything was checked
    assert digest(submission) == before


def test_usage_errors(cli: Cli, submission: Path, tmp_path: Path) -> None:
    run = cli("check", submission, "--annotate", tmp_path / "out.csv", "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "must end in .xlsx (an Excel workbook)" in " ".join(run.output.replace("│", " ").split())
    run = cli("check", submission, "--annotate", tmp_path / "out.csv")
    assert f"--annotate 的文件“{tmp_path / 'out.csv'}”须以 .xlsx 结尾（Excel 工作簿）" in run.stderr
    run = cli("check", submission, "--annotate", tmp_path / "out.xlsm")  # no macros to keep
    assert run.exit_code == 2, run.output
    same = tmp_path / "same.xlsx"
    run = cli("check", submission, "--annotate", same, "-o", same, "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "the annotated copy (--annotate) and the report (-o) need different files" in run.output
    missing = tmp_path / "nowhere" / "out.xlsx"
    run = cli("check", submission, "--annotate", missing)
    assert run.exit_code == 2, run.output
    assert "无法写入输出文件：文件夹不存在（ENOENT）  [output-not-writable]" in run.stderr
    assert run.stdout == ""  # refused before the report was printed
    assert not list(tmp_path.glob("**/.out.xlsx.*"))


def test_no_copy_of_an_unreadable_workbook(cli: Cli, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "no-header.xlsx", {"数据": Sheet(rows=[["x", 1]])})
    out = tmp_path / "out.xlsx"
    run = cli("check", path, "--annotate", out)
    assert run.exit_code == 3, run.output
    assert "[no-header]" in run.stderr
    assert not out.exists()


def test_the_copy_of_a_workbook_without_a_data_sheet_name(cli: Cli, tmp_path: Path) -> None:
    # the only visible sheet is the data sheet, whatever its name
    path = write_workbook(tmp_path / "one.xlsx", {"Sheet1": data_rows(all_met())})
    out = tmp_path / "out.xlsx"
    report = annotate(cli, path, out)
    assert report["summary"]["met"] == N
    wb = load_workbook(out)
    assert wb.sheetnames == ["检查结果", "Sheet1"]
    assert wb["Sheet1"]["F1"].value == "检查结果"


def test_library_use(submission: Path, catalogue: Any) -> None:
    from qcity.check import check_workbook
    from qcity.render.xlsx.annotate import annotate_workbook

    evaluation = check_workbook(submission, catalogue)
    copy = annotate_workbook(submission.read_bytes(), evaluation, lang="en")
    assert copy.lost == []
    wb = load_workbook(io.BytesIO(copy.data))
    assert wb.sheetnames[0] == "Check results"
    assert isinstance(wb, Workbook)
