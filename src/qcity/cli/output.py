"""Where a command's output goes (-o, atomically, or stdout in the console's encoding) and in
which format (--format, else the suffix of -o); every output path checked before anything is
read."""

from __future__ import annotations

import datetime as dt
import enum
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from qcity.cli.guard import terminal_width
from qcity.cli.usage import Wrong
from qcity.errors import Issue, Lang, Location, UsageError, printable
from qcity.render import ReportOptions

if TYPE_CHECKING:
    pass


def format_option(help: str) -> Any:
    """`--format` / `-f`, in any case (`-f JSON`); a command defaults it to None, the format then
    taken from the suffix of `-o`, else text (output_format below)."""
    return typer.Option("--format", "-f", case_sensitive=False, help=help)


class ReportFormat(str, enum.Enum):
    """The formats of `qcity check --format` (kept equal to the reporter registry by a test)."""

    text = "text"
    json = "json"
    junit = "junit"
    markdown = "markdown"
    github = "github"
    html = "html"


class CheckFormat(str, enum.Enum):
    """The formats of `qcity check --format`: every report format, and xlsx for batches."""

    text = "text"
    json = "json"
    junit = "junit"
    markdown = "markdown"
    github = "github"
    html = "html"
    xlsx = "xlsx"


class DiffFormat(str, enum.Enum):
    """The formats of `qcity diff --format`."""

    text = "text"
    json = "json"
    markdown = "markdown"


class GapsFormat(str, enum.Enum):
    """The formats of `qcity gaps --format` (kept equal to the gaps registry by a test)."""

    text = "text"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"


class ListFormat(str, enum.Enum):
    text = "text"
    json = "json"


def fail(issue: Issue) -> NoReturn:
    raise UsageError(issue)


def emit(
    render: Any,
    output: Path | None,
    inputs: list[Path],
    color: bool | None,
    lang: Lang,
    today: dt.date | None = None,
    fail_on_tasks: bool = False,
    fmt: str = "text",
) -> None:
    """Render with *render(stream, options)* to *output* (atomically, UTF-8) or stdout (in the
    console's encoding as qcity.cli.streams decides for the format *fmt*)."""
    from qcity.faults import reached

    reached("render")
    if output is not None:
        from qcity.files import refuse_overwrite, write_atomic

        refuse_overwrite(output, inputs)
        buffer = io.StringIO()
        render(
            buffer,
            ReportOptions(
                lang=lang, color=bool(color), width=100, today=today, fail_on_tasks=fail_on_tasks
            ),
        )
        from qcity.cli.streams import trim_lines

        text = buffer.getvalue()
        write_atomic(output, trim_lines(text) if fmt == "text" else text)
        return
    use_color = (
        color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    options = ReportOptions(
        lang=lang, color=use_color, width=terminal_width(), today=today, fail_on_tasks=fail_on_tasks
    )
    from qcity.cli.streams import report_stream

    try:
        with report_stream(sys.stdout, fmt) as stream:
            render(stream, options)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`qcity check … | head`): stop writing, keep the exit code.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def require_output(binary: bool, output: Path | None, fmt: str, example: str) -> None:
    """A usage error (output-required) when a binary format would go to the terminal."""
    if binary and output is None:
        fail(Issue("output-required", Location(), {"format": fmt, "example": example}))


def refuse_output(output: Path | None, inputs: Sequence[Path]) -> None:
    if output is not None:
        from qcity.files import refuse_overwrite

        refuse_overwrite(output, list(inputs))


def check_outputs(*outputs: Path | None, inputs: Sequence[Path | None] = ()) -> None:
    """Before anything is read or printed: every output can be written, none is an input, none
    is a folder, and no two are the same file (UsageError, exit 2, otherwise)."""
    from qcity.files import check_output

    given = [o for o in outputs if o is not None]
    sources = [i for i in inputs if i is not None]
    for n, output in enumerate(given):
        check_output(output, [*sources, *given[:n]])


# What a suffix of -o means (`--format` not given: the format; given: it must agree).
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".log": "text",
    ".json": "json",
    ".xml": "junit",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
# The formats a suffix allows besides its own (GitHub annotations are lines of text).
_ALSO_ALLOWED = {"text": {"github"}}
_FORMAT_SUFFIX = {
    "text": ".txt",
    "json": ".json",
    "junit": ".xml",
    "markdown": ".md",
    "html": ".html",
    "xlsx": ".xlsx",
    "github": ".txt",
}

F = TypeVar("F", bound=enum.Enum)


def output_format(choices: type[F], given: F | None, output: Path | None, default: F) -> F:
    """The format to write: *given* (--format), which the suffix of *output* must not contradict;
    else the one the suffix means; else *default*. UsageError (exit 2) on a contradiction or a
    suffix meaning a format this command does not write."""
    implied = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    offered = [c.value for c in choices]
    if implied is None:
        return given if given is not None else default
    assert output is not None
    params = {"path": printable(str(output)), "suffix": output.suffix, "implied": implied}
    if given is not None:
        if given.value != implied and given.value not in _ALSO_ALLOWED.get(implied, set()):
            example = output.with_suffix(_FORMAT_SUFFIX.get(given.value, ".txt")).name
            fail(
                Issue(
                    "output-format-mismatch",
                    Location(file=printable(str(output))),
                    {**params, "format": given.value, "example": example},
                )
            )
        return given
    if implied not in offered:
        fail(
            Issue(
                "output-format-unknown",
                Location(file=printable(str(output))),
                {**params, "formats": {"zh": "、".join(offered), "en": ", ".join(offered)}},
            )
        )
    return choices(implied)


def require_suffix(path: Path, suffixes: tuple[str, ...], hint: str) -> None:
    """A click usage error (exit 2) unless *path* ends in one of *suffixes*."""
    if path.suffix.lower() not in suffixes:
        raise Wrong(
            "wrong-suffix",
            hint=hint.strip("'"),
            path=printable(str(path)),
            suffixes={"zh": "、".join(suffixes), "en": " or ".join(suffixes)},
        )
