"""Tables (pandas frames) written as sheets of an output workbook, every text cell safe from
formula injection: shared by the workbooks of `qcity gaps` and of a batch."""

from __future__ import annotations

import re
from typing import Any

from qcity.render.escape import spreadsheet_text

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


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
