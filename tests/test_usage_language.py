"""What people type for the language and the format: zh-CN, zh_CN, en-US, QCITY_LANG, -f JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EXAMPLE, Run

Cli = Callable[..., Run]


@pytest.mark.parametrize(
    ("lang", "first_word"),
    [
        ("zh-CN", "结论："),
        ("zh_CN", "结论："),
        ("ZH", "结论："),
        ("en-US", "Result: "),
        ("en_GB", "Result: "),
    ],
)
def test_lang_accepts_locale_names(cli: Cli, lang: str, first_word: str) -> None:
    run = cli("check", EXAMPLE, "--lang", lang, "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    assert run.stdout.splitlines()[-1].startswith(first_word)


def test_qcity_lang_may_be_a_locale(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "--today", "2015-06-01", env={"QCITY_LANG": "en_US.UTF-8"})
    assert run.exit_code == 1, run.output
    assert run.stdout.splitlines()[-1].startswith("Result: 16/23 met")


def test_an_unknown_language_is_a_usage_error(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "--lang", "fr")
    assert run.exit_code == 2
    assert "'fr' is not a language qcity speaks" in run.output


@pytest.mark.parametrize("command", [["check", str(EXAMPLE)], ["gaps", str(EXAMPLE)], ["plan"]])
def test_the_format_is_case_insensitive(cli: Cli, command: list[str]) -> None:
    run = cli(*command, "-f", "JSON", "--today", "2015-06-01")
    assert run.exit_code in (0, 1), run.output
    assert json.loads(run.stdout)["schema_version"] == 1


@pytest.mark.parametrize("day", ["2015/6/1", "2015年6月1日", "2015.6.1", "2015-06-01", "20150601"])
def test_today_is_written_as_the_tasks_sheet_writes_dates(cli: Cli, day: str) -> None:
    run = cli("gaps", EXAMPLE, "--today", day, "-f", "json")
    assert run.exit_code == 1, run.output
    assert json.loads(run.stdout)["today"] == "2015-06-01"


def test_a_date_that_does_not_exist_is_a_usage_error(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "--today", "2015-02-30")
    assert run.exit_code == 2
    assert "is not a date" in run.output


def test_hook_takes_today(cli: Cli) -> None:
    # Each file is checked as of the day given (the JSON report's checked_at), not the clock.
    early = cli("hook", EXAMPLE, "-f", "json", "--today", "2014-07-01")
    late = cli("hook", EXAMPLE, "-f", "json", "--today", "2015-07-01")
    assert early.exit_code == late.exit_code == 1
    assert json.loads(early.stdout)["checked_at"].startswith("2014-07-01")
    assert json.loads(late.stdout)["checked_at"].startswith("2015-07-01")


def test_text_reports_are_not_padded_in_a_file_or_a_pipe(cli: Cli, tmp_path: Path) -> None:
    piped = cli("check", EXAMPLE, "--today", "2015-06-01").stdout
    table_rows = [line for line in piped.splitlines() if line.startswith("PRD-01")]
    assert table_rows and all(not line.endswith(" ") for line in piped.splitlines())
    report = tmp_path / "report.txt"
    assert cli("check", EXAMPLE, "--today", "2015-06-01", "-o", report).exit_code == 1
    assert report.read_text(encoding="utf-8") == piped
