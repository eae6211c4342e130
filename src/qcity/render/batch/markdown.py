"""A batch as a Markdown comment: the verdict, a row per file, the counts per area, issues."""

from __future__ import annotations

from qcity.batch import Batch
from qcity.render import Renderer, ReportOptions, display
from qcity.render.batch.common import behind_text, counts, failure_text, heading, verdict
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.render.i18n import say
from qcity.results import Status


class BatchMarkdownReporter(Renderer[Batch]):
    """A Markdown comment: the verdict, a row per file, the counts per area, failures, issues."""

    suffix = ".md"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        from qcity.render.markdown_table import STATUS_EMOJI, issue_table

        lang = options.lang
        meta = batch.catalogue.catalogue
        out = [
            f"### {markdown_text(say('batch.title', lang))} · {markdown_text(meta.title.get(lang))}"
            f"({markdown_text(meta.document)})",
            "",
            markdown_text(heading(batch, options)),
            "",
            f"**{markdown_text(verdict(batch, lang))}**",
            "",
        ]
        heads = [
            say("batch.unit", lang),
            say("batch.file", lang),
            *(f"{STATUS_EMOJI[s]} {display.STATUS_LABEL[s][lang]}" for s in Status),
            say("batch.errors", lang),
            say("batch.warnings", lang),
            say("batch.exit", lang),
            say("batch.behind", lang),
        ]
        out.append("| " + " | ".join(heads) + " |")
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|")
        for entry in batch.entries:
            errors, warnings = counts(entry)
            s = entry.summary
            if s is None:
                figures = ["—", "", "", ""]
                behind = markdown_text(failure_text(entry, lang))
            else:
                figures = [f"{s.met}/{s.total}", str(s.unmet), str(s.missing), str(s.invalid)]
                behind = markdown_text(behind_text(entry, STATUS_EMOJI, lang))
            cells = [
                markdown_text(entry.unit),
                markdown_code(entry.shown),
                *figures,
                str(errors),
                str(warnings),
                str(entry.exit_code),
                behind,
            ]
            out.append("| " + " | ".join(cells) + " |")
        out += ["", f"**{markdown_text(say('batch.areas', lang))}**", ""]
        out.append(
            "| "
            + " | ".join(
                [
                    label("area", lang),
                    label("lead", lang),
                    *(display.STATUS_LABEL[s][lang] for s in Status),
                    label("total", lang),
                ]
            )
            + " |"
        )
        out.append("|---|---|--:|--:|--:|--:|--:|")
        for area, s in batch.area_summaries():
            out.append(
                f"| {markdown_text(area.name.get(lang))} | "
                f"{markdown_text(display.lead_name(batch.catalogue, area.lead, lang))} | "
                f"{s.met} | {s.unmet} | {s.missing} | {s.invalid} | {s.total} |"
            )
        issues = [
            *batch.issues,
            *(i for e in batch.failed for i in e.failure),
            *(i for e in batch.checked for i in e.issues),
        ]
        if issues:
            out += ["", *issue_table(issues, lang)]
        return "\n".join(out) + "\n"
