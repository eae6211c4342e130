"""A batch from the command line: qcity.parallel.run_batch with a progress bar on the terminal
and, with --debug, the traceback of every file that met a bug."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from qcity.cli.outcome import Rules, exit_code
from qcity.cli.output import refuse_output
from qcity.lang import Lang
from qcity.render.i18n import say

if TYPE_CHECKING:
    from qcity.batch import Batch
    from qcity.check import Settings
    from qcity.model import Catalogue
    from qcity.parallel import Progress


def check_batch(
    paths: Sequence[Path],
    catalogue: Catalogue,
    settings: Settings,
    *,
    rules: Rules,
    jobs: int | None,
    quiet: bool,
    debug: bool,
    lang: Lang,
    output: Path | None = None,
) -> Batch:
    """Check every workbook *paths* name, each file's exit code decided by cli.outcome under
    *rules*; an *output* among the files found is refused before any is checked."""
    from qcity.parallel import run_batch

    batch = run_batch(
        paths,
        catalogue,
        settings,
        judge=lambda outcome: exit_code(outcome, rules),
        jobs=jobs,
        before=lambda inputs: refuse_output(output, inputs),
        progress=None if quiet else progress_bar(say("progress-checking", lang)),
    )
    if debug:
        for entry in batch.entries:
            if entry.detail:
                sys.stderr.write(f"{entry.shown}:\n{entry.detail}")
    return batch


def progress_bar(description: str) -> Progress:
    """A progress bar on stderr for a batch of more than one file checked at a terminal."""
    return lambda total: _progress(total, total > 1 and sys.stderr.isatty(), description)


@contextmanager
def _progress(total: int, show: bool, description: str) -> Iterator[Callable[[], None] | None]:
    """A progress bar on stderr while files are checked (nothing when *show* is false)."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # No refresh thread (auto_refresh=False): worker processes are forked while it is shown.
    with Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        auto_refresh=False,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=total)

        def advance() -> None:
            progress.advance(task)
            progress.refresh()

        yield advance
