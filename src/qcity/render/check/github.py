"""GitHub Actions workflow commands: an ::error / ::warning annotation per problem, then a notice."""

from __future__ import annotations

from typing import TextIO

from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.common import (
    cell_ref,
    shown_tasks,
    task_progress_text,
    task_status_text,
    task_summary_text,
    value_text,
)
from qcity.render.display import label
from qcity.render.github_commands import command, issue_command
from qcity.render.i18n import say
from qcity.render.verdict import verdict_line
from qcity.results import Evaluation, Status


class GithubReporter(StreamRenderer[Evaluation]):
    """One annotation per unmet, missing or invalid indicator and per data issue."""

    suffix = ".txt"
    # The annotation of one issue (batch writes those of the files it could not read with it).
    issue_line = staticmethod(issue_command)

    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        lang = options.lang
        lines: list[str] = []
        results = [
            *((r, None) for r in evaluation.results),
            *((r, d.name) for d in evaluation.districts for r in d.results),
        ]
        for r, district in results:
            if r.status is Status.MET:
                continue
            ind = r.indicator
            status = display.STATUS_LABEL[r.status][lang]
            title = f"{ind.code} {status} · {ind.name.get(lang)}"
            if district is not None:
                title += f" · {district}"
            where = f"{cell_ref(r.location)}: " if r.location else ""
            target = f"{label('target', lang)} {display.target(ind, lang)}"
            sep = say("check.separator", lang)
            if r.status is Status.UNMET:
                gap = f"{label('gap', lang)} {display.gap(r, lang)}"
                message = f"{where}{value_text(r, lang)}{sep}{target}{sep}{gap}"
            else:
                message = f"{where}{status}{sep}{target}"
            kind = "warning" if r.status is Status.MISSING else "error"
            lines.append(command(kind, message, file=evaluation.source, title=title))
        tasks = shown_tasks(evaluation, options)
        if tasks is not None:
            # An overdue task is an error only when tasks decide the exit code.
            kind = "error" if options.fail_on_tasks else "warning"
            for t in tasks.results:
                if not t.overdue:
                    continue
                where = f"{cell_ref(t.location)}: " if t.location else ""
                due = display.bracketed(
                    f"{label('due', lang)} {t.due.isoformat()}", t.phase.clause, lang
                )
                sep = say("check.separator", lang)
                message = f"{where}{task_status_text(t, lang)}{sep}{due}{sep}{task_progress_text(t, lang)}"
                title = f"{t.task.code} {task_progress_text(t, lang)} · {t.task.title.get(lang)}"
                lines.append(command(kind, message, file=evaluation.source, title=title))
        for issue in evaluation.issues:
            lines.append(issue_command(issue, evaluation.source, lang))
        lines.append(command("notice", verdict_line(evaluation, lang), title="qcity"))
        if tasks is not None:
            lines.append(command("notice", task_summary_text(tasks, lang), title="qcity tasks"))
        stream.write("\n".join(lines) + "\n")
