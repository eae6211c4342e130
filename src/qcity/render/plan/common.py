"""What the formats of `qcity plan` share: the plan's position, phases, reporting duties and open
items as lines of text (the arithmetic is in qcity/plan.py)."""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from qcity.errors import Lang
from qcity.gaps import department_label
from qcity.model import Frequency, Phase
from qcity.phases import ReportDue, Stage, When
from qcity.plan import OpenItems, PlanView, Reporting
from qcity.render import display
from qcity.render.common import task_progress_text, value_text
from qcity.render.display import label
from qcity.render.gaps.common import phase_label
from qcity.render.i18n import say
from qcity.results import IndicatorResult, Status, TaskResult

SCHEMA_VERSION: Final = 1
BAR = 20  # characters of a phase's progress bar
TIMELINE = 60  # characters of the whole plan's bar


def counted(key: str, n: int, lang: Lang) -> str:
    """The wording *key*.one or *key*.other, as *n* asks (`1 task`, `2 tasks`)."""
    return say(f"{key}.{'one' if n == 1 else 'other'}", lang, n=n)


def span(phase: Phase, lang: Lang) -> str:
    """`2014-06-01 至 2015-06-30`."""
    return say(
        "plan.span", lang, first=phase.first_day.isoformat(), last=phase.last_day.isoformat()
    )


def bar(fraction: Fraction, width: int = BAR) -> str:
    """A progress bar: the part passed filled."""
    full = int(fraction * width)
    return "█" * full + "░" * (width - full)


def state_text(when: When, days: int, lang: Lang) -> str:
    """已结束 / 还剩 29 天 / 30 天后开始."""
    if when is When.PAST:
        return say("plan.state.past", lang)
    if when is When.CURRENT:
        if days == 0:
            return say("plan.state.last-day", lang)
        return say("plan.state.left", lang, days=days)
    return say("plan.state.starts", lang, days=days)


def position_text(view: PlanView, lang: Lang) -> str:
    """Where the plan stands: the phase under way and the days left, or before, between, after."""
    where = view.position
    if where is None:
        return say("plan.position.none", lang)
    name = phase_label(where.phase, lang)
    d = where.days
    left = state_text(When.CURRENT, d, lang) if where.stage is Stage.DURING else ""
    return say(f"plan.position.{where.stage.value}", lang, name=name, days=d, left=left)


def day_text(view: PlanView, lang: Lang) -> str:
    """`第 486/638 天(76%)`: the day of the plan."""
    where = view.position
    if where is None or where.day is None or where.stage is Stage.AFTER:
        return ""
    percent = int(where.progress * 100)
    return say("plan.day", lang, day=where.day, total=where.total_days, percent=percent)


def timeline(view: PlanView, lang: Lang) -> list[str]:
    """The whole plan as one bar, phases separated by │, with today's position marked above it."""
    where = view.position
    if where is None:
        return []
    phases = view.catalogue.phases
    first = phases[0].first_day
    total = where.total_days
    cells: list[str] = []
    passed = where.progress
    for n in range(TIMELINE):
        cells.append("█" if Fraction(n + 1, TIMELINE) <= passed else "░")
    # Each phase after the first starts at a separator drawn over its first column.
    for phase in phases[1:]:
        col = min(int(Fraction((phase.first_day - first).days, total) * TIMELINE), TIMELINE - 1)
        cells[col] = "│"
    start, end = first.isoformat(), phases[-1].last_day.isoformat()
    line = f"{start} {''.join(cells)} {end}"
    if where.stage is Stage.BEFORE:
        marker = f"▼ {say('plan.today', lang)} {view.today.isoformat()}"
        return [" " * len(start) + " " + marker, line]
    col = min(int(passed * TIMELINE), TIMELINE - 1) if where.stage is not Stage.AFTER else TIMELINE
    marker = f"▼ {say('plan.today', lang)} {view.today.isoformat()}"
    return [" " * (len(start) + 1 + col) + marker, line]


def period_text(due: ReportDue, lang: Lang) -> str:
    """The period a report covers: 2015年6月, 2015年上半年, Q2 2015 …"""
    first = due.first_day
    every = due.duty.every
    if every is Frequency.MONTH:
        return say(
            "plan.period.month",
            lang,
            year=first.year,
            month=first.month,
            month_name=first.strftime("%B"),
        )
    if every is Frequency.QUARTER:
        return say(f"plan.period.q{(first.month - 1) // 3 + 1}", lang, year=first.year)
    if every is Frequency.HALF_YEAR:
        return say(f"plan.period.h{1 if first.month <= 6 else 2}", lang, year=first.year)
    return say("plan.period.year", lang, year=first.year)


