"""The only package that touches openpyxl: recognise the file, find sheet and header, read
located cells (reader), row by row within limits (rows), and the optional series and tasks
sheets."""

from __future__ import annotations

from qcity.workbook.reader import (
    COLUMNS,
    DATA_SHEET_NAMES,
    SheetRow,
    Submission,
    header_key,
    read_submission,
)
from qcity.workbook.rows import HEADER_SEARCH_ROWS, PERIOD_NAMES, PeriodMark, column_letter
from qcity.workbook.series_sheet import SeriesRow, SeriesSheet
from qcity.workbook.tasks_sheet import TASK_SHEET_NAMES, TaskRow, TasksSheet, task_header_key

__all__ = [
    "COLUMNS",
    "DATA_SHEET_NAMES",
    "HEADER_SEARCH_ROWS",
    "PERIOD_NAMES",
    "TASK_SHEET_NAMES",
    "PeriodMark",
    "SeriesRow",
    "SeriesSheet",
    "SheetRow",
    "Submission",
    "TaskRow",
    "TasksSheet",
    "column_letter",
    "header_key",
    "read_submission",
    "task_header_key",
]
