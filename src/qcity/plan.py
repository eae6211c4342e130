"""What `qcity plan` shows: where the plan stands on a day, what is due, what is still open; pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from qcity.model import Catalogue, Department, Phase, ReportingDuty, Task
from qcity.phases import (
    Milestone,
    Position,
    ReportDue,
    Stage,
    elapsed,
    next_milestone,
    next_report,
    phase_state,
    position,
    report_window,
)
from qcity.results import Evaluation, IndicatorResult, Status, TaskResult, TaskStatus

if TYPE_CHECKING:
    from qcity.check import Settings


@dataclass(frozen=True)
class PhaseView:
    """One phase on the day: past, current or upcoming, and how much of it has passed."""

    phase: Phase
    state: Milestone  # reused for every phase: when (past/current/upcoming) and days
    elapsed: Fraction


@dataclass(frozen=True)
class DueTask:
    """A task due by the end of the phase in focus, with its result when a file was given."""

    task: Task
    result: TaskResult | None


@dataclass(frozen=True)
class Reporting:
    """A reporting duty and its next report (None once every report was due)."""

    duty: ReportingDuty
    next: ReportDue | None
    last_due: dt.date  # the due date of its final report


@dataclass(frozen=True)
class OpenItems:
    """What one lead department (None: tasks that name none) still has to close."""

    department: Department | None
    indicators: tuple[IndicatorResult, ...]  # not met: unmet, missing or invalid
    tasks: tuple[TaskResult, ...]  # not done


@dataclass(frozen=True)
class PlanView:
    """Everything `qcity plan` shows for one day (and, with a submission, what is open)."""

    catalogue: Catalogue
    today: dt.date
    position: Position | None
    phases: tuple[PhaseView, ...]
    milestone: Milestone | None
    focus: Phase | None  # the phase under way, else the next; None once the plan is over
    due: tuple[DueTask, ...]  # tasks due by the end of the focus phase
    reporting: tuple[Reporting, ...]
    evaluation: Evaluation | None = None
    open: tuple[OpenItems, ...] = ()
    lead: str | None = None

    @property
    def open_indicators(self) -> int:
        """How many indicators are still open across the departments shown."""
        return sum(len(o.indicators) for o in self.open)

    @property
    def open_tasks(self) -> int:
        """How many tasks are still open across the departments shown."""
        return sum(len(o.tasks) for o in self.open)


def build_plan_on_day(
    catalogue: Catalogue, path: Path | None, settings: Settings, lead: str | None = None
) -> PlanView:
    """`qcity plan`: the plan on --today, else the last day of --year, else the end of the
    workbook's 报告期, else the check's day; with the workbook at *path*, what is still open."""
    evaluation = None
    if path is not None:
        from qcity.check import check_file

        evaluation = check_file(path, catalogue, settings)
    day = settings.today
    if day is None and evaluation is not None and evaluation.tasks is not None:
        day = evaluation.tasks.today
    if day is None and settings.year is not None:
        day = dt.date(settings.year, 12, 31)
    day = day or (evaluation.checked_at.date() if evaluation else dt.date.today())
    return build_plan(catalogue, day, evaluation, lead)


def build_plan(
    catalogue: Catalogue,
    today: dt.date,
    evaluation: Evaluation | None = None,
    lead: str | None = None,
) -> PlanView:
    """The plan on *today*; with *evaluation*, what each lead department (only *lead*, a
    department code, when given) has still open."""
    phases = catalogue.phases
    where = position(today, phases)
    focus: Phase | None = None
    if where is not None and where.stage is not Stage.AFTER:
        focus = where.phase
    results = (
        {r.task.code: r for r in evaluation.tasks.results}
        if evaluation and evaluation.tasks
        else {}
    )
    due = tuple(
        DueTask(t, results.get(t.code))
        for t in catalogue.tasks
        if focus is not None and t.due == focus.code and (lead is None or t.lead == lead)
    )
    # The catalogue guarantees a duty without phases names its own months.
    reporting = tuple(
        Reporting(d, next_report(d, phases, today), _last_due(d, phases))
        for d in catalogue.reporting
    )
    return PlanView(
        catalogue=catalogue,
        today=today,
        position=where,
        phases=tuple(PhaseView(p, phase_state(p, today), elapsed(p, today)) for p in phases),
        milestone=next_milestone(today, phases),
        focus=focus,
        due=due,
        reporting=reporting,
        evaluation=evaluation,
        open=open_items(evaluation, lead) if evaluation is not None else (),
        lead=lead,
    )


def _last_due(duty: ReportingDuty, phases: list[Phase]) -> dt.date:
    return report_window(duty, phases)[1] + dt.timedelta(days=duty.grace_days)


def open_items(evaluation: Evaluation, lead: str | None = None) -> tuple[OpenItems, ...]:
    """Per lead department (catalogue order), the indicators not met and the tasks not done;
    tasks that name no department come last. Departments with nothing open are left out."""
    catalogue = evaluation.catalogue
    tasks = evaluation.tasks.results if evaluation.tasks else ()
    groups: list[OpenItems] = []
    for department in catalogue.departments:
        if lead is not None and department.code != lead:
            continue
        indicators = tuple(
            r
            for r in evaluation.results
            if r.indicator.lead == department.code and r.status is not Status.MET
        )
        todo = tuple(
            r for r in tasks if r.task.lead == department.code and r.status is not TaskStatus.DONE
        )
        if indicators or todo:
            groups.append(OpenItems(department, indicators, todo))
    if lead is None:
        unled = tuple(r for r in tasks if r.task.lead is None and r.status is not TaskStatus.DONE)
        if unled:
            groups.append(OpenItems(None, (), unled))
    return tuple(groups)
