"""The terminal report: a rich table by area, the data issues with their cells, a summary line."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from qcity.errors import Lang
from qcity.model import Indicator
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.common import (
    AGGREGATE,
    AGGREGATE_NOTE,
    DISTRICTS,
    aggregate_text,
    aggregates_by_code,
    district_indicators,
    districts_summary,
    scope_text,
    shown_tasks,
    task_progress_text,
    task_status_text,
    task_summary_text,
)
from qcity.render.console import (
    STATUS_STYLE,
    TASK_STYLE,
    make_console,
    print_issues,
    status_text,
    summary_text,
)
from qcity.render.display import label
from qcity.render.i18n import say
from qcity.results import Derivation, Evaluation, Status, TaskReport


def print_tasks(console: Console, tasks: TaskReport, lang: Lang, enforced: bool) -> None:
    """The tasks section: one row per task with its deadline, status, progress and evidence."""
    console.print()
    head = display.bracketed(label("tasks", lang), str(len(tasks.results)), lang)
    if tasks.sheet is not None:
        head += f" · {label('sheet', lang)}{display.COLON[lang]}{tasks.sheet}"
    console.print(Text(head, style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column(label("code", lang), no_wrap=True, style="bold")
    # The evidence goes under the task's title: a link or a document number gets the room.
    table.add_column(f"{label('task', lang)} · {label('evidence', lang)}", ratio=1, overflow="fold")
    table.add_column(label("lead", lang), no_wrap=True)
    table.add_column(label("due", lang), no_wrap=True)
    table.add_column(label("status", lang), no_wrap=True)
    table.add_column(label("progress", lang), no_wrap=True)
    overdue_style = "bold red" if enforced else "red"
    for r in tasks.results:
        task = Text(r.task.title.get(lang))
        if r.evidence:
            task.append(
                f"\n{label('evidence', lang)}{display.COLON[lang]}{r.evidence}", style="dim"
            )
        progress = task_progress_text(r, lang)
        table.add_row(
            r.task.code,
            task,
            r.task.lead or "—",
            r.due.isoformat(),
            Text(task_status_text(r, lang), style=TASK_STYLE[r.status]),
            Text(progress, style=overdue_style if r.overdue else ("yellow" if r.late else "")),
        )
    console.print(table)
    console.print(Text(task_summary_text(tasks, lang), style="bold"), soft_wrap=True)


def _derived_cell(derivation: Derivation | None, indicator: Indicator, lang: Lang) -> str:
    if derivation is None:
        return ""
    if derivation.value is None:
        return "—"
    shown = display.number(derivation.value, indicator.unit, lang, indicator.decimals)
    return f"{shown} ≠" if derivation.consistent is False else shown


def _footnotes(evaluation: Evaluation, lang: Lang) -> list[str]:
    """The notes under the table: computed fractions, derived figures judged, bases used."""
    lines: list[str] = []
    results = evaluation.results
    if any(r.observation is not None and "*" in display.reported(r, lang) for r in results):
        lines.append(say("check.computed-note", lang))
    if any(
        r.judged_on_derived or (r.derivation and r.derivation.consistent is False) for r in results
    ):
        lines.append(say("check.derived-note", lang))
    for r in results:
        if r.derivation is not None and r.derivation.value is not None:
            lines += display.basis_lines(evaluation.catalogue, r.derivation, lang)
    return lines


class TextReporter(StreamRenderer[Evaluation]):
    """Human-readable terminal report."""

    suffix = ".txt"

    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        lang = options.lang
        console = make_console(stream, options)
        meta = evaluation.catalogue.catalogue
        console.print(
            Text(
                f"{label('title', lang)} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
                style="bold",
            )
        )
        where = f"{label('file', lang)}{display.COLON[lang]}{evaluation.source}"
        if evaluation.sheet:
            where += f" · {label('sheet', lang)}{display.COLON[lang]}{evaluation.sheet}"
        where += f" · {label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}"
        console.print(Text(where, style="dim"))
        scope = scope_text(evaluation, lang)
        if scope is not None:
            console.print(Text(scope, style="bold"), soft_wrap=True)
        derived_column = evaluation.series_sheet is not None
        if evaluation.series_sheet is not None and evaluation.report_year is not None:
            console.print(
                Text(
                    f"{label('series_sheet', lang)}{display.COLON[lang]}{evaluation.series_sheet} · "
                    f"{label('report_year', lang)}{display.COLON[lang]}{display.report_year(evaluation.report_year, lang)}",
                    style="dim",
                )
            )

        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column(label("code", lang), no_wrap=True, style="bold")
        table.add_column(label("indicator", lang), ratio=1, overflow="fold")
        table.add_column(label("target", lang), no_wrap=True)
        table.add_column(label("value", lang), no_wrap=True, justify="right")
        if derived_column:
            table.add_column(label("derived", lang), no_wrap=True, justify="right")
        table.add_column(label("gap", lang), no_wrap=True, justify="right")
        table.add_column(label("status", lang), no_wrap=True)
        by_area = {a.code: a for a in evaluation.catalogue.areas}
        current = None
        for r in evaluation.results:
            ind = r.indicator
            if ind.area != current:
                if current is not None:
                    table.add_section()
                current = ind.area
                area = by_area[ind.area]
                table.add_row(
                    "",
                    Text(
                        f"{area.name.get(lang)} · {label('lead', lang)} "
                        f"{display.lead_name(evaluation.catalogue, area.lead, lang)}",
                        style="bold cyan",
                    ),
                )
            reported = r.observation is not None and r.observation.notation != "derived"
            value = display.reported(r, lang) if reported else "—"
            cells: list[str | Text] = [ind.code, ind.name.get(lang), display.target(ind, lang)]
            cells.append(value)
            if derived_column:
                cells.append(_derived_cell(r.derivation, ind, lang))
            cells.append(
                Text(
                    display.gap(r, lang, short=True),
                    style=STATUS_STYLE[r.status] if r.status is Status.UNMET else "",
                )
            )
            cells.append(status_text(r.status, lang))
            table.add_row(*cells)
        console.print(table)
        for line in display.horizons_ahead(evaluation.results, lang):
            console.print(Text(line, style="dim"), soft_wrap=True)
        for line in _footnotes(evaluation, lang):
            console.print(Text(line, style="dim"), soft_wrap=True)
        if evaluation.districts:
            console.print()
            print_district_matrix(console, evaluation, lang)
        tasks = shown_tasks(evaluation, options)
        if tasks is not None:
            print_tasks(console, tasks, lang, options.fail_on_tasks)

        if evaluation.issues:
            console.print()
            console.print(
                Text(
                    display.bracketed(label("issues", lang), str(len(evaluation.issues)), lang),
                    style="bold",
                )
            )
            print_issues(console, evaluation.issues, lang)
        console.print()
        console.print(summary_text(evaluation, lang), soft_wrap=True)
        if tasks is not None and options.fail_on_tasks and tasks.summary.overdue:
            overdue = tasks.summary.overdue
            console.print(
                Text(say("check.overdue-fails", lang, overdue=overdue), style="bold red"),
                soft_wrap=True,
            )


def print_district_matrix(console: Console, evaluation: Evaluation, lang: Lang) -> None:
    """The district × indicator matrix: indicators by area down, districts across (in as many
    blocks as the width needs), a status mark per cell, the summed rates in a last column."""
    indicators = district_indicators(evaluation)
    aggregates = aggregates_by_code(evaluation)
    by_area = {a.code: a for a in evaluation.catalogue.areas}
    names = [d.name for d in evaluation.districts]
    first = max(
        [cell_len(i.code) for i in indicators]
        + [cell_len(by_area[i.area].name.get(lang)) for i in indicators]
        + [cell_len(display.STATUS_LABEL[Status.MET][lang])]
    )
    has_sum = bool(aggregates)
    sum_width = (
        max(
            [cell_len(AGGREGATE[lang])]
            + [cell_len(aggregate_text(aggregates.get(i.code), i, lang)) for i in indicators]
        )
        if has_sum
        else 0
    )
    # Each column takes its text, a space of padding each side and a space between columns.
    room = (console.width or 100) - first - 2 - (sum_width + 3 if has_sum else 0)
    blocks: list[list[int]] = [[]]
    used = 0
    for n, name in enumerate(names):
        width = max(cell_len(name), 5) + 3
        if blocks[-1] and used + width > room:
            blocks.append([])
            used = 0
        blocks[-1].append(n)
        used += width
    legend = " ".join(f"{display.STATUS_MARK[s]} {display.STATUS_LABEL[s][lang]}" for s in Status)
    console.print(
        Text(
            f"{display.bracketed(DISTRICTS[lang], str(len(names)), lang)} · {legend}", style="bold"
        )
    )
    for number, block in enumerate(blocks):
        last = number == len(blocks) - 1
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column(label("code", lang), no_wrap=True, style="bold")
        for n in block:
            table.add_column(names[n], no_wrap=True, justify="center")
        if has_sum and last:
            table.add_column(AGGREGATE[lang], no_wrap=True, justify="right")
        current = None
        for row, indicator in enumerate(indicators):
            if indicator.area != current:
                if current is not None:
                    table.add_section()
                current = indicator.area
                table.add_row(Text(by_area[indicator.area].name.get(lang), style="bold cyan"))
            cells: list[str | Text] = [indicator.code]
            for n in block:
                status = evaluation.districts[n].results[row].status
                cells.append(Text(display.STATUS_MARK[status], style=STATUS_STYLE[status]))
            if has_sum and last:
                cells.append(aggregate_text(aggregates.get(indicator.code), indicator, lang))
            table.add_row(*cells)
        table.add_section()
        totals: list[str | Text] = [display.STATUS_LABEL[Status.MET][lang]]
        for n in block:
            s = evaluation.districts[n].summary
            totals.append(f"{s.met}/{s.total}")
        table.add_row(*totals)
        console.print(table)
    if has_sum:
        console.print(Text(AGGREGATE_NOTE[lang], style="dim"), soft_wrap=True)
    console.print(Text(districts_summary(evaluation, lang)), soft_wrap=True)
