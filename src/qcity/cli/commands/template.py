"""`qcity template`: the fill-in workbook 填报模板 departments fill."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NamedTuple

import typer

from qcity.cli.app import app
from qcity.cli.guard import run
from qcity.cli.options import CatalogueOpt, Common, DebugOpt, LangChoice, LangOpt
from qcity.cli.output import check_outputs, fail, require_suffix
from qcity.errors import Issue, Location
from qcity.render.i18n import say


class TemplateOptions(NamedTuple):
    """`qcity template`, parsed."""

    out: Path
    lead: list[str] | None
    force: bool
    common: Common


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
    common = Common(lang=lang.value, debug=debug, catalogue=catalogue)
    options = TemplateOptions(out, lead, force, common)
    run(common.lang, debug, lambda: write_template_file(options))


def write_template_file(o: TemplateOptions) -> None:
    """Write the template (never over a file, unless --force) and say so."""
    from qcity.catalogue import resolve_leads
    from qcity.files import write_atomic
    from qcity.render.xlsx.template import template_indicators, write_template

    c = o.common
    if o.out.exists() and not o.force:
        fail(Issue("output-exists", Location(file=str(o.out)), {"path": str(o.out)}))
    check_outputs(o.out)
    cat = c.load()
    leads = resolve_leads(cat, o.lead or [])
    write_atomic(o.out, write_template(cat, lang=c.lang, leads=leads))
    n = len(template_indicators(cat, leads))
    meta = cat.catalogue
    typer.echo(say("template-written", c.lang, path=o.out, n=n, id=meta.id, version=meta.version))
