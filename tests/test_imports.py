"""Start-up cost: what each command imports (heavy libraries only when needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLE, ROOT, N

PROBE = """
import sys
from qcity.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted(
    m
    for m in ("pandas", "openpyxl", "numpy", "pydantic", "yaml", "rich", "PIL",
              "qcity.workbook.fastsheet")
    if m in sys.modules
)
sys.stderr.write("IMPORTED " + " ".join(heavy))
"""


def imported(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    line = proc.stderr.rsplit("IMPORTED", 1)[1]
    return set(line.split())


def test_check_of_a_small_workbook_imports_only_what_it_uses() -> None:
    mods = imported("check", str(EXAMPLE), "--format", "json")
    assert "qcity.workbook.fastsheet" in mods  # the probe really read a workbook
    # The standard library's reader reads it: no openpyxl (nor the numpy and PIL it would
    # bring), no pandas, and no rich for a JSON report.
    assert mods.isdisjoint({"openpyxl", "numpy", "PIL", "pandas", "rich"}), mods


def test_a_workbook_the_fast_reader_leaves_is_read_by_openpyxl_without_numpy(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws.append(["指标代码", "实际值"])
    ws.append(["PRD-01", 95])
    chart = wb.create_chartsheet("图")  # a chart sheet: fastsheet hands the file to openpyxl
    chart.add_chart(BarChart())
    path = tmp_path / "chart.xlsx"
    wb.save(path)
    mods = imported("check", str(path), "--format", "json")
    assert "openpyxl" in mods
    assert "numpy" not in mods  # openpyxl would import it, only to write numpy scalars


def test_xlsx_export_after_reading_without_numpy(tmp_path: Path) -> None:
    # One process reads workbooks (openpyxl imported without numpy), then writes the batch's
    # xlsx with pandas (which imports numpy): the cells must come out as numbers and text.
    from openpyxl import load_workbook

    out = tmp_path / "batch.xlsx"
    folder = ROOT / "data" / "monthly" / "2015-07"
    proc = subprocess.run(
        [sys.executable, "-m", "qcity", "check", str(folder), "-f", "xlsx", "-o", str(out), "--jobs", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode in (1, 3), proc.stdout + proc.stderr
    wb = load_workbook(out, read_only=True)
    values = [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row]
    assert any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    assert "PRD-01" in values


def test_help_imports_nothing_heavy() -> None:
    mods = imported("--help")
    assert mods.isdisjoint({"pandas", "openpyxl", "numpy", "yaml"}), mods


def test_catalogue_listing_does_not_read_workbooks() -> None:
    mods = imported("catalogue", "--format", "json")
    assert "pydantic" in mods  # the probe really loaded the catalogue
    assert mods.isdisjoint({"pandas", "openpyxl", "numpy", "rich"}), mods


def test_a_cached_catalogue_needs_no_yaml_parser() -> None:
    imported("catalogue", "--format", "json")  # fills this test run's cache
    mods = imported("catalogue", "--format", "json")
    assert "pydantic" in mods
    assert "yaml" not in mods


def test_probe_sees_real_output() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "qcity", "catalogue", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(proc.stdout)["indicators"]) == N


def test_gaps_without_xlsx_does_not_import_pandas() -> None:
    mods = imported("gaps", str(EXAMPLE), "--format", "json")
    assert "qcity.workbook.fastsheet" in mods
    assert mods.isdisjoint({"pandas", "openpyxl"}), mods


def test_schema_imports_nothing_heavy() -> None:
    mods = imported("schema", "report")
    assert mods.isdisjoint({"pandas", "openpyxl", "numpy", "yaml"}), mods
