"""The pipeline of one check: read the workbook, validate it against the catalogue, evaluate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from qcity.derive import derive_all
from qcity.districts import add_districts
from qcity.drift import template_drift
from qcity.errors import Issue
from qcity.evaluate import evaluate
from qcity.model import Catalogue
from qcity.package import Limits
from qcity.results import Evaluation, ReportingUnit
from qcity.tasks import assess_tasks
from qcity.validate import validate
from qcity.values import clean_text, raw_text
from qcity.workbook import Submission, read_submission


def check_workbook(
    path: Path,
    catalogue: Catalogue,
    *,
    shown: str | None = None,
    limits: Limits | None = None,
    now: dt.datetime | None = None,
    year: int | None = None,
) -> Evaluation:
    """Check the workbook at *path*; raises InputError only when it cannot be read at all.

    *year* is the report year for derivations from the series sheet (default: the workbook's
    报告期, else the latest year holding figures).
    """
    submission = read_submission(path, shown=shown, limits=limits)
    validated = validate(submission, catalogue)
    derived = derive_all(submission, catalogue, validated, year)
    # A workbook filled in from a template of another catalogue version is judged all the
    # same (the figures are what they are), with a warning naming what changed.
    drift = template_drift(submission.properties, catalogue, submission.shown)
    now = now or dt.datetime.now(dt.timezone.utc).astimezone()
    # Tasks are judged against the day of the check (--today pins it).
    tasks, task_issues = (
        assess_tasks(submission, catalogue, now.date()) if catalogue.tasks else (None, [])
    )
    evaluation = evaluate(
        catalogue,
        validated,
        source=submission.shown,
        sheet=submission.sheet,
        checked_at=now,
        derived=derived,
        extra_issues=[*drift, *task_issues],
        tasks=tasks,
        unit=reporting_unit(submission),
    )
    return add_districts(evaluation, validated)


def reporting_unit(submission: Submission) -> ReportingUnit | None:
    """The first 填报单位 / unit label above the header that has a value beside it."""
    for mark in submission.units:
        name = clean_text(raw_text(mark.value))
        if name:
            return ReportingUnit(name, mark.location)
    return None


def unreadable(
    catalogue: Catalogue, shown: str, issues: Sequence[Issue], now: dt.datetime | None = None
) -> Evaluation:
    """The evaluation of a workbook that could not be read: no results, the reasons as issues.

    Machine-readable reports (JSON, JUnit, …) render it, so that CI gets a document for every
    input; the exit code stays the reading error's.
    """
    return Evaluation(
        catalogue=catalogue,
        source=shown,
        sheet=None,
        results=[],
        issues=list(issues),
        checked_at=now or dt.datetime.now(dt.timezone.utc).astimezone(),
    )
