"""The terminal report of a batch: a row per file, the counts per area, what failed, every issue."""

from __future__ import annotations

import io

from rich import box
from rich.table import Table
from rich.text import Text

from qcity.batch import Batch
from qcity.render import Renderer, ReportOptions, display
from qcity.render.batch.common import (
    behind_groups,
    counts,
    failure_text,
    group_parts,
    heading,
    verdict,
)
from qcity.render.display import label
from qcity.render.i18n import say
from qcity.results import Status


class BatchTextReporter(Renderer[Batch]):
    """The terminal report: a row per file, the counts per area, what failed, every issue."""

    suffix = ".txt"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        from qcity.render.console import STATUS_STYLE, make_console, print_issues

        lang = options.lang
        stream = io.StringIO()
        console = make_console(stream, options)
        meta = batch.catalogue.catalogue
        console.print(
            Text(
                f"{say('batch.title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
                style="bold",
            )
        )
        console.print(Text(heading(batch, options), style="dim"))
        legend = " ".join(
            f"{display.STATUS_MARK[st]} {display.STATUS_LABEL[st][lang]}" for st in Status
        )
        console.print(Text(legend, style="dim"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column(say("batch.unit", lang), overflow="fold", style="bold")
        table.add_column(say("batch.file", lang), overflow="fold")
        for status in Status:
            table.add_column(
                display.STATUS_MARK[status],
                no_wrap=True,
                justify="right",
                style=STATUS_STYLE[status],
            )
        table.add_column(say("batch.problems", lang), no_wrap=True, justify="right")
        table.add_column(say("batch.exit", lang), no_wrap=True, justify="right")
        behind = Table(box=None, show_header=False, pad_edge=False, expand=False)
        behind.add_column(no_wrap=True, style="bold")
        behind.add_column(ratio=1, overflow="fold")
        for entry in batch.entries:
            errors, warnings = counts(entry)
            s = entry.summary
            if s is None:
                figures = ["—", "", "", ""]
                behind.add_row(entry.unit, Text(failure_text(entry, lang), style="bold magenta"))
            else:
                figures = [f"{s.met}/{s.total}", str(s.unmet), str(s.missing), str(s.invalid)]
                groups = behind_groups(entry)
                if groups:
                    behind.add_row(
                        entry.unit,
                        Text("; ").join(
                            Text(" ").join(
                                Text(text, style=STATUS_STYLE[status] if status else "bold")
                                for text, status in group_parts(g, display.STATUS_MARK, lang)
                            )
                            for g in groups
                        ),
                    )
            table.add_row(
                entry.unit, entry.shown, *figures, f"{errors}/{warnings}", str(entry.exit_code)
            )
        console.print(table)
        if behind.row_count:
            console.print()
            console.print(Text(say("batch.behind", lang), style="bold"))
            console.print(behind)
        console.print()
        console.print(Text(say("batch.areas", lang), style="bold"))
        areas = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        areas.add_column(label("area", lang), no_wrap=True)
        areas.add_column(label("lead", lang), no_wrap=True)
        for status in Status:
            areas.add_column(display.STATUS_LABEL[status][lang], no_wrap=True, justify="right")
        areas.add_column(label("total", lang), no_wrap=True, justify="right")
        for area, s in batch.area_summaries():
            areas.add_row(
                area.name.get(lang),
                display.lead_name(batch.catalogue, area.lead, lang),
                *(str(n) for n in (s.met, s.unmet, s.missing, s.invalid, s.total)),
            )
        console.print(areas)
        if batch.failed:
            console.print()
            console.print(
                Text(
                    display.bracketed(say("batch.failed", lang), str(len(batch.failed)), lang),
                    style="bold",
                )
            )
            print_issues(console, [i for e in batch.failed for i in e.failure], lang)
        issues = [*batch.issues, *(i for e in batch.checked for i in e.issues)]
        if issues:
            console.print()
            console.print(
                Text(display.bracketed(label("issues", lang), str(len(issues)), lang), style="bold")
            )
            print_issues(console, issues, lang)
        console.print()
        console.print(Text(verdict(batch, lang), style="bold"), soft_wrap=True)
        return stream.getvalue()
