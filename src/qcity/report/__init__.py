"""Reporters: one per output format, looked up by name; each renders a finished Evaluation."""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import datetime as dt

    from qcity.batch import Batch
    from qcity.errors import Lang
    from qcity.gaps import GapReport
    from qcity.model import Evaluation


@dataclass(frozen=True)
class ReportOptions:
    """What every reporter may be told: language, colour, width, the date to print, and whether
    tasks decide the exit code (then overdue tasks are failures, not notes)."""

    lang: Lang = "zh"
    color: bool = False
    width: int | None = None
    today: dt.date | None = None
    fail_on_tasks: bool = False


class Reporter(ABC):
    """Renders an evaluation; computes nothing."""

    name: str = ""
    suffix: str = ".txt"

    @abstractmethod
    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        """Write the report of *evaluation* to *stream*."""


# name -> "module:Class"; modules are imported only when their format is asked for.
REGISTRY: dict[str, str] = {
    "text": "qcity.report.text:TextReporter",
    "json": "qcity.report.json_report:JsonReporter",
    "junit": "qcity.report.junit:JUnitReporter",
    "markdown": "qcity.report.markdown:MarkdownReporter",
    "github": "qcity.report.github:GithubReporter",
    "html": "qcity.report.html_report:HtmlReporter",
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
    "text": "qcity.report.gaps_report:GapsTextReporter",
    "markdown": "qcity.report.gaps_report:GapsMarkdownReporter",
    "json": "qcity.report.gaps_report:GapsJsonReporter",
    "xlsx": "qcity.report.gaps_xlsx:GapsXlsxReporter",
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
    "text": "qcity.report.batch_report:BatchTextReporter",
    "json": "qcity.report.batch_json:BatchJsonReporter",
    "junit": "qcity.report.batch_junit:BatchJUnitReporter",
    "markdown": "qcity.report.batch_report:BatchMarkdownReporter",
    "github": "qcity.report.batch_report:BatchGithubReporter",
    "html": "qcity.report.batch_html:BatchHtmlReporter",
    "xlsx": "qcity.report.batch_xlsx:BatchXlsxReporter",
}


def get_batch_reporter(name: str) -> BatchReporter:
    """The batch reporter registered as *name* (KeyError if there is none)."""
    reporter = _instance(BATCH_REGISTRY[name])
    assert isinstance(reporter, BatchReporter)
    return reporter


def write_json(stream: TextIO, document: object) -> None:
    """Write *document* as indented JSON (UTF-8 text as is) in a few large writes.

    json.dump writes every token separately (382,000 writes for a workbook of 5,000 district
    rows, most of the report's time) and json.dumps holds all the tokens at once; this joins
    them a few thousand at a time.
    """
    import json

    chunks: list[str] = []
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(document):
        chunks.append(chunk)
        if len(chunks) >= 4096:
            stream.write("".join(chunks))
            chunks.clear()
    chunks.append("\n")
    stream.write("".join(chunks))
