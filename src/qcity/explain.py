"""The view of `qcity explain`: one indicator's result within the evaluation it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from qcity.errors import Issue, Location, UsageError
from qcity.results import Evaluation, IndicatorResult


@dataclass(frozen=True)
class Explanation:
    """One indicator's result, with the evaluation whose cells and issues explain it."""

    evaluation: Evaluation
    result: IndicatorResult


def find_result(evaluation: Evaluation, code: str) -> IndicatorResult | None:
    """The result of the indicator *code*, or None when the evaluation's scope left it out."""
    return next((r for r in evaluation.results if r.indicator.code == code), None)


def explain(evaluation: Evaluation, code: str) -> Explanation:
    """The explanation of the catalogue indicator *code* in *evaluation*; a UsageError
    (indicator-out-of-scope, exit 2) when the scope of the check left it out."""
    result = find_result(evaluation, code)
    if result is not None:
        return Explanation(evaluation, result)
    scope = evaluation.scope
    assert scope is not None  # only a scope leaves an indicator out
    chosen = next(i for i in evaluation.catalogue.indicators if i.code == code)
    codes = [r.indicator.code for r in evaluation.results]
    raise UsageError(
        Issue(
            "indicator-out-of-scope",
            Location(file=evaluation.source),
            {
                "indicator": code,
                "lead": chosen.lead,
                "scope": {"zh": "、".join(scope.leads), "en": ", ".join(scope.leads)},
                "codes": {"zh": "、".join(codes), "en": ", ".join(codes)},
            },
        )
    )
