"""The annotated copy of a submission: a status per row, a note on every problem cell, a summary sheet."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qcity import display, sheets
from qcity.annotate_summary import write_summary
from qcity.errors import InputError, Issue, Lang, Location
from qcity.results import Evaluation, IndicatorResult, Status
from qcity.workbook import HEADER_SEARCH_ROWS, header_key

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

AUTHOR = "qcity"
NOTE_MARK = "\n\n— qcity —\n"  # separates a submitter's note from ours
STATUS_HEADER: dict[Lang, str] = {"zh": "检查结果", "en": "Check result"}
DETAIL_HEADER: dict[Lang, str] = {"zh": "差距或问题", "en": "Gap or problem"}

# Parts of an .xlsx that openpyxl may not carry over, by the folder or name they live under.
_PART_KINDS: dict[str, dict[Lang, str]] = {
    "xl/media/": {"zh": "图片", "en": "images"},
    "xl/charts/chart": {"zh": "图表", "en": "charts"},
    "xl/drawings/drawing": {"zh": "图形、文本框", "en": "shapes and text boxes"},
    "xl/vbaProject.bin": {"zh": "宏（VBA）", "en": "macros (VBA)"},
    "xl/threadedComments/": {"zh": "新式批注的回复线程", "en": "threaded comment replies"},
    "xl/pivotTables/": {"zh": "数据透视表", "en": "pivot tables"},
    "xl/slicers/": {"zh": "切片器", "en": "slicers"},
    "xl/timelines/": {"zh": "日程表", "en": "timelines"},
    "xl/embeddings/": {"zh": "嵌入对象", "en": "embedded objects"},
    "xl/ctrlProps/": {"zh": "表单控件", "en": "form controls"},
    "xl/activeX/": {"zh": "ActiveX 控件", "en": "ActiveX controls"},
    "xl/externalLinks/": {"zh": "外部链接", "en": "external links"},
    "xl/tables/": {"zh": "表格（列表）", "en": "tables"},
    "xl/connections.xml": {"zh": "数据连接", "en": "data connections"},
    "customXml/": {"zh": "自定义 XML", "en": "custom XML"},
}


@dataclass(frozen=True)
class AnnotatedCopy:
    """The annotated workbook as bytes, and what of the original it could not keep."""

    data: bytes
    lost: list[str] = field(default_factory=list)


def annotate_workbook(
    source: bytes, evaluation: Evaluation, *, lang: Lang = "zh", keep_vba: bool = False
) -> AnnotatedCopy:
    """A copy of the workbook *source* marked with the finished *evaluation*, in *lang*."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = _load(source, evaluation.source, keep_vba)
        if evaluation.sheet in wb.sheetnames:
            mark_data_sheet(wb[evaluation.sheet], evaluation, lang)
        summary = write_summary(wb, evaluation, lang)
        data = _save(wb)
        # What went missing is only known once written: compare, then say so on the summary.
        lost = _lost_parts(source, data, lang, summary.replaced_charts) + _dedupe(
            f"openpyxl: {w.message}" for w in caught
        )
        if lost:
            summary.add_losses(lost)
            data = _save(wb)
    return AnnotatedCopy(data=data, lost=lost)


def _load(source: bytes, shown: str, keep_vba: bool) -> Workbook:
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(source), keep_vba=keep_vba, rich_text=True)
    except Exception as e:  # the read-only check passed; anything here is openpyxl's limit
        raise InputError(
            Issue(
                "not-a-workbook",
                Location(file=shown),
                {
                    "path": shown,
                    "reason": {
                        "zh": f"无法为标注副本完整读取：{type(e).__name__}：{e}",
                        "en": f"cannot be loaded in full for the annotated copy: {type(e).__name__}: {e}",
                    },
                },
            )
        ) from e


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _row_of(coordinate: str) -> int:
    from openpyxl.utils.cell import coordinate_from_string

    return int(coordinate_from_string(coordinate)[1])