def reporting_text(item: Reporting, lang: Lang) -> str:
    """每月报送工作推进情况（五(六)）：2015年6月，2015-06-30 前报送，还有 29 天。"""
    duty = item.duty
    head = display.bracketed(duty.name.get(lang), duty.source.clause, lang)
    nxt = item.next
    if nxt is None:
        return say("plan.reporting.done", lang, head=head, last=item.last_due.isoformat())
    when = say("plan.due-today", lang) if nxt.days == 0 else say("plan.due-in", lang, days=nxt.days)
    return say(
        "plan.reporting.next",
        lang,
        head=head,
        period=period_text(nxt, lang),
        due=nxt.due.isoformat(),
        when=when,
    )


def recipients(view: PlanView, lang: Lang) -> str:
    """Who receives the reports, when the duties name one."""
    names = list(dict.fromkeys(d.to.get(lang) for d in (r.duty for r in view.reporting) if d.to))
    if not names:
        return ""
    return say("plan.recipients", lang, names=say("plan.list-separator", lang).join(names))


def indicator_line(r: IndicatorResult, lang: Lang) -> str:
    """`PRD-02 城市… · 93.42%* / 目标 ≥ 94% · −0.58 个百分点`."""
    ind = r.indicator
    figures = f"{label('target', lang)} {display.target(ind, lang)}"
    if r.observation is not None:
        figures = f"{value_text(r, lang)} / {figures}"
    parts = [f"{ind.code} {ind.name.get(lang)}", figures]
    if r.gap is not None:
        parts.append(display.gap(r, lang))
    return " · ".join(parts)


def task_line(r: TaskResult, lang: Lang) -> str:
    """`T05 显著提升产品质量 · 时限 2015-06-30 · 逾期 10 天`."""
    parts = [f"{r.task.code} {r.task.title.get(lang)}", f"{label('due', lang)} {r.due.isoformat()}"]
    progress = task_progress_text(r, lang)
    if progress:
        parts.append(progress)
    return " · ".join(parts)


def status_mark(status: Status, lang: Lang) -> str:
    """✘ 未达标 …"""
    return f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"


def group_name(group: OpenItems, lang: Lang) -> str:
    """The lead department of *group*, or that none is named."""
    if group.department is None:
        return say("plan.no-lead", lang)
    return department_label(group.department, lang)


def group_label(group: OpenItems, lang: Lang) -> str:
    """`市质监局 西安市质量技术监督局 (指标 1,任务 1)`."""
    return say(
        "plan.group",
        lang,
        name=group_name(group, lang),
        indicators=counted("plan.group.indicators", len(group.indicators), lang),
        tasks=counted("plan.group.tasks", len(group.tasks), lang),
    )


def open_total_text(view: PlanView, lang: Lang) -> str:
    """共 7 项指标、9 项任务未完成。"""
    if not view.open:
        return say("plan.nothing-open", lang)
    return say(
        "plan.open-total",
        lang,
        indicators=counted("plan.open-total.indicators", view.open_indicators, lang),
        tasks=counted("plan.open-total.tasks", view.open_tasks, lang),
    )


def focus_heading(view: PlanView, lang: Lang) -> str:
    """`本阶段应完成 · 四(三) 巩固提高… · 截至 2015-07-31`."""
    focus = view.focus
    assert focus is not None
    current = view.position is not None and view.position.stage is Stage.DURING
    key = "plan.focus" if current else "plan.next-focus"
    by = say("plan.by", lang, day=focus.last_day.isoformat())
    return f"{say(key, lang)} · {focus.clause} {focus.name.get(lang)} · {by}"


def show_milestone(view: PlanView) -> bool:
    """Whether the milestone line adds to the position line (not the same phase again)."""
    return view.milestone is not None and (
        view.position is None or view.milestone.phase.code != view.position.phase.code
    )


def header(view: PlanView, lang: Lang) -> tuple[str, str]:
    """The title line and the line under it (date, day of the plan, catalogue)."""
    meta = view.catalogue.catalogue
    title = f"{say('plan.title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}"
    where = f"{label('date', lang)}{display.COLON[lang]}{view.today.isoformat()}"
    day = day_text(view, lang)
    if day:
        where += f" · {day}"
    where += f" · {label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}"
    return title, where
