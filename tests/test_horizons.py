"""Several targets per indicator (one per horizon year), strict comparisons, what a target measures,
and the units beyond percent/ratio/count: validation, the target in force, judging and display."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from qcity.catalogue import load_catalogue
from qcity.errors import CatalogueError
from qcity.evaluate import judge
from qcity.horizons import retarget, target_in_force
from qcity.model import Catalogue, Indicator
from qcity.render import display
from qcity.results import Status

BASE: dict[str, Any] = {
    "catalogue": {
        "id": "demo",
        "title": {"zh": "示例", "en": "Demo"},
        "document": "示政发〔2024〕1号",
        "issuer": {"zh": "示例市人民政府", "en": "Demo City"},
        "issued": "2024-03-01",
        "version": "1.0.0",
    },
    "departments": [{"code": "市市场监管局", "name": {"zh": "示例市市场监督管理局", "en": "SAMR"}}],
    "areas": [
        {
            "code": "PRD",
            "name": {"zh": "产品质量", "en": "Products"},
            "lead": "市市场监管局",
            "source": {"clause": "二1", "quote": "产品质量"},
        }
    ],
    "indicators": [
        {
            "code": "PRD-01",
            "area": "PRD",
            "name": {"zh": "制造业产品质量合格率", "en": "Manufacturing pass rate"},
            "unit": "percent",
            "targets": [
                {"year": 2025, "op": "at_least", "value": 94.5},
                {"year": 2027, "op": "at_least", "value": 95},
            ],
            "decimals": 1,
            "range": {"min": 0, "max": 100},
            "lead": "市市场监管局",
            "source": {"clause": "二1", "quote": "制造业产品质量合格率达到94.5%以上"},
        }
    ],
}


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load(tmp_path: Path, data: dict[str, Any]) -> Catalogue:
    return load_catalogue(write(tmp_path, data), use_cache=False)


def problems(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load(tmp_path, data)
    return [f"{i.location}: {i.message('en')}" for i in info.value.issues]


def indicator(tmp_path: Path, **changes: Any) -> Indicator:
    data = copy.deepcopy(BASE)
    data["indicators"][0].update(changes)
    return load(tmp_path, data).indicators[0]


def test_a_list_of_horizons_is_valid_and_the_last_is_the_target(tmp_path: Path) -> None:
    ind = indicator(tmp_path)
    assert [t.year for t in ind.targets] == [2025, 2027]
    assert ind.target.number == Decimal(95)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {
                "targets": [
                    {"year": 2027, "op": "at_least", "value": 95},
                    {"year": 2025, "op": "at_least", "value": 94},
                ]
            },
            "targets must have one horizon year each, in order (got [2027, 2025])",
        ),
        (
            {
                "targets": [
                    {"year": 2025, "op": "at_least", "value": 94},
                    {"year": 2025, "op": "at_least", "value": 95},
                ]
            },
            "targets must have one horizon year each, in order (got [2025, 2025])",
        ),
        (
            {"target": {"op": "at_least", "value": 90}},
            "target, given with targets, must equal the last horizon's target",
        ),
        (
            {
                "targets": [
                    {"year": 2025, "op": "at_least", "value": 94},
                    {"year": 2027, "op": "at_least", "value": 120},
                ]
            },
            "lies outside the range",
        ),
        (
            {"targets": [{"year": 2025, "op": "at_least", "value": 1, "measure": "change"}]},
            "measure 'change' needs a base_year (较2023年: base_year 2023)",
        ),
    ],
)
def test_bad_horizons_are_located(tmp_path: Path, change: dict[str, Any], reason: str) -> None:
    data = copy.deepcopy(BASE)
    data["indicators"][0].update(change)
    said = problems(tmp_path, data)
    assert len(said) == 1 and reason in said[0], said
    assert "indicators[0]" in said[0]


def test_an_amount_needs_its_unit_label(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    data["indicators"][0].update(
        unit="amount", targets=[{"year": 2025, "op": "at_least", "value": 25}], range={"min": 0}
    )
    assert any("needs a unit_label, e.g. 万元/人" in p for p in problems(tmp_path, data))
    data["indicators"][0]["unit_label"] = {"zh": "万元/人", "en": "10,000 yuan per person"}
    ind = load(tmp_path, data).indicators[0]
    assert display.target(ind, "zh") == "≥ 25万元/人（到2025年）"
    assert display.target(ind, "en") == "≥ 25 10,000 yuan per person (by 2025)"


@pytest.mark.parametrize(
    ("year", "horizon", "value", "ahead"),
    [
        (2024, 2025, "94.5", True),  # before the first horizon: judged against it, still ahead
        (2025, 2025, "94.5", False),
        (2026, 2027, "95", True),
        (2027, 2027, "95", False),
        (2029, 2027, "95", False),  # after the last horizon: the last target stays in force
        (None, 2025, "94.5", False),  # no report year: the nearest horizon
    ],
)
def test_the_target_in_force(
    tmp_path: Path, year: int | None, horizon: int, value: str, ahead: bool
) -> None:
    chosen = target_in_force(indicator(tmp_path), year)
    assert (chosen.horizon, chosen.target.number, chosen.ahead) == (horizon, Decimal(value), ahead)


def test_judged_against_the_horizon_of_the_report_year(tmp_path: Path) -> None:
    ind = indicator(tmp_path)
    used_2025, _ = retarget(ind, 2025)
    used_2027, _ = retarget(ind, 2027)
    # 94.8% meets 2025's 94.5% but not 2027's 95%
    assert judge(used_2025, Decimal("94.8"))[0] is Status.MET
    assert judge(used_2027, Decimal("94.8"))[0] is Status.UNMET
    assert display.target(used_2025, "zh") == "≥ 94.5%（到2025年）"
    assert display.target(used_2027, "en") == "≥ 95% (by 2027)"


@pytest.mark.parametrize(
    ("op", "value", "figure", "status"),
    [
        ("greater", 82, "82", Status.UNMET),  # 超过82分: 82 itself does not exceed it
        ("greater", 82, "82.1", Status.MET),
        ("less", 33, "33", Status.UNMET),  # 低于33: 33 is not below it
        ("less", 33, "32.9", Status.MET),
    ],
)
def test_strict_comparisons(
    tmp_path: Path, op: str, value: int, figure: str, status: Status
) -> None:
    ind = indicator(
        tmp_path,
        unit="score",
        targets=[{"year": 2025, "op": op, "value": value}],
        range={"min": 0, "max": 100},
    )
    assert judge(ind, Decimal(figure))[0] is status


def test_what_a_target_measures_is_shown(tmp_path: Path) -> None:
    change = indicator(
        tmp_path,
        targets=[
            {"year": 2025, "op": "at_least", "value": 1, "measure": "change", "base_year": 2022}
        ],
        range={"min": -100, "max": 100},
    )
    assert display.target(change, "zh") == "较2022年 ≥ 1个百分点（到2025年）"
    assert display.target(change, "en") == "since 2022 ≥ 1 pp (by 2025)"
    added = indicator(
        tmp_path,
        unit="count",
        decimals=0,
        targets=[{"year": 2026, "op": "at_least", "value": 5, "measure": "per_year"}],
        range={"min": 0},
    )
    assert display.target(added, "zh") == "当年新增 ≥ 5个（到2026年）"
    doubled = indicator(
        tmp_path,
        unit="multiple",
        decimals=2,
        target={"op": "at_least", "value": 2, "base_year": 2015},
        targets=[],
        range={"min": 0},
    )
    assert display.target(doubled, "zh") == "≥ 2倍（2015年为1）"
    assert display.target(doubled, "en") == "≥ 2× (2015 = 1)"


def test_the_xian_catalogue_keeps_its_single_targets() -> None:
    cat = load_catalogue(use_cache=False)
    assert all(not i.targets for i in cat.indicators)
    assert display.target(cat.indicator("PRD-01"), "zh") == "≥ 90%"


def test_the_catalogue_list_shows_every_horizon(tmp_path: Path) -> None:
    ind = indicator(tmp_path)
    assert display.every_target(ind, "zh") == "≥ 94.5%（到2025年）\n≥ 95%（到2027年）"
    assert display.every_target(ind, "en") == "≥ 94.5% (by 2025)\n≥ 95% (by 2027)"


def test_a_yearly_rise_is_judged_from_the_series_sheet(cli: Any, tmp_path: Path) -> None:
    """逐年提高: derive change (this year's figure less last year's), target greater than 0."""
    from openpyxl import load_workbook

    data = copy.deepcopy(BASE)
    data["series"] = [
        {"code": "SELF_DECL", "name": {"zh": "企业标准自我声明公开数量", "en": "Standards declared"},
         "unit": {"zh": "项", "en": "standards"}}
    ]  # fmt: skip
    data["indicators"].append(
        {
            "code": "STD-01",
            "area": "PRD",
            "name": {
                "zh": "企业标准自我声明公开数量逐年提高",
                "en": "Yearly rise of declared standards",
            },
            "unit": "count",
            "targets": [{"year": 2026, "op": "greater", "value": 0}],
            "decimals": 0,
            "lead": "市市场监管局",
            "source": {"clause": "一(二)", "quote": "企业标准自我声明公开数量逐年提高"},
            "derive": {"kind": "change", "series": "SELF_DECL"},
        }
    )
    catalogue = write(tmp_path, data)
    template = tmp_path / "t.xlsx"
    assert (result := cli("template", template, "-c", catalogue)).exit_code == 0, result.output
    wb = load_workbook(template)
    ws = wb["序列"]
    header = [c.value for c in ws[2]]
    assert header[:5] == ["序列代码", "序列名称", "单位", "口径", "2023"]  # issued 2024: from 2023
    assert header[-1] == "2027"  # the last horizon
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == "SELF_DECL")

    def verdict(last: int, this: int) -> tuple[str, int | None, int]:
        ws.cell(row, header.index("2024") + 1, value=last)
        ws.cell(row, header.index("2025") + 1, value=this)
        filled = tmp_path / f"f{last}-{this}.xlsx"
        wb.save(filled)
        run = cli("check", filled, "-c", catalogue, "--format", "json", "--year", "2025")
        found = next(i for i in json.loads(run.stdout)["indicators"] if i["code"] == "STD-01")
        return found["status"], found["horizon"], found["derived"]["value"]

    assert verdict(120, 135) == ("met", 2026, 15)  # 135 − 120 > 0
    assert verdict(120, 120) == ("unmet", 2026, 0)  # no rise is not a rise
    assert verdict(120, 110) == ("unmet", 2026, -10)
