"""The one-line verdict of a check, in pieces with their styles: the text report prints it in
colour, the other formats and the summary sheet as plain text (without importing rich)."""

from __future__ import annotations

from qcity.errors import Lang
from qcity.render.common import scope_names
from qcity.render.i18n import say
from qcity.results import Evaluation


def verdict_parts(evaluation: Evaluation, lang: Lang) -> list[tuple[str, str]]:
    """结论：17/23 项达标；未达标 3，未填报 2，数据有误 1。 as (text, rich style) pieces."""
    s = evaluation.summary
    parts: list[tuple[str, str]] = []
    for r in evaluation.vetoed:
        # A veto target says so first: nothing else met can outweigh it.
        name = f"{r.indicator.code} {r.indicator.name.get(lang)}"
        parts.append((say("check.veto", lang, name=name), "bold red"))
    # A department's own return: the conclusion is about its indicators, and says so.
    names = scope_names(evaluation, lang)
    head = say("check.result-scope", lang, names=names) if names else say("check.result", lang)
    parts.append((head, "bold"))
    met = say("check.met", lang, met=s.met, total=s.total)
    parts.append((met, "bold green" if s.met == s.total else "bold"))
    statuses = say("check.statuses", lang, unmet=s.unmet, missing=s.missing, invalid=s.invalid)
    parts.append((statuses, ""))
    errors = len(evaluation.errors)
    warnings = len(evaluation.issues) - errors
    parts.append((say("check.issue-counts", lang, errors=errors, warnings=warnings), ""))
    return parts


def verdict_line(evaluation: Evaluation, lang: Lang) -> str:
    """The verdict as plain text."""
    return "".join(text for text, _ in verdict_parts(evaluation, lang))
