"""The typer applications qcity's commands are registered on (`qcity`, `qcity catalogue`,
`qcity schema`) and `--version`."""

from __future__ import annotations

from typing import Annotated

import typer

from qcity import __version__
from qcity.cli.usage import QcityGroup

app = typer.Typer(
    name="qcity",
    help=(
        "质量强市指标检查 — check quality-city submissions against the targets of "
        "市政办发〔2014〕27号 (Xi'an's 2014 work plan).\n\n"
        "Exit codes: 0 all met · 1 unmet or missing · 2 usage error · "
        "3 workbook or catalogue cannot be trusted · 4 internal error · "
        "130 interrupted (Ctrl-C) · 143 terminated (SIGTERM)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rich help formatting costs ~140 ms of imports on every `--help`.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=QcityGroup,
)
catalogue_app = typer.Typer(
    cls=QcityGroup,
    help="List, validate or describe indicator catalogues 指标目录.",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(catalogue_app, name="catalogue")
schema_app = typer.Typer(
    cls=QcityGroup, help="Print JSON Schemas: of reports and of catalogue files."
)
app.add_typer(schema_app, name="schema")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qcity {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """质量强市指标检查 qcity."""
