"""The self-inspection list of `qcity gaps` as text, Markdown and JSON (the wording lives here)."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

from qcity.errors import Lang
from qcity.gaps import Gap, GapReport, NeedKind, department_label
from qcity.model import Indicator, Phase, Unit
from qcity.phases import Milestone, When
from qcity.render import Renderer, ReportOptions, display
from qcity.render.common import (
    cell_ref,
    issue_line,
    scope_text,
    task_day_source,
    value_text,
)
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.results import Status
from qcity.values import format_decimal

SCHEMA_VERSION = 1

TITLE: dict[Lang, str] = {"zh": "查漏补缺清单", "en": "Gaps to close"}
HOW: dict[Lang, str] = {"zh": "怎样补齐", "en": "What it takes"}
OTHER: dict[Lang, str] = {"zh": "其他数据问题", "en": "Other data problems"}
DEFAULT_TERMS: dict[str, dict[Lang, str]] = {
    "numerator": {"zh": "分子", "en": "units in the numerator"},
    "denominator": {"zh": "分母", "en": "in the denominator"},
}


def grouped(value: Decimal) -> str:
    """1,200 or 325.34: thousands separated, no trailing zeros."""
    text = format_decimal(value)
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{frac}"


def _terms(indicator: Indicator, lang: Lang) -> tuple[str, str]:
    if indicator.fraction is not None:
        return indicator.fraction.numerator.get(lang), indicator.fraction.denominator.get(lang)
    return DEFAULT_TERMS["numerator"][lang], DEFAULT_TERMS["denominator"][lang]


def _figure(value: Decimal, unit: Unit, lang: Lang) -> str:
    return display.number(value, unit, lang)


def need_text(gap: Gap, lang: Lang, sheet: str | None) -> str:
    """What it takes to close *gap*, in the indicator's own terms."""
    need = gap.need
    ind = gap.indicator
    if need.kind in (NeedKind.MORE, NeedKind.FEWER):
        assert need.amount is not None and need.reach is not None
        assert need.denominator is not None
        num, den = _terms(ind, lang)
        amount, reach, total = grouped(need.amount), grouped(need.reach), grouped(need.denominator)
        more = need.kind is NeedKind.MORE
        if lang == "zh":
            verb = "还需增加" if more else "需减少"
            return f"{num}{verb} {amount}，{'达到' if more else '降至'} {reach}（{den} {total}）"
        word = "more" if more else "fewer"
        return f"needs {amount} {word} {num} out of {total} {den} ({reach} of {total})"
    if need.kind in (NeedKind.RAISE, NeedKind.LOWER):
        assert need.amount is not None and need.reach is not None
        amount = format_decimal(need.amount)
        reach = _figure(need.reach, ind.unit, lang)
        up = need.kind is NeedKind.RAISE
        if ind.unit is Unit.PERCENT:
            if lang == "zh":
                return f"还需{'提高' if up else '降低'} {amount} 个百分点，{'达到' if up else '降至'} {reach}"
            return f"needs {amount} percentage points {'more' if up else 'less'}, to {reach}"
        if ind.unit is Unit.COUNT:
            if lang == "zh":
                return f"还需增加 {amount} 个，达到 {reach}"
            return f"needs {amount} more, to {reach}"
        if lang == "zh":
            return f"还需{'提高' if up else '降低'} {amount}，{'达到' if up else '降至'} {reach}"
        return f"needs to {'rise' if up else 'fall'} by {amount}, to {reach}"
    if need.kind is NeedKind.ANSWER:
        assert need.expected is not None
        expected = display.yes_no(need.expected, lang)
        now = display.yes_no(not need.expected, lang)
        if lang == "zh":
            return f"需实现并填报“{expected}”（现为“{now}”）"
        return f"must become {expected} (now {now})"
    if need.kind is NeedKind.FILL:
        location = gap.result.location
        if location is not None:
            where = cell_ref(location)
            return f"填写 {where}" if lang == "zh" else f"fill in {where}"
        if lang == "zh":
            return f"在工作表“{sheet or '数据'}”中增加一行，指标代码 {ind.code}，并填写实际值"
        return f"add a row with code {ind.code} and its value to sheet {sheet or 'data'}"
    parts = [f"{issue_line_short(i, lang)} → {i.hint(lang)}" for i in gap.issues]
    if not parts:
        return "核对该指标的数据" if lang == "zh" else "check this indicator's figures"
    return "；".join(parts) if lang == "zh" else "; ".join(parts)


