"""`qcity plan` as text (a rich view), Markdown and JSON; the wording lives here, the arithmetic in plan.py."""

from __future__ import annotations

import io
import json
from fractions import Fraction
from typing import Any

from qcity.errors import Lang
from qcity.gaps import department_label
from qcity.model import Frequency, Phase
from qcity.phases import ReportDue, Stage, When
from qcity.plan import OpenItems, PlanView, Reporting
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import (
    deliverables_text,
    task_progress_text,
    task_status_text,
    value_text,
)
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.render.gaps.text import milestone_text, phase_label
from qcity.results import IndicatorResult, Status, TaskResult

SCHEMA_VERSION = 1
TITLE: dict[Lang, str] = {"zh": "创建工作进度", "en": "Where the plan stands"}
BAR = 20  # characters of a phase's progress bar
TIMELINE = 60  # characters of the whole plan's bar
_T: dict[str, dict[Lang, str]] = {
    "phases": {"zh": "工作步骤", "en": "Phases"},
    "milestone_mark": {"zh": "◆ 验收节点", "en": "◆ acceptance"},
    "focus": {"zh": "本阶段应完成", "en": "Due in this phase"},
    "next_focus": {"zh": "下一阶段应完成", "en": "Due in the next phase"},
    "reporting": {"zh": "报送日历", "en": "Reporting calendar"},
    "open": {"zh": "未完成事项（按牵头部门）", "en": "Still open, by lead department"},
    "no_lead": {"zh": "未指定牵头部门", "en": "No lead department named"},
    "nothing_open": {"zh": "没有未完成的指标和任务。", "en": "Nothing is open."},
    "today": {"zh": "今天", "en": "today"},
    "months": {"zh": "时间", "en": "Months"},
}


def t(key: str, lang: Lang) -> str:
    """A fixed text of the plan view in *lang*."""
    return _T[key][lang]


def span(phase: Phase, lang: Lang) -> str:
    """`2014-06-01 至 2015-06-30`."""
    word = "至" if lang == "zh" else "to"
    return f"{phase.first_day.isoformat()} {word} {phase.last_day.isoformat()}"


def bar(fraction: Fraction, width: int = BAR) -> str:
    """A progress bar: the part passed filled."""
    full = int(fraction * width)
    return "█" * full + "░" * (width - full)


def state_text(when: When, days: int, lang: Lang) -> str:
    """已结束 / 还剩 29 天 / 30 天后开始."""
    if when is When.PAST:
        return "已结束" if lang == "zh" else "ended"
    if when is When.CURRENT:
        if days == 0:
            return "今天是最后一天" if lang == "zh" else "last day today"
        return f"还剩 {days} 天" if lang == "zh" else f"{days} days left"
    return f"{days} 天后开始" if lang == "zh" else f"starts in {days} days"


def position_text(view: PlanView, lang: Lang) -> str:
    """Where the plan stands: the phase under way and the days left, or before, between, after."""
    where = view.position
    if where is None:
        return "指标目录没有列出工作步骤。" if lang == "zh" else "The catalogue lists no phases."
    name = phase_label(where.phase, lang)
    d = where.days
    if where.stage is Stage.DURING:
        left = state_text(When.CURRENT, d, lang)
        return f"当前阶段：{name}，{left}" if lang == "zh" else f"Current phase: {name}, {left}"
    if where.stage is Stage.BEFORE:
        if lang == "zh":
            return f"方案尚未开始：第一阶段 {name}，还有 {d} 天"
        return f"The plan has not started: its first phase, {name}, starts in {d} days"
    if where.stage is Stage.BETWEEN:
        if lang == "zh":
            return f"两个阶段之间：下一阶段 {name}，还有 {d} 天"
        return f"Between phases: the next, {name}, starts in {d} days"
    if lang == "zh":
        return f"方案各阶段均已结束：最后阶段 {name} 已于 {d} 天前结束"
    return f"Every phase has ended: the last, {name}, ended {d} days ago"


def day_text(view: PlanView, lang: Lang) -> str:
    """`第 486/638 天(76%)`: the day of the plan."""
    where = view.position
    if where is None or where.day is None or where.stage is Stage.AFTER:
        return ""
    percent = int(where.progress * 100)
    if lang == "zh":
        return f"方案第 {where.day}/{where.total_days} 天（{percent}%）"
    return f"day {where.day} of {where.total_days} of the plan ({percent}%)"


