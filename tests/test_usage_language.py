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
    assert run.stdout.splitlines()[-1].startswith("Result: 17/24 met")


def test_an_unknown_language_is_a_usage_error(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "--lang", "fr")
    assert run.exit_code == 2, run.output
    assert run.stderr == (
        "错误：--lang 的取值“fr”不是 qcity 支持的语言：zh（zh-CN、zh_CN 等）或 en（en-US 等）\n"
        "提示：运行 qcity check --help 查看用法\n"
    )


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
    run = cli("check", EXAMPLE, "--today", "2015-02-30", "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "--today: '2015-02-30' is not a date" in run.output


def test_hook_takes_today(cli: Cli) -> None:
    # Each file is checked as of the day given (the JSON report's checked_at), not the clock.
    early = cli("hook", EXAMPLE, "-f", "json", "--today", "2014-07-01")
    late = cli("hook", EXAMPLE, "-f", "json", "--today", "2015-07-01")
    assert early.exit_code == late.exit_code == 1, early.output
    assert json.loads(early.stdout)["checked_at"].startswith("2014-07-01")
    assert json.loads(late.stdout)["checked_at"].startswith("2015-07-01")


def test_text_reports_are_not_padded_in_a_file_or_a_pipe(cli: Cli, tmp_path: Path) -> None:
    piped = cli("check", EXAMPLE, "--today", "2015-06-01").stdout
    table_rows = [line for line in piped.splitlines() if line.startswith("PRD-01")]
    assert table_rows and all(not line.endswith(" ") for line in piped.splitlines())
    report = tmp_path / "report.txt"
    assert (run := cli("check", EXAMPLE, "--today", "2015-06-01", "-o", report)).exit_code == 1, (
        run.output
    )
    assert report.read_text(encoding="utf-8") == piped


# --- usage errors and help in the user's language ----------------------------------------------


def test_a_bad_format_is_said_in_chinese(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "-f", "jsn")
    assert run.exit_code == 2, run.output
    assert run.stderr == (
        "错误：--format 的取值“jsn”无效，可选 text、json、junit、markdown、github、html、xlsx\n"
        "提示：运行 qcity check --help 查看用法\n"
    )
    en = cli("check", EXAMPLE, "-f", "jsn", "--lang", "en")
    assert en.stderr == (
        "Error: --format: 'jsn' is not a choice; choose from text, json, junit, markdown, "
        "github, html, xlsx\nHint: see qcity check --help\n"
    )


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["--jobs", "0"], "--jobs 的取值“0”超出范围：应不小于 1", "--jobs: '0' is out of range: it must be 1 or more"),
        (["--year", "20x5"], "--year 的取值“20x5”不是整数", "--year: '20x5' is not a whole number"),
        (["--year", "3000"], "--year 的取值“3000”超出范围：应在 1900 到 2100 之间", "--year: '3000' is out of range: it must be from 1900 to 2100"),
        (["--max-size", "big"], "--max-size 的取值“big”不是大于零的大小：请写作 20MB、4MiB 或 5000000", "--max-size: 'big' is not a size above zero: write 20MB, 4MiB or 5000000"),
        (["--yaer", "2015"], "没有选项 --yaer；你是否想用 --year？", "no such option: --yaer; did you mean --year?"),
        (["--jobs"], "选项 --jobs 需要一个取值", "option --jobs needs a value"),
    ],
)  # fmt: skip
def test_usage_errors_in_both_languages(cli: Cli, args: list[str], zh: str, en: str) -> None:
    run = cli("check", EXAMPLE, *args)
    assert run.exit_code == 2, run.output
    first, hint = run.stderr.splitlines()
    assert first == f"错误：{zh}"
    assert hint.startswith("提示：运行 qcity")
    run = cli("check", EXAMPLE, *args, env={"QCITY_LANG": "en"})
    assert run.exit_code == 2, run.output
    assert run.stderr.splitlines()[0] == f"Error: {en}"
    for english in ("Input should", "Value error", "Invalid value", "Usage:"):
        assert english not in run.stderr


