"""`qcity diff` as a terminal table, regressions first."""

from __future__ import annotations

import io

from rich import box
from rich.table import Table
from rich.text import Text

from qcity.diff import Diff
from qcity.render import Renderer, ReportOptions, display
from qcity.render.diff.common import (
    CHANGE_STYLE,
    change_text,
    counts_text,
    delta_text,
    listed_rows,
    shown_value,
    status_text,
    verdict,
)
from qcity.render.display import label
from qcity.render.i18n import say
from qcity.results import Status


class DiffTextReporter(Renderer[Diff]):
    """The terminal table."""

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        from qcity.render.console import STATUS_STYLE, make_console, print_issues

        lang = options.lang
        stream = io.StringIO()
        console = make_console(stream, options)
        meta = diff.catalogue.catalogue
        console.print(
            Text(
                f"{say('diff.title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
                style="bold",
            )
        )
        console.print(
            Text(
                f"{say('diff.old', lang)}{display.COLON[lang]}{diff.old} · {say('diff.new', lang)}{display.COLON[lang]}{diff.new} · "
                f"{label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}",
                style="dim",
            )
        )
        legend = " ".join(status_text(st, lang) for st in Status)
        console.print(Text(f"{counts_text(diff, lang)}  ({legend})"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        if diff.folders:
            table.add_column(say("diff.unit", lang), overflow="fold", style="bold")
        if diff.has_districts:
            table.add_column(say("diff.district", lang), overflow="fold")
        table.add_column(label("code", lang), no_wrap=True, style="bold")
        table.add_column(label("indicator", lang), ratio=1, overflow="fold")
        table.add_column(say("diff.old", lang), no_wrap=True, justify="right")
        table.add_column(say("diff.new", lang), no_wrap=True, justify="right")
        table.add_column(say("diff.change", lang), no_wrap=True, justify="right")
        table.add_column(label("status", lang), no_wrap=True)
        table.add_column(say("diff.verdict", lang), no_wrap=True)
        for row in listed_rows(diff, changed_only):
            cells: list[str | Text] = []
            if diff.folders:
                cells.append(row.unit)
            if diff.has_districts:
                cells.append(row.district or "")
            status = Text(display.STATUS_MARK[row.old_status], style=STATUS_STYLE[row.old_status])
            status.append(" → ")
            status.append(display.STATUS_MARK[row.new_status], style=STATUS_STYLE[row.new_status])
            cells += [
                row.indicator.code,
                row.indicator.name.get(lang),
                shown_value(row.old, lang),
                shown_value(row.new, lang),
                delta_text(row.delta, row.indicator, lang),
                status,
                Text(change_text(row.change, lang), style=CHANGE_STYLE[row.change]),
            ]
            table.add_row(*cells)
        console.print(table)
        for key, entries in (("diff.only-old", diff.only_old), ("diff.only-new", diff.only_new)):
            if entries:
                listed = say("diff.list-separator", lang).join(
                    display.bracketed(e.unit, e.shown, lang) for e in entries
                )
                console.print(
                    Text(f"{say(key, lang)}{display.COLON[lang]}{listed}"), soft_wrap=True
                )
        problems = [*diff.issues, *(i for e in diff.failed for i in e.failure)]
        if problems:
            console.print()
            print_issues(console, problems, lang)
        console.print()
        console.print(Text(verdict(diff, lang), style="bold"), soft_wrap=True)
        return stream.getvalue()
