"""The batch as a workbook (written with pandas): files, a row per file × indicator, areas,
a status matrix and every issue; every text cell safe from formula injection."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from qcity.batch import Batch
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions, display
from qcity.render.batch.common import behind_text, counts, failure_text, heading, verdict
from qcity.render.common import cell_ref, value_text
from qcity.render.display import label
from qcity.render.frames import put_frame, sheet_name
from qcity.render.i18n import say
from qcity.results import Scalar, Status


def _number(value: Scalar | Decimal | None, lang: Lang) -> float | str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return display.yes_no(value, lang)
    return float(value)


class BatchXlsxReporter(Renderer[Batch]):
    """An .xlsx of the batch for the leading-group office (needs -o)."""

    suffix = ".xlsx"
    binary = True

    def render(self, batch: Batch, options: ReportOptions) -> bytes:
        import pandas as pd

        lang = options.lang
        meta = batch.catalogue.catalogue
        head = [
            f"{say('batch.title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
            heading(batch, options),
            verdict(batch, lang),
        ]
        statuses = [display.STATUS_LABEL[s][lang] for s in Status]
        files = []
        for entry in batch.entries:
            errors, warnings = counts(entry)
            s = entry.summary
            figures: list[Any] = (
                [s.met, s.unmet, s.missing, s.invalid, s.total] if s else [None] * 5
            )
            behind = (
                behind_text(entry, display.STATUS_MARK, lang) if s else failure_text(entry, lang)
            )
            state = say("batch.state.checked" if s else "batch.state.failed", lang)
            files.append(
                [
                    entry.unit,
                    entry.shown,
                    state,
                    *figures,
                    errors,
                    warnings,
                    entry.exit_code,
                    behind,
                ]
            )
        file_columns = [
            say("batch.unit", lang),
            say("batch.file", lang),
            say("batch.status", lang),
            *statuses,
            label("total", lang),
            say("batch.errors", lang),
            say("batch.warnings", lang),
            say("batch.exit", lang),
            say("batch.behind", lang),
        ]
        rows = []
        for entry in batch.entries:
            e = entry.evaluation
            if e is None:
                continue
            for district, r in [
                *((None, r) for r in e.results),
                *((d.name, r) for d in e.districts for r in d.results),
            ]:
                ind = r.indicator
                rows.append(
                    [
                        entry.unit,
                        entry.shown,
                        district,
                        ind.code,
                        ind.name.get(lang),
                        batch.catalogue.area(ind.area).name.get(lang),
                        display.lead_name(batch.catalogue, ind.lead, lang),
                        display.STATUS_LABEL[r.status][lang],
                        value_text(r, lang),
                        _number(r.judged, lang),
                        display.target(ind, lang),
                        _number(r.gap, lang),
                        display.gap(r, lang) or None,
                        r.note,
                        cell_ref(r.location),
                    ]
                )
        row_columns = [
            say("batch.unit", lang),
            say("batch.file", lang),
            say("batch.district", lang),
            label("code", lang),
            label("indicator", lang),
            label("area", lang),
            label("lead", lang),
            say("batch.status", lang),
            label("value", lang),
            say("batch.judged", lang),
            label("target", lang),
            label("gap", lang),
            say("batch.gap-text", lang),
            label("note", lang),
            label("location", lang),
        ]
        areas = [
            [
                a.name.get(lang),
                display.lead_name(batch.catalogue, a.lead, lang),
                s.met,
                s.unmet,
                s.missing,
                s.invalid,
                s.total,
            ]
            for a, s in batch.area_summaries()
        ]
        area_columns = [label("area", lang), label("lead", lang), *statuses, label("total", lang)]
        codes = [i.code for i in batch.judged()]  # in scope: with --lead, the departments' own
        matrix = []
        for entry in batch.entries:
            e = entry.evaluation
            if e is None:
                matrix.append([entry.unit, entry.shown, *([None] * len(codes))])
            else:
                marks = {r.indicator.code: display.STATUS_MARK[r.status] for r in e.results}
                matrix.append([entry.unit, entry.shown, *(marks.get(code) for code in codes)])
        issues = [
            [
                entry.unit,
                entry.shown,
                i.district,
                display.SEVERITY_LABEL[i.level.value][lang],
                i.code,
                cell_ref(i.location),
                i.message(lang),
                i.hint(lang),
            ]
            for entry in batch.entries
            for i in entry.issues
        ] + [
            [None, i.location.file, None, display.SEVERITY_LABEL[i.level.value][lang], i.code,
             "", i.message(lang), i.hint(lang)]
            for i in batch.issues
        ]  # fmt: skip
        issue_columns = [
            say("batch.unit", lang),
            say("batch.file", lang),
            say("batch.district", lang),
            label("severity", lang),
            "code",
            label("location", lang),
            label("problem", lang),
            label("fix", lang),
        ]
        tables = [
            ("files", pd.DataFrame(files, columns=file_columns), (16, 34, 10, 7, 7, 7, 7, 7, 7, 7, 7, 50)),
            ("rows", pd.DataFrame(rows, columns=row_columns), (16, 30, 10, 9, 34, 12, 10, 10, 10, 9, 12, 9, 18, 24, 10)),
            ("areas", pd.DataFrame(areas, columns=area_columns), (14, 12, 8, 8, 8, 8, 8)),
            ("matrix", pd.DataFrame(matrix, columns=[say("batch.unit", lang), say("batch.file", lang), *codes]), (16, 30, *([7] * len(codes)))),
            ("issues", pd.DataFrame(issues, columns=issue_columns), (16, 30, 10, 8, 22, 12, 50, 40)),
        ]  # fmt: skip
        return _write(tables, head, lang)


def _write(tables: list[tuple[str, Any, tuple[int, ...]]], head: list[str], lang: Lang) -> bytes:
    import pandas as pd
    from openpyxl.utils import get_column_letter

    buffer = io.BytesIO()
    taken: set[str] = set()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame, widths in tables:
            name = sheet_name(say(f"batch.sheet.{key}", lang), taken)
            ws = put_frame(writer, name, head, frame, wrap=key != "matrix")
            start = len(head) + 1
            for col, width in enumerate(widths, start=1):
                ws.column_dimensions[get_column_letter(col)].width = width
            ws.freeze_panes = ws.cell(start + 2, 3 if key in ("rows", "matrix", "files") else 1)
            if len(frame):
                last = get_column_letter(frame.shape[1])
                ws.auto_filter.ref = f"A{start + 1}:{last}{start + 1 + len(frame)}"
    return buffer.getvalue()
