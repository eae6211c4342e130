"""The JSON report of `qcity check FILE --format json` (schema_version 1)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import Field
from typing_extensions import NotRequired, TypedDict

from qcity.render.schemas.common import (
    Aggregate,
    CatalogueMeta,
    Code,
    Count,
    Date,
    DateTime,
    District,
    Figure,
    Issue,
    Lang,
    Location,
    MeasureValue,
    OneOf,
    OpValue,
    Scalar,
    Scope,
    StatusValue,
    TaskStatusValue,
    Text,
    UnitValue,
    Year,
    closed,
)


def _derive_kinds() -> Any:
    from qcity.model import DERIVE_KINDS

    return OneOf(*DERIVE_KINDS)


@closed
class Target(TypedDict):
    op: OpValue
    value: Scalar
    tolerance: Annotated[float, Field(ge=0)] | None
    measure: MeasureValue
    base_year: Year | None
    text: Text


@closed
class Source(TypedDict):
    clause: Text
    quote: Text


@closed
class MissingFigure(TypedDict):
    """A figure of the series sheet a derivation needed but did not find (or could not read)."""

    series: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]
    year: Year
    location: Location


@closed
class SeriesFigure(MissingFigure):
    """A figure of the series sheet a derivation used."""

    value: float
    raw: str
    basis: str | None


@closed
class Derived(TypedDict):
    """How an indicator was derived from the series sheet."""

    kind: Annotated[str, _derive_kinds()]
    formula: Text
    year: Year | None
    base_year: Year | None
    value: float | None
    judged: float | None
    used_for_status: bool
    status: StatusValue | None
    consistent: bool | None
    inputs: list[SeriesFigure]
    missing: list[MissingFigure]
    unreadable: list[MissingFigure]
    steps: dict[str, float | None]
    bases: list[Text]


@closed
class Indicator(Figure):
    """One indicator of the catalogue: its figure, target and verdict."""

    code: Code
    name: Text
    name_zh: Text
    name_en: Text
    area: Code
    lead: Text
    status: StatusValue
    target: Target
    # the horizon year of the target used, when the plan sets several (到2025年, 到2027年)
    horizon: Year | None
    horizon_ahead: bool
    gap: float | None
    gap_text: Text | None
    unit: UnitValue
    decimals: Annotated[int, Field(ge=0)]
    location: Location | None
    note: str | None
    source: Source
    derived: Derived | None


@closed
class ReportYear(TypedDict):
    year: Year
    source: Annotated[str, OneOf("option", "cell", "property", "latest")]
    text: Text
    raw: str | None
    location: Location | None


@closed
class Due(TypedDict):
    phase: Code
    clause: Text
    name: Text
    date: Date


@closed
class Task(TypedDict):
    code: Code
    title: Text
    title_zh: Text
    title_en: Text
    clause: Text
    lead: Text | None
    deliverables: Annotated[list[Text], Field(min_length=1)]
    status: TaskStatusValue
    raw: str | None
    evidence: Text | None
    completed: Date | None
    note: Text | None
    due: Due
    overdue: bool
    days_overdue: Annotated[int, Field(ge=1)] | None
    late: bool
    location: Location | None


@closed
class TaskSummary(TypedDict):
    total: Count
    done: Count
    in_progress: Count
    not_started: Count
    unreported: Count
    overdue: Count
    today: Date
    # where the day tasks are judged on came from: --today, the last day of --year, the end of
    # the workbook's 报告期 (as written in today_period), or the clock
    today_source: Annotated[str, OneOf("option", "year", "period", "clock")]
    today_period: str | None


@closed
class ReportSummary(TypedDict):
    met: Count
    unmet: Count
    missing: Count
    invalid: Count
    total: Count
    errors: Count
    warnings: Count
    vetoed: list[Code]  # the veto targets (一票否决) not met: the overall result fails


class Districts(TypedDict, total=False):
    """The keys present only for a workbook with districts (json_chunks writes each district as
    it builds it, hence an iterable)."""

    districts: Iterable[District]
    aggregates: list[Aggregate]


@closed
class Report(TypedDict):
    """The output of `qcity check FILE --format json`."""

    schema_version: Literal[1]
    catalogue: CatalogueMeta
    source: str
    sheet: str | None
    series_sheet: str | None
    report_year: ReportYear | None
    scope: Scope | None
    checked_at: DateTime
    lang: Lang
    summary: ReportSummary
    indicators: list[Indicator]
    tasks_sheet: str | None
    task_summary: TaskSummary | None
    tasks: list[Task]
    issues: list[Issue]
    districts: NotRequired[Iterable[District]]
    aggregates: NotRequired[list[Aggregate]]
