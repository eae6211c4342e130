"""Pieces several reporters render the same way: a value as shown, a result's issues, the date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from qcity.errors import Issue, Lang, Location
from qcity.model import Indicator, Task
from qcity.render import ReportOptions, display
from qcity.results import (
    Aggregate,
    Evaluation,
    IndicatorResult,
    TaskReport,
    TaskResult,
    TaskStatus,
    summarise,
)
from qcity.values import format_decimal

if TYPE_CHECKING:
    from qcity.render.schemas.common import Scope


def value_text(result: IndicatorResult, lang: Lang) -> str:
    """The reported value as shown (`93.42%*` when computed from a fraction), or — when none."""
    return display.reported(result, lang)


def fraction_text(result: IndicatorResult) -> str | None:
    """`1121/1200` when the value came with a numerator and denominator."""
    obs = result.observation
    if obs is None or obs.numerator is None or obs.denominator is None:
        return None
    return f"{format_decimal(obs.numerator)}/{format_decimal(obs.denominator)}"


def issues_of(evaluation: Evaluation, code: str) -> list[Issue]:
    """The issues raised about the city level's indicator *code*, in reading order."""
    return [i for i in evaluation.issues if i.indicator == code and i.district is None]


def general_issues(evaluation: Evaluation) -> list[Issue]:
    """The issues about no single indicator (structure, unknown codes …)."""
    return [i for i in evaluation.issues if i.indicator is None]


def report_date(evaluation: Evaluation, options: ReportOptions) -> dt.date:
    """The date a report shows: --today when given, else the day of the check."""
    return options.today or evaluation.checked_at.date()


def issue_line(issue: Issue, lang: Lang) -> str:
    """`数据!B2: message` — where, then what."""
    where = issue.location.shown(lang)
    return f"{where}{display.COLON[lang]}{issue.message(lang)}" if where else issue.message(lang)


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
            return f"逾期完成（{day}）" if lang == "zh" else f"done late ({day})"
        return f"完成于 {day}" if lang == "zh" else f"done on {day}"
    return ""


def task_summary_text(tasks: TaskReport, lang: Lang) -> str:
    """任务:3/11 项已完成;进行中 4,未开始 2,未填报 2;逾期 8(判定日期 …,报告期 … 的最后一天)。"""
    s = tasks.summary
    sep = "，" if lang == "zh" else ", "
    day = f"{tasks.today.isoformat()}{sep}{task_day_source(tasks, lang)}"
    if lang == "zh":
        return (
            f"任务：{s.done}/{s.total} 项已完成；进行中 {s.in_progress}，未开始 {s.not_started}，"
            f"未填报 {s.unreported}；逾期 {s.overdue}（判定日期 {day}）。"
        )
    return (
        f"Tasks: {s.done}/{s.total} done; {s.in_progress} in progress, {s.not_started} not started, "
        f"{s.unreported} not reported; {s.overdue} overdue (as of {day})."
    )


def task_day_source(tasks: TaskReport, lang: Lang) -> str:
    """Where the day tasks are judged on came from: --today, --year, the 报告期, or the clock."""
    raw = tasks.today_raw or ""
    texts: dict[str, tuple[str, str]] = {
        "option": ("按 --today", "from --today"),
        "year": ("--year 所指年份的最后一天", "the last day of the --year"),
        "period": (f"报告期“{raw}”的最后一天", f'the end of the report period "{raw}"'),
        "clock": ("检查当天；可用 --today 指定", "the day of the check; set it with --today"),
    }
    zh, en = texts.get(tasks.today_source, texts["clock"])
    return zh if lang == "zh" else en


# --- scope: the lead departments a return is judged for ----------------------------------------


def scope_names(evaluation: Evaluation, lang: Lang) -> str | None:
    """The departments judged (市质监局、市建委 / their English names), None for every one."""
    scope = evaluation.scope
    if scope is None:
        return None
    if lang == "zh":
        return "、".join(scope.leads)
    names = {d.code: d.name.en for d in evaluation.catalogue.departments}
    return ", ".join(names.get(code, code) for code in scope.leads)


