"""Write a submission whose styles.xml holds N named cell styles (default 40,000), to time it.

    python scripts/make_named_styles.py OUT.xlsx [N]

Named-style bloat is common in workbooks passed around for years (each paste from another
workbook brings its styles). 40,000 is about the most the default --max-inflated lets in.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def styles_xml(count: int) -> bytes:
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * count
    names = "".join(f'<cellStyle name="S{n}" xfId="{n}"/>' for n in range(count))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        f'<cellStyleXfs count="{count}">{xfs}</cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        f'<cellStyles count="{count}">{names}</cellStyles></styleSheet>'
    ).encode()


def main() -> None:
    out, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 40_000
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.conftest import all_met, data_rows

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    for row in data_rows(all_met()):
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = styles_xml(count) if info.filename == "xl/styles.xml" else z.read(info)
            w.writestr(info.filename, data)


if __name__ == "__main__":
    main()
