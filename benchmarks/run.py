"""Side-by-side benchmarks: qcity against the floor (merely reading the file) and other tools.

Each pair runs alternately in fresh processes (a, b, a, b, …) so that both sides see the same
machine state; for each side the median CPU time (user + system, from wait4: what a shared
machine disturbs least), the median, min and max wall time and the peak RSS (GNU time's %M)
are reported, and everything is written to benchmarks/RESULTS.md with the command that
reproduces each figure with public tools (`/usr/bin/time -v`, `python -X importtime`).
Single-process pairs are judged on CPU time; the batch pair, whose point is parallelism, on
wall time.

Bytecode: on machines that set PYTHONDONTWRITEBYTECODE an editable install would recompile
qcity's modules in every process. The script compiles them first (`python -m compileall`)
and runs the children without that variable, so each side runs from .pyc files as on a
user's machine.

    python benchmarks/run.py            # the full suite (several minutes: 200,000-row workbook)
    python benchmarks/run.py --quick    # a smoke run on tiny inputs (used by the test suite)

Standard library plus what qcity already depends on. frictionless is optional (the `bench`
extra); a pair whose tool is missing is reported as skipped, never silently dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "example-submission.xlsx"
PY = sys.executable
QCITY = [PY, "-m", "qcity"]

FLOOR = """
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb[sys.argv[2]]
for row in ws.iter_rows(values_only=True):
    pass
