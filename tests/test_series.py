"""The series sheet as read: codes and aliases, years, units, bases, structure; the report year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from qcity.series import year_of

from .conftest import Run, Sheet, data_rows, series_rows, write_workbook
from .test_cli_check import indicator as entry
from .test_cli_check import report

Cli = Callable[..., Run]

INCOMES = {"URBAN_INCOME": [39007], "RURAL_INCOME": [15778]}


def found(data: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    return [(i["code"], i["location"]["cell"], i["message"]) for i in data["issues"]]


def book(tmp_path: Path, series: list[list[Any]] | Sheet, **more: Any) -> Path:
    sheets: dict[str, Any] = {"数据": data_rows({}), "序列": series, **more}
    return write_workbook(tmp_path / "s.xlsx", sheets)


# --- codes, years and figures -----------------------------------------------------------------


def test_codes_aliases_and_year_headers(cli: Cli, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["序列代码", "2014年", "２０１５"],
        ["ＧＤＰ", 5474.8, "5,810.03"],  # full-width code, thousands separator
        ["城镇居民人均可支配收入", None, 39007],  # the Chinese name
        ["rural-income", None, 15778],  # case and hyphen are forgiven
        ["五大主导产业增加值", None, 3000],
        ["研究与试验发展经费支出", None, 290.5],
    ]
    data = report(cli, book(tmp_path, rows))
    assert found(data) == [
        (
            "basis-unstated",
            "C3",
            "URBAN_INCOME 未注明口径（城镇居民人均可支配收入(城乡一体化住户调查)、"
            "城镇居民人均可支配收入(城镇住户调查)），ECO-04 用的是哪种收入无从说明",
        ),
        (
            "basis-unstated",
            "C4",
            "RURAL_INCOME 未注明口径（农村居民人均可支配收入、农民人均纯收入），"
            "ECO-04 用的是哪种收入无从说明",
        ),
    ]
    assert entry(data, "ECO-04")["derived"]["judged"] == 2.47
    # 3000 / 5810.03 × 100 = 51.63; 290.5 / 5810.03 × 100 = 5.00
    assert entry(data, "ECO-03")["derived"]["judged"] == 51.63
    assert entry(data, "ECO-05")["derived"]["judged"] == 5.0
    assert entry(data, "ECO-03")["derived"]["inputs"][1]["raw"] == "5,810.03"


def test_growth_rates_in_every_notation(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows(
        [2010, 2011, 2012, 2013, 2014, 2015],
        {"GDP_REAL_GROWTH": [None, "13.8%", 0.118, "１１．１", 9.9, "8.2 %"]},
    )
    path = book(tmp_path, Sheet(rows=rows, formats={"F2": "0.0%"}))
    derived = entry(report(cli, path), "ECO-01")["derived"]
    assert [i["value"] for i in derived["inputs"]] == [13.8, 11.8, 11.1, 9.9, 8.2]
    assert derived["judged"] == 10.94


def test_unknown_series_suggests_the_nearest(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], {"GPD": [5810.03], "人口": [870]})
    data = report(cli, book(tmp_path, rows))
    assert found(data) == [
        ("unknown-series", "A2", "序列代码“GPD”不在目录中，是否为 GDP？，该行未使用"),
        ("unknown-series", "A3", "序列代码“人口”不在目录中，该行未使用"),
    ]
    assert all(i["severity"] == "warning" for i in data["issues"])


def test_unit_must_be_the_catalogues(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows(
        [2015],
        {"GDP": [58100300], "LEADING_VA": [3000], "RND": [290.5]},
        units={"GDP": "万元", "LEADING_VA": "(亿元)", "RND": "亿"},
    )
    data = report(cli, book(tmp_path, rows))
    assert found(data)[0] == (
        "series-unit-mismatch",
        "B2",
        "单位“万元”与目录中 GDP 的单位“亿元”不符，该行未使用",
    )
    assert data["issues"][0]["severity"] == "error"
    # the GDP row is not used, so neither share can be derived
    assert [i["indicator"] for i in data["issues"][1:]] == ["ECO-03", "ECO-05"]


def test_duplicate_series_names_both_cells(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], {"GDP": [5810.03], "LEADING_VA": [3000]})
    rows.append(["地区生产总值", None, None, 5800])
    data = report(cli, book(tmp_path, rows))
    assert found(data)[0] == (
        "duplicate-series",
        "A4",
        "序列 GDP 出现了两次：序列!A2 和 序列!A4，两行都未使用",
    )
    assert entry(data, "ECO-03")["derived"]["value"] is None


def test_unknown_basis(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], INCOMES, bases={"RURAL_INCOME": "毛收入", "URBAN_INCOME": "现价"})
    data = report(cli, book(tmp_path, rows))
    assert [(c, cell) for c, cell, _ in found(data)] == [
        ("unknown-basis", "C2"),
        ("unknown-basis", "C3"),
        ("basis-unstated", "D2"),
        ("basis-unstated", "D3"),
    ]
    assert data["issues"][1]["message"] == (
        "口径“毛收入”不是 RURAL_INCOME 的口径（农村居民人均可支配收入、农民人均纯收入），按未注明口径处理"
    )


def test_formula_without_value_and_hidden_rows(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], {"URBAN_INCOME": ["=1+1"], "RURAL_INCOME": [15778]})
    data = report(cli, book(tmp_path, Sheet(rows=rows, hidden_rows=[3])))
    assert found(data) == [
        ("formula-without-value", "D2", "单元格是公式 =1+1，但文件中没有保存计算结果"),
        ("hidden-row", "A3", "第 3 行是隐藏的，但填有指标 RURAL_INCOME 的数据"),
    ]
    # the unreadable figure has its own issue; no second one says it is missing
    assert entry(data, "ECO-04")["status"] == "missing"
    assert entry(data, "ECO-04")["derived"]["unreadable"][0]["location"]["cell"] == "D2"


def test_figures_without_a_code(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows(
        [2015], INCOMES, bases={"RURAL_INCOME": "可支配收入", "URBAN_INCOME": "一体化"}
    )
    rows.append([None, None, None, 42])
    data = report(cli, book(tmp_path, rows))
    assert found(data) == [("value-without-code", "A4", "第 4 行填了数据，但“指标代码”为空")]


# --- structure ----------------------------------------------------------------------------------


def test_series_sheet_without_a_header(cli: Cli, tmp_path: Path) -> None:
    path = book(tmp_path, [["GDP", 5810.03]])
    data = report(cli, path)
    assert found(data) == [
        (
            "no-series-header",
            None,
            "序列工作表前 20 行中没有“序列代码”（series）列标题，序列未使用",
        )
    ]
    assert data["series_sheet"] is None and data["report_year"] is None
    assert (run := cli("check", path)).exit_code == 3, run.output


def test_series_sheet_without_years(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, book(tmp_path, [["序列代码", "单位"], ["GDP", "亿元"]]))
    assert found(data) == [
        ("no-year-columns", "A1", "序列表的表头（第 1 行）没有年份列，序列未使用")
    ]


def test_duplicate_year_column(cli: Cli, tmp_path: Path) -> None:
    rows = [
        ["序列代码", 2015, "2015年"],
        ["城镇居民人均可支配收入(城镇住户调查)", 39007, 1],
        ["农民人均纯收入", 15778, 1],
    ]
    data = report(cli, book(tmp_path, rows))
    assert found(data) == [("duplicate-column", "C1", "列“2015”出现了两次：B1 和 C1")]
    assert entry(data, "ECO-04")["derived"]["judged"] == 2.47  # the first column is read


def test_two_series_sheets(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], INCOMES)
    path = book(tmp_path, rows, Series=rows)
    data = report(cli, path)
    assert found(data) == [
        (
            "ambiguous-series-sheet",
            None,
            "有多个名为“序列”或“series”的工作表：序列、Series",
        )
    ]


def test_a_workbook_of_series_only(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], INCOMES, bases={"RURAL_INCOME": "纯收入"})
    path = write_workbook(tmp_path / "only.xlsx", {"序列": rows})
    data = report(cli, path)
    assert data["sheet"] is None
    assert entry(data, "ECO-04")["status"] == "met"
    run = cli("check", path)
    # (the header line may wrap at the pinned width, where a space becomes a line break)
    assert f"文件：{path}·指标目录：".replace(" ", "") in "".join(run.stdout.split())


def test_the_only_other_sheet_is_the_data_sheet(cli: Cli, tmp_path: Path) -> None:
    rows = series_rows([2015], INCOMES, bases={"RURAL_INCOME": "纯收入"})
    path = write_workbook(
        tmp_path / "x.xlsx", {"Sheet1": data_rows({"ECO-04": 2.47}), "序列": rows}
    )
    data = report(cli, path)
    assert data["sheet"] == "Sheet1"
    assert entry(data, "ECO-04")["derived"]["consistent"] is True


# --- the report year -------------------------------------------------------------------------


def series_to_2016() -> list[list[Any]]:
    # the 2016 column is empty: a template's next year, not the latest year holding figures
    return series_rows(
        [2014, 2015, 2016],
        {
            "城镇居民人均可支配收入(城镇住户调查)": [35000, 39007, None],
            "农民人均纯收入": [14000, 15778, None],
        },
    )


def test_latest_year_holding_figures(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, book(tmp_path, series_to_2016()))
    assert data["report_year"]["year"] == 2015
    assert data["report_year"]["source"] == "latest"


@pytest.mark.parametrize(
    ("above", "cell", "year"),
    [
        ([["报告期", 2014]], "B1", 2014),
        ([["报告期:", "2014年"]], "B1", 2014),
        ([["填报单位:某局    报告期:2014年6月"]], "A1", 2014),
        ([["Report period", dt.datetime(2014, 12, 31)]], "B1", 2014),
    ],
)
def test_period_cell(
    cli: Cli, tmp_path: Path, above: list[list[Any]], cell: str, year: int
) -> None:
    rows = [*above, *data_rows({})]
    path = write_workbook(tmp_path / "p.xlsx", {"数据": rows, "序列": series_to_2016()})
    data = report(cli, path)
    assert data["report_year"]["year"] == year
    assert data["report_year"]["source"] == "cell"
    assert data["report_year"]["location"]["cell"] == cell
    assert data["report_year"]["text"] == f"{year}（报告期 数据!{cell}）"


def test_period_cell_in_the_series_sheet_and_year_option(cli: Cli, tmp_path: Path) -> None:
    rows = [["报告期", "2014年度"], *series_to_2016()]
    path = book(tmp_path, rows)
    assert report(cli, path)["report_year"]["text"] == "2014（报告期 序列!B1）"
    assert report(cli, path, "--year", "2015")["report_year"]["source"] == "option"


def test_unreadable_period_falls_back_to_the_latest_year(cli: Cli, tmp_path: Path) -> None:
    rows = [["报告期", "上半年"], *data_rows({})]
    path = write_workbook(tmp_path / "p.xlsx", {"数据": rows, "序列": series_to_2016()})
    data = report(cli, path)
    assert found(data) == [
        (
            "period-unreadable",
            "B1",
            "报告期“上半年”中没有可识别的年份，改用序列表中有数据的最新年份 2015",
        )
    ]
    assert data["report_year"]["source"] == "latest"


def test_period_document_property(cli: Cli, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    for row in data_rows({}):
        ws.append(row)
    series = wb.create_sheet("序列")
    for row in series_to_2016():
        series.append(row)
    wb.custom_doc_props.append(StringProperty(name="报告期", value="2014"))  # type: ignore[attr-defined]
    path = tmp_path / "prop.xlsx"
    wb.save(path)
    data = report(cli, path)
    assert data["report_year"]["source"] == "property"
    assert data["report_year"]["year"] == 2014
    assert data["report_year"]["text"] == "2014（文档属性“报告期”）"


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2015, 2015),
        (2015.0, 2015),
        ("2015年6月", 2015),
        ("2015-06", 2015),
        ("二〇一五年", None),
        (dt.date(2015, 6, 30), 2015),
        (15, None),
        (True, None),
        ("12015", None),
    ],
)
def test_year_of(value: object, year: int | None) -> None:
    assert year_of(value) == year


def test_the_example_without_a_series_sheet_is_unchanged(cli: Cli) -> None:
    data = report(cli, Path("data/example-submission.xlsx"))
    assert data["series_sheet"] is None and data["report_year"] is None
    assert all(i["derived"] is None for i in data["indicators"])
