"""The work plan of `qcity plan [FILE] --format json` (schema_version 1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict

from qcity.render.schemas.common import (
    CatalogueMeta,
    Code,
    Count,
    Date,
    Lang,
    TaskStatusValue,
    Text,
    closed,
)
from qcity.render.schemas.gaps import WhenValue
from qcity.render.schemas.report import Indicator, Task

StageValue = Literal["before", "during", "between", "after"]
FrequencyValue = Literal["month", "quarter", "half_year", "year"]


@closed
class Position(TypedDict):
    """Where today falls in the plan's phases."""

    stage: StageValue
    phase: Code
    days: Count
    day: Annotated[int, Field(ge=1)] | None
    total_days: Annotated[int, Field(ge=1)]
    text: Text


@closed
class Milestone(TypedDict):
    phase: Code
    when: WhenValue
    days: Count
    text: Text


@closed
class PlanPhase(TypedDict):
    code: Code
    clause: Text
    name: Text
    quote: Text
    start: Date
    end: Date
    milestone: bool
    state: WhenValue
    days: Count
    elapsed: Annotated[float, Field(ge=0, le=1)]
    produces: list[Text]


@closed
class DueTask(TypedDict):
    code: Code
    title: Text
    lead: Text | None
    deliverables: list[Text]
    status: TaskStatusValue | None


@closed
class NextReport(TypedDict):
    period: Text
    start: Date
    end: Date
    due: Date
    days: Count


@closed
class Reporting(TypedDict):
    code: Code
    name: Text
    every: FrequencyValue
    to: Text | None
    next: NextReport | None
    last_due: Date
    text: Text


@closed
class OpenGroup(TypedDict):
    """A lead department's open indicators and tasks (department None: no lead)."""

    department: Text | None
    name: Text
    indicators: list[Indicator]
    tasks: list[Task]


@closed
class PlanSummary(TypedDict):
    open_indicators: Count
    open_tasks: Count


@closed
class Plan(TypedDict):
    """The output of `qcity plan [FILE] --format json`."""

    schema_version: Literal[1]
    catalogue: CatalogueMeta
    today: Date
    lang: Lang
    lead: Text | None
    position: Position | None
    milestone: Milestone | None
    phases: list[PlanPhase]
    focus: Code | None
    due: list[DueTask]
    reporting: list[Reporting]
    source: str | None
    open: list[OpenGroup] | None
    summary: PlanSummary | None
