"""The JSON Schema of the JSON report (schema_version 1), written out by hand so it is exact."""

from __future__ import annotations

from typing import Any

from qcity.errors import ISSUE_TYPES, Severity
from qcity.model import CODE_PATTERN, DERIVE_KINDS, Measure, Op, Unit
from qcity.results import Status, TaskStatus

SCHEMA_ID = "urn:qcity:schema:report:1"


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def closed_object(
    properties: dict[str, Any], optional: dict[str, Any] | None = None
) -> dict[str, Any]:
    # Every key is always present (null when there is nothing to say) and no other key may be;
    # *optional* keys appear only where they apply (districts), so reports without stay as they were.
    return {
        "type": "object",
        "properties": {**properties, **(optional or {})},
        "required": list(properties),
        "additionalProperties": False,
    }


STRING = {"type": "string"}
TEXT = {"type": "string", "minLength": 1}
NUMBER = {"type": "number"}
COUNT = {"type": "integer", "minimum": 0}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

LOCATION = closed_object(
    {
        "file": nullable(STRING),
        "sheet": nullable(STRING),
        "cell": nullable(
            {"type": "string", "pattern": "^[A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?$"}
        ),
        "path": nullable(STRING),
        "line": nullable({"type": "integer", "minimum": 1}),
    }
)


