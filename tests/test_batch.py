"""Batches: many files and folders checked each on its own, in parallel, in one combined report."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qcity.batch import collect
from qcity.check import check_workbook
from qcity.model import Catalogue

from .conftest import (
    EXAMPLE,
    ROOT,
    N,
    Run,
    Sheet,
    all_met,
    assert_valid_junit,
    data_rows,
    digest,
    write_workbook,
)
from .test_golden import xlsx_cells

Cli = Callable[..., Run]
TODAY = ("--today", "2015-07-10")


def submission(path: Path, values: dict[str, Any], unit: str | None = None) -> Path:
    """A workbook with a 填报单位 label above the header (when *unit* is given)."""
    above = [["填报单位", unit]] if unit else []
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_workbook(path, {"数据": [*above, *data_rows(values)]})


@pytest.fixture
def returns(tmp_path: Path) -> Path:
    """A month's returns: three good workbooks in two folders, one broken file, lock files
    (which also say that 质监局.xlsx and 建委.xlsx are open: a warning each)."""
    root = tmp_path / "2015-06"
    submission(root / "质监局.xlsx", all_met(), unit="市质监局")
    submission(root / "建委.xlsx", all_met() | {"CON-02": 97.6}, unit="市建委")
    submission(root / "区县" / "雁塔区.xlsx", all_met() | {"PRD-01": "约95%", "ENV-07": None})
    (root / "区县" / "碑林区.xlsx").write_bytes(b"PK\x03\x04 truncated in transit")
    shutil.copyfile(root / "质监局.xlsx", root / "~$质监局.xlsx")  # Excel's lock file
    (root / ".~lock.建委.xlsx#").write_text("someone,host,2015-06-30", encoding="utf-8")
    shutil.copyfile(root / "质监局.xlsx", root / "._质监局.xlsx")  # macOS resource fork
    (root / "说明.txt").write_text("not a workbook", encoding="utf-8")
    return root


def test_collect_recurses_sorts_and_skips_lock_files(returns: Path, tmp_path: Path) -> None:
    (returns / "旧版.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    hidden = returns / ".git"
    hidden.mkdir()
    submission(hidden / "x.xlsx", all_met())
    collected = collect([returns, returns / "建委.xlsx", tmp_path / "gone.xlsx"])
    assert [i.shown for i in collected.inputs] == [
        f"{returns}/建委.xlsx",
        f"{returns}/旧版.xls",  # another spreadsheet format is reported, not passed over
        f"{returns}/质监局.xlsx",
        f"{returns}/区县/碑林区.xlsx",
        f"{returns}/区县/雁塔区.xlsx",
        f"{tmp_path}/gone.xlsx",  # kept, to be reported as not found
    ]
    assert sorted((Path(s.path).name, s.reason) for s in collected.skipped) == sorted(
        [
            (".~lock.建委.xlsx#", "lock"),
            ("._质监局.xlsx", "hidden"),
            ("~$质监局.xlsx", "lock"),
            ("说明.txt", "other"),
        ]
    )
    assert collected.empty == []


def test_a_broken_file_is_reported_and_the_others_are_checked(cli: Cli, returns: Path) -> None:
    run = cli("check", returns, "--format", "json", *TODAY)
    assert run.exit_code == 3, run.output
    data = json.loads(run.stdout)
    files = {Path(f["path"]).name: f for f in data["files"]}
    assert list(files) == ["建委.xlsx", "质监局.xlsx", "碑林区.xlsx", "雁塔区.xlsx"]
    broken = files["碑林区.xlsx"]
    assert (broken["status"], broken["exit_code"], broken["summary"]) == ("failed", 3, None)
    (issue,) = broken["issues"]
    assert issue["code"] == "not-a-workbook"
    assert issue["message"].startswith("不是有效的 .xlsx 工作簿（文件已损坏或不完整")
    assert issue["location"]["file"] == f"{returns}/区县/碑林区.xlsx"
    assert [(f["unit"], f["unit_source"], f["exit_code"]) for f in files.values()] == [
        ("市建委", "cell", 1),
        ("市质监局", "cell", 0),
        ("碑林区", "file", 3),
        ("雁塔区", "file", 3),
    ]
    assert files["雁塔区.xlsx"]["summary"] == {
        "met": N - 2, "unmet": 0, "missing": 1, "invalid": 1, "total": N,
    }  # fmt: skip
    assert data["summary"] == {
        "files": 4, "checked": 3, "failed": 1, "skipped": 4, "exit_code": 3,
        "met": 3 * N - 3, "unmet": 1, "missing": 1, "invalid": 1, "total": 3 * N, "errors": 2,
        "warnings": 2,  # workbook-open: the lock files of 质监局.xlsx and 建委.xlsx
    }  # fmt: skip
    product = data["areas"][0]
    assert (product["code"], product["met"], product["invalid"], product["total"]) == (
        "PRD", 11, 1, 12,
    )  # fmt: skip


def test_text_report_has_a_row_per_file(
    cli: Cli, returns: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(returns.parent)
    run = cli("check", "2015-06", *TODAY, "--jobs", "1")
    assert run.exit_code == 3, run.output
    lines = [line.rstrip() for line in run.stdout.splitlines()]
    assert lines[1:16] == [
        # 4 files found (one of them broken); 2 lock files, 1 hidden file and 说明.txt skipped
        "检查 4 个文件，跳过 4 个 · 指标目录：xian-quality-city-2014 v1.0.0 · 日期：2015-07-10",
        "✔ 达标 ✘ 未达标 ○ 未填报 ! 数据有误",
        "填报单位   文件                           ✔   ✘   ○   !   错误/警告   退出码",
        "─" * 76,
        f"市建委     2015-06/建委.xlsx          {N - 1}/{N}   1   0   0         0/1        1",
        f"市质监局   2015-06/质监局.xlsx        {N}/{N}   0   0   0         0/1        0",
        "碑林区     2015-06/区县/碑林区.xlsx       —                     1/0        3",
        f"雁塔区     2015-06/区县/雁塔区.xlsx   {N - 2}/{N}   0   1   1         1/0        3",
        "",
        "未达标项",
        "市建委  ✘ CON-02",
        "碑林区  不是 Excel 工作簿 [not-a-workbook]",
        "雁塔区  ! PRD-01 ○ ENV-07",
        "",
        "按领域汇总",
    ]
    assert lines[-1] == (
        f"结论：4 个文件，已检查 3，无法读取 1，跳过 4；指标 {3 * N - 3}/{3 * N} 项达标，未达标 1，"
        "未填报 1，数据有误 1；数据问题：错误 2，警告 2；最差退出码 3。"
    )
    failed = run.stdout.split("无法读取的文件（1）\n", 1)[1].splitlines()[:2]
    assert failed == [
        "✖ 错误 2015-06/区县/碑林区.xlsx  不是有效的 .xlsx 工作簿（文件已损坏或不完整（File is not "
        "a zip file））  [not-a-workbook]",
        "    → 用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再提交",
    ]
    assert "✖ 错误 2015-06/区县/雁塔区.xlsx：数据!B2  “约95%”是约数，无法判定是否达标" in run.stdout


@pytest.fixture
def small_batches_in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes even for the few files of a test (a real batch needs 16 a worker)."""
    import qcity.parallel

    monkeypatch.setattr(qcity.parallel, "MIN_FILES_PER_WORKER", 1)


