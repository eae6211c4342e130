"""Which of an indicator's horizon targets is in force for a report year, and that year itself."""

from __future__ import annotations

from dataclasses import dataclass

from qcity.model import Indicator, Target
from qcity.values import clean_text


@dataclass(frozen=True)
class InForce:
    """The target an indicator is judged against, with its horizon year where it has several."""

    target: Target
    horizon: int | None  # None: the indicator has a single target, with no horizon year
    ahead: bool  # the report year is before the horizon: the target is still to be reached


def target_in_force(indicator: Indicator, year: int | None) -> InForce:
    """The first horizon at or after *year* (the last one once every horizon has passed).

    Without a report year, the first horizon: the nearest target a plan asks for.
    """
    if not indicator.targets:
        return InForce(indicator.target, None, False)
    chosen = indicator.targets[-1]
    if year is None:
        chosen = indicator.targets[0]
    else:
        chosen = next((t for t in indicator.targets if t.year >= year), indicator.targets[-1])
    target = Target(**{k: v for k, v in chosen if k != "year"})
    return InForce(target, chosen.year, year is not None and year < chosen.year)


def retarget(indicator: Indicator, year: int | None) -> tuple[Indicator, InForce]:
    """*indicator* with `target` set to the one in force for *year*, so every report shows the
    target that was used; an indicator without horizons is returned as it is."""
    chosen = target_in_force(indicator, year)
    if chosen.horizon is None or chosen.target == indicator.target:
        return indicator, chosen
    return indicator.model_copy(update={"target": chosen.target}), chosen


def submission_year(submission: object, option: int | None = None) -> int | None:
    """The report year of a submission without a series sheet: --year, else the 报告期 cell or
    document property (the series sheet's own resolution covers workbooks that have one)."""
    from qcity.series import year_of
    from qcity.workbook import PERIOD_NAMES

    if option is not None:
        return option
    for mark in getattr(submission, "periods", []):
        year = year_of(mark.value)
        if year is not None:
            return year
    for name, value in getattr(submission, "properties", {}).items():
        if clean_text(name).casefold() in PERIOD_NAMES:
            year = year_of(value)
            if year is not None:
                return year
    return None
