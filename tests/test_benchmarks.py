"""The benchmark script runs end to end on tiny inputs (figures are never asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

# Slow: a benchmark run (.ci/run runs it with QCITY_SLOW=1).
pytestmark = pytest.mark.slow


# About a minute on a 2-core machine (every pair runs in fresh processes, and the quick
# inputs are generated first): too long for the default run. `pytest -m slow` runs it.
@pytest.mark.slow
def test_quick_benchmark_writes_every_pair(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--runs", "1",
         "--output", str(out), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = out.read_text(encoding="utf-8")
    for heading in (
        "## 1. ",
        "## 2a. ",
        "## 2b. ",
        "## 3. ",
        "## 4. large workbook, 200 rows",
        "## 5. ",
    ):
        assert heading in text
    assert "| qcity check example --format json |" in text
    assert "| floor: openpyxl read-only, iterate 数据 |" in text
    assert "- machine: " in text
    assert "QUICK smoke run" in text
    # frictionless, where installed, really validated the rows (run.py refuses otherwise)
    if "## 3. " in text and "skipped" not in text.split("## 3. ")[1].split("##")[0]:
        assert "frictionless really validated the sheet: exit 0" in text
    assert "/usr/bin/time -v python -m qcity check data/example-submission.xlsx" in text
    assert "python -X importtime" in text
