"""Rendering `qcity diff`: text, Markdown and JSON, regressions first; computes nothing."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from qcity.diff import Change, Diff, Row
from qcity.errors import Lang
from qcity.model import Indicator, Unit
from qcity.render import Renderer, ReportOptions, display
from qcity.render.check.json import SCHEMA_VERSION, issue_dict, json_number
from qcity.render.common import value_text
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.results import IndicatorResult, Status

TITLE: dict[Lang, str] = {"zh": "质量强市指标进度对比", "en": "Quality-city progress"}
CHANGE_LABEL: dict[Change, dict[Lang, str]] = {
    Change.NEWLY_UNMET: {"zh": "新增未达标", "en": "newly unmet"},
    Change.WORSENED: {"zh": "变差", "en": "worsened"},
    Change.NEWLY_MET: {"zh": "新增达标", "en": "newly met"},
    Change.IMPROVED: {"zh": "改善", "en": "improved"},
    Change.UNCHANGED: {"zh": "不变", "en": "unchanged"},
}
CHANGE_MARK: dict[Change, str] = {
    Change.NEWLY_UNMET: "⬇",
    Change.WORSENED: "↘",
    Change.NEWLY_MET: "⬆",
    Change.IMPROVED: "↗",
    Change.UNCHANGED: "=",
}
CHANGE_STYLE: dict[Change, str] = {
    Change.NEWLY_UNMET: "bold red",
    Change.WORSENED: "red",
    Change.NEWLY_MET: "bold green",
    Change.IMPROVED: "green",
    Change.UNCHANGED: "dim",
}
WORDS: dict[str, dict[Lang, str]] = {
    "old": {"zh": "旧", "en": "Old"},
    "new": {"zh": "新", "en": "New"},
    "change": {"zh": "变化", "en": "Change"},
    "verdict": {"zh": "结论", "en": "Verdict"},
    "unit": {"zh": "填报单位", "en": "Unit"},
    "district": {"zh": "区县", "en": "District"},
    "only_old": {"zh": "只在旧的一方", "en": "Only in the old"},
    "only_new": {"zh": "只在新的一方", "en": "Only in the new"},
    "failed": {"zh": "无法读取", "en": "Could not be read"},
}


def delta_text(delta: Decimal | None, indicator: Indicator, lang: Lang) -> str:
    """`+0.4 个百分点`, `−2 个`, `+0.13`: the change of the judged figure in its unit."""
    if delta is None:
        return ""
    shown = display.signed(delta)
    if indicator.unit is Unit.PERCENT:
        return f"{shown} 个百分点" if lang == "zh" else f"{shown} pp"
    if indicator.unit is Unit.COUNT and lang == "zh":
        return f"{shown} 个"
    return shown


def status_text(status: Status, lang: Lang) -> str:
    """`✔ 达标`."""
    return f"{display.STATUS_MARK[status]} {display.STATUS_LABEL[status][lang]}"


def change_text(change: Change, lang: Lang) -> str:
    """`⬇ 新增未达标`."""
    return f"{CHANGE_MARK[change]} {CHANGE_LABEL[change][lang]}"


def shown_value(result: IndicatorResult | None, lang: Lang) -> str:
    """The figure as reported, or — when there is none."""
    return value_text(result, lang) if result is not None else "—"


def counts_text(diff: Diff, lang: Lang) -> str:
    """`新增未达标 1 · 变差 2 · …`."""
    return " · ".join(f"{CHANGE_LABEL[c][lang]} {diff.count(c)}" for c in Change)


def verdict(diff: Diff, lang: Lang) -> str:
    """The closing line: how many regressions, and what could not be compared."""
    n = len(diff.regressions)
    units = len(diff.matched)
    if lang == "zh":
        text = f"结论：对比 {units} 个填报单位的 {len(diff.rows)} 项指标；"
        text += f"有 {n} 项由达标变为未达标" if n else "没有指标由达标变为未达标"
        extra = []
        if diff.failed:
            extra.append(f"{len(diff.failed)} 个文件无法读取")
        if diff.issues:
            extra.append(f"{len(diff.issues)} 个填报单位无法匹配")
        return text + ("；" + "，".join(extra) if extra else "") + "。"
    text = (
        f"Result: {len(diff.rows)} indicators of {units} unit{'' if units == 1 else 's'} compared; "
    )
    text += f"{n} went from met to not met" if n else "none went from met to not met"
    extra = []
    if diff.failed:
        extra.append(f"{len(diff.failed)} files could not be read")
    if diff.issues:
        extra.append(f"{len(diff.issues)} units could not be matched")
    return text + ("; " + ", ".join(extra) if extra else "") + "."


def _rows(diff: Diff, changed_only: bool) -> list[Row]:
    return [r for r in diff.rows if not (changed_only and r.change is Change.UNCHANGED)]


class DiffTextReporter(Renderer[Diff]):
    """The terminal table."""

    name = "text"

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        from qcity.render.console import STATUS_STYLE, make_console, print_issues

        lang = options.lang
        stream = io.StringIO()
        console = make_console(stream, options)
        meta = diff.catalogue.catalogue
        console.print(
            Text(
                f"{TITLE[lang]} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
                style="bold",
            )
        )
        console.print(
            Text(
                f"{WORDS['old'][lang]}{display.COLON[lang]}{diff.old} · {WORDS['new'][lang]}{display.COLON[lang]}{diff.new} · "
                f"{label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}",
                style="dim",
            )
        )
        legend = " ".join(status_text(st, lang) for st in Status)
        console.print(Text(f"{counts_text(diff, lang)}  ({legend})"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        if diff.folders:
            table.add_column(WORDS["unit"][lang], overflow="fold", style="bold")
        if diff.has_districts:
            table.add_column(WORDS["district"][lang], overflow="fold")
        table.add_column(label("code", lang), no_wrap=True, style="bold")
        table.add_column(label("indicator", lang), ratio=1, overflow="fold")
        table.add_column(WORDS["old"][lang], no_wrap=True, justify="right")
        table.add_column(WORDS["new"][lang], no_wrap=True, justify="right")
        table.add_column(WORDS["change"][lang], no_wrap=True, justify="right")
        table.add_column(label("status", lang), no_wrap=True)
        table.add_column(WORDS["verdict"][lang], no_wrap=True)
        for row in _rows(diff, changed_only):
            cells: list[str | Text] = []
            if diff.folders:
                cells.append(row.unit)
            if diff.has_districts:
                cells.append(row.district or "")
            status = Text(display.STATUS_MARK[row.old_status], style=STATUS_STYLE[row.old_status])
            status.append(" → ")
            status.append(display.STATUS_MARK[row.new_status], style=STATUS_STYLE[row.new_status])
            cells += [
                row.indicator.code,
                row.indicator.name.get(lang),
                shown_value(row.old, lang),
                shown_value(row.new, lang),
                delta_text(row.delta, row.indicator, lang),
                status,
                Text(change_text(row.change, lang), style=CHANGE_STYLE[row.change]),
            ]
            table.add_row(*cells)
        console.print(table)
        for key, entries in (("only_old", diff.only_old), ("only_new", diff.only_new)):
            if entries:
                listed = ("、" if lang == "zh" else ", ").join(
                    display.bracketed(e.unit, e.shown, lang) for e in entries
                )
                console.print(
                    Text(f"{WORDS[key][lang]}{display.COLON[lang]}{listed}"), soft_wrap=True
                )
        problems = [*diff.issues, *(i for e in diff.failed for i in e.failure)]
        if problems:
            console.print()
            print_issues(console, problems, lang)
        console.print()
        console.print(Text(verdict(diff, lang), style="bold"), soft_wrap=True)
        return stream.getvalue()


class DiffMarkdownReporter(Renderer[Diff]):
    """A Markdown table for a pull-request comment or the monthly progress report."""

    name = "markdown"

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        lang = options.lang
        meta = diff.catalogue.catalogue
        out = [
            f"### {markdown_text(TITLE[lang])} · {markdown_text(meta.title.get(lang))}"
            f"({markdown_text(meta.document)})",
            "",
            f"{WORDS['old'][lang]} {markdown_code(diff.old)} · {WORDS['new'][lang]} "
            f"{markdown_code(diff.new)}",
            "",
            f"**{markdown_text(verdict(diff, lang))}**",
            "",
            markdown_text(counts_text(diff, lang)),
            "",
        ]
        heads = [
            *([WORDS["unit"][lang]] if diff.folders else []),
            *([WORDS["district"][lang]] if diff.has_districts else []),
            label("code", lang),
            label("indicator", lang),
            WORDS["old"][lang],
            WORDS["new"][lang],
            WORDS["change"][lang],
            label("status", lang),
            WORDS["verdict"][lang],
        ]
        out.append("| " + " | ".join(heads) + " |")
        lead = len(heads) - 7
        out.append("|" + "---|" * lead + "---|---|--:|--:|--:|---|---|")
        for row in _rows(diff, changed_only):
            cells = [
                *([markdown_text(row.unit)] if diff.folders else []),
                *([markdown_text(row.district or "")] if diff.has_districts else []),
                row.indicator.code,
                markdown_text(row.indicator.name.get(lang)),
                markdown_text(shown_value(row.old, lang)),
                markdown_text(shown_value(row.new, lang)),
                markdown_text(delta_text(row.delta, row.indicator, lang)),
                f"{status_text(row.old_status, lang)} → {status_text(row.new_status, lang)}",
                f"**{change_text(row.change, lang)}**"
                if row.change is Change.NEWLY_UNMET
                else change_text(row.change, lang),
            ]
            out.append("| " + " | ".join(cells) + " |")
        for key, entries in (("only_old", diff.only_old), ("only_new", diff.only_new)):
            if entries:
                listed = ", ".join(
                    f"{markdown_text(e.unit)} ({markdown_code(e.shown)})" for e in entries
                )
                out += ["", f"{WORDS[key][lang]}: {listed}"]
        problems = [*diff.issues, *(i for e in diff.failed for i in e.failure)]
        if problems:
            out.append("")
            out += [
                f"- `{i.code}` {markdown_code(str(i.location))}: {markdown_text(i.message(lang))}"
                for i in problems
            ]
        return "\n".join(out) + "\n"


def _row_dict(row: Row, lang: Lang) -> dict[str, Any]:
    def side(result: IndicatorResult | None) -> dict[str, Any]:
        obs = result.observation if result is not None else None
        judged = result.judged if result is not None else None
        return {
            "status": (result.status if result is not None else Status.MISSING).value,
            "value": (obs.value if isinstance(obs.value, bool) else json_number(obs.value))
            if obs is not None
            else None,
            "judged": judged if isinstance(judged, bool) else json_number(judged),
            "text": shown_value(result, lang),
            "location": result.location.as_dict()
            if result is not None and result.location
            else None,
        }

    return {
        "unit": row.unit,
        "district": row.district,
        "code": row.indicator.code,
        "name": row.indicator.name.get(lang),
        "change": row.change.value,
        "delta": json_number(row.delta),
        "delta_text": delta_text(row.delta, row.indicator, lang) or None,
        "old": side(row.old),
        "new": side(row.new),
    }


class DiffJsonReporter(Renderer[Diff]):
    """Machine-readable comparison (`qcity schema diff`)."""

    name = "json"

    def render(self, diff: Diff, options: ReportOptions) -> str:
        changed_only = options.changed_only
        lang = options.lang
        meta = diff.catalogue.catalogue
        document = {
            "schema_version": SCHEMA_VERSION,
            "kind": "diff",
            "catalogue": {"id": meta.id, "version": meta.version},
            "old": diff.old,
            "new": diff.new,
            "lang": lang,
            "summary": {
                **{c.value: diff.count(c) for c in Change},
                "units": len(diff.matched),
                "rows": len(diff.rows),
                "failed": len(diff.failed),
            },
            "rows": [_row_dict(r, lang) for r in _rows(diff, changed_only)],
            "only_old": [{"unit": e.unit, "path": e.shown} for e in diff.only_old],
            "only_new": [{"unit": e.unit, "path": e.shown} for e in diff.only_new],
            "failed": [
                {"path": e.shown, "issues": [issue_dict(i, lang) for i in e.failure]}
                for e in diff.failed
            ],
            "issues": [issue_dict(i, lang) for i in diff.issues],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def diff_json_schema() -> dict[str, Any]:
    """The JSON Schema of `qcity diff --format json`."""
    from qcity.model import CODE_PATTERN
    from qcity.render.json_schema import (
        COUNT,
        STRING,
        TEXT,
        closed_object,
        nullable,
        report_json_schema,
    )

    defs = report_json_schema()["$defs"]
    scalar = {"type": ["number", "boolean", "null"]}
    side = closed_object(
        {
            "status": {"enum": [s.value for s in Status]},
            "value": scalar,
            "judged": scalar,
            "text": TEXT,
            "location": nullable({"$ref": "#/$defs/location"}),
        }
    )
    row = closed_object(
        {
            "unit": TEXT,
            "district": nullable(TEXT),
            "code": {"type": "string", "pattern": CODE_PATTERN},
            "name": TEXT,
            "change": {"enum": [c.value for c in Change]},
            "delta": nullable({"type": "number"}),
            "delta_text": nullable(TEXT),
            "old": {"$ref": "#/$defs/side"},
            "new": {"$ref": "#/$defs/side"},
        }
    )
    unit = closed_object({"unit": TEXT, "path": TEXT})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:qcity:schema:diff:1",
        "title": "qcity diff report (schema_version 1)",
        "description": "The output of `qcity diff OLD NEW --format json`.",
        **closed_object(
            {
                "schema_version": {"const": 1},
                "kind": {"const": "diff"},
                "catalogue": closed_object({"id": TEXT, "version": STRING}),
                "old": TEXT,
                "new": TEXT,
                "lang": {"enum": ["zh", "en"]},
                "summary": closed_object(
                    {
                        **{c.value: COUNT for c in Change},
                        "units": COUNT,
                        "rows": COUNT,
                        "failed": COUNT,
                    }
                ),
                "rows": {"type": "array", "items": {"$ref": "#/$defs/row"}},
                "only_old": {"type": "array", "items": unit},
                "only_new": {"type": "array", "items": unit},
                "failed": {
                    "type": "array",
                    "items": closed_object(
                        {
                            "path": TEXT,
                            "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
                        }
                    ),
                },
                "issues": {"type": "array", "items": {"$ref": "#/$defs/issue"}},
            }
        ),
        "$defs": {
            "location": defs["location"],
            "issue": defs["issue"],
            "side": side,
            "row": row,
        },
    }
