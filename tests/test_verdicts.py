"""Verdicts the plan would sign (issue 12): each rule through the CLI, expected figures by hand."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

from .conftest import ROOT, Run, Sheet, all_met, data_rows, series_rows, write_workbook

Cli = Callable[..., Run]
YEARS = [2010, 2011, 2012, 2013, 2014, 2015]
RATES = ["13.8", "11.8", "11.1", "9.9", "8.2"]  # GDP_REAL_GROWTH 2011…2015


def half_up(value: Fraction | float, places: int = 2) -> Decimal:
    """Round half up by hand, as the plan's figures are published."""
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = Decimal(repr(value))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def catalogue_entries() -> list[dict[str, Any]]:
    with resources.files("qcity").joinpath("indicators.yaml").open(encoding="utf-8") as f:
        entries: list[dict[str, Any]] = yaml.safe_load(f)["indicators"]
    return entries


def report(cli: Cli, path: Path, *args: str) -> tuple[Run, dict[str, Any]]:
    run = cli("check", path, "--format", "json", *args)
    assert run.exit_code in (0, 1, 3), run.output
    return run, json.loads(run.stdout)


def entry(data: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in data["indicators"] if i["code"] == code)
    return found


def codes(data: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(i["code"], i["location"]["cell"]) for i in data["issues"]]


def book(tmp_path: Path, name: str, data: list[list[Any]], series: list[list[Any]] | None = None,
         **sheets: Sheet) -> Path:  # fmt: skip
    books: dict[str, Sheet | list[list[Any]]] = {"数据": data}
    if series is not None:
        books["序列"] = series
    books.update(sheets)
    return write_workbook(tmp_path / name, books)


# --- 1. numerator and denominator only for a rate of two counts --------------------------------


def test_fraction_of_a_non_rate_is_an_error_at_its_cells(cli: Cli, tmp_path: Path) -> None:
    # ENV-01 as 0.29 / 0.3333 would be "87.01%"; the reduction is (1 − 0.29/0.3333) × 100 = 12.99.
    # ECO-02 as 650.91 / 241.6 would be "269.42%"; its CAGR is 21.92. Neither may be judged.
    values = all_met() | {"ENV-01": (None, 0.29, 0.3333), "ECO-02": (None, 650.91, 241.6)}
    path = book(tmp_path, "f.xlsx", data_rows(values))
    run, data = report(cli, path)
    assert run.exit_code == 3, run.output
    assert entry(data, "ENV-01")["status"] == "invalid"
    assert entry(data, "ECO-02")["status"] == "invalid"
    env01_row = list(values).index("ENV-01") + 2
    eco02_row = list(values).index("ECO-02") + 2
    assert codes(data) == [
        ("fraction-not-accepted", f"C{env01_row}"),
        ("fraction-not-accepted", f"D{env01_row}"),
        ("fraction-not-accepted", f"C{eco02_row}"),
        ("fraction-not-accepted", f"D{eco02_row}"),
    ]
    first = data["issues"][0]
    assert first["severity"] == "error"
    assert first["message"] == "ENV-01 不是两个计数之比，分子 0.29 不能用于计算"
    assert first["hint"].startswith("ENV-01 由序列表计算：在序列表中填写 ENERGY 和 GDP_CONST")
    english = cli("check", path, "--format", "json", "--lang", "en")
    hint = json.loads(english.stdout)["issues"][0]["hint"]
    assert "ENV-01 is computed from the series sheet: give ENERGY and GDP_CONST there" in hint
    # a rate of counts still takes them: 1121 / 1200 × 100 = 93.4166… → 93.42 < 94
    rate = book(tmp_path, "r.xlsx", data_rows(all_met() | {"PRD-02": (None, 1121, 1200)}))
    _, ok = report(cli, rate)
    assert entry(ok, "PRD-02")["judged"] == float(half_up(Fraction(1121, 1200) * 100))
    assert entry(ok, "PRD-02")["status"] == "unmet" and ok["issues"] == []