def timeline(view: PlanView, lang: Lang) -> list[str]:
    """The whole plan as one bar, phases separated by │, with today's position marked above it."""
    where = view.position
    if where is None:
        return []
    phases = view.catalogue.phases
    first = phases[0].first_day
    total = where.total_days
    cells: list[str] = []
    passed = where.progress
    for n in range(TIMELINE):
        cells.append("█" if Fraction(n + 1, TIMELINE) <= passed else "░")
    # Each phase after the first starts at a separator drawn over its first column.
    for phase in phases[1:]:
        col = min(int(Fraction((phase.first_day - first).days, total) * TIMELINE), TIMELINE - 1)
        cells[col] = "│"
    start, end = first.isoformat(), phases[-1].last_day.isoformat()
    line = f"{start} {''.join(cells)} {end}"
    if where.stage is Stage.BEFORE:
        marker = f"▼ {t('today', lang)} {view.today.isoformat()}"
        return [" " * len(start) + " " + marker, line]
    col = min(int(passed * TIMELINE), TIMELINE - 1) if where.stage is not Stage.AFTER else TIMELINE
    marker = f"▼ {t('today', lang)} {view.today.isoformat()}"
    return [" " * (len(start) + 1 + col) + marker, line]


def period_text(due: ReportDue, lang: Lang) -> str:
    """The period a report covers: 2015年6月, 2015年上半年, Q2 2015 …"""
    first = due.first_day
    every = due.duty.every
    if every is Frequency.MONTH:
        if lang == "zh":
            return f"{first.year}年{first.month}月"
        return first.strftime("%B %Y")
    if every is Frequency.QUARTER:
        q = (first.month - 1) // 3 + 1
        return f"{first.year}年第{'一二三四'[q - 1]}季度" if lang == "zh" else f"Q{q} {first.year}"
    if every is Frequency.HALF_YEAR:
        upper = first.month <= 6
        if lang == "zh":
            return f"{first.year}年{'上' if upper else '下'}半年"
        return f"{'first' if upper else 'second'} half of {first.year}"
    return f"{first.year}年度" if lang == "zh" else str(first.year)


def reporting_text(item: Reporting, lang: Lang) -> str:
    """每月报送工作推进情况（五(六)）：2015年6月，2015-06-30 前报送，还有 29 天。"""
    duty = item.duty
    head = display.bracketed(duty.name.get(lang), duty.source.clause, lang)
    nxt = item.next
    if nxt is None:
        if lang == "zh":
            return f"{head}：已全部到期（最后一期 {item.last_due.isoformat()} 前报送）"
        return f"{head}: every report has been due (the last by {item.last_due.isoformat()})"
    when = (
        ("今天到期" if lang == "zh" else "due today")
        if nxt.days == 0
        else (f"还有 {nxt.days} 天" if lang == "zh" else f"in {nxt.days} days")
    )
    if lang == "zh":
        return f"{head}：{period_text(nxt, lang)}，{nxt.due.isoformat()} 前报送，{when}"
    return f"{head}: {period_text(nxt, lang)}, due {nxt.due.isoformat()}, {when}"


def recipients(view: PlanView, lang: Lang) -> str:
    """Who receives the reports, when the duties name one."""
    names = list(dict.fromkeys(d.to.get(lang) for d in (r.duty for r in view.reporting) if d.to))
    if not names:
        return ""
    return ("报送 " if lang == "zh" else "to ") + ("、" if lang == "zh" else ", ").join(names)


def indicator_line(r: IndicatorResult, lang: Lang) -> str:
    """`PRD-02 城市… · 93.42%* / 目标 ≥ 94% · −0.58 个百分点`."""
    ind = r.indicator
    figures = f"{label('target', lang)} {display.target(ind, lang)}"
    if r.observation is not None:
        figures = f"{value_text(r, lang)} / {figures}"
    parts = [f"{ind.code} {ind.name.get(lang)}", figures]
    if r.gap is not None:
        parts.append(display.gap(r, lang))
    return " · ".join(parts)


def task_line(r: TaskResult, lang: Lang) -> str:
    """`T05 显著提升产品质量 · 时限 2015-06-30 · 逾期 10 天`."""
    parts = [f"{r.task.code} {r.task.title.get(lang)}", f"{label('due', lang)} {r.due.isoformat()}"]
    progress = task_progress_text(r, lang)
    if progress:
        parts.append(progress)
    return " · ".join(parts)


