"""Wording of `qcity gaps`: headings, what it takes to close a gap, milestones, the closing line."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "gaps.title": {"zh": "查漏补缺清单", "en": "Gaps to close"},
    "gaps.how": {"zh": "怎样补齐", "en": "What it takes"},
    "gaps.other": {"zh": "其他数据问题", "en": "Other data problems"},
    "gaps.department-count": {"zh": "{n} 项", "en": "{n}"},
    # --- the xlsx ------------------------------------------------------------------------------
    "gaps.sheet.summary": {"zh": "汇总", "en": "Summary"},
    "gaps.total": {"zh": "合计", "en": "Gaps"},
    # --- the terms of a fraction when the catalogue names none -------------------------------
    "gaps.numerator": {"zh": "分子", "en": "units in the numerator"},
    "gaps.denominator": {"zh": "分母", "en": "in the denominator"},
    # --- what it takes to close a gap -----------------------------------------------------------
    "gaps.need.more": {
        "zh": "{num}还需增加 {amount}，达到 {reach}（{den} {total}）",
        "en": "needs {amount} more {num} out of {total} {den} ({reach} of {total})",
    },
    "gaps.need.fewer": {
        "zh": "{num}需减少 {amount}，降至 {reach}（{den} {total}）",
        "en": "needs {amount} fewer {num} out of {total} {den} ({reach} of {total})",
    },
    "gaps.need.raise-percent": {
        "zh": "还需提高 {amount} 个百分点，达到 {reach}",
        "en": "needs {amount} percentage points more, to {reach}",
    },
    "gaps.need.lower-percent": {
        "zh": "还需降低 {amount} 个百分点，降至 {reach}",
        "en": "needs {amount} percentage points less, to {reach}",
    },
    "gaps.need.count": {
        "zh": "还需增加 {amount} 个，达到 {reach}",
        "en": "needs {amount} more, to {reach}",
    },
    "gaps.need.raise": {
        "zh": "还需提高 {amount}，达到 {reach}",
        "en": "needs to rise by {amount}, to {reach}",
    },
    "gaps.need.lower": {
        "zh": "还需降低 {amount}，降至 {reach}",
        "en": "needs to fall by {amount}, to {reach}",
    },
    "gaps.need.answer": {
        "zh": "需实现并填报“{expected}”（现为“{now}”）",
        "en": "must become {expected} (now {now})",
    },
    "gaps.need.fill-cell": {"zh": "填写 {where}", "en": "fill in {where}"},
    "gaps.need.add-row": {
        "zh": "在工作表“{sheet}”中增加一行，指标代码 {code}，并填写实际值",
        "en": "add a row with code {code} and its value to sheet {sheet}",
    },
    "gaps.need.default-sheet": {"zh": "数据", "en": "data"},
    "gaps.need.check": {"zh": "核对该指标的数据", "en": "check this indicator's figures"},
    "gaps.need.separator": {"zh": "；", "en": "; "},
    # --- phases and milestones (also used by `qcity plan`) ------------------------------------
    "gaps.phase": {
        "zh": "{clause} {name}（{first} 至 {last}）",
        "en": "{clause} {name} ({first} to {last})",
    },
    "gaps.milestone.upcoming": {
        "zh": "下一节点：{name}，还有 {days} 天",
        "en": "Next milestone: {name}, in {days} days",
    },
    "gaps.milestone.current": {
        "zh": "当前节点：{name}，进行中，还剩 {days} 天",
        "en": "Current milestone: {name}, under way, {days} days left",
    },
    "gaps.milestone.past": {
        "zh": "方案各节点均已过去：最后一个节点 {name} 已于 {days} 天前结束",
        "en": "Every milestone has passed: the last, {name}, ended {days} days ago",
    },
    # --- the closing line --------------------------------------------------------------------
    "gaps.nothing": {"zh": "没有需要补齐的指标。", "en": "Nothing to close."},
    "gaps.counts": {
        "zh": "共 {gaps} 项待补齐：未达标 {unmet}，未填报 {missing}，数据有误 {invalid}；"
        "其他数据问题 {other}。数据问题：错误 {errors}，警告 {warnings}。",
        "en": "{gaps} to close: {unmet} unmet, {missing} missing, {invalid} invalid; "
        "{other} other data problems. Data issues: {errors} errors, {warnings} warnings.",
    },
}
