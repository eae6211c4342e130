"""The Markdown every view's markdown format builds on: status and severity marks, the table of
data issues."""

from __future__ import annotations

from collections.abc import Sequence

from qcity.errors import Issue, Lang
from qcity.render import display
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.results import Status

STATUS_EMOJI: dict[Status, str] = {
    Status.MET: "✅",
    Status.UNMET: "❌",
    Status.MISSING: "⚪",
    Status.INVALID: "⚠️",
}
SEVERITY_EMOJI = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def issue_table(issues: Sequence[Issue], lang: Lang) -> list[str]:
    """The data issues as a bold title and a table: level, location (and district), fix, code."""
    out = [f"**{label('issues', lang)} ({len(issues)})**", ""]
    out.append(
        "| "
        + " | ".join(label(h, lang) for h in ("severity", "location", "problem", "fix"))
        + " | |"
    )
    out.append("|---|---|---|---|---|")
    for issue in issues:
        severity = issue.level.value
        where = markdown_code(str(issue.location)) if str(issue.location) else ""
        if issue.district:
            where += f" · {markdown_text(issue.district)}"
        cells = [
            f"{SEVERITY_EMOJI[severity]} {display.SEVERITY_LABEL[severity][lang]}",
            where,
            markdown_text(issue.message(lang)),
            markdown_text(issue.hint(lang)),
            f"`{issue.code}`",
        ]
        out.append("| " + " | ".join(cells) + " |")
    return out