def test_small_batches_are_checked_in_this_process(returns: Path, catalogue: Catalogue) -> None:
    import datetime as dt

    from qcity.parallel import Settings, run_checks

    pids: list[int] = []
    inputs = collect([returns]).inputs
    settings = Settings(None, dt.datetime(2015, 7, 10, tzinfo=dt.timezone.utc))
    entries = run_checks(
        inputs,
        catalogue,
        settings,
        jobs=4,
        judge=lambda e: 0,
        advance=lambda: pids.append(os.getpid()),
    )
    assert len(entries) == 4 and set(pids) == {os.getpid()}


@pytest.mark.usefixtures("small_batches_in_workers")
def test_output_is_the_same_whatever_the_number_of_jobs(
    cli: Cli, returns: Path, tmp_path: Path
) -> None:
    for n in range(6):  # enough files for several tasks per worker
        submission(returns / "更多" / f"单位{n}.xlsx", all_met() | {"ECO-01": 10 + n / 3})
    for fmt in ("text", "json", "junit", "markdown", "github", "html", "xlsx"):
        outputs = []
        for jobs in ("1", "2", "3"):
            out = tmp_path / f"{fmt}-{jobs}.{'xlsx' if fmt == 'xlsx' else 'out'}"
            run = cli("check", returns, "--format", fmt, "-o", out, "--jobs", jobs, *TODAY)
            assert run.exit_code == 3, run.output
            outputs.append(xlsx_cells(out) if fmt == "xlsx" else out.read_text(encoding="utf-8"))
        assert outputs[0] == outputs[1] == outputs[2], fmt


