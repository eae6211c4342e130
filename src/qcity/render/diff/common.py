"""What the formats of `qcity diff` share: marks and styles of the changes, figures, the verdict."""

from __future__ import annotations

from decimal import Decimal

from qcity.diff import Change, Diff, Row
from qcity.errors import Lang
from qcity.model import Indicator, Unit
from qcity.render import display
from qcity.render.common import value_text
from qcity.render.i18n import say
from qcity.results import IndicatorResult, Status

CHANGE_MARK: dict[Change, str] = {
    Change.NEWLY_UNMET: "⬇",
    Change.WORSENED: "↘",
    Change.NEWLY_MET: "⬆",
    Change.IMPROVED: "↗",
    Change.UNCHANGED: "=",
}
CHANGE_STYLE: dict[Change, str] = {
    Change.NEWLY_UNMET: "bold red",
    Change.WORSENED: "red",
    Change.NEWLY_MET: "bold green",
    Change.IMPROVED: "green",
    Change.UNCHANGED: "dim",
}


def change_label(change: Change, lang: Lang) -> str:
    """`新增未达标`."""
    return say(f"diff.change.{change.value}", lang)


def delta_text(delta: Decimal | None, indicator: Indicator, lang: Lang) -> str:
    """`+0.4 个百分点`, `−2 个`, `+0.13`: the change of the judged figure in its unit."""
    if delta is None:
        return ""
    shown = display.signed(delta)
    if indicator.unit is Unit.PERCENT:
        return say("diff.delta.percent", lang, delta=shown)
    if indicator.unit is Unit.COUNT:
        return say("diff.delta.count", lang, delta=shown)
    return shown


def status_text(status: Status, lang: Lang) -> str:
    """`✔ 达标`."""
    return f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"


def change_text(change: Change, lang: Lang) -> str:
    """`⬇ 新增未达标`."""
    return f"{CHANGE_MARK[change]} {change_label(change, lang)}"


def shown_value(result: IndicatorResult | None, lang: Lang) -> str:
    """The figure as reported, or — when there is none."""
    return value_text(result, lang) if result is not None else "—"


def counts_text(diff: Diff, lang: Lang) -> str:
    """`新增未达标 1 · 变差 2 · …`."""
    return " · ".join(f"{change_label(c, lang)} {diff.count(c)}" for c in Change)


def verdict(diff: Diff, lang: Lang) -> str:
    """The closing line: how many regressions, and what could not be compared."""
    n = len(diff.regressions)
    units = len(diff.matched)
    extra = []
    if diff.failed:
        extra.append(say("diff.result.failed", lang, n=len(diff.failed)))
    if diff.issues:
        extra.append(say("diff.result.unmatched", lang, n=len(diff.issues)))
    extras = say("diff.result.extra-separator", lang).join(extra)
    return say(
        "diff.result.one" if units == 1 else "diff.result.other",
        lang,
        units=units,
        rows=len(diff.rows),
        regressions=say("diff.result.regressions", lang, n=n)
        if n
        else say("diff.result.no-regressions", lang),
        extras=say("diff.result.extras", lang, extras=extras) if extra else "",
    )


def listed_rows(diff: Diff, changed_only: bool) -> list[Row]:
    """The rows a report lists: every row, or only those that changed."""
    return [r for r in diff.rows if not (changed_only and r.change is Change.UNCHANGED)]
