"""`qcity catalogue` (list), `catalogue validate` and `catalogue draft`: what defines the targets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from qcity.cli.app import catalogue_app
from qcity.cli.guard import run
from qcity.cli.options import CatalogueOpt, Common, DebugOpt, LangChoice, LangOpt, OutputOpt
from qcity.cli.output import CatalogueFormat, DraftFormat, emit, fail, format_option
from qcity.cli.usage import Wrong
from qcity.errors import Issue, Location
from qcity.issue_types import ParamValue
from qcity.render.i18n import say


@catalogue_app.callback()
def catalogue_list(
    ctx: typer.Context,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[CatalogueFormat, format_option("Output format.")] = "text",
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """List the indicators of the catalogue 列出指标目录 (or run a subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    common = Common(lang=lang.value, debug=debug, catalogue=catalogue)
    run(lang.value, debug, lambda: list_indicators(common, fmt))


def list_indicators(c: Common, fmt: str) -> None:
    """Every indicator of the catalogue, in the format asked for."""
    from qcity.render import get_renderer

    emit(get_renderer("catalogue", fmt), c.load(), None, [], None, c.lang, fmt=fmt)


@catalogue_app.command("validate")
def catalogue_validate(
    file: Annotated[Path, typer.Argument(help="The catalogue YAML to check.", dir_okay=False)],
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help="Plan text: check that every quoted phrase appears in it verbatim."
        ),
    ] = None,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """Validate a catalogue file 校验指标目录文件."""
    common = Common(lang=lang.value, debug=debug, catalogue=file)
    run(lang.value, debug, lambda: validate_catalogue(file, plan, common))


def validate_catalogue(file: Path, plan: Path | None, c: Common) -> None:
    """Load the catalogue (every problem located), check its quotes against *plan*, say so."""
    from qcity.catalogue import check_quotes
    from qcity.errors import CatalogueError
    from qcity.files import os_reason

    cat = c.load()
    if plan is not None:
        try:
            plan_text = plan.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            fail(Issue("file-not-found", Location(file=str(plan)), {"path": str(plan)}))
        except OSError as e:
            reason = os_reason(e, writing=False)
            fail(Issue("unreadable-file", Location(file=str(plan)), {"reason": reason}))
        problems = check_quotes(cat, plan_text, str(file))
        if problems:
            raise CatalogueError(*problems)
    meta = cat.catalogue
    msg = say(
        "catalogue-valid",
        c.lang,
        path=file,
        id=meta.id,
        version=meta.version,
        n=len(cat.indicators),
    )
    if plan is not None:
        msg += say("catalogue-quotes-match", c.lang)
    typer.echo(msg)


@catalogue_app.command("draft")
def catalogue_draft(
    plan: Annotated[
        Path, typer.Argument(help="The plan's text (UTF-8 .txt) 方案文本.", dir_okay=False)
    ],
    fmt: Annotated[
        DraftFormat,
        typer.Option(
            "--format", "-f", help="yaml: a catalogue with blanks to fill; json: the targets."
        ),
    ] = "yaml",
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """Draft a catalogue from a plan's text 从方案文本起草指标目录."""
    if plan.suffix.lower() != ".txt":
        raise Wrong("plan-not-text", path=str(plan))
    common = Common(lang=lang.value, debug=debug, output=output)
    run(lang.value, debug, lambda: draft_catalogue(plan, fmt, common))


def draft_catalogue(plan: Path, fmt: str, c: Common) -> None:
    """The draft of a catalogue from the plan's text, as YAML with blanks or JSON."""
    from qcity.draft import draft_plan
    from qcity.render import get_renderer

    draft = draft_plan(read_plan_text(plan))
    emit(get_renderer("draft", fmt), draft, c.output, [plan], None, c.lang, fmt=fmt)


def read_plan_text(plan: Path) -> str:
    """The text of a plan file; a missing or non-UTF-8 file is a located issue."""
    from qcity.files import os_reason

    limit = 5 * 1024 * 1024  # a plan's text is tens of kilobytes; this is not one
    try:
        size = plan.stat().st_size
        if size > limit:
            fail(
                Issue(
                    "unreadable-file",
                    Location(file=str(plan)),
                    {
                        "path": str(plan),
                        "reason": f"{size:,} bytes; a plan's text is at most {limit:,}",
                    },
                )
            )
        raw = plan.read_bytes()
    except FileNotFoundError:
        fail(Issue("file-not-found", Location(file=str(plan)), {"path": str(plan)}))
    except OSError as e:
        _unreadable(plan, os_reason(e, writing=False))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        _unreadable(plan, f"not UTF-8 text (byte {e.start}); save the plan as UTF-8 text")


def _unreadable(plan: Path, reason: ParamValue) -> NoReturn:
    fail(Issue("unreadable-file", Location(file=str(plan)), {"path": str(plan), "reason": reason}))
