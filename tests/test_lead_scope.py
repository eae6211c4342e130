"""A department's own return (issue 14, items 2 and 3): judged on its own indicators and tasks,
as of the report's day. Expected verdicts are worked out here from the plan's targets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tests.conftest import Run, all_met

Cli = Callable[..., Run]

# 市质监局 leads these rows (plan 二(一) and the veto 二(五)); each target, from the plan:
# PRD-01 ≥ 90%, PRD-02 ≥ 94%, PRD-03 ≥ 95%, PRD-04 ≥ 95%, SAF-01 是 (no accident).
ZJJ_FIGURES: dict[str, Any] = {
    "PRD-01": 99.5,
    "PRD-02": 99.5,
    "PRD-03": 99.5,
    "PRD-04": 99.5,
    "SAF-01": "是",
}


def make_template(cli: Cli, path: Path, *leads: str) -> Path:
    args: list[str] = []
    for lead in leads:
        args += ["--lead", lead]
    assert (run := cli("template", path, *args)).exit_code == 0, run.output
    return path


def fill(template: Path, out: Path, figures: dict[str, Any], period: Any = None) -> Path:
    """The template with *figures* in its 实际值 column and *period* beside 报告期."""
    wb = load_workbook(template)
    ws = wb["数据"]
    header = {str(ws.cell(3, c).value): c for c in range(1, ws.max_column + 1)}
    for r in range(4, ws.max_row + 1):
        code = str(ws.cell(r, 1).value)
        if code in figures:
            ws.cell(r, header["实际值"]).value = figures[code]
    if period is not None:
        for c in range(1, ws.max_column + 1):
            if ws.cell(2, c).value == "报告期":
                ws.cell(2, c + 1).value = period
    wb.save(out)
    return out


def data_codes(path: Path) -> list[str]:
    ws = load_workbook(path)["数据"]
    return [str(ws.cell(r, 1).value) for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value]


def test_a_department_template_filled_all_met_passes(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "质监局模板.xlsx", "市质监局")
    codes = data_codes(template)
    assert codes == list(ZJJ_FIGURES)  # the template holds exactly 市质监局's rows
    filled = fill(template, tmp_path / "质监局.xlsx", ZJJ_FIGURES, period="2015年")
    run = cli("check", filled)
    assert run.exit_code == 0, run.output
    n = len(codes)
    assert f"结论（范围：市质监局）：{n}/{n} 项达标；未达标 0，未填报 0，数据有误 0" in run.stdout
    assert "范围：市质监局 牵头的 5 项指标（按模板）" in run.stdout
    # Other departments' indicators are out of scope: not listed, not counted as missing.
    for other in ("ECO-01", "ENV-01", "CON-01", "SRV-01"):
        assert other not in run.stdout
    en = cli("check", filled, "--lang", "en")
    assert en.exit_code == 0, en.output
    assert "Result (scope: Xi'an Bureau of Quality and Technical Supervision): 5/5 met" in en.stdout

    doc = json.loads(cli("check", filled, "-f", "json").stdout)
    assert doc["scope"]["leads"] == ["市质监局"]
    assert doc["scope"]["source"] == "stamp"
    assert doc["scope"]["excluded"] == len(all_met()) - n
    assert [i["code"] for i in doc["indicators"]] == codes
    assert doc["summary"]["total"] == n and doc["summary"]["met"] == n
    for fmt, needle in (
        ("markdown", "（范围：市质监局）"),
        ("github", "（范围：市质监局）"),
        ("html", "（范围：市质监局）"),
        ("junit", 'name="scope" value="市质监局"'),
    ):
        out = cli("check", filled, "-f", fmt)
        assert out.exit_code == 0, (fmt, out.output)
        assert needle in out.stdout, fmt


def test_a_department_return_with_one_row_unmet_fails_on_it(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    # PRD-02's target is ≥ 94%: 93.5% is 0.5 points short.
    figures = {**ZJJ_FIGURES, "PRD-02": 93.5}
    run = cli("check", fill(template, tmp_path / "f.xlsx", figures))
    assert run.exit_code == 1, run.output
    assert "结论（范围：市质监局）：4/5 项达标；未达标 1，未填报 0" in run.stdout


def test_lead_option_scopes_a_whole_city_workbook(
    cli: Cli, make_submission: Callable[..., Path]
) -> None:
    # ECO-01 (led by 市发改委): 8% against its ≥ 11% is unmet; 市质监局 does not answer for it.
    values = {**all_met(), "ECO-01": 8}
    path = make_submission(values)
    assert (result := cli("check", path)).exit_code == 1, result.output
    mine = ["PRD-01", "PRD-02", "PRD-03", "PRD-04", "SAF-01"]  # what 市质监局 leads
    run = cli("check", path, "--lead", "市质监局")
    assert run.exit_code == 0, run.output
    assert f"结论（范围：市质监局）：{len(mine)}/{len(mine)} 项达标" in run.stdout
    assert "范围：市质监局 牵头的 5 项指标（按 --lead）" in run.stdout
    # Repeatable and comma-separated: both departments' rows, ECO-01 among them.
    both = cli("check", path, "--lead", "市质监局,市发改委", "-f", "json")
    assert both.exit_code == 1, both.output
    doc = json.loads(both.stdout)
    assert doc["scope"]["leads"] == ["市质监局", "市发改委"]
    assert "ECO-01" in doc["scope"]["indicators"] and "ENV-01" not in doc["scope"]["indicators"]
    again = json.loads(
        cli("check", path, "--lead", "市质监局", "--lead", "市发改委", "-f", "json").stdout
    )
    assert again["scope"] == doc["scope"]


def test_lead_names_are_validated_with_a_suggestion(
    cli: Cli, make_submission: Callable[..., Path]
) -> None:
    path = make_submission(all_met())
    run = cli("check", path, "--lead", "质监")
    assert run.exit_code == 2, run.output
    assert "“质监”不是指标目录中任何指标的牵头部门，是否为 市质监局？" in run.stderr
    assert "Traceback" not in run.output


def test_a_stamped_workbook_checked_for_another_department_is_an_error(
    cli: Cli, tmp_path: Path
) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    filled = fill(template, tmp_path / "质监局.xlsx", ZJJ_FIGURES)
    run = cli("check", filled, "--lead", "市建委")
    assert run.exit_code == 2, run.output
    assert (
        "工作簿是为 市质监局 生成的模板，不能按 --lead 市建委 检查  [lead-mismatch]" in run.stderr
    )
    assert "去掉 --lead（按模板的牵头部门检查），或改为 --lead 市质监局" in run.stderr
    assert (result := cli("check", filled, "--lead", "市质监局")).exit_code == 0, result.output
    assert (result := cli("hook", filled, "--lead", "市建委")).exit_code == 2, result.output


def test_gaps_asks_a_department_only_for_its_own_rows(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    # Only PRD-01 filled: the other four 市质监局 rows are missing, and nothing else.
    filled = fill(template, tmp_path / "f.xlsx", {"PRD-01": 99.5})
    run = cli("gaps", filled, "-f", "json")
    assert run.exit_code == 1, run.output
    doc = json.loads(run.stdout)
    assert [d["code"] for d in doc["departments"]] == ["市质监局"]
    listed = [g["indicator"]["code"] for d in doc["departments"] for g in d["gaps"]]
    assert sorted(listed) == ["PRD-02", "PRD-03", "PRD-04", "SAF-01"]
    assert doc["scope"]["leads"] == ["市质监局"]
    text = cli("gaps", filled)
    assert "范围：市质监局 牵头的 5 项指标（按模板）" in text.stdout
    for other in ("市建委", "市商务局", "市环保局", "市发改委"):
        assert other not in text.stdout


def test_explain_of_an_indicator_outside_the_scope_says_so(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    filled = fill(template, tmp_path / "f.xlsx", ZJJ_FIGURES)
    run = cli("explain", "ECO-01", filled)
    assert run.exit_code == 2, run.output
    assert "指标 ECO-01 由 市发改委 牵头，不在本次检查范围（市质监局）内" in run.stderr
    assert "PRD-01、PRD-02、PRD-03、PRD-04、SAF-01" in run.stderr
    assert (result := cli("explain", "PRD-01", filled)).exit_code == 0, result.output


def test_tasks_are_judged_as_of_the_end_of_the_report_period(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    # 市质监局 leads T05, due by the end of phase 四(二): 2015-06-30. Left unreported, on
    # 2015-12-31 (the end of 报告期 2015年) it is 184 days overdue (July 31 + Aug 31 + Sep 30
    # + Oct 31 + Nov 30 + Dec 31).
    filled = fill(template, tmp_path / "f.xlsx", ZJJ_FIGURES, period="2015年")
    run = cli("check", filled)
    assert run.exit_code == 0, (
        run.output
    )  # tasks do not decide the exit code without --fail-on-tasks
    assert "逾期 184 天" in run.stdout
    assert "判定日期 2015-12-31，报告期“2015年”的最后一天" in run.stdout
    doc = json.loads(cli("check", filled, "-f", "json").stdout)
    assert [t["code"] for t in doc["tasks"]] == ["T05"]
    assert doc["task_summary"]["today"] == "2015-12-31"
    assert doc["task_summary"]["today_source"] == "period"
    assert doc["task_summary"]["today_period"] == "2015年"
    # 报告期 2015年3月 ends on 2015-03-31, before T05's deadline: not overdue.
    march = fill(template, tmp_path / "m.xlsx", ZJJ_FIGURES, period="2015年3月")
    doc = json.loads(cli("check", march, "-f", "json").stdout)
    assert doc["task_summary"]["today"] == "2015-03-31"
    assert doc["task_summary"]["overdue"] == 0
    # --today wins over the 报告期: 2015-07-01 is one day past 2015-06-30.
    pinned = cli("check", filled, "--today", "2015/7/1")
    assert "逾期 1 天" in pinned.stdout
    assert "判定日期 2015-07-01，按 --today" in pinned.stdout
    # --year (as check has it) is the report year: its last day when --today is not given.
    year = json.loads(cli("check", march, "--year", "2016", "-f", "json").stdout)
    assert year["task_summary"]["today"] == "2016-12-31"
    assert year["task_summary"]["today_source"] == "year"


def test_other_departments_tasks_are_not_a_departments_failures(cli: Cli, tmp_path: Path) -> None:
    whole = make_template(cli, tmp_path / "all.xlsx")
    ws = load_workbook(whole)["任务"]
    header = {str(ws.cell(3, c).value): c for c in range(1, ws.max_column + 1)}
    theirs = {
        ws.cell(r, 1).value: ws.cell(r, header["牵头部门"]).value
        for r in range(4, ws.max_row + 1)
        if ws.cell(r, 1).value
    }
    filled = fill(whole, tmp_path / "f.xlsx", all_met(), period="2015年")
    doc = json.loads(cli("check", filled, "--lead", "市质监局", "-f", "json").stdout)
    assert [t["code"] for t in doc["tasks"]] == [
        c for c, lead in theirs.items() if lead == "市质监局"
    ]
    every = json.loads(cli("check", filled, "-f", "json").stdout)
    assert len(every["tasks"]) == len(theirs)


def test_gaps_and_plan_take_year_like_check(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    filled = fill(template, tmp_path / "f.xlsx", {"PRD-01": 99.5})
    gaps = json.loads(cli("gaps", filled, "--year", "2015", "-f", "json").stdout)
    assert gaps["today"] == "2015-12-31"
    period = fill(template, tmp_path / "p.xlsx", {"PRD-01": 99.5}, period="2015年6月")
    assert json.loads(cli("gaps", period, "-f", "json").stdout)["today"] == "2015-06-30"
    plan = json.loads(cli("plan", "--year", "2015", "-f", "json").stdout)
    assert plan["today"] == "2015-12-31"


def test_batches_take_lead_and_judge_each_file_in_its_scope(
    cli: Cli, tmp_path: Path, make_submission: Callable[..., Path]
) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    fill(template, folder / "质监局.xlsx", ZJJ_FIGURES)
    # A whole-city workbook whose ECO-01 (市发改委, ≥ 11%) is short at 8%.
    city = make_submission({**all_met(), "ECO-01": 8}, name="city.xlsx")
    city.rename(folder / "city.xlsx")
    assert (result := cli("check", folder)).exit_code == 1, (
        result.output
    )  # the city workbook is judged on every row
    run = cli("check", folder, "--lead", "市质监局", "-f", "json")
    assert run.exit_code == 0, run.output
    doc = json.loads(run.stdout)
    assert {f["scope"]["source"] for f in doc["files"]} == {"option"}
    assert all(f["scope"]["leads"] == ["市质监局"] for f in doc["files"])
    assert all(f["exit_code"] == 0 for f in doc["files"])
    text = cli("check", folder, "--lead", "市质监局")
    assert "结论（范围：市质监局）：2 个文件" in text.stdout


def test_gaps_says_where_its_date_came_from(cli: Cli, tmp_path: Path) -> None:
    template = make_template(cli, tmp_path / "t.xlsx", "市质监局")
    period = fill(template, tmp_path / "p.xlsx", {"PRD-01": 99.5}, period="2015年6月")
    # 2015年6月 ends on 2015-06-30 (30 days in June).
    assert "日期：2015-06-30（报告期“2015年6月”的最后一天）" in cli("gaps", period).stdout
    assert (
        "日期：2016-12-31（--year 所指年份的最后一天）"
        in cli("gaps", period, "--year", "2016").stdout
    )
    en = cli("gaps", period, "--lang", "en").stdout
    assert 'Date: 2015-06-30 (the end of the report period "2015年6月")' in en
