"""Excel's and WPS's lock files: named as such when checked, and a warning when the workbook is open."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import EXAMPLE, Run, all_met, data_rows, write_workbook

Cli = Callable[..., Run]


def test_checking_a_lock_file_names_the_real_workbook(cli: Cli, tmp_path: Path) -> None:
    real = tmp_path / "质监局.xlsx"
    real.write_bytes(EXAMPLE.read_bytes())
    lock = tmp_path / "~$质监局.xlsx"
    lock.write_bytes(b"\x08user name")  # what Excel writes: the name of who has it open
    run = cli("check", lock)
    assert run.exit_code == 2, run.output
    assert run.stderr == (
        f"✖ 错误 {lock}  这是 Excel 或 WPS 打开 {real} 时生成的锁文件，不是工作簿  [lock-file]\n"
        f"    → 检查工作簿本身：qcity check {real}（先在 Excel 或 WPS 中保存）\n"
    )
    en = cli("check", lock, "--lang", "en")
    assert f"this is the lock file Excel or WPS keeps while {real} is open" in en.stderr


def test_a_long_name_whose_first_characters_excel_replaced(cli: Cli, tmp_path: Path) -> None:
    real = tmp_path / "2015年6月质量强市月报.xlsx"
    real.write_bytes(EXAMPLE.read_bytes())
    lock = tmp_path / "~$15年6月质量强市月报.xlsx"  # Excel keeps the length: `~$` over "20"
    lock.write_bytes(b"")
    run = cli("check", lock)
    assert run.exit_code == 2, run.output
    assert f"打开 {real} 时生成的锁文件" in run.stderr


def test_an_open_workbook_is_checked_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "建委.xlsx", {"数据": data_rows(all_met())})
    assert (result := cli("check", book)).exit_code == 0, result.output
    (tmp_path / "~$建委.xlsx").write_bytes(b"")
    run = cli("check", book, "-f", "json")
    # Still judged (all met: exit 0); the warning says unsaved changes are not checked.
    assert run.exit_code == 0, run.output
    (issue,) = json.loads(run.stdout)["issues"]
    assert issue["code"] == "workbook-open"
    assert issue["severity"] == "warning"
    assert issue["message"] == (
        "工作簿正在 Excel、WPS 或 LibreOffice 中打开（有锁文件 ~$建委.xlsx），未保存的修改不在检查之列"
    )


def test_libreoffice_lock_file_counts_too(cli: Cli, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "b.xlsx", {"数据": data_rows(all_met())})
    (tmp_path / ".~lock.b.xlsx#").write_text(",user,host,01.06.2015 10:00,user;")
    run = cli("check", book, "--lang", "en")
    assert run.exit_code == 0, run.output
    assert (
        "the workbook is open in Excel, WPS or LibreOffice (lock file .~lock.b.xlsx#)" in run.stdout
    )
