"""`qcity gaps`: the arithmetic of closing a gap, the order, the milestones, and the command."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcity.evaluate import judge
from qcity.gaps import find_gaps, units_to_meet
from qcity.model import Catalogue, Indicator
from qcity.results import Status

from .conftest import EXAMPLE, Run, all_met

Make = Callable[..., Path]
Cli = Callable[..., Run]


def indicator(catalogue: Catalogue, code: str, **changes: Any) -> Indicator:
    base = catalogue.indicator(code).model_dump()
    base.update(changes)
    return Indicator.model_validate(base)


# --- the fewest units -----------------------------------------------------------------------------


def test_prd02_of_the_example_needs_7_more_batches(catalogue: Catalogue) -> None:
    # 1121/1200 = 93.42% against ≥ 94%: 1128/1200 = 94.00% is the first that meets it.
    assert units_to_meet(catalogue.indicator("PRD-02"), Decimal(1121), Decimal(1200)) == 7


def test_rounding_half_up_is_honoured(catalogue: Catalogue) -> None:
    # 939.95/1000 = 93.995% is judged 94.00%, so 939.95 suffices; in whole units 940 does.
    prd02 = catalogue.indicator("PRD-02")
    assert units_to_meet(prd02, Decimal("939.00"), Decimal("1000.00")) == Decimal("0.95")
    assert units_to_meet(prd02, Decimal(939), Decimal(1000)) == 1


def test_a_100_percent_target_needs_every_unit(catalogue: Catalogue) -> None:
    assert units_to_meet(catalogue.indicator("CON-01"), Decimal(95), Decimal(100)) == 5


def test_an_upper_bound_rate_needs_fewer_units(catalogue: Catalogue) -> None:
    at_most = indicator(catalogue, "PRD-02", target={"op": "at_most", "value": 10})
    assert units_to_meet(at_most, Decimal(130), Decimal(1000)) == 30  # 100/1000 = 10%


@given(
    denominator=st.integers(min_value=1, max_value=5000),
    share=st.floats(min_value=0, max_value=1),
    target=st.integers(min_value=1, max_value=100),
)
def test_units_is_the_smallest_whole_number_that_meets_the_target(
    denominator: int, share: float, target: int
) -> None:
    from qcity.catalogue import load_catalogue

    ind = indicator(load_catalogue(), "PRD-02", target={"op": "at_least", "value": target})
    numerator = int(denominator * share)
    rate = Decimal(numerator) / Decimal(denominator) * 100
    if judge(ind, rate)[0] is Status.MET:
        return
    units = units_to_meet(ind, Decimal(numerator), Decimal(denominator))
    assert units is not None and units >= 1
    assert judge(ind, (numerator + units) / Decimal(denominator) * 100)[0] is Status.MET
    assert judge(ind, (numerator + units - 1) / Decimal(denominator) * 100)[0] is Status.UNMET


# --- the list ---------------------------------------------------------------------------------


def test_example_gaps_grouped_by_lead_worst_first(catalogue: Catalogue) -> None:
    from qcity.check import check_workbook

    report = find_gaps(check_workbook(EXAMPLE, catalogue), dt.date(2015, 6, 1))
    assert [
        (d.department.code, [g.indicator.code for g in d.gaps]) for d in report.departments
    ] == [
        ("市质监局", ["PRD-02"]),
        ("市建委", ["CON-02"]),
        ("市环保局", ["ENV-07", "ENV-02", "ENV-04"]),  # −2.8/48 > −0.6/13 > −0.9/93
        ("市发改委", ["ECO-05", "ECO-01"]),
    ]
    assert report.other_issues == ()
    only = find_gaps(check_workbook(EXAMPLE, catalogue), dt.date(2015, 6, 1), lead="市建委")
    assert [g.indicator.code for g in only.gaps] == ["CON-02"]


def test_invalid_then_missing_then_unmet(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"ENV-04": 80, "ENV-05": "n/a", "ENV-06": None, "ENV-07": 47.9}
    run = cli("gaps", make_submission(values), "--format", "json", "--today", "2015-06-01")
    assert run.exit_code == 3, run.output
    data = json.loads(run.stdout)
    [env] = data["departments"]
    assert env["code"] == "市环保局"
    assert [(g["indicator"]["code"], g["indicator"]["status"]) for g in env["gaps"]] == [
        ("ENV-05", "invalid"),
        ("ENV-06", "missing"),
        ("ENV-04", "unmet"),
        ("ENV-07", "unmet"),
    ]
    invalid, missing, unmet, _ = env["gaps"]
    assert invalid["need"]["text"] == ("数据!B17：“n/a”不是百分数 → 填写百分数，例如 95.3 或 95.3%")
    assert [i["code"] for i in invalid["issues"]] == ["not-a-number"]
    assert missing["need"] == {
        "kind": "fill",
        "amount": None,
        "reach": None,
        "numerator": None,
        "denominator": None,
        "expected": None,
        "text": "填写 数据!B18",
    }
    assert unmet["need"]["text"] == "还需提高 13 个百分点，达到 93%"
    assert data["summary"] == {"gaps": 4, "unmet": 2, "missing": 1, "invalid": 1, "other_issues": 0}


def test_the_command_text(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"PRD-02": (None, 1121, 1200), "ECO-04": "2.72∶1"}
    del values["CON-04"]
    path = make_submission(values, name="gaps.xlsx")
    run = cli("gaps", path, "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    assert run.stdout.splitlines()[1:] == [
        f"文件：{path} · 工作表：数据 · 日期：2015-06-01（按 --today）",
        "下一节点：四(三) 巩固提高,通过省政府预验收（2015-07-01 至 2015-07-31），还有 30 天",
        "",
        "市质监局 西安市质量技术监督局（1 项）",
        "  ✘ 未达标  PRD-02 城市生产企业产品质量监督抽查合格率 · 93.42%* / 目标 ≥ 94% · −0.58 个百分点",
        "      → 合格批次还需增加 7，达到 1,128（抽查批次 1,200）",
        "",
        "市建委 西安市城乡建设委员会（1 项）",
        "  ○ 未填报  CON-04 城市新开工保障房受监工程覆盖率 · 目标 = 100%",
        "      → 在工作表“数据”中增加一行，指标代码 CON-04，并填写实际值",
        "",
        "市发改委 西安市发展和改革委员会（1 项）",
        "  ✘ 未达标  ECO-04 城镇居民人均可支配收入与农村居民人均收入之比 · 2.72∶1 / 目标 ≤ 2.6∶1 · +0.12（相对上限 2.6∶1）",
        "      → 还需降低 0.12，降至 2.6∶1",
        "",
        "共 3 项待补齐：未达标 2，未填报 1，数据有误 0；其他数据问题 0。数据问题：错误 0，警告 0。",
    ]


def test_english_and_yes_no(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"ENV-03": "否", "SRV-01": 0}
    run = cli("gaps", make_submission(values), "--lang", "en", "--today", "2015-11-01")
    assert run.exit_code == 1
    out = run.stdout
    assert (
        "Every milestone has passed: the last, 四(四) Pass the national inspection and complete "
        "the work (2015-08-01 to 2015-10-31), ended 1 days ago" in out
    )
    assert "      → must become yes (now no)" in out
    assert "      → needs 1 more, to 1" in out


def test_nothing_to_close(cli: Cli, make_submission: Make) -> None:
    run = cli("gaps", make_submission(all_met()), "--today", "2015-06-01")
    assert run.exit_code == 0, run.output
    assert run.stdout.rstrip().endswith("没有需要补齐的指标。")


@pytest.mark.parametrize(
    "lead", ["市建委", "西安市城乡建设委员会", " xi'an urban and rural construction commission "]
)
def test_lead_by_code_or_name(cli: Cli, lead: str) -> None:
    run = cli("gaps", EXAMPLE, "--lead", lead, "--format", "json", "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    data = json.loads(run.stdout)
    assert data["lead"] == "市建委"
    assert [d["code"] for d in data["departments"]] == ["市建委"]


def test_lead_with_nothing_to_close_exits_0(cli: Cli) -> None:
    run = cli("gaps", EXAMPLE, "--lead", "市商务局", "--today", "2015-06-01")
    assert run.exit_code == 0, run.output
    assert "没有需要补齐的指标。" in run.stdout


def test_unknown_lead_is_a_usage_error(cli: Cli) -> None:
    run = cli("gaps", EXAMPLE, "--lead", "市教育局")
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "✖ 错误 “市教育局”不是指标目录中任何指标的牵头部门  [unknown-department]",
        "    → 可选的牵头部门：市质监局、市建委、市商务局、市环保局、市发改委",
    ]


def test_xlsx_needs_an_output_file(cli: Cli) -> None:
    run = cli("gaps", EXAMPLE, "--format", "xlsx")
    assert run.exit_code == 2
    assert "xlsx 格式是二进制文件，不能输出到终端  [output-required]" in run.stderr
    assert run.stdout == ""


def test_xlsx_one_sheet_per_department_and_no_formulas(
    cli: Cli, make_submission: Make, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    values = all_met() | {
        "PRD-02": (93, None, None, '=HYPERLINK("http://x","y")'),
        "CON-02": (90, None, None, "+1 -1"),
        "ENV-07": (40, None, None, "@cmd"),
    }
    path = make_submission(values)
    out = tmp_path / "gaps.xlsx"
    run = cli("gaps", path, "--format", "xlsx", "-o", out, "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "市质监局", "市建委", "市环保局"]
    cells = [
        c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    ]
    assert all(c.data_type != "f" for c in cells)
    texts = {c.value for c in cells}
    assert "'+1 -1" in texts and "'@cmd" in texts
    header = [c.value for c in wb["市质监局"][6]]
    assert header == ["代码", "指标", "状态", "填报值", "目标", "差距", "怎样补齐", "位置", "备注"]
    assert [c.value for c in wb["市质监局"][7]][:7] == [
        "PRD-02",
        "城市生产企业产品质量监督抽查合格率",
        "✘ 未达标",
        "93%",
        "≥ 94%",
        "−1 个百分点",
        "还需提高 1 个百分点，达到 94%",
    ]
    again = cli("gaps", path, "--format", "xlsx", "-o", path)
    assert again.exit_code == 2  # never over the input
    assert "[output-is-input]" in again.stderr


def test_gaps_json_schema_command(cli: Cli) -> None:
    from qcity.render.gaps.json import gaps_json_schema

    run = cli("schema", "gaps")
    assert run.exit_code == 0
    assert json.loads(run.stdout) == gaps_json_schema()


def test_gaps_formats_are_the_registered_renderers(cli: Cli) -> None:
    from qcity.render import formats

    run = cli("gaps", "data/example-submission.xlsx", "--format", "pdf")
    assert run.exit_code == 2, run.output
    assert set(formats("gaps")) == {"text", "markdown", "json", "xlsx"}
    for fmt in formats("gaps"):
        assert fmt in run.output, run.output


def test_fraction_terms_only_on_rates(catalogue: Catalogue) -> None:
    from pydantic import ValidationError

    terms = catalogue.indicator("PRD-02").fraction
    assert terms is not None and terms.numerator.zh == "合格批次"
    base = catalogue.indicator("SRV-01").model_dump()
    base["fraction"] = terms.model_dump()
    with pytest.raises(ValidationError, match="only a rate has a fraction, not a count indicator"):
        Indicator.model_validate(base)
