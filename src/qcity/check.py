"""The pipeline of one check: read the workbook, validate it against the catalogue, evaluate."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qcity.derive import derive_all
from qcity.districts import add_districts
from qcity.drift import KEY_LEADS, template_drift
from qcity.errors import Issue, Location, UsageError
from qcity.evaluate import evaluate
from qcity.horizons import submission_year
from qcity.model import Catalogue
from qcity.render.i18n import listing
from qcity.results import Evaluation, ReportingUnit, Scope
from qcity.tasks import assess_tasks, report_day
from qcity.validate import validate
from qcity.values import clean_text, raw_text
from qcity.workbook import Submission, read_submission
from qcity.zipguard import Limits


@dataclass(frozen=True)
class Settings:
    """What a check is given besides the workbook and the catalogue; every check of a batch
    shares them (sent once to each worker process)."""

    catalogue: Path | None = None  # the catalogue file (None: the bundled one)
    now: dt.datetime | None = None  # the check time (one for a whole batch)
    year: int | None = None  # --year
    limits: Limits | None = None  # --max-size, --max-inflated, --max-rows
    leads: tuple[str, ...] | None = None  # --lead: the departments judged (None: as stamped)
    today: dt.date | None = None  # --today: the day tasks are judged on


def check_file(
    path: Path, catalogue: Catalogue, settings: Settings, shown: str | None = None
) -> Evaluation:
    """check_workbook with *settings*."""
    return check_workbook(
        path,
        catalogue,
        shown=shown,
        now=settings.now,
        year=settings.year,
        limits=settings.limits,
        leads=settings.leads,
        today=settings.today,
    )


def check_workbook(
    path: Path,
    catalogue: Catalogue,
    *,
    shown: str | None = None,
    limits: Limits | None = None,
    now: dt.datetime | None = None,
    year: int | None = None,
    leads: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> Evaluation:
    """Check the workbook at *path*; raises InputError only when it cannot be read at all.

    *year* is the report year for derivations from the series sheet (default: the workbook's
    报告期, else the latest year holding figures). *leads* (department codes, --lead) judge only
    the indicators and tasks they lead; without it, the leads a template stamped do (UsageError
    when both are given and disagree). Tasks are judged as of *today* (--today), else the end
    of --year or of the workbook's 报告期, else the day of *now*.
    """
    shown_name = shown or str(path)
    if path.name.startswith("~$"):
        raise UsageError(
            Issue("lock-file", Location(file=shown_name), {"real": str(real_file_of(path))})
        )
    submission = read_submission(path, shown=shown, limits=limits)
    validated = validate(submission, catalogue)
    # The rows are judged from here on by their outcomes: let them go (a third of the peak
    # memory of a large workbook) before the results are built.
    submission = dataclasses.replace(submission, rows=[])
    derived = derive_all(submission, catalogue, validated, year)
    # A workbook filled in from a template of another catalogue version is judged all the
    # same (the figures are what they are), with a warning naming what changed.
    drift = template_drift(submission.properties, catalogue, submission.shown)
    scope = scope_of(submission, catalogue, leads)
    now = now or dt.datetime.now(dt.timezone.utc).astimezone()
    # Tasks are judged as of the report's day, not the system clock's.
    day = report_day(submission, today, year, now.date())
    tasks, task_issues = (
        assess_tasks(submission, catalogue, day, scope.leads if scope else None)
        if catalogue.tasks
        else (None, [])
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
        scope=scope,
    )
    return add_districts(evaluation, validated)


def stamped_leads(submission: Submission, catalogue: Catalogue) -> list[str]:
    """The lead departments a template stamped (`qcity.leads`) that the catalogue knows, in
    catalogue order; empty for a workbook of every department."""
    raw = submission.properties.get(KEY_LEADS, "")
    stamped = {clean_text(code) for code in raw.split(";") if clean_text(code)}
    return [d.code for d in catalogue.departments if d.code in stamped]


def scope_of(
    submission: Submission, catalogue: Catalogue, leads: Sequence[str] | None
) -> Scope | None:
    """The departments the workbook is judged for: *leads* (--lead), else the stamped ones;
    None for the whole catalogue. UsageError (lead-mismatch) when --lead names a department
    the template was not made for."""
    stamped = stamped_leads(submission, catalogue)
    chosen = list(leads or [])
    if chosen and stamped and not set(chosen) <= set(stamped):
        raise UsageError(
            Issue(
                "lead-mismatch",
                Location(file=submission.shown),
                {
                    "stamped": listing(stamped),
                    "given": listing(chosen, "sep-option"),
                },
            )
        )
    if not chosen and not stamped:
        return None
    picked = set(chosen or stamped)
    ordered = tuple(d.code for d in catalogue.departments if d.code in picked)
    codes = frozenset(i.code for i in catalogue.indicators if i.lead in picked)
    return Scope(
        leads=ordered,
        source="option" if chosen else "stamp",
        codes=codes,
        excluded=len(catalogue.indicators) - len(codes),
    )


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
