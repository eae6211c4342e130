"""Derived indicators: each kind against hand-computed figures, the fall-backs and the checks."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from qcity.arithmetic import (
    cagr,
    cagr_of_rates,
    growth_product,
    intensity,
    ratio,
    reduction,
    reduction_of,
    share,
)
from qcity.check import check_workbook
from qcity.model import Catalogue
from qcity.results import Status
from qcity.values import quantize

from .conftest import Run, data_rows, series_rows, write_workbook
from .test_cli_check import indicator as entry
from .test_cli_check import report

Cli = Callable[..., Run]
YEARS = [2010, 2011, 2012, 2013, 2014, 2015]  # columns D … I of the series sheet


def q(value: Decimal, places: int = 2) -> Decimal:
    return quantize(value, places)


# --- the formulas, with the arithmetic written out -------------------------------------------


def test_share() -> None:
    # ECO-03: 3000 / 5810.03 = 0.516348… → × 100 = 51.63
    assert q(share(Decimal(3000), Decimal("5810.03"))) == Decimal("51.63")
    # ECO-05: 290.5 / 5810.03 = 0.05000… → 5.00
    assert q(share(Decimal("290.5"), Decimal("5810.03"))) == Decimal("5.00")


def test_ratio() -> None:
    # ECO-04: 39007 / 15778 = 2.47224…
    assert q(ratio(Decimal(39007), Decimal(15778)), 5) == Decimal("2.47224")


def test_intensity_is_not_rounded_before_dividing() -> None:
    # 1234 / 3000 = 0.411333…, 1300 / 3700 = 0.351351…: kept unrounded
    i_2010 = intensity(Decimal(1234), Decimal(3000))
    i_2015 = intensity(Decimal(1300), Decimal(3700))
    assert q(i_2010, 10) == Decimal("0.4113333333") and q(i_2015, 10) == Decimal("0.3513513514")
    # (1 − (1300/3700) / (1234/3000)) × 100 = (1 − 3900000 / 4565800) × 100 = 14.5823… → 14.58;
    # intensities rounded to 4 decimals first would have given 14.56
    assert q(reduction(i_2015, i_2010)) == Decimal("14.58")
    # 1000/3000 → 1160/4000: (1 − 0.29 / (1/3)) × 100 = (1 − 0.87) × 100 = 13 exactly
    assert reduction_of(Decimal(1160), Decimal(4000), Decimal(1000), Decimal(3000)) == 13


def test_cagr() -> None:
    # 100 → 161.051 over 5 years: 161.051 / 100 = 1.61051 = 1.1^5 → exactly 10%
    assert q(cagr(Decimal("161.051"), Decimal(100), 5), 10) == Decimal("10.0000000000")
    # 241.6 → 650.91: 650.91 / 241.6 = 2.694164…; 2.694164^(1/5) = 1.219228… → 21.92%
    assert q(cagr(Decimal("650.91"), Decimal("241.6"), 5)) == Decimal("21.92")


def test_cagr_of_rates() -> None:
    # five years of 10%: (1.1^5)^(1/5) − 1 = 10%
    assert q(cagr_of_rates([Decimal(10)] * 5), 10) == Decimal("10.0000000000")
    rates = [Decimal(r) for r in ("13.8", "11.8", "11.1", "9.9", "8.2")]
    # 1.138 × 1.118 = 1.272284; × 1.111 = 1.413507524; × 1.099 = 1.553444769;
    # × 1.082 = 1.680827240
    assert q(growth_product(rates), 9) == Decimal("1.680827240")
    # 1.680827240^(1/5) = 1.109442… → 10.94%
    assert q(cagr_of_rates(rates)) == Decimal("10.94")
    # a fall is a negative rate: 1.1 × 0.9 = 0.99; 0.99^(1/2) = 0.994987… → −0.50%
    assert q(cagr_of_rates([Decimal(10), Decimal(-10)])) == Decimal("-0.50")


# --- through a workbook -------------------------------------------------------------------------

FULL: dict[str, list[Any]] = {
    "GDP": [None, None, None, None, None, "5810.03"],
    "GDP_REAL_GROWTH": [None, 13.8, 11.8, 11.1, 9.9, 8.2],
    # GDP at 2010 prices grows as the yearly rates say: 5041.25 / 3000 = 1.680417 ≈ the rates'
    # 1.680827, both 10.94% a year (ECO-01 is checked against it); energy and CO₂ in 2015 are
    # 1300 and 6600 scaled by the same 1.3625, so the intensities are 1300 / 3700 and 6600 / 3700.
    "GDP_CONST": [3000, None, None, None, None, "5041.25"],
    "ENERGY": [1234, None, None, None, None, "1771.25"],
    "CO2": [6000, None, None, None, None, "8992.5"],
    "REVENUE": [241.6, None, None, None, None, 650.91],
    "LEADING_VA": [None, None, None, None, None, 3000],
    "RND": [None, None, None, None, None, 290.5],
    "URBAN_INCOME": [None, None, None, None, None, 39007],
    "RURAL_INCOME": [None, None, None, None, None, 15778],
}
UNITS = {"GDP": "亿元", "GDP_REAL_GROWTH": "%", "URBAN_INCOME": "元", "RURAL_INCOME": "元"}
BASES = {"URBAN_INCOME": "一体化", "RURAL_INCOME": "可支配收入"}


def workbook(
    tmp_path: Path,
    values: Mapping[str, Any] | None = None,
    series: Mapping[str, Sequence[Any]] | None = None,
    *,
    years: Sequence[int | str] = tuple(YEARS),
    name: str = "s.xlsx",
    bases: Mapping[str, str] | None = None,
) -> Path:
    return write_workbook(
        tmp_path / name,
        {
            "数据": data_rows(values or {}),
            "序列": series_rows(
                years,
                FULL if series is None else series,
                units=UNITS,
                bases=BASES if bases is None else bases,
            ),
        },
    )


def issues(data: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [(i["code"], i["location"]["cell"], i["indicator"]) for i in data["issues"]]


def test_every_kind_from_the_series_sheet(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, workbook(tmp_path))
    assert data["series_sheet"] == "序列"
    assert data["report_year"]["year"] == 2015
    assert data["report_year"]["source"] == "latest"
    expected = {
        # ECO-01: the hand-computed 10.94 above, from GDP_REAL_GROWTH 2011…2015
        "ECO-01": ("cagr_of_rates", 10.94, "unmet"),
        # ECO-02: (650.91 / 241.6)^(1/5) − 1 = 21.92%
        "ECO-02": ("cagr", 21.92, "met"),
        # ECO-03: 3000 / 5810.03 × 100 = 51.63 < 52 (53 ± 1)
        "ECO-03": ("share", 51.63, "unmet"),
        # ECO-04: 39007 / 15778 = 2.47 ≤ 2.6
        "ECO-04": ("ratio", 2.47, "met"),
        # ECO-05: 290.5 / 5810.03 × 100 = 5.00 < 5.5
        "ECO-05": ("share", 5.0, "unmet"),
        # ENV-01: 14.58, as computed by hand above (unrounded intensities)
        "ENV-01": ("intensity_reduction", 14.58, "met"),
        # ENV-02: 6000 / 3000 = 2; 6600 / 3700 = 1.783783…;
        # (1 − 1.783783… / 2) × 100 = 10.81 < 13
        "ENV-02": ("intensity_reduction", 10.81, "unmet"),
    }
    for code, (kind, judged, status) in expected.items():
        found = entry(data, code)
        assert found["derived"]["kind"] == kind, code
        assert found["derived"]["judged"] == judged, code
        assert found["status"] == status, code
        assert found["judged"] == judged, code  # nothing reported: the derived figure is judged
        assert found["notation"] == "derived", code
    steps = entry(data, "ENV-02")["derived"]["steps"]
    assert steps["intensity_base"] == 2.0
    assert abs(steps["intensity_t"] - 8992.5 / 5041.25) < 1e-12  # unrounded: 1.783783…
    eco04 = entry(data, "ECO-04")["derived"]
    assert [(i["series"], i["year"], i["location"]["cell"]) for i in eco04["inputs"]] == [
        ("URBAN_INCOME", 2015, "I10"),
        ("RURAL_INCOME", 2015, "I11"),
    ]
    assert eco04["formula"] == "URBAN_INCOME / RURAL_INCOME"
    assert eco04["bases"] == [
        "ECO-04 所用城镇居民人均可支配收入的口径：城镇居民人均可支配收入(城乡一体化住户调查)（2013 年城乡住户调查一体化改革后的口径）",
        "ECO-04 所用农村居民人均收入的口径：农村居民人均可支配收入（2013 年城乡住户调查一体化改革后的口径）",
    ]
    assert entry(data, "PRD-01")["derived"] is None  # a rate of the data sheet's own columns
    assert data["issues"] == []


def test_text_report_shows_both_figures_and_the_year(cli: Cli, tmp_path: Path) -> None:
    path = workbook(tmp_path, {"ECO-04": "2.47∶1", "ECO-01": 10.9})
    run = cli("check", path, env={"COLUMNS": "120"})
    assert run.exit_code == 1, run.output
    out = run.stdout
    assert "序列表：序列 · 报告年份：2015（序列表中有数据的最新年份）" in out
    line = next(x for x in out.splitlines() if x.startswith("ECO-04"))
    assert "2.47∶1   2.47∶1" in line  # reported, then derived
    line = next(x for x in out.splitlines() if x.startswith("ECO-01"))
    assert "10.9%   10.94%" in line
    assert "−0.06 个百分点" in line  # the exact derived figure is judged when both agree
    assert "有计算值的指标按计算值判定；≠ 表示计算值与填报值不一致" in out
    assert (
        "ECO-04 所用农村居民人均收入的口径：农村居民人均可支配收入"
        "（2013 年城乡住户调查一体化改革后的口径）"
    ) in out


def test_english_report(cli: Cli, tmp_path: Path) -> None:
    run = cli("check", workbook(tmp_path), "--lang", "en", env={"COLUMNS": "140"})
    assert "Series sheet: 序列 · Report year: 2015 (the latest year holding figures)" in run.stdout
    assert "Derived" in run.stdout
    assert (
        "ECO-04 uses Rural income per head on the basis of rural disposable income per head "
        "(the basis since the 2013 household-survey reform)"
    ) in run.stdout


# --- the consistency check ------------------------------------------------------------------


def test_reported_and_derived_agree_at_the_written_precision(cli: Cli, tmp_path: Path) -> None:
    # 39007 / 15778 = 2.4722: "2.47" agrees at 2 decimals, "2.5" at the 1 it was written with
    for reported in ("2.47", "2.5"):
        data = report(cli, workbook(tmp_path, {"ECO-04": reported}, name=f"{reported}.xlsx"))
        found = entry(data, "ECO-04")
        assert found["derived"]["consistent"] is True
        assert found["derived"]["used_for_status"] is True
        assert found["raw"] == reported
        assert found["judged"] == 2.47
        assert data["issues"] == []


def test_rounded_report_does_not_hide_an_unmet_target(cli: Cli, tmp_path: Path) -> None:
    # "11" agrees with 10.94 at 0 decimals, but 10.94 is what the figures say: unmet
    data = report(cli, workbook(tmp_path, {"ECO-01": 11}))
    found = entry(data, "ECO-01")
    assert found["derived"]["consistent"] is True
    assert (found["status"], found["judged"], found["gap"]) == ("unmet", 10.94, -0.06)


def test_inconsistent_reported_value(cli: Cli, tmp_path: Path) -> None:
    path = workbook(tmp_path, {"ECO-04": 2.6})
    data = report(cli, path)
    assert issues(data) == [("inconsistent-value", "B2", "ECO-04")]
    assert data["issues"][0]["message"] == (
        # The location (数据!B2 of the file) is given beside the message, not again inside it.
        "填报值 2.6 与 URBAN_INCOME/RURAL_INCOME 2015（序列!I10、序列!I11）算得的 2.47 不一致"
    )
    assert str(path) not in data["issues"][0]["message"]
    found = entry(data, "ECO-04")
    assert found["status"] == "invalid"
    assert found["derived"]["consistent"] is False
    assert (run := cli("check", path)).exit_code == 3, run.output
    en = cli("check", path, "--format", "json", "--lang", "en")
    assert json.loads(en.stdout)["issues"][0]["message"] == (
        "reported 2.6 differs from 2.47 computed from "
        "URBAN_INCOME/RURAL_INCOME 2015 (序列!I10, 序列!I11)"
    )


def test_inconsistent_growth_names_every_cell(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, workbook(tmp_path, {"ECO-01": 12.5}))
    assert data["issues"][0]["message"].endswith(
        "与 GDP_REAL_GROWTH/GDP_CONST 2010–2015（序列!E3、序列!F3、序列!G3、序列!H3、序列!I3、"
        "序列!D4、序列!I4）算得的 10.94 不一致"
    )


# --- fall-backs: located issues, never a crash --------------------------------------------------


def test_missing_years_fall_back_to_the_reported_value(cli: Cli, tmp_path: Path) -> None:
    # without GDP at constant prices for 2015 either (ENV-01/02 then lack it too)
    series = dict(FULL) | {
        "GDP_REAL_GROWTH": [None, None, 11.8, None, 9.9, 8.2],
        "GDP_CONST": [3000, None, None, None, None, None],
    }
    data = report(cli, workbook(tmp_path, {"ECO-01": 10.9}, series))
    data["issues"] = [i for i in data["issues"] if i["indicator"] == "ECO-01"]
    assert issues(data) == [("series-figure-missing", "E3", "ECO-01")]
    assert data["issues"][0]["severity"] == "warning"
    assert data["issues"][0]["message"] == (
        "ECO-01 无法由序列计算，缺少 GDP_REAL_GROWTH 2011（序列!E3）、2013（序列!G3）；"
        "改用填报值 10.9（数据!B2）"
    )
    found = entry(data, "ECO-01")
    assert (found["status"], found["judged"], found["raw"]) == ("unmet", 10.9, "10.9")
    assert found["derived"]["value"] is None
    assert [m["year"] for m in found["derived"]["missing"]] == [2011, 2013]


def test_missing_figures_without_a_reported_value(cli: Cli, tmp_path: Path) -> None:
    series = {k: v for k, v in FULL.items() if k != "LEADING_VA"}
    data = report(cli, workbook(tmp_path, {}, series))
    found = next(i for i in data["issues"] if i["indicator"] == "ECO-03")
    assert found["message"] == (
        "ECO-03 无法由序列计算，缺少 LEADING_VA（表中无此序列）；也没有填报值"
    )
    assert found["location"]["cell"] is None and found["location"]["sheet"] == "序列"
    assert entry(data, "ECO-03")["status"] == "missing"


def test_zero_denominator(cli: Cli, tmp_path: Path) -> None:
    series = dict(FULL) | {"GDP": [None, None, None, None, None, 0]}
    data = report(cli, workbook(tmp_path, {"ECO-03": 53}, series))
    zero = [i for i in data["issues"] if i["code"] == "zero-divisor"]
    assert [(i["indicator"], i["location"]["cell"]) for i in zero] == [
        ("ECO-03", "I2"),
        ("ECO-05", "I2"),
    ]
    assert zero[0]["message"] == (
        "GDP 2015 年为 0，不能作除数，ECO-03 无法计算；改用填报值 53（数据!B2）"
    )
    assert zero[0]["severity"] == "error"
    assert entry(data, "ECO-03")["status"] == "met"  # the reported 53
    assert entry(data, "ECO-05")["status"] == "invalid"  # nothing reported: wrong, not missing


def test_zero_base_intensity(cli: Cli, tmp_path: Path) -> None:
    series = dict(FULL) | {"ENERGY": [0, None, None, None, None, 1771.25]}
    data = report(cli, workbook(tmp_path, {}, series))
    (zero,) = [i for i in data["issues"] if i["code"] == "zero-divisor"]
    assert zero["message"] == (
        "2010 年的强度 0 / 3000为 0，不能作除数，ENV-01 无法计算；也没有填报值"
    )
    assert zero["location"]["cell"] == "D5"


def test_zero_base_of_a_growth(cli: Cli, tmp_path: Path) -> None:
    series = dict(FULL) | {"REVENUE": [0, None, None, None, None, 650.91]}
    data = report(cli, workbook(tmp_path, {}, series))
    assert [(i["code"], i["location"]["cell"]) for i in data["issues"]] == [("zero-divisor", "D7")]


def test_negative_and_impossible_figures_are_refused_at_their_cells(
    cli: Cli, tmp_path: Path
) -> None:
    series = dict(FULL) | {
        "GDP": [None, None, None, None, None, -5810],
        "GDP_REAL_GROWTH": [None, 13.8, 11.8, -100, 9.9, 8.2],
    }
    data = report(cli, workbook(tmp_path, {"ECO-01": 10.9}, series))
    assert [(i["code"], i["location"]["cell"], i["message"]) for i in data["issues"]] == [
        ("out-of-range", "I2", "-5810 超出该指标可取的范围 [0, 10^15)"),
        ("out-of-range", "G3", "-100 超出该指标可取的范围 (−100, +∞)"),
    ]
    # no second issue about missing figures: the cells' own issues say why
    assert entry(data, "ECO-01")["status"] == "unmet"
    assert entry(data, "ECO-01")["derived"]["unreadable"][0]["location"]["cell"] == "G3"
    assert entry(data, "ECO-03")["status"] == "missing"


def test_a_text_figure_is_refused_like_a_reported_one(cli: Cli, tmp_path: Path) -> None:
    series = dict(FULL) | {"RURAL_INCOME": [None, None, None, None, None, "约15800"]}
    data = report(cli, workbook(tmp_path, {}, series))
    assert issues(data) == [("approximate-value", "I11", None)]
    assert entry(data, "ECO-04")["status"] == "missing"


def test_base_year_absent(cli: Cli, tmp_path: Path) -> None:
    series = {code: figures[1:] for code, figures in FULL.items()}
    data = report(cli, workbook(tmp_path, {}, series, years=YEARS[1:]))
    absent = [i for i in data["issues"] if i["code"] == "base-year-absent"]
    assert [i["indicator"] for i in absent] == ["ENV-01", "ENV-02", "ECO-02"]
    assert absent[0]["message"] == "序列表没有基年 2010 列，ENV-01 无法计算；也没有填报值"
    # growth rates need no base-year column: 2011…2015 are all there
    assert entry(data, "ECO-01")["derived"]["judged"] == 10.94


def test_report_year_not_after_the_base_year(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, workbook(tmp_path), "--year", "2010")
    codes = [(i["code"], i["indicator"]) for i in data["issues"]]
    assert ("report-year-not-after-base", "ECO-01") in codes
    found = next(i for i in data["issues"] if i["indicator"] == "ECO-02")
    assert found["message"] == (
        "ECO-02 以 2010 年为基年，报告年份 2010 不晚于基年，无法计算；也没有填报值"
    )


def test_year_without_a_column(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, workbook(tmp_path), "--year", "2016")
    assert data["report_year"] == {
        "year": 2016,
        "source": "option",
        "text": "2016（由 --year 指定）",
        "raw": None,
        "location": None,
    }
    found = next(i for i in data["issues"] if i["indicator"] == "ECO-04")
    assert found["message"] == (
        "ECO-04 无法由序列计算，缺少 URBAN_INCOME 2016（无此年份列）；"
        "RURAL_INCOME 2016（无此年份列）；也没有填报值"
    )


def test_derived_value_outside_the_range_is_invalid(cli: Cli, tmp_path: Path) -> None:
    series = dict(FULL) | {"LEADING_VA": [None, None, None, None, None, 6000]}
    data = report(cli, workbook(tmp_path, {}, series))
    assert issues(data) == [("out-of-range", "I8", "ECO-03")]
    assert data["issues"][0]["message"] == "103.27 超出该指标可取的范围 [0, 100]"
    assert entry(data, "ECO-03")["status"] == "invalid"


# --- the rural-income basis --------------------------------------------------------------------


def test_basis_from_the_row_name(cli: Cli, tmp_path: Path) -> None:
    series = {k: v for k, v in FULL.items() if k != "RURAL_INCOME"}
    series["农民人均纯收入"] = FULL["RURAL_INCOME"]
    data = report(cli, workbook(tmp_path, {}, series, bases={}))
    assert entry(data, "ECO-04")["derived"]["inputs"][1]["basis"] == "net"
    assert entry(data, "ECO-04")["derived"]["bases"] == [
        "ECO-04 所用城镇居民人均可支配收入的口径：未注明口径",
        "ECO-04 所用农村居民人均收入的口径：农民人均纯收入（2013 年城乡住户调查一体化改革前的口径）",
    ]


def test_basis_unstated_is_a_warning(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, workbook(tmp_path, {}, FULL, bases={}))
    assert issues(data) == [
        ("basis-unstated", "I10", "ECO-04"),
        ("basis-unstated", "I11", "ECO-04"),
    ]
    assert data["issues"][1]["message"] == (
        "RURAL_INCOME 未注明口径（农村居民人均可支配收入、农民人均纯收入），"
        "ECO-04 用的是哪种收入无从说明"
    )
    assert entry(data, "ECO-04")["derived"]["bases"] == [
        "ECO-04 所用城镇居民人均可支配收入的口径：未注明口径",
        "ECO-04 所用农村居民人均收入的口径：未注明口径",
    ]


def test_both_bases_prefer_disposable_income(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows(YEARS, FULL, units=UNITS, bases=BASES)
    rows.append(["RURAL_INCOME", "元", "纯收入", None, None, None, None, None, 17000])
    path = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows({}), "序列": rows})
    data = report(cli, path)
    assert entry(data, "ECO-04")["derived"]["inputs"][1]["value"] == 15778
    assert data["issues"] == []
    # without a disposable figure for the year, the net one cannot be divided into an urban
    # figure of the integrated survey: invalid, and the report says why
    rows[10][-1] = None
    path = write_workbook(tmp_path / "c.xlsx", {"数据": data_rows({}), "序列": rows})
    data = report(cli, path)
    assert entry(data, "ECO-04")["status"] == "invalid"
    assert issues(data) == [("basis-mismatch", "I12", "ECO-04")]
    # with an urban figure of the old survey too, the net pair is used: 36000 / 17000 = 2.12
    rows.append(["URBAN_INCOME", "元", "城镇住户调查", None, None, None, None, None, 36000])
    path = write_workbook(tmp_path / "d.xlsx", {"数据": data_rows({}), "序列": rows})
    found = entry(report(cli, path), "ECO-04")
    assert [(i["value"], i["basis"]) for i in found["derived"]["inputs"]] == [
        (36000, "urban_survey"),
        (17000, "net"),
    ]
    assert found["judged"] == 2.12


def test_library_use(tmp_path: Path, catalogue: Catalogue) -> None:
    evaluation = check_workbook(workbook(tmp_path), catalogue, year=2015)
    result = next(r for r in evaluation.results if r.indicator.code == "ECO-04")
    assert result.status is Status.MET
    assert result.derivation is not None
    assert quantize(result.derivation.value or Decimal(0), 4) == Decimal("2.4722")
    assert evaluation.report_year is not None and evaluation.report_year.source == "option"
