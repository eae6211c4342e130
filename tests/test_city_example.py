"""The fictional example city (data/example-city): plan → draft → catalogue → template → submission
→ report, every committed file equal to what scripts/make_city_example.py writes."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
from openpyxl import load_workbook

from .conftest import ROOT, Run

EXAMPLE = ROOT / "data" / "example-city"
Cli = Callable[..., Run]

# The figures of the sample submission against the targets of catalogue.yaml, judged by hand for
# the report year 2025: the target in force is 2025's, or 2027's where the plan sets only that.
EXPECTED: dict[str, tuple[str, int]] = {
    "PRD-01": ("met", 2025),  # 94.8 ≥ 94.5 (2027 asks 95)
    "PRD-02": ("unmet", 2025),  # 98.2 < 98.5
    "PRD-03": ("met", 2025),  # 99.3 ≥ 99
    "PRD-04": ("unmet", 2027),  # 1.85万件 < 2万件, still ahead
    "CON-01": ("met", 2025),  # 99.2% ≥ 99
    "CON-02": ("met", 2025),  # 72.5 ≥ 70
    "SRV-01": ("unmet", 2025),  # 82 is not above 82 (超过82分)
    "SRV-02": ("met", 2025),  # 80.6 ≥ 80
    "ENV-01": ("met", 2025),  # 34 ≤ 35 (2027 asks below 33)
    "ENV-02": ("met", 2025),  # 76.1 ≥ 75
    "ENV-03": ("unmet", 2025),  # 73.8 < 75
    "ENV-04": ("met", 2025),  # 是
    "ENV-05": ("unmet", 2027),  # 296 < 300 days
    "ECO-01": ("unmet", 2025),  # 0.7 < 1 point
    "ECO-02": ("met", 2025),  # 6.4 ≥ 6
    "ECO-03": ("met", 2025),  # 22.6 ≥ 22
    "ECO-04": ("unmet", 2027),  # 2.18 > 2.1
    "ECO-05": ("met", 2027),  # 915 ≥ 900
    "BRD-01": ("met", 2027),  # 4 ≥ 3 this year
    "BRD-02": ("unmet", 2027),  # 9 < 12 so far
    "SAF-01": ("met", 2027),  # 是
}


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_city_example", ROOT / "scripts" / "make_city_example.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def test_committed_files_match_their_generator(tmp_path: Path) -> None:
    generator().build(tmp_path)
    hint = "run `python scripts/make_city_example.py`"
    for name in ("draft.yaml", "report.txt"):
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        assert fresh == (EXAMPLE / name).read_text(encoding="utf-8"), (name, hint)
    for name in ("template.xlsx", "submission.xlsx"):
        assert cells(tmp_path / name) == cells(EXAMPLE / name), (name, hint)


def test_the_plan_is_marked_fictional() -> None:
    plan = (EXAMPLE / "plan.txt").read_text(encoding="utf-8")
    assert "虚构" in plan.splitlines()[2]
    assert "FICTIONAL" in (EXAMPLE / "catalogue.yaml").read_text(encoding="utf-8")


def test_the_completed_catalogue_is_valid_and_quotes_the_plan(cli: Cli) -> None:
    run = cli("catalogue", "validate", EXAMPLE / "catalogue.yaml", "--plan", EXAMPLE / "plan.txt")
    assert run.exit_code == 0, run.output
    assert "21 项指标" in run.output and "引文均与方案原文一致" in run.output


def test_the_draft_leaves_blanks_that_validate_reports(cli: Cli) -> None:
    run = cli("catalogue", "validate", EXAMPLE / "draft.yaml")
    assert run.exit_code == 3, run.output
    assert "left blank (待填): fill it in" in run.output


def test_the_sample_submission_is_judged_by_horizon(cli: Cli) -> None:
    run = cli(
        "check",
        EXAMPLE / "submission.xlsx",
        "-c",
        EXAMPLE / "catalogue.yaml",
        "--format",
        "json",
        "--today",
        "2026-01-15",
    )
    assert run.exit_code == 1, run.output
    data = json.loads(run.stdout)
    schema = json.loads(cli("schema", "report").stdout)
    jsonschema.validate(data, schema)
    got = {i["code"]: (i["status"], i["horizon"]) for i in data["indicators"]}
    assert got == EXPECTED
    ahead = {i["code"] for i in data["indicators"] if i["horizon_ahead"]}
    assert ahead == {c for c, (_, year) in EXPECTED.items() if year == 2027}
    text = cli(
        "check",
        EXAMPLE / "submission.xlsx",
        "-c",
        EXAMPLE / "catalogue.yaml",
        env={"COLUMNS": "160"},
    ).stdout
    assert (
        "目标尚未到期（到2027年），按该目标判定：PRD-04、ENV-05、ECO-04、ECO-05、BRD-01、BRD-02、SAF-01"
        in text.splitlines()
    )
    texts = {i["code"]: i["target"]["text"] for i in data["indicators"]}
    assert texts["PRD-01"] == "≥ 94.5%（到2025年）"
    assert texts["ENV-01"] == "≤ 35微克/立方米（到2025年）"
    assert texts["SRV-01"] == "> 82分（到2025年）"
    assert texts["ECO-01"] == "较2023年 ≥ 1个百分点（到2025年）"


def test_a_2027_report_uses_the_2027_targets(cli: Cli, tmp_path: Path) -> None:
    run = cli(
        "check",
        EXAMPLE / "submission.xlsx",
        "-c",
        EXAMPLE / "catalogue.yaml",
        "--format",
        "json",
        "--year",
        "2027",
    )
    data = json.loads(run.stdout)
    got = {i["code"]: (i["status"], i["horizon"]) for i in data["indicators"]}
    # 94.8 < 95 (2027), 82 ≤ 85, 34 is not below 33, 80.6 < 82
    assert got["PRD-01"] == ("unmet", 2027)
    assert got["SRV-01"] == ("unmet", 2027)
    assert got["ENV-01"] == ("unmet", 2027)
    assert got["SRV-02"] == ("unmet", 2027)
    assert got["PRD-02"] == ("unmet", 2025)  # its only horizon has passed: still 2025's target


def test_gaps_of_a_strict_target_ask_for_one_step_beyond_it(cli: Cli) -> None:
    run = cli("gaps", EXAMPLE / "submission.xlsx", "-c", EXAMPLE / "catalogue.yaml")
    lines = run.stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if "SRV-01" in line)
    # 82 against 超过82分, judged to 1 decimal: 82.1 is the least that exceeds it
    assert lines[at + 1].strip() == "→ 还需提高 0.1，达到 82.1分"
