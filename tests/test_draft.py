"""`qcity catalogue draft` against hand-labelled plans (tests/plans/): recall, noise, verbatim clauses."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from qcity.cli import app
from qcity.draft import draft_plan

PLANS = Path(__file__).parent / "plans"
LABELS = sorted(PLANS.glob("*.yaml"))
KEY = ("section", "clause", "op", "value", "unit", "year", "base_year")


def _labels(path: Path) -> tuple[dict[str, Any], str, Path]:
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    text_path = (path.parent / labels["text"]) if "text" in labels else path.with_suffix(".txt")
    return labels, text_path.read_text(encoding="utf-8"), text_path


def _key(t: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(t[k] for k in KEY)


def _drafted(text: str) -> list[dict[str, Any]]:
    out = []
    for t in draft_plan(text).targets:
        row = t.as_json()
        out.append({**row, "section": t.section, "lead": t.lead})
    return out


def test_the_corpus_has_five_fictional_plans_and_the_xian_plan() -> None:
    own = [p for p in LABELS if "text" not in yaml.safe_load(p.read_text(encoding="utf-8"))]
    assert len(own) >= 5
    for path in own:
        assert "虚构" in path.with_suffix(".txt").read_text(encoding="utf-8"), path


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_labels_are_verbatim(path: Path) -> None:
    labels, text, _ = _labels(path)
    for t in labels["targets"]:
        assert t["clause"] in text, t["clause"]
    for noise in labels["noise"]:
        assert noise in text, noise


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_draft_finds_the_labelled_targets_and_nothing_else(path: Path) -> None:
    labels, text, _ = _labels(path)
    draft = draft_plan(text)
    assert draft.plan == labels["plan"]
    found = Counter(_key({**t.as_json(), "section": t.section}) for t in draft.targets)
    wanted = Counter(_key(t) for t in labels["targets"])
    missed = wanted - found
    extra = found - wanted
    recall = 1 - sum(missed.values()) / sum(wanted.values())
    assert recall >= 0.95, f"recall {recall:.2%}, missed {sorted(missed)}"
    assert not extra, f"not targets: {sorted(extra)}"
    lines = text.splitlines()
    for t in draft.targets:
        # every clause verbatim, on the line it is located at
        assert t.clause in lines[t.line - 1], (t.clause, t.line)
        assert not any(noise in t.clause for noise in labels["noise"]), t.clause
    for t in labels["targets"]:
        if "lead" in t:
            assert any(d.clause == t["clause"] and d.lead == t["lead"] for d in draft.targets), t


def test_corpus_recall_and_precision_over_all_plans() -> None:
    wanted_total = found_total = matched = 0
    for path in LABELS:
        labels, text, _ = _labels(path)
        found = Counter(
            _key({**t.as_json(), "section": t.section}) for t in draft_plan(text).targets
        )
        wanted = Counter(_key(t) for t in labels["targets"])
        wanted_total += sum(wanted.values())
        found_total += sum(found.values())
        matched += sum((found & wanted).values())
    assert wanted_total >= 90
    assert matched / wanted_total >= 0.95
    assert matched == found_total  # precision 100%: nothing drafted that is not labelled


def test_xian_bottom_line_of_three_four() -> None:
    text = Path("data/plan-2014-27.txt").read_text(encoding="utf-8")
    bottom = [t for t in draft_plan(text).targets if t.section == "三(四)"]
    assert [(t.clause, t.op, t.value) for t in bottom] == [
        ("确保不发生区域性、行业性质量安全事故", "yes_no", None)
    ]


def test_a_later_horizon_gives_the_same_indicator_a_second_target() -> None:
    text = "二、主要目标\n到2025年，全市产品质量合格率达到95%以上。\n到2027年，全市产品质量合格率达到96%以上。\n"
    got = [(t.name, t.value, t.year) for t in draft_plan(text).targets]
    assert got == [("全市产品质量合格率", "95", 2025), ("全市产品质量合格率", "96", 2027)]


def test_json_output_has_the_documented_shape(tmp_path: Path) -> None:
    import jsonschema

    runner = CliRunner()
    plan = PLANS / "2023-two-horizons.txt"
    result = runner.invoke(app, ["catalogue", "draft", str(plan), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    schema = json.loads(runner.invoke(app, ["schema", "draft"]).output)
    jsonschema.validate(data, schema)
    first = data["targets"][0]
    assert first == {
        "clause": "制造业产品质量合格率达到94.5%以上",
        "location": {"section": "二1", "line": 9},
        "name": "制造业产品质量合格率",
        "op": "at_least",
        "value": "94.5",
        "unit": "%",
        "year": 2025,
        "base_year": None,
        "notes": "",
    }


def test_yaml_draft_is_a_catalogue_whose_blanks_validate_reports(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "draft.yaml"
    plan = PLANS / "2016-three-year.txt"
    result = runner.invoke(app, ["catalogue", "draft", str(plan), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["indicators"][0]["source"] == {
        "clause": "一(一)",
        "quote": "制造业产品质量合格率稳定在93%以上",
    }
    assert data["indicators"][0]["lead"] == "市质监局"
    assert data["indicators"][0]["code"] is None
    result = runner.invoke(app, ["catalogue", "validate", str(out)])
    assert result.exit_code == 3, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    start = lines.index("indicators:")
    code_line = (
        start + 1 + next(n for n, ln in enumerate(lines[start:]) if ln.startswith("  - code: ~"))
    )
    said = " ".join(result.output.split())
    assert f"{out}:{code_line}：indicators[0].code left blank (待填): fill it in" in said
    assert f"{out}:{code_line + 1}：indicators[0].area left blank (待填): fill it in" in said
    # a lead the plan names is no blank
    assert "indicators[0].lead" not in said


def test_draft_refuses_what_is_not_utf8_text(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "plan.txt"
    bad.write_bytes("到2025年，合格率达到95%。".encode("gb18030"))
    result = runner.invoke(app, ["catalogue", "draft", str(bad)])
    assert result.exit_code == 3, result.output
    assert "not UTF-8 text (byte 0)" in " ".join(result.output.split())
    docx = tmp_path / "plan.docx"
    docx.write_bytes(b"PK")
    result = runner.invoke(app, ["catalogue", "draft", str(docx)])
    assert result.exit_code == 2, result.output


# Each phrasing the issue lists, alone under a horizon: (clause, op, value, unit, base year).
PHRASINGS = [
    ("合格率达到95%以上", "at_least", "95", "%", None),
    ("合格率稳定在90%以上", "at_least", "90", "%", None),
    ("合格率保持在97%以上", "at_least", "97", "%", None),
    ("覆盖率不低于98%", "at_least", "98", "%", None),
    ("覆盖率高于98%", "greater", "98", "%", None),
    ("验收率达100%", "at_least", "100", "%", None),
    ("满意度超过80分", "greater", "80", "分", None),
    ("质量竞争力指数达到86.5", "at_least", "86.5", "", None),
    ("合格率提高到96%", "at_least", "96", "%", None),
    ("浓度控制在35微克/立方米以下", "at_most", "35", "微克/立方米", None),
    ("涨幅控制在3%以内", "at_most", "3", "%", None),
    ("不合格发现率低于5%", "less", "5", "%", None),
    ("投诉率不超过2%", "at_most", "2", "%", None),
    ("单位生产总值能耗较2020年下降13.5%", "at_least", "13.5", "%", 2020),
    ("二氧化碳排放比2020年下降18%", "at_least", "18", "%", 2020),
    ("合格率较2022年提高2个百分点", "at_least", "2", "个百分点", 2022),
    ("生产总值年均增长6%以上", "at_least", "6", "%", None),
    ("收入年均增长7%左右", "about", "7", "%", None),
    ("研发经费投入比2020年翻一番", "at_least", "2", "倍", 2020),
    ("有效发明专利拥有量突破3万件", "at_least", "3", "万件", None),
    ("质量标杆企业累计建成30个以上", "at_least", "30", "个", None),
    ("规上工业企业每年新增20家以上", "at_least", "20", "家", None),
    ("技术服务站不少于12个", "at_least", "12", "个", None),
    ("帮扶不少于15天", "at_least", "15", "天", None),
    ("城乡居民收入比缩小到2.3∶1以内", "at_most", "2.3", "∶1", None),
    ("全员劳动生产率达到25万元/人", "at_least", "25", "万元/人", None),
    ("数字经济核心产业增加值突破800亿元", "at_least", "800", "亿元", None),
    ("主导制定国家标准累计15项以上", "at_least", "15", "项", None),
    ("研发投入强度逐年提高", "increase", None, "", None),
    ("能耗强度控制在省下达的目标以内", "yes_no", None, "", None),
    ("确保不发生重大质量安全事故", "yes_no", None, "", None),
]


@pytest.mark.parametrize(("clause", "op", "value", "unit", "base"), PHRASINGS)
def test_each_phrasing(
    clause: str, op: str, value: str | None, unit: str, base: int | None
) -> None:
    text = f"二、主要目标\n到2025年，{clause}。\n"
    got = [(t.clause, t.op, t.value, t.unit, t.year, t.base_year) for t in draft_plan(text).targets]
    assert got == [(clause, op, value, unit, 2025, base)]


# What real plans say that is not a target.
NOISE = [
    "2022年，全市制造业产品质量合格率为93.6%，较上年提高0.8个百分点。",
    "截至2022年底，全市累计培育质量标杆企业35家。",
    "根据《示例省质量强省建设实施方案》（示政发〔2023〕58号）制定本方案。",
    "各区于12月10日前报送工作总结。",
    "咨询电话：0123-12345678。",
    "领导小组每半年召开1次全体会议。",
    "实施质量提升十大行动，聚焦8个重点产业链，分解146项任务。",
    "第一阶段（2024年1月—6月）：动员部署。",
]


@pytest.mark.parametrize("sentence", NOISE)
def test_noise_is_not_a_target(sentence: str) -> None:
    text = f"一、发展基础\n{sentence}\n二、主要目标\n到2025年，合格率达到95%以上。\n"
    got = [(t.clause, t.year) for t in draft_plan(text).targets]
    assert got == [("合格率达到95%以上", 2025)]


def _fill_blanks(data: dict[str, Any]) -> dict[str, Any]:
    """What a person does with a draft, done mechanically: every blank given a value."""
    meta = data["catalogue"]
    meta.update(id="filled", issued="2024-01-01")
    meta["title"]["en"] = "Filled"
    meta["issuer"] = {"zh": "示例", "en": "Example"}
    for n, d in enumerate(data["departments"]):
        d["code"] = d["code"] or f"DEPT{n}"
        d["name"] = {"zh": d["name"]["zh"] or "部门", "en": "Department"}
    for n, a in enumerate(data["areas"]):
        a.update(code=f"A{n}", lead=data["departments"][0]["code"])
        a["name"] = {"zh": a["name"]["zh"] or "领域", "en": "Area"}
        a["source"]["quote"] = a["source"]["quote"] or "目标"
    kept = []
    for n, i in enumerate(data["indicators"]):
        if i.get("derive", {}).get("kind") == "change":
            # 逐年提高: judged from a series of the figure, which the person names
            code = f"S{n}"
            unit = {"zh": "项", "en": "items"}
            series = {"code": code, "name": {"zh": i["name"]["zh"], "en": "Series"}, "unit": unit}
            data.setdefault("series", []).append(series)
            i["derive"]["series"] = code
            i["unit"] = "count"
        if i["unit"] is None:
            continue
        i.update(code=f"T-{n:02d}", area="A0")
        i["name"]["en"] = "Indicator"
        i["lead"] = i["lead"] or data["departments"][0]["code"]
        if "unit_label" in i:
            i["unit_label"]["en"] = "unit"
        for t in i.get("targets", []) + ([i["target"]] if "target" in i else []):
            if "tolerance" in t:
                t["tolerance"] = 1
        kept.append(i)
    data["indicators"] = kept
    return data


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_a_filled_draft_is_a_valid_catalogue(path: Path, tmp_path: Path) -> None:
    from qcity.catalogue import check_quotes, validate_catalogue
    from qcity.render.draft.yaml import draft_yaml

    _, text, _ = _labels(path)
    drafted = draft_yaml(draft_plan(text))
    data = _fill_blanks(yaml.safe_load(drafted))
    filled = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    catalogue = validate_catalogue(data, filled, "filled.yaml")
    assert not check_quotes(catalogue, text, "filled.yaml")
    rises = [i for i in catalogue.indicators if i.derive is not None]
    assert len(rises) == sum(
        t["op"] == "increase" for t in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]
    )
    horizons = {t.year for i in catalogue.indicators for t in i.targets}
    labelled = {t["year"] for t in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]}
    assert horizons == labelled - {None}


def test_draft_refuses_a_file_too_large_to_be_a_plan(tmp_path: Path) -> None:
    big = tmp_path / "plan.txt"
    big.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
    result = CliRunner().invoke(app, ["catalogue", "draft", str(big)])
    assert result.exit_code == 3, result.output
    assert "5,242,881 bytes; a plan's text is at most 5,242,880" in " ".join(result.output.split())