def issue_line_short(issue: Any, lang: Lang) -> str:
    """`数据!B2: message` without the file name."""
    where = cell_ref(issue.location)
    return f"{where}{display.COLON[lang]}{issue.message(lang)}" if where else issue.message(lang)


def phase_label(phase: Phase, lang: Lang) -> str:
    """`四(三) 巩固提高,通过省政府预验收(2015-07-01 至 2015-07-31)`."""
    first, last = phase.first_day.isoformat(), phase.last_day.isoformat()
    if lang == "zh":
        return f"{phase.clause} {phase.name.zh}（{first} 至 {last}）"
    return f"{phase.clause} {phase.name.en} ({first} to {last})"


def milestone_text(milestone: Milestone | None, lang: Lang) -> str:
    """Where the plan's acceptance phases stand on the report's day."""
    if milestone is None:
        return ""
    name = phase_label(milestone.phase, lang)
    d = milestone.days
    if milestone.when is When.UPCOMING:
        return (
            f"下一节点：{name}，还有 {d} 天"
            if lang == "zh"
            else f"Next milestone: {name}, in {d} days"
        )
    if milestone.when is When.CURRENT:
        if lang == "zh":
            return f"当前节点：{name}，进行中，还剩 {d} 天"
        return f"Current milestone: {name}, under way, {d} days left"
    if lang == "zh":
        return f"方案各节点均已过去：最后一个节点 {name} 已于 {d} 天前结束"
    return f"Every milestone has passed: the last, {name}, ended {d} days ago"


def status_label(status: Status, lang: Lang) -> str:
    """✘ 未达标 …"""
    return f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"


def counts_text(report: GapReport, lang: Lang) -> str:
    """The closing line: how many gaps of each kind."""
    gaps = report.gaps
    n = {s: report.count(s) for s in Status}
    if not gaps and not report.other_issues:
        return "没有需要补齐的指标。" if lang == "zh" else "Nothing to close."
    errors, warnings = report.issue_counts()
    if lang == "zh":
        return (
            f"共 {len(gaps)} 项待补齐：未达标 {n[Status.UNMET]}，未填报 {n[Status.MISSING]}，"
            f"数据有误 {n[Status.INVALID]}；其他数据问题 {len(report.other_issues)}。"
            f"数据问题：错误 {errors}，警告 {warnings}。"
        )
    return (
        f"{len(gaps)} to close: {n[Status.UNMET]} unmet, {n[Status.MISSING]} missing, "
        f"{n[Status.INVALID]} invalid; {len(report.other_issues)} other data problems. "
        f"Data issues: {errors} errors, {warnings} warnings."
    )


def _header(report: GapReport, lang: Lang) -> tuple[str, str]:
    meta = report.evaluation.catalogue.catalogue
    title = f"{TITLE[lang]} · {display.bracketed(meta.title.get(lang), meta.document, lang)}"
    where = f"{label('file', lang)}{display.COLON[lang]}{report.evaluation.source}"
    if report.evaluation.sheet:
        where += f" · {label('sheet', lang)}{display.COLON[lang]}{report.evaluation.sheet}"
    where += f" · {label('date', lang)}{display.COLON[lang]}{day_text(report, lang)}"
    return title, where


def day_text(report: GapReport, lang: Lang) -> str:
    """The list's date, and where it came from when it is the tasks' day (--today, --year, the
    报告期): `2015-12-31（报告期“2015年”的最后一天）`."""
    tasks = report.evaluation.tasks
    day = report.today.isoformat()
    if tasks is None or tasks.today != report.today or tasks.today_source == "clock":
        return day
    return display.bracketed(day, task_day_source(tasks, lang), lang)


def gap_headline(gap: Gap, lang: Lang) -> str:
    """`PRD-02 城市… · 93.42%* / 目标 ≥ 94% · −0.58 个百分点`"""
    ind = gap.indicator
    r = gap.result
    parts = [f"{ind.code} {ind.name.get(lang)}"]
    figures = f"{label('target', lang)} {display.target(ind, lang)}"
    if r.observation is not None:
        figures = f"{value_text(r, lang)} / {figures}"
    parts.append(figures)
    if r.gap is not None:
        parts.append(display.gap(r, lang))
    return " · ".join(parts)


