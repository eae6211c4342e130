"""Golden files: every format of every view a case folder under tests/cases/ runs equals its expected file.

Each case folder holds case.yaml and one expected file per output. case.yaml names its inputs and
the command-line options that pin the date and language:
- one workbook, written from readable rows (`file` and `sheets`), or a file of the repository
  (`example: true` for the bundled example, or `path`);
- or a folder of workbooks (`folder` and `workbooks`, each one `sheets` or a `text` that is not a
  workbook at all), or a folder of the repository (`path`);
- for `diff`, two such inputs under `old` and `new`; for `explain`, the indicator `code`.
`views` lists what the case runs (check and gaps when absent; batch is `check` on a folder) and
`exit` pins the exit code each view must end with. A new folder is a new case.

After an intended change of output, rewrite the expected files with `pytest tests/test_golden.py
--update-golden` and review the diff; the exit codes in case.yaml are pinned by hand.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import EXAMPLE, ROOT, Run, Sheet, write_workbook

CASES = sorted(p.parent for p in (ROOT / "tests" / "cases").glob("*/case.yaml"))

# view -> output file -> the format that writes it (None: the view has one format, no --format)
VIEWS: dict[str, dict[str, str | None]] = {
    "check": {
        "check.txt": "text",
        "check.json": "json",
        "check.junit.xml": "junit",
        "check.md": "markdown",
        "check.github.txt": "github",
        "check.html": "html",
    },
    "gaps": {
        "gaps.txt": "text",
        "gaps.md": "markdown",
        "gaps.json": "json",
        "gaps.xlsx.json": "xlsx",
    },
    "batch": {
        "batch.txt": "text",
        "batch.json": "json",
        "batch.junit.xml": "junit",
        "batch.md": "markdown",
        "batch.github.txt": "github",
        "batch.html": "html",
        "batch.xlsx.json": "xlsx",
    },
    "plan": {"plan.txt": "text", "plan.json": "json", "plan.md": "markdown"},
    "diff": {"diff.txt": "text", "diff.md": "markdown", "diff.json": "json"},
    "explain": {"explain.txt": None},
}
DEFAULT_VIEWS = ("check", "gaps")
# how many lines of unified diff a mismatched file shows in the failure message
DIFF_LINES = 60


def load_case(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    return data


def in_repository(spec: dict[str, Any]) -> bool:
    """Whether *spec* names a file of the repository (read from the root) rather than one to build."""
    return bool(spec.get("example") or spec.get("path"))


def build_sheets(path: Path, sheets: dict[str, Any]) -> None:
    specs = {
        name: Sheet(
            rows=spec["rows"],
            formats=spec.get("formats", {}),
            hidden_rows=spec.get("hidden_rows", ()),
            text_cells=spec.get("text_cells", ()),
        )
        for name, spec in sheets.items()
    }
    write_workbook(path, specs)


def build_input(spec: dict[str, Any], workdir: Path) -> Path:
    """The workbook or folder of *spec*, as a path relative to *workdir* (so reports name it stably)."""
    if spec.get("example"):
        return EXAMPLE.relative_to(ROOT)
    if spec.get("path"):
        return Path(spec["path"])
    if "folder" in spec:
        folder = workdir / spec["folder"]
        folder.mkdir(parents=True)
        for name, book in spec["workbooks"].items():
            if "text" in book:
                (folder / name).write_text(book["text"], encoding="utf-8")
            else:
                build_sheets(folder / name, book["sheets"])
        return Path(spec["folder"])
    build_sheets(workdir / spec["file"], spec["sheets"])
    return Path(spec["file"])


def case_workbooks(case: dict[str, Any], workdir: Path) -> list[Path]:
    """Every workbook the inputs of *case* hold (built under *workdir*, or in the repository)."""
    specs = [case["old"], case["new"]] if "old" in case else [case]
    found: list[Path] = []
    for spec in specs:
        path = build_input(spec, workdir)
        path = workdir / path if (workdir / path).exists() else ROOT / path
        if path.is_dir():
            texts = {name for name, book in spec.get("workbooks", {}).items() if "text" in book}
            found += sorted(p for p in path.glob("*.xlsx") if p.name not in texts)
        else:
            found.append(path)
    return found


def command(view: str, case: dict[str, Any], inputs: dict[str, Path]) -> list[str | Path]:
    """The command line that runs *view* on the inputs of *case*, without format and output."""
    if view == "diff":
        return ["diff", inputs["old"], inputs["new"]]
    if view == "explain":
        return ["explain", case["code"], inputs["input"]]
    return ["check" if view == "batch" else view, inputs["input"]]


def xlsx_cells(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's rows of values, for comparing a workbook as text."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def unified(expected: str | None, actual: str, name: str) -> str:
    """The unified diff from the expected file to the actual output, cut to DIFF_LINES lines."""
    if expected is None:
        return f"--- {name}: no expected file (run with --update-golden)\n"
    lines = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"expected/{name}",
            tofile=f"actual/{name}",
        )
    )
    cut = f"… {len(lines) - DIFF_LINES} more lines\n" if len(lines) > DIFF_LINES else ""
    return (
        "".join(line if line.endswith("\n") else line + "\n" for line in lines[:DIFF_LINES]) + cut
    )


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_golden(
    folder: Path,
    cli: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    case = load_case(folder)
    specs = {"old": case["old"], "new": case["new"]} if "old" in case else {"input": case}
    from_repository = {in_repository(spec) for spec in specs.values()}
    assert len(from_repository) == 1, "a case's inputs are all in the repository or all built"
    workdir = ROOT if from_repository == {True} else tmp_path
    inputs = {key: build_input(spec, workdir) for key, spec in specs.items()}
    monkeypatch.chdir(workdir)
    views = case.get("views", DEFAULT_VIEWS)
    assert set(views) <= set(VIEWS), f"unknown views in {folder / 'case.yaml'}"
    assert set(case["exit"]) == set(views), "case.yaml pins the exit code of every view it runs"
    update = request.config.getoption("--update-golden")
    differences = []
    for view in views:
        for name, fmt in VIEWS[view].items():
            out = tmp_path / "out" / (name.removesuffix(".json") if fmt == "xlsx" else name)
            out.parent.mkdir(exist_ok=True)
            chosen = ["--format", fmt] if fmt else []
            run = cli(*command(view, case, inputs), *chosen, "-o", out, *case.get("args", []))
            assert run.exit_code == case["exit"][view], f"{name}: {run.output}"
            assert run.stdout == "", run.stdout
            if fmt == "xlsx":
                actual = json.dumps(xlsx_cells(out), ensure_ascii=False, indent=1) + "\n"
            else:
                actual = out.read_text(encoding="utf-8")
            expected_path = folder / name
            if update:
                expected_path.write_text(actual, encoding="utf-8")
            expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else None
            if actual != expected:
                differences.append(unified(expected, actual, name))
    if differences:
        pytest.fail(f"outputs differ from {folder} (see --update-golden):\n" + "".join(differences))


def test_every_format_has_a_golden_file() -> None:
    from qcity.render import formats

    registered = {view: set(formats(view)) for view in ("check", "gaps", "batch", "plan", "diff")}
    for view, known in registered.items():
        assert set(VIEWS[view].values()) == known, view
    run_by = {
        view: [c.name for c in CASES if view in load_case(c).get("views", DEFAULT_VIEWS)]
        for view in VIEWS
    }
    assert all(run_by.values()), f"a view without a golden case: {run_by}"
    assert len(run_by["check"]) >= 4