def _find_header_row(ws: Worksheet) -> int:
    for number, row in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS), start=1):
        if any(header_key(c.value) == "code" for c in row):
            return number
    return 1


def _status_columns(ws: Worksheet, header_row: int) -> tuple[int, int]:
    """The status and detail columns: reused from an earlier annotation, else after the last column."""
    for column, cell in enumerate(ws[header_row], start=1):
        if cell.value in STATUS_HEADER.values():
            return column, column + 1
    return ws.max_column + 1, ws.max_column + 2


def mark_data_sheet(ws: Worksheet, evaluation: Evaluation, lang: Lang) -> None:
    """Add the status and detail columns to the data sheet and a note on every problem cell."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header_row = _find_header_row(ws)
    status_col, detail_col = _status_columns(ws, header_row)
    _clear_earlier_marks(ws, header_row, (status_col, detail_col))
    for col, text, width in (
        (status_col, STATUS_HEADER[lang], 14),
        (detail_col, DETAIL_HEADER[lang], 34),
    ):
        head = ws.cell(header_row, col)
        sheets.put_text(head, text)
        sheets.style_header(head)
        ws.column_dimensions[get_column_letter(col)].width = width

    results: dict[int, IndicatorResult] = {}
    district_of: dict[int, str | None] = {}
    for district, r in [
        *((None, r) for r in evaluation.results),
        *((d.name, r) for d in evaluation.districts for r in d.results),
    ]:
        if r.location and r.location.sheet == ws.title and r.location.cell:
            row = _row_of(r.location.cell)
            if row not in results:
                results[row] = r
                district_of[row] = district
    at_cell: dict[str, list[Issue]] = {}
    at_row: dict[int, list[Issue]] = {}
    for issue in evaluation.issues:
        where = issue.location
        if where.sheet == ws.title and where.cell:
            at_cell.setdefault(where.cell, []).append(issue)
            at_row.setdefault(_row_of(where.cell), []).append(issue)

    border = sheets.thin_border()
    for row in sorted(results.keys() | at_row.keys()):
        result = results.get(row)
        issues = at_row.get(row, [])
        if result is not None:
            label = (
                f"{display.STATUS_MARK[result.status]} {display.STATUS_LABEL[result.status][lang]}"
            )
            colours = sheets.STATUS_COLOURS[result.status]
            details = (
                [display.gap(result, lang)] if result.status in (Status.MET, Status.UNMET) else []
            )
        else:
            worst = "error" if any(i.level.value == "error" for i in issues) else "warning"
            if worst == "error":
                label = f"{display.STATUS_MARK[Status.INVALID]} {display.STATUS_LABEL[Status.INVALID][lang]}"
            else:
                label = f"{sheets.SEVERITY_MARK[worst]} {display.SEVERITY_LABEL[worst][lang]}"
            colours = sheets.SEVERITY_COLOURS[worst]
            details = []
        if result is not None:
            # Issues of this indicator found on another row (a duplicate) are named here too.
            issues = issues + [
                i
                for i in evaluation.issues
                if i.indicator == result.indicator.code
                and i.district == district_of[row]
                and i not in issues
            ]
        for i in issues:
            text = f"{sheets.SEVERITY_MARK[i.level.value]} {i.type.title[lang]}"
            if i.location.cell and _row_of(i.location.cell) != row:
                where = Location(sheet=i.location.sheet, cell=i.location.cell)
                text += f"（{where}）" if lang == "zh" else f" ({where})"
            details.append(text)
        status = ws.cell(row, status_col)
        sheets.put_text(status, label)
        status.fill = sheets.fill(colours[0])
        status.font = Font(bold=True, color=colours[1])
        status.border = border
        detail = ws.cell(row, detail_col)
        sheets.put_text(detail, ("；" if lang == "zh" else "; ").join(d for d in details if d))
        detail.alignment = Alignment(vertical="center", wrap_text=True)
        detail.border = border

    for coordinate, issues in at_cell.items():
        _note(ws, coordinate, issues, lang)


def _clear_earlier_marks(ws: Worksheet, header_row: int, columns: tuple[int, int]) -> None:
    """Undo an earlier annotation of this sheet: its notes, its shading, its status cells."""
    from openpyxl.styles import PatternFill

    ours = {sheets.SEVERITY_COLOURS[level][0] for level in sheets.SEVERITY_COLOURS}
    for row in ws.iter_rows():
        for cell in row:
            if cell.comment is None:
                continue
            text = cell.comment.text
            if cell.comment.author == AUTHOR:
                cell.comment = None
            elif NOTE_MARK in text:
                cell.comment.text = text.split(NOTE_MARK, 1)[0]
            else:
                continue
            rgb = str(cell.fill.fgColor.rgb) if cell.fill is not None else ""
            if rgb[-6:] in ours:
                cell.fill = PatternFill()  # the original shading is unknown; none beats a stale one
    for col in columns:
        for n in range(header_row + 1, ws.max_row + 1):
            if ws.cell(n, col).value is not None:
                ws.cell(n, col).value = None
                ws.cell(n, col).fill = PatternFill()


def _note(ws: Worksheet, coordinate: str, issues: list[Issue], lang: Lang) -> None:
    """Shade the cell by its worst issue and add a note with each message and fix."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.comments import Comment

    cell: Any = ws[coordinate]
    if isinstance(cell, MergedCell):
        # A note belongs on the merged range's first cell, the only one that holds anything.
        for merged in ws.merged_cells.ranges:
            if coordinate in merged:
                cell = ws.cell(merged.min_row, merged.min_col)
                break
    worst = "error" if any(i.level.value == "error" for i in issues) else "warning"
    cell.fill = sheets.fill(sheets.SEVERITY_COLOURS[worst][0])
    blocks = [
        f"{sheets.SEVERITY_MARK[i.level.value]} {display.SEVERITY_LABEL[i.level.value][lang]} [{i.code}]\n"
        f"{i.message(lang)}\n→ {i.hint(lang)}"
        for i in issues
    ]
    text = "\n\n".join(blocks)
    author = AUTHOR
    if cell.comment is not None:
        # The submitter's own note stays, above ours.
        text = f"{cell.comment.text.rstrip()}{NOTE_MARK}{text}"
        author = cell.comment.author or author
    lines = sum(sheets.lines_needed(part, 44) for part in text.split("\n"))
    cell.comment = Comment(text, author, height=min(24 + 18 * lines, 600), width=340)


def _part_counts(data: bytes) -> Counter[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    counts: Counter[str] = Counter()
    for name in names:
        for prefix in _PART_KINDS:
            if name.startswith(prefix) and not name.endswith(".rels"):
                counts[prefix] += 1
    return counts


def _lost_parts(source: bytes, output: bytes, lang: Lang, replaced_charts: int) -> list[str]:
    before, after = _part_counts(source), _part_counts(output)
    # The summary sheet adds one chart, in one drawing, of its own, and may have replaced
    # an earlier summary's.
    after["xl/charts/chart"] -= 1
    after["xl/drawings/drawing"] -= 1
    before["xl/charts/chart"] -= replaced_charts
    before["xl/drawings/drawing"] -= min(replaced_charts, 1)
    lost = []
    for prefix, kind in _PART_KINDS.items():
        missing = before[prefix] - max(after[prefix], 0)
        if missing > 0:
            lost.append(
                f"{kind[lang]}（{missing}）" if lang == "zh" else f"{kind[lang]} ({missing})"
            )
    return lost


def _dedupe(messages: Any) -> list[str]:
    seen: list[str] = []
    for message in messages:
        if message not in seen:
            seen.append(message)
    return seen
