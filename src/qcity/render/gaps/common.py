"""What the formats of `qcity gaps` share: what it takes to close a gap, the list's heading and
closing line, and the milestone line `qcity plan` shows too."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from qcity.errors import Lang
from qcity.gaps import Gap, GapReport, NeedKind
from qcity.model import Indicator, Phase, Unit
from qcity.phases import Milestone, When
from qcity.render import display
from qcity.render.common import cell_ref, task_day_source, value_text
from qcity.render.display import label
from qcity.render.i18n import say
from qcity.results import Status
from qcity.values import format_decimal

SCHEMA_VERSION: Final = 1


def grouped(value: Decimal) -> str:
    """1,200 or 325.34: thousands separated, no trailing zeros."""
    text = format_decimal(value)
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{frac}"


def _terms(indicator: Indicator, lang: Lang) -> tuple[str, str]:
    if indicator.fraction is not None:
        return indicator.fraction.numerator.get(lang), indicator.fraction.denominator.get(lang)
    return say("gaps.numerator", lang), say("gaps.denominator", lang)


def need_text(gap: Gap, lang: Lang, sheet: str | None) -> str:
    """What it takes to close *gap*, in the indicator's own terms."""
    need = gap.need
    ind = gap.indicator
    if need.kind in (NeedKind.MORE, NeedKind.FEWER):
        assert need.amount is not None and need.reach is not None
        assert need.denominator is not None
        num, den = _terms(ind, lang)
        return say(
            "gaps.need.more" if need.kind is NeedKind.MORE else "gaps.need.fewer",
            lang,
            num=num,
            den=den,
            amount=grouped(need.amount),
            reach=grouped(need.reach),
            total=grouped(need.denominator),
        )
    if need.kind in (NeedKind.RAISE, NeedKind.LOWER):
        assert need.amount is not None and need.reach is not None
        amount = format_decimal(need.amount)
        reach = display.number(need.reach, ind.unit, lang)
        up = need.kind is NeedKind.RAISE
        if ind.unit is Unit.PERCENT:
            key = "gaps.need.raise-percent" if up else "gaps.need.lower-percent"
        elif ind.unit is Unit.COUNT:
            key = "gaps.need.count"
        else:
            key = "gaps.need.raise" if up else "gaps.need.lower"
        return say(key, lang, amount=amount, reach=reach)
    if need.kind is NeedKind.ANSWER:
        assert need.expected is not None
        expected = display.yes_no(need.expected, lang)
        now = display.yes_no(not need.expected, lang)
        return say("gaps.need.answer", lang, expected=expected, now=now)
    if need.kind is NeedKind.FILL:
        location = gap.result.location
        if location is not None:
            return say("gaps.need.fill-cell", lang, where=cell_ref(location))
        shown = sheet or say("gaps.need.default-sheet", lang)
        return say("gaps.need.add-row", lang, sheet=shown, code=ind.code)
    parts = [f"{issue_line_short(i, lang)} → {i.hint(lang)}" for i in gap.issues]
    if not parts:
        return say("gaps.need.check", lang)
    return say("gaps.need.separator", lang).join(parts)


def issue_line_short(issue: Any, lang: Lang) -> str:
    """`数据!B2: message` without the file name."""
    where = cell_ref(issue.location)
    return f"{where}{display.COLON[lang]}{issue.message(lang)}" if where else issue.message(lang)


def phase_label(phase: Phase, lang: Lang) -> str:
    """`四(三) 巩固提高,通过省政府预验收(2015-07-01 至 2015-07-31)`."""
    return say(
        "gaps.phase",
        lang,
        clause=phase.clause,
        name=phase.name.get(lang),
        first=phase.first_day.isoformat(),
        last=phase.last_day.isoformat(),
    )


def milestone_text(milestone: Milestone | None, lang: Lang) -> str:
    """Where the plan's acceptance phases stand on the report's day."""
    if milestone is None:
        return ""
    key = {
        When.UPCOMING: "gaps.milestone.upcoming",
        When.CURRENT: "gaps.milestone.current",
        When.PAST: "gaps.milestone.past",
    }[milestone.when]
    return say(key, lang, name=phase_label(milestone.phase, lang), days=milestone.days)


def status_label(status: Status, lang: Lang) -> str:
    """✘ 未达标 …"""
    return f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"


def counts_text(report: GapReport, lang: Lang) -> str:
    """The closing line: how many gaps of each kind."""
    gaps = report.gaps
    if not gaps and not report.other_issues:
        return say("gaps.nothing", lang)
    errors, warnings = report.issue_counts()
    return say(
        "gaps.counts",
        lang,
        gaps=len(gaps),
        unmet=report.count(Status.UNMET),
        missing=report.count(Status.MISSING),
        invalid=report.count(Status.INVALID),
        other=len(report.other_issues),
        errors=errors,
        warnings=warnings,
    )


def title_text(report: GapReport, lang: Lang) -> str:
    """`查漏补缺清单 · 西安市…方案（市政办发〔2014〕27号）`."""
    meta = report.evaluation.catalogue.catalogue
    return f"{say('gaps.title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}"


def day_text(report: GapReport, lang: Lang) -> str:
    """The list's date, and where it came from when it is the tasks' day (--today, --year, the
    报告期): `2015-12-31（报告期“2015年”的最后一天）`."""
    tasks = report.evaluation.tasks
    day = report.today.isoformat()
    if tasks is None or tasks.today != report.today or tasks.today_source == "clock":
        return day
    return display.bracketed(day, task_day_source(tasks, lang), lang)


def gap_headline(gap: Gap, lang: Lang) -> str:
    """`PRD-02 城市… · 93.42%* / 目标 ≥ 94% · −0.58 个百分点`"""
    ind = gap.indicator
    r = gap.result
    parts = [f"{ind.code} {ind.name.get(lang)}"]
    figures = f"{label('target', lang)} {display.target(ind, lang)}"
    if r.observation is not None:
        figures = f"{value_text(r, lang)} / {figures}"
    parts.append(figures)
    if r.gap is not None:
        parts.append(display.gap(r, lang))
    return " · ".join(parts)
