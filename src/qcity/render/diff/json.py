"""`qcity diff` as JSON (schema: `qcity schema diff`): a row per indicator, with both sides."""

from __future__ import annotations

import json
from typing import Any

from qcity.diff import Change, Diff, Row
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions
from qcity.render.check.json import SCHEMA_VERSION, issue_dict, json_number
from qcity.render.diff.common import delta_text, listed_rows, shown_value
from qcity.results import IndicatorResult, Status


def _row_dict(row: Row, lang: Lang) -> dict[str, Any]:
    def side(result: IndicatorResult | None) -> dict[str, Any]:
        obs = result.observation if result is not None else None
        judged = result.judged if result is not None else None
        return {
            "status": (result.status if result is not None else Status.MISSING).value,
            "value": (obs.value if isinstance(obs.value, bool) else json_number(obs.value))
            if obs is not None
            else None,
            "judged": judged if isinstance(judged, bool) else json_number(judged),
            "text": shown_value(result, lang),
            "location": result.location.as_dict()
            if result is not None and result.location
            else None,
        }

    return {
        "unit": row.unit,
        "district": row.district,
        "code": row.indicator.code,
        "name": row.indicator.name.get(lang),
        "change": row.change.value,
        "delta": json_number(row.delta),
        "delta_text": delta_text(row.delta, row.indicator, lang) or None,
        "old": side(row.old),
        "new": side(row.new),
    }


class DiffJsonReporter(Renderer[Diff]):
    """Machine-readable comparison (`qcity schema diff`)."""

    name = "json"

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        lang = options.lang
        meta = diff.catalogue.catalogue
        document = {
            "schema_version": SCHEMA_VERSION,
            "kind": "diff",
            "catalogue": {"id": meta.id, "version": meta.version},
            "old": diff.old,
            "new": diff.new,
            "lang": lang,
            "summary": {
                **{c.value: diff.count(c) for c in Change},
                "units": len(diff.matched),
                "rows": len(diff.rows),
                "failed": len(diff.failed),
            },
            "rows": [_row_dict(r, lang) for r in listed_rows(diff, changed_only)],
            "only_old": [{"unit": e.unit, "path": e.shown} for e in diff.only_old],
            "only_new": [{"unit": e.unit, "path": e.shown} for e in diff.only_new],
            "failed": [
                {"path": e.shown, "issues": [issue_dict(i, lang) for i in e.failure]}
                for e in diff.failed
            ],
            "issues": [issue_dict(i, lang) for i in diff.issues],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def diff_json_schema() -> dict[str, Any]:
    """The JSON Schema of `qcity diff --format json`."""
    from qcity.model import CODE_PATTERN
    from qcity.render.json_schema import (
        COUNT,
        STRING,
        TEXT,
        closed_object,
        nullable,
        report_json_schema,
    )

    defs = report_json_schema()["$defs"]
    scalar = {"type": ["number", "boolean", "null"]}
    side = closed_object(
        {
            "status": {"enum": [s.value for s in Status]},
            "value": scalar,
            "judged": scalar,
            "text": TEXT,
            "location": nullable({"$ref": "#/$defs/location"}),
        }
    )
    row = closed_object(
        {
            "unit": TEXT,
            "district": nullable(TEXT),
            "code": {"type": "string", "pattern": CODE_PATTERN},
            "name": TEXT,
            "change": {"enum": [c.value for c in Change]},
            "delta": nullable({"type": "number"}),
            "delta_text": nullable(TEXT),
            "old": {"$ref": "#/$defs/side"},
            "new": {"$ref": "#/$defs/side"},
        }
    )
    unit = closed_object({"unit": TEXT, "path": TEXT})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:qcity:schema:diff:1",
        "title": "qcity diff report (schema_version 1)",
        "description": "The output of `qcity diff OLD NEW --format json`.",
        **closed_object(
            {
                "schema_version": {"const": 1},
                "kind": {"const": "diff"},
                "catalogue": closed_object({"id": TEXT, "version": STRING}),
                "old": TEXT,
                "new": TEXT,
                "lang": {"enum": ["zh", "en"]},
                "summary": closed_object(
                    {
                        **{c.value: COUNT for c in Change},
                        "units": COUNT,
                        "rows": COUNT,
                        "failed": COUNT,
                    }
                ),
                "rows": {"type": "array", "items": {"$ref": "#/$defs/row"}},
                "only_old": {"type": "array", "items": unit},
                "only_new": {"type": "array", "items": unit},
                "failed": {
                    "type": "array",
                    "items": closed_object(
                        {
                            "path": TEXT,
                            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
                        }
                    ),
                },
                "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
            }
        ),
        "$defs": {
            "location": defs["location"],
            "issue": defs["issue"],
            "side": side,
            "row": row,
        },
    }