"""


@dataclass
class Sample:
    """One measured process."""

    seconds: float
    cpu: float  # user + system seconds of the process and its children
    rss_kb: int
    returncode: int
    output_bytes: int


@dataclass
class Side:
    """One side of a pair: a label and the command that runs it."""

    label: str
    cmd: list[str]
    cwd: Path | None = None  # where it runs (default: the repository)
    samples: list[Sample] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    def peak_rss_mb(self) -> float:
        return max(s.rss_kb for s in self.samples) / 1024


@dataclass
class Pair:
    """Two commands measured side by side, and the goal they are judged against."""

    title: str
    a: Side
    b: Side
    goal: str
    # "time_ratio<=X", "time_and_rss_ratio<=X,Y", "speedup_a>=X", "speedup_b>=X" (wall), "info",
    # "ratio" (a reference: the CPU ratio, judged against nothing)
    judge: str
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)


GNU_TIME = "/usr/bin/time"
# Children run as on a user's machine: with .pyc caching (some CI images set
# PYTHONDONTWRITEBYTECODE, which would charge qcity a compile of its modules on every run)
# and without settings that change what qcity reads or prints.
CHILD_ENV = {
    k: v
    for k, v in os.environ.items()
    if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("QCITY_")
}


def run_once(cmd: Sequence[str], cwd: Path) -> Sample:
    """Run *cmd* in a fresh process; wall time, peak RSS of that process, output size.

    The kernel's ru_maxrss of a forked child includes the memory it inherited from its parent
    at fork, so the peak RSS is taken through GNU time (a small C process whose own child is
    the measured command) where it is installed, and from wait4 otherwise (then it is never
    below this script's own RSS, ~19 MB; RESULTS.md says which was used).
    """
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        wrapped = (
            [GNU_TIME, "-f", "%M", "-o", str(rss_file), *cmd] if _has_gnu_time() else list(cmd)
        )
        with (Path(tmp) / "out").open("w+b") as out:
            start = time.perf_counter()
            proc = subprocess.Popen(
                wrapped, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=CHILD_ENV
            )
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            size = out.tell()
        rss = usage.ru_maxrss
        if rss_file.exists():
            text = rss_file.read_text().strip().splitlines()
            rss = int(text[-1]) if text and text[-1].isdigit() else rss
    # wait4's usage covers the child and the children it waited for (GNU time's command).
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, rss, proc.returncode, size)


def _has_gnu_time() -> bool:
    return Path(GNU_TIME).exists()


def measure(pair: Pair, runs: int, cwd: Path) -> None:
    """Alternate the two sides *runs* times each (after one warm-up of each)."""
    for side in (pair.a, pair.b):
        run_once(side.cmd, side.cwd or cwd)  # warm the page cache and .pyc files
    for _ in range(runs):
        for side in (pair.a, pair.b):
            side.samples.append(run_once(side.cmd, side.cwd or cwd))


# --- inputs -----------------------------------------------------------------------------------


def make_large(path: Path, rows: int, districts: bool) -> Path:
    """A data sheet of *rows* rows (generated in a child process: see _generate)."""
    if not path.exists():
        args = [PY, __file__, "--generate", str(path), str(rows), "1" if districts else "0"]
        subprocess.run(args, check=True)
    return path


def _generate(path: Path, rows: int, districts: bool) -> None:
    """Write *rows* rows cycling through the catalogue (with a 区县 column if asked)."""
    from openpyxl import Workbook

    units = catalogue_units()
    codes = list(units)
    names = [f"区县{n:03d}" for n in range(1, rows // len(codes) + 2)]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    header = ["指标代码", "实际值", "分子", "分母", "备注"]
    ws.append([*header, "区县"] if districts else header)
    # A figure every indicator accepts, by its unit: the rows judge cleanly (no issue per row).
    by_unit: dict[str, object] = {"boolean": "是", "ratio": 2.4, "count": 3}
    for n in range(rows):
        code = codes[n % len(codes)]
        row = [code, by_unit.get(units[code], 95.5), None, None, None]
        ws.append([*row, names[n // len(codes)]] if districts else row)
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.replace(path)


def make_batch(folder: Path, files: int) -> Path:
    """*files* copies of the example (distinct names), for the batch pair."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = len(list(folder.glob("*.xlsx")))
    for n in range(existing, files):
        shutil.copyfile(EXAMPLE, folder / f"unit-{n:04d}.xlsx")
    return folder


def catalogue_units() -> dict[str, str]:
    """Each indicator's unit by code, asked of qcity in a child process (the parent stays small)."""
    out = subprocess.run([*QCITY, "catalogue", "--format", "json"], capture_output=True, check=True)
    return {i["code"]: i["unit"] for i in json.loads(out.stdout)["indicators"]}


def catalogue_codes() -> list[str]:
    """The indicator codes, in catalogue order."""
    return list(catalogue_units())


def inputs_tag() -> str:
    """A short digest of the catalogue's codes and units: generated workbooks are named with it,
    so a changed catalogue never meets workbooks generated for the old one."""
    import hashlib

    text = json.dumps(catalogue_units(), sort_keys=True).encode()
    return hashlib.sha256(text).hexdigest()[:8]


def frictionless_schema(path: Path) -> Path:
    """A fair Table Schema for the data sheet: known codes, unique, numbers where numbers go."""
    codes = catalogue_codes()
    schema = {
        "fields": [
            {
                "name": "指标代码",
                "type": "string",
                "constraints": {"required": True, "enum": codes, "unique": True},
            },
            {"name": "指标名称", "type": "string"},
            {"name": "单位", "type": "string"},
            {"name": "目标", "type": "string"},
            {"name": "实际值", "type": "any"},
            {"name": "分子", "type": "number", "constraints": {"minimum": 0}},
            {"name": "分母", "type": "number", "constraints": {"minimum": 0}},
            {"name": "备注", "type": "string"},
        ]
    }
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return path


def verify_frictionless(side: Side) -> str:
    """Run frictionless once and require that it really validated the data sheet's rows."""
    proc = subprocess.run(
        side.cmd, cwd=side.cwd, capture_output=True, text=True, check=False, env=CHILD_ENV
    )
    if proc.returncode != 0:
        raise SystemExit(f"frictionless failed (exit {proc.returncode}): {proc.stdout[-500:]}")
    report = json.loads(proc.stdout)
    task = report["tasks"][0]
    rows, fields = task["stats"]["rows"], task["stats"]["fields"]
    expected = example_rows()
    if rows != expected or fields != 8:
        raise SystemExit(f"frictionless read {rows} rows and {fields} fields, not {expected} and 8")
    return (
        f"frictionless really validated the sheet: exit 0, valid={report['valid']}, "
        f"{rows} rows, {fields} fields, {task['stats']['errors']} errors (checked before timing)"
    )


def example_rows() -> int:
    """The example's data rows (below its 3 header rows, not empty), counted by openpyxl in a
    child process."""
    count = (
        "import sys, openpyxl\n"
        "ws = openpyxl.load_workbook(sys.argv[1], read_only=True)['数据']\n"
        "print(sum(1 for r in ws.iter_rows(min_row=4, values_only=True) if any(r)))"
    )
    out = subprocess.run(
        [PY, "-c", count, str(EXAMPLE)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def supports(option: str) -> bool:
    """Whether `qcity check` has *option* (pairs for features not built yet are skipped)."""
    out = subprocess.run([*QCITY, "check", "--help"], capture_output=True, text=True, check=False)
    return option in out.stdout


# --- the suite ----------------------------------------------------------------------------------


def build_pairs(quick: bool, work: Path) -> list[Pair]:
    small_rows, large_rows, batch_files = (200, 2_000, 20) if quick else (5_000, 200_000, 1_000)
    pairs: list[Pair] = []
    floor = [PY, "-c", FLOOR]
    pairs.append(
        Pair(
            "0. start-up of the interpreter and of openpyxl (for reference)",
            Side("python -c 'import openpyxl'", [PY, "-c", "import openpyxl"]),
            Side("python -c pass", [PY, "-c", "pass"]),
            "none (reference figures)",
            "info",
        )
    )
    pairs.append(
        Pair(
            "1. check the example vs reading it",
            Side(
                "qcity check example --format json",
                [*QCITY, "check", str(EXAMPLE), "--format", "json"],
            ),
            Side("floor: openpyxl read-only, iterate 数据", [*floor, str(EXAMPLE), "数据"]),
            "time ratio ≤ 1.3",
            "time_ratio<=1.3",
        )
    )
    typer_floor = Side("python -c 'import typer'", [PY, "-c", "import typer"])
    pairs.append(
        Pair(
            "2a. qcity --help vs importing typer",
            Side("qcity --help", [*QCITY, "--help"]),
            typer_floor,
            "≤ 1.5×",
            "time_ratio<=1.5",
        )
    )
    pairs.append(
        Pair(
            "2b. qcity catalogue vs importing typer",
            Side("qcity catalogue", [*QCITY, "catalogue"]),
            Side("python -c 'import typer'", [PY, "-c", "import typer"]),
            "≤ 1.5×",
            "time_ratio<=1.5",
        )
    )
    pairs.append(
        Pair(
            "2c. a typer command with the options of `qcity catalogue` vs importing typer",
            Side(
                "typer command with 4 options (benchmarks/typer_floor.py)",
                [PY, str(ROOT / "benchmarks" / "typer_floor.py")],
            ),
            Side("python -c 'import typer'", [PY, "-c", "import typer"]),
            "none (reference: what typer itself costs a command with options)",
            "ratio",
        )
    )
    fl = shutil.which("frictionless")
    # frictionless refuses absolute paths ("path … is not safe", exit 1) unless --trusted: both
    # files are given by relative names from the folder they are in, and its report is checked.
    frictionless_schema(work / "schema.json")
    shutil.copyfile(EXAMPLE, work / EXAMPLE.name)
    fr = Pair(
        "3. qcity check vs frictionless validate (same workbook)",
        Side(
            "qcity check example --format json", [*QCITY, "check", str(EXAMPLE), "--format", "json"]
        ),
        Side(
            "frictionless validate --schema (json)",
            [
                fl or "frictionless",
                "validate",
                EXAMPLE.name,
                "--schema",
                "schema.json",
                "--sheet",
                "数据",
                "--header-rows",
                "3",
                "--json",
            ],
            cwd=work,
        ),
        "qcity ≥ 3× faster",
        "speedup_a>=3",
    )
    if fl is None:
        fr.skipped = "frictionless is not installed (pip install -e '.[bench]')"
    else:
        fr.notes.append(verify_frictionless(fr.b))
    pairs.append(fr)
    # Both large workbooks give every row a district (one row per indicator per district):
    # without one, every row past the catalogue's length would repeat a code and the report
    # would be one of errors.
    tag = inputs_tag()
    small = make_large(work / f"rows-{small_rows}-districts-{tag}.xlsx", small_rows, True)
    large = make_large(work / f"rows-{large_rows}-districts-{tag}.xlsx", large_rows, True)
    # The security limits (2,000 rows, 4 MiB inflated by default) are raised as documented.
    raised = ["--max-rows", "1000000", "--max-inflated", "1GiB", "--max-size", "200MiB"]
    for label, path, rss_goal in (
        (f"{small_rows:,} rows with districts", small, 1.3),
        (f"{large_rows:,} rows with districts", large, 3.0),
    ):
        pairs.append(
            Pair(
                f"4. large workbook, {label}: check vs reading it",
                Side(
                    "qcity check --format json (limits raised)",
                    [*QCITY, "check", str(path), "--format", "json", *raised],
                ),
                Side("floor: openpyxl read-only, iterate 数据", [*floor, str(path), "数据"]),
                f"≤ 1.2× CPU time and ≤ {rss_goal}× peak RSS",
                f"time_and_rss_ratio<=1.2,{rss_goal}",
            )
        )
    batch = Pair(
        f"5. batch of {batch_files:,} small workbooks: --jobs 1 vs --jobs 2",
        Side(
            "qcity check DIR --jobs 1",
            [*QCITY, "check", str(work / "batch"), "--jobs", "1", "--format", "json"],
        ),
        Side(
            "qcity check DIR --jobs 2",
            [*QCITY, "check", str(work / "batch"), "--jobs", "2", "--format", "json"],
        ),
        "≥ 1.7× speed-up",
        "speedup_b>=1.7",
    )
    if supports("--jobs"):
        make_batch(work / "batch", batch_files)
    else:
        batch.skipped = "`qcity check` has no --jobs yet (batches are issue 7)"
    pairs.append(batch)
    return pairs


def add_per_file_notes(pairs: list[Pair]) -> None:
    """Pair 5's second goal: a file's CPU time in a batch against the single-file floor without
    start-up (the CPU time of pair 1's floor less that of `python -c 'import openpyxl'`)."""
    by_number = {p.title.split(".")[0]: p for p in pairs}
    batch, start, single = by_number.get("5"), by_number.get("0"), by_number.get("1")
    if batch is None or batch.skipped or start is None or single is None:
        return
    if not (batch.a.samples and start.a.samples and single.b.samples):
        return
    files = int(batch.title.split("batch of ")[1].split(" ")[0].replace(",", ""))
    floor = single.b.cpu() - start.a.cpu()
    for side in (batch.a, batch.b):
        per_file = side.cpu() / files
        batch.notes.append(
            f"{side.label}: {per_file * 1000:.1f} ms of CPU per file (whole run / {files:,}), "
            f"{per_file / floor:.2f}× the single-file floor without start-up "
            f"({floor * 1000:.1f} ms: the difference of two medians, noisy on a busy machine)"
            " — goal ≤ 1.5× for --jobs 1"
            if side is batch.a
            else f"{side.label}: {per_file * 1000:.1f} ms of CPU per file, both processes together"
        )


def verdict(pair: Pair) -> str:
    if pair.skipped:
        return f"skipped: {pair.skipped}"
    a, b = pair.a, pair.b
    if pair.judge == "info":
        return f"{a.median() - b.median():.3f} s more than the right-hand side"
    if pair.judge == "ratio":
        return f"CPU time {a.cpu() / b.cpu():.2f}× the right-hand side"
    kind, _, limit_text = (
        pair.judge.partition("<=") if "<=" in pair.judge else pair.judge.partition(">=")
    )
    limits = [float(x) for x in limit_text.split(",")]
    if kind == "time_ratio":
        ratio = a.cpu() / b.cpu()
        return f"CPU time {ratio:.2f}× — {'met' if ratio <= limits[0] else 'NOT met'}"
    if kind == "time_and_rss_ratio":
        t = a.cpu() / b.cpu()
        m = a.peak_rss_mb() / b.peak_rss_mb()
        ok_t, ok_m = t <= limits[0], m <= limits[-1]
        return (
            f"CPU time {t:.2f}× ({'met' if ok_t else 'NOT met'}), "
            f"peak RSS {m:.2f}× ({'met' if ok_m else 'NOT met'})"
        )
    if kind == "speedup_a":  # the left-hand side is the faster one, in CPU time
        s = b.cpu() / a.cpu()
        return f"{s:.2f}× faster in CPU time — {'met' if s >= limits[0] else 'NOT met'}"
    if kind == "speedup_b":  # the right-hand side is the faster one, in wall time (parallel)
        s = a.median() / b.median()
        return f"{s:.2f}× in wall time — {'met' if s >= limits[0] else 'NOT met'}"
    return "—"


def add_memory_notes(pairs: list[Pair]) -> None:
    """Memory per row of the large pairs: peak RSS above the example check's, per row."""
    single = next((p for p in pairs if p.title.startswith("1.")), None)
    if single is None or not single.a.samples:
        return
    base = single.a.peak_rss_mb()
    for pair in pairs:
        if not pair.title.startswith("4.") or not pair.a.samples:
            continue
        rows = int(pair.title.split(", ")[1].split(" ")[0].replace(",", ""))
        extra = (pair.a.peak_rss_mb() - base) * 1024 * 1024 / rows
        floor = (pair.b.peak_rss_mb() - single.b.peak_rss_mb()) * 1024 * 1024 / rows
        pair.notes.append(
            f"Memory per row: {extra:,.0f} bytes (peak RSS above that of checking the example, "
            f"{base:.1f} MB, divided by {rows:,}); the floor: {floor:,.0f} bytes."
        )


def versions() -> str:
    names = ["qcity", "openpyxl", "pandas", "pydantic", "typer", "rich", "PyYAML", "frictionless"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{mem}"


def compile_bytecode() -> None:
    """Write qcity's .pyc files once (a machine with PYTHONDONTWRITEBYTECODE never would)."""
    package = ROOT / "src" / "qcity"  # the editable install runs from here
    subprocess.run([PY, "-m", "compileall", "-q", str(package)], check=True, env=CHILD_ENV)


def render(
    pairs: list[Pair],
    runs: int,
    quick: bool,
    seconds: float,
    imports: dict[str, list[str]] | None = None,
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"- date: {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}",
        f"- machine: {machine()}",
        f"- python: {platform.python_version()} ({sys.executable})",
        f"- versions: {versions()}",
        f"- method: each pair alternated in fresh processes, {runs} runs per side after one warm-up"
        f"{' (QUICK smoke run: tiny inputs, not figures to quote)' if quick else ''}; CPU time"
        " (user + system) from wait4, wall time, and peak RSS per process from "
        f"{'GNU time' if _has_gnu_time() else 'wait4'}; ratios of single processes are of median"
        " CPU times (the machine is shared: CPU time is what other load disturbs least), the"
        f" batch's of wall times; whole suite took {seconds:.0f} s",
        "- bytecode: qcity's modules are compiled first (`python -m compileall -q src/qcity`)"
        " and the children run without PYTHONDONTWRITEBYTECODE, so no side pays for compiling",
        "- regenerate: `python -m compileall -q src/qcity && python benchmarks/run.py`"
        " (add `pip install -e '.[bench]'` for frictionless)",
        "",
    ]
    for pair in pairs:
        lines += [f"## {pair.title}", "", f"Goal: {pair.goal}. Result: **{verdict(pair)}**", ""]
        if pair.skipped:
            lines.append("")
            continue
        lines += [
            "| command | median CPU s | median wall s | min s | max s | peak RSS MB | exit | output bytes |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for side in (pair.a, pair.b):
            times = [s.seconds for s in side.samples]
            lines.append(
                f"| {side.label} | {side.cpu():.3f} | {side.median():.3f} | {min(times):.3f} | "
                f"{max(times):.3f} | {side.peak_rss_mb():.1f} | {side.samples[-1].returncode} | "
                f"{side.samples[-1].output_bytes:,} |"
            )
        lines += [
            "",
            "Reproduce one run of each side (CPU = user + system, peak RSS = maximum resident set size):",
            "",
        ]
        lines += [f"    {reproduce(side)}" for side in (pair.a, pair.b)]
        lines += [*(f"\n{n}" for n in pair.notes), ""]
    for command, ranked in (imports or {}).items():
        lines += [
            f"## Start-up: what `python {command}` imports",
            "",
            f"Reproduce: `python -X importtime {command} 2>&1 >/dev/null | sort -t'|' -k1.13 -n | tail`"
            " (one run; the machine is shared, so compare the shares, not the milliseconds)",
            "",
            "| top-level package | import ms (own time of its modules) |",
            "|---|---|",
            *ranked,
            "",
        ]
    return "\n".join(lines) + "\n"


def reproduce(side: Side) -> str:
    """The side's command for a shell, under `/usr/bin/time -v`, with paths made readable."""
    words = []
    for word in side.cmd:
        if word == PY:
            word = "python"
        elif word.startswith(str(ROOT)):
            word = os.path.relpath(word, ROOT)
        elif word.startswith(("/", "\n")) and Path(word).name in ("frictionless",):
            word = Path(word).name
        words.append(word)
    text = " ".join(shlex.quote(w) for w in words)
    if side.cwd is not None:
        return f"(cd {shlex.quote(os.path.relpath(side.cwd, ROOT))} && /usr/bin/time -v {text})"
    return f"/usr/bin/time -v {text}"


def import_profile(command: Sequence[str], top: int = 12) -> list[str]:
    """`python -X importtime` of *command*: import time by top-level package (the sum of its
    modules' own times, so nothing is counted twice) and the total."""
    proc = subprocess.run(
        [PY, "-X", "importtime", *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=CHILD_ENV,
        check=False,
    )
    totals: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        own, _, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        if own.isdigit():
            root = name.split(".")[0]
            totals[root] = totals.get(root, 0) + int(own)
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])[:top]
    rows = [f"| {name} | {us / 1000:.1f} |" for name, us in ranked]
    return [*rows, f"| all imports | {sum(totals.values()) / 1000:.1f} |"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny inputs, 2 runs: a smoke test")
    parser.add_argument("--runs", type=int, default=None, help="runs per side (default 5, quick 2)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "benchmarks" / ".cache", help="generated inputs"
    )
    parser.add_argument(
        "--only", default=None, help="run only these pairs, by number: --only 1,2b,4"
    )
    parser.add_argument(
        "--generate", nargs=3, metavar=("PATH", "ROWS", "DISTRICTS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.generate:
        path, rows, districts = args.generate
        _generate(Path(path), int(rows), districts == "1")
        return 0
    runs = args.runs or (2 if args.quick else 5)
    work: Path = args.work / ("quick" if args.quick else "full")
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    compile_bytecode()
    pairs = build_pairs(args.quick, work)
    if args.only:
        wanted = set(args.only.split(","))
        pairs = [
            p
            for p in pairs
            if p.title.split(".")[0] in wanted or p.title.split(" ")[0].rstrip(".") in wanted
        ]
    for pair in pairs:
        if pair.skipped:
            print(f"- {pair.title}: skipped ({pair.skipped})", flush=True)
            continue
        print(f"- {pair.title} …", end=" ", flush=True)
        measure(pair, runs, ROOT)
        print(verdict(pair), flush=True)
    add_per_file_notes(pairs)
    add_memory_notes(pairs)
    imports = {
        " ".join(cmd): import_profile(cmd)
        for cmd in (["-m", "qcity", "check", str(EXAMPLE.relative_to(ROOT)), "--format", "json"],
                    ["-m", "qcity", "catalogue"])
    }  # fmt: skip
    text = render(pairs, runs, args.quick, time.perf_counter() - started, imports)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
