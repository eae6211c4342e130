"""Every output, by view: one interface (Renderer[View]) and one registry keyed by (view, format).

To add a format to a view: write one module under render/<view>/ with a Renderer subclass, and
add one line to RENDERERS below. The command line's --format choices are generated from it.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TextIO, TypeVar

if TYPE_CHECKING:
    import datetime as dt

    from qcity.batch import Batch
    from qcity.errors import Lang
    from qcity.gaps import GapReport
    from qcity.results import Evaluation


@dataclass(frozen=True)
class ReportOptions:
    """What every reporter may be told: language, colour, width, the date to print, and whether
    tasks decide the exit code (then overdue tasks are failures, not notes)."""

    lang: Lang = "zh"
    color: bool = False
    width: int | None = None
    today: dt.date | None = None
    fail_on_tasks: bool = False


View = TypeVar("View", contravariant=True)


class Renderer(ABC, Generic[View]):
    """Renders one finished view in one format; computes nothing."""

    suffix: ClassVar[str] = ".txt"
    binary: ClassVar[bool] = False  # True: render() returns bytes, which need a file (-o)

    @abstractmethod
    def render(self, view: View, options: ReportOptions) -> str | bytes:
        """The whole output."""

    def chunks(self, view: View, options: ReportOptions) -> Iterator[str]:
        """A text output in pieces, for outputs too large to hold twice (a renderer of such
        outputs overrides this and joins it in render()); by default render() whole."""
        out = self.render(view, options)
        if isinstance(out, bytes):
            raise TypeError(f"{type(self).__name__} renders bytes: write them to a file")
        yield out


# (view, format) -> "module:Class"; a module is imported only when its format is asked for.
# The views: check, batch, gaps, plan, diff, explain, catalogue (and the workbooks in xlsx/).
RENDERERS: dict[tuple[str, str], str] = {}


def formats(view: str) -> tuple[str, ...]:
    """The formats *view* can be rendered in, in the registry's order (the CLI's choices)."""
    return tuple(fmt for (v, fmt) in RENDERERS if v == view)


def get_renderer(view: str, fmt: str) -> Renderer[Any]:
    """The renderer of *view* in *fmt* (KeyError if there is none)."""
    renderer = _instance(RENDERERS[(view, fmt)])
    assert isinstance(renderer, Renderer)
    return renderer


class Reporter(ABC):
    """Renders an evaluation; computes nothing."""

    name: str = ""
    suffix: str = ".txt"

    @abstractmethod
    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        """Write the report of *evaluation* to *stream*."""


# name -> "module:Class"; modules are imported only when their format is asked for.
REGISTRY: dict[str, str] = {
    "text": "qcity.render.check.text:TextReporter",
    "json": "qcity.render.check.json:JsonReporter",
    "junit": "qcity.render.check.junit:JUnitReporter",
    "markdown": "qcity.render.check.markdown:MarkdownReporter",
    "github": "qcity.render.check.github:GithubReporter",
    "html": "qcity.render.check.html:HtmlReporter",
}


def _instance(spec: str) -> object:
    module_name, _, class_name = spec.partition(":")
    return getattr(importlib.import_module(module_name), class_name)()


def get_reporter(name: str) -> Reporter:
    """The reporter registered as *name* (KeyError if there is none)."""
    reporter = _instance(REGISTRY[name])
    assert isinstance(reporter, Reporter)
    return reporter


class GapsReporter(ABC):
    """Renders the self-inspection list of `qcity gaps`; computes nothing."""

    name: str = ""
    suffix: str = ".txt"
    binary: bool = False  # True: render() returns bytes, which need a file (-o)

    @abstractmethod
    def render(self, report: GapReport, options: ReportOptions) -> str | bytes:
        """The rendered list."""


GAPS_REGISTRY: dict[str, str] = {
    "text": "qcity.render.gaps.text:GapsTextReporter",
    "markdown": "qcity.render.gaps.text:GapsMarkdownReporter",
    "json": "qcity.render.gaps.text:GapsJsonReporter",
    "xlsx": "qcity.render.gaps.xlsx:GapsXlsxReporter",
}


def get_gaps_reporter(name: str) -> GapsReporter:
    """The gaps reporter registered as *name* (KeyError if there is none)."""
    reporter = _instance(GAPS_REGISTRY[name])
    assert isinstance(reporter, GapsReporter)
    return reporter


class BatchReporter(ABC):
    """Renders the combined report of a batch of workbooks; computes nothing."""

    name: str = ""
    suffix: str = ".txt"
    binary: bool = False  # True: render() returns bytes, which need a file (-o)

    @abstractmethod
    def render(self, batch: Batch, options: ReportOptions) -> str | bytes:
        """The rendered report."""


BATCH_REGISTRY: dict[str, str] = {
    "text": "qcity.render.batch.text:BatchTextReporter",
    "json": "qcity.render.batch.json:BatchJsonReporter",
    "junit": "qcity.render.batch.junit:BatchJUnitReporter",
    "markdown": "qcity.render.batch.text:BatchMarkdownReporter",
    "github": "qcity.render.batch.text:BatchGithubReporter",
    "html": "qcity.render.batch.html:BatchHtmlReporter",
    "xlsx": "qcity.render.batch.xlsx:BatchXlsxReporter",
}


def get_batch_reporter(name: str) -> BatchReporter:
    """The batch reporter registered as *name* (KeyError if there is none)."""
    reporter = _instance(BATCH_REGISTRY[name])
    assert isinstance(reporter, BatchReporter)
    return reporter


def json_chunks(document: Mapping[str, Any], one_line: tuple[str, ...] = ()) -> Iterator[str]:
    """*document* as indented JSON text, in chunks; the lists under the top-level keys
    *one_line* (which must come last in *document*) are written one item per line.

    Indented JSON is encoded in Python, token by token; an item on one line goes through
    json's C encoder, which only runs without indentation: a workbook of 200,000 district
    rows or a batch of a thousand files is tens of megabytes, most of it in such lists.
    """
    import json

    tail = [k for k in one_line if k in document]
    head = {k: v for k, v in document.items() if k not in tail}
    chunks: list[str] = []
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(head):
        chunks.append(chunk)
        if len(chunks) >= 4096:
            yield "".join(chunks)
            chunks.clear()
    text = "".join(chunks)
    if not tail:
        yield text + "\n"
        return
    yield text[:-2] if head else "{"  # drop the closing "\n}" (an empty head is "{}")
    compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    for n, key in enumerate(tail):
        items = document[key]
        opening = ("," if head or n else "") + f"\n  {json.dumps(key)}: ["
        if not items:
            yield opening + "]"
            continue
        yield opening + "\n"
        for m, item in enumerate(items):
            yield ("    " if m == 0 else ",\n    ") + compact.encode(item)
        yield "\n  ]"
    yield "\n}\n"


def write_json(stream: TextIO, document: Mapping[str, Any], one_line: tuple[str, ...] = ()) -> None:
    """Write *document* as JSON (see json_chunks) in a few large writes.

    json.dump writes every token separately: 382,000 writes for a workbook of 5,000 district
    rows, once most of the report's time.
    """
    for chunk in json_chunks(document, one_line):
        stream.write(chunk)
