"""`qcity plan` as JSON (schema: `qcity schema plan`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from qcity.errors import Lang
from qcity.plan import PlanView
from qcity.render import Renderer, ReportOptions
from qcity.render.gaps.common import milestone_text
from qcity.render.i18n import say
from qcity.render.plan.common import SCHEMA_VERSION, period_text, position_text, reporting_text

if TYPE_CHECKING:
    from qcity.render.schemas import plan as shape


def plan_dict(view: PlanView, lang: Lang) -> shape.Plan:
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
