"""The self-inspection list (查漏补缺): what each lead department must close, worst first; pure."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from qcity.errors import Issue, Lang
from qcity.evaluate import judge
from qcity.model import Catalogue, Department, Indicator, Op, Unit
from qcity.phases import Milestone, next_milestone
from qcity.results import Evaluation, IndicatorResult, Status
from qcity.values import quantize, written_decimals

if TYPE_CHECKING:
    from qcity.check import Settings


class NeedKind(str, enum.Enum):
    """What closing a gap takes."""

    MORE = "more"  # more units in the numerator at the same denominator (a rate from a fraction)
    FEWER = "fewer"  # fewer units in the numerator (an upper-bound rate from a fraction)
    RAISE = "raise"  # the figure must rise by `amount` (points, ratio points, a count)
    LOWER = "lower"  # the figure must fall by `amount`
    ANSWER = "answer"  # a yes/no target: the answer must become `expected`
    FILL = "fill"  # missing: fill in a cell, or add a row
    FIX = "fix"  # invalid: correct the cells named by the issues


@dataclass(frozen=True)
class Need:
    """What it takes to close one gap, in the indicator's own terms."""

    kind: NeedKind
    amount: Decimal | None = None  # units (MORE/FEWER) or points (RAISE/LOWER)
    reach: Decimal | None = None  # the numerator (MORE/FEWER) or figure (RAISE/LOWER) to reach
    denominator: Decimal | None = None
    numerator: Decimal | None = None  # the numerator as reported
    expected: bool | None = None


@dataclass(frozen=True)
class Gap:
    """One indicator on the list: its result, how far off it is, and what closes it."""

    result: IndicatorResult
    need: Need
    relative: Decimal | None  # |gap| / |threshold|: the ordering key among unmet indicators
    issues: tuple[Issue, ...] = ()  # the error issues that make it invalid

    @property
    def indicator(self) -> Indicator:
        """The indicator."""
        return self.result.indicator


@dataclass(frozen=True)
class DepartmentGaps:
    """A lead department and its gaps, worst first."""

    department: Department
    gaps: tuple[Gap, ...]

    def count(self, status: Status) -> int:
        """How many of the department's gaps have *status*."""
        return sum(1 for g in self.gaps if g.result.status is status)


@dataclass(frozen=True)
class GapReport:
    """Everything `qcity gaps` shows: gaps by department, other data errors, the next milestone."""

    evaluation: Evaluation
    today: dt.date
    departments: tuple[DepartmentGaps, ...]
    other_issues: tuple[Issue, ...]  # errors about no indicator (only when not filtered)
    milestone: Milestone | None
    lead: str | None = None

    @property
    def gaps(self) -> list[Gap]:
        """All gaps, department by department."""
        return [g for d in self.departments for g in d.gaps]

    def count(self, status: Status) -> int:
        """How many gaps have *status*."""
        return sum(d.count(status) for d in self.departments)

    def issue_counts(self) -> tuple[int, int]:
        """The data issues in scope (the lead's indicators with --lead): errors, warnings."""
        codes = (
            None
            if self.lead is None
            else {i.code for i in self.evaluation.catalogue.indicators if i.lead == self.lead}
        )
        issues = [i for i in self.evaluation.issues if codes is None or i.indicator in codes]
        errors = sum(1 for i in issues if i.level.value == "error")
        return errors, sum(1 for i in issues if i.level.value == "warning")


_RANK = {Status.INVALID: 0, Status.MISSING: 1, Status.UNMET: 2}


def list_gaps(path: Path, catalogue: Catalogue, settings: Settings) -> GapReport:
    """`qcity gaps`: check the workbook at *path* and list its gaps, as of --today, else the
    end of --year or of the workbook's 报告期 (the day its tasks are judged on); one --lead
    keeps only that department's."""
    from qcity.check import check_file

    evaluation = check_file(path, catalogue, settings)
    report_day = evaluation.tasks.today if evaluation.tasks else None
    leads = settings.leads
    department = leads[0] if leads is not None and len(leads) == 1 else None
    day = settings.today or report_day or evaluation.checked_at.date()
    return find_gaps(evaluation, day, department)


def find_gaps(
    evaluation: Evaluation,
    today: dt.date,
    lead: str | None = None,
) -> GapReport:
    """The gaps of *evaluation* grouped by lead department (catalogue order), worst first.

    Invalid indicators come first (nothing can be judged), then missing ones, then unmet ones by
    their gap relative to the target, largest first; ties keep catalogue order. *lead* is a
    department code and keeps only its indicators. The milestone comes from the catalogue's
    phases.
    """
    order = {ind.code: n for n, ind in enumerate(evaluation.catalogue.indicators)}
    groups: list[DepartmentGaps] = []
    for department in evaluation.catalogue.departments:
        if lead is not None and department.code != lead:
            continue
        gaps = [
            gap_of(r, evaluation)
            for r in evaluation.results
            if r.indicator.lead == department.code and r.status is not Status.MET
        ]
        gaps.sort(
            key=lambda g: (
                _RANK[g.result.status],
                -(g.relative if g.relative is not None else Decimal(0)),
                order[g.indicator.code],
            )
        )
        if gaps:
            groups.append(DepartmentGaps(department, tuple(gaps)))
    other = (
        ()
        if lead is not None
        else tuple(i for i in evaluation.issues if i.indicator is None and i.level.value == "error")
    )
    return GapReport(
        evaluation=evaluation,
        today=today,
        departments=tuple(groups),
        other_issues=other,
        milestone=next_milestone(today, evaluation.catalogue.phases),
        lead=lead,
    )


