"""Run the check and --annotate on one real-world file and on a copy given a 数据 sheet.

Kept apart from the test so that it runs in a forked worker per file: each file's peak memory
is then that worker's own, and a file that hangs costs one worker, not the run.
"""

from __future__ import annotations

import io
import json
import re
import resource
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from qcity.cli import app
from qcity.workbook.reader import COLUMNS

from .conftest import all_met

CODES = list(all_met())
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET_TYPE = f"{REL_NS}/worksheet"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
GRAFT_PART = "xl/worksheets/qcity-graft.xml"
# A cell element of the main namespace without a prefix (what every producer here writes).
CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.DOTALL)


@dataclass
class Run:
    """One CLI run: arguments, exit code, seconds, statuses read from its JSON, a traceback."""

    args: list[str]
    code: int
    seconds: float
    statuses: dict[str, str] = field(default_factory=dict)
    traceback: bool = False
    text: str = ""


@dataclass
class Outcome:
    """Everything done with one file."""

    file: str
    runs: list[Run] = field(default_factory=list)
    rss_mb: float = 0.0
    problems: list[str] = field(default_factory=list)


def _cli(*args: str | Path) -> Run:
    start = time.perf_counter()
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "120"})
    seconds = time.perf_counter() - start
    text = (result.stdout or "") + (result.stderr or "")
    run = Run([str(a) for a in args], result.exit_code, seconds, text=text[-2000:])
    run.traceback = "Traceback (most recent call last)" in text or (
        result.exception is not None and not isinstance(result.exception, SystemExit)
    )
    if "--format" in run.args and result.stdout.startswith("{"):
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError:
            run.traceback = True  # a broken document is as bad
        else:
            run.statuses = {
                **{i["code"]: i["status"] for i in report["indicators"]},
                **{
                    f"{i['code']}@{d['name']}": i["status"]
                    for d in report.get("districts", [])
                    for i in d.get("indicators", [])
                },
            }
    return run


