"""The self-inspection list as a workbook: a summary sheet, then one sheet per lead department."""

from __future__ import annotations

import io
import re
from typing import Any

from qcity.errors import Lang
from qcity.gaps import GapReport, department_label
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import cell_ref, scope_text, value_text
from qcity.render.display import label
from qcity.render.escape import spreadsheet_text
from qcity.render.gaps.text import (
    HOW,
    OTHER,
    TITLE,
    counts_text,
    milestone_text,
    need_text,
    status_label,
)
from qcity.results import Status

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SUMMARY: dict[Lang, str] = {"zh": "汇总", "en": "Summary"}


def sheet_name(text: str, taken: set[str]) -> str:
    """A legal, unique sheet name: no []:*?/\\, at most 31 characters, not 'History'."""
    base = _SHEET_FORBIDDEN.sub("_", text).strip("'") or "sheet"
    if base.casefold() == "history":
        base = f"{base}_"
    name = base[:31]
    n = 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _safe(value: Any) -> Any:
    return spreadsheet_text(value) if isinstance(value, str) else value


def put_frame(
    writer: Any, name: str, title_lines: list[str], frame: Any, *, wrap: bool = True
) -> Any:
    """Write *frame* on a new sheet *name* under *title_lines* (the first one bold); every text
    cell, titles and headers included, is neutralised against formula injection and kept text."""
    from openpyxl.styles import Alignment, Font

    safe = frame.map(_safe)
    safe.columns = [_safe(c) for c in frame.columns]
    start = len(title_lines) + 1
    safe.to_excel(writer, sheet_name=name, index=False, startrow=start)
    ws = writer.sheets[name]
    for n, text in enumerate(title_lines, start=1):
        cell = ws.cell(n, 1, _safe(text))
        cell.data_type = "s"  # never a formula, whatever the text
        if n == 1:
            cell.font = Font(bold=True, size=13)
    for row in ws.iter_rows(min_row=start + 1):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    return ws


class GapsXlsxReporter(Renderer[GapReport]):
    """An .xlsx to send out: every text cell neutralised against formula injection."""

    name = "xlsx"
    suffix = ".xlsx"
    binary = True

    def render(self, report: GapReport, options: ReportOptions) -> bytes:
        import pandas as pd

        lang = options.lang
        sheet = report.evaluation.sheet
        meta = report.evaluation.catalogue.catalogue
        head = [
            f"{TITLE[lang]} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
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
            HOW[lang],
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
                    OTHER[lang],
                    head,
                    pd.DataFrame(
                        issue_rows,
                        columns=[label(k, lang) for k in ("location", "problem", "fix")] + ["code"],
                    ),
                )
            )
        summary_columns = [
            label("lead", lang),
            "合计" if lang == "zh" else "Gaps",
            *(
                display.STATUS_LABEL[s][lang]
                for s in (Status.UNMET, Status.MISSING, Status.INVALID)
            ),
        ]
        summary = pd.DataFrame(summary_rows, columns=summary_columns)
        buffer = io.BytesIO()
        taken: set[str] = set()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            sheets = [(SUMMARY[lang], [*head, counts_text(report, lang)], summary), *tables]
            for raw_name, title_lines, frame in sheets:
                ws = put_frame(writer, sheet_name(raw_name, taken), title_lines, frame)
                start = len(title_lines) + 1
                for col, width in zip(
                    "ABCDEFGHI", (10, 34, 12, 12, 14, 18, 48, 14, 30), strict=False
                ):
                    ws.column_dimensions[col].width = width
                ws.freeze_panes = ws.cell(start + 2, 1)
        return buffer.getvalue()
