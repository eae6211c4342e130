"""Template drift: a workbook filled in from a template of another catalogue version is named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.packaging.custom import StringProperty

from qcity.drift import stamp, template_drift
from qcity.model import Catalogue

from .conftest import ROOT, Run, all_met
from .filling import fill

Cli = Callable[..., Run]


def catalogue_variant(tmp_path: Path, *changes: tuple[str, str], name: str = "ours.yaml") -> Path:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


NEW_VERSION = ('version: "1.0.0"', 'version: "1.1.0"')
PRD02_95 = ("target: {op: at_least, value: 94}", "target: {op: at_least, value: 95}")


@pytest.fixture
def filled(cli: Cli, tmp_path: Path) -> Path:
    template = tmp_path / "template.xlsx"
    assert (run := cli("template", template)).exit_code == 0, run.output
    return fill(template, all_met(), tmp_path / "filled.xlsx")


def drift_issues(cli: Cli, path: Path, *args: str | Path) -> list[dict[str, Any]]:
    run = cli("check", path, "--format", "json", *args)
    assert run.exit_code in (0, 1), run.output
    return [i for i in json.loads(run.stdout)["issues"] if i["code"] == "template-drift"]


def test_same_catalogue_no_warning(cli: Cli, filled: Path) -> None:
    assert drift_issues(cli, filled) == []


def test_a_changed_target_is_named(cli: Cli, filled: Path, tmp_path: Path) -> None:
    newer = catalogue_variant(tmp_path, NEW_VERSION, PRD02_95)
    run = cli("check", filled, "--catalogue", newer)
    assert run.exit_code == 0, run.output  # a warning never changes the exit code
    assert (
        f"⚠ 警告 {filled}  工作簿由指标目录 xian-quality-city-2014 v1.0.0 的模板填写，"
        "现按 xian-quality-city-2014 v1.1.0 检查；变化：PRD-02 目标 ≥ 94% → ≥ 95%  [template-drift]\n"
        "    → 用 qcity template 生成新模板，把数据转填过去后再提交\n"
    ) in run.stdout
    [issue] = drift_issues(cli, filled, "--catalogue", newer, "--lang", "en")
    assert issue["severity"] == "warning"
    assert issue["message"] == (
        "the workbook was filled in from a template of catalogue xian-quality-city-2014 v1.0.0 "
        "and is checked against xian-quality-city-2014 v1.1.0; changes: PRD-02 target ≥ 94% → ≥ 95%"
    )
    assert issue["location"] == {
        "file": str(filled), "sheet": None, "cell": None, "path": None, "line": None,
    }  # fmt: skip


def test_a_target_changed_without_a_new_version_is_still_named(
    cli: Cli, filled: Path, tmp_path: Path
) -> None:
    edited = catalogue_variant(
        tmp_path,
        (
            "target: {op: about, value: 53, tolerance: 1}",
            "target: {op: about, value: 53, tolerance: 2}",
        ),
    )
    [issue] = drift_issues(cli, filled, "--catalogue", edited)
    assert issue["message"].endswith(
        "现按 xian-quality-city-2014 v1.0.0 检查；变化：ECO-03 目标 ≥ 52%（约 53% ±1） → ≥ 51%（约 53% ±2）"
    )


def test_a_new_version_with_the_same_targets_says_so(
    cli: Cli, filled: Path, tmp_path: Path
) -> None:
    [issue] = drift_issues(cli, filled, "--catalogue", catalogue_variant(tmp_path, NEW_VERSION))
    assert issue["message"].endswith("变化：模板所列指标的目标没有变化")


def test_another_catalogue_id(cli: Cli, filled: Path, tmp_path: Path) -> None:
    other = catalogue_variant(
        tmp_path, ("id: xian-quality-city-2014", "id: baoji-quality-city-2015"), PRD02_95
    )
    [issue] = drift_issues(cli, filled, "--catalogue", other, "--lang", "en")
    assert (
        "template of catalogue xian-quality-city-2014 v1.0.0 and is checked against "
        in issue["message"]
    )
    assert issue["message"].endswith(
        "baoji-quality-city-2015 v1.0.0; changes: PRD-02 target ≥ 94% → ≥ 95%"
    )


def test_a_workbook_without_a_template_never_warns(
    cli: Cli, make_submission: Callable[..., Path], tmp_path: Path
) -> None:
    plain = make_submission(all_met())
    newer = catalogue_variant(tmp_path, NEW_VERSION, PRD02_95)
    assert drift_issues(cli, plain, "--catalogue", newer) == []
    # other programs' custom properties are not a stamp
    wb: Any = load_workbook(plain)  # (custom_doc_props is missing from the stubs)
    wb.custom_doc_props.append(StringProperty(name="Department", value="市质监局"))
    wb.custom_doc_props.append(StringProperty(name="version", value="7"))
    wb.save(plain)
    assert drift_issues(cli, plain, "--catalogue", newer) == []


# --- the comparison itself (pure) ----------------------------------------------------------------


@pytest.fixture
def stamped(catalogue: Catalogue) -> dict[str, str]:
    return stamp(catalogue, catalogue.indicators, [])


def changes(issues: list[Any]) -> str:
    [issue] = issues
    text: str = issue.params["changes"]["en"]
    return text


def test_removed_new_and_unreadable_targets(catalogue: Catalogue, stamped: dict[str, str]) -> None:
    props = dict(stamped)
    props["qcity.target.PRD-09"] = "percent at_least 90"  # since removed from the catalogue
    del props["qcity.target.ECO-05"]  # added after the template was made
    props["qcity.target.ENV-04"] = "percent at_least lots"  # damaged by hand
    props["qcity.target.ENV-03"] = "boolean is false"
    props["qcity.target.ECO-04"] = "percent at_most 2.6"  # the unit changed
    assert changes(template_drift(props, catalogue, "f.xlsx")) == (
        "ENV-03 target no → yes; ENV-04: the template's target 'percent at_least lots' cannot be read; "
        "ECO-04 target ≤ 2.6% → ≤ 2.6∶1; PRD-09 is no longer in the catalogue; ECO-05 is new (target ≥ 5.5%)"
    )


def test_a_department_template_is_not_told_about_other_departments(catalogue: Catalogue) -> None:
    prd = [i for i in catalogue.indicators if i.area == "PRD"]
    props = stamp(catalogue, [*prd[:3], catalogue.indicator("SAF-01")], ["市质监局"])
    # PRD-04 came later; SRV-… are not theirs
    props["qcity.catalogue.version"] = "0.9.0"
    assert changes(template_drift(props, catalogue, "f.xlsx")) == "PRD-04 is new (target ≥ 95%)"


def test_an_unchanged_stamp_gives_nothing(catalogue: Catalogue, stamped: dict[str, str]) -> None:
    assert template_drift(stamped, catalogue, "f.xlsx") == []
    assert template_drift({}, catalogue, "f.xlsx") == []
    assert template_drift({"qcity.generator": "qcity 0.1.0"}, catalogue, "f.xlsx") == []
