"""Judge each indicator: status and signed gap at the catalogue's declared precision; pure."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from qcity.errors import Issue
from qcity.model import Catalogue, Indicator, Op
from qcity.results import (
    Derivation,
    Evaluation,
    IndicatorResult,
    ReportingUnit,
    Scalar,
    Scope,
    Status,
    TaskReport,
)
from qcity.validate import Outcome, Validated
from qcity.values import quantize

if TYPE_CHECKING:
    from qcity.derive import Derived


def judge(indicator: Indicator, value: Scalar) -> tuple[Status, Scalar, Decimal | None]:
    """Status, the value as judged, and the gap (judged value minus threshold) for one figure."""
    target = indicator.target
    if target.op is Op.IS:
        return (Status.MET if value == target.value else Status.UNMET), value, None
    assert isinstance(value, Decimal)
    threshold = quantize(target.threshold, indicator.decimals)
    # 达到100% means every one: rounding 99.9975 up to 100.00 would meet it with one failure.
    judged = value if indicator.exact else quantize(value, indicator.decimals)
    gap = judged - threshold
    met = judged <= threshold if target.op is Op.AT_MOST else judged >= threshold
    if target.op is Op.GREATER:
        met = judged > threshold
    elif target.op is Op.LESS:
        met = judged < threshold
    return (Status.MET if met else Status.UNMET), judged, gap


def judge_outcome(
    indicator: Indicator, outcome: Outcome, derivation: Derivation | None = None
) -> IndicatorResult:
    """The result of one indicator from what its row (and the series sheet) gave."""
    observation = None if outcome.invalid else outcome.observation
    judged: Scalar | None = None
    gap: Decimal | None = None
    if outcome.invalid:
        status = Status.INVALID
    elif observation is None:
        status = Status.MISSING
    if observation is not None:
        value = observation.value
        # A reported figure that agrees with the figures it comes from rounds them; judging
        # the rounded figure could call 93.92% "met" against 94% because it was written as 94.
        if observation.fraction is not None:
            value = observation.fraction
        if derivation is not None and derivation.value is not None and derivation.consistent:
            value = derivation.value
        status, judged, gap = judge(indicator, value)
    derived_status: Status | None = None
    derived_judged: Decimal | None = None
    if derivation is not None and derivation.value is not None:
        derived_status, judged_value, _ = judge(indicator, derivation.value)
        assert isinstance(judged_value, Decimal)
        derived_judged = judged_value
    return IndicatorResult(
        indicator=indicator,
        status=status,
        observation=observation,
        judged=judged,
        gap=gap,
        location=outcome.location,
        note=outcome.note,
        derivation=derivation,
        derived_status=derived_status,
        derived_judged=derived_judged,
    )


def judge_in_force(
    indicator: Indicator,
    outcome: Outcome,
    derivations: dict[str, Derivation],
    year: int | None,
) -> IndicatorResult:
    """judge_outcome against the target in force for *year*, saying which horizon it was."""
    from qcity.horizons import retarget

    used, chosen = retarget(indicator, year)
    result = judge_outcome(used, outcome, derivations.get(indicator.code))
    if chosen.horizon is None:
        return result
    return dataclasses.replace(result, horizon=chosen.horizon, horizon_ahead=chosen.ahead)


def evaluate(
    catalogue: Catalogue,
    validated: Validated,
    source: str,
    sheet: str | None,
    checked_at: dt.datetime | None = None,
    extra_issues: list[Issue] | None = None,
    derived: Derived | None = None,
    tasks: TaskReport | None = None,
    unit: ReportingUnit | None = None,
    year: int | None = None,
    scope: Scope | None = None,
) -> Evaluation:
    """The evaluation of every catalogue indicator, in catalogue order (and the tasks, when
    they were assessed). An indicator with horizons is judged against the target in force for
    the report year (the series sheet's, else *year*). With a *scope*, only its indicators are
    judged, and only the issues about them (or about no indicator) are kept: the others are
    out of scope, neither counted nor listed."""
    derivations = derived.derivations if derived is not None else {}
    if derived is not None and derived.report_year is not None:
        year = derived.report_year.year
    results = [
        judge_in_force(indicator, validated.outcomes[indicator.code], derivations, year)
        for indicator in catalogue.indicators
        if scope is None or indicator.code in scope.codes
    ]
    issues = [
        *validated.issues,
        *(derived.issues if derived is not None else []),
        *(extra_issues or []),
    ]
    if scope is not None:
        issues = [i for i in issues if i.indicator is None or i.indicator in scope.codes]
    return Evaluation(
        catalogue=catalogue,
        source=source,
        sheet=sheet,
        results=results,
        issues=issues,
        checked_at=checked_at or dt.datetime.now(dt.timezone.utc).astimezone(),
        series_sheet=derived.series_sheet if derived is not None else None,
        report_year=derived.report_year if derived is not None else None,
        tasks=tasks,
        unit=unit,
        scope=scope,
    )
