"""The self-inspection list of `qcity gaps FILE --format json` (schema_version 1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict

from qcity.render.schemas.common import (
    CatalogueMeta,
    Count,
    Date,
    Issue,
    Lang,
    Scope,
    Text,
    closed,
)
from qcity.render.schemas.report import Indicator

NeedKindValue = Literal["more", "fewer", "raise", "lower", "answer", "fill", "fix"]
WhenValue = Literal["upcoming", "current", "past"]


@closed
class Need(TypedDict):
    """What it takes to close one gap, in the indicator's own terms."""

    kind: NeedKindValue
    amount: float | None
    reach: float | None
    numerator: float | None
    denominator: float | None
    expected: bool | None
    text: Text


@closed
class Gap(TypedDict):
    indicator: Indicator
    relative_gap: Annotated[float, Field(ge=0)] | None
    need: Need
    issues: list[Issue]


@closed
class Department(TypedDict):
    code: Text
    name: Text
    gaps: Annotated[list[Gap], Field(min_length=1)]


@closed
class Milestone(TypedDict):
    clause: Text
    name: Text
    start: Date
    end: Date
    when: WhenValue
    days: Count
    text: Text


@closed
class GapsSummary(TypedDict):
    gaps: Count
    unmet: Count
    missing: Count
    invalid: Count
    other_issues: Count


@closed
class Gaps(TypedDict):
    """The output of `qcity gaps FILE --format json`."""

    schema_version: Literal[1]
    catalogue: CatalogueMeta
    source: str
    sheet: str | None
    today: Date
    lang: Lang
    lead: Text | None
    scope: Scope | None
    milestone: Milestone | None
    departments: list[Department]
    other_issues: list[Issue]
    summary: GapsSummary
