"""Where a command's output goes (-o, atomically, or stdout in the console's encoding) and in
which format (--format, else the suffix of -o, among the formats the render registry holds for
the command's view); every output path checked before anything is read."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeAlias

import typer

from qcity.cli.guard import terminal_width
from qcity.cli.usage import Wrong
from qcity.errors import Issue, Lang, Location, UsageError, printable
from qcity.render import Renderer, ReportOptions


def format_option(help: str) -> Any:
    """`--format` / `-f`, in any case (`-f JSON`); a command defaults it to None, the format then
    taken from the suffix of `-o`, else text (choose_format below)."""
    return typer.Option("--format", "-f", case_sensitive=False, help=help)


def format_choices(*views: str) -> tuple[str, ...]:
    """The formats of *views*, each once, in the registry's order (LookupError if none: a
    command would otherwise offer no format at all)."""
    from qcity.render import formats

    found = tuple(dict.fromkeys(f for view in views for f in formats(view)))
    if not found:
        raise LookupError(f"no renderer is registered for {' or '.join(views)}")
    return found


# The --format choices of each command, generated from the registry (qcity.render.RENDERERS):
# a format registered for a view is offered by its command. Type checkers see plain strings.
if TYPE_CHECKING:
    CheckFormat: TypeAlias = str
    HookFormat: TypeAlias = str
    DiffFormat: TypeAlias = str
    GapsFormat: TypeAlias = str
    PlanFormat: TypeAlias = str
    CatalogueFormat: TypeAlias = str
    DraftFormat: TypeAlias = str
else:
    CheckFormat = Literal[format_choices("check", "batch")]
    HookFormat = Literal[format_choices("check")]
    DiffFormat = Literal[format_choices("diff")]
    GapsFormat = Literal[format_choices("gaps")]
    PlanFormat = Literal[format_choices("plan")]
    CatalogueFormat = Literal[format_choices("catalogue")]
    DraftFormat = Literal[format_choices("draft")]


def fail(issue: Issue) -> NoReturn:
    raise UsageError(issue)


def emit(
    renderer: Renderer[Any],
    view: object,
    output: Path | None,
    inputs: list[Path],
    color: bool | None,
    lang: Lang,
    *,
    fmt: str = "text",
    today: dt.date | None = None,
    fail_on_tasks: bool = False,
    changed_only: bool = False,
) -> None:
    """Render *view* with *renderer* to *output* (atomically; UTF-8 for text) or stdout (in the
    console's encoding as qcity.cli.streams decides for the format *fmt*)."""
    from qcity.cli.streams import report_stream, trim_lines
    from qcity.faults import reached
    from qcity.files import refuse_overwrite, write_atomic

    reached("render")
    options = ReportOptions(
        lang=lang, today=today, fail_on_tasks=fail_on_tasks, changed_only=changed_only
    )
    if output is not None:
        refuse_overwrite(output, inputs)
        options = replace(options, color=bool(color), width=100)
        if renderer.binary:
            write_atomic(output, renderer.render(view, options))
            return
        text = "".join(renderer.chunks(view, options))
        write_atomic(output, trim_lines(text) if fmt == "text" else text)
        return
    use_color = (
        color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    options = replace(options, color=use_color, width=terminal_width())
    try:
        with report_stream(sys.stdout, fmt) as stream:
            # rich draws boxes in ASCII for a console that cannot show them: tell it which.
            encoding = getattr(stream, "encoding", "utf-8") or "utf-8"
            for chunk in renderer.chunks(view, replace(options, encoding=encoding)):
                stream.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`qcity check … | head`): stop writing, keep the exit code.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def emit_text(text: str, output: Path | None, inputs: list[Path], *, fmt: str = "text") -> None:
    """Write a document already made (a JSON schema, a drafted catalogue) like emit does."""
    from qcity.render import Verbatim

    emit(Verbatim(), text, output, inputs, None, "en", fmt=fmt)


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


def choose_format(
    choices: tuple[str, ...], given: str | None, output: Path | None, default: str = "text"
) -> str:
    """The format to write: *given* (--format), which the suffix of *output* must not contradict;
    else the one the suffix means; else *default*. UsageError (exit 2) on a contradiction or a
    suffix meaning a format this command does not write."""
    implied = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    offered = list(choices)
    if implied is None:
        return given if given is not None else default
    assert output is not None
    params = {"path": printable(str(output)), "suffix": output.suffix, "implied": implied}
    if given is not None:
        if given != implied and given not in _ALSO_ALLOWED.get(implied, set()):
            example = output.with_suffix(_FORMAT_SUFFIX.get(given, ".txt")).name
            fail(
                Issue(
                    "output-format-mismatch",
                    Location(file=printable(str(output))),
                    {**params, "format": given, "example": example},
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
    return implied


def require_suffix(path: Path, suffixes: tuple[str, ...], hint: str) -> None:
    """A click usage error (exit 2) unless *path* ends in one of *suffixes*."""
    if path.suffix.lower() not in suffixes:
        raise Wrong(
            "wrong-suffix",
            hint=hint.strip("'"),
            path=printable(str(path)),
            suffixes={"zh": "、".join(suffixes), "en": " or ".join(suffixes)},
        )
