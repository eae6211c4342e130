"""The workbook's stylesheet, read at what it costs: the check skips named styles, the copy keeps
them in linear time (openpyxl's own reading is quadratic in their number)."""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from typing import Any

# Named styles: irrelevant to reading values, and a bloated file holds tens of thousands.
_NAMED = re.compile(
    rb"<(?P<p>\w+:)?(?P<t>cellStyleXfs|cellStyles)\b[^>]*?(?:/>|>.*?</(?P=p)?(?P=t)>)", re.DOTALL
)
_NAMED_STYLE = re.compile(rb"<(?:\w+:)?cellStyle\b")
_CELL_XFS = re.compile(rb"<(?P<p>\w+:)?cellXfs\b.*?</(?P=p)?cellXfs>", re.DOTALL)
_XF_ID = re.compile(rb'\sxfId="\d+"')


def apply_styles(archive: Any, wb: Any, *, keep_named: int) -> int:
    """Read xl/styles.xml from *archive* into *wb*, as openpyxl's apply_stylesheet does; return
    how many named styles were left out.

    Named cell styles (cellStyleXfs, cellStyles) are read only when there are at most
    *keep_named* of them (0: never, as for the check, which needs only cell and number
    formats); then each name once, in linear time. openpyxl builds several objects per named
    style (a few tenths of a millisecond each), so a bloated file's tens of thousands are left
    out, their cells keeping their own formats, and the count is returned to be reported.
    """
    from openpyxl.styles.builtins import styles
    from openpyxl.styles.named_styles import NamedStyleList
    from openpyxl.styles.stylesheet import Stylesheet
    from openpyxl.utils.indexed_list import IndexedList
    from openpyxl.xml.constants import ARC_STYLE
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
        return 0
    count = len(_NAMED_STYLE.findall(src))
    named = count <= keep_named
    stylesheet: Any = None
    if named:
        try:
            # openpyxl prints "N is out of range" for such a style: stdout may be a JSON report.
            with contextlib.redirect_stdout(io.StringIO()):
                stylesheet = LinearStylesheet.from_tree(fromstring(src))
        except (IndexError, KeyError, TypeError, ValueError):
            # A named style pointing at a format that is not there: the check never reads
            # them, so the copy leaves them out too rather than fail where the check did not.
            named = False
    if not named:
        # Cut them out of the text: never parsed, never built (removing a parsed element
        # with 40,000 children costs seconds in lxml). Cell formats then point at the
        # default named style, the only one left.
        src = _CELL_XFS.sub(lambda m: _XF_ID.sub(b' xfId="0"', m[0]), _NAMED.sub(b"", src))
        node: Any = fromstring(src)
        stylesheet = LinearStylesheet.from_tree(node)
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
    return 0 if named or keep_named == 0 else count
