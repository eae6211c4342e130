"""Wording of the command line itself, in zh and en, keyed: usage errors, help, skipped files.

Kept free of imports beyond the standard library: `qcity --help` and usage errors load it.
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["zh", "en"]

WORDS: dict[str, dict[Lang, str]] = {
    # --- files a batch skipped (issue file-skipped) ---------------------------------------------
    "skip-lock": {
        "zh": "Excel、WPS 或 LibreOffice 的锁文件（工作簿正被打开）",
        "en": "a lock file of Excel, WPS or LibreOffice (the workbook is open)",
    },
    "skip-lock-fix": {
        "zh": "无需处理；若工作簿仍在编辑，先保存再检查",
        "en": "nothing to do; if the workbook is still being edited, save it before checking",
    },
    "skip-hidden": {"zh": "隐藏文件", "en": "a hidden file"},
    "skip-hidden-fix": {
        "zh": "无需处理；若这是一份填报，去掉文件名开头的“.”",
        "en": "nothing to do; if it is a return, remove the '.' its name begins with",
    },
    "skip-other": {
        "zh": "不是电子表格（只检查 .xlsx、.xlsm 工作簿）",
        "en": "not a spreadsheet (only .xlsx and .xlsm workbooks are checked)",
    },
    "skip-other-fix": {
        "zh": "若这是一份填报，在 Excel 或 WPS 中另存为 .xlsx 工作簿",
        "en": "if it is a return, save it as an .xlsx workbook in Excel or WPS",
    },
    "files-checked": {"zh": "检查 {n} 个文件", "en": "{n} files checked"},
    "files-skipped": {"zh": "跳过 {k} 个", "en": "{k} skipped"},
}


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


def locale_lang(environ: dict[str, str] | None = None) -> Lang | None:
    """The language of the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them):
    zh for zh_*, en for en_*; None when unset, C, POSIX or another language."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return language_of(value)
    return None


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """The language when --lang is not given: QCITY_LANG, else the locale's (zh_*, en_*), else zh."""
    env = os.environ if environ is None else environ
    return language_of(env.get("QCITY_LANG")) or locale_lang(env) or "zh"
