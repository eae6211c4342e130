"""Wording of the labels every view shares (render/display.py): statuses, units, column headings,
severities, and how figures, targets and gaps are written in each language."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- an indicator's verdict, a task's state, an issue's severity ---------------------------
    "status-met": {"zh": "达标", "en": "met"},
    "status-unmet": {"zh": "未达标", "en": "unmet"},
    "status-missing": {"zh": "未填报", "en": "missing"},
    "status-invalid": {"zh": "数据有误", "en": "invalid"},
    "task-done": {"zh": "已完成", "en": "done"},
    "task-in_progress": {"zh": "进行中", "en": "in progress"},
    "task-not_started": {"zh": "未开始", "en": "not started"},
    "task-unreported": {"zh": "未填报", "en": "not reported"},
    "severity-error": {"zh": "错误", "en": "error"},
    "severity-warning": {"zh": "警告", "en": "warning"},
    "severity-info": {"zh": "提示", "en": "info"},
    # --- units: their names, and the suffix a figure is written with ---------------------------
    "unit-percent": {"zh": "%", "en": "%"},
    "unit-ratio": {"zh": "比值（X∶1）", "en": "ratio (X∶1)"},
    "unit-boolean": {"zh": "是/否", "en": "yes/no"},
    "unit-count": {"zh": "个", "en": "count"},
    "unit-score": {"zh": "分", "en": "points"},
    "unit-index": {"zh": "指数", "en": "index"},
    "unit-amount": {"zh": "数额", "en": "amount"},
    "unit-days": {"zh": "天", "en": "days"},
    "unit-concentration": {"zh": "浓度", "en": "concentration"},
    "unit-multiple": {"zh": "倍", "en": "times"},
    "suffix-count": {"zh": "个", "en": ""},
    "suffix-score": {"zh": "分", "en": " points"},
    "suffix-days": {"zh": "天", "en": " days"},
    "suffix-multiple": {"zh": "倍", "en": "×"},
    # --- headings and labels (display.label) ---------------------------------------------------
    "label-code": {"zh": "代码", "en": "Code"},
    "label-indicator": {"zh": "指标", "en": "Indicator"},
    "label-target": {"zh": "目标", "en": "Target"},
    "label-value": {"zh": "填报值", "en": "Reported"},
    "label-gap": {"zh": "差距", "en": "Gap"},
    "label-status": {"zh": "状态", "en": "Status"},
    "label-lead": {"zh": "牵头部门", "en": "Lead"},
    "label-file": {"zh": "文件", "en": "File"},
    "label-sheet": {"zh": "工作表", "en": "Sheet"},
    "label-catalogue": {"zh": "指标目录", "en": "Catalogue"},
    "label-checked": {"zh": "检查时间", "en": "Checked"},
    "label-issues": {"zh": "数据问题", "en": "Data issues"},
    "label-location": {"zh": "位置", "en": "Location"},
    "label-problem": {"zh": "问题", "en": "Problem"},
    "label-fix": {"zh": "改正方法", "en": "Fix"},
    "label-severity": {"zh": "级别", "en": "Level"},
    "label-title": {"zh": "质量强市指标检查", "en": "Quality-city indicator check"},
    "label-source": {"zh": "依据", "en": "Source"},
    "label-derived": {"zh": "计算值", "en": "Derived"},
    "label-series_sheet": {"zh": "序列表", "en": "Series sheet"},
    "label-report_year": {"zh": "报告年份", "en": "Report year"},
    "label-note": {"zh": "备注", "en": "Note"},
    "label-date": {"zh": "日期", "en": "Date"},
    "label-area": {"zh": "领域", "en": "Area"},
    "label-total": {"zh": "合计", "en": "Total"},
    "label-compare": {"zh": "对比", "en": "Compared"},
    "label-tasks": {"zh": "工作任务", "en": "Tasks"},
    "label-task": {"zh": "任务", "en": "Task"},
    "label-due": {"zh": "时限", "en": "Due"},
    "label-evidence": {"zh": "证明材料", "en": "Evidence"},
    "label-progress": {"zh": "进度", "en": "Progress"},
    "label-phase": {"zh": "阶段", "en": "Phase"},
    "label-deliverables": {"zh": "应交成果", "en": "Deliverables"},
    # --- punctuation (GB/T 15834: full-width in Chinese, no spaces around) ---------------------
    "colon": {"zh": "：", "en": ": "},
    "bracketed": {"zh": "{text}（{inner}）", "en": "{text} ({inner})"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    # --- figures and targets -------------------------------------------------------------------
    "with-unit-label": {"zh": "{figure}{label}", "en": "{figure} {label}"},
    "judged-as": {"zh": "{shown}（按 {judged}*）", "en": "{shown} (judged {judged}*)"},
    "about-target": {
        "zh": "≥ {bound}（约 {figure} ±{tolerance}）",
        "en": "≥ {bound} (≈ {figure} ±{tolerance})",
    },
    "horizon-ahead": {
        "zh": "目标尚未到期（到{year}年），按该目标判定：{codes}",
        "en": "Judged against targets still ahead (by {year}): {codes}",
    },
    "measure-change": {"zh": "较{base}年", "en": "since {base}"},
    "measure-per_year": {"zh": "当年新增", "en": "yearly"},
    "measure-cumulative": {"zh": "累计", "en": "total"},
    "points-change": {"zh": "{points}个百分点", "en": "{points} pp"},
    "plus-minus": {"zh": "（±{tolerance}）", "en": " (±{tolerance})"},
    "base-year-is-one": {"zh": "（{year}年为1）", "en": " ({year} = 1)"},
    "by-year": {"zh": "（到{year}年）", "en": " (by {year})"},
    # --- gaps ----------------------------------------------------------------------------------
    "gap-points-short": {"zh": "{gap} 个百分点", "en": "{gap} pp"},
    "gap-points": {"zh": "{gap} 个百分点", "en": "{gap} percentage points"},
    "gap-count": {"zh": "{gap} 个", "en": "{gap}"},
    # a ratio against its ceiling: zh gives the signed gap, en says over, under or at in words
    "gap-over-ceiling": {
        "zh": "{signed}（相对上限 {ceiling}∶1）",
        "en": "{signed} over the {ceiling} ceiling",
    },
    "gap-under-ceiling": {
        "zh": "{signed}（相对上限 {ceiling}∶1）",
        "en": "{size} under the {ceiling} ceiling",
    },
    "gap-at-ceiling": {"zh": "{signed}（相对上限 {ceiling}∶1）", "en": "at the {ceiling} ceiling"},
    "gap-over-ceiling-short": {
        "zh": "{signed}（上限 {ceiling}）",
        "en": "{signed} over the {ceiling} ceiling",
    },
    "gap-under-ceiling-short": {
        "zh": "{signed}（上限 {ceiling}）",
        "en": "{size} under the {ceiling} ceiling",
    },
    "gap-at-ceiling-short": {"zh": "{signed}（上限 {ceiling}）", "en": "at the {ceiling} ceiling"},
    # --- pieces several views share (render/common.py) ---------------------------------------
    "full-stop": {"zh": "。", "en": "."},
    "sep-comma": {"zh": "，", "en": ", "},
    "computed-note": {"zh": "* 由分子/分母计算", "en": "* computed from numerator / denominator"},
    "days-overdue": {"zh": "逾期 {days} 天", "en": "{days} days overdue"},
    "done-late": {"zh": "逾期完成（{day}）", "en": "done late ({day})"},
    "done-on": {"zh": "完成于 {day}", "en": "done on {day}"},
    "tasks-summary": {
        "zh": "任务：{done}/{total} 项已完成；进行中 {in_progress}，未开始 {not_started}，"
        "未填报 {unreported}；逾期 {overdue}（判定日期 {day}）。",
        "en": "Tasks: {done}/{total} done; {in_progress} in progress, {not_started} not started, "
        "{unreported} not reported; {overdue} overdue (as of {day}).",
    },
    "day-from-option": {"zh": "按 --today", "en": "from --today"},
    "day-from-year": {"zh": "--year 所指年份的最后一天", "en": "the last day of the --year"},
    "day-from-period": {
        "zh": "报告期“{raw}”的最后一天",
        "en": 'the end of the report period "{raw}"',
    },
    "day-from-clock": {
        "zh": "检查当天；可用 --today 指定",
        "en": "the day of the check; set it with --today",
    },
    "scope-from-stamp": {"zh": "按模板", "en": "as the template was made"},
    "scope-from-lead": {"zh": "按 --lead", "en": "from --lead"},
    "scope": {
        "zh": "范围：{names} 牵头的 {n} 项指标（{how}）；其余 {excluded} 项不在本次范围内。",
        "en": "Scope: the {n} indicators led by {names} ({how}); "
        "the other {excluded} are out of scope.",
    },
    "districts": {"zh": "区县", "en": "Districts"},
    "aggregate": {"zh": "合计", "en": "Sum"},
    "aggregate-note": {
        "zh": "合计 = 各区县分子之和 / 分母之和；≠ 表示与全市填报值不一致",
        "en": "Sum = the districts' numerators / denominators summed; ≠ marks a sum that "
        "disagrees with the city-level figure",
    },
    "districts-summary": {
        "zh": "区县：{n} 个，共 {total} 项判定：达标 {met}，未达标 {unmet}，"
        "未填报 {missing}，数据有误 {invalid}",
        "en": "Districts: {n}, {total} judgements: {met} met, {unmet} unmet, "
        "{missing} missing, {invalid} invalid",
    },
    "districts-disagree": {
        "zh": "；合计与全市填报值不一致 {off} 项。",
        "en": "; {off} sums disagree with the city-level figure.",
    },
    # --- derivations ---------------------------------------------------------------------------
    "year-from-option": {"zh": "由 --year 指定", "en": "given by --year"},
    "year-from-cell": {"zh": "报告期 {where}", "en": "报告期 (period) at {where}"},
    "year-from-property": {"zh": "文档属性“报告期”", "en": "the document property 报告期 (period)"},
    "year-from-latest": {"zh": "序列表中有数据的最新年份", "en": "the latest year holding figures"},
    "basis-unstated": {"zh": "未注明口径", "en": "basis not stated"},
    "basis-used": {
        "zh": "{indicator} 所用{series}的口径：{basis}",
        "en": "{indicator} uses {series} on the basis of {basis}",
    },
}