def test_eco02_from_its_series_is_the_compound_growth(cli: Cli, tmp_path: Path) -> None:
    # (650.91 / 241.6)^(1/5) − 1 = 21.92% ≥ 16%
    expected = half_up(((650.91 / 241.6) ** (1 / 5) - 1) * 100)
    assert expected == Decimal("21.92")
    series = series_rows(YEARS, {"REVENUE": [241.6, None, None, None, None, 650.91]})
    _, data = report(cli, book(tmp_path, "s.xlsx", data_rows({}), series))
    assert entry(data, "ECO-02")["judged"] == float(expected)
    assert entry(data, "ECO-02")["status"] == "met"


# --- 2. the report period, read as a person means it -------------------------------------------


def eco01(cli: Cli, path: Path) -> dict[str, Any]:
    _, data = report(cli, path)
    return entry(data, "ECO-01") | {"report_year": data["report_year"], "issues": data["issues"]}


def rate_series() -> list[list[Any]]:
    return series_rows(YEARS, {"GDP_REAL_GROWTH": [None, *RATES]})


def test_a_span_means_its_last_year(cli: Cli, tmp_path: Path) -> None:
    # 2011–2015: (1.138 × 1.118 × 1.111 × 1.099 × 1.082)^(1/5) − 1 = 10.94% < 11%, unmet;
    # taking 2011 alone would give 13.8%, "met"
    product = math.prod(1 + float(r) / 100 for r in RATES)
    expected = half_up((product ** (1 / 5) - 1) * 100)
    assert expected == Decimal("10.94")
    for period in ("2011—2015年", "2011-2015", "十二五期间(2011-2015)"):
        data = [["报告期", period], *data_rows({})]
        found = eco01(cli, book(tmp_path, "p.xlsx", data, rate_series()))
        assert found["report_year"]["year"] == 2015, period
        assert (found["judged"], found["status"]) == (float(expected), "unmet"), period


def test_a_title_that_mentions_a_period_is_not_a_label(cli: Cli, tmp_path: Path) -> None:
    data: list[list[Any]] = [
        ["Xi'an figures for the five-year period (2011-2013)"],
        ["报告期", 2015],
        *data_rows({}),
    ]
    found = eco01(cli, book(tmp_path, "t.xlsx", data, rate_series()))
    assert found["report_year"]["year"] == 2015
    assert found["report_year"]["location"]["cell"] == "B2"
    assert [i["code"] for i in found["issues"]] == []
    assert found["status"] == "unmet"


def test_two_different_periods_are_an_error_naming_both(cli: Cli, tmp_path: Path) -> None:
    data = [["报告期:2015年"], *data_rows({})]
    series = [["统计期", "2014年"], *rate_series()]
    run, report_ = report(cli, book(tmp_path, "two.xlsx", data, series))
    assert run.exit_code == 3, run.output
    (conflict,) = [i for i in report_["issues"] if i["code"] == "period-conflict"]
    assert conflict["severity"] == "error"
    assert conflict["message"] == "报告期 2015年（数据!A1）与 2014年（序列!B1）不是同一年"


# --- 3. "达到100%" means every one --------------------------------------------------------------


def test_a_hundred_percent_target_is_judged_exactly(cli: Cli, tmp_path: Path) -> None:
    # 39999 / 40000 = 99.9975%: one project short of "达到100%"; 99.996 typed is short too
    values = all_met() | {"CON-01": (None, 39999, 40000), "CON-03": 99.996}
    path = book(tmp_path, "c.xlsx", data_rows(values))
    run, data = report(cli, path)
    assert run.exit_code == 1, run.output
    assert (entry(data, "CON-01")["status"], entry(data, "CON-03")["status"]) == ("unmet", "unmet")
    assert entry(data, "CON-01")["gap"] == float(Fraction(39999, 40000) * 100 - 100)  # −0.0025
    text = cli("check", path, env={"COLUMNS": "160"}).stdout
    con01 = next(line for line in text.splitlines() if line.startswith("CON-01"))
    assert "99.9975%*" in con01 and "✘ 未达标" in con01 and " 100%*" not in con01
    con03 = next(line for line in text.splitlines() if line.startswith("CON-03"))
    assert "99.996%" in con03 and "✘ 未达标" in con03
    # every one: numerator = denominator, and a typed 100, are met
    full = book(tmp_path, "ok.xlsx", data_rows(all_met() | {"CON-01": (None, 40000, 40000)}))
    assert entry(report(cli, full)[1], "CON-01")["status"] == "met"


