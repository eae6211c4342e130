"""The tasks sheet: every accepted notation, the overdue logic, and how check reports tasks."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qcity.model import Catalogue
from qcity.results import Cell, TaskStatus
from qcity.tasks import judge_task, parse_date, parse_status, task_codes

from .conftest import N, Run, all_met, data_rows, write_workbook

Cli = Callable[..., Run]
D = dt.date
TASK_HEADER = ["任务代码", "状态", "证明材料", "完成日期", "备注"]


def cell(value: Any) -> Cell:
    return Cell(value=value, coordinate="B2")


# --- statuses and dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("已完成", TaskStatus.DONE),
        (" 完成 ", TaskStatus.DONE),
        ("已办结。", TaskStatus.DONE),
        ("Done", TaskStatus.DONE),
        ("COMPLETED", TaskStatus.DONE),
        ("进行中", TaskStatus.IN_PROGRESS),
        ("推进中", TaskStatus.IN_PROGRESS),
        ("in progress", TaskStatus.IN_PROGRESS),
        ("In-Progress", TaskStatus.IN_PROGRESS),
        ("in_progress", TaskStatus.IN_PROGRESS),
        ("ongoing", TaskStatus.IN_PROGRESS),
        ("未开始", TaskStatus.NOT_STARTED),
        ("尚未开始", TaskStatus.NOT_STARTED),
        ("Not  started", TaskStatus.NOT_STARTED),
        ("ｎｏｔ ｓｔａｒｔｅｄ", TaskStatus.NOT_STARTED),  # full-width, as an IME may type it
        ("to do", TaskStatus.NOT_STARTED),
    ],
)
def test_every_status_notation(value: str, status: TaskStatus) -> None:
    assert parse_status(cell(value)) == (status, value, False)


@pytest.mark.parametrize("value", [None, "", "  ", "\u200b"])
def test_an_empty_status_is_not_reported(value: Any) -> None:
    assert parse_status(cell(value)) == (TaskStatus.UNREPORTED, None, False)
    assert parse_status(None) == (TaskStatus.UNREPORTED, None, False)


@pytest.mark.parametrize(
    ("value", "raw"), [("差不多", "差不多"), ("未完成", "未完成"), (1, "1"), (True, "TRUE")]
)
def test_anything_else_is_no_status(value: Any, raw: str) -> None:
    # 未完成 could be "not started" or "in progress": qcity does not guess.
    assert parse_status(cell(value)) == (TaskStatus.UNREPORTED, raw, True)


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2015, 6, 30, 0, 0),
        D(2015, 6, 30),
        "2015-06-30",
        "2015-6-30",
        "2015/6/30",
        "2015.06.30",
        "2015年6月30日",
        "2015 年 6 月 30 日",
        "２０１５年６月３０日",
        "20150630",
        20150630,
    ],
)
def test_every_date_notation(value: Any) -> None:
    day, _, bad = parse_date(cell(value))
    assert (day, bad) == (D(2015, 6, 30), False)


@pytest.mark.parametrize(
    "value", ["2015-02-30", "2015年6月", "2015-06", "六月底", "30/6/2015", 42185, 2015.5, True]
)
def test_no_full_date_is_unreadable(value: Any) -> None:
    day, raw, bad = parse_date(cell(value))
    assert (day, bad) == (None, True)
    assert raw


def test_no_date_is_none() -> None:
    assert parse_date(cell(None)) == (None, None, False)
    assert parse_date(cell("  ")) == (None, None, False)


def test_task_codes_accept_short_and_full_forms(catalogue: Catalogue) -> None:
    codes = task_codes(catalogue.tasks)
    assert codes["T01"] == codes["T1"] == "T01"
    assert codes["T11"] == "T11"
    assert "T011" not in codes


# --- overdue --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "status", "completed", "expected"),
    [
        (D(2015, 6, 30), TaskStatus.IN_PROGRESS, None, (False, None, False)),  # its last day
        (D(2015, 7, 1), TaskStatus.IN_PROGRESS, None, (True, 1, False)),  # the day after
        (D(2015, 7, 1), TaskStatus.NOT_STARTED, None, (True, 1, False)),
        (D(2015, 7, 1), TaskStatus.UNREPORTED, None, (True, 1, False)),  # silence is not done
        (D(2016, 1, 1), TaskStatus.UNREPORTED, None, (True, 185, False)),
        (D(2014, 1, 1), TaskStatus.NOT_STARTED, None, (False, None, False)),  # before the plan
        (D(2015, 7, 1), TaskStatus.DONE, None, (False, None, False)),
        (D(2015, 7, 1), TaskStatus.DONE, D(2015, 6, 30), (False, None, False)),
        (D(2015, 8, 1), TaskStatus.DONE, D(2015, 7, 1), (False, None, True)),  # done late
    ],
)
def test_overdue_is_not_done_after_the_phase_ended(
    catalogue: Catalogue,
    today: dt.date,
    status: TaskStatus,
    completed: dt.date | None,
    expected: tuple[bool, int | None, bool],
) -> None:
    assert judge_task(catalogue.task("T01"), catalogue, today, status, completed) == expected


# --- check ----------------------------------------------------------------------------------


def workbook(tmp_path: Path, tasks: list[list[Any]], name: str = "tasks.xlsx", **more: Any) -> Path:
    return write_workbook(tmp_path / name, {"数据": data_rows(all_met()), "任务": tasks, **more})


def test_the_text_report_has_a_tasks_section(cli: Cli, tmp_path: Path) -> None:
    book = workbook(
        tmp_path,
        [
            TASK_HEADER,
            ["T01", "已完成", "市政发〔2014〕45号", dt.datetime(2014, 12, 1), None],
            ["T02", "进行中", None, None, None],
            ["T05", "已完成", None, "2015年7月3日", None],
        ],
    )
    run = cli("check", book, "--today", "2015-07-10", env={"COLUMNS": "100"})
    assert run.exit_code == 0, run.output  # every target met; tasks do not decide
    lines = [line.rstrip() for line in run.stdout.splitlines()]
    start = lines.index("工作任务（11） · 工作表：任务")
    assert lines[start + 1].split() == [
        "代码",
        "任务",
        "·",
        "证明材料",
        "牵头部门",
        "时限",
        "状态",
        "进度",
    ]
    rows = {
        line.split()[0]: line.split()[1:]
        for line in lines[start + 3 : start + 16]
        if line[:1] == "T"
    }
    assert rows["T01"] == [
        "制定质量发展规划",
        "—",
        "2015-06-30",
        "✔",
        "已完成",
        "完成于",
        "2014-12-01",
    ]
    assert rows["T02"] == ["打造特色质量文化", "—", "2015-06-30", "◐", "进行中", "逾期", "10", "天"]
    assert rows["T05"] == [
        "显著提升产品质量",
        "市质监局",
        "2015-06-30",
        "✔",
        "已完成",
        "逾期完成（2015-07-03）",
    ]
    assert rows["T06"] == [
        "大幅提高工程质量",
        "市建委",
        "2015-06-30",
        "—",
        "未填报",
        "逾期",
        "10",
        "天",
    ]
    assert "       证明材料：市政发〔2014〕45号" in lines
    assert (
        "任务：2/11 项已完成；进行中 1，未开始 0，未填报 8；逾期 9（判定日期 2015-07-10，按 --today）。"
        in lines
    )
    assert (
        "⚠ 警告 " + str(book) + "：任务!C4  任务 T05 标为已完成，但没有填写证明材料  "
        "[task-done-without-evidence]" in lines
    )
    assert (
        lines[-1]
        == f"结论：{N}/{N} 项达标；未达标 0，未填报 0，数据有误 0；数据问题：错误 0，警告 1。"
    )


def test_fail_on_tasks_makes_overdue_tasks_count(cli: Cli, tmp_path: Path) -> None:
    book = workbook(
        tmp_path, [TASK_HEADER, *([f"T{n:02d}", "已完成", "文件"] for n in range(1, 11))]
    )
    # T11 has no row: not reported, overdue after 2015-06-30
    assert (result := cli("check", book, "--today", "2015-07-01")).exit_code == 0, result.output
    assert (
        result := cli("check", book, "--today", "2015-06-30", "--fail-on-tasks")
    ).exit_code == 0, result.output
    run = cli("check", book, "--today", "2015-07-01", "--fail-on-tasks", "--format", "json")
    assert run.exit_code == 1, run.output
    data = json.loads(run.stdout)
    assert [t["code"] for t in data["tasks"] if t["overdue"]] == ["T11"]
    assert data["task_summary"] == {
        "total": 11, "done": 10, "in_progress": 0, "not_started": 0, "unreported": 1,
        "overdue": 1, "today": "2015-07-01", "today_source": "option", "today_period": None,
    }  # fmt: skip
    text = cli("check", book, "--today", "2015-07-01", "--fail-on-tasks").stdout.splitlines()
    assert text[-2:] == [
        f"结论：{N}/{N} 项达标；未达标 0，未填报 0，数据有误 0；数据问题：错误 0，警告 0。",
        "任务：逾期 1 项，按 --fail-on-tasks 判为未完成。",
    ]
    # an invalid figure still decides 3, whatever the tasks
    bad = workbook(tmp_path, [TASK_HEADER, ["T01", "已完成", "文件"]], name="bad.xlsx")
    invalid = write_workbook(
        tmp_path / "invalid.xlsx",
        {
            "数据": data_rows({**all_met(), "PRD-01": "约95%"}),
            "任务": [TASK_HEADER, ["T01", "未开始"]],
        },
    )
    assert (
        result := cli("check", bad, "--fail-on-tasks", "--today", "2016-01-01")
    ).exit_code == 1, result.output
    assert (
        result := cli("check", invalid, "--fail-on-tasks", "--today", "2016-01-01")
    ).exit_code == 3, result.output


def test_a_workbook_without_a_tasks_sheet_says_nothing_of_tasks(
    cli: Cli, make_submission: Callable[..., Path]
) -> None:
    book = make_submission(all_met())
    run = cli("check", book, "--today", "2015-07-10")
    assert run.exit_code == 0, run.output
    assert "工作任务" not in run.stdout
    data = json.loads(cli("check", book, "--format", "json").stdout)
    assert (data["tasks_sheet"], data["task_summary"], data["tasks"]) == (None, None, [])
    # unless tasks decide the exit code: then silence about tasks is overdue tasks
    run = cli("check", book, "--today", "2015-07-10", "--fail-on-tasks")
    assert run.exit_code == 1, run.output
    assert "工作任务（11）" in run.stdout
    assert (
        "任务：0/11 项已完成；进行中 0，未开始 0，未填报 11；逾期 11（判定日期 2015-07-10，按 --today）。"
        in run.stdout
    )


def test_junit_and_github_mark_overdue_tasks_by_policy(cli: Cli, tmp_path: Path) -> None:
    book = workbook(tmp_path, [TASK_HEADER, ["T01", "进行中"]])

    def junit(*extra: str) -> ET.Element:
        run = cli("check", book, "--format", "junit", "--today", "2015-07-01", *extra)
        suite = ET.fromstring(run.stdout).find("testsuite[@name='工作任务']")
        assert suite is not None
        return suite

    plain = junit()
    assert (plain.get("tests"), plain.get("failures")) == ("11", "0")
    assert plain.find("testcase[@name='T01 制定质量发展规划']/system-out") is not None
    enforced = junit("--fail-on-tasks")
    assert enforced.get("failures") == "11"
    failure = enforced.find("testcase[@name='T01 制定质量发展规划']/failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == ("overdue", "◐ 进行中 · 逾期 1 天")

    run = cli("check", book, "--format", "github", "--today", "2015-07-01")
    first = run.stdout.splitlines()[0]
    assert first == (
        f"::warning file={book},title=T01 逾期 1 天 · 制定质量发展规划::"
        "任务!B2: ◐ 进行中；时限 2015-06-30（四(二)）；逾期 1 天"
    )
    assert run.stdout.splitlines()[-1] == (
        "::notice title=qcity tasks::任务：0/11 项已完成；进行中 1，未开始 0，未填报 10；"
        "逾期 11（判定日期 2015-07-01，按 --today）。"
    )
    enforced_run = cli(
        "check", book, "--format", "github", "--today", "2015-07-01", "--fail-on-tasks"
    )
    assert enforced_run.stdout.startswith("::error file=")


def test_markdown_and_html_show_the_tasks(cli: Cli, tmp_path: Path) -> None:
    book = workbook(tmp_path, [TASK_HEADER, ["T01", "已完成", "a | b"], ["T02", "未开始"]])
    md = cli("check", book, "--format", "markdown", "--today", "2015-07-01").stdout
    assert "| T01 | 制定质量发展规划 | — | 2015-06-30 | ✅ 已完成 |  | a \\| b |" in md
    assert "| T02 | 打造特色质量文化 | — | 2015-06-30 | ⬜ 未开始 | ⏰ 逾期 1 天 |  |" in md
    html = cli("check", book, "--format", "html", "--today", "2015-07-01").stdout
    rows = re.findall(
        r'<tr class="task" data-code="(T\d+)" data-status="(\w+)" data-overdue="(\w+)">', html
    )
    assert rows[:2] == [("T01", "done", "false"), ("T02", "not_started", "true")]
    assert len(rows) == 11


def test_headers_in_english_below_a_title_and_in_any_order(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "en.xlsx",
        {
            "data": data_rows(all_met()),
            "Tasks": [
                ["Progress of the tasks, June 2015"],
                [],
                ["Note", "Completed", "Evidence", "Status", "Task code", "Task"],
                ["checked", "2015-06-01", "doc 1", "done", "t4", "Improve the working mechanisms"],
            ],
        },
    )
    data = json.loads(cli("check", book, "--format", "json", "--today", "2015-07-01").stdout)
    t04 = next(t for t in data["tasks"] if t["code"] == "T04")
    assert data["tasks_sheet"] == "Tasks"
    assert (t04["status"], t04["evidence"], t04["completed"], t04["note"]) == (
        "done", "doc 1", "2015-06-01", "checked",
    )  # fmt: skip
    assert t04["location"] == {
        "file": str(book),
        "sheet": "Tasks",
        "cell": "D4",
        "path": None,
        "line": None,
    }


def test_every_problem_of_the_sheet_is_a_located_warning(cli: Cli, tmp_path: Path) -> None:
    book = workbook(
        tmp_path,
        [
            ["任务代码", "状态", "状态", "证明材料", "完成日期"],
            ["T12", "已完成", None, "x", None],
            ["T01", "差不多", None, None, "2015年6月"],
            ["T1", "已完成", None, "y", None],
            [None, "进行中", None, None, None],
            ["T02", "已完成", None, "z", "2015-08-01"],
        ],
    )
    run = cli("check", book, "--format", "json", "--today", "2015-07-10", "--lang", "en")
    assert run.exit_code == 0, run.output  # warnings only
    found = [
        (i["code"], i["location"]["cell"], i["severity"], i["message"])
        for i in json.loads(run.stdout)["issues"]
    ]
    assert found == [
        ("duplicate-column", "C1", "warning", "column 状态 appears twice: B1 and C1"),
        ("task-without-code", "A5", "warning", "row 5 holds task progress but no task code; the row is not used"),
        ("unknown-task", "A2", "warning", "'T12' is not a task code of the catalogue, so the row is not used; did you mean T11?"),
        ("duplicate-task", "A4", "warning", "task T01 appears twice: 任务!A3 and 任务!A4; the first row is used"),
        ("task-status-unreadable", "B3", "warning", "'差不多' is not a task status; the task counts as not reported"),
        ("task-date-unreadable", "E3", "warning", "'2015年6月' is not a date; the completion date is not used"),
        ("task-date-in-future", "E6", "warning", "task T02 was completed on 2015-08-01, after the day of the check (2015-07-10)"),
    ]  # fmt: skip


def test_a_tasks_sheet_without_its_header_is_named(cli: Cli, tmp_path: Path) -> None:
    book = workbook(tmp_path, [["代码", "进展"], ["T01", "已完成"]])
    run = cli("check", book, "--today", "2015-07-10")
    assert run.exit_code == 0, run.output
    assert (
        f"⚠ 警告 {book}：任务  任务工作表前 20 行中没有同时含“任务代码”和“状态”的表头行，任务进展未读取  "
        "[no-tasks-header]"
    ) in run.stdout
    assert "工作任务（11）" not in run.stdout  # nothing was read, so nothing is shown


def test_two_tasks_sheets_the_first_is_read(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "two.xlsx",
        {
            "数据": data_rows(all_met()),
            "任务": [TASK_HEADER, ["T01", "已完成", "文件"]],
            "Tasks ": [TASK_HEADER, ["T01", "未开始"]],
        },
    )
    data = json.loads(cli("check", book, "--format", "json", "--today", "2015-07-10").stdout)
    assert data["tasks"][0]["status"] == "done"
    [issue] = data["issues"]
    assert (
        issue["message"] == "有多个名为“任务”或“tasks”的工作表：任务、Tasks ；只读取了第一个“任务”"
    )


def test_a_workbook_of_tasks_alone(cli: Cli, tmp_path: Path) -> None:
    # The leading group's office reports the tasks no department leads, and no figures.
    book = write_workbook(tmp_path / "office.xlsx", {"任务": [TASK_HEADER, ["T04", "进行中"]]})
    run = cli("check", book, "--format", "json", "--today", "2015-06-01")
    assert run.exit_code == 1, run.output  # every figure is missing
    data = json.loads(run.stdout)
    assert (data["sheet"], data["summary"]["missing"], data["tasks"][3]["status"]) == (
        None, N, "in_progress",
    )  # fmt: skip


def test_the_input_is_never_touched(cli: Cli, tmp_path: Path) -> None:
    from .conftest import digest

    book = workbook(tmp_path, [TASK_HEADER, ["T01", "已完成"]])
    before = digest(book)
    cli("check", book, "--fail-on-tasks", "--today", "2015-07-10")
    assert digest(book) == before
