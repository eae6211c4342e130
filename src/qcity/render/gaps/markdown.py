"""The self-inspection list of `qcity gaps` as Markdown: a table per department."""

from __future__ import annotations

from qcity.gaps import GapReport, department_label
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import issue_line, scope_text, value_text
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.render.gaps.common import (
    counts_text,
    day_text,
    milestone_text,
    need_text,
    status_label,
)
from qcity.render.i18n import say


class GapsMarkdownReporter(Renderer[GapReport]):
    """The list as Markdown: a table per department."""

    suffix = ".md"

    def render(self, report: GapReport, options: ReportOptions) -> str:
        lang = options.lang
        meta = report.evaluation.catalogue.catalogue
        sheet = report.evaluation.sheet
        out = [
            f"### {say('gaps.title', lang)} · {markdown_text(display.bracketed(meta.title.get(lang), meta.document, lang))}",
            "",
        ]
        where = [f"{label('file', lang)} {markdown_code(report.evaluation.source)}"]
        if sheet:
            where.append(f"{label('sheet', lang)} {markdown_code(sheet)}")
        where.append(f"{label('date', lang)} {markdown_text(day_text(report, lang))}")
        out.append(" · ".join(where))
        scope = scope_text(report.evaluation, lang)
        if scope is not None:
            out += ["", markdown_text(scope)]
        if report.milestone is not None:
            out += ["", f"**{markdown_text(milestone_text(report.milestone, lang))}**"]
        heads = [label("code", lang), label("indicator", lang), label("status", lang)]
        heads += [
            label("value", lang),
            label("target", lang),
            label("gap", lang),
            say("gaps.how", lang),
        ]
        for group in report.departments:
            out += [
                "",
                f"#### {markdown_text(display.bracketed(department_label(group.department, lang), str(len(group.gaps)), lang))}",
                "",
                "| " + " | ".join(heads) + " |",
                "|---|---|---|--:|---|--:|---|",
            ]
            for gap in group.gaps:
                r = gap.result
                cells = [
                    gap.indicator.code,
                    markdown_text(gap.indicator.name.get(lang)),
                    status_label(r.status, lang),
                    markdown_text(value_text(r, lang)),
                    markdown_text(display.target(gap.indicator, lang)),
                    markdown_text(display.gap(r, lang, short=True)),
                    markdown_text(need_text(gap, lang, sheet)),
                ]
                out.append("| " + " | ".join(cells) + " |")
        if report.other_issues:
            out += [
                "",
                f"#### {display.bracketed(say('gaps.other', lang), str(len(report.other_issues)), lang)}",
                "",
            ]
            for issue in report.other_issues:
                out.append(
                    f"- {markdown_text(issue_line(issue, lang))} → {markdown_text(issue.hint(lang))} `{issue.code}`"
                )
        out += ["", f"**{markdown_text(counts_text(report, lang))}**"]
        return "\n".join(out) + "\n"
