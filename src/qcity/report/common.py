"""Pieces several reporters render the same way: a value as shown, a result's issues, the date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from qcity import display
from qcity.errors import Issue, Lang, Location
from qcity.model import Evaluation, IndicatorResult, Task, TaskReport, TaskResult, TaskStatus
from qcity.report import ReportOptions
from qcity.values import format_decimal


def value_text(result: IndicatorResult, lang: Lang) -> str:
    """The reported value as shown (`93.42%*` when computed from a fraction), or — when none."""
    obs = result.observation
    if obs is None:
        return "—"
    shown = display.scalar(obs.value, result.indicator, lang)
    return f"{shown}*" if obs.computed else shown


def fraction_text(result: IndicatorResult) -> str | None:
    """`1121/1200` when the value came with a numerator and denominator."""
    obs = result.observation
    if obs is None or obs.numerator is None or obs.denominator is None:
        return None
    return f"{format_decimal(obs.numerator)}/{format_decimal(obs.denominator)}"


def issues_of(evaluation: Evaluation, code: str) -> list[Issue]:
    """The issues raised about indicator *code*, in reading order."""
    return [i for i in evaluation.issues if i.indicator == code]


def general_issues(evaluation: Evaluation) -> list[Issue]:
    """The issues about no single indicator (structure, unknown codes …)."""
    return [i for i in evaluation.issues if i.indicator is None]


def report_date(evaluation: Evaluation, options: ReportOptions) -> dt.date:
    """The date a report shows: --today when given, else the day of the check."""
    return options.today or evaluation.checked_at.date()


def issue_line(issue: Issue, lang: Lang) -> str:
    """`数据!B2: message` — where, then what."""
    where = str(issue.location)
    return f"{where}: {issue.message(lang)}" if where else issue.message(lang)


def computed_note(lang: Lang) -> str:
    """The footnote for values marked *."""
    return "* 由分子/分母计算" if lang == "zh" else "* computed from numerator / denominator"


def cell_ref(location: Location | None) -> str:
    """`数据!E5`: a location inside the file, for formats that name the file elsewhere."""
    if location is None:
        return ""
    return str(dataclasses.replace(location, file=None))


# --- tasks -------------------------------------------------------------------------------------


def shown_tasks(evaluation: Evaluation, options: ReportOptions) -> TaskReport | None:
    """The tasks a report shows: when the workbook has a tasks sheet, or when tasks decide the
    exit code (--fail-on-tasks); a workbook of figures alone says nothing about tasks."""
    tasks = evaluation.tasks
    if tasks is None or not tasks.results:
        return None
    return tasks if tasks.sheet is not None or options.fail_on_tasks else None


def task_status_text(result: TaskResult, lang: Lang) -> str:
    """`✔ 已完成`, `◐ 进行中` …"""
    status = result.status
    return f"{display.TASK_STATUS_MARK[status]} {display.TASK_STATUS_LABEL[status][lang]}"


def task_progress_text(result: TaskResult, lang: Lang) -> str:
    """What the deadline says about a task: overdue by N days, done late, done on a day, or nothing."""
    if result.overdue:
        return (
            f"逾期 {result.days_overdue} 天"
            if lang == "zh"
            else f"{result.days_overdue} days overdue"
        )
    if result.status is TaskStatus.DONE and result.completed is not None:
        day = result.completed.isoformat()
        if result.late:
            return f"逾期完成({day})" if lang == "zh" else f"done late ({day})"
        return f"完成于 {day}" if lang == "zh" else f"done on {day}"
    return ""


def task_summary_text(tasks: TaskReport, lang: Lang) -> str:
    """任务:3/11 项已完成;进行中 4,未开始 2,未填报 2;逾期 8。"""
    s = tasks.summary
    if lang == "zh":
        return (
            f"任务:{s.done}/{s.total} 项已完成;进行中 {s.in_progress},未开始 {s.not_started},"
            f"未填报 {s.unreported};逾期 {s.overdue}(判定日期 {tasks.today.isoformat()})。"
        )
    return (
        f"Tasks: {s.done}/{s.total} done; {s.in_progress} in progress, {s.not_started} not started, "
        f"{s.unreported} not reported; {s.overdue} overdue (as of {tasks.today.isoformat()})."
    )


def task_title(result: TaskResult, lang: Lang) -> str:
    """`T01 制定质量发展规划`."""
    return f"{result.task.code} {result.task.title.get(lang)}"


def deliverables_text(task: Task, lang: Lang) -> str:
    """A task's deliverables in one line."""
    sep = ";" if lang == "zh" else "; "
    return sep.join(d.name.get(lang) for d in task.deliverables)
