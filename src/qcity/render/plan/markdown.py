"""`qcity plan` as Markdown: tables for phases, due tasks and open items."""

from __future__ import annotations

from qcity.phases import When
from qcity.plan import PlanView
from qcity.render import Renderer, ReportOptions
from qcity.render.common import deliverables_text, task_status_text
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
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


class PlanMarkdownReporter(Renderer[PlanView]):
    """The plan as Markdown."""

    suffix = ".md"

    def render(self, view: PlanView, options: ReportOptions) -> str:
        lang = options.lang
        title, where = header(view, lang)
        out = [f"### {markdown_text(title)}", "", markdown_text(where), ""]
        out.append(f"**{markdown_text(position_text(view, lang))}**")
        if view.milestone is not None and show_milestone(view):
            out += ["", markdown_text(milestone_text(view.milestone, lang))]
        if view.phases:
            out += ["", "```text", *timeline(view, lang), "```", ""]
            heads = [
                label("phase", lang),
                say("plan.phases", lang),
                say("plan.months", lang),
                label("progress", lang),
            ]
            out += ["| " + " | ".join(heads) + " |", "|---|---|---|---|"]
            for pv in view.phases:
                p = pv.phase
                name = markdown_text(p.name.get(lang))
                if pv.state.when is When.CURRENT:
                    name = f"**{name}**"
                if p.milestone:
                    name = f"◆ {name}"
                progress = f"`{bar(pv.elapsed)}` {state_text(pv.state.when, pv.state.days, lang)}"
                out.append(f"| {p.clause} | {name} | {span(p, lang)} | {progress} |")
            if any(p.milestone for p in view.catalogue.phases):
                out += ["", say("plan.milestone-mark", lang)]
        if view.focus is not None:
            out += ["", f"#### {markdown_text(focus_heading(view, lang))}", ""]
            out += [f"- {markdown_text(d.name.get(lang))}" for d in view.focus.produces]
            if view.due:
                with_status = view.evaluation is not None and view.evaluation.tasks is not None
                heads = [label(k, lang) for k in ("code", "task", "lead", "deliverables")]
                if with_status:
                    heads.append(label("status", lang))
                out += ["", "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
                for item in view.due:
                    cells = [
                        item.task.code,
                        markdown_text(item.task.title.get(lang)),
                        markdown_text(item.task.lead or "—"),
                        markdown_text(deliverables_text(item.task, lang)),
                    ]
                    if with_status:
                        cells.append(task_status_text(item.result, lang) if item.result else "")
                    out.append("| " + " | ".join(cells) + " |")
        if view.reporting:
            who = recipients(view, lang)
            head = say("plan.reporting", lang) + (f" · {who}" if who else "")
            out += ["", f"#### {markdown_text(head)}", ""]
            out += [f"- {markdown_text(reporting_text(item, lang))}" for item in view.reporting]
        if view.evaluation is not None:
            ev = view.evaluation
            out += ["", f"#### {say('plan.open', lang)} · {markdown_code(ev.source)}"]
            for group in view.open:
                out += ["", f"**{markdown_text(group_label(group, lang))}**", ""]
                out += [
                    f"- {status_mark(r.status, lang)} {markdown_text(indicator_line(r, lang))}"
                    for r in group.indicators
                ]
                for tr in group.tasks:
                    text = markdown_text(task_line(tr, lang))
                    out.append(
                        f"- {task_status_text(tr, lang)} {'**' + text + '**' if tr.overdue else text}"
                    )
            out += ["", f"**{markdown_text(open_total_text(view, lang))}**"]
        return "\n".join(out) + "\n"
