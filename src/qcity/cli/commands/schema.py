"""`qcity schema …` (and `qcity catalogue schema`): the JSON Schemas of qcity's documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from qcity.cli.app import catalogue_app, schema_app
from qcity.cli.guard import run
from qcity.cli.options import DebugOpt, OutputOpt
from qcity.cli.output import check_outputs, emit_text


def _catalogue() -> dict[str, Any]:
    from qcity.catalogue import catalogue_json_schema

    return catalogue_json_schema()


def _draft() -> dict[str, Any]:
    from qcity.render.draft.json import draft_json_schema

    return draft_json_schema()


def _generated(which: str) -> Callable[[], dict[str, Any]]:
    """A document's schema generated from its typed shape (qcity.render.schemas)."""

    def build() -> dict[str, Any]:
        from qcity.render.schemas import json_schema

        return json_schema(which)

    return build


# Each document's schema, built (and its module imported) only when it is asked for.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "catalogue": _catalogue,
    "report": _generated("report"),
    "batch": _generated("batch"),
    "diff": _generated("diff"),
    "gaps": _generated("gaps"),
    "draft": _draft,
    "plan": _generated("plan"),
}


def print_schema(which: str, output: Path | None, debug: bool) -> None:
    """Write the JSON Schema of *which* to *output* or stdout."""
    run("en", debug, lambda: write_schema(which, output))


def write_schema(which: str, output: Path | None) -> None:
    import json

    check_outputs(output)
    text = json.dumps(SCHEMAS[which](), ensure_ascii=False, indent=2) + "\n"
    emit_text(text, output, [], fmt="json")


@catalogue_app.command("schema")
def catalogue_schema(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """Print the JSON Schema of catalogue files, for editors 输出目录的 JSON Schema."""
    print_schema("catalogue", output, debug)


@schema_app.command("catalogue")
def schema_catalogue(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of catalogue files (same as `qcity catalogue schema`)."""
    print_schema("catalogue", output, debug)


@schema_app.command("report")
def schema_report(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity check --format json` (schema_version 1)."""
    print_schema("report", output, debug)


@schema_app.command("batch")
def schema_batch(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity check FILE_OR_DIR … --format json` for a batch."""
    print_schema("batch", output, debug)


@schema_app.command("diff")
def schema_diff(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity diff --format json`."""
    print_schema("diff", output, debug)


@schema_app.command("gaps")
def schema_gaps(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity gaps --format json` (schema_version 1)."""
    print_schema("gaps", output, debug)


@schema_app.command("draft")
def schema_draft(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity catalogue draft --format json`."""
    print_schema("draft", output, debug)


@schema_app.command("plan")
def schema_plan(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """The JSON Schema of `qcity plan --format json` (schema_version 1)."""
    print_schema("plan", output, debug)
