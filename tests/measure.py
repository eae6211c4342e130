"""Run the qcity CLI in a child process and measure it: exit code, wall time, peak memory.

Used as `python -m tests.measure OUT.json ARGS…`; it writes {"code", "seconds", "rss_mb",
"traceback"} to OUT.json. The child's own peak RSS is the figure for that one run: VmHWM from
/proc where there is one, as ru_maxrss carries the parent's peak over fork and exec.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

_CHILD = """
import io, json, resource, sys, time, traceback, contextlib
out = sys.argv[1]
sys.argv = ["qcity", *sys.argv[2:]]
start = time.perf_counter()
err = io.StringIO()
code = 0
with contextlib.redirect_stderr(err):
    try:
        from qcity.cli import app
        app(prog_name="qcity")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 99
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # ru_maxrss keeps the parent's peak across fork and exec; VmHWM is this program's own
    with open("/proc/self/status", encoding="ascii") as status:
        rss = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
except (OSError, StopIteration, ValueError):
    pass
text = err.getvalue()
with open(out, "w", encoding="utf-8") as f:
    json.dump({"code": code, "seconds": seconds, "rss_mb": rss, "stderr": text}, f)
"""


@dataclass(frozen=True)
class Measured:
    """One run of the CLI in its own process."""

    code: int
    seconds: float
    rss_mb: float
    stderr: str
    stdout: str

    @property
    def traceback(self) -> bool:
        """Whether a Python traceback reached the user."""
        return "Traceback (most recent call last)" in self.stderr + self.stdout


def run(out: Path, *args: str | Path, timeout: float = 120) -> Measured:
    """Run `qcity ARGS` in a fresh interpreter; the measures are written to *out*."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(out), *(str(a) for a in args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    return Measured(
        data["code"], data["seconds"], data["rss_mb"], data["stderr"] + proc.stderr, proc.stdout
    )


if __name__ == "__main__":  # pragma: no cover - a manual aid
    start = time.perf_counter()
    result = run(Path(sys.argv[1]), *sys.argv[2:])
    print(
        result, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - start
    )
