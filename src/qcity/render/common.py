"""Pieces several reporters render the same way: a value as shown, a result's issues, the date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from qcity.errors import Issue, Lang, Location
from qcity.model import Indicator, Task
from qcity.render import ReportOptions, display
from qcity.render.i18n import LIST_SEPARATOR, say, words
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
    return say("computed-note", lang)


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
        return say("days-overdue", lang, days=result.days_overdue)
    if result.status is TaskStatus.DONE and result.completed is not None:
        day = result.completed.isoformat()
        if result.late:
            return say("done-late", lang, day=day)
        return say("done-on", lang, day=day)
    return ""


def task_summary_text(tasks: TaskReport, lang: Lang) -> str:
    """任务:3/11 项已完成;进行中 4,未开始 2,未填报 2;逾期 8(判定日期 …,报告期 … 的最后一天)。"""
    s = tasks.summary
    day = f"{tasks.today.isoformat()}{say('sep-comma', lang)}{task_day_source(tasks, lang)}"
    return say(
        "tasks-summary",
        lang,
        done=s.done,
        total=s.total,
        in_progress=s.in_progress,
        not_started=s.not_started,
        unreported=s.unreported,
        overdue=s.overdue,
        day=day,
    )


def task_day_source(tasks: TaskReport, lang: Lang) -> str:
    """Where the day tasks are judged on came from: --today, --year, the 报告期, or the clock."""
    source = tasks.today_source
    key = f"day-from-{source if source in ('option', 'year', 'period') else 'clock'}"
    return say(key, lang, raw=tasks.today_raw or "")


# --- scope: the lead departments a return is judged for ----------------------------------------


def scope_names(evaluation: Evaluation, lang: Lang) -> str | None:
    """The departments judged (市质监局、市建委 / their English names), None for every one."""
    scope = evaluation.scope
    if scope is None:
        return None
    # the code in zh (市质监局), the English name in en
    return LIST_SEPARATOR[lang].join(
        display.lead_name(evaluation.catalogue, code, lang) for code in scope.leads
    )


def scope_text(evaluation: Evaluation, lang: Lang) -> str | None:
    """范围:市质监局 牵头的 5 项指标(按模板);其余 18 项不在本次范围内。 None without a scope."""
    scope = evaluation.scope
    names = scope_names(evaluation, lang)
    if scope is None or names is None:
        return None
    how = say("scope-from-stamp" if scope.source == "stamp" else "scope-from-lead", lang)
    return say("scope", lang, names=names, n=len(scope.codes), how=how, excluded=scope.excluded)


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
    return say("sep-clause", lang).join(d.name.get(lang) for d in task.deliverables)


# --- districts ----------------------------------------------------------------------------------

DISTRICTS: dict[Lang, str] = words("districts")
AGGREGATE: dict[Lang, str] = words("aggregate")
AGGREGATE_NOTE: dict[Lang, str] = words("aggregate-note")


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
    text = say(
        "districts-summary",
        lang,
        n=n,
        total=s.total,
        met=s.met,
        unmet=s.unmet,
        missing=s.missing,
        invalid=s.invalid,
    )
    return text + (say("districts-disagree", lang, off=off) if off else say("full-stop", lang))
