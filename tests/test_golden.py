"""Golden files: every report format of every case under tests/cases/ equals its expected file.

Each case folder holds case.yaml (a workbook written from readable rows, or the bundled example,
plus the command-line options that pin the date and language) and one expected file per format.
After an intended change of output, rewrite them with `pytest tests/test_golden.py
--update-golden` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import EXAMPLE, ROOT, Run, Sheet, write_workbook

CASES = sorted(p.parent for p in (ROOT / "tests" / "cases").glob("*/case.yaml"))

# output file -> the command and format that writes it
OUTPUTS: dict[str, tuple[str, str]] = {
    "check.txt": ("check", "text"),
    "check.json": ("check", "json"),
    "check.junit.xml": ("check", "junit"),
    "check.md": ("check", "markdown"),
    "check.github.txt": ("check", "github"),
    "check.html": ("check", "html"),
    "gaps.txt": ("gaps", "text"),
    "gaps.md": ("gaps", "markdown"),
    "gaps.json": ("gaps", "json"),
    "gaps.xlsx.json": ("gaps", "xlsx"),
}


def load_case(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    return data


def build_input(case: dict[str, Any], workdir: Path) -> Path:
    """The workbook of *case*, as a path relative to *workdir* (so reports name it stably)."""
    if case.get("example"):
        return EXAMPLE.relative_to(ROOT)
    sheets = {
        name: Sheet(
            rows=spec["rows"],
            formats=spec.get("formats", {}),
            hidden_rows=spec.get("hidden_rows", ()),
            text_cells=spec.get("text_cells", ()),
        )
        for name, spec in case["sheets"].items()
    }
    write_workbook(workdir / case["file"], sheets)
    return Path(case["file"])


def xlsx_cells(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's rows of values, for comparing a workbook as text."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_golden(
    folder: Path,
    cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    case = load_case(folder)
    workdir = ROOT if case.get("example") else tmp_path
    source = build_input(case, workdir)
    monkeypatch.chdir(workdir)
    update = request.config.getoption("--update-golden")
    mismatched = []
    for name, (command, fmt) in OUTPUTS.items():
        out = tmp_path / "out" / (name.removesuffix(".json") if fmt == "xlsx" else name)
        out.parent.mkdir(exist_ok=True)
        run = cli(command, source, "--format", fmt, "-o", out, *case.get("args", []))
        assert run.exit_code in (0, 1, 3), run.output
        assert run.stdout == "", run.stdout
        if fmt == "xlsx":
            actual = json.dumps(xlsx_cells(out), ensure_ascii=False, indent=1) + "\n"
        else:
            actual = out.read_text(encoding="utf-8")
        expected_path = folder / name
        if update:
            expected_path.write_text(actual, encoding="utf-8")
        expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else None
        if actual != expected:
            mismatched.append(name)
    assert not mismatched, f"outputs differ from {folder}: {mismatched} (see --update-golden)"


def test_every_format_has_a_golden_file() -> None:
    from qcity.render import formats

    covered_check = {fmt for cmd, fmt in OUTPUTS.values() if cmd == "check"}
    covered_gaps = {fmt for cmd, fmt in OUTPUTS.values() if cmd == "gaps"}
    assert covered_check == set(formats("check"))
    assert covered_gaps == set(formats("gaps"))
    assert len(CASES) >= 4
