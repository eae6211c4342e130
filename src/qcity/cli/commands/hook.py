"""`qcity hook`: several workbooks checked as a pre-commit hook (see .pre-commit-hooks.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from qcity.cli.app import app
from qcity.cli.batches import check_batch
from qcity.cli.guard import run, stderr_console
from qcity.cli.options import (
    DEFAULT_MAX_INFLATED,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_SIZE,
    CatalogueOpt,
    Common,
    DebugOpt,
    LangChoice,
    LangOpt,
    LeadsOpt,
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    TodayOpt,
)
from qcity.cli.outcome import EXIT_OK, FailOn, Rules
from qcity.cli.output import HookFormat, emit, format_option

if TYPE_CHECKING:
    from qcity.batch import Batch


class HookOptions(NamedTuple):
    """`qcity hook`, parsed."""

    files: tuple[Path, ...]
    fmt: str
    fail_on: FailOn
    jobs: int
    lead: list[str] | None
    common: Common


@app.command()
def hook(
    files: Annotated[list[Path], typer.Argument(help="Workbooks to check, one after another.")],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[HookFormat, format_option("Report format for each file.")] = "text",
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="unmet: fail on any gap; invalid: only on untrusted data."),
    ] = FailOn.unmet,
    lang: LangOpt = LangChoice.zh,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Check this many files at once (pre-commit "
            "already runs hooks in parallel, hence 1).",
        ),
    ] = 1,
    lead: LeadsOpt = None,
    today: TodayOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """Check several workbooks, as a pre-commit hook 提交前检查 (see .pre-commit-hooks.yaml).

    Silent for a file whose targets are all met (text format); otherwise each file's report, in
    the order given, and the worst exit code.
    """
    limits = (max_size, max_inflated, max_rows)
    common = Common(lang=lang.value, debug=debug, catalogue=catalogue, today=today, limits=limits)
    options = HookOptions(tuple(files), fmt, fail_on, jobs, lead, common)
    run(common.lang, debug, lambda: check_for_commit(options), Rules(fail_on=fail_on))


def check_for_commit(o: HookOptions) -> Batch:
    """Each file's report in the order given (nothing for one all met, in text); a file that
    cannot be read said on stderr."""
    from qcity.render import get_renderer
    from qcity.render.console import print_issues

    c = o.common
    cat = c.load()
    batch = check_batch(
        o.files,
        cat,
        c.settings(cat, o.lead),
        rules=Rules(fail_on=o.fail_on),
        jobs=o.jobs,
        quiet=True,
        debug=c.debug,
        lang=c.lang,
    )
    renderer = get_renderer("check", o.fmt)
    for entry in batch.entries:
        if entry.evaluation is None:
            print_issues(stderr_console(c.lang), entry.failure, c.lang)
        elif entry.exit_code != EXIT_OK or o.fmt != "text":
            emit(renderer, entry.evaluation, None, [], False, c.lang, today=c.day, fmt=o.fmt)
    return batch
