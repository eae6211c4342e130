"""Wording of the check view (every format): the verdict line, the notes under the table, the
annotations' separators."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- the verdict line (text, markdown, github, html, the summary sheet) ---------------------
    "check.veto": {
        "zh": "一票否决：{name} 未达标，整体不通过。",
        "en": "Veto: {name} is not met, so the whole result fails. ",
    },
    "check.result": {"zh": "结论：", "en": "Result: "},
    "check.result-scope": {"zh": "结论（范围：{names}）：", "en": "Result (scope: {names}): "},
    "check.met": {"zh": "{met}/{total} 项达标", "en": "{met}/{total} met"},
    "check.statuses": {
        "zh": "；未达标 {unmet}，未填报 {missing}，数据有误 {invalid}",
        "en": "; {unmet} unmet, {missing} missing, {invalid} invalid",
    },
    "check.issue-counts": {
        "zh": "；数据问题：错误 {errors}，警告 {warnings}。",
        "en": "; data issues: {errors} errors, {warnings} warnings.",
    },
    "check.overdue-fails": {
        "zh": "任务：逾期 {overdue} 项，按 --fail-on-tasks 判为未完成。",
        "en": "Tasks: {overdue} overdue, which fails the check (--fail-on-tasks).",
    },
    # --- notes under the text table -------------------------------------------------------------
    "check.computed-note": {
        "zh": "* 由分子/分母计算",
        "en": "* computed from numerator / denominator",
    },
    "check.derived-note": {
        "zh": "有计算值的指标按计算值判定；≠ 表示计算值与填报值不一致",
        "en": "Where a value is derived from the series, it is judged; "
        "≠ marks one that disagrees with the reported value",
    },
    # --- pieces of the annotations (github) and testcases (junit) -------------------------------
    "check.separator": {"zh": "；", "en": "; "},
    "check.at": {"zh": "（{location}）", "en": " ({location})"},
    "check.not-reported": {
        "zh": "未填报{where}，目标 {target}",
        "en": "not reported{where}; target {target}",
    },
    # --- html -----------------------------------------------------------------------------------
    "check.summary": {"zh": "概况", "en": "Summary"},
}
