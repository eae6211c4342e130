"""Wording of `qcity diff`: headings, the kinds of change, the closing verdict."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "diff.title": {"zh": "质量强市指标进度对比", "en": "Quality-city progress"},
    # --- the kinds of change, keyed by Change's value --------------------------------------------
    "diff.change.newly-unmet": {"zh": "新增未达标", "en": "newly unmet"},
    "diff.change.worsened": {"zh": "变差", "en": "worsened"},
    "diff.change.newly-met": {"zh": "新增达标", "en": "newly met"},
    "diff.change.improved": {"zh": "改善", "en": "improved"},
    "diff.change.unchanged": {"zh": "不变", "en": "unchanged"},
    # --- headings and columns --------------------------------------------------------------------
    "diff.old": {"zh": "旧", "en": "Old"},
    "diff.new": {"zh": "新", "en": "New"},
    "diff.change": {"zh": "变化", "en": "Change"},
    "diff.verdict": {"zh": "结论", "en": "Verdict"},
    "diff.unit": {"zh": "填报单位", "en": "Unit"},
    "diff.district": {"zh": "区县", "en": "District"},
    "diff.only-old": {"zh": "只在旧的一方", "en": "Only in the old"},
    "diff.only-new": {"zh": "只在新的一方", "en": "Only in the new"},
    "diff.list-separator": {"zh": "、", "en": ", "},
    # --- the change of a figure in its unit -------------------------------------------------------
    "diff.delta.percent": {"zh": "{delta} 个百分点", "en": "{delta} pp"},
    "diff.delta.count": {"zh": "{delta} 个", "en": "{delta}"},
    # --- the closing line --------------------------------------------------------------------------
    "diff.result.one": {
        "zh": "结论：对比 {units} 个填报单位的 {rows} 项指标；{regressions}{extras}。",
        "en": "Result: {rows} indicators of {units} unit compared; {regressions}{extras}.",
    },
    "diff.result.other": {
        "zh": "结论：对比 {units} 个填报单位的 {rows} 项指标；{regressions}{extras}。",
        "en": "Result: {rows} indicators of {units} units compared; {regressions}{extras}.",
    },
    "diff.result.regressions": {
        "zh": "有 {n} 项由达标变为未达标",
        "en": "{n} went from met to not met",
    },
    "diff.result.no-regressions": {
        "zh": "没有指标由达标变为未达标",
        "en": "none went from met to not met",
    },
    "diff.result.failed": {"zh": "{n} 个文件无法读取", "en": "{n} files could not be read"},
    "diff.result.unmatched": {
        "zh": "{n} 个填报单位无法匹配",
        "en": "{n} units could not be matched",
    },
    "diff.result.extras": {"zh": "；{extras}", "en": "; {extras}"},
    "diff.result.extra-separator": {"zh": "，", "en": ", "},
}
