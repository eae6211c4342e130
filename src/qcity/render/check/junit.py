"""JUnit XML for CI test tabs (GitLab, Jenkins, GitHub test-report actions): one suite per area."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from qcity.errors import Issue, Lang
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.common import (
    DISTRICTS,
    deliverables_text,
    district_issues,
    fraction_text,
    general_issues,
    issue_line,
    issues_of,
    scope_names,
    shown_tasks,
    task_progress_text,
    task_status_text,
    task_title,
    value_text,
)
from qcity.render.display import label
from qcity.render.escape import xml_text
from qcity.render.i18n import say
from qcity.results import Evaluation, IndicatorResult, Status, TaskResult, summarise


def sub_element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element with its attributes and text made safe for XML."""
    # Every attribute and text goes through xml_text: ElementTree escapes & < > " but would
    # write control characters that make the document ill-formed.
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def testsuite(
    root: ET.Element,
    name: str,
    counts: tuple[int, int, int],
    stamp: str,
    n: int,
    package: str,
    file: str | None = None,
) -> ET.Element:
    """A <testsuite> with its *counts* (tests, failures, errors) and the usual attributes."""
    tests, failures, errors = counts
    attrs = {
        "name": name,
        "tests": str(tests),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": "0",
        "time": "0",
        "timestamp": stamp,
        "id": str(n),
        "package": package,
    }
    if file is not None:
        attrs["file"] = file
    return sub_element(root, "testsuite", **attrs)


def issue_testcase(suite: ET.Element, issue: Issue, lang: Lang) -> None:
    """A data issue about no indicator as a testcase: an <error> for an error, else its text."""
    case = sub_element(
        suite,
        "testcase",
        name=f"{issue.code} {issue.location}".strip(),
        classname="qcity.data",
        time="0",
    )
    text = f"{issue_line(issue, lang)}\n→ {issue.hint(lang)}"
    if issue.level.value == "error":
        sub_element(case, "error", text, type=issue.code, message=issue.message(lang))
    else:
        sub_element(case, "system-out", text)


def _details(r: IndicatorResult, issues: list[Issue], lang: Lang) -> str:
    ind = r.indicator
    lines = [
        f"{label('target', lang)}{display.COLON[lang]}{display.target(ind, lang)}",
        f"{label('value', lang)}{display.COLON[lang]}{value_text(r, lang)}",
    ]
    fraction = fraction_text(r)
    if fraction:
        lines[-1] += f" ({fraction})"
    if r.gap is not None:
        lines.append(f"{label('gap', lang)}{display.COLON[lang]}{display.gap(r, lang)}")
    if r.location is not None:
        lines.append(f"{label('location', lang)}{display.COLON[lang]}{r.location}")
    for issue in issues:
        lines.append(f"[{issue.code}] {issue_line(issue, lang)} → {issue.hint(lang)}")
    lines.append(
        f"{label('source', lang)}{display.COLON[lang]}{ind.source.clause} {ind.source.quote}"
    )
    return "\n".join(lines)


def _message(r: IndicatorResult, issues: list[Issue], lang: Lang) -> str:
    ind = r.indicator
    target = display.target(ind, lang)
    if r.status is Status.UNMET:
        shown = display.bracketed(value_text(r, lang), f"{label('target', lang)} {target}", lang)
        gap = display.gap(r, lang) or display.STATUS_LABEL[r.status][lang]
        return f"{shown}{display.COLON[lang]}{gap}"
    if r.status is Status.MISSING:
        where = say("check.at", lang, location=r.location) if r.location else ""
        return say("check.not-reported", lang, where=where, target=target)
    errors = [i for i in issues if i.level.value == "error"]
    if errors:
        return "; ".join(issue_line(i, lang) for i in errors)
    return display.STATUS_LABEL[r.status][lang]


