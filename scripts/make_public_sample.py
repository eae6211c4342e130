"""Write data/xian-2015-public.xlsx: Xi'an's own published figures for 2015, where any were found.

Every figure comes from a statistical communiqué, a government work report or a press report of
one, and its source is written in the note column. Where no published figure was found the cell
stays empty: honest partial data is the point, and `qcity check` says what it makes of it.
Figures listed in the project's issue that could not be checked against a source are left out
(see README, "The public sample"). Run `python scripts/make_public_sample.py` after changing the
catalogue or a source; tests/test_public_sample.py fails while the committed file differs.
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
SAMPLE = ROOT / "data" / "xian-2015-public.xlsx"

# The sources, cited by key in the notes. Each was read in a stored copy of the page; the
# README lists which figure comes from which and what could not be verified.
SOURCES: dict[str, str] = {
    "GWR2015": (
        "西安市政府工作报告(2015年2月,市十五届人大五次会议),西安人大网 "
        "http://www.china-xa.gov.cn/dhhk155/6745.jhtml"
    ),
    "GWR2016": (
        "西安晚报 2016-05-23《政府工作报告解读之一 拼搏“十二五” 成就幸福西安》(报道 2016 年市政府工作报告) "
        "https://m.yybnet.net/xian/news/201605/4265523.html"
    ),
    "STATS2015": (
        "陕西省统计局“十二五”西安经济数据(媒体报道,转载于 "
        "http://www.sikaile.net/wenshubaike/lwzy/27602.html)"
    ),
    "GWR2013": (
        "华商报 2013-01-22《西安市十五届人大三次会议昨开幕》(报道 2013 年市政府工作报告) "
        "https://yybnet.net/xian/changan/201301/4215507.html"
    ),
    "WATER2013": (
        "中国水利网 2013-12-23《西安水污染治理夺得季考三连冠》(西安市水务局) "
        "http://www.chinawater.com.cn/newscenter/df/shx/201312/t20131223_294032.html"
    ),
    "WASTE2015": "《西安市城市生活垃圾处理情况》(转载) http://www.p719.cn/21624515.html",
    "FOREST2015": (
        "西安晚报 2015-08-21《西安城区绿化覆盖率达42% 下半年将建7座公园》(转载) "
        "https://xian.baogaosu.com/xinwen/%E4%B8%8B%E5%8D%8A%E5%B9%B4%E5%B0%86%E5%BB%BA7"
        "%E5%BA%A7%E5%85%AC%E5%9B%AD%E5%BA%A7%E5%85%AC%E5%9B%AD/36818765"
    ),
}

NOT_FOUND = "未找到公开发布的数值,留空"

# The data sheet: code -> (value, numerator, denominator, note). None is an empty cell.
DATA: dict[str, tuple[Any, Any, Any, str]] = {
    "ENV-01": (
        None,
        None,
        None,
        "未找到较 2010 年累计下降的公开数值;2015 年政府工作报告只说 2014 年“万元GDP能耗下降4%左右”"
        "(单年、约数,不是本指标)。来源:GWR2015",
    ),
    # Only figures published for the report year go in 实际值: the end-2013 sewage figures (and
    # the 91% for the main urban area only, not the whole city) are cited but not entered.
    "ENV-04": (
        None,
        None,
        None,
        "未找到 2015 年的公开数值,留空。另有 2013 年底主城区(非全市)污水处理率 91%:"
        "年份和范围都不是本指标的,不填入。来源:WATER2013",
    ),
    "ENV-05": (
        None,
        None,
        None,
        "未找到 2015 年的公开数值,留空。另有 2013 年底县城污水处理率 75%:是 2013 年的数值,"
        "不填入 2015 年。来源:WATER2013",
    ),
    "ENV-06": (
        97.9,
        325.34,
        332.34,
        "2015 年全市生活垃圾无害化处理量 325.34 万吨 / 清运量 332.34 万吨,公布为 97.9%。来源:WASTE2015",
    ),
    "ENV-07": (
        None,
        None,
        None,
        "2015 年 8 月报道“市域森林覆盖率已经超过45%”:是约数,无法判定是否达到 48%,留空。来源:FOREST2015",
    ),
    "ECO-01": (
        10.9,
        None,
        None,
        "“十二五”期间生产总值年均增长 10.9%。来源:GWR2016、STATS2015",
    ),
    "ECO-02": (
        None,
        None,
        None,
        "2015 年 650.91 亿元,“是‘十一五’末的2.7倍”(STATS2015);未找到公布的年均增速和 2010 年"
        "基数,序列表也缺 2010 年,留空",
    ),
    "ECO-04": (
        None,
        None,
        None,
        "未找到公布的城乡收入比;由序列表计算:城镇 39007 元 / 农民人均纯收入 15778 元(2015)",
    ),
}

# The series sheet: code -> ({year: figure}, basis, note).
YEARS = list(range(2010, 2016))
SERIES: dict[str, tuple[dict[int, Any], str | None, str]] = {
    "GDP": ({2014: 5474.8, 2015: 5810.03}, None, "2014:GWR2015;2015:GWR2016、STATS2015"),
    "GDP_REAL_GROWTH": (
        {2014: 9.9, 2015: 8.2},
        None,
        "2014:GWR2015;2015:GWR2016、STATS2015;2011–2013 未能核实",
    ),
    "REVENUE": (
        {2012: 396.96, 2014: 583.8, 2015: 650.91},
        None,
        "2012:GWR2013;2014:GWR2015;2015:GWR2016、STATS2015(2014 年起称一般公共预算收入)",
    ),
    "URBAN_INCOME": ({2015: 39007}, None, "2015:STATS2015"),
    "RURAL_INCOME": ({2015: 15778}, "纯收入", "2015:STATS2015,公布为“农民人均纯收入”"),
}


def build(path: Path) -> None:
    """Write the public sample workbook to *path*."""
    catalogue = load_catalogue()
    wb = Workbook()
    data = wb.active
    assert data is not None
    data.title = "数据"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")

    data["A1"] = (
        "西安市 2015 年公开数据 · 质量强市指标(取自统计公报、政府工作报告及其报道;未找到的留空)"
    )
    data["A1"].font = Font(bold=True, size=14)
    data["A2"] = "报告期"
    data["B2"] = "2015年"
    header = ["指标代码", "指标名称", "单位", "目标", "实际值", "分子", "分母", "备注"]
    for col, title in enumerate(header, start=1):
        cell = data.cell(3, col, title)
        cell.font, cell.fill = bold, fill
    for n, ind in enumerate(catalogue.indicators, start=4):
        value, num, den, note = DATA.get(ind.code, (None, None, None, NOT_FOUND))
        row = [ind.code, ind.name.zh, display.UNIT_LABEL[ind.unit]["zh"]]
        row += [display.target(ind, "zh"), value, num, den, note]
        for col, item in enumerate(row, start=1):
            if item is not None:
                data.cell(n, col, item)
    widths = (10, 44, 12, 14, 10, 10, 10, 90)
    _layout(data, header_row=3, widths=widths)

    sheet = wb.create_sheet("序列")
    sheet["A1"] = "西安市公开统计数据序列(2010–2015),备注列注明每个数值的来源"
    sheet["A1"].font = Font(bold=True, size=14)
    series_header: list[Any] = ["序列代码", "序列名称", "单位", "口径", *YEARS, "备注"]
    for col, title in enumerate(series_header, start=1):
        cell = sheet.cell(2, col, title)
        cell.font, cell.fill = bold, fill
    for n, series in enumerate(catalogue.series, start=3):
        figures, basis, note = SERIES.get(series.code, ({}, None, NOT_FOUND))
        sheet.cell(n, 1, series.code)
        sheet.cell(n, 2, series.name.zh)
        sheet.cell(n, 3, series.unit.zh)
        if basis is not None:
            sheet.cell(n, 4, basis)
        for col, year in enumerate(YEARS, start=5):
            if year in figures:
                sheet.cell(n, col, figures[year])
        sheet.cell(n, 5 + len(YEARS), note)
    _layout(sheet, header_row=2, widths=(18, 26, 12, 8, 10, 10, 10, 10, 10, 10, 70))

    sources = wb.create_sheet("来源")
    sources["A1"], sources["B1"] = "代号", "来源"
    sources["A1"].font = sources["B1"].font = bold
    for n, (key, text) in enumerate(SOURCES.items(), start=2):
        sources.cell(n, 1, key)
        sources.cell(n, 2, text)
    _layout(sources, header_row=1, widths=(12, 120))

    fixed = dt.datetime(2016, 6, 1, 9, 0, 0)
    wb.properties.creator = "qcity public sample"
    wb.properties.title = "西安市 2015 年公开数据(质量强市指标)"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def _layout(ws: Any, header_row: int, widths: tuple[int, ...]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = Alignment(vertical="center")
    ws.freeze_panes = f"A{header_row + 1}"


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE)
