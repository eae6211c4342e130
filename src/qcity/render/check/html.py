"""One self-contained HTML page (inline CSS and SVG, no network), printable on A4."""

from __future__ import annotations

from decimal import Decimal
from typing import TextIO

from qcity.errors import Lang
from qcity.model import Op
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.common import (
    AGGREGATE,
    AGGREGATE_NOTE,
    DISTRICTS,
    aggregate_text,
    aggregates_by_code,
    cell_ref,
    computed_note,
    deliverables_text,
    district_indicators,
    districts_summary,
    fraction_text,
    report_date,
    shown_tasks,
    task_progress_text,
    task_status_text,
    task_summary_text,
    value_text,
)
from qcity.render.display import label
from qcity.render.escape import html_text as h
from qcity.render.html_page import STATUS_COLOR, issue_section, page_head, summary_bar
from qcity.render.i18n import say
from qcity.render.verdict import verdict_line
from qcity.results import Evaluation, IndicatorResult, Status, TaskReport

BAR_WIDTH = 150
BAR_HEIGHT = 18


def _scale(r: IndicatorResult) -> tuple[Decimal, Decimal] | None:
    # Where the bar runs: from 0 (or below, for a negative figure) to the indicator's ceiling
    # when it has one (a rate: 100), else a little past the larger of value and target.
    ind = r.indicator
    if r.judged is None or isinstance(r.judged, bool) or isinstance(ind.target.value, bool):
        return None
    value, target = r.judged, ind.target.number
    low = min(Decimal(0), value, target)
    high = ind.range.max if ind.range.max is not None else max(value, target) * Decimal("1.2")
    if high <= low:
        return None
    return low, high


