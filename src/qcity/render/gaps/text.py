"""The self-inspection list of `qcity gaps` for a terminal."""

from __future__ import annotations

import io

from qcity.errors import Lang
from qcity.gaps import GapReport, department_label
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import issue_line, scope_text
from qcity.render.display import label
from qcity.render.gaps.common import (
    counts_text,
    day_text,
    gap_headline,
    milestone_text,
    need_text,
    status_label,
    title_text,
)
from qcity.render.i18n import say


def where_text(report: GapReport, lang: Lang) -> str:
    """`文件：… · 工作表：数据 · 日期：2015-07-10`."""
    where = f"{label('file', lang)}{display.COLON[lang]}{report.evaluation.source}"
    if report.evaluation.sheet:
        where += f" · {label('sheet', lang)}{display.COLON[lang]}{report.evaluation.sheet}"
    where += f" · {label('date', lang)}{display.COLON[lang]}{day_text(report, lang)}"
    return where


class GapsTextReporter(Renderer[GapReport]):
    """The list for a terminal: one block per department, one entry per gap with its fix."""

    def render(self, report: GapReport, options: ReportOptions) -> str:
        from rich.text import Text

        from qcity.render.console import STATUS_STYLE, make_console

        lang = options.lang
        buffer = io.StringIO()
        console = make_console(buffer, options)
        title, where = title_text(report, lang), where_text(report, lang)
        console.print(Text(title, style="bold"), soft_wrap=True)
        console.print(Text(where, style="dim"), soft_wrap=True)
        scope = scope_text(report.evaluation, lang)
        if scope is not None:
            console.print(Text(scope, style="bold"), soft_wrap=True)
        if report.milestone is not None:
            console.print(Text(milestone_text(report.milestone, lang)), soft_wrap=True)
        sheet = report.evaluation.sheet
        for group in report.departments:
            console.print()
            count = say("gaps.department-count", lang, n=len(group.gaps))
            console.print(
                Text(
                    display.bracketed(department_label(group.department, lang), count, lang),
                    style="bold cyan",
                ),
                soft_wrap=True,
            )
            for gap in group.gaps:
                line = Text("  ")
                line.append(
                    status_label(gap.result.status, lang), style=STATUS_STYLE[gap.result.status]
                )
                line.append(f"  {gap_headline(gap, lang)}")
                console.print(line, soft_wrap=True)
                console.print(Text(f"      → {need_text(gap, lang, sheet)}"), soft_wrap=True)
        if report.other_issues:
            console.print()
            console.print(
                Text(
                    display.bracketed(say("gaps.other", lang), str(len(report.other_issues)), lang),
                    style="bold",
                )
            )
            for issue in report.other_issues:
                console.print(Text(f"  ✖ {issue_line(issue, lang)}"), soft_wrap=True)
                console.print(Text(f"      → {issue.hint(lang)}"), soft_wrap=True)
        console.print()
        console.print(Text(counts_text(report, lang), style="bold"), soft_wrap=True)
        return buffer.getvalue()
