"""The README stays true: its commands, its example output, its tables of codes."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from qcity import cli as cli_module
from qcity.cli.outcome import ISSUE_EXIT_CODES
from qcity.errors import ISSUE_TYPES

from .conftest import ROOT, Run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```\w*\n(.*?)```", README, re.S)
    assert match, marker
    return match.group(1)


def test_readme_starts_with_the_two_commands() -> None:
    first_blocks = re.findall(r"```sh\n(.*?)```", README, re.S)[:2]
    assert first_blocks[0] == block_after("example-command")
    assert first_blocks[1] == block_after("test-command")
    assert "qcity check data/example-submission.xlsx" in first_blocks[0]
    assert first_blocks[1].strip().endswith("pytest")
    assert README.index("<!-- test-command -->") < README.index("## ")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    script = ROOT / ".ci" / "run"
    awk = re.search(r"cmd=\$\(awk '(.*)' README.md\)", script.read_text(encoding="utf-8"))
    assert awk
    extracted = subprocess.run(
        ["awk", awk.group(1), str(ROOT / "README.md")], capture_output=True, text=True, check=True
    ).stdout
    assert extracted == block_after("test-command")


def test_readme_shows_the_real_output(cli: Callable[..., Run]) -> None:
    run = cli("check", "data/example-submission.xlsx", env={"COLUMNS": "100"})
    assert run.exit_code == 1, run.output
    actual = "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"
    assert actual == block_after("example-output"), "run python scripts/update_readme.py"


def test_readme_shows_the_public_sample_as_it_is(cli: Callable[..., Run]) -> None:
    run = cli("check", "data/xian-2015-public.xlsx", env={"COLUMNS": "100"})
    assert run.exit_code == 1, run.output
    actual = "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"
    assert actual == block_after("public-output"), "run python scripts/update_readme.py"


def test_readme_shows_the_real_explanation(cli: Callable[..., Run]) -> None:
    run = cli("explain", "ECO-04", "data/xian-2015-public.xlsx")
    assert run.exit_code == 0, run.output
    actual = "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"
    assert actual == block_after("explain-output"), "run python scripts/update_readme.py"


def test_every_derive_kind_and_series_is_documented() -> None:
    from qcity.catalogue import load_catalogue
    from qcity.model import DERIVE_KINDS

    section = README.split("## Derived indicators", 1)[1].split("\n## ", 1)[0]
    kinds = re.findall(r"^\| `([a-z_]+)` \| ", section, re.M)
    assert [k for k in kinds if k in DERIVE_KINDS] == list(DERIVE_KINDS)
    documented = re.findall(r"^\| `([A-Z_0-9]+)` \| ", section, re.M)
    assert documented == [s.code for s in load_catalogue().series]


def test_every_issue_code_is_documented() -> None:
    table = README.split("## Issue codes", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z-]+)` \|", table, re.M)
    assert documented == list(ISSUE_TYPES)


def test_exit_code_table_matches_the_cli() -> None:
    table = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    codes = [int(c) for c in re.findall(r"^\| (\d+) \|", table, re.M)]
    assert codes == [
        cli_module.EXIT_OK,
        cli_module.EXIT_UNMET,
        cli_module.EXIT_USAGE,
        cli_module.EXIT_INVALID,
        cli_module.EXIT_INTERNAL,
        cli_module.EXIT_INTERRUPTED,
        cli_module.EXIT_TERMINATED,
    ]
    for code, exit in ISSUE_EXIT_CODES.items():  # the issues that exit other than 3
        assert code in ISSUE_TYPES and exit in codes, code


def test_readme_shows_the_real_gaps_output(cli: Callable[..., Run]) -> None:
    run = cli("gaps", "data/example-submission.xlsx", "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    actual = "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"
    assert actual == block_after("gaps-output"), "run python scripts/update_readme.py"


def test_readme_lists_every_report_format() -> None:
    from qcity.render import formats

    table = README.split("## Reports for CI and for people", 1)[1].split("\n### ", 1)[0]
    assert re.findall(r"^\| `([a-z]+)` \|", table, re.M) == list(formats("check"))


def test_readme_shows_the_real_plan_output(cli: Callable[..., Run]) -> None:
    args = ("data/example-submission.xlsx", "--today", "2015-06-01", "--lead", "市质监局")
    run = cli("plan", *args, env={"COLUMNS": "100"})
    assert run.exit_code == 0, run.output
    actual = "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"
    assert actual == block_after("plan-output"), "run python scripts/update_readme.py"


def test_readme_shows_the_real_batch_district_and_diff_outputs(cli: Callable[..., Run]) -> None:
    blocks = {
        "district-output": (["check", "data/monthly/2015-07/全市汇总.xlsx"], 3, "区县（"),
        "batch-output": (["check", "data/monthly/2015-07", "--today", "2015-08-01"], 3, None),
        "diff-output": (
            ["diff", "data/monthly/2015-06", "data/monthly/2015-07", "--changed-only"],
            1,
            None,
        ),
    }
    for marker, (args, code, start) in blocks.items():
        run = cli(*args, env={"COLUMNS": "100"})
        assert run.exit_code == code, (marker, run.output)
        actual = "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"
        if start is not None:
            actual = actual[actual.index("\n" + start) + 1 :]
        assert actual == block_after(marker), f"{marker}: run python scripts/update_readme.py"


def test_readme_shows_the_example_city_as_it_is(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    city = "data/example-city"
    blocks = {
        "city-draft-output": (["catalogue", "draft", f"{city}/plan.txt"], 0, 68),
        "city-validate-output": (
            ["catalogue", "validate", f"{city}/catalogue.yaml", "--plan", f"{city}/plan.txt"],
            0,
            None,
        ),
        "city-check-output": (
            [
                *("check", f"{city}/submission.xlsx", "-c", f"{city}/catalogue.yaml"),
                *("--today", "2026-01-15"),
            ],
            1,
            None,
        ),
    }
    for marker, (args, code, head) in blocks.items():
        run = cli(*args, env={"COLUMNS": "100"})
        assert run.exit_code == code, (marker, run.output)
        lines = [line.rstrip() + "\n" for line in run.stdout.splitlines()]
        actual = "".join(lines[:head] if head else lines)
        assert actual == block_after(marker), f"{marker}: run python scripts/update_readme.py"
    # the template is written into a scratch folder holding a copy of the example
    shutil.copytree(ROOT / city, tmp_path / city)
    monkeypatch.chdir(tmp_path)
    run = cli("template", "ours-template.xlsx", "-c", f"{city}/catalogue.yaml")
    assert run.exit_code == 0, run.output
    assert run.stdout == block_after("city-template-output")
    assert (tmp_path / "ours-template.xlsx").exists()
    section = README.split("## Your city's plan", 1)[1].split("\n## ", 1)[0]
    assert "qcity catalogue draft plan.txt -o ours.yaml" in section
