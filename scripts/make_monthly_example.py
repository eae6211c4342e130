"""Write data/monthly/: two months of invented returns, for batches, districts and `qcity diff`.

Three districts report every indicator each month (雁塔区, 碑林区, 高新区 — the last one renames its
file in July, which its 填报单位 cell makes harmless), and in July the city's consolidated return
(全市汇总) gives its rates by district as numerator and denominator. All figures are invented.
Run `python scripts/make_monthly_example.py` after changing the catalogue; tests/test_batch.py
fails while the committed files differ from what this writes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
MONTHLY = ROOT / "data" / "monthly"

BASE: dict[str, Any] = {
    "PRD-01": 93.1, "PRD-02": 94.6, "PRD-03": 96.0, "PRD-04": 95.4,
    "CON-01": 100, "CON-02": 98.3, "CON-03": 100, "CON-04": 100,
    "SRV-01": 1, "SRV-02": 81.5, "SRV-03": 76.2,
    "ENV-01": 13.2, "ENV-02": 13.1, "ENV-03": "是", "ENV-04": 93.4, "ENV-05": 74.6,
    "ENV-06": 95.8, "ENV-07": 48.6,
    "ECO-01": 11.2, "ECO-02": 16.4, "ECO-03": 53.1, "ECO-04": 2.51, "ECO-05": 5.6,
    "SAF-01": "是",
}  # fmt: skip

# month -> file name -> (填报单位, the figures that differ from BASE)
RETURNS: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {
    "2015-06": {
        "雁塔区.xlsx": ("雁塔区", {"PRD-02": 93.7, "ENV-07": 45.9, "ECO-05": 5.3}),
        "碑林区.xlsx": ("碑林区", {"CON-02": 97.8}),
        "高新区.xlsx": ("高新区", {"SRV-01": 0, "ECO-01": 10.8}),
    },
    "2015-07": {
        "雁塔区.xlsx": ("雁塔区", {"PRD-02": 94.2, "ENV-07": 46.4, "ECO-05": 5.3}),
        "碑林区.xlsx": ("碑林区", {"CON-02": 98.1, "ENV-04": 92.6, "ECO-04": 2.55}),
        "高新区 2015年7月.xlsx": ("高新区", {"SRV-01": 2, "ECO-01": 10.8, "ENV-03": None}),
    },
}
# The city's consolidated July return: the city's figure, then each district's fraction.
CITY: list[tuple[str, str | None, Any, Any, Any]] = [
    ("PRD-02", None, 94.1, None, None),
    ("PRD-02", "雁塔区", None, 1130, 1200),
    ("PRD-02", "碑林区", None, 868, 920),
    ("PRD-02", "高新区", None, 655, 700),
    ("ENV-06", None, 97.2, None, None),
    ("ENV-06", "雁塔区", None, 58.1, 59.2),
    ("ENV-06", "碑林区", None, 41.7, 43.9),
    ("ENV-06", "高新区", None, 30.2, 31.0),
    ("CON-02", None, 98.2, None, None),
    ("CON-02", "雁塔区", 98.6, None, None),
    ("CON-02", "碑林区", 98.1, None, None),
]
FIXED = dt.datetime(2015, 8, 1, 9, 0, 0)


def _save(wb: Workbook, path: Path) -> None:
    wb.properties.creator = "qcity example"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def district_return(path: Path, unit: str, month: str, changes: dict[str, Any]) -> None:
    """One district's return: every indicator, the 填报单位 and 报告期 above the header."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws.append(["质量强市指标填报表(示例数据,纯属虚构)"])
    ws.append(["填报单位", unit, "报告期", f"{month[:4]}年{int(month[5:])}月"])
    ws.append(["指标代码", "实际值", "备注"])
    for code, value in (BASE | changes).items():
        ws.append([code, value, None])
    _save(wb, path)


def city_return(path: Path) -> None:
    """The city's consolidated return with a 区县 column."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws.append(["质量强市指标汇总表(示例数据,纯属虚构)"])
    ws.append(["填报单位", "全市汇总", "报告期", "2015年7月"])
    ws.append(["指标代码", "区县", "实际值", "分子", "分母"])
    for row in CITY:
        ws.append(list(row))
    _save(wb, path)


def build(root: Path) -> None:
    """Write every month's returns under *root*."""
    for month, files in RETURNS.items():
        for name, (unit, changes) in files.items():
            district_return(root / month / name, unit, month, changes)
    city_return(root / "2015-07" / "全市汇总.xlsx")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else MONTHLY)
