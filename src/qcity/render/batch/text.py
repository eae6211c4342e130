"""The combined report of a batch in text, Markdown and GitHub annotations: a row per file."""

from __future__ import annotations

import datetime as dt
import io

from rich import box
from rich.table import Table
from rich.text import Text

from qcity.batch import Batch, Entry
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions, display
from qcity.render.display import label
from qcity.render.escape import markdown_code, markdown_text
from qcity.render.i18n import say
from qcity.results import Status

TITLE: dict[Lang, str] = {
    "zh": "质量强市指标检查 · 批量",
    "en": "Quality-city indicator check · batch",
}
LABELS: dict[str, dict[Lang, str]] = {
    "unit": {"zh": "填报单位", "en": "Unit"},
    "file": {"zh": "文件", "en": "File"},
    "exit": {"zh": "退出码", "en": "Exit"},
    "behind": {"zh": "未达标项", "en": "Not met"},
    "problems": {"zh": "错误/警告", "en": "Err/warn"},
    "errors": {"zh": "错误", "en": "Errors"},
    "warnings": {"zh": "警告", "en": "Warnings"},
    "failed": {"zh": "无法读取的文件", "en": "Files that could not be read"},
    "areas": {"zh": "按领域汇总", "en": "By area"},
    "files": {"zh": "个文件", "en": "files"},
}


def batch_label(key: str, lang: Lang) -> str:
    """A fixed label of the batch reports in *lang*."""
    return LABELS[key][lang]


def batch_date(batch: Batch, options: ReportOptions) -> dt.date:
    """The date the report shows: --today when given, else the day of the check."""
    return options.today or batch.checked_at.date()


def heading(batch: Batch, options: ReportOptions) -> str:
    """`30 个文件 · 指标目录: … · 日期: …`, and what was passed over."""
    lang = options.lang
    meta = batch.catalogue.catalogue
    n = len(batch.entries)
    checked = say("files-checked", lang, n=n)
    if batch.skipped:
        checked += ("，" if lang == "zh" else ", ") + say(
            "files-skipped", lang, k=len(batch.skipped)
        )
    parts = [
        checked,
        f"{label('catalogue', lang)}{display.COLON[lang]}{meta.id} v{meta.version}",
        f"{label('date', lang)}{display.COLON[lang]}{batch_date(batch, options).isoformat()}",
    ]
    return " · ".join(parts)


def batch_scope(batch: Batch, lang: Lang) -> str | None:
    """The lead departments the batch's files were judged for: their names when every file
    had the same scope, "each file's own" when they differ, None when none had one."""
    from qcity.render.common import scope_names

    checked = [e.evaluation for e in batch.entries if e.evaluation is not None]
    scopes = {e.scope.leads if e.scope else None for e in checked}
    if scopes <= {None}:
        return None
    if len(scopes) == 1:
        return scope_names(checked[0], lang)
    return "各文件按其牵头部门" if lang == "zh" else "each file's own lead departments"


def verdict(batch: Batch, lang: Lang) -> str:
    """The one-line result of the whole batch, with the worst exit code."""
    s = batch.summary
    n, ok, bad = len(batch.entries), len(batch.checked), len(batch.failed)
    scope = batch_scope(batch, lang)
    k = len(batch.skipped)
    if lang == "zh":
        return (
            f"结论{f'（范围：{scope}）' if scope else ''}：{n} 个文件，已检查 {ok}，无法读取 {bad}，跳过 {k}；指标 {s.met}/{s.total} 项达标，"
            f"未达标 {s.unmet}，未填报 {s.missing}，数据有误 {s.invalid}；"
            f"数据问题：错误 {batch.errors}，警告 {batch.warnings}；最差退出码 {batch.exit_code}。"
        )
    return (
        f"Result{f' (scope: {scope})' if scope else ''}: {n} files, {ok} checked, {bad} could not be read, {k} skipped; {s.met}/{s.total} indicators "
        f"met, {s.unmet} unmet, {s.missing} missing, {s.invalid} invalid; data issues: "
        f"{batch.errors} errors, {batch.warnings} warnings; worst exit code {batch.exit_code}."
    )


# What a scope (None: the city level; else a district) has not met: codes by status, of how many.
Group = tuple[str | None, list[tuple[Status, list[str]]], int]
MAX_CODES = 8  # a longer list is cut in the text formats (JSON and xlsx keep every code)


def behind_groups(entry: Entry) -> list[Group]:
    """What a file has not met: the city level, then each district; worst status first."""
    e = entry.evaluation
    if e is None:
        return []
    groups: list[Group] = []
    for scope, results in [(None, e.results), *((d.name, d.results) for d in e.districts)]:
        by_status = [
            (status, [r.indicator.code for r in results if r.status is status])
            for status in (Status.INVALID, Status.UNMET, Status.MISSING)
        ]
        kept = [(status, codes) for status, codes in by_status if codes]
        if kept:
            groups.append((scope, kept, len(results)))
    return groups


