"""`qcity plan` as JSON (schema: `qcity schema plan`)."""

from __future__ import annotations

import json
from typing import Any

from qcity.errors import Lang
from qcity.model import Frequency
from qcity.phases import Stage, When
from qcity.plan import PlanView
from qcity.render import Renderer, ReportOptions
from qcity.render.gaps.common import milestone_text
from qcity.render.i18n import say
from qcity.render.plan.common import SCHEMA_VERSION, period_text, position_text, reporting_text


def plan_dict(view: PlanView, lang: Lang) -> dict[str, Any]:
    """The JSON document of `qcity plan --format json`."""
    from qcity.render.check.json import catalogue_meta_dict, indicator_dict, task_dict

    where = view.position
    m = view.milestone
    ev = view.evaluation
    return {
        "schema_version": SCHEMA_VERSION,
        "catalogue": catalogue_meta_dict(view.catalogue.catalogue, lang),
        "today": view.today.isoformat(),
        "lang": lang,
        "lead": view.lead,
        "position": None
        if where is None
        else {
            "stage": where.stage.value,
            "phase": where.phase.code,
            "days": where.days,
            "day": where.day,
            "total_days": where.total_days,
            "text": position_text(view, lang),
        },
        "milestone": None
        if m is None
        else {
            "phase": m.phase.code,
            "when": m.when.value,
            "days": m.days,
            "text": milestone_text(m, lang),
        },
        "phases": [
            {
                "code": pv.phase.code,
                "clause": pv.phase.clause,
                "name": pv.phase.name.get(lang),
                "quote": pv.phase.source.quote,
                "start": pv.phase.first_day.isoformat(),
                "end": pv.phase.last_day.isoformat(),
                "milestone": pv.phase.milestone,
                "state": pv.state.when.value,
                "days": pv.state.days,
                "elapsed": float(pv.elapsed),
                "produces": [d.name.get(lang) for d in pv.phase.produces],
            }
            for pv in view.phases
        ],
        "focus": None if view.focus is None else view.focus.code,
        "due": [
            {
                "code": item.task.code,
                "title": item.task.title.get(lang),
                "lead": item.task.lead,
                "deliverables": [d.name.get(lang) for d in item.task.deliverables],
                "status": item.result.status.value if item.result else None,
            }
            for item in view.due
        ],
        "reporting": [
            {
                "code": item.duty.code,
                "name": item.duty.name.get(lang),
                "every": item.duty.every.value,
                "to": item.duty.to.get(lang) if item.duty.to else None,
                "next": None
                if item.next is None
                else {
                    "period": period_text(item.next, lang),
                    "start": item.next.first_day.isoformat(),
                    "end": item.next.last_day.isoformat(),
                    "due": item.next.due.isoformat(),
                    "days": item.next.days,
                },
                "last_due": item.last_due.isoformat(),
                "text": reporting_text(item, lang),
            }
            for item in view.reporting
        ],
        "source": ev.source if ev else None,
        "open": None
        if ev is None
        else [
            {
                "department": group.department.code if group.department else None,
                "name": group.department.name.get(lang)
                if group.department
                else say("plan.no-lead", lang),
                "indicators": [indicator_dict(r, lang, ev.catalogue) for r in group.indicators],
                "tasks": [task_dict(r, lang) for r in group.tasks],
            }
            for group in view.open
        ],
        "summary": None
        if ev is None
        else {"open_indicators": view.open_indicators, "open_tasks": view.open_tasks},
    }


class PlanJsonReporter(Renderer[PlanView]):
    """The plan as JSON (schema: `qcity schema plan`)."""

    suffix = ".json"

    def render(self, view: PlanView, options: ReportOptions) -> str:
        return json.dumps(plan_dict(view, options.lang), ensure_ascii=False, indent=2) + "\n"


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `qcity plan --format json`."""
    from qcity.model import CODE_PATTERN
    from qcity.render.json_schema import COUNT, DATE, TEXT, closed_object, nullable
    from qcity.render.json_schema import report_json_schema as base
    from qcity.results import TaskStatus

    report = base()
    code = {"type": "string", "pattern": CODE_PATTERN}
    when = {"enum": [w.value for w in When]}
    document = closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "catalogue": report["properties"]["catalogue"],
            "today": DATE,
            "lang": {"enum": ["zh", "en"]},
            "lead": nullable(TEXT),
            "position": nullable(
                closed_object(
                    {
                        "stage": {"enum": [s.value for s in Stage]},
                        "phase": code,
                        "days": COUNT,
                        "day": nullable({"type": "integer", "minimum": 1}),
                        "total_days": {"type": "integer", "minimum": 1},
                        "text": TEXT,
                    }
                )
            ),
            "milestone": nullable(
                closed_object({"phase": code, "when": when, "days": COUNT, "text": TEXT})
            ),
            "phases": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "clause": TEXT,
                        "name": TEXT,
                        "quote": TEXT,
                        "start": DATE,
                        "end": DATE,
                        "milestone": {"type": "boolean"},
                        "state": when,
                        "days": COUNT,
                        "elapsed": {"type": "number", "minimum": 0, "maximum": 1},
                        "produces": {"type": "array", "items": TEXT},
                    }
                ),
            },
            "focus": nullable(code),
            "due": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "title": TEXT,
                        "lead": nullable(TEXT),
                        "deliverables": {"type": "array", "items": TEXT},
                        "status": nullable({"enum": [s.value for s in TaskStatus]}),
                    }
                ),
            },
            "reporting": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "name": TEXT,
                        "every": {"enum": [f.value for f in Frequency]},
                        "to": nullable(TEXT),
                        "next": nullable(
                            closed_object(
                                {
                                    "period": TEXT,
                                    "start": DATE,
                                    "end": DATE,
                                    "due": DATE,
                                    "days": COUNT,
                                }
                            )
                        ),
                        "last_due": DATE,
                        "text": TEXT,
                    }
                ),
            },
            "source": nullable({"type": "string"}),
            "open": nullable(
                {
                    "type": "array",
                    "items": closed_object(
                        {
                            "department": nullable(TEXT),
                            "name": TEXT,
                            "indicators": {
                                "type": "array",
                                "items": {"$ref": "#/$defs/indicator"},
                            },
                            "tasks": {"type": "array", "items": {"$ref": "#/$defs/task"}},
                        }
                    ),
                }
            ),
            "summary": nullable(closed_object({"open_indicators": COUNT, "open_tasks": COUNT})),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:qcity:schema:plan:1",
        "title": "qcity plan (schema_version 1)",
        "description": "The output of `qcity plan [FILE] --format json`.",
        **document,
        "$defs": report["$defs"],
    }