def scope_text(evaluation: Evaluation, lang: Lang) -> str | None:
    """范围:市质监局 牵头的 5 项指标(按模板);其余 18 项不在本次范围内。 None without a scope."""
    scope = evaluation.scope
    names = scope_names(evaluation, lang)
    if scope is None or names is None:
        return None
    n = len(scope.codes)
    if lang == "zh":
        how = "按模板" if scope.source == "stamp" else "按 --lead"
        return f"范围：{names} 牵头的 {n} 项指标（{how}）；其余 {scope.excluded} 项不在本次范围内。"
    how = "as the template was made" if scope.source == "stamp" else "from --lead"
    return (
        f"Scope: the {n} indicators led by {names} ({how}); "
        f"the other {scope.excluded} are out of scope."
    )


def scope_dict(evaluation: Evaluation) -> Scope | None:
    """The scope as the JSON reports give it (None: every indicator judged)."""
    scope = evaluation.scope
    if scope is None:
        return None
    return {
        "leads": list(scope.leads),
        "source": scope.source,
        "indicators": [r.indicator.code for r in evaluation.results],
        "excluded": scope.excluded,
    }


def task_title(result: TaskResult, lang: Lang) -> str:
    """`T01 制定质量发展规划`."""
    return f"{result.task.code} {result.task.title.get(lang)}"


def deliverables_text(task: Task, lang: Lang) -> str:
    """A task's deliverables in one line."""
    sep = "；" if lang == "zh" else "; "
    return sep.join(d.name.get(lang) for d in task.deliverables)


# --- districts ----------------------------------------------------------------------------------

DISTRICTS: dict[Lang, str] = {"zh": "区县", "en": "Districts"}
AGGREGATE: dict[Lang, str] = {"zh": "合计", "en": "Sum"}
AGGREGATE_NOTE: dict[Lang, str] = {
    "zh": "合计 = 各区县分子之和 / 分母之和；≠ 表示与全市填报值不一致",
    "en": "Sum = the districts' numerators / denominators summed; ≠ marks a sum that "
    "disagrees with the city-level figure",
}


def district_indicators(evaluation: Evaluation) -> list[Indicator]:
    """The indicators the districts of *evaluation* are judged on, in catalogue order."""
    if not evaluation.districts:
        return []
    return [r.indicator for r in evaluation.districts[0].results]


def district_issues(evaluation: Evaluation, district: str, code: str | None = None) -> list[Issue]:
    """The issues about *district*'s rows (of indicator *code* only, when given)."""
    return [
        i
        for i in evaluation.issues
        if i.district == district and (code is None or i.indicator == code)
    ]


def aggregate_text(aggregate: Aggregate | None, indicator: Indicator, lang: Lang) -> str:
    """`93.42%`, with ` ≠` when it disagrees with the city figure; empty when there is none."""
    if aggregate is None:
        return ""
    shown = display.number(aggregate.value, indicator.unit, lang, indicator.decimals)
    return f"{shown} ≠" if aggregate.consistent is False else shown


def aggregates_by_code(evaluation: Evaluation) -> dict[str, Aggregate]:
    """The aggregates of *evaluation* by indicator code."""
    return {a.indicator: a for a in evaluation.aggregates}


def districts_summary(evaluation: Evaluation, lang: Lang) -> str:
    """区县:3 个,共 6 项判定:达标 1,未达标 3,未填报 1,数据有误 1。"""
    results = [r for d in evaluation.districts for r in d.results]
    s = summarise(results)
    n = len(evaluation.districts)
    off = sum(1 for a in evaluation.aggregates if a.consistent is False)
    if lang == "zh":
        text = (
            f"区县：{n} 个，共 {s.total} 项判定：达标 {s.met}，未达标 {s.unmet}，"
            f"未填报 {s.missing}，数据有误 {s.invalid}"
        )
        return text + (f"；合计与全市填报值不一致 {off} 项。" if off else "。")
    text = (
        f"Districts: {n}, {s.total} judgements: {s.met} met, {s.unmet} unmet, "
        f"{s.missing} missing, {s.invalid} invalid"
    )
    return text + (f"; {off} sums disagree with the city-level figure." if off else ".")
