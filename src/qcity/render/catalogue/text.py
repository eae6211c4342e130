"""The catalogue as text (`qcity catalogue`): its indicators and tasks as tables."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from qcity.errors import Lang
from qcity.model import Catalogue
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.console import make_console
from qcity.render.display import label
from qcity.render.i18n import say


class CatalogueTextRenderer(StreamRenderer[Catalogue]):
    """The indicator list as text tables."""

    def write(self, catalogue: Catalogue, stream: TextIO, options: ReportOptions) -> None:
        _write_tables(catalogue, stream, options)


def _write_tables(catalogue: Catalogue, stream: TextIO, options: ReportOptions) -> None:
    lang = options.lang
    console = make_console(stream, options)
    meta = catalogue.catalogue
    console.print(
        Text(
            display.bracketed(
                meta.title.get(lang),
                say(
                    "catalogue.document",
                    lang,
                    document=meta.document,
                    issued=meta.issued.isoformat(),
                ),
                lang,
            ),
            style="bold",
        )
    )
    console.print(
        Text(
            f"{label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}", style="dim"
        )
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(label("code", lang), no_wrap=True, style="bold")
    table.add_column(label("indicator", lang), ratio=1, overflow="fold")
    table.add_column(label("target", lang), no_wrap=True)
    table.add_column(label("lead", lang), no_wrap=True)
    table.add_column(label("source", lang), no_wrap=True)
    current = None
    for ind in catalogue.indicators:
        if ind.area != current:
            if current is not None:
                table.add_section()
            current = ind.area
            table.add_row("", Text(catalogue.area(ind.area).name.get(lang), style="bold cyan"))
        table.add_row(
            ind.code,
            ind.name.get(lang),
            display.every_target(ind, lang),
            ind.lead,
            ind.source.clause,
        )
    console.print(table)
    total = len(catalogue.indicators)
    console.print(Text(say("catalogue.indicators", lang, n=total), style="dim"))
    if catalogue.tasks:
        _tasks(console, catalogue, lang)


def _tasks(console: Console, catalogue: Catalogue, lang: Lang) -> None:
    """The tasks: code, heading, lead, the phase they are due by, and the clause."""
    console.print()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(label("code", lang), no_wrap=True, style="bold")
    table.add_column(label("tasks", lang), ratio=1, overflow="fold")
    table.add_column(label("lead", lang), no_wrap=True)
    table.add_column(label("due", lang), no_wrap=True)
    table.add_column(label("source", lang), no_wrap=True)
    for task in catalogue.tasks:
        phase = catalogue.phase(task.due)
        table.add_row(
            task.code,
            task.title.get(lang),
            task.lead or "—",
            f"{phase.last_day.isoformat()} {phase.clause}",
            task.source.clause,
        )
    console.print(table)
    total = len(catalogue.tasks)
    console.print(Text(say("catalogue.tasks", lang, n=total), style="dim"))