# --- 4. the same basis on both sides of a ratio --------------------------------------------------


def income(rows: list[tuple[str, str, int]]) -> list[list[Any]]:
    sheet: list[list[Any]] = [["序列代码", "单位", "口径", 2015]]
    sheet += [[code, "元", basis, value] for code, basis, value in rows]
    return sheet


def test_a_ratio_divides_figures_of_one_basis(cli: Cli, tmp_path: Path) -> None:
    # urban on the old (urban-survey) basis 39007; rural net 15778 (old) and disposable 14082
    # (new): the same-basis pair gives 39007 / 15778 = 2.47 ≤ 2.6, met; the mixed one would
    # have given 39007 / 14082 = 2.77, unmet
    assert half_up(Fraction(39007, 14082)) == Decimal("2.77")
    expected = half_up(Fraction(39007, 15778))
    assert expected == Decimal("2.47")
    series = income(
        [("URBAN_INCOME", "城镇住户调查", 39007), ("RURAL_INCOME", "可支配收入", 14082),
         ("RURAL_INCOME", "纯收入", 15778)]
    )  # fmt: skip
    path = book(tmp_path, "b.xlsx", data_rows({}), series)
    _, data = report(cli, path)
    found = entry(data, "ECO-04")
    assert (found["judged"], found["status"]) == (float(expected), "met")
    text = cli("check", path, env={"COLUMNS": "160"}).stdout
    assert "ECO-04 所用城镇居民人均可支配收入的口径：城镇居民人均可支配收入(城镇住户调查)" in text
    assert "ECO-04 所用农村居民人均收入的口径：农民人均纯收入" in text
    explained = cli("explain", "ECO-04", path).stdout
    assert "口径：城镇居民人均可支配收入(城镇住户调查)" in explained
    assert "口径：农民人均纯收入" in explained


def test_bases_that_cannot_be_matched_make_the_ratio_invalid(cli: Cli, tmp_path: Path) -> None:
    series = income([("URBAN_INCOME", "一体化", 39007), ("RURAL_INCOME", "纯收入", 15778)])
    run, data = report(cli, book(tmp_path, "m.xlsx", data_rows({}), series))
    assert run.exit_code == 3, run.output
    assert entry(data, "ECO-04")["status"] == "invalid"
    (issue,) = [i for i in data["issues"] if i["code"] == "basis-mismatch"]
    assert issue["location"]["cell"] == "D3"
    assert "URBAN_INCOME 与 RURAL_INCOME 没有同一口径的数据" in issue["message"]


# --- 5. unrounded data, one rounding at the end -------------------------------------------------


def test_intensities_are_not_rounded_before_dividing(cli: Cli, tmp_path: Path) -> None:
    # energy 1000 / GDP 3000 in 2010, 1160 / 4000 in 2015: (1 − 0.29 / (1/3)) × 100 = 13 exactly
    exact = (1 - Fraction(1160, 4000) / Fraction(1000, 3000)) * 100
    assert exact == 13
    series = series_rows(
        YEARS, {"ENERGY": [1000, None, None, None, None, 1160],
                "GDP_CONST": [3000, None, None, None, None, 4000]}
    )  # fmt: skip
    path = book(tmp_path, "i.xlsx", data_rows({}), series)
    _, data = report(cli, path)
    assert (entry(data, "ENV-01")["judged"], entry(data, "ENV-01")["status"]) == (13.0, "met")
    explained = cli("explain", "ENV-01", path).stdout
    assert "I_2010 = 1000（序列!D2） / 3000（序列!D3） = 0.333333333333…" in explained
    assert "I_2015 = 1160（序列!I2） / 4000（序列!I3） = 0.29" in explained
    assert "未舍入 13 → 四舍五入到 2 位小数（唯一一次舍入）= 13.00" in explained


# --- 6. ECO-01 from constant-price levels ------------------------------------------------------


