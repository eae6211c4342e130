"""Checking the workbooks of a batch (`run_batch`): in this process for one job, else in worker
processes."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from qcity.batch import Batch, Entry, Input, collect, duplicate_units
from qcity.check import Settings as Settings  # re-exported: the settings of a batch
from qcity.check import check_file
from qcity.errors import Issue, Location, QcityError, Severity, UsageError
from qcity.files import held_signals
from qcity.model import Catalogue, Indicator
from qcity.results import District, Evaluation, IndicatorResult, Observation

Checked = tuple[Evaluation | None, tuple[Issue, ...], str | None]
# The exit code of a checked workbook, of the issues of one that could not be read, and of the
# whole batch: qcity.cli.outcome.exit_code, passed in by the command.
Judge = Callable[[Evaluation | tuple[Issue, ...] | Batch], int]
# A progress display for that many files: a context giving what to call as each one is done.
Progress = Callable[[int], AbstractContextManager[Callable[[], None] | None]]
# A worker process costs about as much as checking ten small workbooks (forking, then copying
# the memory it writes to), so a batch gets one worker per 16 files at most, and a small batch
# is checked in this process.
MIN_FILES_PER_WORKER = 16


def default_jobs() -> int:
    """The CPUs this process may use (its affinity where the platform tells it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return max(1, counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_one(path: Path, shown: str, catalogue: Catalogue, settings: Settings) -> Checked:
    """Check one workbook: its evaluation, or the issues that kept it from being read, and the
    traceback of a bug (which is reported for this file, never stopping the others)."""
    try:
        evaluation = check_file(path, catalogue, settings, shown)
    except QcityError as e:
        return None, e.issues, None
    except Exception as e:
        from qcity.interrupts import interrupt_behind

        interrupt = interrupt_behind(e)
        if interrupt is not None:
            raise interrupt from None  # Ctrl-C wrapped by a library: still the end of the run
        issue = Issue(
            "internal-error", Location(file=shown), {"reason": f"{type(e).__name__}: {e}"}
        )
        return None, (issue,), traceback.format_exc()
    return evaluation, (), None


def run_checks(
    inputs: Sequence[Input],
    catalogue: Catalogue,
    settings: Settings,
    *,
    jobs: int,
    judge: Judge,
    advance: Callable[[], None] | None = None,
) -> list[Entry]:
    """Check every input on its own; entries in the order of *inputs*, whatever the order of
    completion. *jobs* is the most processes to use; *judge* gives each file's exit code;
    *advance* is called as each file is done."""
    entries: list[Entry | None] = [None] * len(inputs)

    def done(
        index: int, evaluation: Evaluation | None, failure: tuple[Issue, ...], detail: str | None
    ) -> None:
        code = judge(evaluation if evaluation is not None else failure)
        entries[index] = Entry(inputs[index].shown, evaluation, code, failure, detail)
        if advance is not None:
            advance()

    workers = min(jobs, len(inputs) // MIN_FILES_PER_WORKER)
    if workers < 2:
        for n, item in enumerate(inputs):
            done(n, *check_one(item.path, item.shown, catalogue, settings))
    else:
        _run_pool(inputs, catalogue, settings, workers, done)
    assert all(e is not None for e in entries)
    return [e for e in entries if e is not None]


def run_batch(
    paths: Sequence[Path],
    catalogue: Catalogue,
    settings: Settings,
    *,
    judge: Judge,
    jobs: int | None = None,
    before: Callable[[list[Path]], None] | None = None,
    progress: Progress | None = None,
) -> Batch:
    """Check every workbook *paths* name (files, or folders searched recursively), each on its
    own; the batch in the order given, each file with the exit code *judge* gives it.

    *before* sees the files found before any is checked (to refuse an output among them);
    *progress* is shown while they are checked. A UsageError (no-workbooks) when nothing at
    all was found: a wrong path, most likely."""
    collected = collect(paths)
    empty = [Issue("no-workbooks", Location(file=f), {"path": f}) for f in collected.empty]
    if not collected.inputs:
        raise UsageError(*empty)
    if before is not None:
        before([i.path for i in collected.inputs])
    # One check time for the whole batch, so that reports do not depend on which file came when.
    settings = replace(settings, now=settings.now or dt.datetime.now(dt.timezone.utc).astimezone())
    with progress(len(collected.inputs)) if progress else contextlib.nullcontext() as advance:
        entries = run_checks(
            collected.inputs,
            catalogue,
            settings,
            jobs=jobs or default_jobs(),
            judge=judge,
            advance=advance,
        )
    entries += [Entry(str(i.location.file), None, judge((i,)), (i,)) for i in empty]
    skipped = [s.issue() for s in collected.skipped]
    assert settings.now is not None
    batch = Batch(
        catalogue,
        entries,
        settings.now,
        collected.skipped,
        [*skipped, *duplicate_units(entries, Severity.WARNING)],
    )
    return replace(batch, exit_code=judge(batch))


# --- worker processes -----------------------------------------------------------------------------

# Per process: the catalogue and settings, loaded once (inherited from the parent when forked).
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, parent: int) -> None:
    _follow_parent(parent)
    # Ctrl-C reaches the whole process group: the parent alone answers it (one line, exit 130)
    # and ends the workers; SIGTERM ends a worker at once, without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held back by the parent while it started us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    if _WORKER.get("settings") != settings or "catalogue" not in _WORKER:
        from qcity.catalogue import load_catalogue

        _WORKER["catalogue"] = load_catalogue(settings.catalogue)
        _WORKER["settings"] = settings
    # The check's own modules, once per worker. Not openpyxl: sheets are read with the standard
    # library (workbook/fastsheet.py), and importing it (with numpy) cost each worker ~0.5 s of
    # CPU for nothing; a file that needs openpyxl imports it when it comes.
    import qcity.check  # noqa: F401


def _follow_parent(parent: int) -> None:
    """End this worker when the process that started it ends, however it ends (SIGKILL too):
    the kernel's parent-death signal on Linux, and everywhere a thread that polls the parent."""
    if sys.platform == "linux":
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass  # the watchdog below still ends the worker
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="qcity-parent-watch", daemon=True).start()


# How often a worker's watchdog looks for its parent (seconds): it stops within this.
WATCH_INTERVAL = 0.25


def _task(
    chunk: list[tuple[int, str, str]],
) -> list[tuple[int, dict[str, Any] | None, tuple[Issue, ...], str | None]]:
    done = []
    for index, path, shown in chunk:
        evaluation, failure, detail = check_one(
            Path(path), shown, _WORKER["catalogue"], _WORKER["settings"]
        )
        done.append((index, pack(evaluation) if evaluation is not None else None, failure, detail))
    return done


def chunk_size(files: int, workers: int) -> int:
    """Files per task: few enough round trips to keep this process idle, small enough to share
    the work out evenly at the end (and to move the progress bar)."""
    return max(1, min(16, files // (workers * 8)))


def _run_pool(
    inputs: Sequence[Input],
    catalogue: Catalogue,
    settings: Settings,
    workers: int,
    done: Callable[[int, Evaluation | None, tuple[Issue, ...], str | None], None],
) -> None:
    # Forking copies the loaded catalogue and imported modules into each worker for free; it is
    # safe here because this process runs no other thread when the workers start (they all start
    # at the first submit, and the progress bar draws from this thread). Elsewhere the platform's
    # default method is used and each worker loads the catalogue once in its initializer.
    _WORKER.update(catalogue=catalogue, settings=settings)
    indicators = {i.code: i for i in catalogue.indicators}
    items = [(n, str(item.path), item.shown) for n, item in enumerate(inputs)]
    finished: set[int] = set()

    def receive(
        results: list[tuple[int, dict[str, Any] | None, tuple[Issue, ...], str | None]],
    ) -> None:
        for n, packed, failure, detail in results:
            evaluation = unpack(packed, catalogue, indicators) if packed is not None else None
            finished.add(n)
            done(n, evaluation, failure, detail)

    size = chunk_size(len(items), workers)
    chunks = [items[k : k + size] for k in range(0, len(items), size)]
    with _pool(workers, settings) as pool:
        with held_signals():  # workers start here: none must see a signal before its handlers
            futures = [pool.submit(_task, chunk) for chunk in chunks]
        try:
            for future in as_completed(futures):
                receive(future.result())
        except BrokenProcessPool:
            pass  # a worker died (a crash in a library on some file): see below
    # Check what is left one file at a time, each in a worker of its own, so that the file that
    # brings a worker down is the one reported, and every other file is still checked.
    left = [item for item in items if item[0] not in finished]
    while left:
        with _pool(1, settings) as pool:
            for item in left:
                with held_signals():
                    future = pool.submit(_task, [item])
                try:
                    receive(future.result())
                except BrokenProcessPool:
                    n, _, shown = item
                    reason = "the worker process checking it stopped (a crash reading the file)"
                    issue = Issue("internal-error", Location(file=shown), {"reason": reason})
                    finished.add(n)
                    done(n, None, (issue,), None)
                    break  # this pool is broken: another one takes the rest
        left = [item for item in items if item[0] not in finished]


@contextmanager
def _pool(workers: int, settings: Settings) -> Iterator[ProcessPoolExecutor]:
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings, os.getpid()),
    )
    try:
        yield pool
        pool.shutdown()
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or failed: end the workers now, not after their task.
        _stop_workers(pool)
        raise


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    deadline = time.monotonic() + 1.0
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)
    # With every worker gone the pool's manager thread ends at once; waiting for it here (a
    # second at most) keeps it away from the interpreter's exit, where Python 3.11 may wake it
    # through a closed pipe (an "Exception ignored … Bad file descriptor" traceback).
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if isinstance(manager, threading.Thread):
        manager.join(1.0)


