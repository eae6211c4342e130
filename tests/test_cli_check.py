"""`qcity check` end to end through the CLI: notations, issue codes, exit codes, languages."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE, HEADER, Run, Sheet, all_met, data_rows, digest, write_workbook

Make = Callable[..., Path]
Cli = Callable[..., Run]


def report(cli: Cli, path: Path, *args: str) -> dict[str, Any]:
    run = cli("check", path, "--format", "json", *args)
    assert run.exit_code in (0, 1, 3), run.output
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def indicator(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(i for i in data["indicators"] if i["code"] == code)


def issues(data: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(i["code"], i["location"]["cell"]) for i in data["issues"]]


# --- the example --------------------------------------------------------------------------------


def test_example_text_report(cli: Cli) -> None:
    before = digest(EXAMPLE)
    run = cli("check", EXAMPLE)
    assert run.exit_code == 1, run.output
    out = run.stdout
    assert "质量强市指标检查" in out
    assert "产品质量 · 牵头部门 市质监局" in out
    assert "结论:16/23 项达标;未达标 7,未填报 0,数据有误 0;数据问题:错误 0,警告 0。" in out
    for line in (
        "ECO-01   生产总值年均增长",
        "≥ 11%",
        "−0.1 个百分点",
        "✘ 未达标",
        "≤ 2.6∶1",
        "2.47∶1",
    ):
        assert line in out, line
    assert digest(EXAMPLE) == before  # the input is never modified


def test_example_english(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "--lang", "en")
    assert run.exit_code == 1
    assert (
        "Result: 16/23 met; 7 unmet, 0 missing, 0 invalid; data issues: 0 errors, 0 warnings."
        in run.stdout
    )
    assert "Average annual GDP growth" in run.stdout
    env = cli("check", EXAMPLE, env={"QCITY_LANG": "en"})
    assert "Result: 16/23 met" in env.stdout


def test_example_json_shape(cli: Cli) -> None:
    data = report(cli, EXAMPLE)
    assert data["schema_version"] == 1
    assert data["summary"] == {
        "met": 16,
        "unmet": 7,
        "missing": 0,
        "invalid": 0,
        "total": 23,
        "errors": 0,
        "warnings": 0,
    }
    assert set(data["catalogue"]) >= {"id", "title", "document", "issued", "version"}
    assert data["source"].endswith("example-submission.xlsx")
    first = data["indicators"][0]
    assert set(first) >= {
        "code",
        "name",
        "area",
        "lead",
        "status",
        "value",
        "target",
        "gap",
        "unit",
        "location",
        "source",
    }
    eco01 = indicator(data, "ECO-01")
    assert eco01["status"] == "unmet"
    assert eco01["value"] == 10.9
    assert eco01["gap"] == -0.1
    assert eco01["gap_text"] == "−0.1 个百分点"
    assert eco01["location"]["sheet"] == "数据"
    assert eco01["location"]["cell"] == "E22"
    assert eco01["source"] == {"clause": "二(二)5", "quote": "生产总值年均增长11%以上"}
    prd02 = indicator(data, "PRD-02")
    assert prd02["notation"] == "fraction"
    assert prd02["value"] == pytest.approx(93.41666, abs=1e-4)
    assert prd02["judged"] == 93.42
    eco04 = indicator(data, "ECO-04")
    assert eco04["gap"] == -0.13
    assert eco04["target"] == {"op": "at_most", "value": 2.6, "tolerance": None, "text": "≤ 2.6∶1"}


# --- exit codes --------------------------------------------------------------------------------


def test_exit_0_when_all_met(cli: Cli, make_submission: Make) -> None:
    run = cli("check", make_submission(all_met()))
    assert run.exit_code == 0, run.output
    assert "结论:23/23 项达标" in run.stdout


def test_exit_1_when_one_missing(cli: Cli, make_submission: Make) -> None:
    values = all_met()
    del values["ENV-07"]
    data = report(cli, make_submission(values))
    assert indicator(data, "ENV-07")["status"] == "missing"
    assert indicator(data, "ENV-07")["location"] is None
    assert cli("check", make_submission(values)).exit_code == 1


def test_empty_value_cell_is_missing_with_its_location(cli: Cli, make_submission: Make) -> None:
    values = all_met()
    values["ENV-07"] = None
    data = report(cli, make_submission(values))
    env07 = indicator(data, "ENV-07")
    assert env07["status"] == "missing"
    assert env07["location"]["cell"] == "B19"


def test_exit_1_when_one_unmet(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"PRD-02": 93.9}
    run = cli("check", make_submission(values))
    assert run.exit_code == 1


def test_exit_3_when_one_invalid(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"PRD-02": "n/a"}
    run = cli("check", make_submission(values))
    assert run.exit_code == 3
    assert "结论:22/23 项达标;未达标 0,未填报 0,数据有误 1" in run.stdout


def test_exit_2_on_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("check").exit_code == 2
    assert cli("check", EXAMPLE, "--format", "pdf").exit_code == 2
    assert cli("check", EXAMPLE, "--lang", "fr").exit_code == 2
    missing = cli("check", tmp_path / "nope.xlsx")
    assert missing.exit_code == 2
    assert f"✖ 错误 {tmp_path / 'nope.xlsx'}  找不到文件  [file-not-found]" in missing.stderr
    # A folder is a batch (tests/test_batch.py); one without a single workbook is a usage error.
    folder = cli("check", tmp_path)
    assert folder.exit_code == 2
    assert f"✖ 错误 {tmp_path}  文件夹(含子文件夹)中没有 .xlsx / .xlsm 工作簿  [no-workbooks]" in (
        folder.stderr
    )


def test_exit_4_on_internal_error_without_traceback(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("qcity.check.evaluate", boom)
    run = cli("check", EXAMPLE)
    assert run.exit_code == 4
    assert "内部错误" not in run.stdout
    assert "qcity 内部错误:RuntimeError: kaboom" in run.stderr
    assert "Traceback" not in run.output
    debug = cli("check", EXAMPLE, "--debug")
    assert isinstance(debug.exception, RuntimeError)  # --debug lets the traceback through


# --- notations through the CLI -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "cell", "fmt", "value", "status"),
    [
        ("PRD-02", 95.3, None, 95.3, "met"),
        ("PRD-02", "95.3%", None, 95.3, "met"),
        ("PRD-02", "９５．３％", None, 95.3, "met"),
        ("PRD-02", 0.953, "0.0%", 95.3, "met"),
        ("PRD-02", 0.939, "0.0%", 93.9, "unmet"),
        ("PRD-02", 93.9999999, None, 93.9999999, "met"),
        ("ECO-04", "2.47", None, 2.47, "met"),
        ("ECO-04", "2.47:1", None, 2.47, "met"),
        ("ECO-04", "2.47∶1", None, 2.47, "met"),
        ("ECO-04", "2.47：1", None, 2.47, "met"),
        ("ECO-04", "2.72∶1", None, 2.72, "unmet"),
        ("ENV-03", "是", None, True, "met"),
        ("ENV-03", "否", None, False, "unmet"),
        ("ENV-03", "yes", None, True, "met"),
        ("ENV-03", "true", None, True, "met"),
        ("ENV-03", "已完成", None, True, "met"),
        ("ENV-03", "未达标", None, False, "unmet"),
        ("ENV-03", "✓", None, True, "met"),
        ("ENV-03", "✗", None, False, "unmet"),
        ("ENV-03", 1, None, True, "met"),
        ("ENV-03", True, None, True, "met"),
        ("SRV-01", "3", None, 3, "met"),
        ("SRV-01", "3个", None, 3, "met"),
        ("SRV-01", "3项", None, 3, "met"),
        ("SRV-01", 0, None, 0, "unmet"),
    ],
)
def test_notations(
    cli: Cli, make_submission: Make, code: str, cell: Any, fmt: str | None, value: Any, status: str
) -> None:
    formats = {"B2": fmt} if fmt else {}
    data = report(cli, make_submission({code: cell}, formats=formats))
    got = indicator(data, code)
    assert got["status"] == status
    assert got["value"] == value
    assert data["summary"]["missing"] == 22
    assert data["issues"] == []


def test_rate_computed_from_numerator_and_denominator(cli: Cli, make_submission: Make) -> None:
    data = report(cli, make_submission({"PRD-02": (None, 1128, 1200)}))
    got = indicator(data, "PRD-02")
    assert got["status"] == "met"
    assert got["value"] == 94
    assert got["numerator"] == 1128
    assert got["notation"] == "fraction"
    unmet = indicator(report(cli, make_submission({"PRD-02": (None, "1,127", "1,200")})), "PRD-02")
    assert unmet["status"] == "unmet"
    assert unmet["judged"] == 93.92


def test_reported_value_agreeing_with_its_fraction(cli: Cli, make_submission: Make) -> None:
    # 1121/1200 = 93.4166…: reported at 1 decimal as 93.4 it agrees
    data = report(cli, make_submission({"PRD-02": (93.4, 1121, 1200)}))
    assert indicator(data, "PRD-02")["status"] == "unmet"
    assert data["issues"] == []


# --- every data issue, with its location ------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "code", "cell", "message"),
    [
        ({"PRD-2": 95}, "unknown-indicator", "A2", "指标代码“PRD-2”不在目录中,是否为 PRD-02?"),
        ({"PRD-02": "n/a"}, "not-a-number", "B2", "“n/a”不是百分数"),
        ({"PRD-02": "inf"}, "not-finite", "B2", "“inf”不是有限的数值"),
        ({"PRD-02": "约95%"}, "approximate-value", "B2", "“约95%”是约数,无法判定是否达标"),
        ({"PRD-02": "95%左右"}, "approximate-value", "B2", "“95%左右”是约数,无法判定是否达标"),
        (
            {"PRD-02": dt.datetime(2015, 6, 30)},
            "date-in-value",
            "B2",
            "单元格的值是日期/时间 2015-06-30T00:00:00",
        ),
        ({"PRD-02": True}, "boolean-in-number", "B2", "单元格的值是逻辑值 TRUE,这里需要百分数"),
        ({"PRD-02": "#DIV/0!"}, "error-cell", "B2", "单元格的值是错误 #DIV/0!"),
        ({"PRD-02": -5}, "out-of-range", "B2", "-5 超出该指标可取的范围 [0, 100]"),
        ({"PRD-02": 120}, "out-of-range", "B2", "120 超出该指标可取的范围 [0, 100]"),
        ({"ECO-04": "1:2.6"}, "ratio-format", "B2", "“1:2.6”不是“X∶1”形式的比值"),
        ({"ENV-03": "可能"}, "not-yes-no", "B2", "“可能”不是“是/否”"),
        ({"SRV-01": 2.5}, "not-a-whole-number", "B2", "“2.5”不是非负整数"),
        ({"PRD-02": (None, 10, 0)}, "zero-denominator", "D2", "分母为 0,无法计算比率"),
        (
            {"PRD-02": (None, 1300, 1200)},
            "numerator-exceeds-denominator",
            "C2",
            "分子 1300 大于分母 1200",
        ),
        ({"PRD-02": (None, 1128, None)}, "incomplete-fraction", "D2", "只填了分子,缺少分母"),
        (
            {"PRD-02": (97, 1121, 1200)},
            "inconsistent-value",
            "B2",
            "与 1121 / 1200 (C2/D2) 算得的 93.42 不一致",
        ),
        (
            {"PRD-02": "=A1*100"},
            "formula-without-value",
            "B2",
            "单元格是公式 =A1*100,但文件中没有保存计算结果",
        ),
    ],
)
def test_invalid_values(
    cli: Cli, make_submission: Make, values: dict[str, Any], code: str, cell: str, message: str
) -> None:
    path = make_submission(values)
    data = report(cli, path)
    assert issues(data) == [(code, cell)]
    found = data["issues"][0]
    assert message in found["message"]
    assert found["severity"] == "error"
    assert found["hint"]
    if code != "unknown-indicator":
        target = next(iter(values))
        assert indicator(data, target)["status"] == "invalid"
    run = cli("check", path)
    assert run.exit_code == 3
    assert f"{path}: 数据!{cell}" in run.stdout  # file, sheet and cell in the text report
    assert "→ " in run.stdout  # and how to fix it


def test_duplicate_code_names_both_cells(cli: Cli, tmp_path: Path) -> None:
    rows = [*data_rows({"PRD-02": 95}), ["prd-02 ", 96]]
    path = write_workbook(tmp_path / "dup.xlsx", {"数据": rows})
    data = report(cli, path)
    assert issues(data) == [("duplicate-indicator", "A3")]
    assert data["issues"][0]["message"] == "指标 PRD-02 出现了两次:数据!A2 和 数据!A3"
    assert indicator(data, "PRD-02")["status"] == "invalid"


def test_suspicious_fraction_is_a_warning(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"PRD-02": 0.95}
    run = cli("check", make_submission(values), "--format", "json")
    data = json.loads(run.stdout)
    assert issues(data) == [("suspicious-fraction", "B3")]
    assert data["issues"][0]["severity"] == "warning"
    assert "是否想填 95?" in data["issues"][0]["message"]
    assert indicator(data, "PRD-02")["status"] == "unmet"  # kept as written, never rescaled
    assert run.exit_code == 1


def test_incomplete_fraction_beside_a_value_is_a_warning(cli: Cli, make_submission: Make) -> None:
    data = report(cli, make_submission({"PRD-02": (95, 1140, None)}))
    assert [(i["code"], i["severity"]) for i in data["issues"]] == [
        ("incomplete-fraction", "warning")
    ]
    assert indicator(data, "PRD-02")["status"] == "met"


def test_hidden_row_with_data_warns(cli: Cli, make_submission: Make) -> None:
    data = report(cli, make_submission({"PRD-01": 95, "PRD-02": 96}, hidden_rows=[3]))
    assert [(i["code"], i["severity"], i["location"]["cell"]) for i in data["issues"]] == [
        ("hidden-row", "warning", "A3")
    ]


def test_value_without_code_warns(cli: Cli, tmp_path: Path) -> None:
    rows = [*data_rows({"PRD-02": 95}), [None, 96]]
    data = report(cli, write_workbook(tmp_path / "x.xlsx", {"数据": rows}))
    assert issues(data) == [("value-without-code", "A3")]


# --- finding the sheet, the header and the columns ----------------------------------------------


def test_header_below_title_rows_with_merged_cells(cli: Cli, tmp_path: Path) -> None:
    rows = [["西安市质量强市指标填报表"], ["填报单位:市质监局"], [], *data_rows({"PRD-02": 95})]
    path = write_workbook(
        tmp_path / "t.xlsx", {"数据": Sheet(rows=rows, merged=["A1:E1", "A2:E2"])}
    )
    data = report(cli, path)
    assert indicator(data, "PRD-02")["location"]["cell"] == "B5"
    assert indicator(data, "PRD-02")["status"] == "met"


def test_columns_in_any_order_english_and_with_units(cli: Cli, make_submission: Make) -> None:
    header = ["Note", "Value (%)", "Indicator name", " CODE "]
    path = make_submission({}, header=header, above=[])
    # build rows by hand: code last
    path = write_workbook(
        path, {"data": [header, ["ok", 95, "城市生产企业…", "PRD-02"], ["", "2.5∶1", "", "eco-04"]]}
    )
    data = report(cli, path)
    assert indicator(data, "PRD-02")["status"] == "met"
    assert indicator(data, "PRD-02")["location"]["cell"] == "B2"
    assert indicator(data, "ECO-04")["status"] == "met"
    assert indicator(data, "PRD-02")["note"] == "ok"


def test_only_visible_sheet_is_the_data_sheet(cli: Cli, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "s.xlsx",
        {"Sheet1": data_rows({"PRD-02": 95}), "草稿": Sheet(rows=[["x"]], state="hidden")},
    )
    data = report(cli, path)
    assert data["sheet"] == "Sheet1"
    assert indicator(data, "PRD-02")["status"] == "met"


def test_data_sheet_name_is_case_insensitive(cli: Cli, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "s.xlsx", {"说明": [["填表说明"]], " DATA ": data_rows({"PRD-02": 95})}
    )
    assert report(cli, path)["sheet"] == " DATA "


@pytest.mark.parametrize(
    ("sheets", "code", "message"),
    [
        (
            {"甲": [["x"]], "乙": [["y"]]},
            "no-data-sheet",
            "找不到名为“数据”或“data”的工作表;现有工作表:甲, 乙",
        ),
        (
            {"数据": data_rows({}), "Data": data_rows({})},
            "ambiguous-data-sheet",
            "有多个可能的数据工作表:数据, Data",
        ),
        (
            {"数据": [["指标", "值"], ["PRD-02", 95]]},
            "no-header",
            "工作表前 20 行中没有“指标代码”(code)列标题",
        ),
        (
            {"数据": [[]] * 20 + [HEADER, ["PRD-02", 95]]},
            "no-header",
            "工作表前 20 行中没有“指标代码”(code)列标题",
        ),
        (
            {"数据": [["指标代码", "备注"], ["PRD-02", "x"]]},
            "missing-column",
            "表头中没有 实际值 (value) 列",
        ),
        (
            {"数据": [["指标代码", "实际值", "value"], ["PRD-02", 95, 96]]},
            "duplicate-column",
            "列“实际值”出现了两次:B1 和 C1",
        ),
    ],
)
def test_structure_errors(
    cli: Cli, tmp_path: Path, sheets: dict[str, Any], code: str, message: str
) -> None:
    path = write_workbook(tmp_path / "bad.xlsx", sheets)
    run = cli("check", path)
    assert run.exit_code == 3, run.output
    assert message in run.stderr
    assert f"[{code}]" in run.stderr
    assert str(path) in run.stderr
    assert "Traceback" not in run.output
    assert run.stdout == ""


def test_hidden_data_sheet_is_checked_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "h.xlsx",
        {"封面": [["x"]], "数据": Sheet(rows=data_rows({"PRD-02": 95}), state="hidden")},
    )
    data = report(cli, path)
    assert issues(data) == [("hidden-sheet", None)]
    assert indicator(data, "PRD-02")["status"] == "met"


# --- files that are not workbooks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "code", "message"),
    [
        (b"", "empty.xlsx", "not-a-workbook", "不是有效的 .xlsx 工作簿(文件是空的)"),
        (
            "指标代码,实际值\nPRD-02,95\n".encode(),
            "data.xlsx",
            "unsupported-format",
            "这是文本/CSV文件",
        ),
        (b"%PDF-1.4\n%...", "scan.xlsx", "unsupported-format", "这是PDF文件"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
            "old.xls",
            "unsupported-format",
            "旧版 Excel 97-2003(.xls)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 100
            + "EncryptedPackage".encode("utf-16-le"),
            "locked.xlsx",
            "encrypted-workbook",
            "已加密(设置了打开密码)",
        ),
        (b"PK\x03\x04garbage", "truncated.xlsx", "not-a-workbook", "文件已损坏或不完整"),
    ],
)
def test_not_a_workbook(
    cli: Cli, tmp_path: Path, content: bytes, name: str, code: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    run = cli("check", path)
    assert run.exit_code == 3, run.output
    assert f"[{code}]" in run.stderr
    assert message in run.stderr
    assert "另存为" in run.stderr or "密码" in run.stderr
    assert "Traceback" not in run.output


def test_zip_without_workbook(cli: Cli, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    run = cli("check", path, "--lang", "en")
    assert run.exit_code == 3
    assert "the zip has no xl/workbook.xml part" in run.stderr


# --- outputs -------------------------------------------------------------------------------------


def test_output_file_is_written_and_input_untouched(
    cli: Cli, tmp_path: Path, make_submission: Make
) -> None:
    path = make_submission(all_met())
    before = digest(path)
    out = tmp_path / "report.json"
    run = cli("check", path, "--format", "json", "-o", out)
    assert run.exit_code == 0, run.output
    assert run.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["met"] == 23
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_over_the_input_is_refused(cli: Cli, make_submission: Make) -> None:
    path = make_submission(all_met())
    before = digest(path)
    run = cli("check", path, "-o", path)
    assert run.exit_code == 2
    assert "[output-is-input]" in run.stderr
    assert digest(path) == before


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "qcity", "check", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["total"] == 23


def test_format_choices_are_the_registered_reporters() -> None:
    from qcity.cli import ReportFormat
    from qcity.report import REGISTRY

    assert {f.value for f in ReportFormat} == set(REGISTRY)


def test_a_rounded_value_is_judged_on_its_exact_fraction(cli: Cli, make_submission: Make) -> None:
    # 1127/1200 = 93.916…%: "94" agrees with it as written (0 decimals), but the exact figure
    # is what is judged against ≥ 94%, so the rounding cannot turn it into "met".
    data = report(cli, make_submission({"PRD-02": (94, 1127, 1200)}))
    prd02 = indicator(data, "PRD-02")
    assert data["issues"] == []
    assert prd02["value"] == 94
    assert prd02["judged"] == 93.92
    assert prd02["status"] == "unmet"
    assert prd02["gap"] == -0.08
