"""`qcity explain CODE FILE`: the arithmetic step by step, with the cells it read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EXAMPLE, ROOT, Run, digest
from .test_derive import FULL, workbook

Cli = Callable[..., Run]
PUBLIC = ROOT / "data" / "xian-2015-public.xlsx"


def lines(run: Run) -> list[str]:
    return [line.rstrip() for line in run.stdout.splitlines()]


def test_eco04_on_the_public_sample(cli: Cli) -> None:
    before = digest(PUBLIC)
    run = cli("explain", "ECO-04", "data/xian-2015-public.xlsx")
    assert run.exit_code == 0, run.output
    assert lines(run) == [
        "ECO-04 城镇居民人均可支配收入与农村居民人均收入之比",
        "目标 ≤ 2.6∶1 · 依据 二(二)5“城镇居民人均可支配收入与农村居民人均收入控制在2.6∶1以内”",
        "文件 data/xian-2015-public.xlsx · 报告年份 2015（报告期 数据!B2）",
        "",
        "由序列计算（ratio）：URBAN_INCOME / RURAL_INCOME",
        "  URBAN_INCOME 城镇居民人均可支配收入 2015 = 39007 元  序列!J11",
        "    口径：未注明口径",
        "  RURAL_INCOME 农村居民人均收入 2015 = 15778 元  序列!J12",
        "    口径：农民人均纯收入（2013 年城乡住户调查一体化改革前的口径）",
        "  ECO-04 = 39007（序列!J11） / 15778（序列!J12） = 2.47 ≤ 2.6 达标",
        "  未舍入 2.472239827608… → 四舍五入到 2 位小数（唯一一次舍入）= 2.47",
        "填报值 未填报（数据!E25）",
        "判定 ✔ 达标 · 按计算值 2.47∶1 · 差距 −0.13（相对上限 2.6∶1）",
        "",
        "数据问题（1）",
        "⚠ 警告 data/xian-2015-public.xlsx：序列!J11  URBAN_INCOME 未注明口径（城镇居民人均可支配收入"
        "(城乡一体化住户调查)、城镇居民人均可支配收入(城镇住户调查)），ECO-04 用的是哪种收入无从说明"
        "  [basis-unstated]",
        "    → 在“口径”列写明 城镇居民人均可支配收入(城乡一体化住户调查)、城镇居民人均可支配收入"
        "(城镇住户调查) 之一",
    ]
    assert digest(PUBLIC) == before


def test_english(cli: Cli) -> None:
    run = cli("explain", "eco-04", PUBLIC, "--lang", "en")
    assert run.exit_code == 0, run.output
    out = lines(run)
    assert out[4:13] == [
        "From the series (ratio): URBAN_INCOME / RURAL_INCOME",
        "  URBAN_INCOME Urban disposable income per head 2015 = 39007 yuan  序列!J11",
        "    basis: basis not stated",
        "  RURAL_INCOME Rural income per head 2015 = 15778 yuan  序列!J12",
        "    basis: rural net income per head (the basis before the 2013 household-survey reform)",
        "  ECO-04 = 39007 (序列!J11) / 15778 (序列!J12) = 2.47 ≤ 2.6 met",
        "  unrounded 2.472239827608… → rounded half up to 2 decimals (the one rounding) = 2.47",
        "Reported: nothing (数据!E25)",
        "Verdict ✔ met · on the derived 2.47∶1 · gap 0.13 under the 2.6 ceiling",
    ]
    assert out[2] == f"File {PUBLIC} · report year 2015 (报告期 (period) at 数据!B2)"


def test_growth_with_missing_years_falls_back(cli: Cli) -> None:
    run = cli("explain", "ECO-01", PUBLIC)
    assert run.exit_code == 1, run.output
    assert lines(run)[4:] == [
        "由序列计算（cagr_of_rates）：((Π (1 + GDP_REAL_GROWTH_y / 100), y = 2011…2015)^(1/5) − 1) × 100",
        "  GDP_REAL_GROWTH 地区生产总值实际增长率 2014 = 9.9%  序列!I4",
        "  GDP_REAL_GROWTH 地区生产总值实际增长率 2015 = 8.2%  序列!J4",
        "  缺少 GDP_REAL_GROWTH 2011（序列!F4）、GDP_REAL_GROWTH 2012（序列!G4）、"
        "GDP_REAL_GROWTH 2013（序列!H4）",
        "  无法计算",
        "填报值 10.9（数据!E22）",
        "判定 ✘ 未达标 · 按填报值 10.9% · 差距 −0.1 个百分点",
        "",
        "数据问题（1）",
        f"⚠ 警告 {PUBLIC}：序列!F4  ECO-01 无法由序列计算，缺少 GDP_REAL_GROWTH 2011（序列!F4）、"
        "2012（序列!G4）、2013（序列!H4）；改用填报值 10.9（数据!E22）  [series-figure-missing]",
        "    → 在序列表中补上这些数值；没有公布数据的保持空白",
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "ECO-03",
            [
                "  ECO-03 = 3000（序列!I8） / 5810.03（序列!I2） × 100 = 51.63% < 52% (53% ±1) 未达标"
            ],
        ),
        (
            "ENV-01",
            [
                "  I = ENERGY / GDP_CONST，不先舍入",
                "  I_2015 = 1771.25（序列!I5） / 5041.25（序列!I4） = 0.351351351351…",
                "  I_2010 = 1234（序列!D5） / 3000（序列!D4） = 0.411333333333…",
                "  ENV-01 = (1 − I_2015 / I_2010) × 100 = 14.58% ≥ 13% 达标",
                "  未舍入 14.582329493188… → 四舍五入到 2 位小数（唯一一次舍入）= 14.58",
            ],
        ),
        (
            "ECO-02",
            [
                "  ECO-02 = ((650.91（序列!I7） / 241.6（序列!D7）)^(1/5) − 1) × 100",
                "         = (2.694163907285…^(1/5) − 1) × 100 = 21.92% ≥ 16% 达标",
            ],
        ),
        (
            "ECO-01",
            [
                "  ECO-01 = ((1 + 13.8%) × (1 + 11.8%) × (1 + 11.1%) × (1 + 9.9%) × (1 + 8.2%))^(1/5) − 1",
                "         = 1.680827239924…^(1/5) − 1 = 10.94% < 11% 未达标",
            ],
        ),
    ],
)
def test_each_kind_step_by_step(cli: Cli, tmp_path: Path, code: str, expected: list[str]) -> None:
    run = cli("explain", code, workbook(tmp_path))
    out = lines(run)
    start = out.index(expected[0])
    assert out[start : start + len(expected)] == expected
    # every figure read is listed with its cell first
    assert any(line.startswith("  ") and "序列!" in line for line in out[:start])


def test_inputs_are_listed_with_units_and_cells(cli: Cli, tmp_path: Path) -> None:
    out = lines(cli("explain", "ENV-02", workbook(tmp_path)))
    assert out[4:9] == [
        "由序列计算（intensity_reduction）：(1 − (CO2_2015 / GDP_CONST_2015) / "
        "(CO2_2010 / GDP_CONST_2010)) × 100",
        "  CO2 二氧化碳排放量 2010 = 6000 万吨  序列!D6",
        "  CO2 二氧化碳排放量 2015 = 8992.5 万吨  序列!I6",
        "  GDP_CONST 地区生产总值(2010年不变价) 2010 = 3000 亿元  序列!D4",
        "  GDP_CONST 地区生产总值(2010年不变价) 2015 = 5041.25 亿元  序列!I4",
    ]


def test_rate_from_the_data_sheet(cli: Cli) -> None:
    out = lines(cli("explain", "PRD-02", EXAMPLE))
    assert out[2] == "文件 " + str(EXAMPLE)  # no series sheet: no report year
    assert out[4:] == [
        "由分子/分母计算：分子 / 分母 × 100",
        "  PRD-02 = 1121（数据!F5） / 1200（数据!G5） × 100 = 93.42% < 94% 未达标",
        "  未舍入 93.416666666667… → 四舍五入到 2 位小数（唯一一次舍入）= 93.42",
        "填报值 未填报（数据!E5）",
        "判定 ✘ 未达标 · 按分子/分母 93.42% · 差距 −0.58 个百分点",
    ]
    out = lines(cli("explain", "CON-02", EXAMPLE))
    assert out[5:] == [
        "  CON-02 = 1220（数据!F9） / 1250（数据!G9） × 100 = 97.6%",
        "填报值 97.6（数据!E9），与分子/分母一致",
        "判定 ✘ 未达标 · 按填报值 97.6% · 差距 −0.4 个百分点",
    ]


def test_without_a_series_sheet(cli: Cli) -> None:
    run = cli("explain", "ECO-04", EXAMPLE)
    assert run.exit_code == 0, run.output
    assert lines(run)[4:] == [
        "可由序列计算（ratio），但工作簿没有“序列”工作表",
        "填报值 2.47∶1（数据!E25）",
        "判定 ✔ 达标 · 按填报值 2.47∶1 · 差距 −0.13（相对上限 2.6∶1）",
    ]


def test_inconsistent_figures_exit_3(cli: Cli, tmp_path: Path) -> None:
    path = workbook(tmp_path, {"ECO-04": 2.6})
    run = cli("explain", "ECO-04", path)
    assert run.exit_code == 3, run.output
    out = lines(run)
    assert "判定 ! 数据有误" in out
    assert "填报值 有误（数据!B2），见下方数据问题" in out
    assert any("[inconsistent-value]" in line for line in out)


def test_unreadable_series_cell_is_shown_with_its_issue(cli: Cli, tmp_path: Path) -> None:
    series = dict(FULL) | {"RURAL_INCOME": [None, None, None, None, None, "n/a"]}
    out = lines(cli("explain", "ECO-04", workbook(tmp_path, {}, series)))
    assert "  无法读取 RURAL_INCOME 2015（序列!I11），见下方数据问题" in out
    assert any("序列!I11  “n/a”不是数值  [not-a-number]" in line for line in out)


def test_unknown_indicator_is_a_usage_error(cli: Cli) -> None:
    run = cli("explain", "ECO-4", EXAMPLE, "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "'ECO-4' is not an indicator of the catalogue; did you mean ECO-04?" in run.output
    run = cli("explain", "ECO-4", EXAMPLE)
    assert "错误：“ECO-4”不是指标目录中的指标；你是否想用 ECO-04？" in run.output


def test_output_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "eco04.txt"
    run = cli("explain", "ECO-04", PUBLIC, "-o", out)
    assert run.exit_code == 0, run.output
    assert run.stdout == ""
    assert "ECO-04 = 39007（序列!J11） / 15778（序列!J12） = 2.47 ≤ 2.6 达标" in out.read_text(
        encoding="utf-8"
    )
    assert (result := cli("explain", "ECO-04", PUBLIC, "-o", PUBLIC)).exit_code == 2, result.output


def test_an_unknown_code_lists_the_catalogues_in_each_languages_way(cli: Cli) -> None:
    # Nothing close to XYZ-1: the message lists the codes, with 、 in Chinese and ", " in English.
    run = cli("explain", "XYZ-1", EXAMPLE)
    assert run.exit_code == 2, run.output
    assert "（可选 PRD-01、PRD-02、PRD-03、PRD-04、CON-01、" in run.stderr, run.stderr
    assert ", " not in run.stderr.splitlines()[0]
    run = cli("explain", "XYZ-1", EXAMPLE, "--lang", "en")
    assert run.exit_code == 2, run.output
    assert " (one of PRD-01, PRD-02, PRD-03, PRD-04, CON-01, " in run.stderr, run.stderr