def gap_of(result: IndicatorResult, evaluation: Evaluation) -> Gap:
    """What closing the gap of one indicator (not met) takes."""
    if result.status is Status.INVALID:
        issues = tuple(
            i
            for i in evaluation.issues
            if i.indicator == result.indicator.code
            and i.district is None
            and i.level.value == "error"
        )
        return Gap(result, Need(NeedKind.FIX), None, issues)
    if result.status is Status.MISSING:
        return Gap(result, Need(NeedKind.FILL), None)
    return Gap(result, need_of(result), relative_gap(result))


def relative_gap(result: IndicatorResult) -> Decimal | None:
    """How far off an unmet figure is, as a share of its threshold (a yes/no miss counts as 1)."""
    ind = result.indicator
    if ind.target.op is Op.IS:
        return Decimal(1)
    if result.gap is None:
        return None
    threshold = abs(quantize(ind.target.threshold, ind.decimals))
    return abs(result.gap) / threshold if threshold else abs(result.gap)


def need_of(result: IndicatorResult) -> Need:
    """For an unmet figure: units to add (a fraction), points to gain or lose, or the answer."""
    ind = result.indicator
    target = ind.target
    if target.op is Op.IS:
        assert isinstance(target.value, bool)
        return Need(NeedKind.ANSWER, expected=target.value)
    obs = result.observation
    if (
        obs is not None
        and obs.numerator is not None
        and obs.denominator
        and ind.unit in (Unit.PERCENT, Unit.RATIO)
    ):
        units = units_to_meet(ind, obs.numerator, obs.denominator)
        if units is not None:
            kind = NeedKind.FEWER if target.op in (Op.AT_MOST, Op.LESS) else NeedKind.MORE
            reach = obs.numerator - units if kind is NeedKind.FEWER else obs.numerator + units
            return Need(
                kind,
                amount=units,
                reach=reach,
                denominator=obs.denominator,
                numerator=obs.numerator,
            )
    assert result.gap is not None
    threshold = quantize(target.threshold, ind.decimals)
    # a strict bound (高于/低于) is passed one step of the judged precision beyond it
    step = Decimal(1).scaleb(-ind.decimals) if target.op in (Op.GREATER, Op.LESS) else Decimal(0)
    if target.op in (Op.AT_MOST, Op.LESS):
        return Need(NeedKind.LOWER, amount=result.gap + step, reach=threshold - step)
    return Need(NeedKind.RAISE, amount=-result.gap + step, reach=threshold + step)


def units_to_meet(indicator: Indicator, numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """The fewest numerator units to add (or, for an upper bound, remove) at the same denominator
    for the rate to meet its target as judged (rounded half up at the indicator's decimals).

    Whole numbers when numerator and denominator are whole (batches, projects); otherwise steps
    of the finest precision they were written with (tonnes to 0.01). None when no change can
    meet it (the numerator would leave 0..denominator).
    """
    step = Decimal(1).scaleb(-max(written_decimals(numerator), written_decimals(denominator)))
    scale = Decimal(100) if indicator.unit is Unit.PERCENT else Decimal(1)
    threshold = quantize(indicator.target.threshold, indicator.decimals)
    half = Decimal(0) if indicator.exact else Decimal(5).scaleb(-indicator.decimals - 1)
    lower = indicator.target.op in (Op.AT_MOST, Op.LESS)
    # The exact boundary, then stepped to the grid and nudged until the judged value passes.
    if lower:
        bound = (threshold + half) * denominator / scale
        units = ((numerator - bound) / step).to_integral_value(ROUND_CEILING) * step
    else:
        bound = (threshold - half) * denominator / scale
        units = ((bound - numerator) / step).to_integral_value(ROUND_CEILING) * step
    units = max(units, step)

    def meets(u: Decimal) -> bool:
        n = numerator - u if lower else numerator + u
        return judge(indicator, n / denominator * scale)[0] is Status.MET

    while units > step and meets(units - step):
        units -= step
    for _ in range(3):
        if meets(units):
            break
        units += step
    new = numerator - units if lower else numerator + units
    if not meets(units) or new < 0 or (indicator.unit is Unit.PERCENT and new > denominator):
        return None
    return units


def department_label(department: Department, lang: Lang) -> str:
    """`市建委 西安市城乡建设委员会` (the code, then the full name when it differs)."""
    name = department.name.get(lang)
    return department.code if name == department.code else f"{department.code} {name}"