def test_a_missing_argument_and_an_unknown_command(cli: Cli) -> None:
    run = cli("check")
    assert (run.exit_code, run.stderr.splitlines()[0]) == (2, "错误：缺少参数 工作簿或文件夹…"), (
        run.output
    )
    run = cli("chek")
    assert run.exit_code == 2, run.output
    assert run.stderr.splitlines() == ["错误：没有命令“chek”；你是否想用 check、schema？", "提示：运行 qcity --help 查看用法"]  # fmt: skip
    run = cli("catalogue", "nope", "--lang", "en")
    assert run.stderr.splitlines()[0] == "Error: no such command: 'nope'"


@pytest.mark.parametrize(
    ("env", "args", "first_word"),
    [
        ({"LANG": "en_US.UTF-8"}, [], "Error: "),
        ({"LANG": "zh_CN.UTF-8"}, [], "错误："),
        ({"LANG": "C.UTF-8"}, [], "错误："),  # neither: zh
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, [], "错误："),  # LC_ALL first
        ({"LANG": "zh_CN.UTF-8", "QCITY_LANG": "en"}, [], "Error: "),  # QCITY_LANG first
        ({"QCITY_LANG": "en"}, ["--lang", "zh"], "错误："),  # --lang first
        ({"LANG": "en_US.UTF-8"}, ["--lang", "fr"], "Error: "),  # --lang unreadable: the locale
    ],
)
def test_the_language_of_usage_errors(
    cli: Cli, env: dict[str, str], args: list[str], first_word: str
) -> None:
    run = cli("check", EXAMPLE, "--jobs", "0", *args, env=env)
    assert run.exit_code == 2, run.output
    assert run.stderr.startswith(first_word)


def test_the_locale_is_the_default_language_of_reports(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "--today", "2015-06-01", env={"LANG": "en_US.UTF-8"})
    assert run.stdout.splitlines()[-1].startswith("Result: ")
    run = cli("check", EXAMPLE, "--today", "2015-06-01", env={"LANG": "zh_CN.UTF-8"})
    assert run.stdout.splitlines()[-1].startswith("结论：")
    before = cli("--lang", "en", "check", EXAMPLE, "--today", "2015-06-01")
    assert before.stdout.splitlines()[-1].startswith("Result: ")


COMMANDS = [
    [], ["check"], ["hook"], ["explain"], ["diff"], ["gaps"], ["plan"], ["template"],
    ["catalogue"], ["catalogue", "validate"], ["catalogue", "draft"], ["catalogue", "schema"],
    ["schema"], ["schema", "report"], ["schema", "batch"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "qcity")
def test_help_in_both_languages(cli: Cli, command: list[str]) -> None:
    zh = cli(*command, "--help")
    assert zh.exit_code == 0, zh.output
    assert zh.stdout.startswith("用法：qcity")
    assert "选项：" in zh.stdout and "Options:" not in zh.stdout
    assert "Show this message and exit" not in zh.stdout
    for given in (["--lang", "en", *command, "--help"], [*command, "--help"]):
        en = cli(*given, env={"QCITY_LANG": "en"} if given[0] != "--lang" else None)
        assert en.exit_code == 0, en.output
        assert en.stdout.startswith("Usage: qcity")
        assert "选项" not in en.stdout and "Show this message and exit." in en.stdout
    for text in (zh.stdout, en.stdout):
        for machine in ("<list[Path]>", "<%Y", "<file>", "<int range>", "<path>"):
            assert machine not in text


def test_help_names_values_as_people_do(cli: Cli) -> None:
    zh = cli("check", "--help").stdout
    assert "用法：qcity check [OPTIONS] 工作簿或文件夹…" in zh
    assert "--today 日期" in zh and "--year 年份" in zh
    en = cli("--lang", "en", "explain", "--help").stdout
    assert "Usage: qcity explain [OPTIONS] INDICATOR WORKBOOK" in en
