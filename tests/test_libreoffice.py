"""Round trips through a real spreadsheet program: LibreOffice re-saves, recalculates and renders.

Each LibreOffice call takes a second or more, so the converted files are shared per module.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from qcity.catalogue import load_catalogue
from qcity.check import check_workbook
from qcity.render.check.json import evaluation_dict
from qcity.render.display import STATUS_LABEL, STATUS_MARK
from qcity.render.xlsx.annotate import annotate_workbook
from qcity.render.xlsx.template import write_template
from qcity.workbook import read_submission

from .conftest import N, Run, all_met
from .filling import fill
from .libreoffice import CSV_ALL_SHEETS, convert
from .test_drift import NEW_VERSION, PRD02_95, catalogue_variant
from .test_template import MIXED, MIXED_STATUS, fill_tasks, row_of, statuses, validation_of

# Slow: every conversion starts LibreOffice (.ci/run runs these with QCITY_SLOW=1).
pytestmark = pytest.mark.slow

Cli = Callable[..., Run]


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The template and a workbook with formulas, as written by qcity/openpyxl and as LibreOffice saved them."""
    src = tmp_path_factory.mktemp("written")
    out = tmp_path_factory.mktemp("libreoffice")
    template = src / "template.xlsx"
    template.write_bytes(write_template(load_catalogue()))
    # Figures typed as formulas: openpyxl writes no result, LibreOffice computes and saves one.
    formulas = fill(
        template,
        {**all_met(), "PRD-01": "=K4*100", "ECO-04": "=ROUND(12.35/5,2)"},
        src / "formulas.xlsx",
    )
    wb = load_workbook(formulas)
    wb["数据"]["K4"] = 0.953  # a helper cell beside the table
    wb["数据"]["G5"], wb["数据"]["H5"] = "=1000+121", "=1200"  # PRD-02 from a computed fraction
    wb["数据"]["F5"] = None
    wb.save(formulas)
    # Task progress with real date cells, as a department types it in a spreadsheet program.
    tasks = fill_tasks(
        template,
        {
            "T01": ("已完成", "市政发〔2014〕45号", dt.datetime(2014, 12, 1)),
            "T03": ("已完成", "http://example.org/t03", dt.datetime(2015, 7, 3)),
            "T07": ("进行中", None, None, "满意度测评进行中"),
        },
        src / "tasks.xlsx",
    )
    convert([template, formulas, tasks], "xlsx", out)
    return {
        "template": template,
        "formulas": formulas,
        "tasks": tasks,
        "lo-template": out / "template.xlsx",
        "lo-formulas": out / "formulas.xlsx",
        "lo-tasks": out / "tasks.xlsx",
    }


def test_validation_protection_and_stamp_survive_the_resave(resaved: dict[str, Path]) -> None:
    ws = load_workbook(resaved["lo-template"])["数据"]
    prd02 = validation_of(ws, f"F{row_of(ws, 'PRD-02')}")
    assert (prd02.type, prd02.operator, prd02.formula1, prd02.formula2) == (
        "decimal", "between", "0", "100",
    )  # fmt: skip
    assert prd02.prompt is not None and prd02.prompt.startswith("目标 ≥ 94%\n")
    assert prd02.showErrorMessage and prd02.errorStyle == "stop"
    env03 = validation_of(ws, f"F{row_of(ws, 'ENV-03')}")
    assert (env03.type, env03.formula1) == ("list", '"是,否"')
    assert ws.protection.sheet is True
    assert ws["F4"].protection.locked is False and ws["A4"].protection.locked is True
    assert ws[f"F{row_of(ws, 'ECO-04')}"].number_format == 'General"∶1"'
    written = read_submission(resaved["template"]).properties
    kept = read_submission(resaved["lo-template"]).properties
    stamp = {k: v for k, v in written.items() if k.startswith("qcity.")}
    assert len(stamp) == N + 4
    assert {k: kept.get(k) for k in stamp} == stamp


def test_the_tasks_sheet_survives_the_resave(
    cli: Cli, resaved: dict[str, Path], tmp_path: Path
) -> None:
    ws = load_workbook(resaved["lo-template"])["任务"]
    status = validation_of(ws, "F4")
    assert (status.type, status.formula1) == ("list", '"未开始,进行中,已完成"')
    assert validation_of(ws, "H4").type == "date"
    assert ws.protection.sheet is True and ws["F4"].protection.locked is False

    def tasks(path: Path) -> dict[str, tuple[Any, ...]]:
        run = cli("check", path, "--format", "json", "--today", "2015-07-10")
        assert run.exit_code == 1, run.output
        return {
            t["code"]: (
                t["status"],
                t["evidence"],
                t["completed"],
                t["note"],
                t["overdue"],
                t["late"],
            )
            for t in json.loads(run.stdout)["tasks"]
            if t["status"] != "unreported"
        }

    expected = {
        "T01": ("done", "市政发〔2014〕45号", "2014-12-01", None, False, False),
        "T03": ("done", "http://example.org/t03", "2015-07-03", None, False, True),
        "T07": ("in_progress", None, None, "满意度测评进行中", True, False),
    }
    # filled by openpyxl, and the same file as LibreOffice saved it (its own date cells)
    assert tasks(resaved["tasks"]) == tasks(resaved["lo-tasks"]) == expected
    assert load_workbook(resaved["lo-tasks"])["任务"]["H4"].is_date
    # and the re-saved template filled afterwards reads the same
    theirs = fill_tasks(
        resaved["lo-template"],
        {"T07": ("进行中", None, None, "满意度测评进行中")},
        tmp_path / "t.xlsx",
    )
    assert tasks(theirs) == {"T07": expected["T07"]}


