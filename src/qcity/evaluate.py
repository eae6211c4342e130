"""Judge each indicator: status and signed gap at the catalogue's declared precision; pure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qcity.errors import Issue
from qcity.model import Catalogue, Evaluation, Indicator, IndicatorResult, Op, Scalar, Status
from qcity.validate import Validated
from qcity.values import quantize


def judge(indicator: Indicator, value: Scalar) -> tuple[Status, Scalar, Decimal | None]:
    """Status, the value as judged, and the gap (judged value minus threshold) for one figure."""
    target = indicator.target
    if target.op is Op.IS:
        return (Status.MET if value == target.value else Status.UNMET), value, None
    assert isinstance(value, Decimal)
    judged = quantize(value, indicator.decimals)
    threshold = quantize(target.threshold, indicator.decimals)
    gap = judged - threshold
    met = judged <= threshold if target.op is Op.AT_MOST else judged >= threshold
    return (Status.MET if met else Status.UNMET), judged, gap


def evaluate(
    catalogue: Catalogue,
    validated: Validated,
    source: str,
    sheet: str | None,
    checked_at: dt.datetime | None = None,
    extra_issues: list[Issue] | None = None,
) -> Evaluation:
    """The evaluation of every catalogue indicator, in catalogue order."""
    results: list[IndicatorResult] = []
    for indicator in catalogue.indicators:
        outcome = validated.outcomes[indicator.code]
        observation = None if outcome.invalid else outcome.observation
        judged: Scalar | None = None
        gap: Decimal | None = None
        if outcome.invalid:
            status = Status.INVALID
        elif observation is None:
            status = Status.MISSING
        else:
            status, judged, gap = judge(indicator, observation.value)
        results.append(
            IndicatorResult(
                indicator=indicator,
                status=status,
                observation=observation,
                judged=judged,
                gap=gap,
                location=outcome.location,
                note=outcome.note,
            )
        )
    return Evaluation(
        catalogue=catalogue,
        source=source,
        sheet=sheet,
        results=results,
        issues=[*validated.issues, *(extra_issues or [])],
        checked_at=checked_at or dt.datetime.now(dt.timezone.utc).astimezone(),
    )