SUMMARY = closed_object(dict.fromkeys(("met", "unmet", "missing", "invalid", "total"), COUNT))
# One indicator of a district (or of a file in a batch): figure and verdict, no catalogue text.
RESULT = closed_object(
    {
        "code": {"type": "string", "pattern": CODE_PATTERN},
        "status": {"enum": [s.value for s in Status]},
        "value": {"type": ["number", "boolean", "null"]},
        "judged": {"type": ["number", "boolean", "null"]},
        "raw": nullable(STRING),
        "notation": nullable({"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$"}),
        "numerator": nullable(NUMBER),
        "denominator": nullable(NUMBER),
        "gap": nullable(NUMBER),
        "gap_text": nullable(TEXT),
        "location": nullable({"$ref": "#/$defs/location"}),
        "note": nullable(STRING),
    }
)


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every `qcity check --format json` document satisfies."""
    target = closed_object(
        {
            "op": {"enum": [op.value for op in Op]},
            "value": {"type": ["number", "boolean"]},
            "tolerance": nullable({"type": "number", "minimum": 0}),
            "measure": {"enum": [m.value for m in Measure]},
            "base_year": nullable({"type": "integer", "minimum": 1900, "maximum": 2100}),
            "text": TEXT,
        }
    )
    indicator = closed_object(
        {
            "code": {"type": "string", "pattern": CODE_PATTERN},
            "name": TEXT,
            "name_zh": TEXT,
            "name_en": TEXT,
            "area": {"type": "string", "pattern": CODE_PATTERN},
            "lead": TEXT,
            "status": {"enum": [s.value for s in Status]},
            "value": {"type": ["number", "boolean", "null"]},
            "judged": {"type": ["number", "boolean", "null"]},
            "raw": nullable(STRING),
            "notation": nullable({"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$"}),
            "numerator": nullable(NUMBER),
            "denominator": nullable(NUMBER),
            "target": {"$ref": "#/$defs/target"},
            # the horizon year of the target used, when the plan sets several (到2025年, 到2027年)
            "horizon": nullable({"type": "integer", "minimum": 1900, "maximum": 2100}),
            "horizon_ahead": {"type": "boolean"},
            "gap": nullable(NUMBER),
            "gap_text": nullable(TEXT),
            "unit": {"enum": [u.value for u in Unit]},
            "decimals": {"type": "integer", "minimum": 0},
            "location": nullable({"$ref": "#/$defs/location"}),
            "note": nullable(STRING),
            "source": closed_object({"clause": TEXT, "quote": TEXT}),
            "derived": nullable({"$ref": "#/$defs/derived"}),
        }
    )
    year = {"type": "integer", "minimum": 1900, "maximum": 2100}
    figure_at = {
        "series": {"type": "string", "pattern": r"^[A-Z][A-Z0-9_]*$"},
        "year": year,
        "location": {"$ref": "#/$defs/location"},
    }
    derived = closed_object(
        {
            "kind": {"enum": list(DERIVE_KINDS)},
            "formula": TEXT,
            "year": nullable(year),
            "base_year": nullable(year),
            "value": nullable(NUMBER),
            "judged": nullable(NUMBER),
            "used_for_status": {"type": "boolean"},
            "status": nullable({"enum": [s.value for s in Status]}),
            "consistent": {"type": ["boolean", "null"]},
            "inputs": {
                "type": "array",
                "items": closed_object(
                    {**figure_at, "value": NUMBER, "raw": STRING, "basis": nullable(STRING)}
                ),
            },
            "missing": {"type": "array", "items": closed_object(figure_at)},
            "unreadable": {"type": "array", "items": closed_object(figure_at)},
            "steps": {"type": "object", "additionalProperties": nullable(NUMBER)},
            "bases": {"type": "array", "items": TEXT},
        }
    )
    report_year = closed_object(
        {
            "year": year,
            "source": {"enum": ["option", "cell", "property", "latest"]},
            "text": TEXT,
            "raw": nullable(STRING),
            "location": nullable({"$ref": "#/$defs/location"}),
        }
    )
    issue = closed_object(
        {
            "code": {"enum": list(ISSUE_TYPES)},
            "severity": {"enum": [s.value for s in Severity]},
            "indicator": nullable({"type": "string", "pattern": CODE_PATTERN}),
            "title": TEXT,
            "message": TEXT,
            "hint": TEXT,
            "location": {"$ref": "#/$defs/location"},
        },
        optional={"district": TEXT},
    )
    code = {"type": "string", "pattern": CODE_PATTERN}
    task = closed_object(
        {
            "code": code,
            "title": TEXT,
            "title_zh": TEXT,
            "title_en": TEXT,
            "clause": TEXT,
            "lead": nullable(TEXT),
            "deliverables": {"type": "array", "items": TEXT, "minItems": 1},
            "status": {"enum": [s.value for s in TaskStatus]},
            "raw": nullable(STRING),
            "evidence": nullable(TEXT),
            "completed": nullable(DATE),
            "note": nullable(TEXT),
            "due": closed_object({"phase": code, "clause": TEXT, "name": TEXT, "date": DATE}),
            "overdue": {"type": "boolean"},
            "days_overdue": nullable({"type": "integer", "minimum": 1}),
            "late": {"type": "boolean"},
            "location": nullable({"$ref": "#/$defs/location"}),
        }
    )
    task_summary = closed_object(
        {
            **dict.fromkeys(
                ("total", "done", "in_progress", "not_started", "unreported", "overdue"), COUNT
            ),
            "today": DATE,
            # where the day tasks are judged on came from: --today, the last day of --year,
            # the end of the workbook's 报告期 (as written in today_period), or the clock
            "today_source": {"enum": ["option", "year", "period", "clock"]},
            "today_period": nullable(STRING),
        }
    )
    scope = closed_object(
        {
            # the lead departments judged: only their indicators and tasks are in the report
            "leads": {"type": "array", "items": TEXT, "minItems": 1},
            "source": {"enum": ["option", "stamp"]},  # --lead, or the template's qcity.leads
            "indicators": {"type": "array", "items": code},
            "excluded": COUNT,  # the catalogue's indicators out of scope (not counted)
        }
    )
    document = closed_object(
        {
            "schema_version": {"const": 1},
            "catalogue": closed_object(
                {
                    "id": TEXT,
                    "title": TEXT,
                    "document": TEXT,
                    "issued": DATE,
                    "version": {"type": "string", "pattern": r"^\d+\.\d+(\.\d+)?$"},
                }
            ),
            "source": STRING,
            "sheet": nullable(STRING),
            "series_sheet": nullable(STRING),
            "report_year": nullable({"$ref": "#/$defs/report_year"}),
            "scope": nullable({"$ref": "#/$defs/scope"}),
            "checked_at": {
                "type": "string",
                "format": "date-time",
                "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$",
            },
            "lang": {"enum": ["zh", "en"]},
            "summary": closed_object(
                {
                    **dict.fromkeys(
                        ("met", "unmet", "missing", "invalid", "total", "errors", "warnings"),
                        COUNT,
                    ),
                    # the veto targets (一票否决) not met: the overall result fails
                    "vetoed": {
                        "type": "array",
                        "items": {"type": "string", "pattern": CODE_PATTERN},
                    },
                }
            ),
            "indicators": {"type": "array", "items": {"$ref": "#/$defs/indicator"}},
            "tasks_sheet": nullable(STRING),
            "task_summary": nullable({"$ref": "#/$defs/task_summary"}),
            "tasks": {"type": "array", "items": {"$ref": "#/$defs/task"}},
            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
        },
        optional={
            "districts": {"type": "array", "items": {"$ref": "#/$defs/district"}},
            "aggregates": {"type": "array", "items": {"$ref": "#/$defs/aggregate"}},
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "qcity check report (schema_version 1)",
        "description": "The output of `qcity check FILE --format json`.",
        **document,
        "$defs": {
            "location": LOCATION,
            "target": target,
            "indicator": indicator,
            "derived": derived,
            "report_year": report_year,
            "task": task,
            "task_summary": task_summary,
            "scope": scope,
            "issue": issue,
            "result": RESULT,
            "district": closed_object(
                {
                    "name": TEXT,
                    "summary": SUMMARY,
                    "indicators": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                }
            ),
            "aggregate": closed_object(
                {
                    "code": {"type": "string", "pattern": CODE_PATTERN},
                    "districts": {"type": "integer", "minimum": 1},
                    "numerator": {"type": "number", "minimum": 0},
                    "denominator": {"type": "number", "exclusiveMinimum": 0},
                    "value": NUMBER,
                    "judged": NUMBER,
                    "gap": NUMBER,
                    "status": {"enum": [s.value for s in Status]},
                    "city": nullable(NUMBER),
                    "consistent": {"type": ["boolean", "null"]},
                }
            ),
        },
    }


BATCH_SCHEMA_ID = "urn:qcity:schema:batch:1"


def batch_json_schema() -> dict[str, Any]:
    """The JSON Schema of `qcity check FILE_OR_DIR … --format json` for a batch (kind "batch")."""
    defs = report_json_schema()["$defs"]
    counts = dict.fromkeys(("met", "unmet", "missing", "invalid", "total"), COUNT)
    code = {"type": "string", "pattern": CODE_PATTERN}
    entry = closed_object(
        {
            "path": TEXT,
            "unit": TEXT,
            "unit_source": {"enum": ["cell", "file"]},
            "unit_location": nullable({"$ref": "#/$defs/location"}),
            "status": {"enum": ["checked", "failed"]},
            "exit_code": {"type": "integer", "minimum": 0, "maximum": 4},
            "sheet": nullable(STRING),
            "report_year": nullable({"type": "integer", "minimum": 1900, "maximum": 2100}),
            "scope": nullable({"$ref": "#/$defs/scope"}),
            "summary": nullable({"$ref": "#/$defs/summary"}),
            "indicators": {"type": "array", "items": {"$ref": "#/$defs/result"}},
            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
        },
        optional={
            "districts": {"type": "array", "items": {"$ref": "#/$defs/district"}},
            "aggregates": {"type": "array", "items": {"$ref": "#/$defs/aggregate"}},
        },
    )
    document = closed_object(
        {
            "schema_version": {"const": 1},
            "kind": {"const": "batch"},
            "catalogue": report_json_schema()["properties"]["catalogue"],
            "checked_at": report_json_schema()["properties"]["checked_at"],
            "lang": {"enum": ["zh", "en"]},
            "summary": closed_object(
                {
                    **dict.fromkeys(("files", "checked", "failed", "skipped"), COUNT),
                    "exit_code": {"type": "integer", "minimum": 0, "maximum": 4},
                    **counts,
                    "errors": COUNT,
                    "warnings": COUNT,
                }
            ),
            "areas": {
                "type": "array",
                "items": closed_object({"code": code, "name": TEXT, "lead": TEXT, **counts}),
            },
            "indicators": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "name": TEXT,
                        "area": code,
                        "lead": TEXT,
                        "target": TEXT,
                        "unit": {"enum": [u.value for u in Unit]},
                    }
                ),
            },
            "files": {"type": "array", "items": {"$ref": "#/$defs/file"}},
            "skipped": {"type": "array", "items": TEXT},
            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BATCH_SCHEMA_ID,
        "title": "qcity batch report (schema_version 1)",
        "description": "The output of `qcity check FILE_OR_DIR … --format json` for several "
        "workbooks or a folder.",
        **document,
        "$defs": {
            "location": defs["location"],
            "issue": defs["issue"],
            "result": defs["result"],
            "district": defs["district"],
            "aggregate": defs["aggregate"],
            "summary": SUMMARY,
            "scope": defs["scope"],
            "file": entry,
        },
    }