def codes_text(codes: list[str], total: int, lang: Lang) -> str:
    """`PRD-02 CON-02`, `全部 23 项`, or the first few and how many in all."""
    if len(codes) == total and total > 3:
        return f"全部 {total} 项" if lang == "zh" else f"all {total}"
    if len(codes) > MAX_CODES:
        head = " ".join(codes[: MAX_CODES - 2])
        return (
            f"{head} …（共 {len(codes)} 项）" if lang == "zh" else f"{head} … ({len(codes)} in all)"
        )
    return " ".join(codes)


def group_parts(
    group: Group, marks: dict[Status, str], lang: Lang
) -> list[tuple[str, Status | None]]:
    """A group as pieces of text, each with the status it shows (None for the district's name)."""
    scope, by_status, total = group
    parts: list[tuple[str, Status | None]] = (
        [(f"{scope}{display.COLON[lang].strip()}", None)] if scope else []
    )
    parts += [
        (f"{marks[status]} {codes_text(codes, total, lang)}", status) for status, codes in by_status
    ]
    return parts


def behind_text(entry: Entry, marks: dict[Status, str], lang: Lang) -> str:
    """Everything a file has not met, on one line: `✘ PRD-02; 碑林区: ! PRD-01 ✘ PRD-02`."""
    return ("；" if lang == "zh" else "; ").join(
        " ".join(text for text, _ in group_parts(g, marks, lang)) for g in behind_groups(entry)
    )


def failure_text(entry: Entry, lang: Lang) -> str:
    """Why a file could not be read, in a few words: the titles of its issues."""
    return ("；" if lang == "zh" else "; ").join(
        f"{i.type.title[lang]} [{i.code}]" for i in entry.failure
    )


def counts(entry: Entry) -> tuple[int, int]:
    """A file's error and warning counts."""
    issues = entry.issues
    errors = sum(1 for i in issues if i.level.value == "error")
    return errors, sum(1 for i in issues if i.level.value == "warning")


