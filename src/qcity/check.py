"""The pipeline of one check: read the workbook, validate it against the catalogue, evaluate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from qcity.derive import derive_all
from qcity.districts import add_districts
from qcity.drift import template_drift
from qcity.errors import Issue, Location, UsageError
from qcity.evaluate import evaluate
from qcity.horizons import submission_year
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
    shown_name = shown or str(path)
    if path.name.startswith("~$"):
        raise UsageError(
            Issue("lock-file", Location(file=shown_name), {"real": str(real_file_of(path))})
        )
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
        extra_issues=[*open_in_an_editor(path, shown_name), *drift, *task_issues],
        tasks=tasks,
        unit=reporting_unit(submission),
        year=submission_year(submission, year),
    )
    return add_districts(evaluation, validated)


def lock_files_of(path: Path) -> list[Path]:
    """The lock files Excel/WPS (`~$name`, or `~$` over a long name's first two characters) and
    LibreOffice (`.~lock.name#`) keep beside *path* while it is open."""
    name = path.name
    names = [f"~${name}", f"~${name[2:]}", f".~lock.{name}#"]
    return [path.with_name(n) for n in dict.fromkeys(names) if n != name]


def real_file_of(lock: Path) -> Path:
    """The workbook a `~$…` lock file stands for: `~$x.xlsx` → `x.xlsx`; for a long name, whose
    first two characters Excel replaced, the one file beside it that ends the same way."""
    rest = lock.name[2:]
    direct = lock.with_name(rest)
    if direct.exists():
        return direct
    try:
        matches = [
            p
            for p in lock.parent.iterdir()
            if p.name != lock.name and len(p.name) == len(lock.name) and p.name.endswith(rest)
        ]
    except OSError:
        matches = []
    return matches[0] if len(matches) == 1 else direct


def open_in_an_editor(path: Path, shown: str) -> list[Issue]:
    """A workbook-open warning when a lock file beside *path* says a program has it open."""
    for lock in lock_files_of(path):
        if lock.exists():
            return [Issue("workbook-open", Location(file=shown), {"lock": lock.name})]
    return []


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
