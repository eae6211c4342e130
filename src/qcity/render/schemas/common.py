"""Shapes shared by the JSON documents: constrained scalars, location, issue, verdicts, districts.

Each TypedDict is the one description of a JSON object: the renderers annotate what they build
with it (mypy --strict checks the keys and their types) and `qcity schema …` generates the JSON
Schema from it with pydantic. Every object is closed (`extra='forbid'`: additionalProperties
false) and, being `total`, requires every key it declares; a key present only where it applies
is `NotRequired`.

Enumerations come in two kinds. Statuses, severities, units, operators and measures are
`Literal`s: mypy checks that the renderers' values (the core's enums) are among them, and
tests/test_schemas.py that they are exactly the enums' values. Values the core types as plain
`str` (issue codes, derivation kinds, the sources of a report year, a scope or a day) are `OneOf`:
the enumeration is written into the schema only, from the core's own constant where there is one.

Nothing the hand-written schemas (render/json_schema.py until issue 15) said is lost: they were
compared constraint by constraint when these replaced them (types, nullability, required keys,
closed objects, enumerations, patterns, bounds, formats). Only the form differs: $defs named after
the types, `anyOf` with null for a nullable value, descriptions from the docstrings.

Only `qcity schema` and the tests import this package (pydantic is imported here); the
renderers import it for type checking only.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, WithJsonSchema, with_config
from typing_extensions import NotRequired, TypedDict

from qcity.model import CODE_PATTERN

CLOSED = ConfigDict(extra="forbid")
closed = with_config(CLOSED)


def OneOf(*values: str) -> Any:
    """A string the schema restricts to *values* (the core types it as plain str)."""
    return Field(json_schema_extra={"enum": list(values)})


Text = Annotated[str, Field(min_length=1)]
Code = Annotated[str, Field(pattern=CODE_PATTERN)]
Count = Annotated[int, Field(ge=0)]
Year = Annotated[int, Field(ge=1900, le=2100)]
ExitCode = Annotated[int, Field(ge=0, le=4)]
Date = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"})]
DateTime = Annotated[
    str,
    Field(
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$",
        json_schema_extra={"format": "date-time"},
    ),
]
Version = Annotated[str, Field(pattern=r"^\d+\.\d+(\.\d+)?$")]
CellRef = Annotated[str, Field(pattern="^[A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?$")]
Notation = Annotated[str, Field(pattern="^[a-z]+(-[a-z]+)*$")]
# A figure as JSON: a number, or yes/no for a yes/no target.
Scalar = Annotated[float | bool, WithJsonSchema({"type": ["number", "boolean"]})]

Lang = Literal["zh", "en"]
StatusValue = Literal["met", "unmet", "missing", "invalid"]
SeverityValue = Literal["error", "warning", "info"]
TaskStatusValue = Literal["done", "in_progress", "not_started", "unreported"]
UnitValue = Literal[
    "percent", "ratio", "boolean", "count", "score", "index", "amount", "days",
    "concentration", "multiple",
]  # fmt: skip
OpValue = Literal["at_least", "at_most", "about", "is", "greater", "less"]
MeasureValue = Literal["level", "change", "per_year", "cumulative"]


def _issue_codes() -> Any:
    from qcity.errors import ISSUE_TYPES

    return OneOf(*ISSUE_TYPES)


IssueCode = Annotated[str, _issue_codes()]


@closed
class Location(TypedDict):
    """Where a figure or a problem is: a file, and in it a sheet and cell or a catalogue path."""

    file: str | None
    sheet: str | None
    cell: CellRef | None
    path: str | None
    line: Annotated[int, Field(ge=1)] | None


@closed
class CatalogueMeta(TypedDict):
    """Which catalogue a document was made with."""

    id: Text
    title: Text
    document: Text
    issued: Date
    version: Version


@closed
class Issue(TypedDict):
    """One located problem, rendered in the document's language."""

    code: IssueCode
    severity: SeverityValue
    indicator: Code | None
    title: Text
    message: Text
    hint: Text
    location: Location
    district: NotRequired[Text]  # only for an issue of a district's row


@closed
class Summary(TypedDict):
    """Counts of statuses."""

    met: Count
    unmet: Count
    missing: Count
    invalid: Count
    total: Count


@closed
class Scope(TypedDict):
    """The lead departments judged: only their indicators and tasks are in the report."""

    leads: Annotated[list[Text], Field(min_length=1)]
    source: Annotated[str, OneOf("option", "stamp")]  # --lead, or the template's qcity.leads
    indicators: list[Code]
    excluded: Count  # the catalogue's indicators out of scope (not counted)


@closed
class Figure(TypedDict):
    """The figure as read: value, judged value, raw text, notation, numerator, denominator."""

    value: Scalar | None
    judged: Scalar | None
    raw: str | None
    notation: Notation | None
    numerator: float | None
    denominator: float | None


@closed
class Result(Figure):
    """One indicator of a district (or of a file in a batch): figure and verdict, no catalogue text."""

    code: Code
    status: StatusValue
    gap: float | None
    gap_text: Text | None
    location: Location | None
    note: str | None


@closed
class District(TypedDict):
    """One district's verdicts."""

    name: Text
    summary: Summary
    indicators: list[Result]


@closed
class Aggregate(TypedDict):
    """A rate of counts summed over the districts, against the city's own figure."""

    code: Code
    districts: Annotated[int, Field(ge=1)]
    numerator: Annotated[float, Field(ge=0)]
    denominator: Annotated[float, Field(gt=0)]
    value: float
    judged: float
    gap: float
    status: StatusValue
    city: float | None
    consistent: bool | None
