"""A batch as GitHub workflow commands: each file's annotations, one notice for the batch."""

from __future__ import annotations

import io

from qcity.batch import Batch
from qcity.render import Renderer, ReportOptions
from qcity.render.batch.common import verdict


class BatchGithubReporter(Renderer[Batch]):
    """GitHub workflow commands: each file's annotations, each failure, one notice for the batch."""

    suffix = ".txt"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        from qcity.render.check.github import GithubReporter
        from qcity.render.github_commands import command

        lines: list[str] = []
        single = GithubReporter()
        for entry in batch.entries:
            if entry.evaluation is None:
                for issue in entry.failure:
                    lines.append(single.issue_line(issue, entry.shown, options.lang))
                continue
            stream = io.StringIO()
            single.write(entry.evaluation, stream, options)
            # Each file's own closing notice is left out: one notice sums up the batch.
            lines += stream.getvalue().splitlines()[:-1]
        for issue in batch.issues:
            lines.append(single.issue_line(issue, issue.location.file or "", options.lang))
        lines.append(command("notice", verdict(batch, options.lang), title="qcity"))
        return "\n".join(lines) + "\n"
