"""`qcity explain`, `diff`, `gaps` and `plan`: views of a checked workbook or of the plan."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qcity.errors import InputError
from qcity.render import ReportOptions
from qcity.render.i18n import pair

if TYPE_CHECKING:
    pass

from qcity.cli.checking import run_batch
from qcity.cli.core import (
    DEFAULT_MAX_INFLATED,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_SIZE,
    CatalogueOpt,
    ColorOpt,
    DebugOpt,
    DiffFormat,
    GapsFormat,
    JobsOpt,
    LangChoice,
    LangOpt,
    LeadOpt,
    LeadsOpt,
    MaxInflatedOpt,
    MaxRowsOpt,
    MaxSizeOpt,
    OutputOpt,
    QuietOpt,
    TodayOpt,
    WorkbookArg,
    YearOpt,
    app,
    check_outputs,
    emit,
    format_option,
    guard,
    leads_given,
    load,
    output_format,
    pinned,
    reading_limits,
    refuse_output,
    require_output,
)
from qcity.cli.outcome import EXIT_INTERNAL, exit_code
from qcity.cli.usage import Wrong


@app.command()
def explain(
    indicator: Annotated[str, typer.Argument(help="The indicator code 指标代码, e.g. ECO-04.")],
    file: Annotated[
        Path, typer.Argument(help="The submission workbook (.xlsx / .xlsm) 填报工作簿.")
    ],
    catalogue: CatalogueOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    lead: LeadsOpt = None,
    year: YearOpt = None,
    color: ColorOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """Show how one indicator's figure was obtained, cell by cell 逐步说明指标的计算过程."""
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        import difflib

        check_outputs(output, inputs=[file])

        from qcity.check import check_workbook
        from qcity.render.explain.text import write_explanation
        from qcity.values import normalize_code

        cat = load(catalogue)
        wanted = normalize_code(indicator)
        known = [i.code for i in cat.indicators]
        if wanted not in known:
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
            more = (
                pair("unknown-indicator-close", code=close[0])
                if close
                else pair("unknown-indicator-list", codes=", ".join(known))
            )
            raise Wrong("unknown-indicator", code=indicator, more=more)
        evaluation = check_workbook(
            file,
            cat,
            year=year,
            limits=reading_limits(max_size, max_inflated, max_rows),
            leads=leads_given(cat, lead),
        )
        result = next((r for r in evaluation.results if r.indicator.code == wanted), None)
        if result is None:
            from qcity.errors import Issue, Location, UsageError

            scope = evaluation.scope
            assert scope is not None  # only a scope leaves an indicator out
            chosen = next(i for i in cat.indicators if i.code == wanted)
            raise UsageError(
                Issue(
                    "indicator-out-of-scope",
                    Location(file=evaluation.source),
                    {
                        "indicator": wanted,
                        "lead": chosen.lead,
                        "scope": {"zh": "、".join(scope.leads), "en": ", ".join(scope.leads)},
                        "codes": {
                            "zh": "、".join(r.indicator.code for r in evaluation.results),
                            "en": ", ".join(r.indicator.code for r in evaluation.results),
                        },
                    },
                )
            )
        emit(
            lambda s, o: write_explanation(evaluation, result, s, o),
            output,
            [file],
            color,
            lang.value,
        )
        code = exit_code(result)
    raise typer.Exit(code)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier workbook, or folder of workbooks 旧.")],
    new: Annotated[Path, typer.Argument(help="The later workbook, or folder of workbooks 新.")],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        DiffFormat | None,
        format_option("Output format (default: from the suffix of -o, else text)."),
    ] = None,
    output: OutputOpt = None,
    changed_only: Annotated[
        bool, typer.Option("--changed-only", help="Leave out the indicators that did not change.")
    ] = False,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """Compare two submissions (or two folders, matched by reporting unit) 对比两期填报.

    Per indicator: old and new figure, the change, and newly met / newly unmet / improved /
    worsened / unchanged, regressions first. Exit 1 when anything went from met to not met.
    """
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.diff import diff_batches, diff_files
        from qcity.render.diff.formats import DIFF_REPORTERS

        check_outputs(output, inputs=[old, new])

        fmt = output_format(DiffFormat, fmt, output, DiffFormat.text)

        if old.is_dir() != new.is_dir() and old.exists() and new.exists():
            raise Wrong("diff-kinds")
        cat = load(catalogue)
        now = dt.datetime.now(dt.timezone.utc).astimezone()
        sides = []
        for path in (old, new):
            sides.append(
                run_batch(
                    [path], cat, catalogue, jobs=jobs, now=now, year=year, quiet=quiet,
                    debug=debug, lang=lang.value,
                    before=lambda inputs: refuse_output(output, inputs),
                    limits=reading_limits(max_size, max_inflated, max_rows),
                )
            )  # fmt: skip
        before, after = sides
        if old.is_dir():
            result = diff_batches(cat, str(old), str(new), before.entries, after.entries)
        else:
            for side in (before, after):
                if side.entries[0].evaluation is None:
                    # Two single workbooks: one that cannot be read ends the comparison.
                    raise InputError(*side.entries[0].failure)
            result = diff_files(cat, before.entries[0], after.entries[0])
        reporter = DIFF_REPORTERS[fmt.value]()
        emit(
            lambda s, o: s.write(reporter.render(result, o, changed_only=changed_only)),
            output,
            [old, new],
            color,
            lang.value,
            fmt=fmt.value,
        )
        code = exit_code(result)
    raise typer.Exit(code)


