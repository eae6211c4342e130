"""The comparison of two submissions: `qcity diff OLD NEW --format json` (kind "diff")."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from qcity.render.schemas.common import (
    Code,
    Count,
    Issue,
    Lang,
    Location,
    Scalar,
    StatusValue,
    Text,
    closed,
)

ChangeValue = Literal["newly-unmet", "worsened", "newly-met", "improved", "unchanged"]


@closed
class DiffCatalogue(TypedDict):
    id: Text
    version: str


@closed
class Side(TypedDict):
    """One indicator in one of the two submissions."""

    status: StatusValue
    value: Scalar | None
    judged: Scalar | None
    text: Text
    location: Location | None


@closed
class Row(TypedDict):
    """One indicator of one reporting unit (and district) in both submissions."""

    unit: Text
    district: Text | None
    code: Code
    name: Text
    change: ChangeValue
    delta: float | None
    delta_text: Text | None
    old: Side
    new: Side


# The counts are keyed by the changes' names, which are not Python names.
DiffSummary = TypedDict(
    "DiffSummary",
    {
        "newly-unmet": Count,
        "worsened": Count,
        "newly-met": Count,
        "improved": Count,
        "unchanged": Count,
        "units": Count,
        "rows": Count,
        "failed": Count,
    },
)
closed(DiffSummary)


@closed
class Unmatched(TypedDict):
    """A reporting unit found on one side only."""

    unit: Text
    path: Text


@closed
class Failed(TypedDict):
    path: Text
    issues: list[Issue]


@closed
class Diff(TypedDict):
    """The output of `qcity diff OLD NEW --format json`."""

    schema_version: Literal[1]
    kind: Literal["diff"]
    catalogue: DiffCatalogue
    old: Text
    new: Text
    lang: Lang
    summary: DiffSummary
    rows: list[Row]
    only_old: list[Unmatched]
    only_new: list[Unmatched]
    failed: list[Failed]
    issues: list[Issue]
