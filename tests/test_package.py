"""The package guard and the limits: sizes counted as read, limits raised from the command line."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from qcity.errors import InputError
from qcity.zipguard import GuardedPart, GuardedZip, Limits, parse_size

from . import corpus as c
from .conftest import Run, all_met, data_rows, write_workbook
from .test_hostile import long_cell, rows_beyond_limit

Cli = Callable[..., Run]


@pytest.mark.parametrize(
    ("text", "size"),
    [("5000000", 5_000_000), ("20MB", 20_000_000), ("4MiB", 4 * 1024**2), ("1.5 GB", 1_500_000_000),
     ("64kib", 65_536), (" 7 ", 7)],
)  # fmt: skip
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "20 parsecs", "-5MB", "0", "1e9"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"a size such as 20MB|above zero"):
        parse_size(text)


def test_default_limits() -> None:
    limits = Limits()
    assert (limits.max_file_bytes, limits.max_inflated_bytes) == (20 * 1024**2, 4 * 1024**2)
    assert (limits.max_rows, limits.max_cell_chars, limits.max_xml_tags) == (2_000, 32_767, 83_886)
    assert Limits(max_inflated_bytes=16 * 1024**2).max_xml_tags == 335_544  # raised together


def test_actual_bytes_are_counted_whatever_the_zip_declares(tmp_path: Path) -> None:
    # A part stream longer than anything declared: the count, not the header, stops it.
    book = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows({"PRD-01": 95})})
    archive = GuardedZip(io.BytesIO(book.read_bytes()), shown="b.xlsx", limits=Limits())
    endless = io.BytesIO(b"<worksheet>" + b" " * (5 * 1024 * 1024))
    part = io.BufferedReader(GuardedPart(endless, "xl/worksheets/sheet1.xml", archive))
    with pytest.raises(InputError) as info:
        while part.read(64 * 1024):
            pass
    issue = info.value.issues[0]
    assert issue.code == "file-too-large"
    assert issue.message("en").startswith(
        "the uncompressed size up to part xl/worksheets/sheet1.xml is 4,"
    )
    assert issue.message("en").endswith("B, over the limit of 4,194,304 B")
    assert archive.budget.used <= 4 * 1024 * 1024 + 64 * 1024  # it stopped at the limit


def test_binary_parts_are_not_taken_for_xml(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows({"PRD-01": 95})})
    archive = GuardedZip(io.BytesIO(book.read_bytes()), shown="b.xlsx", limits=Limits())
    png = io.BufferedReader(
        GuardedPart(io.BytesIO(b"\x89PNG\r\n" * 100), "xl/media/a.png", archive)
    )
    assert png.read() == b"\x89PNG\r\n" * 100


def test_limits_are_raised_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    long = long_cell(5_000_000, random=True)(tmp_path)
    refused = cli("check", long, "--lang", "en")
    assert refused.exit_code == 3, refused.output
    assert "raise the limit with --max-inflated" in refused.stderr
    raised = cli("check", long, "--max-inflated", "8MB", "--lang", "en")
    assert raised.exit_code == 3, raised.output
    assert "[cell-too-long]" in raised.stderr  # now read, and refused for what it is

    (tmp_path / "rows").mkdir()
    many = rows_beyond_limit(tmp_path / "rows")
    assert "[too-many-rows]" in cli("check", many).stderr
    wide_open = cli("check", many, "--max-rows", "5000", "--format", "json")
    assert wide_open.exit_code == 3, (
        wide_open.output
    )  # read in full: now the 2,000 duplicated rows are the issue
    assert '"duplicate-indicator"' in wide_open.stdout


def test_max_size(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows(all_met())})
    small = cli("check", book, "--max-size", "1kB", "--lang", "en")
    assert small.exit_code == 3, small.output
    assert f"the file size is {book.stat().st_size:,} B, over the limit of 1,000 B" in small.stderr
    assert (run := cli("check", book, "--max-size", "1MB")).exit_code == 0, run.output
    env = cli("check", book, env={"QCITY_MAX_SIZE": "1kB"})
    assert env.exit_code == 3, env.output


@pytest.mark.parametrize(
    ("option", "value"), [("--max-size", "big"), ("--max-inflated", "0"), ("--max-rows", "0")]
)
def test_bad_limit_is_a_usage_error(cli: Cli, tmp_path: Path, option: str, value: str) -> None:
    book = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows(all_met())})
    run = cli("check", book, option, value)
    assert run.exit_code == 2, run.output
    assert option in run.output


def test_declared_member_count_is_read_before_the_zip_is_parsed(tmp_path: Path) -> None:
    from qcity.zipguard import declared_members

    path = c.pack(tmp_path / "b.xlsx", c.workbook_parts())
    assert declared_members(path.read_bytes()) == len(c.workbook_parts())
    assert declared_members(b"not a zip") is None