def graft(source: bytes) -> bytes | None:
    """*source* with a 数据 sheet added whose figure, note and district cells are the original's
    own first cells (types, styles, formulas, shared strings and all); None if it cannot be."""
    try:
        with zipfile.ZipFile(io.BytesIO(source)) as z:
            infos = z.infolist()
            parts = {i.filename: z.read(i) for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return None
    folded = {n.lower(): n for n in parts}
    names = [
        folded.get(n)
        for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[content_types].xml")
    ]
    if None in names:
        return None
    workbook_name, rels_name, types_name = (n for n in names if n is not None)
    workbook = parts[workbook_name].decode("utf-8", "replace")
    prefix = re.search(rf'xmlns:(\w+)="{re.escape(REL_NS)}"', workbook)
    if prefix is None or "</sheets>" not in workbook:
        return None
    first = _first_sheet(parts, folded)
    cells = CELL.findall(first)[:200] if first else []
    cells = [c for c in cells if not c.endswith(b"/>") and b't="shared"' not in c]
    parts[GRAFT_PART] = _graft_sheet(cells)
    ids = [int(n) for n in re.findall(r'sheetId="(\d+)"', workbook)] or [0]
    parts[workbook_name] = workbook.replace(
        "</sheets>",
        f'<sheet name="数据" sheetId="{max(ids) + 1}" {prefix.group(1)}:id="rIdQcityGraft"/></sheets>',
        1,
    ).encode()
    parts[rels_name] = parts[rels_name].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdQcityGraft" Type="{SHEET_TYPE}" '
        'Target="worksheets/qcity-graft.xml"/></Relationships>'.encode(),
        1,
    )
    parts[types_name] = parts[types_name].replace(
        b"</Types>",
        f'<Override PartName="/{GRAFT_PART}" ContentType="{SHEET_CT}"/></Types>'.encode(),
        1,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _first_sheet(parts: dict[str, bytes], folded: dict[str, str]) -> bytes | None:
    for name in sorted(folded):
        if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
            return parts[folded[name]]
    return None


def _graft_sheet(cells: list[bytes]) -> bytes:
    header = [
        COLUMNS[k][0] for k in ("code", "value", "numerator", "denominator", "note", "district")
    ]
    rows = [
        b'<row r="1">'
        + b"".join(
            f'<c r="{chr(65 + n)}1" t="inlineStr"><is><t>{h}</t></is></c>'.encode()
            for n, h in enumerate(header)
        )
        + b"</row>"
    ]
    values = all_met()
    for n, code in enumerate(CODES, start=2):
        row = [f'<c r="A{n}" t="inlineStr"><is><t>{code}</t></is></c>'.encode()]
        real = n - 2
        if real < len(cells):
            row.append(_moved(cells[real], f"B{n}"))  # a real cell where the figure goes
        else:
            value = values[code]
            text = f"<is><t>{value}</t></is>" if isinstance(value, str) else ""
            row.append(
                f'<c r="B{n}" t="inlineStr">{text}</c>'.encode()
                if text
                else f'<c r="B{n}"><v>{value}</v></c>'.encode()
            )
        if real + 23 < len(cells):
            row.append(_moved(cells[real + 23], f"E{n}"))  # and where the note goes
        if n > len(CODES) - 3 and real + 46 < len(cells):
            row.append(_moved(cells[real + 46], f"F{n}"))  # and a few districts
        rows.append(f'<row r="{n}">'.encode() + b"".join(row) + b"</row>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}" '
        f'xmlns:r="{REL_NS}"><sheetData>'.encode()
        + b"".join(rows)
        + b'</sheetData><mergeCells count="1"><mergeCell ref="E20:E21"/></mergeCells></worksheet>'
    )


def _moved(cell: bytes, ref: str) -> bytes:
    return re.sub(rb'\br="[A-Z]+\d+"', f'r="{ref}"'.encode(), cell, count=1)


def exercise(path: Path, work: Path) -> Outcome:
    """Check *path*, annotate it, re-check the copy; the same for its grafted copy."""
    outcome = Outcome(str(path))
    start_mb = _status_mb("VmRSS")
    work.mkdir(parents=True, exist_ok=True)
    targets = [path]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        grafted = graft(path.read_bytes())
        if grafted is not None:
            target = work / f"grafted{path.suffix.lower()}"
            target.write_bytes(grafted)
            targets.append(target)
    for n, target in enumerate(targets):
        plain = _cli("check", target, "--format", "json", "--today", "2016-01-01")
        outcome.runs.append(plain)
        suffix = ".xlsm" if target.suffix.lower() == ".xlsm" else ".xlsx"
        copy = work / f"copy{n}{suffix}"
        marked = _cli(
            "check", target, "--format", "json", "--today", "2016-01-01", "--annotate", copy
        )
        outcome.runs.append(marked)
        if marked.statuses != plain.statuses:
            outcome.problems.append(f"{target.name}: --annotate changed the statuses")
        if plain.statuses and not copy.exists():  # the check read it: so must the copy
            reason = marked.text.strip().splitlines()[-2:] if marked.text.strip() else []
            outcome.problems.append(f"{target.name}: no copy was written: {reason}")
        if copy.exists():
            again = _cli("check", copy, "--format", "json", "--today", "2016-01-01")
            outcome.runs.append(again)
            if again.statuses != plain.statuses:
                differ = {
                    k: (plain.statuses.get(k), again.statuses.get(k))
                    for k in plain.statuses.keys() | again.statuses.keys()
                    if plain.statuses.get(k) != again.statuses.get(k)
                }
                outcome.problems.append(f"{target.name}: the copy re-checked differs: {differ}")
            try:
                from openpyxl import load_workbook

                load_workbook(copy).close()
            except Exception as e:  # any failure to open is the finding
                outcome.problems.append(f"{target.name}: openpyxl cannot open the copy: {e!r}")
    # A forked worker starts with its parent's pages (pytest's, however large the run has made
    # it): the file's cost is the peak over what the worker held when it started.
    outcome.rss_mb = max(_status_mb("VmHWM") - start_mb, 0.0)
    return outcome


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MB (ru_maxrss where none)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if field == "VmHWM" else 0.0


def as_json(outcome: Outcome) -> dict[str, Any]:
    """The outcome as plain data (to cross the process boundary and for the figures file)."""
    return {
        "file": outcome.file,
        "rss_mb": outcome.rss_mb,
        "problems": outcome.problems,
        "runs": [
            {
                "args": r.args[1:2] + r.args[-2:] if "--annotate" in r.args else r.args[1:2],
                "code": r.code,
                "seconds": r.seconds,
                "traceback": r.traceback,
                "text": r.text if (r.code == 4 or r.traceback) else "",
            }
            for r in outcome.runs
        ],
    }
