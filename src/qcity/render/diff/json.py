"""`qcity diff` as JSON (schema: `qcity schema diff`): a row per indicator, with both sides."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from qcity.diff import Change, Diff, Row
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions
from qcity.render.check.json import SCHEMA_VERSION, issue_dict, json_number
from qcity.render.diff.common import delta_text, listed_rows, shown_value
from qcity.results import IndicatorResult, Status

if TYPE_CHECKING:
    from qcity.render.schemas import diff as shape


def _row_dict(row: Row, lang: Lang) -> shape.Row:
    def side(result: IndicatorResult | None) -> shape.Side:
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

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        lang = options.lang
        meta = diff.catalogue.catalogue
        document: shape.Diff = {
            "schema_version": SCHEMA_VERSION,
            "kind": "diff",
            "catalogue": {"id": meta.id, "version": meta.version},
            "old": diff.old,
            "new": diff.new,
            "lang": lang,
            "summary": {
                "newly-unmet": diff.count(Change.NEWLY_UNMET),
                "worsened": diff.count(Change.WORSENED),
                "newly-met": diff.count(Change.NEWLY_MET),
                "improved": diff.count(Change.IMPROVED),
                "unchanged": diff.count(Change.UNCHANGED),
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
