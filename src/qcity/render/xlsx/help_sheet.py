"""The template's instructions sheet: how to fill each kind of figure, the plan's phases, how to check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from qcity import __version__
from qcity.drift import TEMPLATE_VERSION
from qcity.errors import Lang
from qcity.model import Catalogue, Indicator, Phase
from qcity.render import display
from qcity.render.i18n import say, words
from qcity.render.xlsx import styles
from qcity.workbook import DATA_SHEET_NAMES

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HELP_SHEET: dict[Lang, str] = words("help-sheet")
_WIDTHS = (12, 40, 26, 14, 44, 36)  # columns A–F
_TOTAL = sum(_WIDTHS)
_DATA_SHEET: dict[Lang, str] = {"zh": DATA_SHEET_NAMES[0], "en": DATA_SHEET_NAMES[1]}

# The wording is in render/i18n/xlsx.py; these name its keys in the order they are shown.
_STEPS = tuple(f"help-step-{n}" for n in range(1, 6))
_HEADINGS = tuple(f"help-heading-{n}" for n in range(1, 6))
_CHECK = tuple(f"help-check-{n}" for n in range(1, 5))
# unit, how to write it, examples, refused
_NOTATIONS = tuple(
    tuple(f"notation-{kind}-{column}" for column in ("unit", "how", "examples", "refused"))
    for kind in ("head", "percent", "ratio", "boolean", "count", "fraction")
)
_PHASE_COLUMNS = tuple(
    f"phases-{c}" for c in ("phase", "name", "months", "clause", "quote", "produces")
)
_INDICATOR_COLUMNS = tuple(
    f"indicators-{c}" for c in ("code", "name", "target", "clause", "quote", "note")
)


def write_help(
    ws: Worksheet,
    catalogue: Catalogue,
    indicators: list[Indicator],
    leads: Sequence[str],
    lang: Lang,
    *,
    tasks: bool = False,
) -> None:
    """Fill *ws* as the instructions sheet of a template (*tasks*: it has a tasks sheet)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.title = HELP_SHEET[lang]
    for n, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    row = 0

    def paragraph(text: str, *, bold: bool = False, size: int = 11) -> None:
        nonlocal row
        row += 1
        cell = ws.cell(row, 1)
        styles.put_text(cell, text)
        cell.alignment = wrap
        cell.font = Font(bold=bold, size=size)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_WIDTHS))
        lines = styles.lines_needed(text, _TOTAL * (11 / size))
        ws.row_dimensions[row].height = styles.LINE_HEIGHT * lines * size / 11

    def table(rows: Sequence[Sequence[str]]) -> None:
        nonlocal row
        for n, values in enumerate(rows):
            row += 1
            height = 1
            for col, text in enumerate(values, start=1):
                cell = ws.cell(row, col)
                styles.put_text(cell, text)
                cell.border = styles.thin_border()
                cell.alignment = wrap
                if n == 0:
                    styles.style_header(cell)
                height = max(height, styles.lines_needed(text, _WIDTHS[col - 1]))
            ws.row_dimensions[row].height = styles.LINE_HEIGHT * height

    meta = catalogue.catalogue
    heads = [say(key, lang) for key in _HEADINGS]
    sheet = _DATA_SHEET[lang]
    title = say("help-title", lang, title=meta.title.get(lang), document=meta.document)
    paragraph(title, bold=True, size=14)
    stamp_line = say(
        "help-stamp",
        lang,
        id=meta.id,
        version=meta.version,
        template=TEMPLATE_VERSION,
        qcity=__version__,
    )
    if leads:
        who = "、".join(leads)  # the departments' codes, in en too
        stamp_line += say("help-stamp-leads", lang, who=who, n=len(indicators))
    paragraph(stamp_line)

    row += 1
    paragraph(heads[0], bold=True)
    for step in _STEPS:
        paragraph(say(step, lang, sheet=sheet))
    if tasks:
        from qcity.render.xlsx.tasks_sheet import TASKS_SHEET

        paragraph(say("help-step-tasks", lang, sheet=TASKS_SHEET[lang]))

    row += 1
    paragraph(heads[1], bold=True)
    table([[say(key, lang) for key in keys] for keys in _NOTATIONS])

    if catalogue.phases:
        row += 1
        paragraph(heads[2], bold=True)
        head = tuple(say(key, lang) for key in _PHASE_COLUMNS)
        table([head, *(_phase_row(n, p, lang) for n, p in enumerate(catalogue.phases, start=1))])

    row += 1
    paragraph(heads[3], bold=True)
    head = tuple(say(key, lang) for key in _INDICATOR_COLUMNS)
    table(
        [
            head,
            *(
                (
                    i.code,
                    i.name.get(lang),
                    display.target(i, lang),
                    i.source.clause,
                    i.source.quote,
                    i.note.get(lang) if i.note else "",
                )
                for i in indicators
            ),
        ]
    )

    row += 1
    paragraph(heads[4], bold=True)
    for line in _CHECK:
        paragraph(say(line, lang))


def _month(text: str, lang: Lang) -> str:
    year, month = text.split("-")
    return say(f"month-{int(month)}", lang, year=year)


def _phase_row(n: int, phase: Phase, lang: Lang) -> tuple[str, str, str, str, str, str]:
    start, end = _month(phase.start, lang), _month(phase.end, lang)
    months = start if phase.start == phase.end else f"{start} — {end}"
    name = f"◆ {phase.name.get(lang)}" if phase.milestone else phase.name.get(lang)
    produces = "\n".join(f"· {d.name.get(lang)}" for d in phase.produces)
    return (str(n), name, months, phase.source.clause, phase.source.quote, produces)
