"""The floor of a typer command: one command with the options of `qcity catalogue` (a file
path, two choices, a flag) that prints one line. Pair 2 compares qcity's start-up with it.

typer 0.29 converts every option that is not a bool flag through a pydantic TypeAdapter, built
when the command runs (not at `import typer`): any typer command with such an option imports
most of pydantic and builds those adapters, which `python -c 'import typer'` never does.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer


class Format(str, enum.Enum):
    text = "text"
    json = "json"


class Lang(str, enum.Enum):
    zh = "zh"
    en = "en"


app = typer.Typer(add_completion=False)


@app.command()
def catalogue(
    file: Annotated[Path | None, typer.Option("--catalogue", "-c", dir_okay=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", case_sensitive=False)] = Format.text,
    lang: Annotated[Lang, typer.Option("--lang", envvar="QCITY_LANG")] = Lang.zh,
    debug: Annotated[bool, typer.Option("--debug")] = False,
) -> None:
    """List nothing: only parse the options."""
    typer.echo(f"{file} {fmt.value} {lang.value} {debug}")


if __name__ == "__main__":
    app()