# --- results sent back from workers: everything but the catalogue ---------------------------------


def pack(evaluation: Evaluation) -> dict[str, Any]:
    """An evaluation without its catalogue (each indicator by code): small to send between processes."""
    data = {
        f.name: getattr(evaluation, f.name)
        for f in dataclasses.fields(evaluation)
        if f.name != "catalogue"
    }
    data["results"] = [_pack_result(r) for r in evaluation.results]
    data["districts"] = [
        (d.name, [_pack_result(r) for r in d.results]) for d in evaluation.districts
    ]
    return data


def unpack(
    data: dict[str, Any], catalogue: Catalogue, indicators: dict[str, Indicator]
) -> Evaluation:
    """The evaluation *pack* was made from, with this process's own catalogue."""
    fields = dict(data)
    fields["results"] = [_unpack_result(r, indicators) for r in data["results"]]
    fields["districts"] = [
        District(name=name, results=[_unpack_result(r, indicators) for r in results])
        for name, results in data["districts"]
    ]
    return Evaluation(catalogue=catalogue, **fields)


def _pack_result(result: IndicatorResult) -> dict[str, Any]:
    # Plain dicts, each indicator by its code: the catalogue never travels between processes.
    data = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    data["indicator"] = result.indicator.code
    obs = result.observation
    if obs is not None:
        data["observation"] = {f.name: getattr(obs, f.name) for f in dataclasses.fields(obs)}
    return data


def _unpack_result(data: dict[str, Any], indicators: dict[str, Indicator]) -> IndicatorResult:
    fields = dict(data)
    fields["indicator"] = indicators[data["indicator"]]
    if data["observation"] is not None:
        fields["observation"] = Observation(**data["observation"])
    return IndicatorResult(**fields)