def test_eco01_from_constant_price_gdp(cli: Cli, tmp_path: Path) -> None:
    # GDP at 2010 prices 3000 → 5000: (5000 / 3000)^(1/5) − 1 = 10.76% < 11%
    expected = half_up(((5000 / 3000) ** (1 / 5) - 1) * 100)
    assert expected == Decimal("10.76")
    series = series_rows(YEARS, {"GDP_CONST": [3000, None, None, None, None, 5000]})
    path = book(tmp_path, "l.xlsx", data_rows({}), series)
    _, data = report(cli, path)
    assert (entry(data, "ECO-01")["judged"], entry(data, "ECO-01")["status"]) == (
        float(expected),
        "unmet",
    )
    assert "无逐年增速，改由 GDP_CONST（不变价）计算" in cli("explain", "ECO-01", path).stdout


def test_rates_and_levels_that_disagree_are_inconsistent(cli: Cli, tmp_path: Path) -> None:
    # the rates give 10.94%; levels 3000 → 5000 give 10.76%: 0.18 apart, beyond the ±0.05 of
    # rates published to one decimal
    series = series_rows(
        YEARS,
        {"GDP_REAL_GROWTH": [None, *RATES], "GDP_CONST": [3000, None, None, None, None, 5000]},
    )
    run, data = report(cli, book(tmp_path, "d.xlsx", data_rows({}), series))
    assert run.exit_code == 3, run.output
    assert entry(data, "ECO-01")["status"] == "invalid"
    assert [i["code"] for i in data["issues"] if i["indicator"] == "ECO-01"] == [
        "inconsistent-value"
    ]
    # levels that agree: 3000 × 1.138 × 1.118 × 1.111 × 1.099 × 1.082 = 5042.48…
    level = 3000 * math.prod(1 + float(r) / 100 for r in RATES)
    assert round(level, 1) == 5042.5
    agree = series_rows(
        YEARS,
        {"GDP_REAL_GROWTH": [None, *RATES], "GDP_CONST": [3000, None, None, None, None, 5042.5]},
    )
    _, ok = report(cli, book(tmp_path, "a.xlsx", data_rows({}), agree))
    eco01_issues = [i for i in ok["issues"] if i["indicator"] == "ECO-01"]
    assert (entry(ok, "ECO-01")["judged"], eco01_issues) == (10.94, [])


# --- 7. statuses that say what happened --------------------------------------------------------


def test_a_zero_divisor_is_invalid_not_missing(cli: Cli, tmp_path: Path) -> None:
    series = income([("URBAN_INCOME", "城镇住户调查", 39007), ("RURAL_INCOME", "纯收入", 0)])
    _, data = report(cli, book(tmp_path, "z.xlsx", data_rows({}), series))
    assert entry(data, "ECO-04")["status"] == "invalid"
    zero = book(tmp_path, "z2.xlsx", data_rows(all_met() | {"PRD-02": (None, 10, 0)}))
    assert entry(report(cli, zero)[1], "PRD-02")["status"] == "invalid"


def test_gaps_lists_a_bare_fraction_as_invalid_with_its_hint(cli: Cli, tmp_path: Path) -> None:
    path = book(tmp_path, "g.xlsx", data_rows(all_met() | {"SRV-02": 0.824}))
    run = cli("gaps", path, "--today", "2015-07-01", env={"COLUMNS": "200"})
    assert run.exit_code == 3, run.output
    lines = run.stdout.splitlines()
    srv = next(n for n, line in enumerate(lines) if "SRV-02" in line)
    assert "! 数据有误" in lines[srv]
    assert "是否应为 82.4%？" in lines[srv + 1]
    assert "个百分点" not in run.stdout  # no advice to raise 0.824 by 79.18 points
    assert lines[-1] == (
        "共 1 项待补齐：未达标 0，未填报 0，数据有误 1；其他数据问题 0。数据问题：错误 1，警告 0。"
    )


