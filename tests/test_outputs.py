"""Outputs behave as files do: the format from the suffix, the umask's mode, every path checked
before any work, concurrent runs, a workbook saved while it is read, exit codes of signals."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import EXAMPLE, Run, all_met, data_rows, digest, write_workbook

Cli = Callable[..., Run]


def good_book(path: Path) -> Path:
    return write_workbook(path, {"数据": data_rows(all_met())})


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


# --- the format from the suffix of -o -----------------------------------------------------------


def test_the_suffix_of_o_gives_the_format(cli: Cli, tmp_path: Path) -> None:
    run = cli("gaps", EXAMPLE, "-o", tmp_path / "gaps.xlsx", "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    with zipfile.ZipFile(tmp_path / "gaps.xlsx") as archive:
        assert "xl/workbook.xml" in archive.namelist()
    run = cli("check", EXAMPLE, "-o", tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["schema_version"] == 1
    cli("check", EXAMPLE, "-o", tmp_path / "report.xml")
    assert (tmp_path / "report.xml").read_text(encoding="utf-8").startswith("<?xml")
    cli("plan", "-o", tmp_path / "plan.md", "--today", "2015-06-01")
    assert (tmp_path / "plan.md").read_text(encoding="utf-8").startswith("#")
    # A suffix that names no format keeps the default (text), as before.
    cli("check", EXAMPLE, "-o", tmp_path / "report.out")
    assert (tmp_path / "report.out").read_text(encoding="utf-8").lstrip()[0] not in "{<#"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["gaps", str(EXAMPLE), "-f", "json", "-o", "gaps.xlsx"], "output-format-mismatch"),
        (["check", str(EXAMPLE), "-f", "text", "-o", "r.json"], "output-format-mismatch"),
        (["check", str(EXAMPLE), "-f", "json", "-o", "r.html"], "output-format-mismatch"),
        (["diff", str(EXAMPLE), str(EXAMPLE), "-o", "d.html"], "output-format-unknown"),
        (["plan", "-o", "plan.xlsx"], "output-format-unknown"),
    ],
)
def test_a_suffix_that_contradicts_the_format_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli(*args)
    assert run.exit_code == 2, run.output
    assert f"[{code}]" in run.stderr
    assert run.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_github_annotations_may_go_to_a_txt_file(cli: Cli, tmp_path: Path) -> None:
    run = cli("check", EXAMPLE, "-f", "github", "-o", tmp_path / "notes.txt")
    assert run.exit_code == 1, run.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8").startswith("::")


def test_the_message_names_the_suffix_and_both_formats(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "gaps.xlsx"
    run = cli("gaps", EXAMPLE, "-f", "json", "-o", out, "--lang", "en")
    assert run.stderr.splitlines() == [
        f"✖ error {out}  the output {out} ends in .xlsx, which means xlsx, but the format is json"
        "  [output-format-mismatch]",
        "    → leave out --format (the suffix decides), or use a suffix that matches it, "
        "e.g. -o gaps.json",
    ]


# --- modes ---------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_new_outputs_follow_the_umask_and_replaced_ones_keep_their_mode(
    cli: Cli, tmp_path: Path
) -> None:
    old = os.umask(0o027)
    try:
        cli("check", EXAMPLE, "-o", tmp_path / "new.json")
        cli("template", tmp_path / "t.xlsx")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "t.xlsx").stat().st_mode) == 0o640
    kept = tmp_path / "kept.json"
    kept.write_text("{}", encoding="utf-8")
    kept.chmod(0o604)
    cli("check", EXAMPLE, "-o", kept)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604
    assert json.loads(kept.read_text(encoding="utf-8"))["schema_version"] == 1


# --- every output path checked before anything is read or printed -------------------------------


@pytest.mark.parametrize("where", ["missing-folder", "input", "report-and-copy-same"])
def test_a_bad_annotate_path_fails_before_the_report(cli: Cli, tmp_path: Path, where: str) -> None:
    book = good_book(tmp_path / "book.xlsx")
    before = digest(book)
    copy = {
        "missing-folder": tmp_path / "no-such-folder" / "copy.xlsx",
        "input": book,
        "report-and-copy-same": tmp_path / "copy.xlsx",
    }[where]
    report = copy if where == "report-and-copy-same" else tmp_path / "report.json"
    run = cli("check", book, "--annotate", copy, "-o", report)
    assert run.exit_code == 2, run.output
    assert run.stdout == ""  # nothing printed: the check's own exit code is not hidden
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx"]
    assert digest(book) == before


def test_an_output_that_is_a_folder_or_in_a_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    run = cli("template", tmp_path / "folder.xlsx", "--force")
    assert run.exit_code == 2, run.output
    (tmp_path / "file").write_text("x", encoding="utf-8")
    run = cli("check", EXAMPLE, "-o", tmp_path / "file" / "r.json", "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "a part of the path is not a folder (ENOTDIR)  [output-not-writable]" in run.stderr
    assert run.stdout == ""


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root may write to a read-only folder"
)
def test_a_read_only_folder_is_refused_before_any_work(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        run = cli("check", EXAMPLE, "-o", folder / "r.json", "--lang", "en")
    finally:
        folder.chmod(0o755)
    assert run.exit_code == 2, run.output
    assert "permission denied (EACCES)  [output-not-writable]" in run.stderr
    assert run.stdout == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_a_clear_message(cli: Cli) -> None:
    run = cli("check", EXAMPLE, "-o", "/dev/full", "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "the output cannot be written: no space left on device (ENOSPC)" in run.stderr
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)  # written to, never replaced


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks")
def test_a_symlink_to_the_input_is_refused(cli: Cli, tmp_path: Path) -> None:
    book = good_book(tmp_path / "book.xlsx")
    before = digest(book)
    (tmp_path / "link.xlsx").symlink_to(book)
    for args in (["-o", "link.xlsx"], ["--annotate", "link.xlsx"]):
        run = cli("check", book, *[a if a.startswith("-") else str(tmp_path / a) for a in args])
        assert run.exit_code == 2, run.output
        assert "[output-is-input]" in run.stderr
    assert digest(book) == before
    assert (tmp_path / "link.xlsx").is_symlink()


# --- temporary files ----------------------------------------------------------------------------


def test_temporary_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    from qcity.files import TEMP_SUFFIX, write_atomic

    target = tmp_path / "report.json"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f".report.json.{dead.stdout.strip()}-0badf00d{TEMP_SUFFIX}"
    stale.write_text("half", encoding="utf-8")
    live = tmp_path / f".report.json.{os.getppid()}-0badf00d{TEMP_SUFFIX}"
    live.write_text("a live run's", encoding="utf-8")
    write_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert not stale.exists()
    assert live.exists()  # its process still runs: maybe writing


def test_without_unnamed_temporary_files_the_write_is_still_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qcity.files

    monkeypatch.setattr(qcity.files, "_has_tmpfile", lambda: False)
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    qcity.files.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# --- inputs that change while read; runs side by side -------------------------------------------


def test_a_workbook_saved_again_while_read_is_an_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = good_book(tmp_path / "book.xlsx")
    other = good_book(tmp_path / "other.xlsx").read_bytes() + b"\0"

    def saved_meanwhile(point: str) -> None:
        if point == "read":
            book.write_bytes(other)  # Excel saving in place while qcity reads

    monkeypatch.setattr("qcity.zipguard.reached", saved_meanwhile)
    run = cli("check", book, "--lang", "en")
    assert run.exit_code == 3, run.output
    assert run.stdout == ""
    assert f"✖ error {book}  the file changed while it was being read" in run.stderr
    assert "[file-changed]" in run.stderr


def qcity_process(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QCITY_")}
    env["QCITY_CACHE_DIR"] = os.environ.get("QCITY_CACHE_DIR", str(cwd / "cache"))
    return subprocess.Popen(
        [sys.executable, "-m", "qcity", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_runs_writing_one_output_leave_one_complete_file(
    cli: Cli, tmp_path: Path
) -> None:
    books = tmp_path / "in"
    books.mkdir()
    for name in ("a", "b", "c"):
        good_book(books / f"{name}.xlsx")
    before = {p.name: digest(p) for p in books.iterdir()}
    today = ["--today", "2015-06-01"]
    expected = {}
    for lang in ("zh", "en"):
        solo = tmp_path / f"solo-{lang}.json"
        cli("check", books, "-o", solo, "--lang", lang, *today)
        expected[lang] = solo.read_text(encoding="utf-8")
    assert expected["zh"] != expected["en"]
    shared = tmp_path / "shared.json"
    runs = [
        qcity_process(["check", str(books), "-o", str(shared), "--lang", lang, *today], tmp_path)
        for lang in ("zh", "en", "zh", "en")
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert shared.read_text(encoding="utf-8") in expected.values()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    # two runs checking the same folder did not disturb each other or the folder
    assert {p.name: digest(p) for p in books.iterdir()} == before


# --- signals --------------------------------------------------------------------------------------


def test_exit_codes_of_signals_follow_the_shell_convention() -> None:
    from qcity.cli.outcome import EXIT_INTERRUPTED, EXIT_TERMINATED

    assert EXIT_INTERRUPTED == 128 + signal.SIGINT
    assert EXIT_TERMINATED == 128 + signal.SIGTERM


def test_no_annotated_copy_of_a_workbook_saved_again_after_its_check(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = good_book(tmp_path / "book.xlsx")
    other = good_book(tmp_path / "other.xlsx").read_bytes() + b"\0"

    def saved_meanwhile(point: str) -> None:
        if point == "render":  # the report is rendered between the check and the copy
            book.write_bytes(other)

    monkeypatch.setattr("qcity.faults.reached", saved_meanwhile)
    run = cli("check", book, "--annotate", tmp_path / "copy.xlsx")
    assert run.exit_code == 3, run.output
    assert "[file-changed]" in run.stderr
    assert not (tmp_path / "copy.xlsx").exists()
