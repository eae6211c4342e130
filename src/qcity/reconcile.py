"""A derived figure against the reported one: out of its range, inconsistent with the reported
figure, or standing in for a missing one; and series whose basis (口径) went unstated."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from qcity.errors import Issue, Lang
from qcity.model import Catalogue, Indicator
from qcity.render.i18n import listing, pair
from qcity.results import Derivation, Observation
from qcity.series import known_bases
from qcity.validate import Outcome
from qcity.values import agreement_places, agrees, format_decimal, quantize


def reconcile(
    indicator: Indicator, derivation: Derivation, outcome: Outcome, catalogue: Catalogue
) -> tuple[Derivation, list[Issue]]:
    """Check a derived value against the reported one, or let it stand in for a missing one."""
    value = derivation.value
    if value is None:
        return derivation, []
    issues: list[Issue] = basis_issues(indicator, derivation, catalogue)
    first = derivation.inputs[0].location
    if not indicator.range.contains(value):
        lo = "−∞" if indicator.range.min is None else format_decimal(indicator.range.min)
        hi = "+∞" if indicator.range.max is None else format_decimal(indicator.range.max)
        shown = format_decimal(quantize(value, indicator.decimals))
        issues.append(
            Issue(
                "out-of-range",
                first,
                {"value": shown, "range": f"[{lo}, {hi}]"},
                indicator=indicator.code,
            )
        )
        outcome.invalid = True
        return derivation, issues
    reported = outcome.observation
    if outcome.invalid:
        return derivation, issues
    if reported is None:
        outcome.observation = Observation(
            value=value,
            location=first,
            raw=format_decimal(quantize(value, indicator.decimals)),
            notation="derived",
        )
        return derivation, issues
    assert isinstance(reported.value, Decimal)
    consistent = agrees(reported.value, value, indicator.decimals)
    if not consistent:
        places = agreement_places(reported.value, indicator.decimals)
        issues.append(
            Issue(
                "inconsistent-value",
                reported.location,
                {
                    "reported": reported.raw,
                    "reported_at": AT_ITS_LOCATION,  # the issue's location says where
                    "computed": format_decimal(quantize(value, max(places, 2))),
                    "computed_from": describe_inputs(derivation),
                },
                indicator=indicator.code,
            )
        )
        outcome.invalid = True
    return replace(derivation, consistent=consistent), issues


# `reported_at` of an inconsistent-value whose location is the reported cell: nothing to add.
AT_ITS_LOCATION: dict[Lang, str] = pair("reported-at-its-location")


def describe_inputs(derivation: Derivation) -> dict[Lang, str]:
    """`URBAN_INCOME/RURAL_INCOME 2015 (序列!G12, 序列!G13)`: what a derivation read, and where
    (in zh with full-width brackets and 、)."""
    codes = list(dict.fromkeys(f.series for f in derivation.inputs))
    years = sorted({f.year for f in derivation.inputs})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    cells = [f"{f.location.sheet}!{f.location.cell}" for f in derivation.inputs]
    head = f"{'/'.join(codes)} {span}"
    return pair("inputs-at", head=head, cells=listing(cells))


def basis_issues(indicator: Indicator, derivation: Derivation, catalogue: Catalogue) -> list[Issue]:
    issues: list[Issue] = []
    for code in dict.fromkeys(f.series for f in derivation.inputs):
        series = catalogue.series_by_code(code)
        figures = [f for f in derivation.inputs if f.series == code]
        if series.bases and figures[0].basis is None:
            issues.append(
                Issue(
                    "basis-unstated",
                    figures[0].location,
                    {"series": code, "known": known_bases(series), "indicator": indicator.code},
                    indicator=indicator.code,
                )
            )
    return issues
