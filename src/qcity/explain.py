"""The view of `qcity explain`: one indicator's result within the evaluation it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from qcity.results import Evaluation, IndicatorResult


@dataclass(frozen=True)
class Explanation:
    """One indicator's result, with the evaluation whose cells and issues explain it."""

    evaluation: Evaluation
    result: IndicatorResult


def find_result(evaluation: Evaluation, code: str) -> IndicatorResult | None:
    """The result of the indicator *code*, or None when the evaluation's scope left it out."""
    return next((r for r in evaluation.results if r.indicator.code == code), None)