def status_mark(status: Status, lang: Lang) -> str:
    """✘ 未达标 …"""
    return f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"


def group_label(group: OpenItems, lang: Lang) -> str:
    """`市质监局 西安市质量技术监督局 (指标 1,任务 1)`."""
    name = (
        department_label(group.department, lang)
        if group.department is not None
        else t("no_lead", lang)
    )
    if lang == "zh":
        return f"{name}（指标 {len(group.indicators)}，任务 {len(group.tasks)}）"
    return (
        f"{name} ({_count(len(group.indicators), 'indicator')}, {_count(len(group.tasks), 'task')})"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def open_total_text(view: PlanView, lang: Lang) -> str:
    """共 7 项指标、9 项任务未完成。"""
    if not view.open:
        return t("nothing_open", lang)
    if lang == "zh":
        return f"共 {view.open_indicators} 项指标未达标、未填报或有误，{view.open_tasks} 项任务未完成。"
    return (
        f"{_count(view.open_indicators, 'indicator')} not met, "
        f"{_count(view.open_tasks, 'task')} not done."
    )


def _focus_heading(view: PlanView, lang: Lang) -> str:
    focus = view.focus
    assert focus is not None
    current = view.position is not None and view.position.stage is Stage.DURING
    key = "focus" if current else "next_focus"
    by = (
        f"截至 {focus.last_day.isoformat()}" if lang == "zh" else f"by {focus.last_day.isoformat()}"
    )
    return f"{t(key, lang)} · {focus.clause} {focus.name.get(lang)} · {by}"


def show_milestone(view: PlanView) -> bool:
    """Whether the milestone line adds to the position line (not the same phase again)."""
    return view.milestone is not None and (
        view.position is None or view.milestone.phase.code != view.position.phase.code
    )


def _header(view: PlanView, lang: Lang) -> tuple[str, str]:
    meta = view.catalogue.catalogue
    title = f"{TITLE[lang]} · {display.bracketed(meta.title.get(lang), meta.document, lang)}"
    where = f"{label('date', lang)}{display.COLON[lang]}{view.today.isoformat()}"
    day = day_text(view, lang)
    if day:
        where += f" · {day}"
    where += f" · {label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}"
    return title, where


# --- text ------------------------------------------------------------------------------------------


def render_text(view: PlanView, options: ReportOptions) -> str:
    """The rich terminal view."""
    from rich.text import Text

    from qcity.render.console import make_console

    lang = options.lang
    buffer = io.StringIO()
    console = make_console(buffer, options)
    title, where = _header(view, lang)
    console.print(Text(title, style="bold"), soft_wrap=True)
    console.print(Text(where, style="dim"), soft_wrap=True)
    console.print(Text(position_text(view, lang), style="bold"), soft_wrap=True)
    if view.milestone is not None and show_milestone(view):
        console.print(Text(milestone_text(view.milestone, lang)), soft_wrap=True)
    for section in (_text_phases, _text_due, _text_reporting, _text_open):
        section(console, view, lang)
    return buffer.getvalue()


def _table(*columns: tuple[str, dict[str, Any]]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for heading, options in columns:
        table.add_column(heading, **options)
    return table


def _text_phases(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    if not view.phases:
        return
    console.print()
    for text in timeline(view, lang):
        console.print(Text(text), soft_wrap=True)
    table = _table(
        (label("phase", lang), {"no_wrap": True, "style": "bold"}),
        (t("phases", lang), {"no_wrap": True}),
        (t("months", lang), {"no_wrap": True}),
        (label("progress", lang), {"no_wrap": True}),
    )
    styles = {When.PAST: "dim", When.CURRENT: "bold green", When.UPCOMING: ""}
    for pv in view.phases:
        p = pv.phase
        style = styles[pv.state.when]
        name = f"◆ {p.name.get(lang)}" if p.milestone else p.name.get(lang)
        progress = f"{bar(pv.elapsed)} {state_text(pv.state.when, pv.state.days, lang)}"
        table.add_row(p.clause, Text(name, style=style), span(p, lang), Text(progress, style=style))
    console.print(table)
    if any(p.milestone for p in view.catalogue.phases):
        console.print(Text(t("milestone_mark", lang), style="dim"))


def _text_due(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    from qcity.render.console import TASK_STYLE

    if view.focus is None:
        return
    console.print()
    console.print(Text(_focus_heading(view, lang), style="bold cyan"), soft_wrap=True)
    for made in view.focus.produces:
        console.print(Text(f"  · {made.name.get(lang)}"), soft_wrap=True)
    if not view.due:
        return
    with_status = view.evaluation is not None and view.evaluation.tasks is not None
    columns: list[tuple[str, dict[str, Any]]] = [
        (label("code", lang), {"no_wrap": True, "style": "bold"}),
        (label("task", lang), {"no_wrap": True}),
        (label("lead", lang), {"no_wrap": True}),
        (label("deliverables", lang), {"ratio": 1, "overflow": "fold"}),
    ]
    if with_status:
        columns.append((label("status", lang), {"no_wrap": True}))
    table = _table(*columns)
    for item in view.due:
        cells: list[str | Text] = [
            item.task.code,
            item.task.title.get(lang),
            item.task.lead or "—",
            deliverables_text(item.task, lang),
        ]
        if with_status:
            result = item.result
            cells.append(
                Text(task_status_text(result, lang), style=TASK_STYLE[result.status])
                if result
                else ""
            )
        table.add_row(*cells)
    console.print(table)


def _text_reporting(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    if not view.reporting:
        return
    console.print()
    head = t("reporting", lang)
    who = recipients(view, lang)
    console.print(Text(f"{head} · {who}" if who else head, style="bold cyan"), soft_wrap=True)
    for duty in view.reporting:
        console.print(Text(f"  {reporting_text(duty, lang)}"), soft_wrap=True)


def _text_open(console: Any, view: PlanView, lang: Lang) -> None:
    from rich.text import Text

    from qcity.render.console import STATUS_STYLE, TASK_STYLE

    ev = view.evaluation
    if ev is None:
        return
    console.print()
    where = f"{label('file', lang)}{display.COLON[lang]}{ev.source}"
    if ev.sheet:
        where += f" · {label('sheet', lang)}{display.COLON[lang]}{ev.sheet}"
    if ev.tasks is not None and ev.tasks.sheet:
        where += f" · {label('tasks', lang)}{display.COLON[lang]}{ev.tasks.sheet}"
    console.print(Text(f"{t('open', lang)} · {where}", style="bold cyan"), soft_wrap=True)
    for group in view.open:
        console.print(Text(group_label(group, lang), style="bold"), soft_wrap=True)
        for r in group.indicators:
            line = Text("  ")
            line.append(status_mark(r.status, lang), style=STATUS_STYLE[r.status])
            line.append(f"  {indicator_line(r, lang)}")
            console.print(line, soft_wrap=True)
        for task in group.tasks:
            line = Text("  ")
            line.append(task_status_text(task, lang), style=TASK_STYLE[task.status])
            line.append(f"  {task_line(task, lang)}", style="red" if task.overdue else "")
            console.print(line, soft_wrap=True)
    console.print(Text(open_total_text(view, lang), style="bold"), soft_wrap=True)


# --- Markdown --------------------------------------------------------------------------------------


def render_markdown(view: PlanView, options: ReportOptions) -> str:
    """The view as Markdown: tables for phases, due tasks and open items."""
    lang = options.lang
    title, where = _header(view, lang)
    out = [f"### {markdown_text(title)}", "", markdown_text(where), ""]
    out.append(f"**{markdown_text(position_text(view, lang))}**")
    if view.milestone is not None and show_milestone(view):
        out += ["", markdown_text(milestone_text(view.milestone, lang))]
    if view.phases:
        out += ["", "```text", *timeline(view, lang), "```", ""]
        heads = [
            label("phase", lang),
            t("phases", lang),
            t("months", lang),
            label("progress", lang),
        ]
        out += ["| " + " | ".join(heads) + " |", "|---|---|---|---|"]
        for pv in view.phases:
            p = pv.phase
            name = markdown_text(p.name.get(lang))
            if pv.state.when is When.CURRENT:
                name = f"**{name}**"
            if p.milestone:
                name = f"◆ {name}"
            progress = f"`{bar(pv.elapsed)}` {state_text(pv.state.when, pv.state.days, lang)}"
            out.append(f"| {p.clause} | {name} | {span(p, lang)} | {progress} |")
        if any(p.milestone for p in view.catalogue.phases):
            out += ["", t("milestone_mark", lang)]
    if view.focus is not None:
        out += ["", f"#### {markdown_text(_focus_heading(view, lang))}", ""]
        out += [f"- {markdown_text(d.name.get(lang))}" for d in view.focus.produces]
        if view.due:
            with_status = view.evaluation is not None and view.evaluation.tasks is not None
            heads = [label(k, lang) for k in ("code", "task", "lead", "deliverables")]
            if with_status:
                heads.append(label("status", lang))
            out += ["", "| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
            for item in view.due:
                cells = [
                    item.task.code,
                    markdown_text(item.task.title.get(lang)),
                    markdown_text(item.task.lead or "—"),
                    markdown_text(deliverables_text(item.task, lang)),
                ]
                if with_status:
                    cells.append(task_status_text(item.result, lang) if item.result else "")
                out.append("| " + " | ".join(cells) + " |")
    if view.reporting:
        who = recipients(view, lang)
        head = t("reporting", lang) + (f" · {who}" if who else "")
        out += ["", f"#### {markdown_text(head)}", ""]
        out += [f"- {markdown_text(reporting_text(item, lang))}" for item in view.reporting]
    if view.evaluation is not None:
        ev = view.evaluation
        out += ["", f"#### {t('open', lang)} · {markdown_code(ev.source)}"]
        for group in view.open:
            out += ["", f"**{markdown_text(group_label(group, lang))}**", ""]
            out += [
                f"- {status_mark(r.status, lang)} {markdown_text(indicator_line(r, lang))}"
                for r in group.indicators
            ]
            for tr in group.tasks:
                text = markdown_text(task_line(tr, lang))
                out.append(
                    f"- {task_status_text(tr, lang)} {'**' + text + '**' if tr.overdue else text}"
                )
        out += ["", f"**{markdown_text(open_total_text(view, lang))}**"]
    return "\n".join(out) + "\n"


# --- JSON ------------------------------------------------------------------------------------------


def plan_dict(view: PlanView, lang: Lang) -> dict[str, Any]:
    """The JSON document of `qcity plan --format json`."""
    from qcity.render.check.json import catalogue_meta_dict, indicator_dict, task_dict

    where = view.position
    m = view.milestone
    ev = view.evaluation
    return {
        "schema_version": SCHEMA_VERSION,
        "catalogue": catalogue_meta_dict(view.catalogue.catalogue, lang),
        "today": view.today.isoformat(),
        "lang": lang,
        "lead": view.lead,
        "position": None
        if where is None
        else {
            "stage": where.stage.value,
            "phase": where.phase.code,
            "days": where.days,
            "day": where.day,
            "total_days": where.total_days,
            "text": position_text(view, lang),
        },
        "milestone": None
        if m is None
        else {
            "phase": m.phase.code,
            "when": m.when.value,
            "days": m.days,
            "text": milestone_text(m, lang),
        },
        "phases": [
            {
                "code": pv.phase.code,
                "clause": pv.phase.clause,
                "name": pv.phase.name.get(lang),
                "quote": pv.phase.source.quote,
                "start": pv.phase.first_day.isoformat(),
                "end": pv.phase.last_day.isoformat(),
                "milestone": pv.phase.milestone,
                "state": pv.state.when.value,
                "days": pv.state.days,
                "elapsed": float(pv.elapsed),
                "produces": [d.name.get(lang) for d in pv.phase.produces],
            }
            for pv in view.phases
        ],
        "focus": None if view.focus is None else view.focus.code,
        "due": [
            {
                "code": item.task.code,
                "title": item.task.title.get(lang),
                "lead": item.task.lead,
                "deliverables": [d.name.get(lang) for d in item.task.deliverables],
                "status": item.result.status.value if item.result else None,
            }
            for item in view.due
        ],
        "reporting": [
            {
                "code": item.duty.code,
                "name": item.duty.name.get(lang),
                "every": item.duty.every.value,
                "to": item.duty.to.get(lang) if item.duty.to else None,
                "next": None
                if item.next is None
                else {
                    "period": period_text(item.next, lang),
                    "start": item.next.first_day.isoformat(),
                    "end": item.next.last_day.isoformat(),
                    "due": item.next.due.isoformat(),
                    "days": item.next.days,
                },
                "last_due": item.last_due.isoformat(),
                "text": reporting_text(item, lang),
            }
            for item in view.reporting
        ],
        "source": ev.source if ev else None,
        "open": None
        if ev is None
        else [
            {
                "department": group.department.code if group.department else None,
                "name": group.department.name.get(lang) if group.department else t("no_lead", lang),
                "indicators": [indicator_dict(r, lang, ev.catalogue) for r in group.indicators],
                "tasks": [task_dict(r, lang) for r in group.tasks],
            }
            for group in view.open
        ],
        "summary": None
        if ev is None
        else {"open_indicators": view.open_indicators, "open_tasks": view.open_tasks},
    }


def render_json(view: PlanView, options: ReportOptions) -> str:
    """The view as JSON (schema: `qcity schema plan`)."""
    return json.dumps(plan_dict(view, options.lang), ensure_ascii=False, indent=2) + "\n"


class PlanTextRenderer(Renderer[PlanView]):
    """The plan as a rich text view."""

    def render(self, view: PlanView, options: ReportOptions) -> str:
        return render_text(view, options)


class PlanMarkdownRenderer(Renderer[PlanView]):
    """The plan as Markdown."""

    suffix = ".md"

    def render(self, view: PlanView, options: ReportOptions) -> str:
        return render_markdown(view, options)


class PlanJsonRenderer(Renderer[PlanView]):
    """The plan as JSON (schema: `qcity schema plan`)."""

    suffix = ".json"

    def render(self, view: PlanView, options: ReportOptions) -> str:
        return render_json(view, options)


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `qcity plan --format json`."""
    from qcity.model import CODE_PATTERN
    from qcity.render.json_schema import COUNT, DATE, TEXT, closed_object, nullable
    from qcity.render.json_schema import report_json_schema as base
    from qcity.results import TaskStatus

    report = base()
    code = {"type": "string", "pattern": CODE_PATTERN}
    when = {"enum": [w.value for w in When]}
    document = closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "catalogue": report["properties"]["catalogue"],
            "today": DATE,
            "lang": {"enum": ["zh", "en"]},
            "lead": nullable(TEXT),
            "position": nullable(
                closed_object(
                    {
                        "stage": {"enum": [s.value for s in Stage]},
                        "phase": code,
                        "days": COUNT,
                        "day": nullable({"type": "integer", "minimum": 1}),
                        "total_days": {"type": "integer", "minimum": 1},
                        "text": TEXT,
                    }
                )
            ),
            "milestone": nullable(
                closed_object({"phase": code, "when": when, "days": COUNT, "text": TEXT})
            ),
            "phases": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "clause": TEXT,
                        "name": TEXT,
                        "quote": TEXT,
                        "start": DATE,
                        "end": DATE,
                        "milestone": {"type": "boolean"},
                        "state": when,
                        "days": COUNT,
                        "elapsed": {"type": "number", "minimum": 0, "maximum": 1},
                        "produces": {"type": "array", "items": TEXT},
                    }
                ),
            },
            "focus": nullable(code),
            "due": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "title": TEXT,
                        "lead": nullable(TEXT),
                        "deliverables": {"type": "array", "items": TEXT},
                        "status": nullable({"enum": [s.value for s in TaskStatus]}),
                    }
                ),
            },
            "reporting": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": code,
                        "name": TEXT,
                        "every": {"enum": [f.value for f in Frequency]},
                        "to": nullable(TEXT),
                        "next": nullable(
                            closed_object(
                                {
                                    "period": TEXT,
                                    "start": DATE,
                                    "end": DATE,
                                    "due": DATE,
                                    "days": COUNT,
                                }
                            )
                        ),
                        "last_due": DATE,
                        "text": TEXT,
                    }
                ),
            },
            "source": nullable({"type": "string"}),
            "open": nullable(
                {
                    "type": "array",
                    "items": closed_object(
                        {
                            "department": nullable(TEXT),
                            "name": TEXT,
                            "indicators": {
                                "type": "array",
                                "items": {"$ref": "#/$defs/indicator"},
                            },
                            "tasks": {"type": "array", "items": {"$ref": "#/$defs/task"}},
                        }
                    ),
                }
            ),
            "summary": nullable(closed_object({"open_indicators": COUNT, "open_tasks": COUNT})),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:qcity:schema:plan:1",
        "title": "qcity plan (schema_version 1)",
        "description": "The output of `qcity plan [FILE] --format json`.",
        **document,
        "$defs": report["$defs"],
    }
