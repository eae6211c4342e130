"""The README's GitHub Actions and GitLab CI snippets really run: every workbook checked, JUnit written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT, all_met, assert_valid_junit, data_rows, write_workbook

# Slow: each snippet runs in a fresh git repository and subprocesses.
pytestmark = pytest.mark.slow

README = (ROOT / "README.md").read_text(encoding="utf-8")


def snippet(heading: str) -> Any:
    section = README.split(f"### {heading}\n", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block
    return yaml.safe_load(block.group(1))


def scripts() -> dict[str, str]:
    github = snippet("GitHub Actions")
    [step] = [
        s for s in github["jobs"]["qcity"]["steps"] if s.get("name") == "Check every workbook"
    ]
    gitlab = snippet("GitLab CI")
    assert gitlab["qcity"]["artifacts"]["reports"]["junit"] == "reports/*.xml"
    assert gitlab["qcity"]["script"][0] == "pip install qcity"
    return {"github": step["run"], "gitlab": gitlab["qcity"]["script"][1]}


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_snippet_checks_every_committed_workbook(ci: str, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "2015-06 月报").mkdir(parents=True)
    write_workbook(repo / "2015-06 月报" / "市质监局.xlsx", {"数据": data_rows(all_met())})
    write_workbook(
        repo / "2015-06 月报" / "市建委.xlsx", {"数据": data_rows(all_met() | {"CON-02": 97})}
    )
    write_workbook(repo / "scratch.xlsx", {"数据": data_rows({"PRD-02": "n/a"})})  # not committed
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "2015-06 月报"], cwd=repo, check=True)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(
        ["bash", "-c", scripts()[ci]],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr  # 市建委：CON-02 unmet
    reports = sorted(p.name for p in (repo / "reports").iterdir())
    assert reports == ["2015-06_月报_市建委.xlsx.xml", "2015-06_月报_市质监局.xlsx.xml"]
    for report in (repo / "reports").iterdir():
        assert_valid_junit(report.read_text(encoding="utf-8"))
    if ci == "github":
        assert "::error file=2015-06 月报/市建委.xlsx,title=CON-02 未达标" in proc.stdout