def bar(r: IndicatorResult, lang: Lang) -> str:
    """An inline SVG: the reported value as a bar, the target as a line, the tolerance as a band."""
    scale = _scale(r)
    if scale is None:
        return ""
    low, high = scale
    ind = r.indicator
    assert isinstance(r.judged, Decimal)

    def x(v: Decimal) -> str:
        return f"{float((v - low) / (high - low)) * BAR_WIDTH:.1f}"

    color = STATUS_COLOR[r.status]
    zero = x(Decimal(0))
    start, end = sorted((float(zero), float(x(r.judged))))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" '
        f'viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" role="img">',
        f"<title>{h(value_text(r, lang))} / {h(display.target(ind, lang))}</title>",
        f'<rect x="0" y="4" width="{BAR_WIDTH}" height="10" fill="#eef1f4"/>',
    ]
    if ind.target.op is Op.ABOUT:
        band_from, band_to = x(ind.target.threshold), x(ind.target.number)
        parts.append(
            f'<rect x="{band_from}" y="2" width="{float(band_to) - float(band_from):.1f}" '
            f'height="14" fill="#d8e8d8"/>'
        )
    parts.append(
        f'<rect class="value" x="{start:.1f}" y="5" width="{end - start:.1f}" height="8" '
        f'fill="{color}"/>'
    )
    parts.append(
        f'<line class="target" x1="{x(ind.target.number)}" x2="{x(ind.target.number)}" '
        f'y1="0" y2="{BAR_HEIGHT}" stroke="#1f2328" stroke-width="2"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _status_cell(status: Status, lang: Lang) -> str:
    text = f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"
    return f'<td class="status status-{status.value}">{h(text)}</td>'


class HtmlReporter(StreamRenderer[Evaluation]):
    """A printable page: header, summary by area, every indicator with a bar, the data issues."""

    suffix = ".html"

    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        lang = options.lang
        meta = evaluation.catalogue.catalogue
        title = f"{label('title', lang)} · {evaluation.source}"
        out: list[str] = [
            *page_head(title, lang),
            "<header>",
            f"<h1>{h(label('title', lang))}</h1>",
            f'<p class="plan">{h(display.bracketed(meta.title.get(lang), meta.document, lang))}</p>',
            '<dl class="meta">',
            f'<dt>{h(label("file", lang))}</dt><dd class="source">{h(evaluation.source)}</dd>',
        ]
        if evaluation.sheet:
            out.append(f"<dt>{h(label('sheet', lang))}</dt><dd>{h(evaluation.sheet)}</dd>")
        out += [
            f"<dt>{h(label('catalogue', lang))}</dt><dd>{h(meta.id)} v{h(meta.version)}</dd>",
            f"<dt>{h(label('date', lang))}</dt>"
            f'<dd class="date">{report_date(evaluation, options).isoformat()}</dd>',
            "</dl>",
            "</header>",
        ]
        out += self._summary(evaluation, lang)
        for area, _ in evaluation.area_summaries():
            rows = [r for r in evaluation.results if r.indicator.area == area.code]
            out += [
                f'<section class="area" id="area-{h(area.code)}">',
                f"<h2>{h(area.name.get(lang))} · {h(label('lead', lang))} "
                f"{h(display.lead_name(evaluation.catalogue, area.lead, lang))}</h2>",
                '<table class="indicators"><thead><tr>',
                *(
                    f"<th>{h(label(k, lang))}</th>"
                    for k in ("code", "indicator", "target", "value", "gap", "compare", "status")
                ),
                "</tr></thead><tbody>",
            ]
            out += [self._row(r, lang) for r in rows]
            out += ["</tbody></table>", "</section>"]
        if any(r.observation is not None and r.observation.computed for r in evaluation.results):
            out.append(f'<p class="sub">{h(computed_note(lang))}</p>')
        if evaluation.districts:
            out += district_section(evaluation, lang)
        tasks = shown_tasks(evaluation, options)
        if tasks is not None:
            out += self._tasks(tasks, lang)
        out += self._issues(evaluation, lang)
        out += [
            f"<footer>qcity · {h(meta.id)} v{h(meta.version)} · "
            f"{h(evaluation.checked_at.isoformat(timespec='seconds'))}</footer>",
            "</body>",
            "</html>",
        ]
        stream.write("\n".join(out) + "\n")

    @staticmethod
    def _summary(evaluation: Evaluation, lang: Lang) -> list[str]:
        heads = ("area", "lead", "met", "unmet", "missing", "invalid", "total", "")
        names = {s.value: display.STATUS_LABEL[s][lang] for s in Status}
        out = [
            '<section class="summary">',
            f"<h2>{say('check.summary', lang)}</h2>",
            f'<p class="verdict">{h(verdict_line(evaluation, lang))}</p>',
            '<table class="areas"><thead><tr>',
            *(f"<th>{h(names.get(k) or (label(k, lang) if k else ''))}</th>" for k in heads),
            "</tr></thead><tbody>",
        ]
        for area, s in evaluation.area_summaries():
            out.append(
                f'<tr data-area="{h(area.code)}"><td>{h(area.name.get(lang))}</td>'
                f'<td>{h(display.lead_name(evaluation.catalogue, area.lead, lang))}</td><td class="num">{s.met}</td>'
                f'<td class="num">{s.unmet}</td><td class="num">{s.missing}</td>'
                f'<td class="num">{s.invalid}</td><td class="num">{s.total}</td>'
                f"<td>{summary_bar(s)}</td></tr>"
            )
        out += ["</tbody></table>", "</section>"]
        return out

    @staticmethod
    def _row(r: IndicatorResult, lang: Lang) -> str:
        ind = r.indicator
        name = [h(ind.name.get(lang))]
        fraction = fraction_text(r)
        if fraction:
            name.append(f'<div class="sub">{h(fraction)}</div>')
        if r.location is not None:
            name.append(
                f'<div class="sub">{h(label("location", lang))}{display.COLON[lang]}{h(cell_ref(r.location))}</div>'
            )
        if r.note:
            name.append(
                f'<div class="note">{h(label("note", lang))}{display.COLON[lang]}{h(r.note)}</div>'
            )
        name.append(f'<div class="sub">{h(ind.source.clause)} {h(ind.source.quote)}</div>')
        return (
            f'<tr class="indicator status-row-{r.status.value}" data-code="{h(ind.code)}" '
            f'data-status="{r.status.value}">'
            f'<td class="code">{h(ind.code)}</td><td>{"".join(name)}</td>'
            f'<td class="nowrap">{h(display.target(ind, lang))}</td>'
            f'<td class="num">{h(value_text(r, lang))}</td>'
            f'<td class="num">{h(display.gap(r, lang, short=True))}</td>'
            f"<td>{bar(r, lang)}</td>"
            f"{_status_cell(r.status, lang)}</tr>"
        )

    @staticmethod
    def _tasks(tasks: TaskReport, lang: Lang) -> list[str]:
        sheet = (
            f" · {label('sheet', lang)}{display.COLON[lang]}{tasks.sheet}" if tasks.sheet else ""
        )
        out = [
            '<section class="tasks">',
            f"<h2>{h(label('tasks', lang))} ({len(tasks.results)}){h(sheet)}</h2>",
            f'<p class="verdict">{h(task_summary_text(tasks, lang))}</p>',
            '<table class="tasks"><thead><tr>',
            *(
                f"<th>{h(label(k, lang))}</th>"
                for k in ("code", "task", "lead", "due", "status", "progress", "evidence")
            ),
            "</tr></thead><tbody>",
        ]
        for r in tasks.results:
            task = [h(r.task.title.get(lang))]
            task.append(
                f'<div class="sub">{h(label("deliverables", lang))}{display.COLON[lang]}{h(deliverables_text(r.task, lang))}</div>'
            )
            if r.note:
                task.append(
                    f'<div class="note">{h(label("note", lang))}{display.COLON[lang]}{h(r.note)}</div>'
                )
            progress_class = "overdue" if r.overdue else ("late" if r.late else "")
            out.append(
                f'<tr class="task" data-code="{h(r.task.code)}" data-status="{r.status.value}" '
                f'data-overdue="{str(r.overdue).lower()}">'
                f'<td class="code">{h(r.task.code)}</td><td>{"".join(task)}</td>'
                f'<td class="nowrap">{h(r.task.lead or "—")}</td>'
                f'<td class="nowrap">{r.due.isoformat()}</td>'
                f'<td class="status task-{r.status.value}">{h(task_status_text(r, lang))}</td>'
                f'<td class="nowrap {progress_class}">{h(task_progress_text(r, lang))}</td>'
                f'<td class="note">{h(r.evidence or "")}</td></tr>'
            )
        out += ["</tbody></table>", "</section>"]
        return out

    @staticmethod
    def _issues(evaluation: Evaluation, lang: Lang) -> list[str]:
        return issue_section(evaluation.issues, lang)


def district_section(evaluation: Evaluation, lang: Lang) -> list[str]:
    """The district × indicator matrix: a coloured status mark per cell, the summed rates last."""
    indicators = district_indicators(evaluation)
    aggregates = aggregates_by_code(evaluation)
    by_area = {a.code: a for a in evaluation.catalogue.areas}
    columns = 1 + len(evaluation.districts) + (1 if aggregates else 0)
    out = [
        '<section class="districts">',
        f"<h2>{h(DISTRICTS[lang])} ({len(evaluation.districts)})</h2>",
        '<table class="districts"><thead><tr>',
        f"<th>{h(label('code', lang))}</th>",
        *(
            f'<th class="district" style="text-align: center">{h(d.name)}</th>'
            for d in evaluation.districts
        ),
        *([f"<th>{h(AGGREGATE[lang])}</th>"] if aggregates else []),
        "</tr></thead><tbody>",
    ]
    current = None
    for row, indicator in enumerate(indicators):
        if indicator.area != current:
            current = indicator.area
            out.append(
                f'<tr class="area"><td colspan="{columns}"><b>'
                f"{h(by_area[indicator.area].name.get(lang))}</b></td></tr>"
            )
        cells = [f'<tr data-code="{h(indicator.code)}"><td class="code">{h(indicator.code)}</td>']
        for d in evaluation.districts:
            r = d.results[row]
            title = f"{d.name} · {indicator.code}: {display.STATUS_LABEL[r.status][lang]}"
            if r.observation is not None:
                title += f" · {value_text(r, lang)}"
            cells.append(
                f'<td class="status status-{r.status.value}" data-district="{h(d.name)}" '
                f'style="text-align: center" title="{h(title)}">'
                f"{h(display.STATUS_MARK[r.status])}</td>"
            )
        if aggregates:
            text = aggregate_text(aggregates.get(indicator.code), indicator, lang)
            cells.append(f'<td class="num">{h(text)}</td>')
        out.append("".join(cells) + "</tr>")
    totals = "".join(
        f'<td class="num">{d.summary.met}/{d.summary.total}</td>' for d in evaluation.districts
    )
    out.append(
        f'<tr class="totals"><td>{h(display.STATUS_LABEL[Status.MET][lang])}</td>{totals}'
        f"{'<td></td>' if aggregates else ''}</tr>"
    )
    out.append("</tbody></table>")
    if aggregates:
        out.append(f'<p class="sub">{h(AGGREGATE_NOTE[lang])}</p>')
    out += [f"<p>{h(districts_summary(evaluation, lang))}</p>", "</section>"]
    return out
