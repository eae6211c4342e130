"""Files at the edges: odd names shown safely, unreadable inputs, outputs atomic and never over the input."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qcity.errors import printable

from .conftest import Run, all_met, data_rows, digest, write_workbook

Cli = Callable[..., Run]


def good_book(path: Path) -> Path:
    return write_workbook(path, {"数据": data_rows(all_met())})


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["my submission 2015.xlsx", "西安市质监局 填报（终稿）.xlsx", "  leading spaces.xlsx"]
)
def test_names_with_spaces_and_chinese(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative name keeps the report's header on one line
    good_book(tmp_path / name)
    run = cli("check", name)
    assert run.exit_code == 0, run.output
    assert f"文件：{name} · 工作表：数据" in run.stdout
    assert json.loads(cli("check", name, "--format", "json").stdout)["source"] == name
    missing = cli("check", f"{name}.bak")
    assert missing.stderr.splitlines()[0] == f"✖ 错误 {name}.bak  找不到文件  [file-not-found]"


def test_name_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    # A real command line: the name reaches Python as bytes, kept as surrogate escapes.
    raw_name = b"\xb1\xa8\xb1\xed \xff.xlsx"  # GBK for "报表", then a lone 0xFF
    good_book(tmp_path / os.fsdecode(raw_name))
    shown = "\\xb1\\xa8\\xb1\\xed \\xff.xlsx"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QCITY_")}
    for fmt in ("text", "json"):
        proc = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"qcity", b"check", raw_name, b"--format",
             fmt.encode()],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout.decode("utf-8")  # valid UTF-8 whatever the name held
        if fmt == "json":
            assert json.loads(out)["source"] == shown
        else:
            assert f"文件：{shown} · 工作表：数据" in out
    missing = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"qcity", b"check", raw_name + b".missing"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert missing.returncode == 2, missing.stdout + missing.stderr
    assert f"✖ 错误 {shown}.missing  找不到文件  [file-not-found]" in missing.stderr.decode()


def test_control_characters_in_a_name_never_reach_the_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    good_book(tmp_path / "evil\x1b[2J\x1b]0;owned\x07\u202egnp.xlsx")
    run = cli("check", "evil\x1b[2J\x1b]0;owned\x07\u202egnp.xlsx")
    assert run.exit_code == 0, run.output
    assert "\x1b" not in run.output and "\x07" not in run.output and "\u202e" not in run.output
    assert "evil\\x1b[2J\\x1b]0;owned\\x07\\u202egnp.xlsx" in run.stdout


def test_printable() -> None:
    assert printable("数据 2015.xlsx") == "数据 2015.xlsx"
    assert printable("a\udcffb") == "a\\xffb"
    assert printable("tab\there\n") == "tab\\x09here\\x0a"
    assert printable("x\u009by") == "x\\x9by"  # a C1 control: CSI on some terminals
    assert printable("\u2066rtl\u2069") == "\\u2066rtl\\u2069"


# --- unreadable input ----------------------------------------------------------------------------


def test_unreadable_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests run as root, for whom chmod 000 blocks nothing; so the refusal is simulated
    # where the operating system would give it: the open() call for that path.
    path = good_book(tmp_path / "locked.xlsx")
    before = digest(path)
    real_open = io.open

    def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", deny)
    run = cli("check", path)
    assert run.exit_code == 3, run.output
    assert run.stderr.splitlines() == [
        f"✖ 错误 {path}  无法读取：没有读取权限（EACCES）  [unreadable-file]",
        "    → 检查文件权限，或把文件复制到可读的位置",
    ]
    monkeypatch.undo()
    assert digest(path) == before


# --- outputs -------------------------------------------------------------------------------------


class HalfWriter:
    """A file object that writes half of what it is given, then fails as a full disk does."""

    real_fdopen = os.fdopen

    def __init__(self, fd: int, mode: str) -> None:
        self.file = HalfWriter.real_fdopen(fd, mode)

    def __enter__(self) -> HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def fileno(self) -> int:
        return self.file.fileno()

    def write(self, data: bytes) -> int:
        self.file.write(data[: len(data) // 2])
        self.file.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_interrupted_write_leaves_no_partial_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = good_book(tmp_path / "book.xlsx")
    out = tmp_path / "report.json"
    out.write_text('{"old": true}\n', encoding="utf-8")
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    monkeypatch.setattr("qcity.files.os.fdopen", HalfWriter)
    run = cli("check", book, "--format", "json", "-o", out)
    assert run.exit_code == 2, run.output
    assert run.stderr.splitlines() == [
        f"✖ 错误 {out}  无法写入输出文件：磁盘空间不足（ENOSPC）  [output-not-writable]",
        "    → 检查输出文件夹是否存在、可写且有剩余空间，文件是否正被其他程序打开；已有的同名文件保持不变",
    ]
    # the old report is intact, the input untouched, and no temporary file is left behind
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before


def test_output_into_a_missing_folder(cli: Cli, tmp_path: Path) -> None:
    book = good_book(tmp_path / "book.xlsx")
    run = cli("check", book, "-o", tmp_path / "no-such-folder" / "r.txt", "--lang", "en")
    assert run.exit_code == 2, run.output
    assert (
        "the output cannot be written: the folder does not exist (ENOENT)  [output-not-writable]"
        in run.stderr
    )


@pytest.mark.parametrize("spelling", ["same", "relative", "dotted", "symlink", "hardlink"])
def test_output_over_the_input_is_refused_however_spelled(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    book = good_book(tmp_path / "book.xlsx")
    monkeypatch.chdir(tmp_path)
    out: Path = {
        "same": book,
        "relative": Path("book.xlsx"),
        "dotted": tmp_path / "." / "sub" / ".." / "book.xlsx",
        "symlink": tmp_path / "link.xlsx",
        "hardlink": tmp_path / "hard.xlsx",
    }[spelling]
    (tmp_path / "sub").mkdir()
    if spelling == "symlink":
        out.symlink_to(book)
    if spelling == "hardlink":
        out.hardlink_to(book)
    before = digest(book)
    run = cli("check", book, "-o", out)
    assert run.exit_code == 2, run.output
    assert "[output-is-input]" in run.stderr
    assert digest(book) == before


def test_limit_option_defaults_are_the_library_defaults() -> None:
    from qcity.cli.options import DEFAULT_MAX_INFLATED, DEFAULT_MAX_ROWS, DEFAULT_MAX_SIZE
    from qcity.zipguard import Limits, parse_size

    assert parse_size(DEFAULT_MAX_SIZE) == Limits().max_file_bytes
    assert parse_size(DEFAULT_MAX_INFLATED) == Limits().max_inflated_bytes
    assert Limits().max_rows == DEFAULT_MAX_ROWS


@pytest.mark.parametrize(
    "command",
    [
        ["gaps"],
        ["explain", "PRD-02"],
        ["plan", "--today", "2015-06-01"],
        ["hook"],
    ],
)
def test_every_command_reading_a_workbook_takes_the_limits(
    cli: Callable[..., Run], make_submission: Callable[..., Path], command: list[str]
) -> None:
    # 30 rows of figures: over --max-rows 10 for every command that reads the workbook,
    # within the default limits.
    values = {f"PRD-{n:02d}": 95 for n in range(1, 31)}
    path = make_submission(values)
    head, rest = command[0], command[1:]
    refused = cli(head, *rest, path, "--max-rows", "10")
    assert refused.exit_code == 3, refused.output
    assert "[too-many-rows]" in refused.output
    within = cli(head, *rest, path)
    assert "[too-many-rows]" not in within.output
