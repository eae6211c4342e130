"""The annotated copy of a submission: a status per row, a note on every problem cell, a summary sheet.

Slightly over the usual size: the copy is written in one pass over the workbook openpyxl loaded,
which the marks, notes and the summary sheet all write into.
"""

from __future__ import annotations

import contextlib
import io
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qcity.errors import InputError, Issue, Lang, Location
from qcity.render import display
from qcity.render.i18n import pair, say, words
from qcity.render.xlsx import styles
from qcity.render.xlsx.annotate_package import finish_package
from qcity.render.xlsx.summary_sheet import write_summary
from qcity.results import Evaluation, IndicatorResult, Status
from qcity.workbook import HEADER_SEARCH_ROWS, header_key
from qcity.zipguard import Limits, open_package, sniff

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

AUTHOR = "qcity"
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's last row and column (XFD)
NOTE_MARK = "\n\n— qcity —\n"  # separates a submitter's note from ours
STATUS_HEADER: dict[Lang, str] = words("annotate-status")
DETAIL_HEADER: dict[Lang, str] = words("annotate-detail")

# Parts of an .xlsx that openpyxl may not carry over, by the folder or name they live under.
_PART_KINDS: dict[str, dict[Lang, str]] = {
    "xl/media/": words("lost-images"),
    "xl/charts/chart": words("lost-charts"),
    "xl/drawings/drawing": words("lost-drawings"),
    "xl/vbaProject.bin": words("lost-macros"),
    "xl/threadedComments/": words("lost-threaded-comments"),
    "xl/pivotTables/": words("lost-pivot-tables"),
    "xl/slicers/": words("lost-slicers"),
    "xl/timelines/": words("lost-timelines"),
    "xl/embeddings/": words("lost-embeddings"),
    "xl/ctrlProps/": words("lost-form-controls"),
    "xl/activeX/": words("lost-activex"),
    "xl/externalLinks/": words("lost-external-links"),
    "xl/tables/": words("lost-tables"),
    "xl/connections.xml": words("lost-connections"),
    "customXml/": words("lost-custom-xml"),
}


@dataclass(frozen=True)
class AnnotatedCopy:
    """The annotated workbook as bytes, and what of the original it could not keep."""

    data: bytes
    lost: list[str] = field(default_factory=list)


def annotate_workbook(
    source: bytes,
    evaluation: Evaluation,
    *,
    lang: Lang = "zh",
    keep_vba: bool = False,
    limits: Limits | None = None,
) -> AnnotatedCopy:
    """A copy of the workbook *source* marked with the finished *evaluation*, in *lang*.

    It is read through the same guards as the check (*limits*), saved once, and then the saved
    package is patched: formulas get back the values Excel had cached (openpyxl drops them),
    the summary states what could not be kept, and a package whose links point at missing
    parts is refused rather than written.
    """
    limits = limits or Limits()
    shown = evaluation.source
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # openpyxl links a vbaProject.bin whenever it keeps macros, even when there are none.
        wb, dropped_styles = _load(source, shown, keep_vba and _has_macros(source), limits)
        _drop_pivots(wb)
        marked = True
        if evaluation.sheet in wb.sheetnames:
            marked = mark_data_sheet(wb[evaluation.sheet], evaluation, lang)
        summary = write_summary(wb, evaluation, lang)
        summary.reserve_losses()
        data = _save(wb, shown)
    lost = _lost_parts(source, data, lang, summary.replaced_charts) + _warned(caught, lang)
    if dropped_styles:
        lost.append(f"{_NAMED_STYLES[lang]} ({dropped_styles:,})")
    if not marked:
        lost.append(_NO_ROOM[lang])
    text, height = summary.losses_text(lost)
    data = finish_package(
        source, data, shown, limits, summary.ws.title, text, height, macro_enabled=keep_vba
    )
    return AnnotatedCopy(data=data, lost=lost)


_NO_ROOM: dict[Lang, str] = words("annotate-no-room")
_NAMED_STYLES: dict[Lang, str] = words("lost-named-styles")
# Named styles kept in the copy at most: openpyxl takes about a millisecond for each one.
KEEP_NAMED_STYLES = 2_000
_EXTENSIONS: dict[Lang, str] = words("lost-extensions")


