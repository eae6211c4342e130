"""Entity attacks are refused whichever XML parser openpyxl uses, and by two independent layers.

openpyxl picks its parsers at import time: lxml's `fromstring` when lxml is importable (with
`resolve_entities=False`), else the standard library's, replaced by defusedxml's when that is
installed; worksheets and shared strings always go through `iterparse` (defusedxml's when
installed). qcity's own guard (qcity.xmlguard) reads each part's prolog with expat first and
refuses any DTD. These tests run each attack in a child process for each parser choice, with
the guard on and with it switched off, so each layer is shown to hold on its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from . import corpus as c
from .conftest import data_rows, write_workbook
from .test_hostile import laughs_in, xxe_in

CHILD = """
import os, sys
import openpyxl
from qcity.cli import app
if os.environ["GUARD"] == "off":
    import qcity.xmlguard
    qcity.xmlguard.PrologCheck.feed = lambda self, chunk: True  # the first layer removed
sys.stderr.write(f"LXML={openpyxl.LXML} DEFUSEDXML={openpyxl.DEFUSEDXML}\\n")
app(sys.argv[1:], prog_name="qcity")
"""

ATTACKS = {
    "xxe-sheet": xxe_in(c.SHEET),
    "xxe-shared-strings": xxe_in(c.SST),
    "xxe-workbook-xml": xxe_in("xl/workbook.xml"),
    "laughs-sheet": laughs_in(c.SHEET),
    "laughs-shared-strings": laughs_in(c.SST),
}


def run(path: Path, parser: str, guard: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QCITY_", "OPENPYXL_"))}
    env.update(OPENPYXL_LXML="True" if parser == "lxml" else "False", GUARD=guard, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-c", CHILD, "check", str(path), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_openpyxl_parses_with_defusedxml() -> None:
    import defusedxml.ElementTree
    import openpyxl
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse is defusedxml.ElementTree.iterparse


@pytest.mark.parametrize("parser", ["stdlib", "lxml"])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_guard_refuses_every_entity_attack(tmp_path: Path, parser: str, attack: str) -> None:
    proc = run(ATTACKS[attack](tmp_path), parser, "on")
    assert f"LXML={parser == 'lxml'} DEFUSEDXML=True" in proc.stderr  # the parser asked for
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "[unsafe-xml]" in proc.stderr
    assert "declares a DTD or entities" in proc.stderr
    assert c.SECRET not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("parser", ["stdlib", "lxml"])
@pytest.mark.parametrize(
    "attack", ["xxe-sheet", "xxe-shared-strings", "laughs-sheet", "laughs-shared-strings"]
)
# Slow: compares the XML parsers themselves in subprocesses.
@pytest.mark.slow
def test_defusedxml_alone_refuses_entities_in_sheets_and_strings(
    tmp_path: Path, parser: str, attack: str
) -> None:
    # Worksheets and shared strings are parsed by (defusedxml's) iterparse in both modes.
    proc = run(ATTACKS[attack](tmp_path), parser, "off")
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "[unsafe-xml]" in proc.stderr
    assert c.SECRET not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


# Slow: compares the XML parsers themselves in subprocesses.
@pytest.mark.slow
def test_without_the_guard_workbook_xml_is_refused_by_defusedxml(tmp_path: Path) -> None:
    proc = run(ATTACKS["xxe-workbook-xml"](tmp_path), "stdlib", "off")
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "[unsafe-xml]" in proc.stderr
    assert c.SECRET not in proc.stdout + proc.stderr


# Slow: compares the XML parsers themselves in subprocesses.
@pytest.mark.slow
def test_without_the_guard_lxml_ignores_the_entity_and_leaks_nothing(tmp_path: Path) -> None:
    # lxml parses xl/workbook.xml with resolve_entities=False: the external entity is neither
    # fetched nor refused. Only qcity's guard refuses it (test above); nothing leaks either way.
    proc = run(ATTACKS["xxe-workbook-xml"](tmp_path), "lxml", "off")
    assert "LXML=True" in proc.stderr
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    assert c.SECRET not in proc.stdout + proc.stderr


# Slow: compares the XML parsers themselves in subprocesses.
@pytest.mark.slow
def test_a_clean_workbook_reads_the_same_with_either_parser(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "ok.xlsx", {"数据": data_rows({"PRD-02": 95})})
    outputs = {parser: run(path, parser, "on") for parser in ("stdlib", "lxml")}
    assert {p.returncode for p in outputs.values()} == {1}, {
        parser: p.stdout + p.stderr for parser, p in outputs.items()
    }
    assert outputs["stdlib"].stdout == outputs["lxml"].stdout
