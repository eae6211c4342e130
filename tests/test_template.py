"""`qcity template`: layout, protection, validation, instructions, options, and the round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from qcity.model import Catalogue
from qcity.workbook import read_submission

from .conftest import N, Run, all_met, digest
from .filling import fill

Cli = Callable[..., Run]

# A filled-in template whose statuses are known without asking qcity.
MIXED: dict[str, Any] = {
    **all_met(),
    "PRD-02": 93.99,  # unmet: just below 94
    "CON-01": 1,  # 100% written as a bare fraction: 1% or 100%? invalid, never guessed
    "CON-02": None,  # missing
    "SRV-01": 0,  # unmet: no pilot
    "ENV-01": "约13%",  # invalid: approximate (Excel's validation refuses it; a script does not)
    "ENV-03": "否",  # unmet
    "ECO-03": 52,  # met: "about 53%" with a tolerance of 1
    "ECO-04": 2.61,  # unmet: above the 2.6 ceiling
    "ECO-01": -2.5,  # unmet: growth may be negative
}
MIXED_STATUS: dict[str, str] = {
    **dict.fromkeys(all_met(), "met"),
    "PRD-02": "unmet",
    "CON-01": "invalid",
    "CON-02": "missing",
    "SRV-01": "unmet",
    "ENV-01": "invalid",
    "ENV-03": "unmet",
    "ECO-04": "unmet",
    "ECO-01": "unmet",
}


def make_template(cli: Cli, path: Path, *args: str | Path) -> Path:
    run = cli("template", path, *args)
    assert run.exit_code == 0, run.output
    return path


def statuses(cli: Cli, path: Path, *args: str) -> dict[str, str]:
    run = cli("check", path, "--format", "json", *args)
    assert run.exit_code in (0, 1, 3), run.output
    return {i["code"]: i["status"] for i in json.loads(run.stdout)["indicators"]}


def validation_of(ws: Worksheet, coordinate: str) -> DataValidation:
    found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) == 1, coordinate
    dv: DataValidation = found[0]
    return dv


def row_of(ws: Worksheet, code: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == code)


@pytest.fixture
def template_zh(cli: Cli, tmp_path: Path) -> Path:
    return make_template(cli, tmp_path / "模板.xlsx")


def test_the_data_sheet_follows_the_contract(template_zh: Path, catalogue: Catalogue) -> None:
    wb = load_workbook(template_zh)
    assert wb.sheetnames == ["数据", "任务", "序列", "说明"]
    ws = wb["数据"]
    assert [c.value for c in ws[3]] == [
        "指标代码", "指标名称", "单位", "目标", "牵头部门", "实际值", "分子", "分母", "备注",
    ]  # fmt: skip
    assert [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)] == [
        i.code for i in catalogue.indicators
    ]
    rows = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(4, ws.max_row + 1)}
    assert rows["PRD-02"][:5] == [
        "PRD-02",
        "城市生产企业产品质量监督抽查合格率",
        "%",
        "≥ 94%",
        "市质监局",
    ]
    assert rows["ECO-04"][2:4] == ["比值（X∶1）", "≤ 2.6∶1"]
    assert rows["ECO-03"][3] == "≥ 52%（约 53% ±1）"  # what is judged, and why
    assert rows["ENV-03"][2:4] == ["是/否", "是"]
    # "= 100%" starts with "=": it must be stored as text, not turned into a formula.
    cell = ws.cell(row_of(ws, "CON-01"), 4)
    assert (cell.value, cell.data_type) == ("= 100%", "s")
    assert all(v is None for row in rows.values() for v in row[5:])  # nothing pre-filled
    assert ws.freeze_panes == "B4"


def test_inputs_are_unlocked_and_shaded_the_rest_protected(template_zh: Path) -> None:
    ws = load_workbook(template_zh)["数据"]
    assert ws.protection.sheet is True
    assert not ws.protection.password  # nobody can be locked out
    prd = row_of(ws, "PRD-02")
    for col in "FGHI":
        cell = ws[f"{col}{prd}"]
        assert cell.protection.locked is False, cell.coordinate
        assert cell.fill.fgColor.rgb == "00FFF2CC", cell.coordinate
    for col in "ABCDE":
        assert ws[f"{col}{prd}"].protection.locked is True
    # A yes/no or a count takes no numerator and denominator: those cells stay locked and grey.
    for code in ("ENV-03", "SRV-01"):
        for col in "GH":
            cell = ws[f"{col}{row_of(ws, code)}"]
            assert cell.protection.locked is True
            assert cell.fill.fgColor.rgb == "00F2F2F2"
    assert ws["B2"].protection.locked is False  # who reports, above the header


def test_fraction_cells_open_only_for_rates_of_counts(template_zh: Path) -> None:
    # Issue 12 rule 1: an intensity reduction (ENV-01) or an average growth (ECO-02) is a
    # percentage but not numerator / denominator; only rows whose catalogue entry is a rate of
    # counts (derive: rate, or a fraction block) take them.
    with resources.files("qcity").joinpath("indicators.yaml").open(encoding="utf-8") as f:
        entries = yaml.safe_load(f)["indicators"]
    rates = {
        e["code"]
        for e in entries
        if e.get("fraction") or (e.get("derive") or {}).get("kind") == "rate"
    }
    assert {"PRD-02", "ENV-04"} <= rates and not {"ENV-01", "ECO-02", "ECO-04"} & rates
    ws = load_workbook(template_zh)["数据"]
    for entry in entries:
        for col in "GH":
            cell = ws[f"{col}{row_of(ws, entry['code'])}"]
            open_ = entry["code"] in rates
            assert cell.protection.locked is not open_, cell.coordinate
            assert (cell.fill.fgColor.rgb == "00FFF2CC") is open_, cell.coordinate


def test_column_widths_fit_chinese_text(template_zh: Path) -> None:
    ws = load_workbook(template_zh)["数据"]
    longest_name = max(len(str(ws.cell(r, 2).value)) for r in range(4, ws.max_row + 1))
    assert longest_name == 22
    # a CJK character is two units wide; the longest name may wrap once, no more
    assert ws.column_dimensions["B"].width >= longest_name
    assert 8 <= ws.column_dimensions["A"].width <= 12  # codes are short
    assert ws.column_dimensions["E"].width >= 2 * len("市发改委")


def test_value_cells_carry_data_validation(template_zh: Path) -> None:
    ws = load_workbook(template_zh)["数据"]
    prd02 = validation_of(ws, f"F{row_of(ws, 'PRD-02')}")
    assert (prd02.type, prd02.operator, prd02.formula1, prd02.formula2) == (
        "decimal", "between", "0", "100",
    )  # fmt: skip
    assert prd02.errorStyle == "stop" and prd02.showErrorMessage and prd02.showInputMessage
    assert prd02.promptTitle == "PRD-02 ≥ 94%"
    assert prd02.prompt == (
        "目标 ≥ 94%\n填百分数：95.3 或 95.3%\n依据 二(二)1：城市生产企业产品质量监督抽查合格率达到94%以上"
    )
    env03 = validation_of(ws, f"F{row_of(ws, 'ENV-03')}")
    assert (env03.type, env03.formula1) == ("list", '"是,否"')
    srv01 = validation_of(ws, f"F{row_of(ws, 'SRV-01')}")
    assert (srv01.type, srv01.operator, srv01.formula1) == ("whole", "greaterThanOrEqual", "0")
    eco01 = validation_of(ws, f"F{row_of(ws, 'ECO-01')}")  # growth may be negative
    assert (eco01.type, eco01.operator, eco01.formula1) == ("decimal", "greaterThanOrEqual", "-100")
    env01 = validation_of(ws, f"F{row_of(ws, 'ENV-01')}")  # a fall: at most 100
    assert (env01.operator, env01.formula1) == ("lessThanOrEqual", "100")
    eco04 = row_of(ws, "ECO-04")
    assert ws[f"F{eco04}"].number_format == 'General"∶1"'  # typed 2.47, shown 2.47∶1
    fraction = validation_of(ws, f"G{row_of(ws, 'PRD-02')}")
    assert (fraction.type, fraction.operator, fraction.formula1) == (
        "decimal", "greaterThanOrEqual", "0",
    )  # fmt: skip
    for dv in ws.data_validations.dataValidation:  # Excel's limits
        assert len(dv.prompt or "") <= 255 and len(dv.promptTitle or "") <= 32
        assert len(dv.error or "") <= 255 and len(dv.errorTitle or "") <= 32


def test_instructions_sheet(template_zh: Path) -> None:
    ws = load_workbook(template_zh)["说明"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "指标目录 xian-quality-city-2014 v1.0.0 · 模板版本 1" in text
    for expected in (
        "一、怎样填写",
        "百分数，带不带 % 都可",  # each kind of figure
        "约95%、95%以上、95,3",  # what is refused
        "2014年2月 — 2014年5月",  # the plan's phases with their months
        "全力迎检,全面完成创建任务(2015年8月—10月,共3个月)",
        "2015年7月",
        "qcity check 文件名.xlsx",  # how to check it
        "方案为“建成一批”,未给数量",  # an indicator's note
    ):
        assert expected in text, expected


def test_the_filled_template_gives_the_expected_status_for_every_indicator(
    cli: Cli, template_zh: Path, tmp_path: Path
) -> None:
    filled = fill(template_zh, MIXED, tmp_path / "填好.xlsx")
    assert statuses(cli, filled) == MIXED_STATUS
    run = cli("check", filled)
    assert run.exit_code == 3, run.output  # ENV-01 is invalid
    assert "template-drift" not in run.stdout  # made from the current catalogue


def test_an_empty_template_is_all_missing(cli: Cli, template_zh: Path) -> None:
    run = cli("check", template_zh, "--format", "json")
    assert run.exit_code == 1, run.output
    assert json.loads(run.stdout)["summary"]["missing"] == N
    assert json.loads(run.stdout)["issues"] == []


def test_english_template(cli: Cli, tmp_path: Path) -> None:
    path = make_template(cli, tmp_path / "template.xlsx", "--lang", "en")
    wb = load_workbook(path)
    assert wb.sheetnames == ["data", "tasks", "series", "instructions"]
    ws = wb["data"]
    assert [c.value for c in ws[3]] == [
        "Code", "Indicator", "Unit", "Target", "Lead department", "Value", "Numerator",
        "Denominator", "Note",
    ]  # fmt: skip
    row = row_of(ws, "ECO-05")
    assert [c.value for c in ws[row]][1:5] == [
        "R&D spending as a share of GDP", "%", "≥ 5.5%", "Xi'an Development and Reform Commission",
    ]  # fmt: skip
    assert validation_of(ws, f"F{row_of(ws, 'ENV-03')}").formula1 == '"yes,no"'
    assert str(validation_of(ws, f"F{row}").prompt).startswith("Target ≥ 5.5%\nWrite a percentage")
    # the check reads English headers back
    values = {**MIXED, "ENV-03": "no"}
    assert statuses(cli, fill(path, values, tmp_path / "filled.xlsx")) == MIXED_STATUS


def test_lead_limits_the_rows(cli: Cli, tmp_path: Path) -> None:
    path = make_template(
        cli, tmp_path / "t.xlsx", "--lead", "市质监局", "--lead", "Xi'an Bureau of Commerce"
    )
    ws = load_workbook(path)["数据"]
    codes = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    assert codes == ["PRD-01", "PRD-02", "PRD-03", "PRD-04", "SRV-01", "SRV-02", "SRV-03", "SAF-01"]
    assert read_submission(path).properties["qcity.leads"] == "市商务局;市质监局"
    help_text = " ".join(
        str(c.value) for row in load_workbook(path)["说明"].iter_rows() for c in row if c.value
    )
    assert "本模板只含 市质监局、市商务局 牵头的 8 项指标" in help_text
    run = cli("template", tmp_path / "one.xlsx", "--lead", "市环保局")
    assert run.stdout == (
        "✔ 已写入模板 "
        + str(tmp_path / "one.xlsx")
        + "（7 项指标，指标目录 xian-quality-city-2014 v1.0.0）\n"
    )


def test_unknown_lead_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    run = cli("template", tmp_path / "t.xlsx", "--lead", "市质检局")
    assert run.exit_code == 2, run.output
    assert run.stderr == (
        "✖ 错误 “市质检局”不是指标目录中任何指标的牵头部门，是否为 市质监局？  [unknown-department]\n"
        "    → 可选的牵头部门：市质监局、市建委、市商务局、市环保局、市发改委\n"
    )
    assert not (tmp_path / "t.xlsx").exists()
    en = cli("template", tmp_path / "t.xlsx", "--lead", "police", "--lang", "en")
    assert "'police' leads no indicator of the catalogue  [unknown-department]" in en.stderr


def test_an_existing_file_is_not_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "已填写.xlsx"
    path.write_bytes(b"precious")
    run = cli("template", path)
    assert run.exit_code == 2, run.output
    assert run.stderr == (
        f"✖ 错误 {path}  {path} 已存在，不会覆盖  [output-exists]\n"
        "    → 另选文件名，或加 --force 覆盖（注意不要覆盖已填写的工作簿）\n"
    )
    assert path.read_bytes() == b"precious"
    assert (result := cli("template", path, "--force")).exit_code == 0, result.output
    assert load_workbook(path).sheetnames == ["数据", "任务", "序列", "说明"]


def test_output_must_be_an_xlsx_in_a_real_folder(cli: Cli, tmp_path: Path) -> None:
    run = cli("template", tmp_path / "t.xls")
    assert run.exit_code == 2, run.output
    assert "须以 .xlsx 结尾（Excel 工作簿）" in run.output
    missing = tmp_path / "no-such-folder" / "t.xlsx"
    run = cli("template", missing)
    assert run.exit_code == 2, run.output
    assert run.stderr == (
        f"✖ 错误 {missing}  无法写入输出文件：文件夹不存在（ENOENT）  [output-not-writable]\n"
        "    → 检查输出文件夹是否存在、可写且有剩余空间，文件是否正被其他程序打开；已有的同名文件保持不变\n"
    )
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_the_catalogue_option_is_honoured(cli: Cli, tmp_path: Path) -> None:
    from .test_catalogue import variant

    other = variant(
        tmp_path, "target: {op: at_least, value: 94}", "target: {op: at_least, value: 97}"
    )
    path = make_template(cli, tmp_path / "t.xlsx", "--catalogue", other)
    ws = load_workbook(path)["数据"]
    assert ws.cell(row_of(ws, "PRD-02"), 4).value == "≥ 97%"
    assert "目标 ≥ 97%" in str(validation_of(ws, f"F{row_of(ws, 'PRD-02')}").prompt)
    assert read_submission(path).properties["qcity.target.PRD-02"] == "percent at_least 97"


def test_the_stamp_is_stored_in_the_workbook(template_zh: Path) -> None:
    props = read_submission(template_zh).properties
    assert {k: v for k, v in props.items() if not k.startswith("qcity.target.")} == {
        "qcity.template": "1",
        "qcity.generator": "qcity 0.1.0",
        "qcity.catalogue.id": "xian-quality-city-2014",
        "qcity.catalogue.version": "1.0.0",
    }
    assert props["qcity.target.ECO-03"] == "percent about 53 ±1"
    assert props["qcity.target.ENV-03"] == "boolean is true"
    assert props["qcity.target.ECO-04"] == "ratio at_most 2.6"
    assert sum(k.startswith("qcity.target.") for k in props) == N


def test_checking_never_touches_the_template(cli: Cli, template_zh: Path) -> None:
    before = digest(template_zh)
    cli("check", template_zh)
    assert digest(template_zh) == before


# --- the tasks sheet ---------------------------------------------------------------------------


def fill_tasks(template: Path, progress: dict[str, tuple[Any, ...]], out: Path) -> Path:
    """Write (status, evidence, completed, note) per task code into the tasks sheet, by header."""
    wb = load_workbook(template)
    ws = wb["任务"] if "任务" in wb.sheetnames else wb["tasks"]
    header = [c.value for c in ws[3]]
    columns = [header.index(h) + 1 for h in header[5:9]]  # status, evidence, completed, note
    for row in range(4, ws.max_row + 1):
        values = progress.get(str(ws.cell(row, 1).value))
        for col, value in zip(columns, values or (), strict=False):
            ws.cell(row, col).value = value
    wb.save(out)
    return out


def test_the_tasks_sheet(template_zh: Path, catalogue: Catalogue) -> None:
    from qcity.workbook import task_header_key

    ws = load_workbook(template_zh)["任务"]
    header = [c.value for c in ws[3]]
    assert header == [
        "任务代码", "任务", "牵头部门", "完成时限", "应交成果", "状态", "证明材料", "完成日期", "备注",
    ]  # fmt: skip
    # the reader knows every column it reads by the header the template writes
    assert [task_header_key(h) for h in header] == [
        "code", None, None, None, None, "status", "evidence", "completed", "note",
    ]  # fmt: skip
    rows = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(4, ws.max_row + 1)}
    assert list(rows) == [t.code for t in catalogue.tasks]
    assert rows["T01"][:5] == [
        "T01",
        "制定质量发展规划",
        "—",
        "2015-06-30（四(二)）",
        "出台《西安市质量发展规划(2014—2020年)》；每年度的质量强市行动计划",
    ]
    assert rows["T05"][2] == "市质监局"
    assert "12315、12365、12312、12331、12319、12369、12343" in str(rows["T10"][4])
    assert all(v is None for row in rows.values() for v in row[5:])  # nothing pre-filled
    status = validation_of(ws, "F4")
    assert (status.type, status.formula1, status.errorStyle) == (
        "list",
        '"未开始,进行中,已完成"',
        "stop",
    )
    assert status.sqref == validation_of(ws, "F14").sqref  # one drop-down for every task
    date = validation_of(ws, "H9")
    assert (date.type, date.operator, date.formula1, date.formula2) == (
        "date", "between", "36526", "73415",
    )  # fmt: skip
    assert ws["H4"].number_format == "yyyy-mm-dd"
    assert ws.protection.sheet is True and not ws.protection.password
    for col in "FGHI":
        assert ws[f"{col}4"].protection.locked is False
        assert ws[f"{col}4"].fill.fgColor.rgb == "00FFF2CC"
    for col in "ABCDE":
        assert ws[f"{col}4"].protection.locked is True


def test_the_instructions_explain_the_tasks_and_the_phases(template_zh: Path) -> None:
    ws = load_workbook(template_zh)["说明"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "6. 在“任务”工作表填写各项工作任务的进展" in text
    assert "◆ 巩固提高,通过省政府预验收" in text  # an acceptance milestone is marked
    assert "· 以市政府名义向国家质检总局提出验收申请" in text  # what the phase must produce


def test_the_filled_tasks_sheet_is_read_back(cli: Cli, template_zh: Path, tmp_path: Path) -> None:
    import datetime as dt

    filled = fill_tasks(
        template_zh,
        {
            "T01": ("已完成", "市政发〔2014〕45号", dt.datetime(2014, 12, 1), None),
            "T02": ("进行中", None, None, "基地在建"),
            "T05": ("已完成", None, dt.datetime(2015, 6, 20), None),
            "T09": ("未开始",),
        },
        tmp_path / "填好.xlsx",
    )
    run = cli("check", filled, "--format", "json", "--today", "2015-07-10")
    assert run.exit_code == 1, run.output  # every indicator is missing; tasks do not count
    data = json.loads(run.stdout)
    tasks = {t["code"]: t for t in data["tasks"]}
    assert data["tasks_sheet"] == "任务"
    assert {
        c: (t["status"], t["overdue"]) for c, t in tasks.items() if t["status"] != "unreported"
    } == {
        "T01": ("done", False),
        "T02": ("in_progress", True),
        "T05": ("done", False),
        "T09": ("not_started", True),
    }
    assert (tasks["T01"]["evidence"], tasks["T01"]["completed"]) == (
        "市政发〔2014〕45号",
        "2014-12-01",
    )
    assert tasks["T02"]["note"] == "基地在建"
    assert tasks["T02"]["location"]["cell"] == "F5"
    [warning] = data["issues"]
    assert (warning["code"], warning["location"]["cell"]) == ("task-done-without-evidence", "G8")


def test_a_template_for_one_lead_holds_its_tasks(cli: Cli, tmp_path: Path) -> None:
    path = make_template(cli, tmp_path / "t.xlsx", "--lead", "市商务局")
    ws = load_workbook(path)["任务"]
    assert [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)] == ["T07", "T11"]
    assert validation_of(ws, "F5").sqref == validation_of(ws, "F4").sqref


def test_english_tasks_sheet(cli: Cli, tmp_path: Path) -> None:
    path = make_template(cli, tmp_path / "template.xlsx", "--lang", "en")
    ws = load_workbook(path)["tasks"]
    assert [c.value for c in ws[3]] == [
        "Task code", "Task", "Lead department", "Due by", "Deliverables", "Status", "Evidence",
        "Completion date", "Note",
    ]  # fmt: skip
    assert [c.value for c in ws[8]][:4] == [
        "T05", "Raise product quality markedly", "Xi'an Bureau of Quality and Technical Supervision",
        "2015-06-30 (四(二))",
    ]  # fmt: skip
    assert validation_of(ws, "F4").formula1 == '"not started,in progress,done"'
    filled = fill_tasks(path, {"T05": ("in progress",)}, tmp_path / "filled.xlsx")
    run = cli("check", filled, "--format", "json", "--today", "2015-06-30", "--lang", "en")
    t05 = next(t for t in json.loads(run.stdout)["tasks"] if t["code"] == "T05")
    assert (t05["status"], t05["overdue"], t05["title"]) == (
        "in_progress",
        False,
        "Raise product quality markedly",
    )


def test_a_catalogue_without_tasks_writes_no_tasks_sheet(cli: Cli, tmp_path: Path) -> None:
    from .test_catalogue import without_tasks

    path = make_template(cli, tmp_path / "t.xlsx", "--catalogue", without_tasks(tmp_path))
    wb = load_workbook(path)
    assert wb.sheetnames == ["数据", "序列", "说明"]
    help_text = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "“任务”工作表" not in help_text
