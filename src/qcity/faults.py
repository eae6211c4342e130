"""A test-only hook for the fault-injection tests (tests/test_faults.py); inert otherwise.

With `QCITY_FAULT_POINT=POINT:FLAG` in the environment, the first time a process reaches
POINT (`read`: a workbook is about to be read; `render`: a report is about to be rendered;
`write`: an output's bytes are on disk, not yet renamed into place) it creates the file FLAG
(holding its pid) and sleeps, so that a test can kill the run at exactly that point. Without
the variable, `reached` is one dictionary lookup.
"""

from __future__ import annotations

import os
import time

_VARIABLE = "QCITY_FAULT_POINT"


def reached(point: str) -> None:
    """Pause here when the fault-injection hook names *point* (see the module's docstring)."""
    hook = os.environ.get(_VARIABLE)
    if not hook:
        return
    name, _, flag = hook.partition(":")
    if name != point or not flag:
        return
    try:
        fd = os.open(flag, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        pass  # another process of the run got there first: pause all the same
    else:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
    time.sleep(60)
