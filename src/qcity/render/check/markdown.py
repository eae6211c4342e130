"""GitHub/GitLab-flavoured Markdown for pull- and merge-request comments: a table with status marks."""

from __future__ import annotations

from typing import TextIO

from qcity.errors import Lang
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.common import (
    AGGREGATE,
    AGGREGATE_NOTE,
    DISTRICTS,
    aggregate_text,
    aggregates_by_code,
    computed_note,
    district_indicators,
    districts_summary,
    report_date,
    shown_tasks,
    task_progress_text,
    task_summary_text,
    value_text,
)
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.render.markdown_table import STATUS_EMOJI, issue_table
from qcity.render.verdict import verdict_line
from qcity.results import Evaluation, Status, TaskReport, TaskStatus

TASK_EMOJI: dict[TaskStatus, str] = {
    TaskStatus.DONE: "✅",
    TaskStatus.IN_PROGRESS: "🔄",
    TaskStatus.NOT_STARTED: "⬜",
    TaskStatus.UNREPORTED: "⚪",
}


def task_lines(tasks: TaskReport, lang: Lang, enforced: bool) -> list[str]:
    """The tasks as a Markdown table, then their counts."""
    head = f"**{label('tasks', lang)} ({len(tasks.results)})**"
    if tasks.sheet is not None:
        head += f" · {label('sheet', lang)} {markdown_code(tasks.sheet)}"
    out = ["", head, ""]
    heads = ("code", "task", "lead", "due", "status", "progress", "evidence")
    out.append("| " + " | ".join(label(h, lang) for h in heads) + " |")
    out.append("|---|---|---|---|---|---|---|")
    for r in tasks.results:
        progress = task_progress_text(r, lang)
        if r.overdue:
            progress = f"{'❌' if enforced else '⏰'} {progress}"
        cells = [
            r.task.code,
            markdown_text(r.task.title.get(lang)),
            markdown_text(r.task.lead or "—"),
            r.due.isoformat(),
            f"{TASK_EMOJI[r.status]} {display.TASK_STATUS_LABEL[r.status][lang]}",
            markdown_text(progress),
            markdown_text(r.evidence or ""),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", markdown_text(task_summary_text(tasks, lang))]
    return out


def status_mark(status: Status, lang: Lang) -> str:
    """✅ 达标, ❌ 未达标 …"""
    return f"{STATUS_EMOJI[status]} {display.STATUS_LABEL[status][lang]}"


class MarkdownReporter(StreamRenderer[Evaluation]):
    """A Markdown comment: header, verdict, one table of indicators by area, notes, data issues."""

    suffix = ".md"

    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        lang = options.lang
        meta = evaluation.catalogue.catalogue
        out: list[str] = [
            f"### {label('title', lang)} · {markdown_text(display.bracketed(meta.title.get(lang), meta.document, lang))}",
            "",
        ]
        where = [f"{label('file', lang)} {markdown_code(evaluation.source)}"]
        if evaluation.sheet:
            where.append(f"{label('sheet', lang)} {markdown_code(evaluation.sheet)}")
        where.append(f"{label('catalogue', lang)} {markdown_text(f'{meta.id} v{meta.version}')}")
        where.append(f"{label('date', lang)} {report_date(evaluation, options).isoformat()}")
        out += [" · ".join(where), "", f"**{markdown_text(verdict_line(evaluation, lang))}**", ""]
        headers = ["code", "indicator", "target", "value", "gap", "status"]
        out.append("| " + " | ".join(label(h, lang) for h in headers) + " |")
        out.append("|---|---|---|--:|--:|---|")
        by_area = {a.code: a for a in evaluation.catalogue.areas}
        current = None
        for r in evaluation.results:
            ind = r.indicator
            if ind.area != current:
                current = ind.area
                area = by_area[ind.area]
                name = markdown_text(
                    f"{area.name.get(lang)} · {label('lead', lang)} "
                    f"{display.lead_name(evaluation.catalogue, area.lead, lang)}"
                )
                out.append(f"| | **{name}** | | | | |")
            cells = [
                ind.code,
                markdown_text(ind.name.get(lang)),
                markdown_text(display.target(ind, lang)),
                markdown_text(value_text(r, lang)),
                markdown_text(display.gap(r, lang, short=True)),
                status_mark(r.status, lang),
            ]
            out.append("| " + " | ".join(cells) + " |")
        if any(r.observation is not None and r.observation.computed for r in evaluation.results):
            out += ["", markdown_text(computed_note(lang))]
        notes = [r for r in evaluation.results if r.note]
        if notes:
            out += ["", f"**{label('note', lang)}**", ""]
            out += [f"- {r.indicator.code}: {markdown_text(r.note or '')}" for r in notes]
        if evaluation.districts:
            out += ["", *district_table(evaluation, lang)]
        tasks = shown_tasks(evaluation, options)
        if tasks is not None:
            out += task_lines(tasks, lang, options.fail_on_tasks)
        if evaluation.issues:
            out += ["", *issue_table(evaluation.issues, lang)]
        stream.write("\n".join(out) + "\n")


def district_table(evaluation: Evaluation, lang: Lang) -> list[str]:
    """The district × indicator matrix as a Markdown table, with the summed rates last."""
    indicators = district_indicators(evaluation)
    aggregates = aggregates_by_code(evaluation)
    by_area = {a.code: a for a in evaluation.catalogue.areas}
    legend = " ".join(status_mark(s, lang) for s in Status)
    names = [markdown_text(d.name) for d in evaluation.districts]
    extra = [AGGREGATE[lang]] if aggregates else []
    out = [
        f"**{DISTRICTS[lang]} ({len(names)})** · {legend}",
        "",
        "| " + " | ".join([label("code", lang), *names, *extra]) + " |",
        "|---|" + ":-:|" * len(names) + ("--:|" if extra else ""),
    ]
    current = None
    for row, indicator in enumerate(indicators):
        if indicator.area != current:
            current = indicator.area
            area = markdown_text(by_area[indicator.area].name.get(lang))
            out.append(f"| **{area}** |" + " |" * (len(names) + len(extra)))
        cells = [indicator.code]
        cells += [STATUS_EMOJI[d.results[row].status] for d in evaluation.districts]
        if extra:
            cells.append(
                markdown_text(aggregate_text(aggregates.get(indicator.code), indicator, lang))
            )
        out.append("| " + " | ".join(cells) + " |")
    totals = [f"{d.summary.met}/{d.summary.total}" for d in evaluation.districts]
    out.append(
        "| "
        + " | ".join([display.STATUS_LABEL[Status.MET][lang], *totals, *([""] if extra else [])])
        + " |"
    )
    out.append("")
    if aggregates:
        out += [markdown_text(AGGREGATE_NOTE[lang]), ""]
    out.append(markdown_text(districts_summary(evaluation, lang)))
    return out
