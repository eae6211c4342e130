"""Fill a qcity template the way a script (or a person) would: by code and header, with openpyxl."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

VALUE_HEADERS = ("实际值", "value")
CODE_HEADERS = ("指标代码", "code")


def fill(template: Path, values: Mapping[str, Any], out: Path, column: str = "value") -> Path:
    """Write *values* ({code: cell value}) into the value column of *template*, saved as *out*."""
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    headers = {"value": VALUE_HEADERS, "numerator": ("分子", "numerator")}[column]
    header_row = next(
        r
        for r in range(1, 21)
        if any(str(c.value).casefold() in CODE_HEADERS for c in ws[r] if c.value is not None)
    )
    target = next(
        c.column for c in ws[header_row] if c.value and str(c.value).casefold() in headers
    )
    seen = set()
    for row in range(header_row + 1, ws.max_row + 1):
        code = str(ws.cell(row, 1).value)
        if code in values:
            ws.cell(row, target).value = values[code]
            seen.add(code)
    assert seen == set(values), f"codes not in the template: {set(values) - seen}"
    wb.save(out)
    return out
