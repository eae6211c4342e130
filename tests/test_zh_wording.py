"""Chinese that reads as Chinese, through the CLI: system errors said in Chinese (the errno's
name kept), dates as dates, messages that do not repeat their location."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Run, all_met, data_rows, write_workbook

Cli = Callable[..., Run]


def test_a_system_error_is_said_in_chinese_with_its_errno_name(cli: Cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop.xlsx"
    loop.symlink_to(loop.name)  # a link to itself: ELOOP whoever runs the test (root too)
    zh = cli("check", loop)
    assert zh.exit_code == 3, zh.output
    assert "无法读取：符号链接循环（ELOOP）" in zh.stderr
    assert "Too many levels" not in zh.stderr  # the system's English text
    en = cli("check", loop, "--lang", "en")
    assert "cannot be read: too many levels of symbolic links (ELOOP)" in en.stderr


def test_an_unreadable_catalogue_and_plan_are_said_in_chinese(cli: Cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop.name)
    for args in (["catalogue", "draft", loop], ["check", "-c", loop, tmp_path]):
        run = cli(*args)
        assert run.exit_code in (2, 3), run.output
        assert "符号链接循环（ELOOP）" in run.stderr, run.stderr


def test_an_output_in_a_missing_folder_is_said_in_chinese(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "a.xlsx", {"数据": data_rows(all_met())})
    run = cli("check", book, "-o", tmp_path / "nowhere" / "r.txt")
    assert run.exit_code == 2, run.output
    assert "无法写入输出文件：文件夹不存在（ENOENT）" in run.stderr
    assert "No such file" not in run.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "github", "junit"])
def test_dates_print_as_dates(cli: Cli, tmp_path: Path, fmt: str) -> None:
    # A value cell Excel turned into a date: shown as the date the clerk sees, in every format.
    book = write_workbook(
        tmp_path / "a.xlsx", {"数据": data_rows(all_met() | {"PRD-01": dt.datetime(2015, 6, 30)})}
    )
    run = cli("check", book, "-f", fmt, "--today", "2015-07-01")
    assert run.exit_code == 3, run.output
    assert "2015-06-30" in run.stdout
    assert "2015-06-30T00:00:00" not in run.stdout
    assert "2015-06-30 00:00" not in run.stdout
    if fmt == "json":
        (issue,) = [i for i in json.loads(run.stdout)["issues"] if i["code"] == "date-in-value"]
        assert issue["message"] == "单元格的值是日期/时间 2015-06-30"


def test_a_time_of_day_is_kept(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "a.xlsx",
        {"数据": data_rows(all_met() | {"PRD-01": dt.datetime(2015, 6, 30, 8, 30)})},
    )
    data = json.loads(cli("check", book, "-f", "json").stdout)
    (issue,) = [i for i in data["issues"] if i["code"] == "date-in-value"]
    assert issue["message"] == "单元格的值是日期/时间 2015-06-30 08:30"


@pytest.mark.parametrize("fmt", ["markdown", "html", "junit"])
def test_english_reports_name_departments_in_english(cli: Cli, fmt: str) -> None:
    from .conftest import EXAMPLE

    en = cli("check", EXAMPLE, "--lang", "en", "-f", fmt, "--today", "2015-06-01").stdout
    # indicators.yaml, departments: 市质监局 and 市建委 lead areas of the example's indicators.
    assert "Xi'an Bureau of Quality and Technical Supervision" in en.replace("&#x27;", "'")
    assert "Xi'an Urban and Rural Construction Commission" in en.replace("&#x27;", "'")
    zh = cli("check", EXAMPLE, "-f", fmt, "--today", "2015-06-01").stdout
    assert "市质监局" in zh and "Bureau of Quality" not in zh


def test_an_english_batch_names_departments_in_english(cli: Cli, tmp_path: Path) -> None:
    write_workbook(tmp_path / "a.xlsx", {"数据": data_rows(all_met())})
    write_workbook(tmp_path / "b.xlsx", {"数据": data_rows(all_met())})
    run = cli("check", tmp_path, "--lang", "en", "-f", "markdown", "--jobs", "1")
    assert "| Xi'an Bureau of Quality and Technical Supervision |" in run.stdout
    assert "市质监局" not in run.stdout
