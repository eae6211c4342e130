"""The batch as one self-contained HTML page: counts by area, a row per file, a status matrix."""

from __future__ import annotations

from qcity.batch import Batch
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions, display
from qcity.render.batch.common import batch_date, counts, failure_text, verdict
from qcity.render.common import value_text
from qcity.render.display import label
from qcity.render.escape import html_text as h
from qcity.render.html_page import CSS, issue_section, page_head, summary_bar
from qcity.render.i18n import say
from qcity.results import Status, Summary

MATRIX_CSS = (
    "table.matrix td, table.matrix th { padding: 0.6mm 0.8mm; text-align: center; "
    "font-size: 8pt; } table.matrix th.code { writing-mode: vertical-rl; } "
    "table.matrix td.unit { text-align: left; white-space: nowrap; }"
)


def _counts_row(first: list[str], s: Summary | None) -> str:
    cells = "".join(f"<td>{h(c)}</td>" for c in first)
    if s is None:
        return cells + '<td class="num">—</td>' + "<td></td>" * 4
    return (
        cells
        + f'<td class="num">{s.met}/{s.total}</td><td>{summary_bar(s)}</td>'
        + f'<td class="num">{s.unmet}</td><td class="num">{s.missing}</td>'
        + f'<td class="num">{s.invalid}</td>'
    )


class BatchHtmlReporter(Renderer[Batch]):
    """A printable page for the leading-group office: who is behind on what, at a glance."""

    suffix = ".html"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        lang = options.lang
        meta = batch.catalogue.catalogue
        status_names = [display.STATUS_LABEL[s][lang] for s in Status]
        out = [
            *page_head(say("batch.title", lang), lang, CSS + MATRIX_CSS),
            "<header>",
            f"<h1>{h(say('batch.title', lang))}</h1>",
            f'<p class="plan">{h(display.bracketed(meta.title.get(lang), meta.document, lang))}</p>',
            '<dl class="meta">',
            f"<dt>{h(say('batch.file', lang))}</dt><dd>{len(batch.entries)}</dd>",
            f"<dt>{h(label('catalogue', lang))}</dt><dd>{h(meta.id)} v{h(meta.version)}</dd>",
            f"<dt>{h(label('date', lang))}</dt>"
            f'<dd class="date">{batch_date(batch, options).isoformat()}</dd>',
            "</dl>",
            "</header>",
            '<section class="summary">',
            f'<p class="verdict">{h(verdict(batch, lang))}</p>',
            f"<h2>{h(say('batch.areas', lang))}</h2>",
            '<table class="areas"><thead><tr>',
            f"<th>{h(label('area', lang))}</th><th>{h(label('lead', lang))}</th>",
            f"<th>{h(status_names[0])}</th><th></th>",
            *(f"<th>{h(n)}</th>" for n in status_names[1:]),
            "</tr></thead><tbody>",
            *(
                f'<tr data-area="{h(a.code)}">'
                + _counts_row(
                    [a.name.get(lang), display.lead_name(batch.catalogue, a.lead, lang)], s
                )
                + "</tr>"
                for a, s in batch.area_summaries()
            ),
            "</tbody></table>",
            "</section>",
            '<section class="files">',
            f"<h2>{h(say('batch.file', lang))} ({len(batch.entries)})</h2>",
            '<table class="files"><thead><tr>',
            f"<th>{h(say('batch.unit', lang))}</th><th>{h(say('batch.file', lang))}</th>",
            f"<th>{h(status_names[0])}</th><th></th>",
            *(f"<th>{h(n)}</th>" for n in status_names[1:]),
            f"<th>{h(say('batch.errors', lang))}</th>",
            f"<th>{h(say('batch.warnings', lang))}</th>",
            f"<th>{h(say('batch.exit', lang))}</th>",
            "</tr></thead><tbody>",
        ]
        for entry in batch.entries:
            errors, warnings = counts(entry)
            row = _counts_row([entry.unit, entry.shown], entry.summary)
            if entry.evaluation is None:
                row += f'<td colspan="3" class="sev-error">{h(failure_text(entry, lang))}</td>'
            else:
                row += (
                    f'<td class="num">{errors}</td><td class="num">{warnings}</td>'
                    f'<td class="num">{entry.exit_code}</td>'
                )
            out.append(f'<tr class="file" data-exit="{entry.exit_code}">{row}</tr>')
        out += ["</tbody></table>", "</section>"]
        out += self._matrix(batch, lang)
        issues = [
            *batch.issues,
            *(i for e in batch.failed for i in e.failure),
            *(i for e in batch.checked for i in e.issues),
        ]
        out += issue_section(issues, lang)
        out += [
            f"<footer>qcity · {h(meta.id)} v{h(meta.version)} · "
            f"{h(batch.checked_at.isoformat(timespec='seconds'))}</footer>",
            "</body>",
            "</html>",
        ]
        return "\n".join(out) + "\n"

    @staticmethod
    def _matrix(batch: Batch, lang: Lang) -> list[str]:
        """Files down, indicators across (grouped by area), a coloured status mark per cell."""
        indicators = batch.judged()  # in scope: with --lead, only the departments' indicators
        legend = " ".join(
            f"{display.STATUS_MARK[s]} {display.STATUS_LABEL[s][lang]}" for s in Status
        )
        out = [
            '<section class="matrix">',
            f"<h2>{say('batch.matrix', lang)}</h2>",
            f'<p class="sub">{h(legend)}</p>',
            '<table class="matrix"><thead><tr><th></th>',
        ]
        for area in batch.catalogue.areas:
            span = sum(1 for i in indicators if i.area == area.code)
            if span:
                out.append(f'<th colspan="{span}">{h(area.name.get(lang))}</th>')
        out.append(f"</tr><tr><th>{h(say('batch.unit', lang))}</th>")
        out += [f'<th class="code">{h(i.code)}</th>' for i in indicators]
        out.append("</tr></thead><tbody>")
        order = [i.code for i in indicators]
        for entry in batch.entries:
            cells = [f'<td class="unit" title="{h(entry.shown)}">{h(entry.unit)}</td>']
            if entry.evaluation is None:
                cells.append(
                    f'<td colspan="{len(order)}" class="sev-error">'
                    f"{h(failure_text(entry, lang))}</td>"
                )
            else:
                by_code = {r.indicator.code: r for r in entry.evaluation.results}
                for code in order:
                    r = by_code.get(code)
                    if r is None:  # out of this file's scope (a template stamped for others)
                        cells.append("<td></td>")
                        continue
                    title = f"{code}: {display.STATUS_LABEL[r.status][lang]}"
                    if r.observation is not None:
                        title += f" · {value_text(r, lang)}"
                    cells.append(
                        f'<td class="status status-{r.status.value}" title="{h(title)}">'
                        f"{h(display.STATUS_MARK[r.status])}</td>"
                    )
            out.append("<tr>" + "".join(cells) + "</tr>")
        out += ["</tbody></table>", "</section>"]
        return out
