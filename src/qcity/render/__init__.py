"""Every output, by view: one interface (Renderer[View]) and one registry keyed by (view, format).

To add a format to a view: write one module under render/<view>/ with a Renderer subclass, and
add one line to RENDERERS below. The command line's --format choices are generated from it.
"""

from __future__ import annotations

import importlib
import io
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TextIO, TypeVar

if TYPE_CHECKING:
    import datetime as dt

    from qcity.lang import Lang


@dataclass(frozen=True)
class ReportOptions:
    """What every renderer may be told: language, colour, width, the date to print, whether
    tasks decide the exit code (then overdue tasks are failures, not notes), whether a diff
    leaves unchanged rows out, and the encoding of the stream the text goes to (rich draws its
    boxes in ASCII for a console that cannot show them)."""

    lang: Lang = "zh"
    color: bool = False
    width: int | None = None
    today: dt.date | None = None
    fail_on_tasks: bool = False
    changed_only: bool = False
    encoding: str = "utf-8"


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


class TextBuffer(io.StringIO):
    """Text collected in memory that reports the encoding it will be written in."""

    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


class StreamRenderer(Renderer[View]):
    """A text renderer written as writes to a stream (a rich console, an XML writer)."""

    @abstractmethod
    def write(self, view: View, stream: TextIO, options: ReportOptions) -> None:
        """Write the output of *view* to *stream*."""

    def render(self, view: View, options: ReportOptions) -> str:
        buffer = TextBuffer(options.encoding)
        self.write(view, buffer, options)
        return buffer.getvalue()


class Verbatim(Renderer[str]):
    """A document already made (a JSON schema, a drafted catalogue), written as it is."""

    def render(self, view: str, options: ReportOptions) -> str:
        return view


# (view, format) -> "module:Class"; a module is imported only when its format is asked for.
RENDERERS: dict[tuple[str, str], str] = {
    ("check", "text"): "qcity.render.check.text:TextReporter",
    ("check", "json"): "qcity.render.check.json:JsonReporter",
    ("check", "junit"): "qcity.render.check.junit:JUnitReporter",
    ("check", "markdown"): "qcity.render.check.markdown:MarkdownReporter",
    ("check", "github"): "qcity.render.check.github:GithubReporter",
    ("check", "html"): "qcity.render.check.html:HtmlReporter",
    #
    ("batch", "text"): "qcity.render.batch.text:BatchTextReporter",
    ("batch", "json"): "qcity.render.batch.json:BatchJsonReporter",
    ("batch", "junit"): "qcity.render.batch.junit:BatchJUnitReporter",
    ("batch", "markdown"): "qcity.render.batch.markdown:BatchMarkdownReporter",
    ("batch", "github"): "qcity.render.batch.github:BatchGithubReporter",
    ("batch", "html"): "qcity.render.batch.html:BatchHtmlReporter",
    ("batch", "xlsx"): "qcity.render.batch.xlsx:BatchXlsxReporter",
    #
    ("gaps", "text"): "qcity.render.gaps.text:GapsTextReporter",
    ("gaps", "markdown"): "qcity.render.gaps.markdown:GapsMarkdownReporter",
    ("gaps", "json"): "qcity.render.gaps.json:GapsJsonReporter",
    ("gaps", "xlsx"): "qcity.render.gaps.xlsx:GapsXlsxReporter",
    #
    ("plan", "text"): "qcity.render.plan.text:PlanTextReporter",
    ("plan", "json"): "qcity.render.plan.json:PlanJsonReporter",
    ("plan", "markdown"): "qcity.render.plan.markdown:PlanMarkdownReporter",
    #
    ("diff", "text"): "qcity.render.diff.text:DiffTextReporter",
    ("diff", "json"): "qcity.render.diff.json:DiffJsonReporter",
    ("diff", "markdown"): "qcity.render.diff.markdown:DiffMarkdownReporter",
    #
    ("explain", "text"): "qcity.render.explain.text:ExplainTextRenderer",
    #
    ("catalogue", "text"): "qcity.render.catalogue.text:CatalogueTextRenderer",
    ("catalogue", "json"): "qcity.render.catalogue.json:CatalogueJsonRenderer",
    #
    ("draft", "yaml"): "qcity.render.draft.yaml:DraftYamlRenderer",
    ("draft", "json"): "qcity.render.draft.json:DraftJsonRenderer",
}


def formats(view: str) -> tuple[str, ...]:
    """The formats *view* can be rendered in, in the registry's order (the CLI's choices)."""
    return tuple(fmt for (v, fmt) in RENDERERS if v == view)


def get_renderer(view: str, fmt: str) -> Renderer[Any]:
    """The renderer of *view* in *fmt* (KeyError if there is none)."""
    module_name, _, class_name = RENDERERS[(view, fmt)].partition(":")
    renderer = getattr(importlib.import_module(module_name), class_name)()
    assert isinstance(renderer, Renderer)
    return renderer


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