class GapsTextReporter(Renderer[GapReport]):
    """The list for a terminal: one block per department, one entry per gap with its fix."""

    name = "text"

    def render(self, report: GapReport, options: ReportOptions) -> str:
        from rich.text import Text

        from qcity.render.console import STATUS_STYLE, make_console

        lang = options.lang
        buffer = io.StringIO()
        console = make_console(buffer, options)
        title, where = _header(report, lang)
        console.print(Text(title, style="bold"), soft_wrap=True)
        console.print(Text(where, style="dim"), soft_wrap=True)
        scope = scope_text(report.evaluation, lang)
        if scope is not None:
            console.print(Text(scope, style="bold"), soft_wrap=True)
        if report.milestone is not None:
            console.print(Text(milestone_text(report.milestone, lang)), soft_wrap=True)
        sheet = report.evaluation.sheet
        for group in report.departments:
            console.print()
            count = f"{len(group.gaps)} 项" if lang == "zh" else f"{len(group.gaps)}"
            console.print(
                Text(
                    display.bracketed(department_label(group.department, lang), count, lang),
                    style="bold cyan",
                ),
                soft_wrap=True,
            )
            for gap in group.gaps:
                line = Text("  ")
                line.append(
                    status_label(gap.result.status, lang), style=STATUS_STYLE[gap.result.status]
                )
                line.append(f"  {gap_headline(gap, lang)}")
                console.print(line, soft_wrap=True)
                console.print(Text(f"      → {need_text(gap, lang, sheet)}"), soft_wrap=True)
        if report.other_issues:
            console.print()
            console.print(
                Text(
                    display.bracketed(OTHER[lang], str(len(report.other_issues)), lang),
                    style="bold",
                )
            )
            for issue in report.other_issues:
                console.print(Text(f"  ✖ {issue_line(issue, lang)}"), soft_wrap=True)
                console.print(Text(f"      → {issue.hint(lang)}"), soft_wrap=True)
        console.print()
        console.print(Text(counts_text(report, lang), style="bold"), soft_wrap=True)
        return buffer.getvalue()


class GapsMarkdownReporter(Renderer[GapReport]):
    """The list as Markdown: a table per department."""

    name = "markdown"
    suffix = ".md"

    def render(self, report: GapReport, options: ReportOptions) -> str:
        lang = options.lang
        meta = report.evaluation.catalogue.catalogue
        sheet = report.evaluation.sheet
        out = [
            f"### {TITLE[lang]} · {markdown_text(display.bracketed(meta.title.get(lang), meta.document, lang))}",
            "",
        ]
        where = [f"{label('file', lang)} {markdown_code(report.evaluation.source)}"]
        if sheet:
            where.append(f"{label('sheet', lang)} {markdown_code(sheet)}")
        where.append(f"{label('date', lang)} {markdown_text(day_text(report, lang))}")
        out.append(" · ".join(where))
        scope = scope_text(report.evaluation, lang)
        if scope is not None:
            out += ["", markdown_text(scope)]
        if report.milestone is not None:
            out += ["", f"**{markdown_text(milestone_text(report.milestone, lang))}**"]
        heads = [label("code", lang), label("indicator", lang), label("status", lang)]
        heads += [label("value", lang), label("target", lang), label("gap", lang), HOW[lang]]
        for group in report.departments:
            out += [
                "",
                f"#### {markdown_text(display.bracketed(department_label(group.department, lang), str(len(group.gaps)), lang))}",
                "",
                "| " + " | ".join(heads) + " |",
                "|---|---|---|--:|---|--:|---|",
            ]
            for gap in group.gaps:
                r = gap.result
                cells = [
                    gap.indicator.code,
                    markdown_text(gap.indicator.name.get(lang)),
                    status_label(r.status, lang),
                    markdown_text(value_text(r, lang)),
                    markdown_text(display.target(gap.indicator, lang)),
                    markdown_text(display.gap(r, lang, short=True)),
                    markdown_text(need_text(gap, lang, sheet)),
                ]
                out.append("| " + " | ".join(cells) + " |")
        if report.other_issues:
            out += [
                "",
                f"#### {display.bracketed(OTHER[lang], str(len(report.other_issues)), lang)}",
                "",
            ]
            for issue in report.other_issues:
                out.append(
                    f"- {markdown_text(issue_line(issue, lang))} → {markdown_text(issue.hint(lang))} `{issue.code}`"
                )
        out += ["", f"**{markdown_text(counts_text(report, lang))}**"]
        return "\n".join(out) + "\n"


