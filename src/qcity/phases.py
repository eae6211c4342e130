"""The plan's timetable on a given day: the phase it is in, the next acceptance, the next reports; pure.

Everything here takes the catalogue's `phases` and `reporting` as arguments, so another city's
catalogue changes them everywhere (`qcity gaps`, `qcity plan`, the overdue tasks of `qcity check`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from qcity.model import Frequency, Phase, ReportingDuty, month_end, month_start


class When(str, enum.Enum):
    """Where today stands against a phase."""

    UPCOMING = "upcoming"  # it starts in `days` days
    CURRENT = "current"  # under way; it ends in `days` days (0 on its last day)
    PAST = "past"  # it ended `days` days ago


@dataclass(frozen=True)
class Milestone:
    """The acceptance phase that matters on a given day, and how far away it is."""

    phase: Phase
    when: When
    days: int


def phase_state(phase: Phase, today: dt.date) -> Milestone:
    """Where *today* stands against *phase*: upcoming (days to its start), current (days left)
    or past (days since its last day)."""
    if today < phase.first_day:
        return Milestone(phase, When.UPCOMING, (phase.first_day - today).days)
    if today <= phase.last_day:
        return Milestone(phase, When.CURRENT, (phase.last_day - today).days)
    return Milestone(phase, When.PAST, (today - phase.last_day).days)


def next_milestone(today: dt.date, phases: Sequence[Phase]) -> Milestone | None:
    """The current or next acceptance phase on *today*; the last one once all have passed."""
    milestones = [p for p in phases if p.milestone]
    if not milestones:
        return None
    for phase in milestones:
        state = phase_state(phase, today)
        if state.when is not When.PAST:
            return state
    return phase_state(milestones[-1], today)


class Stage(str, enum.Enum):
    """Where a day lies against the whole timetable."""

    BEFORE = "before"  # before the first phase
    DURING = "during"  # inside a phase
    BETWEEN = "between"  # after one phase and before the next
    AFTER = "after"  # after the last phase


@dataclass(frozen=True)
class Position:
    """Where the plan stands on a day.

    *phase* is the phase under way (DURING), the next one (BEFORE, BETWEEN) or the last one
    (AFTER); *days* counts to the end of the phase under way, to the start of the next one, or
    since the end of the last one. *day* is the day of the plan (the first phase's first day is
    day 1), None before it starts.
    """

    stage: Stage
    phase: Phase
    days: int
    day: int | None
    total_days: int

    @property
    def progress(self) -> Fraction:
        """How much of the whole timetable has passed: 0 before it, 1 after it."""
        if self.day is None:
            return Fraction(0)
        return min(Fraction(self.day, self.total_days), Fraction(1))


def position(today: dt.date, phases: Sequence[Phase]) -> Position | None:
    """Where *today* lies against *phases* (in order, not overlapping); None without phases."""
    if not phases:
        return None
    first, last = phases[0].first_day, phases[-1].last_day
    total = (last - first).days + 1
    day = (today - first).days + 1 if today >= first else None
    if today < first:
        return Position(Stage.BEFORE, phases[0], (first - today).days, None, total)
    if today > last:
        return Position(Stage.AFTER, phases[-1], (today - last).days, day, total)
    for phase in phases:
        if today < phase.first_day:
            return Position(Stage.BETWEEN, phase, (phase.first_day - today).days, day, total)
        if today <= phase.last_day:
            return Position(Stage.DURING, phase, (phase.last_day - today).days, day, total)
    raise AssertionError("unreachable: today lies within the timetable")


def elapsed(phase: Phase, today: dt.date) -> Fraction:
    """The share of *phase* that has passed by the end of *today*: 0 before it, 1 after it."""
    length = (phase.last_day - phase.first_day).days + 1
    done = (today - phase.first_day).days + 1
    return Fraction(max(0, min(done, length)), length)


# --- the reporting calendar (五(六)) --------------------------------------------------------------

_MONTHS: dict[Frequency, int] = {
    Frequency.MONTH: 1,
    Frequency.QUARTER: 3,
    Frequency.HALF_YEAR: 6,
    Frequency.YEAR: 12,
}


@dataclass(frozen=True)
class ReportDue:
    """One period's report of a duty: the months it covers, when it is due, and how soon."""

    duty: ReportingDuty
    first_day: dt.date  # of the period (calendar-aligned: a half year starts in January or July)
    last_day: dt.date  # of the period, cut at the end of the reporting window
    due: dt.date
    days: int  # from today to the due date (0: due today)


def report_window(duty: ReportingDuty, phases: Sequence[Phase]) -> tuple[dt.date, dt.date]:
    """The first and last day the duty reports on: its own months, else the timetable's."""
    start = duty.start or phases[0].start
    end = duty.end or phases[-1].end
    return month_start(start), month_end(end)


def report_periods(duty: ReportingDuty, phases: Sequence[Phase]) -> list[tuple[dt.date, dt.date]]:
    """Each period the duty reports on, calendar-aligned, the last one cut at the window's end."""
    first, last = report_window(duty, phases)
    step = _MONTHS[duty.every]
    # The calendar period holding the window's first month: months 1, 4, 7, 10 for quarters …
    month = (first.month - 1) // step * step + 1
    start = dt.date(first.year, month, 1)
    periods: list[tuple[dt.date, dt.date]] = []
    while start <= last:
        following = _add_months(start, step)
        periods.append((start, min(following - dt.timedelta(days=1), last)))
        start = following
    return periods


def next_report(duty: ReportingDuty, phases: Sequence[Phase], today: dt.date) -> ReportDue | None:
    """The first report of *duty* due on or after *today*; None once every one was due."""
    grace = dt.timedelta(days=duty.grace_days)
    for start, end in report_periods(duty, phases):
        due = end + grace
        if due >= today:
            return ReportDue(duty, start, end, due, (due - today).days)
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
