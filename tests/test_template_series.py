"""The template's series sheet (序列): written for derived indicators, filled, and read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from .conftest import Run

Cli = Callable[..., Run]


def test_the_template_writes_a_series_sheet_for_derived_indicators(
    cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "t.xlsx"
    assert (run := cli("template", out)).exit_code == 0, run.output
    wb = load_workbook(out)
    assert "序列" in wb.sheetnames
    ws = wb["序列"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    # the Xi'an derivations reach back to 2010 (ENV-01, ECO-01) and the plan ends in 2015
    assert rows[0] == ("序列代码", "序列名称", "单位", "口径", *map(str, range(2010, 2016)))
    assert [r[0] for r in rows[1:]] == [
        "GDP",
        "GDP_REAL_GROWTH",
        "GDP_CONST",
        "ENERGY",
        "CO2",
        "REVENUE",
        "LEADING_VA",
        "RND",
        "URBAN_INCOME",
        "RURAL_INCOME",
    ]
    assert ws["E3"].protection.locked is False


def test_a_template_for_a_lead_without_derived_indicators_has_no_series_sheet(
    cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "t.xlsx"
    assert (run := cli("template", out, "--lead", "市建委")).exit_code == 0, run.output
    assert "序列" not in load_workbook(out).sheetnames


def test_an_untouched_series_sheet_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    assert (result := cli("template", out)).exit_code == 0, result.output
    run = cli("check", out, "--format", "json")
    data = json.loads(run.stdout)
    assert data["issues"] == []
    assert {i["status"] for i in data["indicators"]} == {"missing"}


def test_figures_written_in_the_series_sheet_derive_the_indicator(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    assert (result := cli("template", out, "--lead", "市环保局")).exit_code == 0, result.output
    wb = load_workbook(out)
    ws = wb["序列"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(3, ws.max_row + 1)}
    # energy per unit of GDP: 100/100 in 2010, 87/100 in 2015: a fall of exactly 13%
    for code, y2010, y2015 in (("ENERGY", 100, 87), ("GDP_CONST", 100, 100)):
        ws.cell(row=rows[code], column=5, value=y2010)
        ws.cell(row=rows[code], column=10, value=y2015)
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    run = cli("check", filled, "--format", "json")
    env01 = next(i for i in json.loads(run.stdout)["indicators"] if i["code"] == "ENV-01")
    assert env01["status"] == "met"
    assert env01["derived"]["value"] == 13
