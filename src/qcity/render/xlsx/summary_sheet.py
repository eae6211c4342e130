"""The first sheet of an annotated copy: counts per area, every indicator, every issue, and a chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qcity.errors import Issue, Lang, Location
from qcity.model import Unit
from qcity.render import display
from qcity.render.display import label
from qcity.render.i18n import say, words
from qcity.render.xlsx import styles
from qcity.results import Evaluation, IndicatorResult, Status

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

SUMMARY_SHEET: dict[Lang, str] = words("summary-sheet")
_WIDTHS = (20, 40, 14, 16, 20, 14, 14, 12)  # columns A–H
_LOSS_ROW = 4
# Stand-ins written before the one save, replaced in the saved package once the losses are known.
LOSS_TEXT_MARK = "QCITY-LOSSES-7f3c91"
LOSS_HEIGHT_MARK = 15.0625


def _t(key: str, lang: Lang) -> str:
    return say(f"summary-{key}", lang)


@dataclass
class SummarySheet:
    """The summary sheet written into a workbook, which can still report what the copy lost."""

    ws: Worksheet
    lang: Lang
    replaced_charts: int = 0  # charts of an earlier qcity summary, removed with it

    def reserve_losses(self) -> None:
        """Write stand-ins where the losses go: what the copy lost is known only once it is saved,
        and the workbook is saved once (a second save re-reads parts openpyxl has closed)."""
        from openpyxl.styles import Alignment, Font

        cell = self.ws.cell(_LOSS_ROW, 1)
        styles.put_text(cell, LOSS_TEXT_MARK)
        cell.font = Font(bold=True, color=styles.FONT_UNMET)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.ws.merge_cells(start_row=_LOSS_ROW, start_column=1, end_row=_LOSS_ROW, end_column=7)
        self.ws.row_dimensions[_LOSS_ROW].height = LOSS_HEIGHT_MARK

    def losses_text(self, lost: Sequence[str]) -> tuple[str, float]:
        """The sentence naming what the copy lost ('' when nothing) and the row height it needs."""
        if not lost:
            return "", styles.LINE_HEIGHT
        text = _t("lost", self.lang) + say("sep-lost", self.lang).join(lost)
        return text, styles.LINE_HEIGHT * styles.lines_needed(text, sum(_WIDTHS[:7]))


def write_summary(wb: Workbook, evaluation: Evaluation, lang: Lang) -> SummarySheet:
    """Insert the summary sheet first in *wb* and make it the sheet that opens."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from qcity.render.console import summary_text

    replaced = 0
    for old in list(wb.worksheets):
        if _is_earlier_summary(old):
            replaced += len(getattr(old, "_charts", []))
            wb.remove(old)  # a copy annotated again gets one, current, summary
    ws = wb.create_sheet(_free_title(wb, SUMMARY_SHEET[lang]), 0)
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0
    for n, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width

    meta = evaluation.catalogue.catalogue
    put(ws, 1, 1, f"{label('title', lang)} · {meta.title.get(lang)}({meta.document})").font = Font(
        bold=True, size=14
    )
    put(
        ws,
        2,
        1,
        f"{label('file', lang)}: {evaluation.source} · {label('sheet', lang)}: {evaluation.sheet or '—'}"
        f" · {label('catalogue', lang)}: {meta.id} v{meta.version}"
        f" · {label('checked', lang)}: {evaluation.checked_at.isoformat(timespec='seconds')}",
    )
    put(ws, 3, 1, summary_text(evaluation, lang).plain).font = Font(bold=True)
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_WIDTHS))

    row = _LOSS_ROW + 2
    row = _areas(ws, row, evaluation, lang) + 2
    row = _indicators(ws, row, evaluation, lang) + 2
    row = _issues(ws, row, evaluation.issues, lang) + 2
    _chart(ws, row, evaluation, lang)
    ws.page_setup.orientation = "landscape"
    return SummarySheet(ws, lang, replaced)


def put(ws: Worksheet, row: int, col: int, text: str | int | float | None) -> Any:
    """Write one value (text kept as text) and return the cell."""
    cell = ws.cell(row, col)
    if isinstance(text, str):
        styles.put_text(cell, text)
    else:
        cell.value = text
    return cell


def _is_earlier_summary(ws: Worksheet) -> bool:
    """Whether *ws* is a summary sheet qcity wrote (its name and its title line say so)."""
    title = ws.cell(1, 1).value
    return (
        ws.title in SUMMARY_SHEET.values()
        and isinstance(title, str)
        and title.startswith((f"{label('title', 'zh')} · ", f"{label('title', 'en')} · "))
    )


def _free_title(wb: Workbook, title: str) -> str:
    """*title*, or *title* (2) … when the submitter has a sheet of that name."""
    taken = {name.casefold() for name in wb.sheetnames}
    candidate, n = title, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{title} ({n})"
    return candidate


def _heading(ws: Worksheet, row: int, text: str) -> None:
    from openpyxl.styles import Font

    put(ws, row, 1, text).font = Font(bold=True, size=12)