def _has_macros(source: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return any(n.casefold() == "xl/vbaproject.bin" for n in archive.namelist())


def _warned(caught: list[warnings.WarningMessage], lang: Lang) -> list[str]:
    """openpyxl's warnings of what it drops, extensions named once in *lang*."""
    found = []
    for w in caught:
        text = str(w.message)
        found.append(_EXTENSIONS[lang] if "extension" in text.lower() else f"openpyxl: {text}")
    return _dedupe(found)


def _load(source: bytes, shown: str, keep_vba: bool, limits: Limits) -> tuple[Workbook, int]:
    """The whole workbook, read by the check's loader through the check's guards, and how many
    named styles were left out."""
    from openpyxl.reader.excel import ExcelReader

    from qcity.workbook.reader import read_package
    from qcity.workbook.rows import BROKEN, broken

    sniff(source, shown)
    archive = open_package(source, shown, limits)
    # Pivot tables are left out of the copy (openpyxl writes caches without the records their
    # rels point at), so they are not read either: reading them fails on valid files too.
    archive.hidden_relationships = frozenset({"pivotTable"})
    try:
        try:
            reader = ExcelReader(
                io.BytesIO(source),
                read_only=False,
                keep_vba=keep_vba,
                data_only=False,
                keep_links=True,
                rich_text=True,
            )
        except BROKEN as e:
            raise broken(e, shown, None) from e
        dropped = read_package(reader, archive, shown, keep_named=KEEP_NAMED_STYLES)
        wb: Workbook = reader.wb
        return wb, dropped
    finally:
        archive.close()


def _drop_pivots(wb: Workbook) -> None:
    """Leave pivot tables out: openpyxl writes their caches without records the rels point at."""
    for ws in wb.worksheets:
        if getattr(ws, "_pivots", None):
            ws._pivots = []  # type: ignore[attr-defined]


def _save(wb: Workbook, shown: str) -> bytes:
    from qcity.workbook.rows import BROKEN

    buffer = io.BytesIO()
    try:
        wb.save(buffer)
    except BROKEN as e:  # openpyxl cannot write what it read: say so, write nothing
        raise _cannot_copy(shown, f"{type(e).__name__}: {e}") from e
    finally:
        # openpyxl leaves the macro parts' zip open over a closed buffer; closed later by the
        # garbage collector, it would print a traceback on stderr.
        vba = getattr(wb, "vba_archive", None)
        if vba is not None:
            with contextlib.suppress(ValueError, OSError):
                vba.close()
    return buffer.getvalue()


def _cannot_copy(shown: str, reason: str) -> InputError:
    return InputError(
        Issue(
            "not-a-workbook",
            Location(file=shown),
            {
                "path": shown,
                "reason": pair("annotate-cannot-copy", reason=reason[:200]),
            },
        )
    )


def _anchor(coordinate: str) -> tuple[int, int] | None:
    """(row, column) of a cell or of a range's top-left cell; None when it is neither."""
    from openpyxl.utils.cell import range_boundaries

    try:
        min_col, min_row, _, _ = range_boundaries(coordinate)
    except (ValueError, TypeError):
        return None
    if min_col is None or min_row is None or min_row > MAX_ROW or min_col > MAX_COLUMN:
        return None
    return min_row, min_col


def _row_of(coordinate: str) -> int:
    anchor = _anchor(coordinate)
    return anchor[0] if anchor else 0


def _find_header_row(ws: Worksheet) -> int:
    # Only the cells that exist: iterating rows would create every cell of the used range.
    rows = [
        r
        for (r, _), cell in ws._cells.items()
        if r <= HEADER_SEARCH_ROWS and header_key(cell.value) == "code"
    ]
    return min(rows, default=1)


def _status_columns(ws: Worksheet, header_row: int, rows: set[int]) -> tuple[int, int] | None:
    """The status and detail columns: reused from an earlier annotation, else after the last
    column used in the header and the marked rows; None when no column is left (XFD is last)."""
    cells: dict[tuple[int, int], Any] = ws._cells
    last = 0
    for (r, c), cell in cells.items():
        if r == header_row and cell.value in STATUS_HEADER.values():
            return c, c + 1
        if (r == header_row or r in rows) and cell.value is not None:
            last = max(last, c)
    if last + 2 > MAX_COLUMN:
        return None
    return last + 1, last + 2


def mark_data_sheet(ws: Worksheet, evaluation: Evaluation, lang: Lang) -> bool:
    """Add the status and detail columns to the data sheet and a note on every problem cell.

    Only the cells marked are touched. False when the sheet has no free column for the status
    columns (the notes are added all the same).
    """

    header_row = _find_header_row(ws)
    results: dict[int, IndicatorResult] = {}
    district_of: dict[int, str | None] = {}
    for district, r in [
        *((None, r) for r in evaluation.results),
        *((d.name, r) for d in evaluation.districts for r in d.results),
    ]:
        if r.location and r.location.sheet == ws.title and r.location.cell:
            row = _row_of(r.location.cell)
            if row and row not in results:
                results[row] = r
                district_of[row] = district
    at_cell: dict[str, list[Issue]] = {}
    at_row: dict[int, list[Issue]] = {}
    for issue in evaluation.issues:
        where = issue.location
        if where.sheet == ws.title and where.cell and _row_of(where.cell):
            at_cell.setdefault(where.cell, []).append(issue)
            at_row.setdefault(_row_of(where.cell), []).append(issue)

    columns = _status_columns(ws, header_row, results.keys() | at_row.keys())
    _clear_earlier_marks(ws, header_row, columns)
    if columns is not None:
        _mark_rows(ws, evaluation, lang, header_row, columns, results, district_of, at_row)
    for coordinate, issues in at_cell.items():
        _note(ws, coordinate, issues, lang)
    return columns is not None


def _mark_rows(
    ws: Worksheet,
    evaluation: Evaluation,
    lang: Lang,
    header_row: int,
    columns: tuple[int, int],
    results: dict[int, IndicatorResult],
    district_of: dict[int, str | None],
    at_row: dict[int, list[Issue]],
) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    status_col, detail_col = columns
    for col, text, width in (
        (status_col, STATUS_HEADER[lang], 14),
        (detail_col, DETAIL_HEADER[lang], 34),
    ):
        head = ws.cell(header_row, col)
        styles.put_text(head, text)
        styles.style_header(head)
        ws.column_dimensions[get_column_letter(col)].width = width

    border = styles.thin_border()
    for row in sorted(results.keys() | at_row.keys()):
        result = results.get(row)
        issues = at_row.get(row, [])
        if result is not None:
            label = (
                f"{display.STATUS_MARK[result.status]} {display.STATUS_LABEL[result.status][lang]}"
            )
            colours = styles.STATUS_COLOURS[result.status]
            details = (
                [display.gap(result, lang)] if result.status in (Status.MET, Status.UNMET) else []
            )
        else:
            worst = "error" if any(i.level.value == "error" for i in issues) else "warning"
            if worst == "error":
                label = f"{display.STATUS_MARK[Status.INVALID]} {display.STATUS_LABEL[Status.INVALID][lang]}"
            else:
                label = f"{styles.SEVERITY_MARK[worst]} {display.SEVERITY_LABEL[worst][lang]}"
            colours = styles.SEVERITY_COLOURS[worst]
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
            text = f"{styles.SEVERITY_MARK[i.level.value]} {i.type.title[lang]}"
            if i.location.cell and _row_of(i.location.cell) != row:
                where = Location(sheet=i.location.sheet, cell=i.location.cell)
                text += say("elsewhere", lang, where=where)
            details.append(text)
        status = ws.cell(row, status_col)
        styles.put_text(status, label)
        status.fill = styles.fill(colours[0])
        status.font = Font(bold=True, color=colours[1])
        status.border = border
        detail = ws.cell(row, detail_col)
        styles.put_text(detail, say("sep-clause", lang).join(d for d in details if d))
        detail.alignment = Alignment(vertical="center", wrap_text=True)
        detail.border = border


def _clear_earlier_marks(ws: Worksheet, header_row: int, columns: tuple[int, int] | None) -> None:
    """Undo an earlier annotation of this sheet: its notes, its shading, its status cells."""
    from openpyxl.styles import PatternFill

    ours = {styles.SEVERITY_COLOURS[level][0] for level in styles.SEVERITY_COLOURS}
    cells: dict[tuple[int, int], Any] = ws._cells
    for (r, c), cell in list(cells.items()):
        if columns is not None and c in columns and r > header_row and cell.value is not None:
            cell.value = None
            cell.fill = PatternFill()
            continue
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


def _note(ws: Worksheet, coordinate: str, issues: list[Issue], lang: Lang) -> None:
    """Shade the cell by its worst issue and add a note with each message and fix."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.comments import Comment

    anchor = _anchor(coordinate)
    if anchor is None:
        return
    cell: Any = ws.cell(*anchor)  # a merged-cells issue names a range: its first cell
    if isinstance(cell, MergedCell):
        # A note belongs on the merged range's first cell, the only one that holds anything.
        for merged in ws.merged_cells.ranges:
            if cell.coordinate in merged:
                cell = ws.cell(merged.min_row, merged.min_col)
                break
    worst = "error" if any(i.level.value == "error" for i in issues) else "warning"
    cell.fill = styles.fill(styles.SEVERITY_COLOURS[worst][0])
    blocks = [
        f"{styles.SEVERITY_MARK[i.level.value]} {display.SEVERITY_LABEL[i.level.value][lang]} [{i.code}]\n"
        f"{i.message(lang)}\n→ {i.hint(lang)}"
        for i in issues
    ]
    text = "\n\n".join(blocks)
    author = AUTHOR
    if cell.comment is not None:
        # The submitter's own note stays, above ours.
        text = f"{cell.comment.text.rstrip()}{NOTE_MARK}{text}"
        author = cell.comment.author or author
    lines = sum(styles.lines_needed(part, 44) for part in text.split("\n"))
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
            lost.append(say("lost-count", lang, kind=kind[lang], n=missing))
    return lost


def _dedupe(messages: Any) -> list[str]:
    seen: list[str] = []
    for message in messages:
        if message not in seen:
            seen.append(message)
    return seen
