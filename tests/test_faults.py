"""Fault injection: runs killed with SIGINT, SIGTERM and SIGKILL at many points leave no worker
process, no partial or temporary file, and their inputs byte-identical.

Each run is a real `python -m qcity` in a session of its own, so that every process it starts
(the batch's workers) can be found in /proc by its session id. A run is stopped at a chosen
point by the test-only hook QCITY_FAULT_POINT (qcity.faults: the process pauses there and says
so in a flag file) or after a delay. SIGINT goes to the whole process group, as Ctrl-C does in a
terminal; SIGTERM and SIGKILL to the qcity process alone, as a CI runner or `kill` does.

The default run kills nine runs; `pytest -m slow` sweeps every command × point × signal and a
range of delays.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import all_met, data_rows, digest, write_workbook

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="finds a run's processes through /proc (Linux)"
)

BATCH_FILES = 32  # two workers: one per 16 files (qcity.parallel.MIN_FILES_PER_WORKER)
SIGNALS = {"INT": signal.SIGINT, "TERM": signal.SIGTERM, "KILL": signal.SIGKILL}
# What a run interrupted while working exits with (the README's table); -9: killed outright.
EXPECTED_CODE = {"INT": 130, "TERM": 143, "KILL": -9}
MESSAGE = {"INT": "已中断", "TERM": "已终止"}


@dataclass
class Scene:
    """Inputs, an output folder, and the command that reads the one and writes into the other."""

    root: Path
    inputs: Path
    out: Path
    args: list[str]

    def input_digests(self) -> dict[str, tuple[str, int]]:
        return {str(p.relative_to(self.inputs)): digest(p) for p in sorted(self.inputs.rglob("*"))}


def make_scene(root: Path, kind: str) -> Scene:
    inputs, out = root / "in", root / "out"
    inputs.mkdir()
    out.mkdir()
    book = write_workbook(inputs / "book.xlsx", {"数据": data_rows(all_met())})
    today = ["--today", "2015-06-01"]
    if kind == "batch":
        for n in range(1, BATCH_FILES):
            shutil.copyfile(book, inputs / f"unit-{n:02d}.xlsx")
        args = ["check", str(inputs), "--jobs", "2", "-q", "-o", str(out / "report.xlsx"), *today]
    elif kind == "annotate":
        args = ["check", str(book), "-o", str(out / "report.json"),
                "--annotate", str(out / "copy.xlsx"), *today]  # fmt: skip
    else:
        args = ["template", str(out / "template.xlsx")]
    return Scene(root, inputs, out, args)


def start(scene: Scene, hook: str | None) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QCITY_")}
    env["QCITY_CACHE_DIR"] = os.environ.get("QCITY_CACHE_DIR", str(scene.root / "cache"))
    if hook is not None:
        env["QCITY_FAULT_POINT"] = f"{hook}:{scene.root / 'flag'}"
    with (scene.root / "stdout").open("wb") as out, (scene.root / "stderr").open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "qcity", *scene.args],
            cwd=scene.root,
            env=env,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )


def session_processes(sid: int) -> list[int]:
    """The live (not zombie) processes of session *sid*."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for(path: Path, timeout: float) -> bool:
    """Whether *path* exists with some content within *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return True
        time.sleep(0.02)
    return False


def kill_and_check(scene: Scene, proc: subprocess.Popen[bytes], sig: str) -> int:
    """Send *sig*, then assert what must hold after any kill; the exit code."""
    before = scene.input_digests()
    if sig == "INT":
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground process group
    else:
        proc.send_signal(SIGNALS[sig])
    killed = time.monotonic()
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError(f"qcity still running 30 s after SIG{sig}") from None
    left = session_processes(proc.pid)
    while left and time.monotonic() - killed < 2.0:
        time.sleep(0.05)
        left = session_processes(proc.pid)
    if left:
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    assert not left, f"processes of the run still alive 2 s after SIG{sig}: {left}"
    # No temporary file, nothing partial: every file in the output folder is complete.
    for path in scene.out.iterdir():
        assert not path.name.startswith("."), f"temporary file left: {path.name}"
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
                assert "xl/workbook.xml" in archive.namelist()
        elif path.suffix == ".json":
            assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 1
    assert not list(scene.root.glob("**/*.qcity-tmp"))
    assert scene.input_digests() == before
    stderr = (scene.root / "stderr").read_text(encoding="utf-8", errors="replace")
    if sig == "INT" and interpreter_starting(stderr):
        return STARTING  # see interpreter_starting
    assert "Traceback" not in stderr, stderr
    if code == EXPECTED_CODE[sig] and sig in MESSAGE:
        assert stderr.splitlines()[-1] == MESSAGE[sig], stderr
    return code


STARTING = -1000  # the code kill_and_check returns for a kill while Python itself started


def interpreter_starting(stderr: str) -> bool:
    """Whether SIGINT landed while the Python interpreter was still starting (importing `site`,
    `runpy` and the standard library, running .pth files), before any line of qcity ran: Python
    itself then prints its KeyboardInterrupt, and there is nothing of qcity's to clean up."""
    stdlib = str(Path(os.__file__).parent)
    frames = [line.strip() for line in stderr.splitlines() if line.strip().startswith("File ")]
    return (
        stderr.rstrip().endswith("KeyboardInterrupt")
        and "qcity" not in stderr
        and bool(frames)
        and all(
            f.startswith(('File "<frozen ', 'File "<string>"', f'File "{stdlib}')) for f in frames
        )
    )


