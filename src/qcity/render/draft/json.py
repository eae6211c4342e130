"""A drafted catalogue as JSON: the targets found, quoted and located."""

from __future__ import annotations

import json
from typing import Any

from qcity.draft import OPS, Draft
from qcity.render import Renderer, ReportOptions


class DraftJsonRenderer(Renderer[Draft]):
    """The draft as JSON, in the shape `qcity schema draft` describes."""

    suffix = ".json"

    def render(self, draft: Draft, options: ReportOptions) -> str:
        return json.dumps(draft.as_json(), ensure_ascii=False, indent=2) + "\n"


def draft_json_schema() -> dict[str, Any]:
    """The JSON Schema of `qcity catalogue draft --format json`."""
    nullable_int: dict[str, Any] = {"type": ["integer", "null"]}
    target = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "clause",
            "location",
            "name",
            "op",
            "value",
            "unit",
            "year",
            "base_year",
            "notes",
        ],
        "properties": {
            "clause": {"type": "string", "description": "the plan's words, verbatim"},
            "location": {
                "type": "object",
                "additionalProperties": False,
                "required": ["section", "line"],
                "properties": {
                    "section": {
                        "type": "string",
                        "description": "the plan's numbering, e.g. 二(一)3",
                    },
                    "line": {"type": "integer", "minimum": 1},
                },
            },
            "name": {"type": "string"},
            "op": {"enum": list(OPS)},
            "value": {
                "type": ["string", "null"],
                "pattern": r"^\d+(\.\d+)?$",
                "description": "a decimal written as text; null for yes_no and increase",
            },
            "unit": {"type": "string", "description": "as the plan writes it; empty for an index"},
            "year": nullable_int | {"description": "the horizon year (到2025年)"},
            "base_year": nullable_int | {"description": "the base year of a change (较2020年)"},
            "notes": {"type": "string"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "qcity catalogue draft",
        "type": "object",
        "additionalProperties": False,
        "required": ["plan", "targets"],
        "properties": {
            "plan": {"type": "string"},
            "targets": {"type": "array", "items": target},
        },
    }
