"""The self-inspection list of `qcity gaps` as JSON (schema: `qcity schema gaps`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from qcity.errors import Lang
from qcity.gaps import GapReport
from qcity.render import Renderer, ReportOptions
from qcity.render.gaps.common import SCHEMA_VERSION, milestone_text, need_text
from qcity.results import Status

if TYPE_CHECKING:
    from qcity.render.schemas import gaps as shape


def gaps_dict(report: GapReport, lang: Lang) -> shape.Gaps:
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
            "unmet": report.count(Status.UNMET),
            "missing": report.count(Status.MISSING),
            "invalid": report.count(Status.INVALID),
            "other_issues": len(report.other_issues),
        },
    }


class GapsJsonReporter(Renderer[GapReport]):
    """The list as JSON (schema: `qcity schema gaps`)."""

    suffix = ".json"

    def render(self, report: GapReport, options: ReportOptions) -> str:
        return json.dumps(gaps_dict(report, options.lang), ensure_ascii=False, indent=2) + "\n"