class BatchTextReporter(Renderer[Batch]):
    """The terminal report: a row per file, the counts per area, what failed, every issue."""

    name = "text"
    suffix = ".txt"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        from qcity.render.console import STATUS_STYLE, make_console, print_issues

        lang = options.lang
        stream = io.StringIO()
        console = make_console(stream, options)
        meta = batch.catalogue.catalogue
        console.print(
            Text(
                f"{TITLE[lang]} · {display.bracketed(meta.title.get(lang), meta.document, lang)}",
                style="bold",
            )
        )
        console.print(Text(heading(batch, options), style="dim"))
        legend = " ".join(
            f"{display.STATUS_MARK[st]} {display.STATUS_LABEL[st][lang]}" for st in Status
        )
        console.print(Text(legend, style="dim"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column(batch_label("unit", lang), overflow="fold", style="bold")
        table.add_column(batch_label("file", lang), overflow="fold")
        for status in Status:
            table.add_column(
                display.STATUS_MARK[status],
                no_wrap=True,
                justify="right",
                style=STATUS_STYLE[status],
            )
        table.add_column(batch_label("problems", lang), no_wrap=True, justify="right")
        table.add_column(batch_label("exit", lang), no_wrap=True, justify="right")
        behind = Table(box=None, show_header=False, pad_edge=False, expand=False)
        behind.add_column(no_wrap=True, style="bold")
        behind.add_column(ratio=1, overflow="fold")
        for entry in batch.entries:
            errors, warnings = counts(entry)
            s = entry.summary
            if s is None:
                figures = ["—", "", "", ""]
                behind.add_row(entry.unit, Text(failure_text(entry, lang), style="bold magenta"))
            else:
                figures = [f"{s.met}/{s.total}", str(s.unmet), str(s.missing), str(s.invalid)]
                groups = behind_groups(entry)
                if groups:
                    behind.add_row(
                        entry.unit,
                        Text("; ").join(
                            Text(" ").join(
                                Text(text, style=STATUS_STYLE[status] if status else "bold")
                                for text, status in group_parts(g, display.STATUS_MARK, lang)
                            )
                            for g in groups
                        ),
                    )
            table.add_row(
                entry.unit, entry.shown, *figures, f"{errors}/{warnings}", str(entry.exit_code)
            )
        console.print(table)
        if behind.row_count:
            console.print()
            console.print(Text(batch_label("behind", lang), style="bold"))
            console.print(behind)
        console.print()
        console.print(Text(batch_label("areas", lang), style="bold"))
        areas = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        areas.add_column(label("area", lang), no_wrap=True)
        areas.add_column(label("lead", lang), no_wrap=True)
        for status in Status:
            areas.add_column(display.STATUS_LABEL[status][lang], no_wrap=True, justify="right")
        areas.add_column(label("total", lang), no_wrap=True, justify="right")
        for area, s in batch.area_summaries():
            areas.add_row(
                area.name.get(lang),
                display.lead_name(batch.catalogue, area.lead, lang),
                *(str(n) for n in (s.met, s.unmet, s.missing, s.invalid, s.total)),
            )
        console.print(areas)
        if batch.failed:
            console.print()
            console.print(
                Text(
                    display.bracketed(batch_label("failed", lang), str(len(batch.failed)), lang),
                    style="bold",
                )
            )
            print_issues(console, [i for e in batch.failed for i in e.failure], lang)
        issues = [*batch.issues, *(i for e in batch.checked for i in e.issues)]
        if issues:
            console.print()
            console.print(
                Text(display.bracketed(label("issues", lang), str(len(issues)), lang), style="bold")
            )
            print_issues(console, issues, lang)
        console.print()
        console.print(Text(verdict(batch, lang), style="bold"), soft_wrap=True)
        return stream.getvalue()


class BatchMarkdownReporter(Renderer[Batch]):
    """A Markdown comment: the verdict, a row per file, the counts per area, failures, issues."""

    name = "markdown"
    suffix = ".md"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        from qcity.render.markdown_table import STATUS_EMOJI, issue_table

        lang = options.lang
        meta = batch.catalogue.catalogue
        out = [
            f"### {markdown_text(TITLE[lang])} · {markdown_text(meta.title.get(lang))}"
            f"({markdown_text(meta.document)})",
            "",
            markdown_text(heading(batch, options)),
            "",
            f"**{markdown_text(verdict(batch, lang))}**",
            "",
        ]
        heads = [
            batch_label("unit", lang),
            batch_label("file", lang),
            *(f"{STATUS_EMOJI[s]} {display.STATUS_LABEL[s][lang]}" for s in Status),
            batch_label("errors", lang),
            batch_label("warnings", lang),
            batch_label("exit", lang),
            batch_label("behind", lang),
        ]
        out.append("| " + " | ".join(heads) + " |")
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|")
        for entry in batch.entries:
            errors, warnings = counts(entry)
            s = entry.summary
            if s is None:
                figures = ["—", "", "", ""]
                behind = markdown_text(failure_text(entry, lang))
            else:
                figures = [f"{s.met}/{s.total}", str(s.unmet), str(s.missing), str(s.invalid)]
                behind = markdown_text(behind_text(entry, STATUS_EMOJI, lang))
            cells = [
                markdown_text(entry.unit),
                markdown_code(entry.shown),
                *figures,
                str(errors),
                str(warnings),
                str(entry.exit_code),
                behind,
            ]
            out.append("| " + " | ".join(cells) + " |")
        out += ["", f"**{markdown_text(batch_label('areas', lang))}**", ""]
        out.append(
            "| "
            + " | ".join(
                [
                    label("area", lang),
                    label("lead", lang),
                    *(display.STATUS_LABEL[s][lang] for s in Status),
                    label("total", lang),
                ]
            )
            + " |"
        )
        out.append("|---|---|--:|--:|--:|--:|--:|")
        for area, s in batch.area_summaries():
            out.append(
                f"| {markdown_text(area.name.get(lang))} | "
                f"{markdown_text(display.lead_name(batch.catalogue, area.lead, lang))} | "
                f"{s.met} | {s.unmet} | {s.missing} | {s.invalid} | {s.total} |"
            )
        issues = [
            *batch.issues,
            *(i for e in batch.failed for i in e.failure),
            *(i for e in batch.checked for i in e.issues),
        ]
        if issues:
            out += ["", *issue_table(issues, lang)]
        return "\n".join(out) + "\n"


class BatchGithubReporter(Renderer[Batch]):
    """GitHub workflow commands: each file's annotations, each failure, one notice for the batch."""

    name = "github"
    suffix = ".txt"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        from qcity.render.check.github import GithubReporter
        from qcity.render.github_commands import command

        lines: list[str] = []
        single = GithubReporter()
        for entry in batch.entries:
            if entry.evaluation is None:
                for issue in entry.failure:
                    lines.append(single.issue_line(issue, entry.shown, options.lang))
                continue
            stream = io.StringIO()
            single.write(entry.evaluation, stream, options)
            # Each file's own closing notice is left out: one notice sums up the batch.
            lines += stream.getvalue().splitlines()[:-1]
        for issue in batch.issues:
            lines.append(single.issue_line(issue, issue.location.file or "", options.lang))
        lines.append(command("notice", verdict(batch, options.lang), title="qcity"))
        return "\n".join(lines) + "\n"
