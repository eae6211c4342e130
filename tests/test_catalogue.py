"""The catalogue: the plan's 23 targets, verbatim sources, and located validation errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from qcity.catalogue import bundled_catalogue_path, check_quotes, load_catalogue
from qcity.errors import CatalogueError
from qcity.model import Catalogue, Op, Unit

from .conftest import PLAN_TEXT, ROOT, Run

EXPECTED: dict[str, tuple[Op, str | bool]] = {
    "PRD-01": (Op.AT_LEAST, "90"), "PRD-02": (Op.AT_LEAST, "94"), "PRD-03": (Op.AT_LEAST, "95"),
    "PRD-04": (Op.AT_LEAST, "95"), "CON-01": (Op.AT_LEAST, "100"), "CON-02": (Op.AT_LEAST, "98"),
    "CON-03": (Op.AT_LEAST, "100"), "CON-04": (Op.AT_LEAST, "100"), "SRV-01": (Op.AT_LEAST, "1"),
    "SRV-02": (Op.AT_LEAST, "80"), "SRV-03": (Op.AT_LEAST, "75"), "ENV-01": (Op.AT_LEAST, "13"),
    "ENV-02": (Op.AT_LEAST, "13"), "ENV-03": (Op.IS, True), "ENV-04": (Op.AT_LEAST, "93"),
    "ENV-05": (Op.AT_LEAST, "74"), "ENV-06": (Op.AT_LEAST, "95"), "ENV-07": (Op.AT_LEAST, "48"),
    "ECO-01": (Op.AT_LEAST, "11"), "ECO-02": (Op.AT_LEAST, "16"), "ECO-03": (Op.ABOUT, "53"),
    "ECO-04": (Op.AT_MOST, "2.6"), "ECO-05": (Op.AT_LEAST, "5.5"),
    "SAF-01": (Op.IS, True),  # 三(四): the bottom line, a veto
}  # fmt: skip
LEADS = {
    "PRD": "市质监局",
    "CON": "市建委",
    "SRV": "市商务局",
    "ENV": "市环保局",
    "ECO": "市发改委",
    "SAF": "市质监局",
}


def test_every_target_of_the_plan_is_encoded(catalogue: Catalogue) -> None:
    assert [i.code for i in catalogue.indicators] == list(EXPECTED)
    for ind in catalogue.indicators:
        op, value = EXPECTED[ind.code]
        assert ind.target.op is op, ind.code
        assert ind.target.value == (value if isinstance(value, bool) else Decimal(str(value))), (
            ind.code
        )
        assert ind.lead == LEADS[ind.area], ind.code
        assert ind.code.startswith(ind.area)


def test_eco03_tolerance_and_units(catalogue: Catalogue) -> None:
    eco03 = catalogue.indicator("ECO-03")
    assert eco03.target.tolerance == 1
    assert eco03.target.threshold == 52
    assert catalogue.indicator("ECO-04").unit is Unit.RATIO
    assert catalogue.indicator("ENV-03").unit is Unit.BOOLEAN
    assert catalogue.indicator("SRV-01").unit is Unit.COUNT
    # growth may be negative; a reduction may be negative (intensity rose); rates stay in 0..100
    assert catalogue.indicator("ECO-01").range.min == -100
    assert catalogue.indicator("ENV-01").range.min is None
    assert catalogue.indicator("PRD-01").range.max == 100


def test_every_quote_is_verbatim_in_the_plan(catalogue: Catalogue) -> None:
    plan = PLAN_TEXT.read_text(encoding="utf-8")
    quotes = [i.source.quote for i in catalogue.indicators] + [
        a.source.quote for a in catalogue.areas
    ]
    quotes += [d.source.quote for d in catalogue.departments if d.source]
    for quote in quotes:
        assert quote in plan, quote
    for ind in catalogue.indicators:
        # the clause is 二(二)N, N the area's paragraph
        assert ind.source.clause == catalogue.area(ind.area).source.clause


def test_metadata(catalogue: Catalogue) -> None:
    meta = catalogue.catalogue
    assert meta.document == "市政办发〔2014〕27号"
    assert meta.issued.isoformat() == "2014-06-02"
    assert meta.version


def test_bundled_catalogue_is_the_root_file() -> None:
    # One file, no second copy: the package ships the repository's indicators.yaml.
    assert bundled_catalogue_path().read_bytes() == (ROOT / "indicators.yaml").read_bytes()


def test_json_schema_describes_the_bundled_file(cli: Callable[..., Run]) -> None:
    run = cli("catalogue", "schema")
    assert run.exit_code == 0, run.output
    schema = json.loads(run.stdout)
    data = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    data["catalogue"]["issued"] = str(data["catalogue"]["issued"])
    jsonschema.validate(data, schema)
    broken = json.loads(json.dumps(data))
    broken["indicators"][0]["target"]["op"] = "roughly"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


# --- broken catalogues: every problem located ---------------------------------------------------


def variant(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def without_tasks(tmp_path: Path) -> Path:
    """The bundled catalogue without its tasks and reporting duties (another city's, say)."""
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    path = tmp_path / "no-tasks.yaml"
    path.write_text(text.split("\ntasks:\n", 1)[0] + "\n", encoding="utf-8")
    return path


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    seen = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return n
    raise AssertionError(needle)


def problems(path: Path) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    return [f"{i.location}: {i.message('en')}" for i in info.value.issues]


def test_unknown_comparison_is_located(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "target: {op: at_least, value: 90}", "target: {op: roughly, value: 90}"
    )
    line = line_of(path, "op: roughly")
    assert problems(path) == [
        f"{path}:{line}: indicators[0].target.op: must be one of 'at_least', 'at_most', 'about', 'is', 'greater' or 'less', not 'roughly'"
    ]


def test_unknown_key_is_located(tmp_path: Path) -> None:
    path = variant(tmp_path, "    decimals: 2\n", "    decimals: 2\n    weight: 3\n")
    line = line_of(path, "weight: 3")
    assert problems(path) == [f"{path}:{line}: indicators[0].weight: unknown key 'weight'"]


def test_duplicate_code(tmp_path: Path) -> None:
    path = variant(tmp_path, "  - code: PRD-02\n", "  - code: PRD-01\n")
    line = line_of(path, "code: PRD-01", 2)
    assert problems(path) == [
        f"{path}:{line}: indicators[1].code: duplicate code 'PRD-01' (also indicators[0])"
    ]


def test_target_outside_range(tmp_path: Path) -> None:
    path = variant(
        tmp_path, "target: {op: at_least, value: 94}", "target: {op: at_least, value: 140}"
    )
    found = problems(path)
    assert len(found) == 1
    assert "indicators[1]: target 140 lies outside the range [0, 100]" in found[0]


def test_unknown_area_and_lead(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "    area: PRD\n    name:\n      zh: 产品质量国家监督抽查合格率",
        "    area: XYZ\n    name:\n      zh: 产品质量国家监督抽查合格率",
    )
    assert problems(path) == [
        f"{path}:{line_of(path, 'area: XYZ')}: indicators[0].area: 'XYZ' is not a listed area"
    ]


def test_about_needs_tolerance(tmp_path: Path) -> None:
    path = variant(tmp_path, "{op: about, value: 53, tolerance: 1}", "{op: about, value: 53}")
    found = problems(path)
    assert len(found) == 1
    assert "indicators[20].target: op 'about' needs a tolerance" in found[0]


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    path = variant(tmp_path, "    decimals: 2\n", "    decimals: -1\n", count=2)
    found = problems(path)
    assert len(found) == 2
    assert "indicators[0].decimals" in found[0]
    assert "indicators[1].decimals" in found[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("catalogue: [unclosed\n", "YAML syntax error"),
        ("- just\n- a list\n", "the top level must be a mapping"),
        ("\xff\xfe not utf-8", "not UTF-8 text"),
    ],
)
def test_unusable_files(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(text.encode("latin-1"))
    found = problems(path)
    assert len(found) == 1
    assert expected in found[0]
    assert str(path) in found[0]


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        refs = ", ".join([f"*a{n - 1}"] * 9)
        lines.append(f"a{n}: &a{n} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(path)
    assert "alias bomb" in found[0]


def test_cli_validate(cli: Callable[..., Run], tmp_path: Path) -> None:
    good = cli("catalogue", "validate", ROOT / "indicators.yaml", "--plan", PLAN_TEXT)
    assert good.exit_code == 0, good.output
    assert f"{len(EXPECTED)} 项指标" in good.stdout
    assert "引文均与方案原文一致" in good.stdout

    misquoted = variant(
        tmp_path, "quote: 地产农产品抽检合格率达到95%以上", "quote: 地产农产品抽检合格率达到96%以上"
    )
    bad = cli("catalogue", "validate", misquoted, "--plan", PLAN_TEXT, "--lang", "en")
    assert bad.exit_code == 3, bad.output
    assert "indicators[2].source.quote" in bad.stderr
    assert "is not found verbatim in the plan text" in bad.stderr

    missing = cli("catalogue", "validate", tmp_path / "nope.yaml")
    assert missing.exit_code == 2, missing.output
    assert "找不到指标目录文件" in missing.stderr


def test_cli_list(cli: Callable[..., Run]) -> None:
    run = cli("catalogue")
    assert run.exit_code == 0, run.output
    for code in EXPECTED:
        assert code in run.stdout
    assert "≥ 52%（约 53% ±1）" in run.stdout
    assert "≤ 2.6∶1" in run.stdout
    data = json.loads(cli("catalogue", "--format", "json").stdout)
    assert len(data["indicators"]) == len(EXPECTED)
    assert data["indicators"][21]["target"]["text"]["en"] == "≤ 2.6∶1"


def test_other_catalogue_is_honoured(
    cli: Callable[..., Run], tmp_path: Path, make_submission: Callable[..., Path]
) -> None:
    # Another city runs the programme with a stricter target.
    path = variant(
        tmp_path, "target: {op: at_least, value: 94}", "target: {op: at_least, value: 97}"
    )
    book = make_submission({"PRD-02": 95})
    run = cli("check", book, "--catalogue", path, "--format", "json")
    data = json.loads(run.stdout)
    prd02 = next(i for i in data["indicators"] if i["code"] == "PRD-02")
    assert prd02["status"] == "unmet"
    assert prd02["target"]["text"] == "≥ 97%"


def test_the_plan_phases_are_encoded(catalogue: Catalogue) -> None:
    assert [(p.start, p.end, p.source.clause) for p in catalogue.phases] == [
        ("2014-02", "2014-05", "四(一)"),
        ("2014-06", "2015-06", "四(二)"),
        ("2015-07", "2015-07", "四(三)"),
        ("2015-08", "2015-10", "四(四)"),
    ]
    plan = PLAN_TEXT.read_text(encoding="utf-8")
    for phase in catalogue.phases:
        assert phase.name.zh in phase.source.quote
        assert phase.source.quote in plan


def test_phase_errors_are_located(tmp_path: Path) -> None:
    path = variant(tmp_path, 'end: "2014-05"', 'end: "2013-05"')
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    [issue] = err.value.issues
    assert issue.location.path == "phases[0]"
    assert issue.location.line == line_of(path, "code: P1")
    assert issue.message("en") == "end 2013-05 is before start 2014-02"
    misquoted = variant(tmp_path, "共4个月", "共5个月")
    problems = check_quotes(
        load_catalogue(misquoted), PLAN_TEXT.read_text(encoding="utf-8"), "x.yaml"
    )
    assert [p.location.path for p in problems] == ["phases[0].source.quote"]


# --- the validated-catalogue cache ---------------------------------------------------------------


def test_cache_skips_the_yaml_parser_and_follows_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qcity.catalogue as catalogue_module

    monkeypatch.setenv("QCITY_CACHE_DIR", str(tmp_path / "cache"))
    path = variant(
        tmp_path, "target: {op: at_least, value: 94}", "target: {op: at_least, value: 94.5}"
    )
    first = load_catalogue(path)
    assert len(list((tmp_path / "cache").glob("catalogue-*.json"))) == 1

    def no_yaml(*args: object) -> None:
        raise AssertionError("the YAML parser ran although the catalogue was cached")

    monkeypatch.setattr(catalogue_module, "parse_yaml", no_yaml)
    assert load_catalogue(path) == first
    # an edited file is a new key: parsed again, never served stale
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 94.5", "value: 95.5"), encoding="utf-8"
    )
    with pytest.raises(AssertionError, match="YAML parser ran"):
        load_catalogue(path)


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QCITY_CACHE_DIR", str(tmp_path))
    expected = load_catalogue()
    (entry,) = tmp_path.glob("catalogue-*.json")
    entry.write_text('{"catalogue": "tampered"}', encoding="utf-8")
    assert load_catalogue() == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["catalogue"]["id"] == expected.catalogue.id


def test_the_cached_catalogue_is_the_validated_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cache is read without validating again: it must give back exactly what validating
    # the YAML gave, field by field and type by type (Decimal, bool, enums, dates, derives).
    monkeypatch.setenv("QCITY_CACHE_DIR", str(tmp_path))
    validated = load_catalogue(use_cache=False)
    load_catalogue()  # writes the cache entry
    assert len(list(tmp_path.glob("catalogue-*.json"))) == 1
    cached = load_catalogue()
    assert cached == validated
    assert cached.model_dump_json() == validated.model_dump_json()

    def shapes(value: object) -> object:
        if isinstance(value, BaseModel):
            return (type(value), {k: shapes(v) for k, v in value.__dict__.items()})
        if isinstance(value, list):
            return [shapes(v) for v in value]
        return (type(value), value)

    assert shapes(cached) == shapes(validated)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["indicators"][0].pop("code"),  # a required field missing
        lambda d: d["indicators"][0].update(decimals="2"),  # a text where a number goes
        lambda d: d["indicators"][0]["target"].update(op="roughly"),  # not an Op
        lambda d: d["indicators"][0]["target"].update(value="ninety"),  # not a number
        lambda d: d["catalogue"].update(issued=20140602),  # not a date
        lambda d: d["indicators"][0].update(extra=1),  # an unknown field
        lambda d: d.update(indicators={"a": 1}),  # not a list
    ],
)
def test_a_cache_entry_without_the_models_shape_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tamper: Any
) -> None:
    monkeypatch.setenv("QCITY_CACHE_DIR", str(tmp_path))
    expected = load_catalogue()
    (entry,) = tmp_path.glob("catalogue-*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    tamper(data)
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_catalogue() == expected
    assert json.loads(entry.read_text(encoding="utf-8")) != data  # rewritten from the YAML


def test_no_cache_when_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QCITY_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("QCITY_NO_CACHE", "1")
    load_catalogue()
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_catalogue_is_never_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QCITY_CACHE_DIR", str(tmp_path / "cache"))
    path = variant(
        tmp_path, "target: {op: at_least, value: 90}", "target: {op: roughly, value: 90}"
    )
    for _ in range(2):  # the second load reports the same located error, from the YAML
        assert "indicators[0].target.op" in problems(path)[0]
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


# --- the rest of the plan: phases, tasks, reporting -------------------------------------------


def test_the_ten_tasks_quote_their_headings(catalogue: Catalogue) -> None:
    plan = PLAN_TEXT.read_text(encoding="utf-8")
    numerals = "一二三四五六七八九十"
    tasks = catalogue.tasks[:10]
    assert [t.code for t in catalogue.tasks] == [f"T{n:02d}" for n in range(1, 12)]
    for n, task in enumerate(tasks):
        heading = f"({numerals[n]}){task.title.zh}。"
        assert heading in plan, heading  # the heading, verbatim, as the paragraph opens
        assert task.source.clause == f"三({numerals[n]})"
        assert task.source.quote == heading[:-1]
        assert task.due == "P2"
    t11 = catalogue.task("T11")
    assert (t11.source.clause, t11.lead) == ("二(二)3", "市商务局")
    assert "A级景区、星级饭店" in t11.source.quote and "旅行社" in t11.source.quote


def test_tasks_name_the_deliverables_and_leads_of_the_plan(catalogue: Catalogue) -> None:
    def quotes(code: str) -> str:
        return " ".join(d.quote for d in catalogue.task(code).deliverables)

    assert "出台《西安市质量发展规划(2014—2020年)》" in quotes("T01")
    assert "中小学质量教育社会实践基地" in quotes("T02")
    for hotline in ("12315", "12365", "12312", "12331", "12319", "12369", "12343"):
        assert hotline in quotes("T10")
    # 五(一): 市发改委、市质监局、市建委、市商务局、市环保局 … 经济运行、产品、工程、服务、环境
    assert {t.code: t.lead for t in catalogue.tasks if t.lead} == {
        "T05": "市质监局", "T06": "市建委", "T07": "市商务局", "T08": "市环保局",
        "T09": "市发改委", "T11": "市商务局",
    }  # fmt: skip


def test_phases_say_what_they_produce_and_which_are_acceptances(catalogue: Catalogue) -> None:
    assert [(p.code, p.milestone, len(p.produces)) for p in catalogue.phases] == [
        ("P1", False, 2),
        ("P2", False, 2),
        ("P3", True, 3),
        ("P4", True, 1),
    ]
    assert catalogue.phase("P3").produces[2].quote == "以市政府名义正式向国家质检总局提出验收申请"


def test_the_reporting_duties(catalogue: Catalogue) -> None:
    assert [(r.code, r.every.value, r.source.quote) for r in catalogue.reporting] == [
        ("MONTHLY", "month", "每月报送工作推进情况"),
        ("HALF-YEARLY", "half_year", "每半年报送一次工作总结"),
    ]
    plan = PLAN_TEXT.read_text(encoding="utf-8")
    for duty in catalogue.reporting:
        assert duty.to is not None and duty.to.zh in plan


def test_every_new_quote_is_checked(tmp_path: Path) -> None:
    for old, path in (
        ("quote: 建设中小学质量教育社会实践基地", "tasks[1].deliverables[1].quote"),
        ("quote: (十)共享质量发展成果", "tasks[9].source.quote"),
        ("quote: 迎接省政府预验收", "phases[2].produces[1].quote"),
        ("quote: 每月报送工作推进情况", "reporting[0].source.quote"),
    ):
        broken = variant(tmp_path, old, old + "了")
        problems = check_quotes(load_catalogue(broken), PLAN_TEXT.read_text(encoding="utf-8"), "x")
        assert [p.location.path for p in problems] == [path], old


@pytest.mark.parametrize(
    ("old", "new", "path", "needle", "message"),
    [
        (
            "    due: P2\n",
            "    due: P9\n",
            "tasks[0].due",
            "due: P9",
            "'P9' is not a listed phase",
        ),
        (
            "    lead: 市质监局\n    due: P2\n",
            "    lead: 市质检局\n    due: P2\n",
            "tasks[4].lead",
            "lead: 市质检局",
            "'市质检局' is not a listed department",
        ),
        (
            'start: "2015-07"\n    end: "2015-07"',
            'start: "2015-06"\n    end: "2015-07"',
            "phases[2].start",
            'start: "2015-06"',
            "starts in 2015-06, before P2 ends (2015-06); list the phases in order, without overlaps",
        ),
        (
            "  - code: T02\n",
            "  - code: T01\n",
            "tasks[1].code",
            "code: T01",
            "duplicate code 'T01' (also tasks[0])",
        ),
        ("    every: month\n", "    every: weekly\n", "reporting[0].every", "every: weekly", None),
        (
            "    deliverables:\n      - name: {zh: 联席会议制度",
            "    deliverables: []\n    x:\n      - name: {zh: 联席会议制度",
            "tasks[3].deliverables",
            "deliverables: []",
            None,
        ),
    ],
)
def test_task_and_timetable_errors_are_located(
    tmp_path: Path, old: str, new: str, path: str, needle: str, message: str | None
) -> None:
    broken = variant(tmp_path, old, new)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(broken)
    found = {i.location.path: i for i in err.value.issues}
    assert path in found, list(found)
    issue = found[path]
    if message is not None:
        assert issue.message("en") == message
        assert issue.location.line == line_of(broken, needle, 2 if "duplicate" in message else 1)
    else:
        assert issue.location.line is not None


def test_reporting_without_phases_needs_its_months(tmp_path: Path) -> None:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\nphases:\n", 1)
    reporting = "reporting:\n" + rest.split("\nreporting:\n", 1)[1]
    path = tmp_path / "c.yaml"
    path.write_text(head + "\n" + reporting, encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    assert [(i.location.path, i.message("en")) for i in err.value.issues] == [
        (f"reporting[{n}]", "give start and end: the catalogue has no phases to take them from")
        for n in (0, 1)
    ]


def test_the_catalogue_lists_the_tasks(cli: Callable[..., Run]) -> None:
    run = cli("catalogue")
    assert run.exit_code == 0, run.output
    out = [line.rstrip() for line in run.stdout.splitlines()]
    assert "T05    显著提升产品质量       市质监局   2015-06-30 四(二)   三(五)" in out
    assert out[-1] == "共 11 项工作任务"
    data = json.loads(cli("catalogue", "--format", "json").stdout)
    assert [t["code"] for t in data["tasks"]] == [f"T{n:02d}" for n in range(1, 12)]
    assert data["phases"][2]["milestone"] is True
