"""Districts inside one workbook: each judged like the city, percentages summed over them; pure."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from qcity.errors import Issue
from qcity.evaluate import judge, judge_outcome
from qcity.model import Indicator, Unit
from qcity.render.i18n import pair
from qcity.results import Aggregate, District, Evaluation, IndicatorResult
from qcity.validate import Outcome, Validated
from qcity.values import agreement_places, agrees, format_decimal, quantize

HUNDRED = Decimal(100)


def add_districts(evaluation: Evaluation, validated: Validated) -> Evaluation:
    """*evaluation* with its districts judged and its percentages aggregated over them.

    A district is judged on the indicators that any district reports (one it lacks is missing).
    A percentage for which every district reporting it gives a numerator and a denominator is
    aggregated as Σ numerators / Σ denominators × 100 and compared with the city-level figure at
    the precision that figure was written with (at most the judged precision): a disagreement is
    an `inconsistent-value` error at the city's cell. The city's status is left as judged.
    """
    if not validated.districts:
        return evaluation
    reported = {code for outcomes in validated.districts.values() for code in outcomes}
    scope = evaluation.scope
    indicators = [
        i
        for i in evaluation.catalogue.indicators
        if i.code in reported and (scope is None or i.code in scope.codes)
    ]
    districts = [
        District(
            name=name,
            results=[judge_outcome(i, outcomes.get(i.code) or Outcome(i)) for i in indicators],
        )
        for name, outcomes in validated.districts.items()
    ]
    city = {r.indicator.code: r for r in evaluation.results}
    aggregates: list[Aggregate] = []
    issues: list[Issue] = []
    for indicator in indicators:
        outcomes = [o[indicator.code] for o in validated.districts.values() if indicator.code in o]
        aggregate = _aggregate(indicator, outcomes, city[indicator.code])
        if aggregate is None:
            continue
        aggregates.append(aggregate)
        if aggregate.consistent is False:
            issues.append(_inconsistent(indicator, aggregate, city[indicator.code]))
    return dataclasses.replace(
        evaluation,
        districts=districts,
        aggregates=aggregates,
        issues=[*evaluation.issues, *issues],
    )


def _aggregate(
    indicator: Indicator, outcomes: list[Outcome], city: IndicatorResult
) -> Aggregate | None:
    # Summing is only meaningful for shares of counts (qualified / sampled batches); a ratio of
    # two per-capita incomes cannot be summed over districts.
    if indicator.unit is not Unit.PERCENT or not outcomes:
        return None
    numerator = denominator = Decimal(0)
    for outcome in outcomes:
        obs = None if outcome.invalid else outcome.observation
        if obs is None or obs.numerator is None or obs.denominator is None:
            return None  # a district without a usable fraction: the sum would not be the city's
        numerator += obs.numerator
        denominator += obs.denominator
    if denominator == 0:
        return None
    value = numerator / denominator * HUNDRED
    status, judged, gap = judge(indicator, value)
    assert isinstance(judged, Decimal) and gap is not None
    reported = city.observation.value if city.observation is not None else None
    figure = reported if isinstance(reported, Decimal) else None
    return Aggregate(
        indicator=indicator.code,
        districts=len(outcomes),
        numerator=numerator,
        denominator=denominator,
        value=value,
        judged=judged,
        gap=gap,
        status=status,
        city=figure,
        consistent=None if figure is None else agrees(figure, value, indicator.decimals),
    )


def _inconsistent(indicator: Indicator, aggregate: Aggregate, city: IndicatorResult) -> Issue:
    obs = city.observation
    assert obs is not None and aggregate.city is not None
    places = agreement_places(aggregate.city, indicator.decimals)
    num, den, n = (
        format_decimal(aggregate.numerator),
        format_decimal(aggregate.denominator),
        aggregate.districts,
    )
    return Issue(
        "inconsistent-value",
        obs.location,
        {
            "reported": obs.raw,
            "reported_at": pair("reported-at-its-location"),
            "computed": format_decimal(quantize(aggregate.value, max(places, 2))),
            "computed_from": pair("district-sums", n=n, numerator=num, denominator=den),
        },
        indicator=indicator.code,
    )
