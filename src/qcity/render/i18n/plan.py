"""Wording of `qcity plan`: phases, the plan's position, reporting duties, what is still open."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "plan.title": {"zh": "创建工作进度", "en": "Where the plan stands"},
    # --- headings -------------------------------------------------------------------------------
    "plan.phases": {"zh": "工作步骤", "en": "Phases"},
    "plan.milestone-mark": {"zh": "◆ 验收节点", "en": "◆ acceptance"},
    "plan.focus": {"zh": "本阶段应完成", "en": "Due in this phase"},
    "plan.next-focus": {"zh": "下一阶段应完成", "en": "Due in the next phase"},
    "plan.by": {"zh": "截至 {day}", "en": "by {day}"},
    "plan.reporting": {"zh": "报送日历", "en": "Reporting calendar"},
    "plan.open": {"zh": "未完成事项（按牵头部门）", "en": "Still open, by lead department"},
    "plan.no-lead": {"zh": "未指定牵头部门", "en": "No lead department named"},
    "plan.nothing-open": {"zh": "没有未完成的指标和任务。", "en": "Nothing is open."},
    "plan.today": {"zh": "今天", "en": "today"},
    "plan.months": {"zh": "时间", "en": "Months"},
    "plan.span": {"zh": "{first} 至 {last}", "en": "{first} to {last}"},
    # --- a phase's state -------------------------------------------------------------------------
    "plan.state.past": {"zh": "已结束", "en": "ended"},
    "plan.state.last-day": {"zh": "今天是最后一天", "en": "last day today"},
    "plan.state.left": {"zh": "还剩 {days} 天", "en": "{days} days left"},
    "plan.state.starts": {"zh": "{days} 天后开始", "en": "starts in {days} days"},
    # --- where the plan stands, keyed by Stage's value ------------------------------------------
    "plan.position.none": {
        "zh": "指标目录没有列出工作步骤。",
        "en": "The catalogue lists no phases.",
    },
    "plan.position.during": {
        "zh": "当前阶段：{name}，{left}",
        "en": "Current phase: {name}, {left}",
    },
    "plan.position.before": {
        "zh": "方案尚未开始：第一阶段 {name}，还有 {days} 天",
        "en": "The plan has not started: its first phase, {name}, starts in {days} days",
    },
    "plan.position.between": {
        "zh": "两个阶段之间：下一阶段 {name}，还有 {days} 天",
        "en": "Between phases: the next, {name}, starts in {days} days",
    },
    "plan.position.after": {
        "zh": "方案各阶段均已结束：最后阶段 {name} 已于 {days} 天前结束",
        "en": "Every phase has ended: the last, {name}, ended {days} days ago",
    },
    "plan.day": {
        "zh": "方案第 {day}/{total} 天（{percent}%）",
        "en": "day {day} of {total} of the plan ({percent}%)",
    },
    # --- the period a report covers ---------------------------------------------------------------
    "plan.period.month": {"zh": "{year}年{month}月", "en": "{month_name} {year}"},
    "plan.period.q1": {"zh": "{year}年第一季度", "en": "Q1 {year}"},
    "plan.period.q2": {"zh": "{year}年第二季度", "en": "Q2 {year}"},
    "plan.period.q3": {"zh": "{year}年第三季度", "en": "Q3 {year}"},
    "plan.period.q4": {"zh": "{year}年第四季度", "en": "Q4 {year}"},
    "plan.period.h1": {"zh": "{year}年上半年", "en": "first half of {year}"},
    "plan.period.h2": {"zh": "{year}年下半年", "en": "second half of {year}"},
    "plan.period.year": {"zh": "{year}年度", "en": "{year}"},
    # --- reporting duties -------------------------------------------------------------------------
    "plan.reporting.done": {
        "zh": "{head}：已全部到期（最后一期 {last} 前报送）",
        "en": "{head}: every report has been due (the last by {last})",
    },
    "plan.reporting.next": {
        "zh": "{head}：{period}，{due} 前报送，{when}",
        "en": "{head}: {period}, due {due}, {when}",
    },
    "plan.due-today": {"zh": "今天到期", "en": "due today"},
    "plan.due-in": {"zh": "还有 {days} 天", "en": "in {days} days"},
    "plan.recipients": {"zh": "报送 {names}", "en": "to {names}"},
    "plan.list-separator": {"zh": "、", "en": ", "},
    # --- what is still open -------------------------------------------------------------------------
    "plan.group": {"zh": "{name}（{indicators}，{tasks}）", "en": "{name} ({indicators}, {tasks})"},
    "plan.group.indicators.one": {"zh": "指标 {n}", "en": "{n} indicator"},
    "plan.group.indicators.other": {"zh": "指标 {n}", "en": "{n} indicators"},
    "plan.group.tasks.one": {"zh": "任务 {n}", "en": "{n} task"},
    "plan.group.tasks.other": {"zh": "任务 {n}", "en": "{n} tasks"},
    "plan.open-total": {
        "zh": "共 {indicators}未达标、未填报或有误，{tasks}未完成。",
        "en": "{indicators} not met, {tasks} not done.",
    },
    "plan.open-total.indicators.one": {"zh": "{n} 项指标", "en": "{n} indicator"},
    "plan.open-total.indicators.other": {"zh": "{n} 项指标", "en": "{n} indicators"},
    "plan.open-total.tasks.one": {"zh": "{n} 项任务", "en": "{n} task"},
    "plan.open-total.tasks.other": {"zh": "{n} 项任务", "en": "{n} tasks"},
}
