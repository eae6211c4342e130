"""The timetable on a day: phase arithmetic at the boundaries, the next acceptance, the reports."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from qcity.model import Catalogue, Frequency, ReportingDuty
from qcity.phases import (
    Stage,
    When,
    elapsed,
    next_milestone,
    next_report,
    phase_state,
    position,
    report_periods,
)

D = dt.date


@pytest.mark.parametrize(
    ("today", "clause", "when", "days"),
    [
        (D(2014, 3, 1), "四(三)", When.UPCOMING, 487),
        (D(2015, 6, 1), "四(三)", When.UPCOMING, 30),
        (D(2015, 6, 30), "四(三)", When.UPCOMING, 1),  # the last day of 四(二)
        (D(2015, 7, 1), "四(三)", When.CURRENT, 30),
        (D(2015, 7, 31), "四(三)", When.CURRENT, 0),  # the last day of the pre-acceptance
        (D(2015, 8, 1), "四(四)", When.CURRENT, 91),
        (D(2015, 9, 15), "四(四)", When.CURRENT, 46),
        (D(2015, 10, 31), "四(四)", When.CURRENT, 0),
        (D(2015, 11, 1), "四(四)", When.PAST, 1),  # after acceptance
        (D(2020, 1, 1), "四(四)", When.PAST, 1523),
    ],
)
def test_next_milestone(
    catalogue: Catalogue, today: dt.date, clause: str, when: When, days: int
) -> None:
    milestone = next_milestone(today, catalogue.phases)
    assert milestone is not None
    assert (milestone.phase.clause, milestone.when, milestone.days) == (clause, when, days)


def test_no_acceptance_phase_no_milestone(catalogue: Catalogue) -> None:
    plain = [p.model_copy(update={"milestone": False}) for p in catalogue.phases]
    assert next_milestone(D(2015, 7, 1), plain) is None
    assert next_milestone(D(2015, 7, 1), []) is None


def test_phase_days_come_from_whole_months(catalogue: Catalogue) -> None:
    assert [(p.code, p.first_day, p.last_day, p.milestone) for p in catalogue.phases] == [
        ("P1", D(2014, 2, 1), D(2014, 5, 31), False),
        ("P2", D(2014, 6, 1), D(2015, 6, 30), False),
        ("P3", D(2015, 7, 1), D(2015, 7, 31), True),
        ("P4", D(2015, 8, 1), D(2015, 10, 31), True),
    ]


@pytest.mark.parametrize(
    ("today", "stage", "phase", "days", "day"),
    [
        (D(2013, 12, 31), Stage.BEFORE, "P1", 32, None),  # before the plan
        (D(2014, 1, 31), Stage.BEFORE, "P1", 1, None),
        (D(2014, 2, 1), Stage.DURING, "P1", 119, 1),  # its first day
        (D(2014, 5, 31), Stage.DURING, "P1", 0, 120),  # the last day of a phase
        (D(2014, 6, 1), Stage.DURING, "P2", 394, 121),  # the next morning
        (D(2015, 6, 30), Stage.DURING, "P2", 0, 515),
        (D(2015, 10, 31), Stage.DURING, "P4", 0, 638),  # the last day of all
        (D(2015, 11, 1), Stage.AFTER, "P4", 1, 639),  # after acceptance
    ],
)
def test_position_at_the_boundaries(
    catalogue: Catalogue,
    today: dt.date,
    stage: Stage,
    phase: str,
    days: int,
    day: int | None,
) -> None:
    where = position(today, catalogue.phases)
    assert where is not None
    assert (where.stage, where.phase.code, where.days, where.day, where.total_days) == (
        stage,
        phase,
        days,
        day,
        638,
    )


def test_progress_runs_from_0_to_1(catalogue: Catalogue) -> None:
    def progress(day: dt.date) -> Fraction:
        where = position(day, catalogue.phases)
        assert where is not None
        return where.progress

    assert progress(D(2014, 1, 1)) == 0
    assert progress(D(2014, 2, 1)) == Fraction(1, 638)
    assert progress(D(2015, 10, 31)) == 1
    assert progress(D(2016, 1, 1)) == 1


def test_a_gap_between_phases_is_between(catalogue: Catalogue) -> None:
    # Another city's timetable may leave a month free between two phases.
    p1, p2 = catalogue.phases[0], catalogue.phases[1].model_copy(update={"start": "2014-07"})
    where = position(D(2014, 6, 10), [p1, p2])
    assert where is not None
    assert (where.stage, where.phase.code, where.days) == (Stage.BETWEEN, "P2", 21)


def test_no_phases_no_position() -> None:
    assert position(D(2015, 1, 1), []) is None


def test_phase_state_and_elapsed(catalogue: Catalogue) -> None:
    p3 = catalogue.phase("P3")
    assert phase_state(p3, D(2015, 6, 30)).when is When.UPCOMING
    assert (phase_state(p3, D(2015, 7, 31)).when, phase_state(p3, D(2015, 7, 31)).days) == (
        When.CURRENT,
        0,
    )
    assert phase_state(p3, D(2015, 8, 1)).when is When.PAST
    assert elapsed(p3, D(2015, 6, 30)) == 0
    assert elapsed(p3, D(2015, 7, 1)) == Fraction(1, 31)
    assert elapsed(p3, D(2015, 7, 31)) == 1
    assert elapsed(p3, D(2016, 1, 1)) == 1


# --- the reporting calendar ----------------------------------------------------------------------


def duty(catalogue: Catalogue, code: str) -> ReportingDuty:
    return next(d for d in catalogue.reporting if d.code == code)


@pytest.mark.parametrize(
    ("today", "monthly", "half_yearly"),
    [
        (D(2014, 1, 1), D(2014, 6, 30), D(2014, 6, 30)),  # before the plan: its first reports
        (D(2015, 6, 1), D(2015, 6, 30), D(2015, 6, 30)),
        (D(2015, 6, 30), D(2015, 6, 30), D(2015, 6, 30)),  # due today
        (D(2015, 7, 1), D(2015, 7, 31), D(2015, 10, 31)),  # the last half year ends with the plan
        (D(2015, 10, 31), D(2015, 10, 31), D(2015, 10, 31)),
        (D(2015, 11, 1), None, None),  # after acceptance nothing more is due
    ],
)
def test_next_reports(
    catalogue: Catalogue,
    today: dt.date,
    monthly: dt.date | None,
    half_yearly: dt.date | None,
) -> None:
    got = [
        next_report(duty(catalogue, code), catalogue.phases, today)
        for code in ("MONTHLY", "HALF-YEARLY")
    ]
    assert [r.due if r else None for r in got] == [monthly, half_yearly]
    for r in got:
        if r is not None:
            assert r.days == (r.due - today).days


def test_report_periods_are_calendar_aligned(catalogue: Catalogue) -> None:
    half = report_periods(duty(catalogue, "HALF-YEARLY"), catalogue.phases)
    assert half == [
        (D(2014, 1, 1), D(2014, 6, 30)),
        (D(2014, 7, 1), D(2014, 12, 31)),
        (D(2015, 1, 1), D(2015, 6, 30)),
        (D(2015, 7, 1), D(2015, 10, 31)),  # cut at the end of the last phase
    ]
    months = report_periods(duty(catalogue, "MONTHLY"), catalogue.phases)
    assert (len(months), months[0], months[-1]) == (
        17,
        (D(2014, 6, 1), D(2014, 6, 30)),
        (D(2015, 10, 1), D(2015, 10, 31)),
    )


def test_grace_days_and_quarters(catalogue: Catalogue) -> None:
    quarterly = duty(catalogue, "MONTHLY").model_copy(
        update={"every": Frequency.QUARTER, "grace_days": 10, "start": None}
    )
    assert report_periods(quarterly, catalogue.phases)[0] == (D(2014, 1, 1), D(2014, 3, 31))
    due = next_report(quarterly, catalogue.phases, D(2014, 4, 5))
    assert due is not None
    assert (due.first_day, due.due, due.days) == (D(2014, 1, 1), D(2014, 4, 10), 5)
    yearly = quarterly.model_copy(update={"every": Frequency.YEAR, "grace_days": 0})
    assert report_periods(yearly, catalogue.phases) == [
        (D(2014, 1, 1), D(2014, 12, 31)),
        (D(2015, 1, 1), D(2015, 10, 31)),
    ]