def tally(kind: str, at: str, sig: str, code: int) -> None:
    """With QCITY_FAULT_TALLY=FILE, append each kill's outcome (for the README's figures)."""
    target = os.environ.get("QCITY_FAULT_TALLY")
    if target:
        with Path(target).open("a", encoding="utf-8") as f:
            f.write(f"{kind} {at} SIG{sig} {code}\n")


def hooked_kill(tmp_path: Path, kind: str, point: str, sig: str) -> None:
    scene = make_scene(tmp_path, kind)
    proc = start(scene, point)
    flag = tmp_path / "flag"
    if not wait_for(flag, 90):
        proc.kill()
        raise AssertionError(f"{kind} never reached {point}: {(tmp_path / 'stderr').read_text()}")
    paused = int(flag.read_text())
    code = kill_and_check(scene, proc, sig)
    tally(kind, point, sig, code)
    assert code == EXPECTED_CODE[sig]
    if kind == "batch" and point == "read":
        assert paused != proc.pid, "the batch should have been paused in a worker"
    # Paused before its first output was renamed into place: no output at all.
    if point in ("read", "render") or kind != "annotate":
        assert list(scene.out.iterdir()) == []


def timed_kill(tmp_path: Path, kind: str, delay: float, sig: str) -> None:
    scene = make_scene(tmp_path, kind)
    proc = start(scene, None)
    time.sleep(delay)
    code = kill_and_check(scene, proc, sig)
    tally(kind, f"{delay}s", sig, code)
    # Killed before qcity's handlers were installed (-sig), while working (130/143/-9), or it
    # had finished already (0, 1): each is fine as long as the checks above hold.
    assert code in {EXPECTED_CODE[sig], -SIGNALS[sig], 0, 1, STARTING}, code


DEFAULT_HOOKED = [
    ("batch", "read", "INT"),
    ("batch", "read", "TERM"),
    ("batch", "read", "KILL"),
    ("annotate", "render", "INT"),
    ("annotate", "write", "KILL"),
    ("annotate", "write", "TERM"),
    ("template", "write", "INT"),
]


@pytest.mark.parametrize(("kind", "point", "sig"), DEFAULT_HOOKED)
def test_a_run_killed_at_a_point_leaves_nothing_behind(
    tmp_path: Path, kind: str, point: str, sig: str
) -> None:
    hooked_kill(tmp_path, kind, point, sig)


@pytest.mark.parametrize(
    ("kind", "delay", "sig"), [("batch", 1.5, "KILL"), ("template", 0.4, "TERM")]
)
def test_a_run_killed_after_a_delay_leaves_nothing_behind(
    tmp_path: Path, kind: str, delay: float, sig: str
) -> None:
    timed_kill(tmp_path, kind, delay, sig)


SWEEP_HOOKED = [
    (kind, point, sig)
    for kind in ("batch", "annotate", "template")
    for point in ("read", "render", "write")
    for sig in SIGNALS
    if not (kind == "template" and point != "write")  # a template reads no workbook
    and (kind, point, sig) not in DEFAULT_HOOKED
]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "point", "sig"), SWEEP_HOOKED)
def test_sweep_killed_at_every_point(tmp_path: Path, kind: str, point: str, sig: str) -> None:
    hooked_kill(tmp_path, kind, point, sig)


@pytest.mark.slow
@pytest.mark.parametrize("sig", list(SIGNALS))
@pytest.mark.parametrize("delay", [0.05, 0.3, 0.8, 1.5, 3.0, 5.0])
@pytest.mark.parametrize("kind", ["batch", "annotate", "template"])
def test_sweep_killed_after_delays(tmp_path: Path, kind: str, delay: float, sig: str) -> None:
    timed_kill(tmp_path, kind, delay, sig)
