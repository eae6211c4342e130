"""The optional 任务 / tasks sheet: where each of the plan's tasks stands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qcity.errors import Issue, Location, Severity
from qcity.layout import TASKS
from qcity.results import Cell
from qcity.values import clean_text
from qcity.workbook.rows import (
    HEADER_SEARCH_ROWS,
    column_letter,
    first_of_each,
    header_lookup,
    header_name,
    holds_something,
    limited_rows,
    make_cell,
    number_formats,
    without_code,
)
from qcity.zipguard import (
    Limits,
)

# The optional tasks sheet: one row per task of the plan, its progress and the evidence.
TASK_SHEET_NAMES = TASKS.names


TASK_COLUMNS: dict[str, tuple[str, ...]] = TASKS.aliases()  # declared in qcity.layout


_TASK_LOOKUP = header_lookup(TASK_COLUMNS)


@dataclass(frozen=True)
class TaskRow:
    """A row of the tasks sheet: its number, the code cell, and the other cells by key."""

    number: int
    code_cell: Cell
    cells: dict[str, Cell]  # status, evidence, completed, note (those the sheet has)


@dataclass(frozen=True)
class TasksSheet:
    """The optional tasks sheet, as read: no judgement yet."""

    sheet: str
    header_row: int
    columns: dict[str, str]  # column key -> column letter
    rows: list[TaskRow]


def task_header_key(text: object) -> str | None:
    """The tasks-sheet column a header cell names, if any."""
    if not isinstance(text, str):
        return None
    return _TASK_LOOKUP.get(header_name(text))


def read_tasks_sheet(
    wb: Any, ws: Any, shown: str, limits: Limits, issues: list[Issue]
) -> TasksSheet | None:
    """Read the tasks sheet: every problem is a warning, since tasks never decide the exit code."""
    formats = number_formats(wb)
    header_row = 0
    keys: dict[int, str] = {}  # column index -> key
    rows: list[TaskRow] = []
    for number, cells, _attrs in limited_rows(wb, ws, shown, limits):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                break
            found = {
                c["column"]: k for c in cells if (k := task_header_key(c["value"])) is not None
            }
            if not {"code", "status"} <= set(found.values()):
                continue
            header_row = number
            keys = first_of_each(
                found,
                lambda key: TASK_COLUMNS[key][0],
                shown,
                ws.title,
                number,
                issues,
                Severity.WARNING,
            )
            continue
        picked = {keys[c["column"]]: c for c in cells if c["column"] in keys}
        code = picked.get("code")
        if code is None or not clean_text(str(code["value"] or "")):
            if any(holds_something(c) for k, c in picked.items() if k != "code"):
                issues.append(without_code("task-without-code", keys, shown, ws.title, number))
            continue
        rows.append(
            TaskRow(
                number=number,
                code_cell=make_cell(code, formats),
                cells={k: make_cell(c, formats) for k, c in picked.items() if k != "code"},
            )
        )
    if not header_row:
        issues.append(
            Issue(
                "no-tasks-header",
                Location(file=shown, sheet=ws.title),
                {"rows": HEADER_SEARCH_ROWS},
            )
        )
        return None
    return TasksSheet(
        sheet=ws.title,
        header_row=header_row,
        columns={key: column_letter(col) for col, key in keys.items()},
        rows=rows,
    )
