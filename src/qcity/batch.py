"""Batches of workbooks: which files a list of files and folders names, and their combined result."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qcity.errors import Issue, Location, Severity
from qcity.model import Area, Catalogue, Indicator
from qcity.results import Evaluation, IndicatorResult, Status, Summary, summarise
from qcity.values import clean_text

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
# Spreadsheets of other formats found in a folder are taken too: passing over a unit's .xls in
# silence would lose its return, while checking it says how to convert it (unsupported-format).
OTHER_SPREADSHEETS = frozenset({".xls", ".xlsb", ".ods", ".et"})


@dataclass(frozen=True)
class Input:
    """One workbook to check: its path, and its name as reports show it."""

    path: Path
    shown: str


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder and not checked, and why: `lock` (Office's or LibreOffice's
    lock file), `hidden` (a dot file) or `other` (not a spreadsheet: .csv, .txt, .pdf …)."""

    path: str
    reason: str

    def issue(self) -> Issue:
        """The file as an `file-skipped` issue (info), which every batch format lists."""
        from qcity.render.i18n import words

        return Issue(
            "file-skipped",
            Location(file=self.path),
            {"reason": words(f"skip-{self.reason}"), "fix": words(f"skip-{self.reason}-fix")},
        )


@dataclass(frozen=True)
class Collected:
    """What a list of files and folders names."""

    inputs: list[Input]
    skipped: list[Skipped] = field(default_factory=list)  # files in folders not checked
    empty: list[str] = field(default_factory=list)  # folders without a single workbook


def passed_over(name: str) -> bool:
    """Whether a file found in a folder is not a submission: an Office or LibreOffice lock file
    (`~$x.xlsx`, `.~lock.x.xlsx#`) or a hidden file (`._x.xlsx`, left by macOS on shared drives)."""
    return name.startswith(("~$", ".~lock.", "."))


def collect(paths: Sequence[Path]) -> Collected:
    """The workbooks *paths* name: files as given, folders searched recursively, sorted by name.

    A file named twice (directly and inside a folder) is checked once. Paths that do not exist are
    kept, so that each is reported as not found.
    """
    inputs: list[Input] = []
    skipped: list[Skipped] = []
    empty: list[str] = []
    seen: set[str] = set()

    def add(path: Path, shown: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            inputs.append(Input(path, shown))

    for given in paths:
        if not given.is_dir():
            add(given, str(given))
            continue
        found = 0
        for root, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                suffix = Path(name).suffix.lower()
                path = str(Path(root) / name)
                if name.startswith(("~$", ".~lock.")):
                    skipped.append(Skipped(path, "lock"))
                    continue
                if name.startswith("."):
                    skipped.append(Skipped(path, "hidden"))
                    continue
                if suffix not in WORKBOOK_SUFFIXES and suffix not in OTHER_SPREADSHEETS:
                    skipped.append(Skipped(path, "other"))
                    continue
                found += 1
                add(Path(root) / name, str(Path(root) / name))
        if not found:
            empty.append(str(given))
    return Collected(inputs, skipped, empty)


@dataclass(frozen=True)
class Entry:
    """One file of a batch: its evaluation, or why it could not be read; and its exit code."""

    shown: str
    evaluation: Evaluation | None
    exit_code: int
    failure: tuple[Issue, ...] = ()
    detail: str | None = None  # the traceback of an internal error, for --debug

    @property
    def unit(self) -> str:
        """The reporting unit: the workbook's 填报单位 cell, else the file name without suffix."""
        if self.evaluation is not None and self.evaluation.unit is not None:
            return self.evaluation.unit.name
        return clean_text(Path(self.shown).stem) or self.shown

    @property
    def unit_from_cell(self) -> bool:
        """Whether the unit was read from a 填报单位 cell (not the file name)."""
        return self.evaluation is not None and self.evaluation.unit is not None

    @property
    def issues(self) -> list[Issue]:
        """Every issue of the file: the data issues, or what kept it from being read."""
        return list(self.evaluation.issues) if self.evaluation is not None else list(self.failure)

    @property
    def summary(self) -> Summary | None:
        """The counts of the city level's statuses (None for a file that could not be read)."""
        return self.evaluation.summary if self.evaluation is not None else None

    def behind(self) -> list[tuple[IndicatorResult, str | None]]:
        """What is not met, the city level's first, then each district's (with its name)."""
        if self.evaluation is None:
            return []
        e = self.evaluation
        return [
            *((r, None) for r in e.results if r.status is not Status.MET),
            *((r, d.name) for d in e.districts for r in d.results if r.status is not Status.MET),
        ]


@dataclass(frozen=True)
class Batch:
    """The combined result of checking many workbooks, each on its own, in the order given."""

    catalogue: Catalogue
    entries: list[Entry]
    checked_at: dt.datetime
    skipped: list[Skipped] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # about the batch: units in several files,
    # and every file skipped (file-skipped, info)
    exit_code: int = 0  # the batch's, as qcity.cli.outcome decides (set by parallel.run_batch)

    @property
    def checked(self) -> list[Entry]:
        """The files that could be read."""
        return [e for e in self.entries if e.evaluation is not None]

    @property
    def failed(self) -> list[Entry]:
        """The files that could not be read."""
        return [e for e in self.entries if e.evaluation is None]

    def results(self, area: str | None = None) -> list[IndicatorResult]:
        """The city-level results of every file read (of one *area* only, when given)."""
        return [
            r
            for e in self.entries
            if e.evaluation is not None
            for r in e.evaluation.results
            if area is None or r.indicator.area == area
        ]

    def judged(self) -> list[Indicator]:
        """The indicators judged in at least one file, in the catalogue's order by area (with
        --lead or a template's stamp, only those in scope); every indicator when no file
        could be read."""
        seen = {r.indicator.code for r in self.results()}
        return [
            i
            for area in self.catalogue.areas
            for i in self.catalogue.indicators
            if i.area == area.code and (not seen or i.code in seen)
        ]

    @property
    def summary(self) -> Summary:
        """The counts of statuses over every file's city-level indicators."""
        return summarise(self.results())

    def area_summaries(self) -> list[tuple[Area, Summary]]:
        """Each area of the catalogue with the counts of its indicators over every file."""
        return [(a, summarise(self.results(a.code))) for a in self.catalogue.areas]

    @property
    def errors(self) -> int:
        """Error-level issues over every file (a file that could not be read counts its own)."""
        return sum(1 for e in self.entries for i in e.issues if i.level is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """Warnings over every file, and about the batch."""
        return sum(1 for e in self.entries for i in e.issues if i.level is Severity.WARNING) + sum(
            1 for i in self.issues if i.level is Severity.WARNING
        )


def duplicate_units(entries: Sequence[Entry], severity: Severity) -> list[Issue]:
    """A `duplicate-unit` issue for each reporting unit that more than one file names."""
    files: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.evaluation is not None:
            files.setdefault(entry.unit.casefold(), []).append(entry)
    issues: list[Issue] = []
    for group in files.values():
        if len(group) > 1:
            issues.append(
                Issue(
                    "duplicate-unit",
                    Location(file=group[1].shown),
                    {
                        "unit": group[0].unit,
                        "count": len(group),
                        "files": ", ".join(e.shown for e in group[:5])
                        + (" …" if len(group) > 5 else ""),
                    },
                    severity=severity,
                )
            )
    return issues
