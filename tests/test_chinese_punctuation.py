"""Chinese that reads as Chinese (GB/T 15834): full-width punctuation in every zh message and label,
English punctuation in English; quotes from the plan as the plan has them."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator

import pytest

import qcity
import qcity.report
from qcity.issue_types import ISSUE_TYPES

from .conftest import EXAMPLE, N, Run

Cli = Callable[..., Run]

HAN = "\u3400-\u9fff"
# A half-width comma, semicolon, colon, question or exclamation mark, or bracket, touching a
# Chinese character (placeholders such as {reason} are taken out first: they are not text).
HALF_WIDTH_NEXT_TO_HAN = re.compile(rf"[{HAN}][,;:?!()]|[,;:?!()][{HAN}]")


def half_width(text: str) -> list[str]:
    plain = re.sub(r"\{[^{}]*\}", "X", text)
    return [m.group(0) for m in HALF_WIDTH_NEXT_TO_HAN.finditer(plain)]


def zh_tables() -> Iterator[tuple[str, str]]:
    """Every zh text of every module-level wording table ({...: {"zh": ..., "en": ...}}) in
    display.py, the reporters and the CLI."""
    modules = ["qcity.display", "qcity.template_help", "qcity.template_tasks"]
    modules += [f"qcity.report.{m.name}" for m in pkgutil.iter_modules(qcity.report.__path__)]
    modules += ["qcity.cli.core", "qcity.cli.checking", "qcity.cli.views", "qcity.cli.authoring"]
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
