"""Districts inside one workbook: judged per district, rates summed and checked against the city."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from qcity.check import check_workbook
from qcity.model import Catalogue
from qcity.results import Status

from .conftest import N, Run, all_met, assert_valid_junit, write_workbook

Cli = Callable[..., Run]
HEADER = ["指标代码", "区县", "实际值", "分子", "分母", "备注"]

# PRD-02 by district: 500/520, 400/440 and 221/240 sum to 1121/1200 = 93.41666…%, which is
# judged 93.42 (two decimals, half up): 0.58 points short of ≥ 94%.
PRD02_DISTRICTS = [
    ["PRD-02", "雁塔区", None, 500, 520, None],
    ["PRD-02", "碑林区", None, 400, 440, None],
    ["PRD-02", "未央区", None, 221, 240, None],
]


def workbook(tmp_path: Path, rows: Sequence[Sequence[Any]], name: str = "districts.xlsx") -> Path:
    """A data sheet with a 区县 column: the given rows under the header."""
    return write_workbook(tmp_path / name, {"数据": [HEADER, *[list(r) for r in rows]]})


def city_rows(values: dict[str, Any]) -> list[list[Any]]:
    """City-level rows (no district) for *values*."""
    return [[code, None, value, None, None, None] for code, value in values.items()]


def test_districts_are_summed_and_the_sum_is_judged(tmp_path: Path, catalogue: Catalogue) -> None:
    path = workbook(tmp_path, [*city_rows(all_met() | {"PRD-02": 93.42}), *PRD02_DISTRICTS])
    evaluation = check_workbook(path, catalogue)
    assert [d.name for d in evaluation.districts] == ["雁塔区", "碑林区", "未央区"]
    (aggregate,) = evaluation.aggregates
    assert aggregate.indicator == "PRD-02"
    assert aggregate.districts == 3
    assert (aggregate.numerator, aggregate.denominator) == (Decimal(1121), Decimal(1200))
    assert aggregate.value == Decimal(1121) / Decimal(1200) * 100
    assert (aggregate.judged, aggregate.gap) == (Decimal("93.42"), Decimal("-0.58"))
    assert aggregate.status is Status.UNMET
    assert (aggregate.city, aggregate.consistent) == (Decimal("93.42"), True)
    # each district on its own: 96.15% met, 90.91% and 92.08% unmet
    judged = [(d.results[0].status, d.results[0].judged) for d in evaluation.districts]
    assert judged == [
        (Status.MET, Decimal("96.15")),
        (Status.UNMET, Decimal("90.91")),
        (Status.UNMET, Decimal("92.08")),
    ]
    assert evaluation.issues == []


def test_a_city_figure_that_disagrees_with_the_sum_is_inconsistent(
    cli: Cli, tmp_path: Path
) -> None:
    path = workbook(tmp_path, [*city_rows(all_met() | {"PRD-02": 95}), *PRD02_DISTRICTS])
    run = cli("check", path, "--format", "json")
    assert run.exit_code == 3, run.output
    data = json.loads(run.stdout)
    (issue,) = data["issues"]
    assert issue["code"] == "inconsistent-value"
    assert issue["location"]["cell"] == "C3"
    assert issue["message"] == (
        "填报值 95 与 3 个区县的分子合计 1121 / 分母合计 1200 算得的 93.42 不一致"
    )
    assert "district" not in issue  # it is about the city's figure
    # the city's own status stands (95 ≥ 94); the error is what makes the exit code 3
    prd02 = next(i for i in data["indicators"] if i["code"] == "PRD-02")
    assert prd02["status"] == "met"
    assert data["aggregates"][0]["consistent"] is False


def test_the_sum_is_compared_at_the_precision_the_city_figure_was_written_with(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    # 93 (no decimals) agrees with 93.4166…; 93.4 with one decimal too; 93.5 does not
    for written, consistent in (("93", True), ("93.4", True), ("93.5", False)):
        rows = [*city_rows(all_met() | {"PRD-02": written}), *PRD02_DISTRICTS]
        evaluation = check_workbook(workbook(tmp_path, rows, f"{written}.xlsx"), catalogue)
        assert evaluation.aggregates[0].consistent is consistent, written
        codes = [i.code for i in evaluation.issues]
        assert codes == ([] if consistent else ["inconsistent-value"]), written


def test_no_sum_without_every_district_s_fraction(tmp_path: Path, catalogue: Catalogue) -> None:
    rows: list[list[Any]] = [*PRD02_DISTRICTS[:2], ["PRD-02", "未央区", 92.1, None, None, None]]
    evaluation = check_workbook(workbook(tmp_path, rows), catalogue)
    assert evaluation.aggregates == []
    assert [r.status for r in evaluation.districts[2].results] == [Status.UNMET]


def test_no_sum_of_a_ratio(tmp_path: Path, catalogue: Catalogue) -> None:
    # a ratio of per-capita incomes cannot be summed over districts
    rows: list[list[Any]] = [
        ["ECO-04", "雁塔区", None, 41000, 16000, None],
        ["ECO-04", "碑林区", 2.5, None, None, None],
    ]
    evaluation = check_workbook(workbook(tmp_path, rows), catalogue)
    assert evaluation.aggregates == []
    # nor be written as numerator / denominator at all (issue 12): 雁塔区's figure is refused
    assert [d.results[0].judged for d in evaluation.districts] == [None, Decimal("2.50")]
    assert [i.code for i in evaluation.issues] == ["fraction-not-accepted"] * 2


def test_a_code_repeats_across_districts_but_not_within_one(cli: Cli, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["PRD-01", None, 95, None, None, None],
        ["PRD-01", "雁塔区", 96, None, None, None],
        ["PRD-01", "碑林区", 97, None, None, None],
        ["PRD-01", "雁塔区", 91, None, None, None],
        ["PRD-01", "", 94, None, None, None],
    ]
    path = workbook(tmp_path, rows)
    run = cli("check", path, "--format", "json")
    assert run.exit_code == 3, run.output
    data = json.loads(run.stdout)
    messages = [(i["code"], i.get("district"), i["message"]) for i in data["issues"]]
    assert messages == [
        ("duplicate-indicator", "雁塔区", "指标 PRD-01（雁塔区） 出现了两次：数据!A3 和 数据!A5"),
        ("duplicate-indicator", None, "指标 PRD-01 出现了两次：数据!A2 和 数据!A6"),
    ]
    statuses = {d["name"]: d["indicators"][0]["status"] for d in data["districts"]}
    assert statuses == {"雁塔区": "invalid", "碑林区": "met"}
    assert data["indicators"][0]["status"] == "invalid"


def test_a_district_named_for_the_whole_city_is_the_city_level(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    rows = [["PRD-01", "全市", 95, None, None, None], ["PRD-01", "雁塔区", 96, None, None, None]]
    evaluation = check_workbook(workbook(tmp_path, rows), catalogue)
    assert evaluation.results[0].judged == Decimal("95.00")
    assert [d.name for d in evaluation.districts] == ["雁塔区"]


def test_a_district_lacking_what_others_report_misses_it_and_fails_the_check(
    cli: Cli, tmp_path: Path
) -> None:
    rows = [
        *city_rows(all_met()),
        ["PRD-01", "雁塔区", 96, None, None, None],
        ["PRD-03", "雁塔区", 97, None, None, None],
        ["PRD-01", "碑林区", 97, None, None, None],
    ]
    run = cli("check", workbook(tmp_path, rows), "--format", "json")
    assert run.exit_code == 1, run.output  # the city meets every target, a district does not
    data = json.loads(run.stdout)
    assert data["summary"]["met"] == N
    district = data["districts"][1]
    assert district["name"] == "碑林区"
    assert district["summary"] == {"met": 1, "unmet": 0, "missing": 1, "invalid": 0, "total": 2}
    assert [(i["code"], i["status"]) for i in district["indicators"]] == [
        ("PRD-01", "met"),
        ("PRD-03", "missing"),
    ]


def test_text_report_shows_the_matrix_after_the_city_table(cli: Cli, tmp_path: Path) -> None:
    rows = [
        *city_rows(all_met() | {"PRD-02": 93.42}),
        *PRD02_DISTRICTS,
        ["PRD-01", "雁塔区", 95, None, None, None],
        ["PRD-01", "碑林区", "n/a", None, None, None],
        ["ENV-03", "未央区", "否", None, None, None],
    ]
    path = workbook(tmp_path, rows)
    run = cli("check", path, env={"COLUMNS": "100"})
    assert run.exit_code == 3, run.output
    block = run.stdout.split("\n\n区县", 1)[1].split("\n\n数据问题", 1)[0]
    lines = [line.rstrip() for line in ("区县" + block).splitlines()]
    assert lines == [
        "区县（3） · ✔ 达标 ✘ 未达标 ○ 未填报 ! 数据有误",
        "代码       雁塔区   碑林区   未央区     合计",
        "────────────────────────────────────────────",
        "产品质量",
        "PRD-01       ✔        !        ○",
        "PRD-02       ✔        ✘        ✘      93.42%",
        "",
        "环境质量",
        "ENV-03       ○        ○        ✘",
        "",
        "达标        2/3      0/3      0/3",
        "合计 = 各区县分子之和 / 分母之和；≠ 表示与全市填报值不一致",
        "区县：3 个，共 9 项判定：达标 2，未达标 3，未填报 3，数据有误 1。",
    ]
    assert f"✖ 错误 {path}：数据!C30  [碑林区] “n/a”不是百分数  [not-a-number]" in run.stdout


def test_a_wide_matrix_is_split_into_blocks_that_fit(cli: Cli, tmp_path: Path) -> None:
    names = [f"第{n:02d}开发区管委会" for n in range(1, 13)]
    rows = [["PRD-01", name, 95, None, None, None] for name in names]
    run = cli("check", workbook(tmp_path, rows))  # 100 columns when not on a terminal
    headers = [
        line for line in run.stdout.splitlines() if line.startswith("代码 ") and "区" in line
    ]
    assert len(headers) == 3
    assert all(cell_len(line.rstrip()) <= 100 for line in run.stdout.splitlines())
    assert "…" not in run.stdout
    shown = [n for line in headers for n in names if n in line]
    assert shown == names  # every district once, in order


def test_every_format_shows_the_districts(cli: Cli, tmp_path: Path) -> None:
    rows = [*city_rows(all_met() | {"PRD-02": 93.42}), *PRD02_DISTRICTS]
    path = workbook(tmp_path, rows)
    junit = cli("check", path, "--format", "junit").stdout
    assert_valid_junit(junit)
    assert '<testsuite name="区县 碑林区" tests="1" failures="1" errors="0"' in junit
    assert 'classname="qcity.碑林区.PRD"' in junit
    markdown = cli("check", path, "--format", "markdown").stdout
    assert "| 代码 | 雁塔区 | 碑林区 | 未央区 | 合计 |" in markdown
    assert "| PRD-02 | ✅ | ❌ | ❌ | 93.42% |" in markdown
    html = cli("check", path, "--format", "html").stdout
    assert '<section class="districts">' in html
    assert (
        'data-district="碑林区" style="text-align: center" title="碑林区 · PRD-02: 未达标 · 90.91%*">✘</td>'
        in html
    )
    github = cli("check", path, "--format", "github").stdout
    assert (
        f"::error file={path},title=PRD-02 未达标 · 城市生产企业产品质量监督抽查合格率 · 碑林区"
        "::数据!C27: 90.91%25*；目标 ≥ 94%25；差距 −3.09 个百分点"
    ) in github


def test_without_districts_nothing_changes(cli: Cli, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "plain.xlsx", {"数据": [["指标代码", "实际值"], ["PRD-01", 95]]}
    )
    data = json.loads(cli("check", path, "--format", "json").stdout)
    assert "districts" not in data and "aggregates" not in data
    assert "区县" not in cli("check", path).stdout
