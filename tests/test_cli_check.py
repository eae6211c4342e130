"""`qcity check` end to end through the CLI: notations, issue codes, exit codes, languages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE, N, Run, Sheet, all_met, data_rows, digest, write_workbook

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
    assert (
        f"结论：{N - 7}/{N} 项达标；未达标 7，未填报 0，数据有误 0；数据问题：错误 0，警告 0。"
        in out
    )
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
        f"Result: {N - 7}/{N} met; 7 unmet, 0 missing, 0 invalid; data issues: 0 errors, 0 warnings."
        in run.stdout
    )
    assert "Average annual GDP" in run.stdout  # the name column may wrap the rest
    env = cli("check", EXAMPLE, env={"QCITY_LANG": "en"})
    assert f"Result: {N - 7}/{N} met" in env.stdout


def test_example_json_shape(cli: Cli) -> None:
    data = report(cli, EXAMPLE)
    assert data["schema_version"] == 1
    assert data["summary"] == {
        "met": N - 7,
        "unmet": 7,
        "missing": 0,
        "invalid": 0,
        "total": N,
        "errors": 0,
        "warnings": 0,
        "vetoed": [],
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
    assert eco04["target"] == {
        "op": "at_most",
        "value": 2.6,
        "tolerance": None,
        "measure": "level",
        "base_year": None,
        "text": "≤ 2.6∶1",
    }
    assert (eco04["horizon"], eco04["horizon_ahead"]) == (None, False)


# --- exit codes --------------------------------------------------------------------------------


def test_exit_0_when_all_met(cli: Cli, make_submission: Make) -> None:
    run = cli("check", make_submission(all_met()))
    assert run.exit_code == 0, run.output
    assert f"结论：{N}/{N} 项达标" in run.stdout


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
    assert f"结论：{N - 1}/{N} 项达标；未达标 0，未填报 0，数据有误 1" in run.stdout


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
    assert (
        f"✖ 错误 {tmp_path}  文件夹（含子文件夹）中没有 .xlsx / .xlsm 工作簿  [no-workbooks]"
        in (folder.stderr)
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
    assert "qcity 内部错误：RuntimeError: kaboom" in run.stderr
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
    assert data["summary"]["missing"] == N - 1
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


# --- warnings beside usable figures (every bad input is in test_hostile.py's corpus) -----------


def test_bare_fraction_against_a_percentage_is_invalid(cli: Cli, make_submission: Make) -> None:
    # SRV-02 "达到80%以上" written 0.824: 0.824% or 82.4%? Neither is judged; the hint says which.
    values = all_met() | {"SRV-02": 0.824}
    run = cli("check", make_submission(values), "--format", "json")
    data = json.loads(run.stdout)
    assert issues(data) == [("suspicious-fraction", "B11")]
    assert data["issues"][0]["severity"] == "error"
    assert "是否应为 82.4%？" in data["issues"][0]["message"]
    assert indicator(data, "SRV-02")["status"] == "invalid"
    assert run.exit_code == 3
    english = cli("check", make_submission(values), "--format", "json", "--lang", "en")
    assert "did you mean 82.4%?" in json.loads(english.stdout)["issues"][0]["message"]
    # formatted as a percentage, the cell says what it means: 82.4% ≥ 80%, met
    formatted = cli("check", make_submission(values, formats={"B11": "0.0%"}), "--format", "json")
    assert indicator(json.loads(formatted.stdout), "SRV-02")["status"] == "met"


def test_incomplete_fraction_beside_a_value_is_a_warning(cli: Cli, make_submission: Make) -> None:
    data = report(cli, make_submission({"PRD-02": (95, 1140, None)}))
    assert [(i["code"], i["severity"]) for i in data["issues"]] == [
        ("incomplete-fraction", "warning")
    ]
    assert indicator(data, "PRD-02")["status"] == "met"


# --- finding the sheet, the header and the columns ----------------------------------------------


def test_header_below_title_rows_with_merged_cells(cli: Cli, tmp_path: Path) -> None:
    rows = [["西安市质量强市指标填报表"], ["填报单位：市质监局"], [], *data_rows({"PRD-02": 95})]
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


def test_hidden_data_sheet_is_checked_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "h.xlsx",
        {"封面": [["x"]], "数据": Sheet(rows=data_rows({"PRD-02": 95}), state="hidden")},
    )
    data = report(cli, path)
    assert issues(data) == [("hidden-sheet", None)]
    assert indicator(data, "PRD-02")["status"] == "met"


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
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["met"] == N
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
    assert json.loads(proc.stdout)["summary"]["total"] == N


def test_format_choices_are_the_registered_renderers(cli: Cli) -> None:
    from qcity.render import formats

    # An unknown format is refused with the choices, which are the registered renderers of a
    # report and of a batch.
    run = cli("check", EXAMPLE, "--format", "pdf")
    assert run.exit_code == 2, run.output
    assert set(formats("check")) == {"text", "json", "junit", "markdown", "github", "html"}
    assert set(formats("batch")) == set(formats("check")) | {"xlsx"}
    for fmt in formats("batch"):
        assert fmt in run.output, run.output


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
