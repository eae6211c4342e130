"""`qcity diff OLD NEW`: the change of every indicator between two submissions."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qcity.diff import Change, classify
from qcity.model import Catalogue
from qcity.results import IndicatorResult, Status

from .conftest import N, Run, all_met, data_rows, write_workbook

Cli = Callable[..., Run]

OLD = all_met() | {
    "PRD-02": 95, "CON-02": 97.6, "ENV-07": 45.2, "ECO-04": 2.4, "ECO-01": 10.5,
    "SRV-01": 2, "ENV-05": None, "ENV-06": 80,
}  # fmt: skip
NEW = all_met() | {
    "PRD-02": 93.9, "CON-02": 98.1, "ENV-07": 46, "ECO-04": 2.5, "ECO-01": 10.2,
    "SRV-01": "n/a", "ENV-05": 75, "ENV-06": None,
}  # fmt: skip


def book(path: Path, values: dict[str, Any], unit: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    above = [["填报单位", unit]] if unit else []
    return write_workbook(path, {"数据": [*above, *data_rows(values)]})


def test_every_kind_of_change_regressions_first(cli: Cli, tmp_path: Path) -> None:
    old, new = book(tmp_path / "5月.xlsx", OLD), book(tmp_path / "6月.xlsx", NEW)
    run = cli("diff", old, new, "--format", "json")
    assert run.exit_code == 1, run.output  # PRD-02 and SRV-01 were met and are not any more
    data = json.loads(run.stdout)
    changed = [(r["code"], r["change"]) for r in data["rows"] if r["change"] != "unchanged"]
    assert changed == [
        ("PRD-02", "newly-unmet"),  # 95 → 93.9 against ≥ 94
        ("SRV-01", "newly-unmet"),  # 2 → "n/a": met → invalid
        ("ENV-06", "worsened"),  # unmet → missing
        ("ECO-01", "worsened"),  # 10.5 → 10.2, both under 11
        ("ECO-04", "worsened"),  # 2.4 → 2.5: still within ≤ 2.6, but the wrong way
        ("CON-02", "newly-met"),  # 97.6 → 98.1
        ("ENV-05", "newly-met"),  # missing → 75
        ("ENV-07", "improved"),  # 45.2 → 46, both under 48
    ]
    assert data["summary"] == {
        "newly-unmet": 2, "worsened": 3, "newly-met": 2, "improved": 1, "unchanged": N - 8,
        "units": 1, "rows": N, "failed": 0,
    }  # fmt: skip
    prd02 = data["rows"][0]
    assert (prd02["delta"], prd02["delta_text"]) == (-1.1, "−1.1 个百分点")
    assert (prd02["old"]["status"], prd02["new"]["status"]) == ("met", "unmet")
    assert (prd02["old"]["text"], prd02["new"]["text"]) == ("95%", "93.9%")
    assert prd02["new"]["location"]["cell"] == "B3"
    srv01 = data["rows"][1]
    assert (srv01["delta"], srv01["new"]["text"], srv01["new"]["status"]) == (None, "—", "invalid")


def test_text_report(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    book(tmp_path / "5月.xlsx", OLD)
    book(tmp_path / "6月.xlsx", NEW)
    run = cli("diff", "5月.xlsx", "6月.xlsx", "--changed-only")
    assert run.exit_code == 1, run.output
    lines = [line.rstrip() for line in run.stdout.splitlines()]
    assert lines == [
        "质量强市指标进度对比 · 西安市创建全国质量强市示范城市工作方案（市政办发〔2014〕27号）",
        "旧：5月.xlsx · 新：6月.xlsx · 指标目录：xian-quality-city-2014 v1.0.0",
        f"新增未达标 2 · 变差 3 · 新增达标 2 · 改善 1 · 不变 {N - 8}  (✔ 达标 ✘ 未达标 ○ 未填报 ! 数据有误)",
        "代码     指标                                      旧      新            变化   状态    结论",
        "─" * 100,
        "PRD-02   城市生产企业产品质量监督抽查合格率       95%   93.9%   −1.1 个百分点   ✔ → ✘   ⬇ 新增未达标",
        "SRV-01   国家级综合服务业标准化试点               2个       —                   ✔ → !   ⬇ 新增未达标",
        "ENV-06   城市生活垃圾无害化处理率                 80%       —                   ✘ → ○   ↘ 变差",
        "ECO-01   生产总值年均增长                       10.5%   10.2%   −0.3 个百分点   ✘ → ✘   ↘ 变差",
        "ECO-04   城镇居民人均可支配收入与农村居民人均   2.4∶1   2.5∶1            +0.1   ✔ → ✔   ↘ 变差",
        "         收入之比",
        "CON-02   其他工程一次验收合格率                 97.6%   98.1%   +0.5 个百分点   ✘ → ✔   ⬆ 新增达标",
        "ENV-05   县城污水集中处理率                         —     75%                   ○ → ✔   ⬆ 新增达标",
        "ENV-07   全市森林覆盖率                         45.2%     46%   +0.8 个百分点   ✘ → ✘   ↗ 改善",
        "",
        f"结论：对比 1 个填报单位的 {N} 项指标；有 2 项由达标变为未达标。",
    ]


def test_markdown_report(cli: Cli, tmp_path: Path) -> None:
    old, new = book(tmp_path / "a.xlsx", OLD), book(tmp_path / "b.xlsx", NEW)
    run = cli("diff", old, new, "--format", "markdown", "--lang", "en", "--changed-only")
    assert run.exit_code == 1, run.output
    assert (
        "| PRD-02 | Pass rate in supervision sampling of the city's manufacturers | 95% | 93.9% "
        "| −1.1 pp | ✔ met → ✘ unmet | **⬇ newly unmet** |"
    ) in run.stdout
    assert (
        f"**Result: {N} indicators of 1 unit compared; 2 went from met to not met.**" in run.stdout
    )
    assert "unchanged" not in run.stdout.split("| Code |", 1)[1]


def test_no_regression_exits_0(cli: Cli, tmp_path: Path) -> None:
    old = book(tmp_path / "a.xlsx", all_met() | {"ENV-07": 45})
    new = book(tmp_path / "b.xlsx", all_met() | {"ENV-07": 47})
    run = cli("diff", old, new)
    assert run.exit_code == 0, run.output
    assert (
        run.stdout.splitlines()[-1]
        == f"结论：对比 1 个填报单位的 {N} 项指标；没有指标由达标变为未达标。"
    )


def test_folders_are_matched_by_reporting_unit(cli: Cli, tmp_path: Path) -> None:
    book(tmp_path / "5月" / "质监局.xlsx", all_met(), unit="市质监局")
    book(tmp_path / "5月" / "建委-5月.xlsx", all_met() | {"CON-02": 97}, unit="市建委")
    book(tmp_path / "5月" / "商务局.xlsx", all_met())
    book(tmp_path / "6月" / "2015年6月 市质监局.xlsx", all_met() | {"PRD-01": 89}, unit="市质监局")
    book(tmp_path / "6月" / "建委-6月.xlsx", all_met() | {"CON-02": 98.5}, unit="市建委")
    book(tmp_path / "6月" / "环保局.xlsx", all_met())
    run = cli("diff", tmp_path / "5月", tmp_path / "6月", "--format", "json", "--changed-only")
    assert run.exit_code == 1, run.output
    data = json.loads(run.stdout)
    assert [(r["unit"], r["code"], r["change"]) for r in data["rows"]] == [
        ("市质监局", "PRD-01", "newly-unmet"),
        ("市建委", "CON-02", "newly-met"),
    ]
    assert data["summary"]["units"] == 2
    assert data["only_old"] == [{"unit": "商务局", "path": str(tmp_path / "5月" / "商务局.xlsx")}]
    assert data["only_new"] == [{"unit": "环保局", "path": str(tmp_path / "6月" / "环保局.xlsx")}]
    text = cli("diff", tmp_path / "5月", tmp_path / "6月", "--changed-only").stdout
    assert f"只在旧的一方：商务局（{tmp_path / '5月' / '商务局.xlsx'}）" in text
    assert any(line.startswith("填报单位   代码") for line in text.splitlines())


def test_a_unit_named_twice_cannot_be_matched(cli: Cli, tmp_path: Path) -> None:
    book(tmp_path / "old" / "a.xlsx", all_met(), unit="市发改委")
    book(tmp_path / "new" / "a.xlsx", all_met(), unit="市发改委")
    book(tmp_path / "new" / "b.xlsx", all_met() | {"ECO-01": 9}, unit="市发改委")
    run = cli("diff", tmp_path / "old", tmp_path / "new", "--format", "json")
    assert run.exit_code == 3, run.output
    data = json.loads(run.stdout)
    (issue,) = data["issues"]
    assert (issue["code"], issue["severity"]) == ("duplicate-unit", "error")
    # neither side's 市发改委 is compared: the issue names the files to sort out
    assert data["rows"] == [] and data["only_old"] == [] and data["only_new"] == []


def test_districts_are_compared_too(cli: Cli, tmp_path: Path) -> None:
    header = ["指标代码", "区县", "实际值"]
    old = write_workbook(
        tmp_path / "a.xlsx", {"数据": [header, ["PRD-01", "雁塔区", 95], ["PRD-01", "碑林区", 91]]}
    )
    new = write_workbook(
        tmp_path / "b.xlsx", {"数据": [header, ["PRD-01", "雁塔区", 89], ["PRD-01", "碑林区", 92]]}
    )
    run = cli("diff", old, new, "--format", "json", "--changed-only")
    assert run.exit_code == 1, run.output
    rows = [
        (r["district"], r["code"], r["change"], r["delta"]) for r in json.loads(run.stdout)["rows"]
    ]
    assert rows == [("雁塔区", "PRD-01", "newly-unmet", -6), ("碑林区", "PRD-01", "improved", 1)]


def test_what_cannot_be_compared(cli: Cli, tmp_path: Path) -> None:
    good = book(tmp_path / "a.xlsx", all_met())
    (tmp_path / "folder").mkdir()
    book(tmp_path / "folder" / "x.xlsx", all_met())
    kinds = cli("diff", good, tmp_path / "folder")
    assert kinds.exit_code == 2, kinds.output
    assert "错误：只能比较工作簿与工作簿，或文件夹与文件夹" in kinds.output
    missing = cli("diff", good, tmp_path / "gone.xlsx")
    assert missing.exit_code == 2, missing.output
    assert f"✖ 错误 {tmp_path / 'gone.xlsx'}  找不到文件  [file-not-found]" in missing.stderr
    (tmp_path / "broken.xlsx").write_text("a,b\n1,2\n", encoding="utf-8")
    broken = cli("diff", tmp_path / "broken.xlsx", good)
    assert broken.exit_code == 3, broken.output
    assert "[unsupported-format]" in broken.stderr


def _result(catalogue: Catalogue, code: str, status: Status, judged: Any) -> IndicatorResult:
    return IndicatorResult(indicator=catalogue.indicator(code), status=status, judged=judged)


def test_classify(catalogue: Catalogue) -> None:
    ceiling = catalogue.indicator("ECO-04")  # ≤ 2.6: down is better
    met = Status.MET
    down = _result(catalogue, "ECO-04", met, Decimal("2.3"))
    up = _result(catalogue, "ECO-04", met, Decimal("2.5"))
    assert classify(ceiling, up, down) == (Change.IMPROVED, Decimal("-0.2"))
    assert classify(ceiling, down, up) == (Change.WORSENED, Decimal("0.2"))
    assert classify(ceiling, up, up) == (Change.UNCHANGED, Decimal(0))
    yes = catalogue.indicator("ENV-03")
    assert classify(yes, None, _result(catalogue, "ENV-03", met, True)) == (Change.NEWLY_MET, None)
    invalid = _result(catalogue, "ENV-03", Status.INVALID, None)
    assert classify(yes, invalid, None) == (Change.IMPROVED, None)  # invalid → missing
    assert classify(yes, None, invalid) == (Change.WORSENED, None)
