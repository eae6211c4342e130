"""Styling shared by the workbooks qcity writes (template, annotated copy): widths, fills, borders."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from qcity.results import Status

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# Fills (RGB) of Excel's own "Good / Bad / Neutral" cell styles, so they read as usual.
FILL_MET = "C6EFCE"
FILL_UNMET = "FFC7CE"
FILL_MISSING = "D9D9D9"
FILL_INVALID = "F8CBAD"  # orange
FILL_WARNING = "FFEB9C"
FILL_INPUT = "FFF2CC"
FILL_NOT_APPLICABLE = "F2F2F2"
FILL_HEADER = "D9E1F2"
FONT_MET = "006100"
FONT_UNMET = "9C0006"
FONT_MISSING = "404040"
FONT_INVALID = "833C0B"
FONT_WARNING = "9C5700"
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.MET: (FILL_MET, FONT_MET),
    Status.UNMET: (FILL_UNMET, FONT_UNMET),
    Status.MISSING: (FILL_MISSING, FONT_MISSING),
    Status.INVALID: (FILL_INVALID, FONT_INVALID),
}
SEVERITY_COLOURS: dict[str, tuple[str, str]] = {
    "error": (FILL_INVALID, FONT_INVALID),
    "warning": (FILL_WARNING, FONT_WARNING),
    "info": (FILL_WARNING, FONT_WARNING),
}
SEVERITY_MARK = {"error": "✖", "warning": "⚠", "info": "ℹ"}

LINE_HEIGHT = 16.5  # points per wrapped line at the default 11 pt, CJK fonts included


def text_width(text: str) -> int:
    """Width of *text* in Excel column units: a CJK (wide) character counts as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """How many lines *text* wraps to in a column *width* units wide."""
    return sum(max(1, math.ceil(text_width(part) / max(width - 1, 1))) for part in text.split("\n"))


def fit_columns(ws: Worksheet, widths: Mapping[str, Iterable[str]], cap: int = 60) -> None:
    """Set each column's width to fit the longest of its texts, within *cap*."""
    for letter, texts in widths.items():
        widest = max((text_width(t) for t in texts), default=8)
        ws.column_dimensions[letter].width = min(max(widest + 3, 6), cap)


def fill(rgb: str) -> Any:
    """A solid fill of colour *rgb*."""
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=rgb)


def thin_border() -> Any:
    """A thin grey border on every side."""
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="BFBFBF")
    return Border(left=side, right=side, top=side, bottom=side)


def style_header(cell: Any) -> None:
    """Bold, shaded, bordered and wrapped: how every header cell qcity writes looks."""
    from openpyxl.styles import Alignment, Font

    cell.font = Font(bold=True)
    cell.fill = fill(FILL_HEADER)
    cell.border = thin_border()
    cell.alignment = Alignment(vertical="center", wrap_text=True)


def put_text(cell: Any, text: str) -> None:
    """Write *text* as a string even when it starts with "=" (a target such as "= 100%")."""
    cell.value = text
    cell.data_type = "s"
