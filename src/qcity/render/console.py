"""The rich console every text view prints to: its styles, status marks, issue lines, verdict line.

Shared by the text formats of every view and by the command line's error output (so no module
imports the check view's text report for them). Imports rich: the formats that must start fast
(json, and markdown, html, github, junit) do not import this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.text import Text

from qcity.errors import Issue, Lang
from qcity.render import ReportOptions, display
from qcity.render.verdict import verdict_parts
from qcity.results import Evaluation, Status, TaskStatus

STATUS_STYLE: dict[Status, str] = {
    Status.MET: "green",
    Status.UNMET: "bold red",
    Status.MISSING: "yellow",
    Status.INVALID: "bold magenta",
}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
TASK_STYLE: dict[TaskStatus, str] = {
    TaskStatus.DONE: "green",
    TaskStatus.IN_PROGRESS: "cyan",
    TaskStatus.NOT_STARTED: "yellow",
    TaskStatus.UNREPORTED: "yellow",
}


def make_console(stream: TextIO, options: ReportOptions) -> Console:
    """A console that writes to *stream* with the options' colour and width."""
    return Console(
        file=stream,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=options.width or 100,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def status_text(status: Status, lang: Lang) -> Text:
    """✔ 达标 in the status' colour."""
    return Text(
        f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}",
        style=STATUS_STYLE[status],
    )


def print_issues(console: Console, issues: Iterable[Issue], lang: Lang) -> None:
    """Print each issue unwrapped (one line each, so it can be grepped and copied)."""
    for line in issue_lines(issues, lang):
        console.print(line, soft_wrap=True)


def issue_lines(issues: Iterable[Issue], lang: Lang) -> list[Text]:
    """Each issue as `✖ location  message` and an indented `→ fix` line."""
    lines: list[Text] = []
    for issue in issues:
        sev = issue.level.value
        mark = {"error": "✖", "warning": "⚠", "info": "ℹ"}[sev]
        head = Text()
        head.append(f"{mark} {display.SEVERITY_LABEL[sev][lang]} ", style=SEVERITY_STYLE[sev])
        where = issue.location.shown(lang)
        if where:
            head.append(where, style="bold")
            head.append("  ")
        if issue.district:
            head.append(f"[{issue.district}] ", style="bold")
        head.append(issue.message(lang))
        head.append(f"  [{issue.code}]", style="dim")
        lines.append(head)
        fix = Text("    → ", style="dim")
        fix.append(issue.hint(lang), style="italic")
        lines.append(fix)
    return lines


def summary_text(evaluation: Evaluation, lang: Lang) -> Text:
    """结论：17/23 项达标；未达标 3，未填报 2，数据有误 1。 in its styles."""
    text = Text()
    for part, style in verdict_parts(evaluation, lang):
        text.append(part, style=style or None)
    return text
