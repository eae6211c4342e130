"""The self-inspection list as a workbook: a summary sheet, then one sheet per lead department."""

from __future__ import annotations

import io

from qcity.gaps import GapReport, department_label
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import cell_ref, scope_text, value_text
from qcity.render.display import label
from qcity.render.frames import put_frame, sheet_name
from qcity.render.gaps.common import counts_text, milestone_text, need_text, status_label
from qcity.render.i18n import say
from qcity.results import Status


class GapsXlsxReporter(Renderer[GapReport]):
    """An .xlsx to send out: every text cell neutralised against formula injection."""

    suffix = ".xlsx"
    binary = True

    def render(self, report: GapReport, options: ReportOptions) -> bytes:
        import pandas as pd

        lang = options.lang
        sheet = report.evaluation.sheet
        meta = report.evaluation.catalogue.catalogue
        head = [
            f"{say('gaps.title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
            f"{label('file', lang)}{display.COLON[lang]}{report.evaluation.source} · {label('date', lang)}{display.COLON[lang]}"
            f"{report.today.isoformat()}",
            milestone_text(report.milestone, lang),
        ]
        scope = scope_text(report.evaluation, lang)
        if scope is not None:
            head.append(scope)
        columns = [
            label("code", lang),
            label("indicator", lang),
            label("status", lang),
            label("value", lang),
            label("target", lang),
            label("gap", lang),
            say("gaps.how", lang),
            label("location", lang),
            label("note", lang),
        ]
        tables: list[tuple[str, list[str], pd.DataFrame]] = []
        summary_rows = []
        for group in report.departments:
            rows = []
            for gap in group.gaps:
                r = gap.result
                rows.append(
                    [
                        gap.indicator.code,
                        gap.indicator.name.get(lang),
                        status_label(r.status, lang),
                        value_text(r, lang),
                        display.target(gap.indicator, lang),
                        display.gap(r, lang),
                        need_text(gap, lang, sheet),
                        cell_ref(r.location),
                        r.note or "",
                    ]
                )
            who = department_label(group.department, lang)
            tables.append(
                (
                    group.department.code,
                    [*head[:1], who, *head[1:]],
                    pd.DataFrame(rows, columns=columns),
                )
            )
            summary_rows.append(
                [
                    who,
                    len(group.gaps),
                    *(group.count(s) for s in (Status.UNMET, Status.MISSING, Status.INVALID)),
                ]
            )
        if report.other_issues:
            issue_rows = [
                [str(i.location), i.message(lang), i.hint(lang), i.code]
                for i in report.other_issues
            ]
            tables.append(
                (
                    say("gaps.other", lang),
                    head,
                    pd.DataFrame(
                        issue_rows,
                        columns=[label(k, lang) for k in ("location", "problem", "fix")] + ["code"],
                    ),
                )
            )
        summary_columns = [
            label("lead", lang),
            say("gaps.total", lang),
            *(
                display.STATUS_LABEL[s][lang]
                for s in (Status.UNMET, Status.MISSING, Status.INVALID)
            ),
        ]
        summary = pd.DataFrame(summary_rows, columns=summary_columns)
        buffer = io.BytesIO()
        taken: set[str] = set()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            sheets = [
                (say("gaps.sheet.summary", lang), [*head, counts_text(report, lang)], summary),
                *tables,
            ]
            for raw_name, title_lines, frame in sheets:
                ws = put_frame(writer, sheet_name(raw_name, taken), title_lines, frame)
                start = len(title_lines) + 1
                for col, width in zip(
                    "ABCDEFGHI", (10, 34, 12, 12, 14, 18, 48, 14, 30), strict=False
                ):
                    ws.column_dimensions[col].width = width
                ws.freeze_panes = ws.cell(start + 2, 1)
        return buffer.getvalue()
