"""The template's tasks sheet: one row per task of the plan, a status drop-down, evidence and date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from qcity.errors import Lang
from qcity.layout import TASKS
from qcity.model import Catalogue, Task
from qcity.render.i18n import LIST_SEPARATOR, say, words
from qcity.render.xlsx import styles
from qcity.tasks import choices

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

TASKS_SHEET: dict[Lang, str] = {"zh": TASKS.name("zh"), "en": TASKS.name("en")}
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
LAYOUT = TASKS.template
INPUTS = ("status", "evidence", "completed", "note")
# Headers: the read columns take theirs from qcity.layout (the names the reader knows), the
# others only help the person filling in.
_HEADERS: dict[str, dict[Lang, str]] = {
    key: words(f"tasks-{key}") for key in ("title", "lead", "due", "deliverables")
}
_HINT: dict[Lang, str] = words("tasks-hint")
# Excel stores dates as days since 1899-12-30: 2000-01-01 and 2099-12-31.
_FIRST_DATE, _LAST_DATE = "36526", "73415"


def task_header(key: str, lang: Lang) -> str:
    """The tasks sheet's header text for column *key*."""
    return TASKS.header(key, lang) if TASKS.reads(key) else _HEADERS[key][lang]


def template_tasks(catalogue: Catalogue, leads: Sequence[str]) -> list[Task]:
    """The tasks a template for *leads* holds: every task when empty, else the tasks they lead."""
    return [t for t in catalogue.tasks if not leads or t.lead in leads]


def write_tasks_sheet(ws: Worksheet, catalogue: Catalogue, tasks: list[Task], lang: Lang) -> None:
    """Fill *ws* as the tasks sheet of a template."""
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.protection import SheetProtection

    ws.title = TASKS_SHEET[lang]
    letter = {key: get_column_letter(n) for n, key in enumerate(LAYOUT, start=1)}
    last = letter[LAYOUT[-1]]
    border = styles.thin_border()
    wrap = Alignment(vertical="center", wrap_text=True)
    unlocked = Protection(locked=False)

    title = say("tasks-sheet-title", lang, title=catalogue.catalogue.title.get(lang))
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 24
    styles.put_text(ws["A2"], _HINT[lang])
    ws["A2"].alignment = wrap
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[2].height = styles.LINE_HEIGHT * 2

    for key in LAYOUT:
        styles.style_header(ws[f"{letter[key]}{HEADER_ROW}"])
        ws[f"{letter[key]}{HEADER_ROW}"].value = task_header(key, lang)

    sep = say("sep-clause", lang)
    for row, task in enumerate(tasks, start=FIRST_ROW):
        phase = catalogue.phase(task.due)
        due = say("bracketed", lang, text=phase.last_day.isoformat(), inner=phase.clause)
        lead = task.lead or "—"
        if task.lead is not None and lang == "en":
            lead = catalogue.department(task.lead).name.en
        texts = {
            "code": task.code,
            "title": task.title.get(lang),
            "lead": lead,
            "due": due,
            "deliverables": sep.join(d.name.get(lang) for d in task.deliverables),
        }
        for key, text in texts.items():
            cell = ws[f"{letter[key]}{row}"]
            styles.put_text(cell, text)
            cell.border = border
            cell.alignment = wrap
        ws[f"{letter['code']}{row}"].font = Font(bold=True)
        for key in INPUTS:
            cell = ws[f"{letter[key]}{row}"]
            cell.fill = styles.fill(styles.FILL_INPUT)
            cell.border = border
            cell.protection = unlocked
            cell.alignment = wrap
        ws[f"{letter['completed']}{row}"].number_format = "yyyy-mm-dd"
        ws.row_dimensions[row].height = styles.LINE_HEIGHT * max(
            styles.lines_needed(texts["deliverables"], 50), styles.lines_needed(texts["lead"], 16)
        )
    if tasks:
        end = FIRST_ROW + len(tasks) - 1
        status, completed = letter["status"], letter["completed"]
        ws.add_data_validation(_status_validation(f"{status}{FIRST_ROW}:{status}{end}", lang))
        ws.add_data_validation(_date_validation(f"{completed}{FIRST_ROW}:{completed}{end}", lang))

    widths = {
        "code": 8,
        "title": 24 if lang == "zh" else 34,
        "lead": 12 if lang == "zh" else 24,
        "due": 20,
        "deliverables": 50,
        "status": 12,
        "evidence": 30,
        "completed": 14,
        "note": 24,
    }
    for key, width in widths.items():
        ws.column_dimensions[letter[key]].width = width
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, selectLockedCells=False
    )


def _status_validation(cells: str, lang: Lang) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    words = choices(lang)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(words) + '"',
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=say("tasks-status", lang),
        prompt=say("choose-from", lang, choices=LIST_SEPARATOR[lang].join(words)),
        errorTitle=say("status-invalid-title", lang),
        error=say("please-choose-from", lang, choices=LIST_SEPARATOR[lang].join(words)),
    )
    dv.add(cells)
    return dv


def _date_validation(cells: str, lang: Lang) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(
        type="date",
        operator="between",
        formula1=_FIRST_DATE,
        formula2=_LAST_DATE,
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=say("tasks-completed", lang),
        prompt=say("date-prompt", lang),
        errorTitle=say("date-invalid-title", lang),
        error=say("date-error", lang),
    )
    dv.add(cells)
    return dv
