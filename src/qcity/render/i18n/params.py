"""Wording the core and the readers put into issue parameters: each filled in in both languages
(`pair`, `join`, `listing` in render/i18n) where the issue is raised, so an issue stays data."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- separators and empty parts ----------------------------------------------------------
    "sep-list": {"zh": "、", "en": ", "},
    "sep-clause": {"zh": "；", "en": "; "},
    "sep-option": {"zh": "、", "en": ","},  # --lead a,b: the command line's own list
    "nothing": {"zh": "", "en": ""},
    "is-it": {"zh": "，是否为 {close}？", "en": "; did you mean {close}?"},
    # --- derived indicators (derive.py) --------------------------------------------------------
    "series-year": {"zh": "{series} {year} 年", "en": "{series} {year}"},
    "series-basis": {"zh": "{series} {name}", "en": "{series} {code}"},
    "base-year-intensity": {
        "zh": "{year} 年的强度 {numerator} / {denominator}",
        "en": "the {year} intensity {numerator} / {denominator}",
    },
    "reported-at-series": {"zh": "（{series} {first}–{last}）", "en": " ({series} {first}–{last})"},
    "reported-at-its-location": {"zh": " ", "en": ""},  # the location says where
    "computed-from-levels": {
        "zh": "{levels} {base}–{year}（{first}、{last}）",
        "en": "{levels} {base}–{year} ({first}, {last})",
    },
    "inputs-at": {"zh": "{head}（{cells}）", "en": "{head} ({cells})"},
    "fallback-invalid": {"zh": "填报值也有误", "en": "the reported figure is invalid too"},
    "fallback-nothing": {"zh": "也没有填报值", "en": "and nothing was reported"},
    "fallback-reported": {
        "zh": "改用填报值 {raw}（{where}）",
        "en": "the reported {raw} ({where}) is used instead",
    },
    "missing-series": {"zh": "{code}（表中无此序列）", "en": "{code} (no such row)"},
    "missing-year-at": {"zh": "{year}（{where}）", "en": "{year} ({where})"},
    "missing-year-no-column": {"zh": "{year}（无此年份列）", "en": "{year} (no such column)"},
    "missing-year-no-row": {"zh": "{year}（表中无此序列）", "en": "{year} (no such row)"},
    "series-missing-years": {"zh": "{code} {years}", "en": "{code} {years}"},
}
