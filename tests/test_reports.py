"""The CI and people formats of `qcity check`: JUnit, Markdown, GitHub annotations, HTML, schema."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from qcity.render.json_schema import report_json_schema

from .conftest import EXAMPLE, N, Run, all_met, assert_valid_junit

Make = Callable[..., Path]
Cli = Callable[..., Run]
TODAY = ("--today", "2015-06-01")


def mixed(make: Make) -> Path:
    values = all_met() | {"PRD-02": (None, 1121, 1200), "ENV-05": "n/a", "ENV-06": None}
    del values["ENV-07"]
    values["XYZ-1"] = 5
    return make(values, name="mixed.xlsx")


# --- JUnit -------------------------------------------------------------------------------------


def test_junit_one_suite_per_area_one_case_per_indicator(cli: Cli, make_submission: Make) -> None:
    run = cli("check", mixed(make_submission), "--format", "junit", *TODAY)
    assert run.exit_code == 3
    root = ET.fromstring(run.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == (str(N + 1), "3", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "PRD 产品质量 · 牵头部门 市质监局",
        "CON 工程质量 · 牵头部门 市建委",
        "SRV 服务质量 · 牵头部门 市商务局",
        "ENV 环境质量 · 牵头部门 市环保局",
        "ECO 经济运行质量 · 牵头部门 市发改委",
        "SAF 质量安全 · 牵头部门 市质监局",
        "数据问题",
    ]
    cases = {c.get("name", "").split()[0]: c for c in root.iter("testcase")}
    assert len(cases) == N + 1
    prd02 = cases["PRD-02"].find("failure")
    assert prd02 is not None
    assert prd02.get("type") == "unmet"
    assert prd02.get("message") == "93.42%*（目标 ≥ 94%）：−0.58 个百分点"
    assert prd02.text is not None and "填报值：93.42%* (1121/1200)" in prd02.text
    env05 = cases["ENV-05"].find("error")
    assert env05 is not None and env05.get("type") == "invalid"
    assert env05.get("message", "").endswith("mixed.xlsx：数据!B17：“n/a”不是百分数")
    env06 = cases["ENV-06"].find("failure")
    assert env06 is not None and env06.get("type") == "missing"
    assert env06.get("message", "").endswith("mixed.xlsx: 数据!B18），目标 ≥ 95%")
    env07 = cases["ENV-07"].find("failure")
    assert env07 is not None and env07.get("message") == "未填报，目标 ≥ 48%"
    assert cases["PRD-01"].find("failure") is None and cases["PRD-01"].find("error") is None
    unknown = cases["unknown-indicator"].find("error")
    assert unknown is not None and unknown.get("message") == "指标代码“XYZ-1”不在目录中"
    assert_valid_junit(run.stdout)


def test_junit_survives_control_characters(catalogue: Any, make_submission: Make) -> None:

    from qcity.check import check_workbook
    from qcity.render import ReportOptions, get_renderer

    evaluation = check_workbook(
        make_submission({"PRD-02": 93}), catalogue, shown="bad\x1b[31m\x00name.xlsx"
    )
    xml = get_renderer("check", "junit").render(evaluation, ReportOptions())
    assert isinstance(xml, str)
    root = ET.fromstring(xml)  # well-formed despite the control characters
    assert root.get("name") == "qcity bad\\x1b[31m\\x00name.xlsx"
    assert_valid_junit(xml)


# --- Markdown ------------------------------------------------------------------------------------


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_table_has_a_row_per_indicator_and_never_breaks(
    cli: Cli, make_submission: Make
) -> None:
    values = all_met() | {"PRD-02": (93, None, None, "a | b `c` <b>d</b>")}
    run = cli("check", make_submission(values, name="x|y.xlsx"), "--format", "markdown", *TODAY)
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    table = [line for line in lines if line.startswith("| ") and "---" not in line]
    rows = [r for r in table if re.match(r"\| [A-Z]{3}-\d\d \|", r)]
    assert len(rows) == N
    assert all(len(_cells(r)) == 6 for r in table if r in rows or "**" in r)
    assert (
        "| PRD-02 | 城市生产企业产品质量监督抽查合格率 | ≥ 94% | 93% | −1 个百分点 | ❌ 未达标 |"
        in lines
    )
    assert "- PRD-02: a \\| b \\`c\\` \\<b\\>d\\</b\\>" in lines
    assert re.search(r"^文件 `/\S+/x\\\|y\.xlsx` · 工作表 `数据` · ", run.stdout, re.M)


# --- GitHub ----------------------------------------------------------------------------------------


def test_github_annotations(cli: Cli, make_submission: Make) -> None:
    run = cli("check", mixed(make_submission), "--format", "github", "--lang", "en")
    assert run.exit_code == 3
    lines = run.stdout.splitlines()
    source = lines[0].split("file=", 1)[1].split(",", 1)[0]
    assert source.endswith("mixed.xlsx")
    assert lines == [
        f"::error file={source},title=PRD-02 unmet · Pass rate in supervision sampling of the city's manufacturers::数据!B3: 93.42%25*; Target ≥ 94%25; Gap −0.58 percentage points",
        f"::error file={source},title=ENV-05 invalid · Centralised county-town sewage treatment rate::数据!B17: invalid; Target ≥ 74%25",
        f"::warning file={source},title=ENV-06 missing · Harmless treatment rate of urban household waste::数据!B18: missing; Target ≥ 95%25",
        f"::warning file={source},title=ENV-07 missing · Forest coverage of the city::missing; Target ≥ 48%25",
        f"::error file={source},title=ENV-05 Not a number [not-a-number]::数据!B17: 'n/a' is not a percentage → write a percentage, e.g. 95.3 or 95.3%25",
        f"::error file={source},title=Unknown indicator code [unknown-indicator]::数据!A25: indicator code 'XYZ-1' is not in the catalogue → use a code from the catalogue (`qcity catalogue`)",
        f"::notice title=qcity::Result: {N - 4}/{N} met; 1 unmet, 2 missing, 1 invalid; data issues: 2 errors, 0 warnings.",
    ]


# --- HTML (static checks; the browser tests are in test_html_browser.py) -----------------------


class Tags(HTMLParser):
    """Collects start tags, and whether anything would reach the network."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_escapes_user_text(cli: Cli, make_submission: Make) -> None:
    values = all_met() | {"PRD-02": (93, None, None, "<script>alert(1)</script><img src=x>")}
    run = cli("check", make_submission(values, name="<i>x<i>.xlsx"), "--format", "html", *TODAY)
    assert run.exit_code == 1
    parser = Tags()
    parser.feed(run.stdout)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "i" not in tags
    assert "link" not in tags  # no stylesheet or font fetched
    for _, attrs in parser.tags:
        for name, value in attrs.items():
            if name in ("src", "href"):
                pytest.fail(f"external reference {name}={value}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x&gt;" in run.stdout
    assert "&lt;i&gt;x&lt;i&gt;.xlsx" in run.stdout
    assert "http://" not in run.stdout.replace("http://www.w3.org/2000/svg", "")
    assert "@page { size: A4;" in run.stdout
    assert '"Noto Sans CJK SC"' in run.stdout
    assert len(re.findall(r'<tr class="indicator ', run.stdout)) == N


# --- the JSON report's schema ----------------------------------------------------------------------


def test_schema_report_command_prints_the_schema(cli: Cli) -> None:
    run = cli("schema", "report")
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout) == report_json_schema()


