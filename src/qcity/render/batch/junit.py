"""JUnit XML for a batch: one testsuite per file, a testcase per indicator (and per district's)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from qcity.batch import Batch, Entry
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions
from qcity.render.common import district_issues, general_issues, issues_of
from qcity.render.display import label
from qcity.render.i18n import say
from qcity.render.junit_xml import indicator_testcase, issue_testcase, sub_element, testsuite


def _suite(
    root: ET.Element, entry: Entry, n: int, batch: Batch, lang: Lang
) -> tuple[int, int, int]:
    """Write one file's testsuite; its tests, failures and errors."""
    meta = batch.catalogue.catalogue
    stamp = batch.checked_at.isoformat(timespec="seconds")
    e = entry.evaluation
    if e is None:
        tests, failures, errors = len(entry.failure), 0, len(entry.failure)
    else:
        results = e.all_results()
        general = general_issues(e)
        tests = len(results) + len(general)
        failures = sum(1 for r in results if r.status.value in ("unmet", "missing"))
        errors = sum(1 for r in results if r.status.value == "invalid") + sum(
            1 for i in general if i.level.value == "error"
        )
    suite = testsuite(
        root,
        f"{entry.unit} · {entry.shown}",
        (tests, failures, errors),
        stamp,
        n,
        f"qcity.{meta.id}",
        entry.shown,
    )
    props = sub_element(suite, "properties")
    sub_element(props, "property", name="catalogue", value=f"{meta.id} v{meta.version}")
    sub_element(props, "property", name="unit", value=entry.unit)
    sub_element(props, "property", name="exit_code", value=str(entry.exit_code))
    if e is not None and e.scope is not None:
        from qcity.render.common import scope_names

        sub_element(props, "property", name="scope", value=scope_names(e, lang) or "")
    if e is None:
        for issue in entry.failure:
            issue_testcase(suite, issue, lang)
        return tests, failures, errors
    for r in e.results:
        indicator_testcase(suite, r, issues_of(e, r.indicator.code), lang)
    for d in e.districts:
        for r in d.results:
            issues = district_issues(e, d.name, r.indicator.code)
            indicator_testcase(suite, r, issues, lang, prefix=f"qcity.{d.name}")
    for issue in general_issues(e):
        issue_testcase(suite, issue, lang)
    return tests, failures, errors


class BatchJUnitReporter(Renderer[Batch]):
    """JUnit XML: a testsuite per file; a file that could not be read is one erroring testcase."""

    suffix = ".xml"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        lang = options.lang
        root = ET.Element("testsuites")
        root.set("name", f"qcity · {say('batch.n-files', lang, n=len(batch.entries))}")
        totals = [0, 0, 0]
        for n, entry in enumerate(batch.entries):
            for k, count in enumerate(_suite(root, entry, n, batch, lang)):
                totals[k] += count
        if batch.issues:
            errors = sum(1 for i in batch.issues if i.level.value == "error")
            suite = testsuite(
                root,
                label("issues", lang),
                (len(batch.issues), 0, errors),
                batch.checked_at.isoformat(timespec="seconds"),
                len(batch.entries),
                f"qcity.{batch.catalogue.catalogue.id}",
            )
            for issue in batch.issues:
                issue_testcase(suite, issue, lang)
            totals[0] += len(batch.issues)
            totals[2] += errors
        root.set("tests", str(totals[0]))
        root.set("failures", str(totals[1]))
        root.set("errors", str(totals[2]))
        root.set("time", "0")
        ET.indent(root, space="  ")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode")
            + "\n"
        )
