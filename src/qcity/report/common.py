"""Pieces several reporters render the same way: a value as shown, a result's issues, the date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from qcity import display
from qcity.errors import Issue, Lang, Location
from qcity.model import Evaluation, IndicatorResult
from qcity.report import ReportOptions
from qcity.values import format_decimal


def value_text(result: IndicatorResult, lang: Lang) -> str:
    """The reported value as shown (`93.42%*` when computed from a fraction), or — when none."""
    obs = result.observation
    if obs is None:
        return "—"
    shown = display.scalar(obs.value, result.indicator, lang)
    return f"{shown}*" if obs.computed else shown


def fraction_text(result: IndicatorResult) -> str | None:
    """`1121/1200` when the value came with a numerator and denominator."""
    obs = result.observation
    if obs is None or obs.numerator is None or obs.denominator is None:
        return None
    return f"{format_decimal(obs.numerator)}/{format_decimal(obs.denominator)}"


def issues_of(evaluation: Evaluation, code: str) -> list[Issue]:
    """The issues raised about indicator *code*, in reading order."""
    return [i for i in evaluation.issues if i.indicator == code]


def general_issues(evaluation: Evaluation) -> list[Issue]:
    """The issues about no single indicator (structure, unknown codes …)."""
    return [i for i in evaluation.issues if i.indicator is None]


def report_date(evaluation: Evaluation, options: ReportOptions) -> dt.date:
    """The date a report shows: --today when given, else the day of the check."""
    return options.today or evaluation.checked_at.date()


def issue_line(issue: Issue, lang: Lang) -> str:
    """`数据!B2: message` — where, then what."""
    where = str(issue.location)
    return f"{where}: {issue.message(lang)}" if where else issue.message(lang)


def computed_note(lang: Lang) -> str:
    """The footnote for values marked *."""
    return "* 由分子/分母计算" if lang == "zh" else "* computed from numerator / denominator"


def cell_ref(location: Location | None) -> str:
    """`数据!E5`: a location inside the file, for formats that name the file elsewhere."""
    if location is None:
        return ""
    return str(dataclasses.replace(location, file=None))
