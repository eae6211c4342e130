"""The pre-commit hooks, run by pre-commit itself (`try-repo`) on a repository of workbooks.

pre-commit installs this repository into a fresh environment from the package registry (as any
user of the hook gets it), so this test needs the registry, which CI has.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, N, Run, Sheet, all_met, data_rows, write_workbook


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hooks_file_names_the_hook_command() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["qcity-check", "qcity-validate"]
    assert all(h["entry"].startswith("qcity hook") and h["language"] == "python" for h in hooks)


# Slow: pre-commit builds a virtualenv for the hook.
@pytest.mark.slow
def test_try_repo_on_a_repository_of_submissions(tmp_path: Path) -> None:
    repo = tmp_path / "submissions"
    (repo / "2015-06").mkdir(parents=True)
    git(repo, "init", "-q")
    write_workbook(repo / "2015-06" / "市质监局.xlsx", {"数据": data_rows(all_met())})
    unmet = all_met() | {"PRD-02": 93.9}
    write_workbook(repo / "2015-06" / "市建委.xlsx", {"数据": Sheet(rows=data_rows(unmet))})
    (repo / "README.txt").write_text("not a workbook\n", encoding="utf-8")
    git(repo, "add", ".")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "qcity check (quality-city targets)" in out
    check_block = out.split("qcity check (quality-city targets)", 1)[1].split("qcity validate", 1)[
        0
    ]
    assert "Failed" in check_block.splitlines()[0]
    assert "- exit code: 1" in check_block
    assert f"结论：{N - 1}/{N} 项达标；未达标 1" in check_block  # 市建委.xlsx: PRD-02 is unmet
    assert "PRD-02" in check_block
    validate_line = out.split("qcity validate (quality-city data)", 1)[1].splitlines()[0]
    assert "Passed" in validate_line  # an unmet target is not untrusted data


def test_hook_checks_every_file_and_exits_with_the_worst(
    cli: Callable[..., Run], make_submission: Callable[..., Path], tmp_path: Path
) -> None:
    good = make_submission(all_met(), name="good.xlsx")
    unmet = make_submission(all_met() | {"PRD-02": 93.9}, name="unmet.xlsx")
    bad = make_submission(all_met() | {"PRD-02": "n/a"}, name="bad.xlsx")
    only_good = cli("hook", good)
    assert only_good.exit_code == 0, only_good.output
    assert only_good.stdout == ""  # silent on success, like any pre-commit hook
    run = cli("hook", good, unmet, tmp_path / "gone.xlsx")
    assert run.exit_code == 2, (
        run.output
    )  # a missing file is a usage error, and the others still ran
    assert f"结论：{N - 1}/{N} 项达标；未达标 1" in run.stdout
    assert "找不到文件  [file-not-found]" in run.stderr
    assert (result := cli("hook", good, unmet, bad)).exit_code == 3, result.output
    assert (result := cli("hook", "--fail-on", "invalid", good, unmet)).exit_code == 0, (
        result.output
    )
    assert (result := cli("hook", "--fail-on", "invalid", unmet, bad)).exit_code == 3, result.output
