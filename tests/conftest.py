"""Shared fixtures: workbooks built from readable Python data, and a pinned CLI runner."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# openpyxl chooses its XML parser when first imported: run the suite on the parsers a plain
# `pip install qcity` gets, although lxml is installed for tests/test_xml_safety.py.
os.environ.setdefault("OPENPYXL_LXML", "False")

from openpyxl import Workbook
from typer.testing import CliRunner

from qcity.catalogue import load_catalogue
from qcity.cli import app
from qcity.model import Catalogue

# Property tests check behaviour, not speed: on a shared 2-core CI machine a single example
# can take longer than hypothesis' default 200 ms deadline, which made a correct test flaky.
settings.register_profile("qcity", deadline=None)
settings.load_profile("qcity")

# The locale chooses the default language (zh_* → zh, en_* → en): pin it, so that outputs do not
# depend on the machine's; tests of the locale set it themselves.
for _var in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"


def pytest_configure(config: pytest.Config) -> None:
    # The catalogue cache of this run lives in a fresh folder, never in the user's home
    # (subprocesses inherit it through the environment).
    import os
    import tempfile

    os.environ["QCITY_CACHE_DIR"] = tempfile.mkdtemp(prefix="qcity-test-cache-")


ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "example-submission.xlsx"
PLAN_TEXT = ROOT / "data" / "plan-2014-27.txt"

HEADER = ["指标代码", "实际值", "分子", "分母", "备注"]
# How many indicators the bundled catalogue has: every count in the tests comes from it.
N = len(load_catalogue().indicators)


@dataclass
class Sheet:
    """A sheet to write: rows of values (None = empty), plus formats and hidden rows."""

    rows: Sequence[Sequence[Any]]
    formats: Mapping[str, str] = field(default_factory=dict)  # "B2" -> "0.0%"
    hidden_rows: Sequence[int] = ()
    state: str = "visible"
    merged: Sequence[str] = ()
    text_cells: Sequence[str] = ()  # cells kept as text even when they start with "="


def write_workbook(path: Path, sheets: Mapping[str, Sheet | Sequence[Sequence[Any]]]) -> Path:
    """Write *sheets* (name -> Sheet or plain rows) to *path* with openpyxl and return it."""
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    for name, spec in sheets.items():
        sheet = spec if isinstance(spec, Sheet) else Sheet(rows=spec)
        ws = wb.create_sheet(name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for coord, fmt in sheet.formats.items():
            ws[coord].number_format = fmt
        for r in sheet.hidden_rows:
            ws.row_dimensions[r].hidden = True
        for rng in sheet.merged:
            ws.merge_cells(rng)
        for coord in sheet.text_cells:
            ws[coord].data_type = "s"
        ws.sheet_state = sheet.state
    wb.save(path)
    return path


def data_rows(values: Mapping[str, Any], *, header: Sequence[str] = HEADER) -> list[list[Any]]:
    """A header row and one row per code: a value, or a tuple matching the header after the code."""
    rows: list[list[Any]] = [list(header)]
    for code, value in values.items():
        rest = list(value) if isinstance(value, tuple) else [value]
        rows.append([code, *rest])
    return rows


SERIES_HEADER = ["序列代码", "单位", "口径"]


def series_rows(
    years: Sequence[int | str],
    series: Mapping[str, Sequence[Any]],
    *,
    units: Mapping[str, str] | None = None,
    bases: Mapping[str, str] | None = None,
) -> list[list[Any]]:
    """A series sheet: header `序列代码 单位 口径 <years>`, then one row per code with its figures."""
    rows: list[list[Any]] = [[*SERIES_HEADER, *years]]
    for code, figures in series.items():
        unit = (units or {}).get(code)
        basis = (bases or {}).get(code)
        rows.append([code, unit, basis, *figures])
    return rows


def all_met() -> dict[str, Any]:
    """A value for every indicator of the bundled catalogue that meets its target."""
    return {
        "PRD-01": 95, "PRD-02": 96, "PRD-03": 97, "PRD-04": 96,
        "CON-01": 100, "CON-02": 99, "CON-03": 100, "CON-04": 100,
        "SRV-01": 2, "SRV-02": 85, "SRV-03": 80,
        "ENV-01": 14, "ENV-02": 15, "ENV-03": "是", "ENV-04": 94, "ENV-05": 75,
        "ENV-06": 96, "ENV-07": 49,
        "ECO-01": 11.5, "ECO-02": 17, "ECO-03": 53.2, "ECO-04": 2.4, "ECO-05": 5.6,
        "SAF-01": "是",
    }  # fmt: skip


# --- slow tests and real programs ---------------------------------------------------------------
# The README's test command is the fast run; .ci/run sets QCITY_SLOW=1 (the tests marked `slow`
# run too) and QCITY_REQUIRE_PROGRAMS=1 (a missing LibreOffice or Chromium is a failure there,
# a skip with its reason on a fresh machine).


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _env_flag("QCITY_SLOW") or "slow" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="slow: runs with QCITY_SLOW=1 (as .ci/run does) or -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def require_program(*names: str) -> str:
    """The path of the first of *names* on PATH; else skip, or fail under QCITY_REQUIRE_PROGRAMS."""
    import shutil

    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"{names[0]} is not installed (.ci/run installs it)"
    if _env_flag("QCITY_REQUIRE_PROGRAMS"):
        pytest.fail(f"{reason}, and QCITY_REQUIRE_PROGRAMS=1 requires it")
    pytest.skip(reason)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the expected outputs under tests/cases/ from the current program.",
    )


@pytest.fixture
def make_submission(tmp_path: Path) -> Callable[..., Path]:
    """Build a one-sheet submission from {code: value}; options go to data_rows/Sheet."""
    counter = iter(range(1_000_000))

    def make(
        values: Mapping[str, Any],
        *,
        name: str | None = None,
        sheet: str = "数据",
        header: Sequence[str] = HEADER,
        formats: Mapping[str, str] | None = None,
        hidden_rows: Sequence[int] = (),
        above: Sequence[Sequence[Any]] = (),
    ) -> Path:
        rows = [*[list(r) for r in above], *data_rows(values, header=header)]
        path = tmp_path / (name or f"submission-{next(counter)}.xlsx")
        return write_workbook(
            path, {sheet: Sheet(rows=rows, formats=formats or {}, hidden_rows=hidden_rows)}
        )

    return make


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The bundled catalogue."""
    return load_catalogue()


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Run]]:
    """Invoke the qcity CLI in-process with a pinned environment (no colour, fixed width)."""
    for var in ("QCITY_LANG", "QCITY_CATALOGUE", "QCITY_DEBUG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")
    runner = CliRunner()

    def invoke(*args: str | Path, env: Mapping[str, str] | None = None) -> Run:
        result = runner.invoke(app, [str(a) for a in args], env=dict(env or {}))
        run = Run(result.exit_code, result.stdout, result.stderr, result.exception)
        validate_output([str(a) for a in args], run)
        return run

    yield invoke


