"""The registry of issue types: every problem's stable code, severity, parameters and exit code.

Codes are a public interface (JSON, JUnit, annotations): never rename one. The words (title,
message template, fix) live in the wording catalogue, render/i18n/issues_*.py, under the keys
`<code>.title`, `<code>.message` and `<code>.hint`; `params` names every parameter they use.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from qcity.lang import Lang
from qcity.render.i18n import words

# A parameter is language-neutral (a number, a cell's text) or given in both languages.
ParamValue = str | int | float | dict[Lang, str]


class Severity(str, enum.Enum):
    """How much an issue matters: errors make the submission untrustworthy (exit 3)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class IssueType:
    """A kind of problem: stable code, severity, the names of its parameters, and the exit code
    it maps to; its words come from the catalogue."""

    code: str
    severity: Severity
    params: tuple[str, ...] = ()

    @property
    def title(self) -> dict[Lang, str]:
        """The title in both languages."""
        return words(f"{self.code}.title")

    @property
    def message(self) -> dict[Lang, str]:
        """The message template (str.format, with `params`) in both languages."""
        return words(f"{self.code}.message")

    @property
    def hint(self) -> dict[Lang, str]:
        """How to fix it, a template in both languages."""
        return words(f"{self.code}.hint")


def _t(code: str, severity: Severity, params: tuple[str, ...]) -> IssueType:
    return IssueType(code=code, severity=severity, params=params)


E, W = Severity.ERROR, Severity.WARNING

# The registry. Codes are a public interface (JSON, JUnit, annotations): never rename one.
# Parameters are filled into the catalogue's templates by reporters at render time.
ISSUE_TYPES: dict[str, IssueType] = {
    t.code: t
    for t in [
        # --- files and usage -------------------------------------------------------------
        _t("file-not-found", E, ()),
        _t("file-changed", E, ()),
        _t("lock-file", E, ("real",)),
        _t("workbook-open", W, ("lock",)),
        _t("not-a-file", E, ()),
        _t("unreadable-file", E, ("reason",)),
        _t("not-a-workbook", E, ("reason",)),
        _t("unsupported-format", E, ("kind",)),
        _t("encrypted-workbook", E, ()),
        _t("file-too-large", E, ("what", "actual", "limit", "option")),
        _t("unsafe-xml", E, ("part",)),
        _t("too-many-rows", E, ("row", "limit")),
        _t("cell-too-long", E, ("length", "limit")),
        _t("output-is-input", E, ()),
        _t("output-exists", E, ("path",)),
        _t("output-not-writable", E, ("reason",)),
        _t(
            "output-format-mismatch",
            E,
            ("path", "suffix", "implied", "format", "example"),
        ),
        _t("output-format-unknown", E, ("path", "suffix", "implied", "formats")),
        _t("output-required", E, ("format", "example")),
        _t("no-workbooks", E, ()),
        _t("file-skipped", Severity.INFO, ("reason", "fix")),
        _t("duplicate-unit", E, ("unit", "count", "files")),
        # --- workbook structure ------------------------------------------------------------
        _t("no-data-sheet", E, ("sheets",)),
        _t("ambiguous-data-sheet", E, ("sheets",)),
        _t("no-header", E, ("rows",)),
        _t("missing-column", E, ("columns",)),
        _t("duplicate-column", E, ("column", "first", "second")),
        _t("merged-cells", E, ("range",)),
        _t("district-not-text", E, ("cell", "raw", "kind")),
        _t("hidden-sheet", W, ("sheet",)),
        _t("hidden-row", W, ("row", "indicator")),
        _t("value-without-code", W, ("row",)),
        # --- rows and codes ------------------------------------------------------------------
        _t("unknown-indicator", E, ("raw", "suggestion")),
        _t("duplicate-indicator", E, ("indicator", "first", "second")),
        # --- values ----------------------------------------------------------------------------
        _t("formula-without-value", E, ("formula",)),
        _t("error-cell", E, ("raw",)),
        _t("not-a-number", E, ("raw", "expected", "example")),
        _t("not-finite", E, ("raw",)),
        _t("approximate-value", E, ("raw", "example")),
        _t("date-in-value", E, ("raw",)),
        _t("boolean-in-number", E, ("raw", "expected", "example")),
        _t("not-yes-no", E, ("raw",)),
        _t("not-a-whole-number", E, ("raw",)),
        _t("ratio-format", E, ("raw", "example")),
        _t("out-of-range", E, ("value", "range")),
        _t("zero-denominator", E, ()),
        _t("numerator-exceeds-denominator", E, ("numerator", "denominator")),
        _t("incomplete-fraction", E, ("present", "absent")),
        _t("inconsistent-value", E, ("reported", "reported_at", "computed_from", "computed")),
        _t("suspicious-fraction", E, ("raw", "target", "suggestion")),
        _t("fraction-not-accepted", E, ("indicator", "column", "raw", "instead")),
        # --- the series sheet and derived indicators -------------------------------------------
        _t("ambiguous-series-sheet", E, ("sheets",)),
        _t("no-series-header", E, ("rows",)),
        _t("no-year-columns", E, ("row",)),
        _t("unknown-series", W, ("raw", "suggestion")),
        _t("duplicate-series", E, ("series", "first", "second")),
        _t("series-unit-mismatch", E, ("raw", "series", "unit")),
        _t("unknown-basis", W, ("raw", "series", "known")),
        _t("basis-unstated", W, ("series", "known", "indicator")),
        _t("period-unreadable", W, ("raw", "fallback")),
        _t("report-year-not-after-base", W, ("indicator", "base", "year", "fallback")),
        _t("base-year-absent", W, ("base", "indicator", "fallback")),
        _t("series-figure-missing", W, ("indicator", "missing", "fallback")),
        _t("basis-mismatch", E, ("indicator", "numerator", "denominator", "found")),
        _t("period-conflict", E, ("first", "first_at", "second", "second_at")),
        _t("zero-divisor", E, ("what", "indicator", "fallback")),
        # --- the tasks sheet (warnings: tasks never change the exit code without --fail-on-tasks)
        _t("ambiguous-tasks-sheet", W, ("sheets", "used")),
        _t("no-tasks-header", W, ("rows",)),
        _t("task-without-code", W, ("row",)),
        _t("unknown-task", W, ("raw", "suggestion", "choices")),
        _t("duplicate-task", W, ("task", "first", "second")),
        _t("task-status-unreadable", W, ("raw",)),
        _t("task-date-unreadable", W, ("raw",)),
        _t("task-date-in-future", W, ("task", "date", "today")),
        _t("task-done-without-evidence", W, ("task",)),
        # --- templates ---------------------------------------------------------------------------
        _t("template-drift", W, ("template", "current", "changes")),
        _t("unknown-department", E, ("raw", "suggestion", "choices")),
        _t("lead-mismatch", E, ("stamped", "given")),
        _t("indicator-out-of-scope", E, ("indicator", "lead", "scope", "codes")),
        # --- catalogue ---------------------------------------------------------------------------
        _t("catalogue-not-found", E, ()),
        _t("catalogue-yaml", E, ("reason",)),
        _t("catalogue-invalid", E, ("reason",)),
        _t("internal-error", E, ("reason",)),
    ]
}
