"""The self-inspection list of `qcity gaps` as JSON (schema: `qcity schema gaps`)."""

from __future__ import annotations

import json
from typing import Any

from qcity.errors import Lang
from qcity.gaps import GapReport
from qcity.render import Renderer, ReportOptions
from qcity.render.gaps.common import SCHEMA_VERSION, milestone_text, need_text
from qcity.results import Status


def gaps_dict(report: GapReport, lang: Lang) -> dict[str, Any]:
    """The JSON document of `qcity gaps --format json`."""
    from qcity.render.check.json import evaluation_dict, indicator_dict, issue_dict, json_number

    full = evaluation_dict(report.evaluation, lang)
    sheet = report.evaluation.sheet
    m = report.milestone
    return {
        "schema_version": SCHEMA_VERSION,
        "catalogue": full["catalogue"],
        "source": report.evaluation.source,
        "sheet": sheet,
        "today": report.today.isoformat(),
        "lang": lang,
        "lead": report.lead,
        "scope": full["scope"],
        "milestone": None
        if m is None
        else {
            "clause": m.phase.clause,
            "name": m.phase.name.get(lang),
            "start": m.phase.first_day.isoformat(),
            "end": m.phase.last_day.isoformat(),
            "when": m.when.value,
            "days": m.days,
            "text": milestone_text(m, lang),
        },
        "departments": [
            {
                "code": group.department.code,
                "name": group.department.name.get(lang),
                "gaps": [
                    {
                        "indicator": indicator_dict(gap.result, lang, report.evaluation.catalogue),
                        "relative_gap": json_number(gap.relative),
                        "need": {
                            "kind": gap.need.kind.value,
                            "amount": json_number(gap.need.amount),
                            "reach": json_number(gap.need.reach),
                            "numerator": json_number(gap.need.numerator),
                            "denominator": json_number(gap.need.denominator),
                            "expected": gap.need.expected,
                            "text": need_text(gap, lang, sheet),
                        },
                        "issues": [issue_dict(i, lang) for i in gap.issues],
                    }
                    for gap in group.gaps
                ],
            }
            for group in report.departments
        ],
        "other_issues": [issue_dict(i, lang) for i in report.other_issues],
        "summary": {
            "gaps": len(report.gaps),
            **{s.value: report.count(s) for s in (Status.UNMET, Status.MISSING, Status.INVALID)},
            "other_issues": len(report.other_issues),
        },
    }


class GapsJsonReporter(Renderer[GapReport]):
    """The list as JSON (schema: `qcity schema gaps`)."""

    name = "json"
    suffix = ".json"

    def render(self, report: GapReport, options: ReportOptions) -> str:
        return json.dumps(gaps_dict(report, options.lang), ensure_ascii=False, indent=2) + "\n"


def gaps_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `qcity gaps --format json`."""
    from qcity.gaps import NeedKind
    from qcity.phases import When
    from qcity.render.json_schema import COUNT, DATE, NUMBER, STRING, TEXT, closed_object, nullable
    from qcity.render.json_schema import report_json_schema as base

    report = base()
    defs = report["$defs"]
    need = closed_object(
        {
            "kind": {"enum": [k.value for k in NeedKind]},
            "amount": nullable(NUMBER),
            "reach": nullable(NUMBER),
            "numerator": nullable(NUMBER),
            "denominator": nullable(NUMBER),
            "expected": nullable({"type": "boolean"}),
            "text": TEXT,
        }
    )
    gap = closed_object(
        {
            "indicator": {"$ref": "#/$defs/indicator"},
            "relative_gap": nullable({"type": "number", "minimum": 0}),
            "need": need,
            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
        }
    )
    document = closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "catalogue": report["properties"]["catalogue"],
            "source": STRING,
            "sheet": nullable(STRING),
            "today": DATE,
            "lang": {"enum": ["zh", "en"]},
            "lead": nullable(TEXT),
            "scope": nullable(report["$defs"]["scope"]),
            "milestone": nullable(
                closed_object(
                    {
                        "clause": TEXT,
                        "name": TEXT,
                        "start": DATE,
                        "end": DATE,
                        "when": {"enum": [w.value for w in When]},
                        "days": COUNT,
                        "text": TEXT,
                    }
                )
            ),
            "departments": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": TEXT,
                        "name": TEXT,
                        "gaps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/gap"}},
                    }
                ),
            },
            "other_issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
            "summary": closed_object(
                dict.fromkeys(("gaps", "unmet", "missing", "invalid", "other_issues"), COUNT)
            ),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:qcity:schema:gaps:1",
        "title": "qcity gaps list (schema_version 1)",
        "description": "The output of `qcity gaps FILE --format json`.",
        **document,
        "$defs": {**defs, "gap": gap},
    }