def _table(ws: Worksheet, row: int, head: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Write a bordered table with a header at *row*; return its last row."""
    from openpyxl.styles import Alignment

    border = styles.thin_border()
    wrap = Alignment(vertical="center", wrap_text=True)
    for col, text in enumerate(head, start=1):
        styles.style_header(put(ws, row, col, text))
    for values in rows:
        row += 1
        height = 1
        for col, value in enumerate(values, start=1):
            cell = put(ws, row, col, value)
            cell.border = border
            cell.alignment = wrap
            if isinstance(value, str):
                height = max(height, styles.lines_needed(value, _WIDTHS[col - 1]))
        if height > 1:
            ws.row_dimensions[row].height = styles.LINE_HEIGHT * height
    return row


def _areas(ws: Worksheet, row: int, evaluation: Evaluation, lang: Lang) -> int:
    _heading(ws, row, _t("areas", lang))
    order = (Status.MET, Status.UNMET, Status.MISSING, Status.INVALID)
    head = [
        _t("area", lang),
        label("lead", lang),
        *(display.STATUS_LABEL[s][lang] for s in order),
        _t("total", lang),
    ]
    body: list[list[Any]] = []
    totals = dict.fromkeys(order, 0)
    for area in evaluation.catalogue.areas:
        results = [r for r in evaluation.results if r.indicator.area == area.code]
        if not results:
            continue
        counts = [sum(1 for r in results if r.status is s) for s in order]
        for s, n in zip(order, counts, strict=True):
            totals[s] += n
        lead = display.lead_name(evaluation.catalogue, area.lead, lang)  # English name in en
        body.append([area.name.get(lang), lead, *counts, len(results)])
    body.append([_t("total", lang), "", *totals.values(), len(evaluation.results)])
    last = _table(ws, row + 1, head, body)
    from openpyxl.styles import Font

    for col in range(1, len(head) + 1):
        ws.cell(last, col).font = Font(bold=True)
    return last


def _indicators(ws: Worksheet, row: int, evaluation: Evaluation, lang: Lang) -> int:
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    _heading(ws, row, _t("indicators", lang))
    head = [
        label("code", lang),
        label("indicator", lang),
        label("target", lang),
        label("value", lang),
        label("gap", lang),
        label("status", lang),
        label("location", lang),
    ]
    body = [
        [
            r.indicator.code,
            r.indicator.name.get(lang),
            display.target(r.indicator, lang),
            display.scalar(r.observation.value, r.indicator, lang) if r.observation else "",
            display.gap(r, lang),
            f"{display.STATUS_MARK[r.status]} {display.STATUS_LABEL[r.status][lang]}",
            _where(r.location),
        ]
        for r in evaluation.results
    ]
    last = _table(ws, row + 1, head, body)
    for n, r in enumerate(evaluation.results, start=row + 2):
        status = ws.cell(n, 6)
        fill, font = styles.STATUS_COLOURS[r.status]
        status.fill = styles.fill(fill)
        status.font = Font(bold=True, color=font)
        _link(ws.cell(n, 7), r.location, Hyperlink)
    return last


def _issues(ws: Worksheet, row: int, issues: Sequence[Issue], lang: Lang) -> int:
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    _heading(ws, row, _t("issues", lang))
    if not issues:
        put(ws, row + 1, 1, _t("none", lang))
        return row + 1
    head = [
        label("severity", lang),
        label("problem", lang),
        label("location", lang),
        label("fix", lang),
        _t("code", lang),
    ]
    body = [
        [
            display.SEVERITY_LABEL[i.level.value][lang],
            i.message(lang),
            _where(i.location) or i.location.file or "",
            i.hint(lang),
            i.code,
        ]
        for i in issues
    ]
    last = _table(ws, row + 1, head, body)
    for n, issue in enumerate(issues, start=row + 2):
        level = ws.cell(n, 1)
        fill, font = styles.SEVERITY_COLOURS[issue.level.value]
        level.fill = styles.fill(fill)
        level.font = Font(bold=True, color=font)
        _link(ws.cell(n, 3), issue.location, Hyperlink)
    return last


def _where(location: Location | None) -> str:
    if location is None or location.sheet is None:
        return ""
    return str(Location(sheet=location.sheet, cell=location.cell))


def _link(cell: Any, location: Location | None, hyperlink: Any) -> None:
    """Make *cell* jump to the located cell of the data sheet."""
    if location is None or location.sheet is None or location.cell is None:
        return
    sheet = location.sheet.replace("'", "''")
    cell.hyperlink = hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{location.cell}")


def _chart(ws: Worksheet, row: int, evaluation: Evaluation, lang: Lang) -> None:
    """The chart's data as a table, and a native bar chart of it beside the tables."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.data_source import AxDataSource, StrRef

    rates = [r for r in evaluation.results if r.indicator.unit is Unit.PERCENT]
    if not rates:
        return
    _heading(ws, row, _t("chart", lang))
    head = [
        label("code", lang),
        label("indicator", lang),
        _t("threshold", lang),
        _t("judged", lang),
    ]
    body = [[r.indicator.code, r.indicator.name.get(lang), *_chart_values(r)] for r in rates]
    first = row + 1
    last = _table(ws, first, head, body)
    for n in range(first + 1, last + 1):
        for col in (3, 4):
            ws.cell(n, col).number_format = "0.00"

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = _t("chart", lang)
    chart.add_data(
        Reference(ws, min_col=3, max_col=4, min_row=first, max_row=last), titles_from_data=True
    )
    # The codes are text: a string reference, or Excel would label the bars 1, 2, 3 ….
    codes = Reference(ws, min_col=1, min_row=first + 1, max_row=last)
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(codes)))
    threshold, judged = chart.series
    threshold.graphicalProperties.solidFill = "A5A5A5"
    judged.graphicalProperties.solidFill = "4472C4"
    chart.x_axis.scaling.orientation = "maxMin"  # the first indicator at the top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.title = "%"
    size: Any = chart  # (the stubs type the size, in cm, as int)
    size.height = max(8.0, 0.55 * len(rates) + 3)
    size.width = 18.0
    ws.add_chart(chart, f"J{_LOSS_ROW + 2}")


def _chart_values(result: IndicatorResult) -> tuple[float, float | None]:
    threshold = float(result.indicator.target.threshold)
    judged = result.judged
    if (
        judged is None
        or isinstance(judged, bool)
        or result.status not in (Status.MET, Status.UNMET)
    ):
        return threshold, None
    return threshold, float(judged)
