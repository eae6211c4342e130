"""`qcity diff` as a Markdown table, for a pull-request comment or the monthly progress report."""

from __future__ import annotations

from qcity.diff import Change, Diff
from qcity.render import Renderer, ReportOptions
from qcity.render.diff.common import (
    change_text,
    counts_text,
    delta_text,
    listed_rows,
    shown_value,
    status_text,
    verdict,
)
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.render.i18n import say


class DiffMarkdownReporter(Renderer[Diff]):
    """A Markdown table for a pull-request comment or the monthly progress report."""

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        lang = options.lang
        meta = diff.catalogue.catalogue
        out = [
            f"### {markdown_text(say('diff.title', lang))} · {markdown_text(meta.title.get(lang))}"
            f"({markdown_text(meta.document)})",
            "",
            f"{say('diff.old', lang)} {markdown_code(diff.old)} · {say('diff.new', lang)} "
            f"{markdown_code(diff.new)}",
            "",
            f"**{markdown_text(verdict(diff, lang))}**",
            "",
            markdown_text(counts_text(diff, lang)),
            "",
        ]
        heads = [
            *([say("diff.unit", lang)] if diff.folders else []),
            *([say("diff.district", lang)] if diff.has_districts else []),
            label("code", lang),
            label("indicator", lang),
            say("diff.old", lang),
            say("diff.new", lang),
            say("diff.change", lang),
            label("status", lang),
            say("diff.verdict", lang),
        ]
        out.append("| " + " | ".join(heads) + " |")
        lead = len(heads) - 7
        out.append("|" + "---|" * lead + "---|---|--:|--:|--:|---|---|")
        for row in listed_rows(diff, changed_only):
            cells = [
                *([markdown_text(row.unit)] if diff.folders else []),
                *([markdown_text(row.district or "")] if diff.has_districts else []),
                row.indicator.code,
                markdown_text(row.indicator.name.get(lang)),
                markdown_text(shown_value(row.old, lang)),
                markdown_text(shown_value(row.new, lang)),
                markdown_text(delta_text(row.delta, row.indicator, lang)),
                f"{status_text(row.old_status, lang)} → {status_text(row.new_status, lang)}",
                f"**{change_text(row.change, lang)}**"
                if row.change is Change.NEWLY_UNMET
                else change_text(row.change, lang),
            ]
            out.append("| " + " | ".join(cells) + " |")
        for key, entries in (("diff.only-old", diff.only_old), ("diff.only-new", diff.only_new)):
            if entries:
                listed = ", ".join(
                    f"{markdown_text(e.unit)} ({markdown_code(e.shown)})" for e in entries
                )
                out += ["", f"{say(key, lang)}: {listed}"]
        problems = [*diff.issues, *(i for e in diff.failed for i in e.failure)]
        if problems:
            out.append("")
            out += [
                f"- `{i.code}` {markdown_code(str(i.location))}: {markdown_text(i.message(lang))}"
                for i in problems
            ]
        return "\n".join(out) + "\n"
