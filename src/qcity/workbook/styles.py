"""The workbook's stylesheet, read at what it costs: the check skips named styles, the copy keeps
them in linear time (openpyxl's own reading is quadratic in their number)."""

from __future__ import annotations

import warnings
from typing import Any

# Named styles: irrelevant to reading values, and a bloated file holds tens of thousands.
_NAMED_PARTS = ("cellStyleXfs", "cellStyles")


def apply_styles(archive: Any, wb: Any, *, named: bool) -> None:
    """Read xl/styles.xml from *archive* into *wb*, as openpyxl's apply_stylesheet does.

    With *named* false the named cell styles (cellStyleXfs, cellStyles) are not read: reading
    values needs only the cell formats and number formats. With *named* true they are read,
    each name once, in linear time.
    """
    from openpyxl.styles.builtins import styles
    from openpyxl.styles.named_styles import NamedStyleList
    from openpyxl.styles.stylesheet import Stylesheet
    from openpyxl.utils.indexed_list import IndexedList
    from openpyxl.xml.constants import ARC_STYLE, SHEET_MAIN_NS
    from openpyxl.xml.functions import fromstring

    class LinearStylesheet(Stylesheet):
        def _merge_named_styles(self) -> Any:
            merged = NamedStyleList()
            if named:
                for n, ref in enumerate(self.cellStyles.remove_duplicates()):
                    style = self._expand_named_style(ref)  # type: ignore[attr-defined]
                    style._style.xfId = n
                    list.append(merged, style)  # NamedStyleList.append is O(n) per style
            return merged

    try:
        src = archive.read(ARC_STYLE)
    except KeyError:
        return
    node = fromstring(src)
    if not named:
        for tag in _NAMED_PARTS:
            part = node.find(f"{{{SHEET_MAIN_NS}}}{tag}")
            if part is not None:
                node.remove(part)
    stylesheet: Any = LinearStylesheet.from_tree(node)
    if stylesheet.cell_styles:
        wb._borders = IndexedList(stylesheet.borders)
        wb._fonts = IndexedList(stylesheet.fonts)
        wb._fills = IndexedList(stylesheet.fills)
        wb._differential_styles.styles = stylesheet.dxfs
        wb._number_formats = stylesheet.number_formats
        wb._protections = stylesheet.protections
        wb._alignments = stylesheet.alignments
        wb._table_styles = stylesheet.tableStyles
        wb._cell_styles = stylesheet.cell_styles
        wb._named_styles = stylesheet.named_styles
        wb._date_formats = stylesheet.date_formats
        wb._timedelta_formats = stylesheet.timedelta_formats
        for style in wb._named_styles:
            style.bind(wb)
    if not wb._named_styles:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb.add_named_style(styles["Normal"])
    if stylesheet.colors is not None:
        wb._colors = stylesheet.colors.index
