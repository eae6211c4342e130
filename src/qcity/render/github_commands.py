"""GitHub Actions workflow commands (`::error file=…,title=…::message`), as every view's github
format writes them: escaped the way GitHub's toolkit does."""

from __future__ import annotations

from qcity.errors import Issue, Lang
from qcity.render import display
from qcity.render.common import cell_ref
from qcity.render.escape import github_data, github_property

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def command(kind: str, message: str, *, file: str | None = None, title: str | None = None) -> str:
    """One workflow command line, every value escaped the way GitHub's toolkit does."""
    props = []
    if file is not None:
        props.append(f"file={github_property(file)}")
    if title is not None:
        props.append(f"title={github_property(title)}")
    head = f"::{kind} {','.join(props)}" if props else f"::{kind}"
    return f"{head}::{github_data(message)}"


def issue_command(issue: Issue, source: str, lang: Lang) -> str:
    """The annotation of one issue (in *source* unless the issue names its own file)."""
    title = f"{issue.type.title[lang]} [{issue.code}]"
    if issue.indicator:
        title = f"{issue.indicator} {title}"
    if issue.district:
        title += f" · {issue.district}"
    where = cell_ref(issue.location)
    message = f"{where}{display.COLON[lang]}{issue.message(lang)}" if where else issue.message(lang)
    message += f" → {issue.hint(lang)}"
    return command(
        COMMAND[issue.level.value], message, file=issue.location.file or source, title=title
    )
