"""`qcity plan`: the timetable on a day, what is due, the reports, what is open; and one catalogue."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from .conftest import EXAMPLE, ROOT, Run, all_met, data_rows, write_workbook

Cli = Callable[..., Run]
WIDTH = {"COLUMNS": "100"}


def lines(run: Run) -> list[str]:
    return [line.rstrip() for line in run.stdout.splitlines()]


def plan_json(cli: Cli, *args: str | Path) -> dict[str, Any]:
    run = cli("plan", *args, "--format", "json")
    assert run.exit_code == 0, run.output
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def test_a_month_before_the_pre_acceptance(cli: Cli) -> None:
    run = cli("plan", "--today", "2015-06-01", env=WIDTH)
    assert run.exit_code == 0, run.output
    out = lines(run)
    assert out[:4] == [
        "创建工作进度 · 西安市创建全国质量强市示范城市工作方案（市政办发〔2014〕27号）",
        "日期：2015-06-01 · 方案第 486/638 天（76%） · 指标目录：xian-quality-city-2014 v1.0.0",
        "当前阶段：四(二) 全面创建,实现总体达标（2014-06-01 至 2015-06-30），还剩 29 天",
        "下一节点：四(三) 巩固提高,通过省政府预验收（2015-07-01 至 2015-07-31），还有 30 天",
    ]
    # the whole plan as one bar: 45 of 60 cells passed, phases separated, today marked above
    marker, bar = out[5], out[6]
    assert bar == (
        "2014-02-01 " + "█" * 11 + "│" + "█" * 33 + "░" * 3 + "│░░│" + "░" * 8 + " 2015-10-31"
    )
    assert marker.index("▼") == 11 + 45 and marker.endswith("▼ 今天 2015-06-01")
    assert (
        "四(一)   制定方案,落实目标任务         2014-02-01 至 2014-05-31   " + "█" * 20 + " 已结束"
        in out
    )
    assert (
        "四(二)   全面创建,实现总体达标         2014-06-01 至 2015-06-30   "
        + "█" * 18
        + "░░ 还剩 29 天"
    ) in out
    assert (
        "四(三)   ◆ 巩固提高,通过省政府预验收   2015-07-01 至 2015-07-31   "
        + "░" * 20
        + " 30 天后开始"
        in out
    )
    assert "◆ 验收节点" in out
    due = out.index("本阶段应完成 · 四(二) 全面创建,实现总体达标 · 截至 2015-06-30")
    assert out[due + 1 : due + 3] == [
        "  · 组织动员(思想发动、落实任务、舆论宣传)",
        "  · 达到创建目标,完成创建任务",
    ]
    assert [line.split()[0] for line in out[due + 5 :] if line[:2] in ("T0", "T1")] == [
        f"T{n:02d}" for n in range(1, 12)
    ]
    assert out[-3:] == [
        "报送日历 · 报送 市质量强市领导小组办公室",
        "  每月报送工作推进情况（五(六)）：2015年6月，2015-06-30 前报送，还有 29 天",
        "  每半年报送一次工作总结（五(六)）：2015年上半年，2015-06-30 前报送，还有 29 天",
    ]


def test_the_last_day_of_a_phase(cli: Cli) -> None:
    out = lines(cli("plan", "--today", "2015-06-30", env=WIDTH))
    assert (
        out[2]
        == "当前阶段：四(二) 全面创建,实现总体达标（2014-06-01 至 2015-06-30），今天是最后一天"
    )
    assert (
        out[3]
        == "下一节点：四(三) 巩固提高,通过省政府预验收（2015-07-01 至 2015-07-31），还有 1 天"
    )
    assert "  每月报送工作推进情况（五(六)）：2015年6月，2015-06-30 前报送，今天到期" in out
    # the next morning the pre-acceptance is both the phase and the milestone: said once
    out = lines(cli("plan", "--today", "2015-07-01", env=WIDTH))
    assert (
        out[2]
        == "当前阶段：四(三) 巩固提高,通过省政府预验收（2015-07-01 至 2015-07-31），还剩 30 天"
    )
    assert not any(line.startswith("当前节点") for line in out)
    assert "本阶段应完成 · 四(三) 巩固提高,通过省政府预验收 · 截至 2015-07-31" in out
    assert "  · 以市政府名义向国家质检总局提出验收申请" in out
    assert "  每半年报送一次工作总结（五(六)）：2015年下半年，2015-10-31 前报送，还有 122 天" in out


def test_before_the_plan(cli: Cli) -> None:
    out = lines(cli("plan", "--today", "2014-01-01", env=WIDTH))
    assert (
        out[2]
        == "方案尚未开始：第一阶段 四(一) 制定方案,落实目标任务（2014-02-01 至 2014-05-31），还有 31 天"
    )
    assert (
        out[1] == "日期：2014-01-01 · 指标目录：xian-quality-city-2014 v1.0.0"
    )  # no day of the plan yet
    assert out[6] == "2014-02-01 " + "░" * 11 + "│" + "░" * 36 + "│░░│" + "░" * 8 + " 2015-10-31"
    assert "下一阶段应完成 · 四(一) 制定方案,落实目标任务 · 截至 2014-05-31" in out
    assert "  每月报送工作推进情况（五(六)）：2014年6月，2014-06-30 前报送，还有 180 天" in out


def test_after_acceptance(cli: Cli) -> None:
    out = lines(cli("plan", "--today", "2015-11-01", env=WIDTH))
    assert out[2] == (
        "方案各阶段均已结束：最后阶段 四(四) 全力迎检,全面完成创建任务（2015-08-01 至 2015-10-31） 已于 1 天前结束"
    )
    assert not any("应完成" in line for line in out)
    assert out[-2:] == [
        "  每月报送工作推进情况（五(六)）：已全部到期（最后一期 2015-10-31 前报送）",
        "  每半年报送一次工作总结（五(六)）：已全部到期（最后一期 2015-10-31 前报送）",
    ]


@pytest.mark.parametrize(
    ("today", "stage", "phase", "days", "focus", "monthly"),
    [
        ("2014-01-01", "before", "P1", 31, "P1", "2014-06-30"),
        ("2015-06-30", "during", "P2", 0, "P2", "2015-06-30"),
        ("2015-07-01", "during", "P3", 30, "P3", "2015-07-31"),
        ("2015-11-01", "after", "P4", 1, None, None),
    ],
)
def test_json(
    cli: Cli, today: str, stage: str, phase: str, days: int, focus: str | None, monthly: str | None
) -> None:
    data = plan_json(cli, "--today", today)  # validated against `qcity schema plan` by the fixture
    assert (data["position"]["stage"], data["position"]["phase"], data["position"]["days"]) == (
        stage,
        phase,
        days,
    )
    assert data["focus"] == focus
    nxt = data["reporting"][0]["next"]
    assert (nxt["due"] if nxt else None) == monthly
    assert [p["code"] for p in data["phases"] if p["milestone"]] == ["P3", "P4"]
    assert data["open"] is None and data["source"] is None


def test_with_a_file_what_is_open_per_lead_department(cli: Cli) -> None:
    run = cli("plan", EXAMPLE.relative_to(ROOT), "--today", "2015-07-10", env=WIDTH)
    assert run.exit_code == 0, run.output  # a view: seven targets unmet, still 0
    out = lines(run)
    start = out.index(
        "未完成事项（按牵头部门） · 文件：data/example-submission.xlsx · 工作表：数据"
    )
    assert out[start + 1 : start + 5] == [
        "市质监局 西安市质量技术监督局（指标 1，任务 1）",
        "  ✘ 未达标  PRD-02 城市生产企业产品质量监督抽查合格率 · 93.42%* / 目标 ≥ 94% · −0.58 个百分点",
        "  — 未填报  T05 显著提升产品质量 · 时限 2015-06-30 · 逾期 10 天",
        "市建委 西安市城乡建设委员会（指标 1，任务 1）",
    ]
    assert "未指定牵头部门（指标 0，任务 5）" in out
    assert out[-1] == "共 7 项指标未达标、未填报或有误，11 项任务未完成。"


def test_json_with_a_file_and_one_lead(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "质监局.xlsx",
        {
            "数据": data_rows({**all_met(), "PRD-02": 93}),
            "任务": [["任务代码", "状态", "证明材料"], ["T05", "已完成", "质监局文件"]],
        },
    )
    data = plan_json(cli, book, "--today", "2015-07-10", "--lead", "西安市质量技术监督局")
    assert data["lead"] == "市质监局"
    [group] = data["open"]
    assert group["department"] == "市质监局"
    assert [i["code"] for i in group["indicators"]] == ["PRD-02"]
    assert group["tasks"] == []  # T05 is done
    assert data["summary"] == {"open_indicators": 1, "open_tasks": 0}
    everyone = plan_json(cli, book, "--today", "2015-07-10")
    assert [g["department"] for g in everyone["open"]] == [
        "市质监局", "市建委", "市商务局", "市环保局", "市发改委", None,
    ]  # fmt: skip


def test_markdown(cli: Cli) -> None:
    run = cli("plan", EXAMPLE.relative_to(ROOT), "--today", "2015-06-01", "--format", "markdown")
    assert run.exit_code == 0, run.output
    md = run.stdout
    assert md.startswith(
        "### 创建工作进度 · 西安市创建全国质量强市示范城市工作方案（市政办发〔2014〕27号）\n"
    )
    assert (
        "| 四(二) | **全面创建,实现总体达标** | 2014-06-01 至 2015-06-30 | `"
        + "█" * 18
        + "░░` 还剩 29 天 |"
        in md
    )
    assert "| 四(三) | ◆ 巩固提高,通过省政府预验收 | 2015-07-01 至 2015-07-31 |" in md
    assert "#### 本阶段应完成 · 四(二) 全面创建,实现总体达标 · 截至 2015-06-30" in md
    assert (
        "| T05 | 显著提升产品质量 | 市质监局 | 重点产品质量安全专项整治；进口商品质量监管；电梯安全监管改革和特种设备安全监管机制 | — 未填报 |"
        in md
    )
    assert "- 每月报送工作推进情况（五(六)）：2015年6月，2015-06-30 前报送，还有 29 天" in md
    assert "#### 未完成事项（按牵头部门） · `data/example-submission.xlsx`" in md


def test_english(cli: Cli) -> None:
    out = lines(cli("plan", "--today", "2015-07-10", "--lang", "en", env=WIDTH))
    assert (
        out[1]
        == "Date: 2015-07-10 · day 525 of 638 of the plan (82%) · Catalogue: xian-quality-city-2014 v1.0.0"
    )
    assert out[2] == (
        "Current phase: 四(三) Consolidate and pass the provincial pre-acceptance "
        "(2015-07-01 to 2015-07-31), 21 days left"
    )
    assert "Reporting calendar · to the office of the city's quality-city leading group" in out
    assert (
        "  Half-yearly summary of the work (五(六)): second half of 2015, due 2015-10-31, in 113 days"
        in out
    )


def test_output_file_and_errors(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    run = cli("plan", "--today", "2015-06-01", "--format", "markdown", "-o", out)
    assert (run.exit_code, run.stdout) == (0, ""), run.output
    assert out.read_text(encoding="utf-8").startswith("### 创建工作进度")
    missing = cli("plan", tmp_path / "nope.xlsx", "--today", "2015-06-01")
    assert missing.exit_code == 2, missing.output
    assert "[file-not-found]" in missing.stderr
    unknown = cli("plan", "--lead", "市质检局")
    assert unknown.exit_code == 2, unknown.output
    assert "[unknown-department]" in unknown.stderr
    book = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows(all_met())})
    same = cli("plan", book, "-o", book)
    assert same.exit_code == 2, same.output
    assert "[output-is-input]" in same.stderr


# --- one timetable: --catalogue changes it everywhere --------------------------------------------


def later_city(tmp_path: Path) -> Path:
    """The bundled catalogue with a later timetable: 四(二) to August, acceptance in the autumn."""
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    for old, new in (
        ('start: "2014-06"\n    end: "2015-06"', 'start: "2014-06"\n    end: "2015-08"'),
        ('start: "2015-07"\n    end: "2015-07"', 'start: "2015-09"\n    end: "2015-09"'),
        ('start: "2015-08"\n    end: "2015-10"', 'start: "2015-10"\n    end: "2015-12"'),
    ):
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "later.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_another_catalogue_changes_the_timetable_everywhere(cli: Cli, tmp_path: Path) -> None:
    other = later_city(tmp_path)
    book = write_workbook(
        tmp_path / "b.xlsx",
        {
            "数据": data_rows({**all_met(), "ENV-07": 45}),
            "任务": [["任务代码", "状态"], ["T01", "进行中"]],
        },
    )
    day = ("--today", "2015-07-10")
    gaps = cli("gaps", book, "--catalogue", other, *day)
    assert (
        "下一节点：四(三) 巩固提高,通过省政府预验收（2015-09-01 至 2015-09-30），还有 53 天"
        in gaps.stdout
    )
    plan = plan_json(cli, "--catalogue", other, *day)
    assert (plan["position"]["phase"], plan["position"]["days"]) == ("P2", 52)
    assert plan["reporting"][1]["last_due"] == "2015-12-31"
    check = json.loads(cli("check", book, "--catalogue", other, "--format", "json", *day).stdout)
    t01 = check["tasks"][0]
    assert (t01["due"]["date"], t01["overdue"]) == ("2015-08-31", False)
    run = cli("check", book, "--catalogue", other, "--fail-on-tasks", *day)
    assert run.exit_code == 1, run.output  # ENV-07
    template = tmp_path / "t.xlsx"
    assert (run := cli("template", template, "--catalogue", other)).exit_code == 0, run.output
    wb = load_workbook(template)
    assert wb["任务"]["D4"].value == "2015-08-31（四(二)）"
    text = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "2014年6月 — 2015年8月" in text and "2015年10月 — 2015年12月" in text


def test_a_catalogue_without_a_timetable(cli: Cli, tmp_path: Path) -> None:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bare.yaml"
    path.write_text(text.split("\nphases:\n", 1)[0] + "\n", encoding="utf-8")
    run = cli("plan", "--catalogue", path, "--today", "2015-07-10")
    assert run.exit_code == 0, run.output
    assert lines(run)[2] == "指标目录没有列出工作步骤。"
    gaps = cli("gaps", EXAMPLE, "--catalogue", path, "--today", "2015-07-10")
    assert "节点" not in gaps.stdout
