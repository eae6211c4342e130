"""What the formats of a batch share: its heading and verdict, what each file has not met, counts."""

from __future__ import annotations

import datetime as dt

from qcity.batch import Batch, Entry
from qcity.errors import Lang
from qcity.render import ReportOptions, display
from qcity.render.display import label
from qcity.render.i18n import say
from qcity.results import Status


def batch_date(batch: Batch, options: ReportOptions) -> dt.date:
    """The date the report shows: --today when given, else the day of the check."""
    return options.today or batch.checked_at.date()


def heading(batch: Batch, options: ReportOptions) -> str:
    """`30 个文件 · 指标目录: … · 日期: …`, and what was passed over."""
    lang = options.lang
    meta = batch.catalogue.catalogue
    n = len(batch.entries)
    checked = say("files-checked", lang, n=n)
    if batch.skipped:
        skipped = say("files-skipped", lang, k=len(batch.skipped))
        checked = say("batch.checked-and-skipped", lang, checked=checked, skipped=skipped)
    parts = [
        checked,
        f"{label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}",
        f"{label('date', lang)}{display.COLON[lang]}{batch_date(batch, options).isoformat()}",
    ]
    return " · ".join(parts)


def batch_scope(batch: Batch, lang: Lang) -> str | None:
    """The lead departments the batch's files were judged for: their names when every file
    had the same scope, "each file's own" when they differ, None when none had one."""
    from qcity.render.common import scope_names

    checked = [e.evaluation for e in batch.entries if e.evaluation is not None]
    scopes = {e.scope.leads if e.scope else None for e in checked}
    if scopes <= {None}:
        return None
    if len(scopes) == 1:
        return scope_names(checked[0], lang)
    return say("batch.scope.each", lang)


def verdict(batch: Batch, lang: Lang) -> str:
    """The one-line result of the whole batch, with the worst exit code."""
    s = batch.summary
    n, ok, bad = len(batch.entries), len(batch.checked), len(batch.failed)
    scope = batch_scope(batch, lang)
    k = len(batch.skipped)
    return say(
        "batch.result",
        lang,
        scope=say("batch.result.scope", lang, scope=scope) if scope else "",
        n=n,
        ok=ok,
        bad=bad,
        skipped=k,
        met=s.met,
        total=s.total,
        unmet=s.unmet,
        missing=s.missing,
        invalid=s.invalid,
        errors=batch.errors,
        warnings=batch.warnings,
        exit_code=batch.exit_code,
    )


# What a scope (None: the city level; else a district) has not met: codes by status, of how many.
Group = tuple[str | None, list[tuple[Status, list[str]]], int]
MAX_CODES = 8  # a longer list is cut in the text formats (JSON and xlsx keep every code)


def behind_groups(entry: Entry) -> list[Group]:
    """What a file has not met: the city level, then each district; worst status first."""
    e = entry.evaluation
    if e is None:
        return []
    groups: list[Group] = []
    for scope, results in [(None, e.results), *((d.name, d.results) for d in e.districts)]:
        by_status = [
            (status, [r.indicator.code for r in results if r.status is status])
            for status in (Status.INVALID, Status.UNMET, Status.MISSING)
        ]
        kept = [(status, codes) for status, codes in by_status if codes]
        if kept:
            groups.append((scope, kept, len(results)))
    return groups


def codes_text(codes: list[str], total: int, lang: Lang) -> str:
    """`PRD-02 CON-02`, `全部 23 项`, or the first few and how many in all."""
    if len(codes) == total and total > 3:
        return say("batch.codes.all", lang, n=total)
    if len(codes) > MAX_CODES:
        head = " ".join(codes[: MAX_CODES - 2])
        return say("batch.codes.cut", lang, head=head, n=len(codes))
    return " ".join(codes)


def group_parts(
    group: Group, marks: dict[Status, str], lang: Lang
) -> list[tuple[str, Status | None]]:
    """A group as pieces of text, each with the status it shows (None for the district's name)."""
    scope, by_status, total = group
    parts: list[tuple[str, Status | None]] = (
        [(f"{scope}{display.COLON[lang].strip()}", None)] if scope else []
    )
    parts += [
        (f"{marks[status]} {codes_text(codes, total, lang)}", status) for status, codes in by_status
    ]
    return parts


def behind_text(entry: Entry, marks: dict[Status, str], lang: Lang) -> str:
    """Everything a file has not met, on one line: `✘ PRD-02; 碑林区: ! PRD-01 ✘ PRD-02`."""
    return say("batch.separator", lang).join(
        " ".join(text for text, _ in group_parts(g, marks, lang)) for g in behind_groups(entry)
    )


def failure_text(entry: Entry, lang: Lang) -> str:
    """Why a file could not be read, in a few words: the titles of its issues."""
    return say("batch.separator", lang).join(
        f"{i.type.title[lang]} [{i.code}]" for i in entry.failure
    )


def counts(entry: Entry) -> tuple[int, int]:
    """A file's error and warning counts."""
    issues = entry.issues
    errors = sum(1 for i in issues if i.level.value == "error")
    return errors, sum(1 for i in issues if i.level.value == "warning")
