"""JUnit XML for CI test tabs (GitLab, Jenkins, GitHub test-report actions): one suite per area."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from qcity.errors import Lang
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.common import (
    DISTRICTS,
    deliverables_text,
    district_issues,
    general_issues,
    issues_of,
    scope_names,
    shown_tasks,
    task_progress_text,
    task_status_text,
    task_title,
)
from qcity.render.display import label
from qcity.render.escape import xml_text
from qcity.render.junit_xml import indicator_testcase, issue_testcase, sub_element, testsuite
from qcity.results import Evaluation, TaskResult, summarise


class JUnitReporter(StreamRenderer[Evaluation]):
    """JUnit XML: <failure> for unmet or missing, <error> for invalid, data issues as their own suite."""

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
                    indicator_testcase(suite, r, issues_of(evaluation, r.indicator.code), lang)
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
                indicator_testcase(suite, r, issues, lang, prefix=f"qcity.{district.name}")
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