class JUnitReporter(StreamRenderer[Evaluation]):
    """JUnit XML: <failure> for unmet or missing, <error> for invalid, data issues as their own suite."""

    name = "junit"
    suffix = ".xml"

    def write(self, evaluation: Evaluation, stream: TextIO, options: ReportOptions) -> None:
        lang = options.lang
        meta = evaluation.catalogue.catalogue
        s = evaluation.summary
        general = general_issues(evaluation)
        general_errors = sum(1 for i in general if i.level.value == "error")
        d = summarise([r for district in evaluation.districts for r in district.results])
        tasks = shown_tasks(evaluation, options)
        task_count = len(tasks.results) if tasks else 0
        # Overdue tasks fail only when they decide the exit code (--fail-on-tasks).
        task_failures = (
            sum(1 for r in tasks.results if r.overdue) if tasks and options.fail_on_tasks else 0
        )
        root = ET.Element("testsuites")
        root.set("name", xml_text(f"qcity {evaluation.source}"))
        root.set("tests", str(s.total + len(general) + d.total + task_count))
        root.set("failures", str(s.unmet + s.missing + d.unmet + d.missing + task_failures))
        root.set("errors", str(s.invalid + general_errors + d.invalid))
        root.set("time", "0")
        stamp = evaluation.checked_at.isoformat(timespec="seconds")
        for n, (area, summary) in enumerate(evaluation.area_summaries()):
            suite = testsuite(
                root,
                f"{area.code} {area.name.get(lang)} · {label('lead', lang)} "
                f"{display.lead_name(evaluation.catalogue, area.lead, lang)}",
                (summary.total, summary.unmet + summary.missing, summary.invalid),
                stamp,
                n,
                f"qcity.{meta.id}",
                evaluation.source,
            )
            props = sub_element(suite, "properties")
            sub_element(props, "property", name="catalogue", value=f"{meta.id} v{meta.version}")
            sub_element(props, "property", name="document", value=meta.document)
            sub_element(props, "property", name="source", value=evaluation.source)
            sub_element(props, "property", name="sheet", value=evaluation.sheet or "")
            sub_element(props, "property", name="lead", value=area.lead)
            if evaluation.scope is not None:
                sub_element(
                    props, "property", name="scope", value=scope_names(evaluation, lang) or ""
                )
            for r in evaluation.results:
                if r.indicator.area == area.code:
                    JUnitReporter.testcase(suite, r, issues_of(evaluation, r.indicator.code), lang)
        if tasks is not None:
            suite = testsuite(
                root,
                label("tasks", lang),
                (task_count, task_failures, 0),
                stamp,
                len(evaluation.catalogue.areas),
                f"qcity.{meta.id}",
                evaluation.source,
            )
            props = sub_element(suite, "properties")
            sub_element(props, "property", name="sheet", value=tasks.sheet or "")
            sub_element(props, "property", name="today", value=tasks.today.isoformat())
            sub_element(props, "property", name="today_source", value=tasks.today_source)
            for task in tasks.results:
                self._task_case(suite, task, lang, options.fail_on_tasks)
        if general:
            suite = testsuite(
                root,
                label("issues", lang),
                (len(general), 0, general_errors),
                stamp,
                len(evaluation.catalogue.areas) + (tasks is not None),
                f"qcity.{meta.id}",
                evaluation.source,
            )
            for issue in general:
                issue_testcase(suite, issue, lang)
        for n, district in enumerate(
            evaluation.districts, start=len(evaluation.catalogue.areas) + 1 + (tasks is not None)
        ):
            ds = district.summary
            suite = testsuite(
                root,
                f"{DISTRICTS[lang]} {district.name}",
                (ds.total, ds.unmet + ds.missing, ds.invalid),
                stamp,
                n,
                f"qcity.{meta.id}",
                evaluation.source,
            )
            props = sub_element(suite, "properties")
            sub_element(props, "property", name="district", value=district.name)
            for r in district.results:
                issues = district_issues(evaluation, district.name, r.indicator.code)
                JUnitReporter.testcase(suite, r, issues, lang, prefix=f"qcity.{district.name}")
        ET.indent(root, space="  ")
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")

    @staticmethod
    def _task_case(suite: ET.Element, r: TaskResult, lang: Lang, enforced: bool) -> None:
        case = sub_element(
            suite, "testcase", name=task_title(r, lang), classname="qcity.tasks", time="0"
        )
        progress = task_progress_text(r, lang)
        status = task_status_text(r, lang) + (f" · {progress}" if progress else "")
        lines = [
            f"{label('status', lang)}{display.COLON[lang]}{status}",
            f"{label('due', lang)}{display.COLON[lang]}{r.due.isoformat()} ({r.phase.clause} {r.phase.name.get(lang)})",
            f"{label('lead', lang)}{display.COLON[lang]}{r.task.lead or '—'}",
            f"{label('evidence', lang)}{display.COLON[lang]}{r.evidence or '—'}",
            f"{label('deliverables', lang)}{display.COLON[lang]}{deliverables_text(r.task, lang)}",
        ]
        if r.location is not None:
            lines.append(f"{label('location', lang)}{display.COLON[lang]}{r.location}")
        if r.note:
            lines.append(f"{label('note', lang)}{display.COLON[lang]}{r.note}")
        lines.append(
            f"{label('source', lang)}{display.COLON[lang]}{r.task.source.clause} {r.task.source.quote}"
        )
        details = "\n".join(lines)
        if r.overdue and enforced:
            sub_element(case, "failure", details, type="overdue", message=status)
        else:
            sub_element(case, "system-out", details)

    @staticmethod
    def testcase(
        suite: ET.Element,
        r: IndicatorResult,
        issues: list[Issue],
        lang: Lang,
        prefix: str = "qcity",
    ) -> None:
        """The testcase of one indicator: a failure when unmet or missing, an error when invalid."""
        ind = r.indicator
        case = sub_element(
            suite,
            "testcase",
            name=f"{ind.code} {ind.name.get(lang)}",
            classname=f"{prefix}.{ind.area}",
            time="0",
        )
        details = _details(r, issues, lang)
        if r.status is Status.UNMET:
            sub_element(case, "failure", details, type="unmet", message=_message(r, issues, lang))
        elif r.status is Status.MISSING:
            sub_element(case, "failure", details, type="missing", message=_message(r, issues, lang))
        elif r.status is Status.INVALID:
            sub_element(case, "error", details, type="invalid", message=_message(r, issues, lang))
        out = [issue_line(i, lang) for i in issues if r.status is not Status.INVALID]
        if r.note:
            out.append(f"{label('note', lang)}{display.COLON[lang]}{r.note}")
        if out:
            sub_element(case, "system-out", "\n".join(out))
