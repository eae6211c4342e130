"""The HTML page every view's html format builds on: its head and style (inline, no network),
status colours and bars, the section of data issues."""

from __future__ import annotations

from collections.abc import Sequence

from qcity.errors import Issue, Lang
from qcity.render import display
from qcity.render.display import label
from qcity.render.escape import html_text as h
from qcity.results import Status, Summary

# The page's lang attribute: the language tag, not a word the reader sees.
HTML_LANG: dict[Lang, str] = {"zh": "zh-CN", "en": "en"}

STATUS_COLOR: dict[Status, str] = {
    Status.MET: "#1a7f37",
    Status.UNMET: "#cf222e",
    Status.MISSING: "#9a6700",
    Status.INVALID: "#8250df",
}

# Chinese first in the order a reader's machine is likely to have them; the generic family last.
FONTS = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", '
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", '
    '"Heiti SC", SimHei, "Helvetica Neue", Arial, sans-serif'
)

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: FONTS; font-size: 10.5pt; line-height: 1.45; color: #1f2328;
       margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
header { border-bottom: 2px solid #1f2328; margin-bottom: 5mm; padding-bottom: 2mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
.plan { font-size: 12pt; margin: 0 0 2mm; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0; }
dl.meta dt { color: #59636e; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.verdict { font-weight: bold; font-size: 11.5pt; margin: 2mm 0 3mm; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #d1d9e0; padding: 1.2mm 1.5mm; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; font-weight: bold; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.code { font-weight: bold; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.status { font-weight: bold; white-space: nowrap; }
.status-met { color: #1a7f37; } .status-unmet { color: #cf222e; }
.status-missing { color: #9a6700; } .status-invalid { color: #8250df; }
.sub { color: #59636e; font-size: 8.5pt; overflow-wrap: anywhere; }
.note { font-size: 8.5pt; overflow-wrap: anywhere; }
section.area { break-inside: auto; }
svg { display: block; }
.sev-error { color: #cf222e; font-weight: bold; } .sev-warning { color: #9a6700; }
.sev-info { color: #0969da; }
.task-done { color: #1a7f37; } .task-in_progress { color: #0969da; }
.task-not_started, .task-unreported { color: #9a6700; }
.overdue { color: #cf222e; font-weight: bold; } .late { color: #9a6700; }
footer { margin-top: 6mm; color: #59636e; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } }
""".replace("FONTS", FONTS)


def summary_bar(s: Summary) -> str:
    """A small stacked bar of the statuses' counts (an inline SVG)."""
    if s.total == 0:
        return ""
    width = 120
    x = 0.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="12">']
    for status, count in (
        (Status.MET, s.met),
        (Status.UNMET, s.unmet),
        (Status.MISSING, s.missing),
        (Status.INVALID, s.invalid),
    ):
        w = width * count / s.total
        if w:
            parts.append(
                f'<rect x="{x:.1f}" y="1" width="{w:.1f}" height="10" '
                f'fill="{STATUS_COLOR[status]}"/>'
            )
        x += w
    parts.append("</svg>")
    return "".join(parts)


def issue_section(issues: Sequence[Issue], lang: Lang) -> list[str]:
    """The data issues as a section with a table (nothing when there are none)."""
    if not issues:
        return []
    out = [
        '<section class="issues">',
        f"<h2>{h(label('issues', lang))} ({len(issues)})</h2>",
        '<table class="issues"><thead><tr>',
        *(f"<th>{h(label(k, lang))}</th>" for k in ("severity", "location", "problem", "fix")),
        "</tr></thead><tbody>",
    ]
    for issue in issues:
        sev = issue.level.value
        out.append(
            f'<tr class="issue" data-code="{h(issue.code)}">'
            f'<td class="sev-{sev}">{h(display.SEVERITY_LABEL[sev][lang])}</td>'
            f"<td>{h(issue.location.shown(lang))}"
            f"{f' · {h(issue.district)}' if issue.district else ''}</td>"
            f'<td>{h(issue.message(lang))} <span class="sub">[{h(issue.code)}]</span></td>'
            f"<td>{h(issue.hint(lang))}</td></tr>"
        )
    out += ["</tbody></table>", "</section>"]
    return out


def page_head(title: str, lang: Lang, css: str = CSS) -> list[str]:
    """The page up to <body>: language, no network (a content security policy), title, style."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG[lang]}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No network: nothing may be fetched, whatever the text says.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{h(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