def test_the_resaved_template_filled_gives_the_same_statuses(
    cli: Cli, resaved: dict[str, Path], tmp_path: Path
) -> None:
    ours = fill(resaved["template"], MIXED, tmp_path / "ours.xlsx")
    theirs = fill(resaved["lo-template"], MIXED, tmp_path / "theirs.xlsx")
    assert statuses(cli, theirs) == statuses(cli, ours) == MIXED_STATUS
    # and the stamp LibreOffice kept still tells drift apart
    newer = catalogue_variant(tmp_path, NEW_VERSION, PRD02_95)
    run = cli("check", theirs, "--catalogue", newer, "--format", "json")
    [drift] = [i for i in json.loads(run.stdout)["issues"] if i["code"] == "template-drift"]
    assert drift["message"].endswith("变化：PRD-02 目标 ≥ 94% → ≥ 95%")


def test_a_formula_is_read_from_the_value_libreoffice_saved(
    cli: Cli, resaved: dict[str, Path]
) -> None:
    def report(path: Path) -> dict[str, Any]:
        run = cli("check", path, "--format", "json")
        data: dict[str, Any] = json.loads(run.stdout)
        return data

    def indicator(data: dict[str, Any], code: str) -> dict[str, Any]:
        return next(i for i in data["indicators"] if i["code"] == code)

    written = report(resaved["formulas"])  # openpyxl saved no results
    assert indicator(written, "PRD-01")["status"] == "invalid"
    assert ("formula-without-value", "F4") in [
        (i["code"], i["location"]["cell"]) for i in written["issues"]
    ]
    saved = report(resaved["lo-formulas"])
    assert saved["issues"] == []
    assert saved["summary"]["met"] == N - 1
    prd01 = indicator(saved, "PRD-01")
    assert (prd01["status"], prd01["value"]) == ("met", 95.3)
    eco04 = indicator(saved, "ECO-04")
    assert (eco04["status"], eco04["value"]) == ("met", 2.47)
    prd02 = indicator(saved, "PRD-02")  # 1121 / 1200 = 93.42%, from computed cells
    assert (prd02["status"], prd02["numerator"], prd02["denominator"]) == ("unmet", 1121, 1200)
    # the formulas themselves are still in the file
    assert load_workbook(resaved["lo-formulas"])["数据"]["F4"].value == "=K4*100"


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An annotated copy, its JSON report, and LibreOffice's PDF, CSV and re-saved versions of it."""
    folder = tmp_path_factory.mktemp("annotated")
    template = folder / "template.xlsx"
    catalogue = load_catalogue()
    template.write_bytes(write_template(catalogue))
    filled = fill(template, MIXED, folder / "filled.xlsx")
    evaluation = check_workbook(filled, catalogue)
    copy = folder / "annotated.xlsx"
    copy.write_bytes(annotate_workbook(filled.read_bytes(), evaluation).data)
    out = tmp_path_factory.mktemp("annotated-lo")
    convert([copy], "pdf", out)
    convert([copy], CSV_ALL_SHEETS, out)
    resaved = tmp_path_factory.mktemp("annotated-resaved")
    convert([copy], "xlsx", resaved)
    return {
        "json": evaluation_dict(evaluation, "zh"),
        "pdf": out / "annotated.pdf",
        "csv": {p.stem.removeprefix("annotated-"): p for p in out.glob("*.csv")},
        "resaved": resaved / "annotated.xlsx",
    }


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_the_annotated_copy_opens_in_libreoffice(annotated: dict[str, Any]) -> None:
    pdf = annotated["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)
    assert len(pages) >= 3  # the summary, the data sheet, the instructions
    assert set(annotated["csv"]) == {"检查结果", "数据", "任务", "序列", "说明"}


def test_its_status_cells_match_the_json_report(annotated: dict[str, Any]) -> None:
    rows = read_csv(annotated["csv"]["数据"])
    header = rows[2]
    assert header[:1] == ["指标代码"] and header[-2:] == ["检查结果", "差距或问题"]
    status_col = header.index("检查结果")
    label_status = {f"{STATUS_MARK[s]} {STATUS_LABEL[s]['zh']}": s.value for s in STATUS_MARK}
    shown = {row[0]: label_status[row[status_col]] for row in rows[3:] if row[0]}
    expected = {i["code"]: i["status"] for i in annotated["json"]["indicators"]}
    assert shown == expected == MIXED_STATUS
    summary = read_csv(annotated["csv"]["检查结果"])
    assert (
        summary[2][0]
        == f"结论：{N - 8}/{N} 项达标；未达标 5，未填报 1，数据有误 2；数据问题：错误 2，警告 0。"
    )
    area_rows = {row[0]: row[2:7] for row in summary if row and row[0] in ("产品质量", "合计")}
    assert area_rows == {
        "产品质量": ["3", "1", "0", "0", "4"],
        "合计": [str(N - 8), "5", "1", "2", str(N)],
    }


def test_libreoffice_reads_the_native_chart(annotated: dict[str, Any]) -> None:
    import zipfile

    with zipfile.ZipFile(annotated["resaved"]) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = archive.read(charts[0]).decode("utf-8")
    assert "barChart" in xml and 'barDir val="bar"' in xml
    assert "$A$" in xml  # still bound to the codes on the summary sheet
