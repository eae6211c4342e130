"""The JUnit XML every view's junit format builds on: elements made safe for XML, a testsuite,
the testcase of an indicator and of a data issue."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from qcity.errors import Issue, Lang
from qcity.render import display
from qcity.render.common import fraction_text, issue_line, value_text
from qcity.render.display import label
from qcity.render.escape import xml_text
from qcity.render.i18n import say
from qcity.results import IndicatorResult, Status


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


def indicator_testcase(
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
