"""The output layer's structure: no view's format module imports another view's format module
(what they share lives in render/: console, html_page, junit_xml, markdown_table,
github_commands, verdict), and the quick formats of a check do not load rich."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import qcity.render

RENDER = Path(qcity.render.__file__).parent
VIEWS = ("check", "batch", "gaps", "plan", "diff", "explain", "catalogue")

# Still imported across views, each for a stated reason:
# - check/json.py's dict builders make the other views' JSON (batch, gaps, plan, diff); they move
#   with the typed JSON shapes (render/schemas), which own them next;
# - the batch's github format writes each file's annotations with the check view's GithubReporter;
# - the plan view says a phase and the acceptance milestone as the gaps view does: it takes
#   them (milestone_text, phase_label) from the gaps view's shared module, not a format module.
ACROSS = {
    "qcity.render.check.json",
    "qcity.render.check.github",
    "qcity.render.gaps.common",
}


def imported_modules(path: Path) -> set[str]:
    """Every module *path* imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from qcity.render.check import text\n    import rich.table\n")
    assert imported_modules(probe) == {
        "qcity.render.check",
        "qcity.render.check.text",
        "rich.table",
    }


def test_no_view_imports_another_views_format_modules() -> None:
    crossing: dict[str, set[str]] = {}
    modules = 0
    for view in VIEWS:
        for path in sorted((RENDER / view).glob("*.py")):
            modules += 1
            for module in imported_modules(path):
                parts = module.split(".")
                if len(parts) >= 4 and parts[:2] == ["qcity", "render"] and parts[2] in VIEWS:
                    other = ".".join(parts[:4])
                    if parts[2] != view and other not in ACROSS:
                        crossing.setdefault(f"{view}/{path.name}", set()).add(other)
    assert modules >= 15  # the scan reaches every view's formats
    assert crossing == {}


def test_the_quick_check_formats_do_not_load_rich() -> None:
    # json for scripts, and the formats that write text without a console: the verdict line
    # they share is plain (render/verdict.py); only the text report needs rich.
    probe = (
        "import importlib, sys\n"
        "for name in ('json', 'markdown', 'html', 'github', 'junit'):\n"
        "    importlib.import_module(f'qcity.render.check.{name}')\n"
        "importlib.import_module('qcity.render.catalogue.json')\n"
        "print('rich' in sys.modules)\n"
        "importlib.import_module('qcity.render.check.text')\n"
        "print('rich' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]