def gaps_dict(report: GapReport, lang: Lang) -> dict[str, Any]:
    """The JSON document of `qcity gaps --format json`."""
    from qcity.render.check.json import evaluation_dict, indicator_dict, issue_dict, json_number

    full = evaluation_dict(report.evaluation, lang)
    sheet = report.evaluation.sheet
    m = report.milestone
    return {
        "schema_version": SCHEMA_VERSION,
        "catalogue": full["catalogue"],
        "source": report.evaluation.source,
        "sheet": sheet,
        "today": report.today.isoformat(),
        "lang": lang,
        "lead": report.lead,
        "scope": full["scope"],
        "milestone": None
        if m is None
        else {
            "clause": m.phase.clause,
            "name": m.phase.name.get(lang),
            "start": m.phase.first_day.isoformat(),
            "end": m.phase.last_day.isoformat(),
            "when": m.when.value,
            "days": m.days,
            "text": milestone_text(m, lang),
        },
        "departments": [
            {
                "code": group.department.code,
                "name": group.department.name.get(lang),
                "gaps": [
                    {
                        "indicator": indicator_dict(gap.result, lang, report.evaluation.catalogue),
                        "relative_gap": json_number(gap.relative),
                        "need": {
                            "kind": gap.need.kind.value,
                            "amount": json_number(gap.need.amount),
                            "reach": json_number(gap.need.reach),
                            "numerator": json_number(gap.need.numerator),
                            "denominator": json_number(gap.need.denominator),
                            "expected": gap.need.expected,
                            "text": need_text(gap, lang, sheet),
                        },
                        "issues": [issue_dict(i, lang) for i in gap.issues],
                    }
                    for gap in group.gaps
                ],
            }
            for group in report.departments
        ],
        "other_issues": [issue_dict(i, lang) for i in report.other_issues],
        "summary": {
            "gaps": len(report.gaps),
            **{s.value: report.count(s) for s in (Status.UNMET, Status.MISSING, Status.INVALID)},
            "other_issues": len(report.other_issues),
        },
    }


class GapsJsonReporter(Renderer[GapReport]):
    """The list as JSON (schema: `qcity schema gaps`)."""

    name = "json"
    suffix = ".json"

    def render(self, report: GapReport, options: ReportOptions) -> str:
        return json.dumps(gaps_dict(report, options.lang), ensure_ascii=False, indent=2) + "\n"


def gaps_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `qcity gaps --format json`."""
    from qcity.gaps import NeedKind
    from qcity.phases import When
    from qcity.render.json_schema import COUNT, DATE, NUMBER, STRING, TEXT, closed_object, nullable
    from qcity.render.json_schema import report_json_schema as base

    report = base()
    defs = report["$defs"]
    need = closed_object(
        {
            "kind": {"enum": [k.value for k in NeedKind]},
            "amount": nullable(NUMBER),
            "reach": nullable(NUMBER),
            "numerator": nullable(NUMBER),
            "denominator": nullable(NUMBER),
            "expected": nullable({"type": "boolean"}),
            "text": TEXT,
        }
    )
    gap = closed_object(
        {
            "indicator": {"$ref": "#/$defs/indicator"},
            "relative_gap": nullable({"type": "number", "minimum": 0}),
            "need": need,
            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
        }
    )
    document = closed_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "catalogue": report["properties"]["catalogue"],
            "source": STRING,
            "sheet": nullable(STRING),
            "today": DATE,
            "lang": {"enum": ["zh", "en"]},
            "lead": nullable(TEXT),
            "scope": nullable(report["$defs"]["scope"]),
            "milestone": nullable(
                closed_object(
                    {
                        "clause": TEXT,
                        "name": TEXT,
                        "start": DATE,
                        "end": DATE,
                        "when": {"enum": [w.value for w in When]},
                        "days": COUNT,
                        "text": TEXT,
                    }
                )
            ),
            "departments": {
                "type": "array",
                "items": closed_object(
                    {
                        "code": TEXT,
                        "name": TEXT,
                        "gaps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/gap"}},
                    }
                ),
            },
            "other_issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
            "summary": closed_object(
                dict.fromkeys(("gaps", "unmet", "missing", "invalid", "other_issues"), COUNT)
            ),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:qcity:schema:gaps:1",
        "title": "qcity gaps list (schema_version 1)",
        "description": "The output of `qcity gaps FILE --format json`.",
        **document,
        "$defs": {**defs, "gap": gap},
    }
