"""qcity.layout: the one declaration of the sheets, as the template writes them and the reader reads them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qcity.lang import Lang
from qcity.layout import DATA, SERIES, TASKS
from qcity.workbook import task_header_key
from qcity.workbook.reader import header_key
from qcity.workbook.series_sheet import series_header_key

from .conftest import Run

# The template's header rows, written out by hand: (sheet, header row) -> headers, per language.
EXPECTED: dict[Lang, dict[str, tuple[int, list[str]]]] = {
    "zh": {
        "数据": (3, ["指标代码", "指标名称", "单位", "目标", "牵头部门", "实际值", "分子", "分母", "备注"]),
        "任务": (3, ["任务代码", "任务", "牵头部门", "完成时限", "应交成果", "状态", "证明材料", "完成日期", "备注"]),
        "序列": (2, ["序列代码", "序列名称", "单位", "口径"]),
    },
    "en": {
        "data": (3, ["Code", "Indicator", "Unit", "Target", "Lead department", "Value", "Numerator", "Denominator", "Note"]),
        "tasks": (3, ["Task code", "Task", "Lead department", "Due by", "Deliverables", "Status", "Evidence", "Completion date", "Note"]),
        "series": (2, ["Series", "Name", "Unit", "Basis"]),
    },
}  # fmt: skip
# What the reader makes of each template header: the key of a column it reads, else None.
READ_AS = {
    "data": ["code", None, None, None, None, "value", "numerator", "denominator", "note"],
    "tasks": ["code", None, None, None, None, "status", "evidence", "completed", "note"],
    "series": ["code", "name", "unit", "basis"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_writes_what_the_reader_reads(
    lang: Lang, cli: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / f"template-{lang}.xlsx"
    run = cli("template", out, "--lang", lang)
    assert run.exit_code == 0, run.output
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == list(EXPECTED[lang])
    keys = {"数据": "data", "任务": "tasks", "序列": "series"}
    readers = {"data": header_key, "tasks": task_header_key, "series": series_header_key}
    for sheet, (row, headers) in EXPECTED[lang].items():
        kind = keys.get(sheet, sheet)
        written = [c.value for c in wb[sheet][row]][: len(headers)]
        assert written == headers, sheet
        assert [readers[kind](h) for h in written] == READ_AS[kind], sheet


def test_the_reader_accepts_every_declared_name_in_any_case() -> None:
    assert header_key("实际值(%)") == "value"
    assert header_key("VALUE") == "value"
    assert header_key("区县") == "district"  # read, although the template has no such column
    assert task_header_key("进展情况") == "status"
    assert task_header_key("Date Completed") == "completed"
    assert series_header_key("来源") == "note"
    for layout, read in ((DATA, header_key), (TASKS, task_header_key), (SERIES, series_header_key)):
        for column in layout.columns:
            for name in column.names:
                assert read(name.upper()) == column.key, name


def test_sheet_names_and_template_order() -> None:
    assert (DATA.names, TASKS.names, SERIES.names) == (
        ("数据", "data"),
        ("任务", "tasks"),
        ("序列", "series"),
    )
    assert DATA.reads("district") and not DATA.reads("name")
    # every read column of the template is declared, and the first name is the Chinese header
    for layout in (DATA, TASKS, SERIES):
        assert all(c.names[0] == c.zh for c in layout.columns)
        assert {k for k in layout.template if layout.reads(k)} <= {c.key for c in layout.columns}


def test_the_layout_module_stays_light() -> None:
    import subprocess
    import sys

    code = "import sys, qcity.layout; print(sorted(m for m in sys.modules if m.startswith(('openpyxl', 'qcity'))))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "['qcity', 'qcity.lang', 'qcity.layout']"
