"""`qcity template`, `qcity catalogue …` and `qcity schema …`: what departments fill and what defines it."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qcity.errors import Issue, Location

if TYPE_CHECKING:
    pass

from qcity.cli.core import (
    EXIT_INTERNAL,
    EXIT_OK,
    CatalogueFormat,
    CatalogueOpt,
    DebugOpt,
    LangChoice,
    LangOpt,
    OutputOpt,
    app,
    catalogue_app,
    check_outputs,
    emit,
    emit_text,
    fail,
    format_option,
    guard,
    load,
    require_suffix,
    schema_app,
)
from qcity.cli.usage import Wrong


@app.command()
def template(
    out: Annotated[
        Path, typer.Argument(help="The workbook to write (.xlsx) 输出的模板文件.", dir_okay=False)
    ],
    catalogue: CatalogueOpt = None,
    lead: Annotated[
        list[str] | None,
        typer.Option(
            "--lead",
            metavar="DEPT",
            help="Only the indicators this department leads, e.g. 市质监局 (repeatable) 牵头部门.",
        ),
    ] = None,
    lang: LangOpt = LangChoice.zh,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Write the fill-in template workbook 生成填报模板."""
    require_suffix(out, (".xlsx",), "OUT")
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.catalogue import resolve_leads
        from qcity.files import write_atomic
        from qcity.render.xlsx.template import template_indicators, write_template

        if out.exists() and not force:
            fail(Issue("output-exists", Location(file=str(out)), {"path": str(out)}))
        check_outputs(out)
        cat = load(catalogue)
        leads = resolve_leads(cat, lead or [])
        write_atomic(out, write_template(cat, lang=lang.value, leads=leads))
        n = len(template_indicators(cat, leads))
        meta = cat.catalogue
        if lang.value == "zh":
            msg = f"✔ 已写入模板 {out}（{n} 项指标，指标目录 {meta.id} v{meta.version}）"
        else:
            msg = (
                f"✔ wrote the template {out} ({n} indicators, catalogue {meta.id} v{meta.version})"
            )
        typer.echo(msg)
        code = EXIT_OK
    raise typer.Exit(code)


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
    with guard(lang.value, debug):
        from qcity.render import get_renderer

        cat = load(catalogue)
        emit(get_renderer("catalogue", fmt), cat, None, [], None, lang.value, fmt=fmt)


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
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.catalogue import check_quotes
        from qcity.errors import CatalogueError

        cat = load(file)
        if plan is not None:
            try:
                plan_text = plan.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                fail(Issue("file-not-found", Location(file=str(plan)), {"path": str(plan)}))
            except OSError as e:
                from qcity.files import os_reason

                reason = os_reason(e, writing=False)
                fail(Issue("unreadable-file", Location(file=str(plan)), {"reason": reason}))
            problems = check_quotes(cat, plan_text, str(file))
            if problems:
                raise CatalogueError(*problems)
        n = len(cat.indicators)
        meta = cat.catalogue
        if lang.value == "zh":
            msg = f"✔ {file}：指标目录有效（{meta.id} v{meta.version}，{n} 项指标）"
        else:
            msg = f"✔ {file}: valid catalogue ({meta.id} v{meta.version}, {n} indicators)"
        if plan is not None:
            msg += (
                "；引文均与方案原文一致" if lang.value == "zh" else "; every quote matches the plan"
            )
        typer.echo(msg)
        code = EXIT_OK
    raise typer.Exit(code)


class DraftFormat(str, enum.Enum):
    """The formats of `qcity catalogue draft --format`."""

    yaml = "yaml"
    json = "json"


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
    ] = DraftFormat.yaml,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """Draft a catalogue from a plan's text 从方案文本起草指标目录."""
    if plan.suffix.lower() != ".txt":
        raise Wrong("plan-not-text", path=str(plan))
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.draft import draft_json, draft_plan, draft_yaml

        text = read_plan_text(plan)
        draft = draft_plan(text)
        rendered = draft_json(draft) if fmt is DraftFormat.json else draft_yaml(draft)
        emit_text(rendered, output, [plan])
        code = EXIT_OK
    raise typer.Exit(code)


def read_plan_text(plan: Path) -> str:
    """The text of a plan file; a missing or non-UTF-8 file is a located issue."""
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
        from qcity.files import os_reason

        fail(
            Issue(
                "unreadable-file",
                Location(file=str(plan)),
                {"path": str(plan), "reason": os_reason(e, writing=False)},
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        fail(
            Issue(
                "unreadable-file",
                Location(file=str(plan)),
                {
                    "path": str(plan),
                    "reason": f"not UTF-8 text (byte {e.start}); save the plan as UTF-8 text",
                },
            )
        )


def _print_schema(which: str, output: Path | None, debug: bool) -> None:
    with guard("en", debug):
        import json

        check_outputs(output)

        if which == "catalogue":
            from qcity.catalogue import catalogue_json_schema

            schema = catalogue_json_schema()
        elif which == "report":
            from qcity.render.json_schema import report_json_schema

            schema = report_json_schema()
        elif which == "draft":
            from qcity.draft import draft_json_schema

            schema = draft_json_schema()
        elif which == "plan":
            from qcity.render.plan.json import plan_json_schema

            schema = plan_json_schema()
        elif which == "batch":
            from qcity.render.json_schema import batch_json_schema

            schema = batch_json_schema()
        elif which == "diff":
            from qcity.render.diff.json import diff_json_schema

            schema = diff_json_schema()
        else:
            from qcity.render.gaps.json import gaps_json_schema

            schema = gaps_json_schema()
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        emit_text(text, output, [], fmt="json")


@catalogue_app.command("schema")
def catalogue_schema(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """Print the JSON Schema of catalogue files, for editors 输出目录的 JSON Schema."""
    _print_schema("catalogue", output, debug)


@schema_app.command("catalogue")
def schema_catalogue(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of catalogue files (same as `qcity catalogue schema`)."""
    _print_schema("catalogue", output, debug)


@schema_app.command("report")
def schema_report(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity check --format json` (schema_version 1)."""
    _print_schema("report", output, debug)


@schema_app.command("batch")
def schema_batch(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity check FILE_OR_DIR … --format json` for a batch."""
    _print_schema("batch", output, debug)


@schema_app.command("diff")
def schema_diff(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity diff --format json`."""
    _print_schema("diff", output, debug)


@schema_app.command("gaps")
def schema_gaps(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity gaps --format json` (schema_version 1)."""
    _print_schema("gaps", output, debug)


@schema_app.command("draft")
def schema_draft(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity catalogue draft --format json`."""
    _print_schema("draft", output, debug)


@schema_app.command("plan")
def schema_plan(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity plan --format json` (schema_version 1)."""
    _print_schema("plan", output, debug)
