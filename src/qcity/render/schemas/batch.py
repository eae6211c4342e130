"""The JSON report of a batch: `qcity check FILE_OR_DIR … --format json` (kind "batch")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from qcity.render.schemas.common import (
    Aggregate,
    CatalogueMeta,
    Code,
    Count,
    DateTime,
    District,
    ExitCode,
    Issue,
    Lang,
    Location,
    OneOf,
    Result,
    Scope,
    Summary,
    Text,
    UnitValue,
    Year,
    closed,
)


@closed
class File(TypedDict):
    """One file of the batch: checked (its verdicts) or failed (its issues only)."""

    path: Text
    unit: Text
    unit_source: Annotated[str, OneOf("cell", "file")]
    unit_location: Location | None
    status: Annotated[str, OneOf("checked", "failed")]
    exit_code: ExitCode
    sheet: str | None
    report_year: Year | None
    scope: Scope | None
    summary: Summary | None
    indicators: list[Result]
    issues: list[Issue]
    districts: NotRequired[Iterable[District]]
    aggregates: NotRequired[list[Aggregate]]


@closed
class BatchSummary(TypedDict):
    files: Count
    checked: Count
    failed: Count
    skipped: Count
    exit_code: ExitCode
    met: Count
    unmet: Count
    missing: Count
    invalid: Count
    total: Count
    errors: Count
    warnings: Count


@closed
class Area(TypedDict):
    code: Code
    name: Text
    lead: Text
    met: Count
    unmet: Count
    missing: Count
    invalid: Count
    total: Count


@closed
class BatchIndicator(TypedDict):
    """An indicator of the catalogue, written once for every file."""

    code: Code
    name: Text
    area: Code
    lead: Text
    target: Text
    unit: UnitValue


@closed
class Batch(TypedDict):
    """The output of `qcity check FILE_OR_DIR … --format json` for several workbooks or a folder."""

    schema_version: Literal[1]
    kind: Literal["batch"]
    catalogue: CatalogueMeta
    checked_at: DateTime
    lang: Lang
    summary: BatchSummary
    areas: list[Area]
    indicators: list[BatchIndicator]
    files: list[File]
    skipped: list[Text]
    issues: list[Issue]