def digest(path: Path) -> tuple[str, int]:
    """The content hash and modification time of *path*, to prove it was not touched."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


# --- every machine-readable output of the suite is checked against its published schema ---------

JUNIT_XSD = ROOT / "tests" / "data" / "junit-10.xsd"


def _option(args: Sequence[str], *names: str) -> str | None:
    for n, arg in enumerate(args):
        for name in names:
            if arg == name and n + 1 < len(args):
                return args[n + 1]
            if arg.startswith(name + "="):
                return arg.split("=", 1)[1]
    return None


def validate_output(args: Sequence[str], run: Run) -> None:
    """Validate what a `check`, `gaps`, `plan` or `diff` run wrote (stdout or -o) against its schema."""
    if (
        not args
        or args[0] not in ("check", "gaps", "plan", "diff")
        or run.exit_code not in (0, 1, 2, 3)
    ):
        return
    fmt = _option(args, "--format", "-f")
    out = _option(args, "--output", "-o")
    if fmt not in ("json", "junit"):
        return
    if out is not None:
        if run.exit_code == 2:
            return  # a usage error writes no report (a batch's file not found writes one, to stdout)
        path = Path(out)
        if not path.exists():
            return
        text = path.read_text(encoding="utf-8")
    else:
        text = run.stdout
    if not text:
        return
    if fmt == "json":
        assert_valid_json(text, gaps=args[0] == "gaps", plan=args[0] == "plan")
    elif args[0] == "check":
        assert_valid_junit(text)


def assert_valid_json(text: str, *, gaps: bool = False, plan: bool = False) -> None:
    """The document validates against its schema: `qcity schema report`, `batch` (a document of
    kind "batch"), `diff` (kind "diff"), `gaps` or `plan`."""
    import json

    import jsonschema

    from qcity.render.diff.json import diff_json_schema
    from qcity.render.gaps.json import gaps_json_schema
    from qcity.render.json_schema import batch_json_schema, report_json_schema
    from qcity.render.plan.json import plan_json_schema

    document = json.loads(text)
    kind = document.get("kind") if isinstance(document, dict) else None
    if plan:
        schema = plan_json_schema()
    elif gaps:
        schema = gaps_json_schema()
    elif kind == "batch":
        schema = batch_json_schema()
    elif kind == "diff":
        schema = diff_json_schema()
    else:
        schema = report_json_schema()
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)


def assert_valid_junit(text: str) -> None:
    """The document validates against the Jenkins JUnit XSD shipped in tests/data."""
    import io

    _junit_schema().validate(io.BytesIO(text.encode("utf-8")))


_SCHEMAS: dict[str, Any] = {}


def _junit_schema() -> Any:
    if "junit" not in _SCHEMAS:
        import xmlschema

        _SCHEMAS["junit"] = xmlschema.XMLSchema10(str(JUNIT_XSD))
    return _SCHEMAS["junit"]