def test_schema_catalogue_is_the_same_as_catalogue_schema(cli: Cli) -> None:
    new, old = cli("schema", "catalogue"), cli("catalogue", "schema")
    assert new.exit_code == old.exit_code == 0
    assert new.stdout == old.stdout
    assert json.loads(new.stdout)["title"] == "qcity indicator catalogue"


def test_schema_is_exact(cli: Cli, make_submission: Make) -> None:
    run = cli("check", mixed(make_submission), "--format", "json", *TODAY)
    document = json.loads(run.stdout)
    validator = jsonschema.Draft202012Validator(
        report_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)

    def broken(change: Callable[[dict[str, Any]], None]) -> bool:
        doc = copy.deepcopy(document)
        change(doc)
        return not validator.is_valid(doc)

    assert broken(lambda d: d.update(extra=1))
    assert broken(lambda d: d["summary"].update(skipped=0))
    assert broken(lambda d: d["indicators"][0].pop("gap"))
    assert broken(lambda d: d["indicators"][0].update(status="passed"))
    assert broken(lambda d: d["indicators"][0]["location"].update(column="B"))
    assert broken(lambda d: d["issues"][0].update(code="no-such-code"))
    assert broken(lambda d: d.update(checked_at="yesterday"))
    assert broken(lambda d: d.update(schema_version=2))


def test_every_format_renders_the_example(cli: Cli) -> None:
    from qcity.render import formats

    for fmt in formats("check"):
        run = cli("check", EXAMPLE, "--format", fmt, *TODAY)
        assert run.exit_code == 1, (fmt, run.output)
        assert "PRD-02" in run.stdout, fmt