def test_a_single_file_is_checked_as_before(cli: Cli) -> None:
    single = json.loads(cli("check", EXAMPLE, "--format", "json").stdout)
    assert "kind" not in single and single["source"] == str(EXAMPLE)
    batch = json.loads(cli("check", EXAMPLE, EXAMPLE, "--format", "json").stdout)
    assert batch["kind"] == "batch" and len(batch["files"]) == 1  # the same file once


def test_junit_has_a_suite_per_file(cli: Cli, returns: Path) -> None:
    run = cli("check", returns, "--format", "junit", *TODAY)
    assert run.exit_code == 3, run.output
    assert_valid_junit(run.stdout)
    assert run.stdout.count("<testsuite ") == 5  # a suite per file, and the batch's issues
    assert (
        f'<testsuite name="碑林区 · {returns}/区县/碑林区.xlsx" tests="1" failures="0" errors="1"'
        in (run.stdout)
    )
    assert (
        '<error type="not-a-workbook" message="不是有效的 .xlsx 工作簿（文件已损坏或不完整'
        in run.stdout
    )
    # N indicators, and the workbook-open warning (its lock file is in the folder)
    assert (
        f'<testsuite name="市建委 · {returns}/建委.xlsx" tests="{N + 1}" failures="1" errors="0"'
        in (run.stdout)
    )


