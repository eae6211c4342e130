"""Chinese that reads as Chinese (GB/T 15834): full-width punctuation in every zh message and label,
English punctuation in English; quotes from the plan as the plan has them."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import qcity
import qcity.render
from qcity.cli import commands
from qcity.issue_types import ISSUE_TYPES

from .conftest import EXAMPLE, N, Run, all_met, data_rows, write_workbook

Cli = Callable[..., Run]

HAN = "\u3400-\u9fff"
# A half-width comma, semicolon, colon, question or exclamation mark, or bracket, touching a
# Chinese character (placeholders such as {reason} are taken out first: they are not text).
HALF_WIDTH_NEXT_TO_HAN = re.compile(rf"[{HAN}][,;:?!()]|[,;:?!()][{HAN}]")


def half_width(text: str) -> list[str]:
    plain = re.sub(r"\{[^{}]*\}", "X", text)
    # Excel's cell references (数据!B2, 序列!I10) are notation, not punctuation.
    plain = re.sub(r"[^\s（）、，；：“”]+![A-Z]{1,3}[0-9]+", "Ｃ", plain)
    return [m.group(0) for m in HALF_WIDTH_NEXT_TO_HAN.finditer(plain)]


def zh_tables() -> Iterator[tuple[str, str]]:
    """Every zh text of every module-level wording table ({...: {"zh": ..., "en": ...}}) in
    display.py, the reporters and the CLI."""
    modules = [
        "qcity.render.display",
        "qcity.render.xlsx.help_sheet",
        "qcity.render.xlsx.tasks_sheet",
    ]
    modules += [f"qcity.render.{m.name}" for m in pkgutil.iter_modules(qcity.render.__path__)]
    modules += ["qcity.cli.output", "qcity.cli.options", "qcity.cli.outcome", "qcity.cli.batches"]
    modules += [f"qcity.cli.commands.{m.name}" for m in pkgutil.iter_modules(commands.__path__)]
    modules += ["qcity.render.i18n", "qcity.cli.help_words"]  # usage errors, help, skipped files
    for name in modules:
        module = importlib.import_module(name)
        for attr, table in vars(module).items():
            if not isinstance(table, dict):
                continue
            for key, value in table.items():
                if isinstance(value, dict) and isinstance(value.get("zh"), str):
                    yield f"{name}.{attr}[{key!r}]", value["zh"]


def test_the_scan_finds_what_it_looks_for() -> None:
    assert half_width("结论:16/23 项达标;未达标 7,未填报") == ["论:", "标;", ",未"]
    assert half_width("结论：16/23 项达标；未达标 7，") == []
    assert half_width("{path} 已存在") == []
    assert half_width("与 序列!I10、序列!I11 算得") == []


def test_every_issue_text_in_chinese_uses_chinese_punctuation() -> None:
    bad = {
        f"{code}.{part}": half_width(text)
        for code, t in ISSUE_TYPES.items()
        for part, text in (
            ("title", t.title["zh"]),
            ("message", t.message["zh"]),
            ("hint", t.hint["zh"]),
        )
        if half_width(text)
    }
    assert bad == {}


def test_every_zh_label_uses_chinese_punctuation() -> None:
    tables = list(zh_tables())
    assert len(tables) > 100  # the scan reaches the tables
    bad = {where: half_width(text) for where, text in tables if half_width(text)}
    assert bad == {}


def test_english_keeps_english_punctuation() -> None:
    full = re.compile(r"[，；：？！（）]")
    bad = {
        code: t.message["en"] + " / " + t.hint["en"]
        for code, t in ISSUE_TYPES.items()
        if full.search(t.message["en"]) or full.search(t.hint["en"]) or full.search(t.title["en"])
    }
    assert bad == {}


def test_the_check_summary_reads_as_chinese(cli: Cli) -> None:
    result = cli("check", EXAMPLE, "--today", "2015-06-01")
    assert result.exit_code == 1, result.output
    # The example (README) misses 7 of the 23 targets: 16 met, 5 unmet, 1 missing, 1 invalid is
    # what the README states; the summary line's punctuation is what is asserted here.
    summary = next(line for line in result.stdout.splitlines() if line.startswith("结论"))
    assert summary.startswith(f"结论：{N - 7}/{N} 项达标；未达标 ")
    assert half_width(summary) == []
    assert summary.endswith("。")


def test_the_english_summary_keeps_english_punctuation(cli: Cli) -> None:
    result = cli("check", EXAMPLE, "--today", "2015-06-01", "--lang", "en")
    summary = next(line for line in result.stdout.splitlines() if line.startswith("Result"))
    assert summary.startswith(f"Result: {N - 7}/{N} met; ")
    assert not re.search(r"[，；：（）]", summary)


def plan_quotes() -> list[str]:
    """Every text the catalogue quotes from the plan (names, clauses, tasks), longest first."""
    from qcity.catalogue import load_catalogue

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and re.search(f"[{HAN}]", value):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(load_catalogue().model_dump())
    return sorted(found, key=len, reverse=True)


@pytest.mark.parametrize(
    "command",
    [["check", str(EXAMPLE)], ["gaps", str(EXAMPLE)], ["plan", str(EXAMPLE)], ["catalogue"]],
)
def test_views_in_chinese_have_no_half_width_punctuation_of_their_own(
    cli: Cli, command: list[str]
) -> None:
    today = ["--today", "2015-06-01"] if command[0] != "catalogue" else []
    result = cli(*command, *today)
    assert result.exit_code in (0, 1), result.output
    quotes = plan_quotes()
    bad = []
    for line in result.stdout.splitlines():
        if line.startswith(" " * 20):
            continue  # a table cell wrapped onto its own line: a quote cut where it cannot be found
        for quote in quotes:  # the plan's own wording keeps the plan's punctuation
            line = line.replace(quote, "Ｑ")
        if half_width(line):
            bad.append(line)
    assert bad == []


def test_locations_in_chinese_use_a_full_width_colon(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "a.xlsx", {"数据": data_rows(all_met() | {"PRD-01": "约95%"})})
    zh = cli("check", book).stdout
    assert f"{book}：数据!B2  " in zh and f"{book}: 数据" not in zh
    en = cli("check", book, "--lang", "en").stdout
    assert f"{book}: 数据!B2  " in en


def test_a_district_duplicate_names_the_district_in_full_width_brackets(
    cli: Cli, tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        ["指标代码", "区县", "实际值"],
        ["PRD-01", "雁塔区", 95],
        ["PRD-01", "雁塔区", 96],
    ]
    book = write_workbook(tmp_path / "a.xlsx", {"数据": rows})
    data = json.loads(cli("check", book, "-f", "json").stdout)
    messages = [i["message"] for i in data["issues"] if i["code"] == "duplicate-indicator"]
    assert messages and all("PRD-01（雁塔区）" in m for m in messages), messages
    assert half_width(messages[0]) == []


def test_the_tasks_sheet_of_a_chinese_template_reads_as_chinese(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    assert (run := cli("template", out)).exit_code == 0, run.output
    sheet = load_workbook(out)["任务"]
    quotes = plan_quotes()
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    bad = []
    for text in texts:
        for quote in quotes:
            text = text.replace(quote, "Ｑ")
        if half_width(text):
            bad.append(text)
    assert bad == []
    assert any("》；" in t for t in texts)  # deliverables joined with a full-width semicolon


@pytest.mark.parametrize(
    "command",
    [["check", "--help"], ["gaps", "--help"], ["--help"], ["check", "-f", "jsn", "x.xlsx"]],
)
def test_help_and_usage_errors_in_chinese(cli: Cli, command: list[str]) -> None:
    result = cli(*command)
    bad = [line for line in result.output.splitlines() if half_width(line)]
    assert bad == []


def test_a_batch_in_chinese(cli: Cli, tmp_path: Path) -> None:
    write_workbook(tmp_path / "a.xlsx", {"数据": data_rows(all_met())})
    (tmp_path / "数据.csv").write_text("x", encoding="utf-8")
    result = cli("check", tmp_path, "--jobs", "1")
    quotes = plan_quotes()
    bad = []
    for line in result.stdout.splitlines():
        for quote in quotes:
            line = line.replace(quote, "Ｑ")
        if half_width(line):
            bad.append(line)
    assert bad == []
