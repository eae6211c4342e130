"""The wording catalogue: every word a user reads, in zh and en, addressed by key with parameters.

The texts live in the modules of this package, one per domain: `issues_*` the title, message
and fix of every issue code (`<code>.title`, `.message`, `.hint`), `params` the words the core
and the readers put into issue parameters, `labels` what every view shares (statuses, units,
headings, figures and targets), `xlsx` the workbooks qcity writes, `cli` the command line's
usage errors and help. This module merges them into WORDS, refuses a key defined twice, and
fills parameters in (`say`, `pair`; `join` and `listing` put lists together in each language).
Chinese texts use full-width punctuation (，：；（）、); English texts English punctuation. Kept
free of imports beyond the standard library: `qcity --help` and usage errors load it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping

from qcity.lang import Lang

# Every module of the catalogue; a new one is one more name here.
_MODULES = (
    "cli",
    "outcome",
    "labels",
    "xlsx",
    "params",
    "issues_files",
    "issues_workbook",
    "issues_series",
    "issues_catalogue",
    "batch",
    "diff",
    "gaps",
    "plan",
    "check",
    "explain",
    "catalogue",
)


def _merge() -> dict[str, dict[Lang, str]]:
    merged: dict[str, dict[Lang, str]] = {}
    for name in _MODULES:
        module = importlib.import_module(f"qcity.render.i18n.{name}")
        for key, text in module.WORDS.items():
            if key in merged:
                raise RuntimeError(f"wording key {key!r} is defined twice (again in {name})")
            merged[key] = text
    return merged


WORDS: dict[str, dict[Lang, str]] = _merge()


def words(key: str) -> dict[Lang, str]:
    """The wording of *key* in both languages (an issue's bilingual parameter)."""
    return WORDS[key]


def say(key: str, lang: Lang, **params: object) -> str:
    """The wording of *key* in *lang*, parameters filled in."""
    text = WORDS[key][lang]
    return text.format(**params) if params else text


def language_of(value: str | None) -> Lang | None:
    """zh or en from a language or locale name (zh-CN, zh_CN.UTF-8, en_US …); None if neither."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].split(".")[0].lower()
    return primary if primary in ("zh", "en") else None  # type: ignore[return-value]


def locale_lang(environ: Mapping[str, str] | None = None) -> Lang | None:
    """The language of the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them):
    zh for zh_*, en for en_*; None when unset, C, POSIX or another language."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return language_of(value)
    return None


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language when --lang is not given: QCITY_LANG, else the locale's (zh_*, en_*), else zh."""
    env = os.environ if environ is None else environ
    return language_of(env.get("QCITY_LANG")) or locale_lang(env) or "zh"


LIST_SEPARATOR: dict[Lang, str] = {"zh": "、", "en": ", "}
LANGS: tuple[Lang, ...] = ("zh", "en")


def _in(lang: Lang, params: dict[str, object]) -> dict[str, object]:
    # a parameter given in both languages ({"zh": …, "en": …}) is filled in in each language
    return {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}


def pair(key: str, **params: object) -> dict[Lang, str]:
    """The wording of *key* in both languages, parameters filled in (a parameter that is itself
    given in both languages is filled in in each)."""
    return {lang: say(key, lang, **_in(lang, params)) for lang in LANGS}


def join(parts: Iterable[Mapping[Lang, str]], separator: str = "sep-list") -> dict[Lang, str]:
    """Parts given in both languages, joined in each with its own separator (a key: `sep-list`
    、 or ", ", `sep-clause` ； or "; ")."""
    parts = list(parts)
    return {lang: WORDS[separator][lang].join(p[lang] for p in parts) for lang in LANGS}


def listing(items: Iterable[object], separator: str = "sep-list") -> dict[Lang, str]:
    """Items the same in both languages (codes, names, cells), listed in each language."""
    texts = [str(i) for i in items]
    return {lang: WORDS[separator][lang].join(texts) for lang in LANGS}