@app.command()
def gaps(
    file: WorkbookArg,
    lead: LeadsOpt = None,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        GapsFormat | None,
        format_option("Output format (xlsx needs -o; default: from the suffix of -o, else text)."),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    today: TodayOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """The self-inspection list 查漏补缺: what each lead department must close, worst first."""
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.check import check_workbook
        from qcity.gaps import find_gaps
        from qcity.render import get_gaps_reporter

        check_outputs(output, inputs=[file])

        fmt = output_format(GapsFormat, fmt, output, GapsFormat.text)
        day, now = pinned(today)
        cat = load(catalogue)
        leads = leads_given(cat, lead)
        reporter = get_gaps_reporter(fmt.value)
        require_output(reporter.binary, output, fmt.value, f"gaps{reporter.suffix}")
        evaluation = check_workbook(
            file,
            cat,
            now=now,
            year=year,
            limits=reading_limits(max_size, max_inflated, max_rows),
            leads=leads,
            today=day,
        )
        # The list's day is the report's: --today, else the end of --year or of the 报告期.
        report_day = evaluation.tasks.today if evaluation.tasks else None
        department = leads[0] if leads is not None and len(leads) == 1 else None
        report = find_gaps(
            evaluation, day or report_day or evaluation.checked_at.date(), department
        )
        if reporter.binary:
            from qcity.files import refuse_overwrite, write_atomic

            assert output is not None
            refuse_overwrite(output, [file])
            data = reporter.render(report, ReportOptions(lang=lang.value, today=day))
            write_atomic(output, data)
        else:
            emit(
                lambda s, o: s.write(reporter.render(report, o)),
                output,
                [file],
                color,
                lang.value,
                today=day,
                fmt=fmt.value,
            )
        code = exit_code(report)
    raise typer.Exit(code)


class PlanFormat(str, enum.Enum):
    """The formats of `qcity plan --format`."""

    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def plan(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="A submission workbook: also list what each lead department has still open."
        ),
    ] = None,
    lead: LeadOpt = None,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        PlanFormat | None,
        format_option("Output format (default: from the suffix of -o, else text)."),
    ] = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    year: YearOpt = None,
    color: ColorOpt = None,
    today: TodayOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_SIZE,
    max_inflated: MaxInflatedOpt = DEFAULT_MAX_INFLATED,
    max_rows: MaxRowsOpt = DEFAULT_MAX_ROWS,
    debug: DebugOpt = False,
) -> None:
    """The plan's timetable today 创建工作进度: phases, what is due, reports, what is open."""
    code = EXIT_INTERNAL
    with guard(lang.value, debug):
        from qcity.catalogue import resolve_leads
        from qcity.plan import build_plan
        from qcity.render.plan.formats import RENDERERS

        check_outputs(output, inputs=[file])

        fmt = output_format(PlanFormat, fmt, output, PlanFormat.text)
        day, now = pinned(today)
        cat = load(catalogue)
        department = resolve_leads(cat, [lead])[0] if lead is not None else None
        evaluation = None
        if file is not None:
            from qcity.check import check_workbook

            evaluation = check_workbook(
                file,
                cat,
                now=now,
                year=year,
                limits=reading_limits(max_size, max_inflated, max_rows),
                today=day,
            )
        # The plan's day is the report's: --today, else the last day of --year, else the end of
        # the workbook's 报告期, else today.
        if day is None and evaluation is not None and evaluation.tasks is not None:
            day = evaluation.tasks.today
        if day is None and year is not None:
            day = dt.date(year, 12, 31)
        view = build_plan(
            cat,
            day or (evaluation.checked_at.date() if evaluation else dt.date.today()),
            evaluation,
            department,
        )
        render = RENDERERS[fmt.value]
        emit(
            lambda s, o: s.write(render(view, o)),
            output,
            [file] if file is not None else [],
            color,
            lang.value,
            today=day,
            fmt=fmt.value,
        )
        code = exit_code(view)
    raise typer.Exit(code)
