"""Write data/example-submission.xlsx: an illustrative (invented) complete submission.

Every accepted notation appears at least once, and some targets are deliberately unmet, so the
example shows what a report looks like. Run `python scripts/make_example.py` after changing the
catalogue; tests/test_example.py fails while the committed file differs from what this writes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from qcity.catalogue import load_catalogue
from qcity.render import display

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "example-submission.xlsx"

HEADER = ["指标代码", "指标名称", "单位", "目标", "实际值", "分子", "分母", "备注"]

# code -> (value cell, number format or None, numerator, denominator, note)
ROWS: dict[str, tuple[Any, str | None, Any, Any, str]] = {
    "PRD-01": (93.5, None, None, None, "数字,按百分数理解"),
    "PRD-02": (None, None, 1121, 1200, "只填分子分母:合格批次/抽查批次,由 qcity 计算"),
    "PRD-03": ("96.2%", None, None, None, "文本,带百分号"),
    "PRD-04": (0.958, "0.0%", None, None, "单元格为百分比格式(存储 0.958,显示 95.8%)"),
    "CON-01": ("１００％", None, None, None, "全角数字和全角百分号"),
    "CON-02": (97.6, None, 1220, 1250, "同时填写实际值和分子分母,qcity 会核对二者一致"),
    "CON-03": (100, None, None, None, ""),
    "CON-04": ("100", None, None, None, "文本形式的数字"),
    "SRV-01": ("3项", None, None, None, "个数,可带“个”“项”"),
    "SRV-02": (82.4, None, None, None, ""),
    "SRV-03": ("78.1 %", None, None, None, ""),
    "ENV-01": (13.6, None, None, None, "较2010年下降的百分数"),
    "ENV-02": (12.4, None, None, None, ""),
    "ENV-03": ("是", None, None, None, "是/否"),
    "ENV-04": (92.1, None, None, None, ""),
    "ENV-05": (75.0, None, None, None, ""),
    "ENV-06": (None, None, "325.34", "332.34", "分子分母可为小数(万吨)"),
    "ENV-07": (45.2, None, None, None, ""),
    "ECO-01": (10.9, None, None, None, ""),
    "ECO-02": (18.5, None, None, None, ""),
    "ECO-03": (52.6, None, None, None, "“53%左右”:不低于 52% 即达标"),
    "ECO-04": ("2.47∶1", None, None, None, "比值,前项∶1(也可写 2.47 或 2.47:1)"),
    "ECO-05": ("5.2", None, None, None, ""),
    "SAF-01": ("是", None, None, None, "一票否决:未达标时整体不通过"),
}


def build(path: Path) -> None:
    """Write the example workbook to *path*."""
    catalogue = load_catalogue()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws["A1"] = "西安市创建全国质量强市示范城市 · 指标填报表(示例数据,纯属虚构,仅供演示)"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws["A2"] = "填报单位:示例单位    报告期:2015年6月"
    ws.merge_cells("A2:H2")
    header_row = 3
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, title in enumerate(HEADER, start=1):
        head = ws.cell(header_row, col, title)
        head.font = bold
        head.fill = fill
    for n, ind in enumerate(catalogue.indicators, start=header_row + 1):
        value, fmt, num, den, note = ROWS[ind.code]
        ws.cell(n, 1, ind.code)
        ws.cell(n, 2, ind.name.zh)
        ws.cell(n, 3, display.UNIT_LABEL[ind.unit]["zh"])
        ws.cell(n, 4, display.target(ind, "zh"))
        value_cell = ws.cell(n, 5, value)
        if fmt:
            value_cell.number_format = fmt
        ws.cell(n, 6, num)
        ws.cell(n, 7, den)
        ws.cell(n, 8, note or None)
    for col, width in zip(range(1, 9), (10, 44, 12, 14, 12, 10, 10, 48), strict=True):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = Alignment(vertical="center")
    ws.freeze_panes = f"A{header_row + 1}"
    fixed = dt.datetime(2015, 7, 1, 9, 0, 0)
    wb.properties.creator = "qcity example"
    wb.properties.title = "质量强市指标填报(示例)"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLE)
