"""`qcity plan` as a rich text view: the timeline, phases, what is due, reporting, open items."""

from __future__ import annotations

import io
from typing import Any

from qcity.errors import Lang
from qcity.phases import When
from qcity.plan import PlanView
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import deliverables_text, task_status_text
from qcity.render.display import label
from qcity.render.gaps.common import milestone_text
from qcity.render.i18n import say
from qcity.render.plan.common import (
    bar,
    focus_heading,
    group_label,
    header,
    indicator_line,
    open_total_text,
    position_text,
    recipients,
    reporting_text,
    show_milestone,
    span,
    state_text,
    status_mark,
    task_line,
    timeline,
)


class PlanTextReporter(Renderer[PlanView]):
    """The plan as a rich text view."""

    def render(self, view: PlanView, options: ReportOptions) -> str:
        from rich.text import Text

        from qcity.render.console import make_console

        lang = options.lang
        buffer = io.StringIO()
        console = make_console(buffer, options)
        title, where = header(view, lang)
        console.print(Text(title, style="bold"), soft_wrap=True)
        console.print(Text(where, style="dim"), soft_wrap=True)
        console.print(Text(position_text(view, lang), style="bold"), soft_wrap=True)
        if view.milestone is not None and show_milestone(view):
            console.print(Text(milestone_text(view.milestone, lang)), soft_wrap=True)
        for section in (_text_phases, _text_due, _text_reporting, _text_open):
            section(console, view, lang)
        return buffer.getvalue()


def _table(*columns: tuple[str, dict[str, Any]]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for heading, options in columns:
        table.add_column(heading, **options)
    return table


def _text_phases(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    if not view.phases:
        return
    console.print()
    for text in timeline(view, lang):
        console.print(Text(text), soft_wrap=True)
    table = _table(
        (label("phase", lang), {"no_wrap": True, "style": "bold"}),
        (say("plan.phases", lang), {"no_wrap": True}),
        (say("plan.months", lang), {"no_wrap": True}),
        (label("progress", lang), {"no_wrap": True}),
    )
    styles = {When.PAST: "dim", When.CURRENT: "bold green", When.UPCOMING: ""}
    for pv in view.phases:
        p = pv.phase
        style = styles[pv.state.when]
        name = f"◆ {p.name.get(lang)}" if p.milestone else p.name.get(lang)
        progress = f"{bar(pv.elapsed)} {state_text(pv.state.when, pv.state.days, lang)}"
        table.add_row(p.clause, Text(name, style=style), span(p, lang), Text(progress, style=style))
    console.print(table)
    if any(p.milestone for p in view.catalogue.phases):
        console.print(Text(say("plan.milestone-mark", lang), style="dim"))


def _text_due(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    from qcity.render.console import TASK_STYLE

    if view.focus is None:
        return
    console.print()
    console.print(Text(focus_heading(view, lang), style="bold cyan"), soft_wrap=True)
    for made in view.focus.produces:
        console.print(Text(f"  · {made.name.get(lang)}"), soft_wrap=True)
    if not view.due:
        return
    with_status = view.evaluation is not None and view.evaluation.tasks is not None
    columns: list[tuple[str, dict[str, Any]]] = [
        (label("code", lang), {"no_wrap": True, "style": "bold"}),
        (label("task", lang), {"no_wrap": True}),
        (label("lead", lang), {"no_wrap": True}),
        (label("deliverables", lang), {"ratio": 1, "overflow": "fold"}),
    ]
    if with_status:
        columns.append((label("status", lang), {"no_wrap": True}))
    table = _table(*columns)
    for item in view.due:
        cells: list[str | Text] = [
            item.task.code,
            item.task.title.get(lang),
            item.task.lead or "—",
            deliverables_text(item.task, lang),
        ]
        if with_status:
            result = item.result
            cells.append(
                Text(task_status_text(result, lang), style=TASK_STYLE[result.status])
                if result
                else ""
            )
        table.add_row(*cells)
    console.print(table)


def _text_reporting(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    if not view.reporting:
        return
    console.print()
    head = say("plan.reporting", lang)
    who = recipients(view, lang)
    console.print(Text(f"{head} · {who}" if who else head, style="bold cyan"), soft_wrap=True)
    for duty in view.reporting:
        console.print(Text(f"  {reporting_text(duty, lang)}"), soft_wrap=True)


def _text_open(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    from qcity.render.console import STATUS_STYLE, TASK_STYLE

    ev = view.evaluation
    if ev is None:
        return
    console.print()
    where = f"{label('file', lang)}{display.COLON[lang]}{ev.source}"
    if ev.sheet:
        where += f" · {label('sheet', lang)}{display.COLON[lang]}{ev.sheet}"
    if ev.tasks is not None and ev.tasks.sheet:
        where += f" · {label('tasks', lang)}{display.COLON[lang]}{ev.tasks.sheet}"
    console.print(Text(f"{say('plan.open', lang)} · {where}", style="bold cyan"), soft_wrap=True)
    for group in view.open:
        console.print(Text(group_label(group, lang), style="bold"), soft_wrap=True)
        for r in group.indicators:
            line = Text("  ")
            line.append(status_mark(r.status, lang), style=STATUS_STYLE[r.status])
            line.append(f"  {indicator_line(r, lang)}")
            console.print(line, soft_wrap=True)
        for task in group.tasks:
            line = Text("  ")
            line.append(task_status_text(task, lang), style=TASK_STYLE[task.status])
            line.append(f"  {task_line(task, lang)}", style="red" if task.overdue else "")
            console.print(line, soft_wrap=True)
    console.print(Text(open_total_text(view, lang), style="bold"), soft_wrap=True)