def test_xlsx_report_is_safe_and_complete(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    path = folder / "a.xlsx"
    folder.mkdir()
    rows = [
        ["填报单位", '=HYPERLINK("http://x")'],
        *data_rows(all_met() | {"PRD-01": (95, None, None, "=1+1")}),
    ]
    write_workbook(path, {"数据": Sheet(rows=rows, text_cells=["B1", "E3"])})
    submission(folder / "b.xlsx", all_met())
    needs_output = cli("check", folder, "--format", "xlsx")
    assert needs_output.exit_code == 2, needs_output.output
    assert "[output-required]" in needs_output.stderr
    out = tmp_path / "batch.xlsx"
    run = cli("check", folder, "--format", "xlsx", "-o", out, *TODAY)
    assert run.exit_code == 0, run.output
    cells = xlsx_cells(out)
    assert list(cells) == ["汇总", "明细", "领域", "一览", "问题"]
    assert cells["汇总"][4][:5] == ["填报单位", "文件", "状态", "达标", "未达标"]
    assert cells["汇总"][5][:4] == ['\'=HYPERLINK("http://x")', str(path), "已检查", N]
    details = cells["明细"]
    assert len(details) == 5 + 2 * N  # three title lines, a blank, the header, N rows a file
    assert details[5][:4] == ['\'=HYPERLINK("http://x")', str(path), None, "PRD-01"]
    assert details[5][13] == "'=1+1"  # a note that looks like a formula stays text
    from openpyxl import load_workbook

    ws = load_workbook(out)["明细"]
    assert ws["N6"].data_type == "s"
    assert "=" not in str(ws["A6"].value)[:1]


def test_options_that_need_a_single_workbook_or_a_safe_output(
    cli: Cli, returns: Path, tmp_path: Path
) -> None:
    annotate = cli("check", returns, "--annotate", tmp_path / "copy.xlsx")
    assert annotate.exit_code == 2, annotate.output
    assert "错误：--annotate 只能用于单个工作簿，不能用于批量检查" in annotate.output
    target = returns / "质监局.xlsx"
    before = digest(target)
    run = cli("check", returns, "--format", "json", "-o", target)
    assert run.exit_code == 2, run.output
    assert "[output-is-input]" in run.stderr
    assert digest(target) == before


def test_empty_folders_and_missing_files_are_reported_per_argument(
    cli: Cli, returns: Path, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    run = cli(
        "check", returns / "质监局.xlsx", tmp_path / "empty", tmp_path / "gone.xlsx", "-f", "json"
    )
    assert run.exit_code == 2, run.output  # the worst: a file not found, a folder without workbooks
    data = json.loads(run.stdout)
    assert [
        (Path(f["path"]).name, f["exit_code"], [i["code"] for i in f["issues"]])
        for f in data["files"]
    ] == [
        ("质监局.xlsx", 0, ["workbook-open"]),  # Excel's lock file is beside it
        ("gone.xlsx", 2, ["file-not-found"]),
        ("empty", 2, ["no-workbooks"]),
    ]


def test_the_reporting_unit_comes_from_its_cell_or_the_file_name(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    cases: list[tuple[list[list[Any]], str | None]] = [
        ([["填报单位", "市质监局"]], "市质监局"),
        ([["填报单位：市建委    报告期：2015年6月"]], "市建委"),
        ([["Reported by", "Municipal Bureau"]], "Municipal Bureau"),
        ([["单位：", "not a label we read"]], None),
        ([["Unit prices are in yuan"]], None),
        ([], None),
    ]
    for n, (above, unit) in enumerate(cases):
        path = write_workbook(
            tmp_path / f"{n}.xlsx", {"数据": [*above, *data_rows({"PRD-01": 95})]}
        )
        evaluation = check_workbook(path, catalogue)
        assert (evaluation.unit.name if evaluation.unit else None) == unit, above
    example = check_workbook(EXAMPLE, catalogue)
    assert example.unit is not None
    assert (example.unit.name, example.unit.location.cell) == ("示例单位", "A2")


def test_units_named_by_several_files_are_a_warning(cli: Cli, tmp_path: Path) -> None:
    submission(tmp_path / "r" / "a.xlsx", all_met(), unit="市建委")
    submission(tmp_path / "r" / "b.xlsx", all_met(), unit="市建委")
    run = cli("check", tmp_path / "r", "--format", "json")
    assert run.exit_code == 0, run.output  # a warning never changes the exit code
    (issue,) = json.loads(run.stdout)["issues"]
    assert (issue["code"], issue["severity"]) == ("duplicate-unit", "warning")
    assert issue["message"] == (
        f"填报单位“市建委”出现在 2 个文件中：{tmp_path}/r/a.xlsx, {tmp_path}/r/b.xlsx"
    )


@pytest.mark.usefixtures("small_batches_in_workers")
def test_an_internal_error_in_one_file_does_not_stop_the_others(
    cli: Cli, returns: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qcity.check
    from qcity.evaluate import evaluate as real

    def fails_for_one(*args: Any, **kwargs: Any) -> Any:
        if "建委" in str(kwargs.get("source")):
            raise RuntimeError("kaboom")
        return real(*args, **kwargs)

    monkeypatch.setattr(qcity.check, "evaluate", fails_for_one)
    for jobs in ("1", "2"):  # worker processes are forked, so they see the patch too
        run = cli("check", returns, "--format", "json", "--jobs", jobs)
        assert run.exit_code == 4, run.output
        files = json.loads(run.stdout)["files"]
        assert files[0]["issues"][0]["message"] == "qcity 内部错误：RuntimeError: kaboom"
        assert [f["status"] for f in files] == ["failed", "checked", "failed", "checked"]


@pytest.mark.usefixtures("small_batches_in_workers")
def test_a_worker_that_dies_loses_only_its_file(
    cli: Cli, returns: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qcity.parallel

    real = qcity.parallel.check_one

    def crash(path: Path, shown: str, *args: Any) -> Any:
        if path.name == "质监局.xlsx":
            os._exit(1)  # as a crash in a C library would
        return real(path, shown, *args)

    monkeypatch.setattr(qcity.parallel, "check_one", crash)
    run = cli("check", returns, "--format", "json", "--jobs", "2")
    assert run.exit_code == 4, run.output
    files = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    assert files["质监局.xlsx"]["issues"][0]["code"] == "internal-error"
    assert "worker process" in files["质监局.xlsx"]["issues"][0]["message"]
    assert files["建委.xlsx"]["summary"]["unmet"] == 1
    assert files["雁塔区.xlsx"]["status"] == "checked"


def test_hook_checks_the_workbooks_of_a_folder(cli: Cli, returns: Path) -> None:
    run = cli("hook", returns / "质监局.xlsx", returns / "区县")
    assert run.exit_code == 3, run.output
    assert "雁塔区.xlsx" in run.stdout and "质监局.xlsx" not in run.stdout  # silent when all met
    assert f"✖ 错误 {returns}/区县/碑林区.xlsx  不是有效的 .xlsx 工作簿" in run.stderr


def test_batch_check_does_not_import_pandas(returns: Path) -> None:
    from .test_imports import imported

    mods = imported("check", str(returns), "--format", "json", "--jobs", "1")
    # the probe really read workbooks (with the standard library's reader: no openpyxl)
    assert "qcity.workbook.fastsheet" in mods and "pandas" not in mods


def _run_on_terminal(args: list[str], cwd: Path) -> str:
    """Run qcity with stderr on a pseudo-terminal; what it drew there."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "qcity", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    drawn = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            drawn += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(master)
    return drawn.decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(returns: Path, tmp_path: Path) -> None:
    args = ["check", str(returns), "-o", str(tmp_path / "out.json"), "-f", "json", "--jobs", "2"]
    drawn = _run_on_terminal(args, ROOT)
    assert "检查" in drawn and "4/4" in drawn, drawn
    assert _run_on_terminal([*args, "--quiet"], ROOT) == ""
    piped = subprocess.run(
        [sys.executable, "-m", "qcity", *args], capture_output=True, text=True, check=False
    )
    assert piped.returncode == 3 and piped.stderr == "", piped.stdout + piped.stderr


def test_schemas_of_batch_and_diff_are_valid_json_schemas(cli: Cli) -> None:
    import jsonschema

    for which in ("batch", "diff"):
        run = cli("schema", which)
        assert run.exit_code == 0, run.output
        jsonschema.Draft202012Validator.check_schema(json.loads(run.stdout))


def test_the_monthly_example_is_what_its_script_writes(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_monthly_example", ROOT / "scripts" / "make_monthly_example.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    committed = ROOT / "data" / "monthly"
    names = sorted(str(p.relative_to(committed)) for p in committed.rglob("*.xlsx"))
    assert names == sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.xlsx"))
    for name in names:
        assert xlsx_cells(committed / name) == xlsx_cells(tmp_path / name), (
            f"{name}: run `python scripts/make_monthly_example.py`"
        )


def _skip_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "六月"
    submission(folder / "建委.xlsx", all_met(), unit="市建委")
    (folder / "数据.csv").write_text("指标,数值\n", encoding="utf-8")
    (folder / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (folder / ".DS_Store").write_bytes(b"\0")
    return folder


def test_every_skipped_file_is_listed_with_why(cli: Cli, tmp_path: Path) -> None:
    folder = _skip_folder(tmp_path)
    zh = cli("check", folder, *TODAY, "--jobs", "1")
    # Two files checked (the workbook, and the .xls, reported as not an .xlsx); two passed over.
    assert "检查 2 个文件，跳过 2 个" in zh.stdout
    assert f"{folder}/数据.csv  未检查：不是电子表格（只检查 .xlsx、.xlsm 工作簿）" in zh.stdout
    assert f"{folder}/.DS_Store  未检查：隐藏文件" in zh.stdout
    assert "已检查 1，无法读取 1，跳过 2；" in zh.stdout.splitlines()[-1]
    en = cli("check", folder, *TODAY, "--jobs", "1", "--lang", "en")
    assert "2 files checked, 2 skipped" in en.stdout
    assert (
        "not checked: not a spreadsheet (only .xlsx and .xlsm workbooks are checked)" in en.stdout
    )
    assert ", 2 skipped;" in en.stdout.splitlines()[-1]


@pytest.mark.parametrize("fmt", ["json", "markdown", "junit", "html", "github"])
def test_skipped_files_are_listed_in_every_format(cli: Cli, tmp_path: Path, fmt: str) -> None:
    folder = _skip_folder(tmp_path)
    run = cli("check", folder, *TODAY, "--jobs", "1", "-f", fmt)
    assert run.exit_code == 3, run.output
    assert run.stdout.count("file-skipped") == (4 if fmt == "html" else 2)  # html: id and text
    assert "数据.csv" in run.stdout and ".DS_Store" in run.stdout
    if fmt == "json":
        data = json.loads(run.stdout)
        import jsonschema

        jsonschema.validate(data, json.loads(cli("schema", "batch").stdout))
        assert data["summary"]["skipped"] == 2
        assert sorted(Path(p).name for p in data["skipped"]) == [".DS_Store", "数据.csv"]
        reasons = {Path(i["location"]["file"]).name: i["message"] for i in data["issues"]}
        assert reasons["数据.csv"] == "未检查：不是电子表格（只检查 .xlsx、.xlsm 工作簿）"


def test_a_batch_for_one_lead_department_shows_only_its_indicators(
    cli: Cli, tmp_path: Path
) -> None:
    # 二(二)2 (construction quality) gives 市建委 four targets: CON-01 to CON-04; with --lead the
    # matrix of the html and xlsx reports has those four columns and no other (it used to crash
    # looking up every indicator of the catalogue, exit 4).
    import re

    import openpyxl

    own = ["CON-01", "CON-02", "CON-03", "CON-04"]
    html = tmp_path / "r.html"
    run = cli("check", "data/monthly/2015-07", "--lead", "市建委", "-f", "html", "-o", str(html))
    assert run.exit_code == 1, run.output
    assert re.findall(r'<th class="code">([^<]*)</th>', html.read_text(encoding="utf-8")) == own
    book = tmp_path / "r.xlsx"
    run = cli("check", "data/monthly/2015-07", "--lead", "市建委", "-f", "xlsx", "-o", str(book))
    assert run.exit_code == 1, run.output
    rows = list(openpyxl.load_workbook(book)["一览"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "填报单位")
    assert list(header[2:]) == own
    # four files (全市汇总 and three districts' returns), each a mark per own indicator
    marks = [r[2:] for r in rows[rows.index(header) + 1 :] if r and r[0]]
    assert len(marks) == 4
    assert all(m in ("✔", "✘", "○", "!") for row in marks for m in row)