def test_about_is_shown_and_measured_from_the_bound_it_is_judged_on(
    cli: Cli, tmp_path: Path
) -> None:
    # "53%左右" with a tolerance of 1: judged ≥ 52. 52.4 − 52 = +0.4, met; 51.9 − 52 = −0.1
    for value, gap, status in ((52.4, "+0.4", "met"), (51.9, "−0.1", "unmet")):
        path = book(tmp_path, "e.xlsx", data_rows(all_met() | {"ECO-03": value}))
        _, data = report(cli, path)
        found = entry(data, "ECO-03")
        assert (found["gap"], found["status"]) == (float(gap.replace("−", "-")), status)
        assert found["target"]["text"] == "≥ 52%（约 53% ±1）"
        text = cli("check", path, env={"COLUMNS": "160"}).stdout
        row = next(line for line in text.splitlines() if line.startswith("ECO-03"))
        assert "≥ 52%（约 53% ±1）" in row and f"{gap} 个百分点" in row
        html = cli("check", path, "--format", "html").stdout
        assert "≥ 52%（约 53% ±1）" in html and f"{gap} 个百分点" in html
    gaps = cli("gaps", path, "--today", "2015-07-01", env={"COLUMNS": "200"}).stdout
    assert "需提高 0.1 个百分点" in gaps or "0.1 个百分点" in gaps


# --- 8. the bottom-line target, a veto -----------------------------------------------------------


def test_saf01_vetoes_the_whole_result(cli: Cli, tmp_path: Path) -> None:
    entries = catalogue_entries()
    saf = next(e for e in entries if e["code"] == "SAF-01")
    assert saf["veto"] is True and saf["source"]["clause"] == "三(四)"
    assert saf["source"]["quote"] == "确保不发生区域性、行业性质量安全事故"
    assert saf["source"]["quote"] in (ROOT / "data" / "plan-2014-27.txt").read_text("utf-8")
    total = len(entries)
    path = book(tmp_path, "v.xlsx", data_rows(all_met() | {"SAF-01": "否"}))
    run = cli("check", path)
    assert run.exit_code == 1, run.output
    conclusion = run.stdout.strip().splitlines()[-1]
    assert conclusion.startswith(
        "一票否决：SAF-01 不发生区域性、行业性质量安全事故 未达标，整体不通过。"
    )
    assert f"结论：{total - 1}/{total} 项达标" in conclusion
    _, data = report(cli, path)
    assert data["summary"]["vetoed"] == ["SAF-01"] and data["summary"]["total"] == total
    met = book(tmp_path, "m.xlsx", data_rows(all_met()))
    run = cli("check", met)
    assert run.exit_code == 0 and f"结论：{total}/{total} 项达标" in run.stdout, run.output
    assert "一票否决" not in run.stdout


# --- 9. the public sample holds only the report year's figures ----------------------------------


def test_public_sample_has_no_figure_of_another_year(cli: Cli) -> None:
    sample = ROOT / "data" / "xian-2015-public.xlsx"
    wb = load_workbook(sample)
    ws = wb["数据"]
    rows = {str(r[0].value): r for r in ws.iter_rows() if r[0].value}
    header = [c.value for c in ws[next(n for n, r in enumerate(ws.iter_rows(), 1)
                                     if r[0].value == "指标代码")]]  # fmt: skip
    value, note = header.index("实际值"), header.index("备注")
    for code in ("ENV-04", "ENV-05"):
        assert rows[code][value].value is None, code
        assert "WATER2013" in str(rows[code][note].value), code  # still cited
    sources = [str(c.value) for row in wb["来源"].iter_rows() for c in row if c.value]
    assert any("WATER2013" in s for s in sources)
    _, data = report(cli, sample)
    assert entry(data, "ENV-04")["status"] == entry(data, "ENV-05")["status"] == "missing"


def test_the_value_column_shows_the_figure_judged(cli: Cli, tmp_path: Path) -> None:
    # 94 given with 1127 / 1200 = 93.9166…%: they agree as written (94), the fraction is judged
    judged = half_up(Fraction(1127, 1200) * 100)
    assert judged == Decimal("93.92")
    path = book(tmp_path, "j.xlsx", data_rows(all_met() | {"PRD-02": (94, 1127, 1200)}))
    text = cli("check", path, env={"COLUMNS": "160"}).stdout
    row = next(line for line in text.splitlines() if line.startswith("PRD-02"))
    assert f"94%（按 {judged}%*）" in row and "✘ 未达标" in row
    assert "* 由分子/分母计算" in text
