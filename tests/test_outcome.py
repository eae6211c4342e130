"""cli/outcome.py: every rule of the README's "Exit codes" table, one test each.

The expected codes are written by hand from the README: 0 every indicator met; 1 some indicator
unmet or missing (and nothing invalid); 2 usage error; 3 the workbook or catalogue cannot be
trusted; 4 internal error; 130 interrupted (SIGINT); 143 terminated (SIGTERM). The outcomes are
built by hand too, from the bundled catalogue's indicators.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import signal

import pytest
import typer
from typer._click import exceptions as click

from qcity.batch import Batch, Entry
from qcity.cli.outcome import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_UNMET,
    EXIT_USAGE,
    ISSUE_EXIT_CODES,
    FailOn,
    Rules,
    exit_code,
)
from qcity.cli.usage import Wrong
from qcity.diff import Change, Diff, Row
from qcity.errors import CatalogueError, InputError, Issue, Location, UsageError
from qcity.explain import Explanation
from qcity.gaps import DepartmentGaps, Gap, GapReport, Need, NeedKind
from qcity.interrupts import Terminated
from qcity.model import Catalogue
from qcity.plan import build_plan
from qcity.results import (
    District,
    Evaluation,
    IndicatorResult,
    Status,
    TaskReport,
    TaskResult,
    TaskStatus,
)

MET, UNMET, MISSING, INVALID = Status.MET, Status.UNMET, Status.MISSING, Status.INVALID
NOW = dt.datetime(2015, 7, 1, tzinfo=dt.timezone.utc)
TASKS_ONLY = Rules(fail_on_tasks=True)


def results(catalogue: Catalogue, *statuses: Status) -> list[IndicatorResult]:
    """One result per status, for the catalogue's first indicators that are not veto targets."""
    plain = [i for i in catalogue.indicators if not i.veto]
    return [IndicatorResult(indicator=i, status=s) for i, s in zip(plain, statuses, strict=False)]


def evaluation(
    catalogue: Catalogue,
    *statuses: Status,
    issues: tuple[Issue, ...] = (),
    districts: tuple[tuple[Status, ...], ...] = (),
    tasks: TaskReport | None = None,
) -> Evaluation:
    return Evaluation(
        catalogue=catalogue,
        source="报表.xlsx",
        sheet="数据",
        results=results(catalogue, *statuses),
        issues=list(issues),
        checked_at=NOW,
        districts=[
            District(name=f"区{n}", results=results(catalogue, *d)) for n, d in enumerate(districts)
        ],
        tasks=tasks,
    )


def error() -> Issue:
    return Issue("not-a-number", Location(file="报表.xlsx", sheet="数据", cell="C7"), {"raw": "x"})


def warning() -> Issue:
    return Issue("workbook-open", Location(file="报表.xlsx"), {"lock": "~$报表.xlsx"})


def tasks(catalogue: Catalogue, *, overdue: bool) -> TaskReport:
    task, phase = catalogue.tasks[0], catalogue.phases[0]
    status = TaskStatus.NOT_STARTED if overdue else TaskStatus.DONE
    return TaskReport("任务", dt.date(2015, 7, 1), (TaskResult(task, phase, status, overdue),))


# --- the codes themselves -------------------------------------------------------------------------


def test_the_codes_are_the_readmes() -> None:
    assert (EXIT_OK, EXIT_UNMET, EXIT_USAGE, EXIT_INVALID, EXIT_INTERNAL) == (0, 1, 2, 3, 4)
    assert EXIT_INTERRUPTED == 130 == 128 + signal.SIGINT
    assert EXIT_TERMINATED == 143 == 128 + signal.SIGTERM


# --- a checked workbook: `qcity check FILE` -------------------------------------------------------


def test_every_indicator_met_is_0(catalogue: Catalogue) -> None:
    assert exit_code(evaluation(catalogue, MET, MET, MET)) == 0


def test_warnings_never_change_the_code(catalogue: Catalogue) -> None:
    assert exit_code(evaluation(catalogue, MET, MET, issues=(warning(),))) == 0
    assert exit_code(evaluation(catalogue, MET, UNMET, issues=(warning(),))) == 1


def test_an_unmet_or_missing_indicator_is_1(catalogue: Catalogue) -> None:
    assert exit_code(evaluation(catalogue, MET, UNMET, MET)) == 1
    assert exit_code(evaluation(catalogue, MET, MISSING)) == 1


def test_an_invalid_figure_is_3_whatever_else(catalogue: Catalogue) -> None:
    assert exit_code(evaluation(catalogue, MET, INVALID)) == 3
    assert exit_code(evaluation(catalogue, UNMET, MISSING, INVALID)) == 3


def test_an_error_level_issue_is_3_even_when_all_is_met(catalogue: Catalogue) -> None:
    assert exit_code(evaluation(catalogue, MET, MET, issues=(error(),))) == 3


def test_district_rows_count_like_the_citys(catalogue: Catalogue) -> None:
    assert exit_code(evaluation(catalogue, MET, districts=((MET,), (UNMET,)))) == 1
    assert exit_code(evaluation(catalogue, MET, districts=((MET,), (INVALID,)))) == 3


def test_an_unmet_veto_target_is_1(catalogue: Catalogue) -> None:
    veto = next(i for i in catalogue.indicators if i.veto)
    met = evaluation(catalogue, MET, MET)
    vetoed = dataclasses.replace(
        met, results=[*met.results, IndicatorResult(indicator=veto, status=UNMET)]
    )
    assert vetoed.vetoed  # the outcome really holds an unmet veto target
    assert exit_code(vetoed) == 1


def test_overdue_tasks_count_only_with_fail_on_tasks(catalogue: Catalogue) -> None:
    late = evaluation(catalogue, MET, tasks=tasks(catalogue, overdue=True))
    assert exit_code(late) == 0
    assert exit_code(late, TASKS_ONLY) == 1
    on_time = evaluation(catalogue, MET, tasks=tasks(catalogue, overdue=False))
    assert exit_code(on_time, TASKS_ONLY) == 0
    invalid = evaluation(catalogue, INVALID, tasks=tasks(catalogue, overdue=True))
    assert exit_code(invalid, TASKS_ONLY) == 3


# --- one indicator: `qcity explain` -----------------------------------------------------------------


@pytest.mark.parametrize(("status", "code"), [(MET, 0), (UNMET, 1), (MISSING, 1), (INVALID, 3)])
def test_explain_exits_with_the_indicators_status(
    catalogue: Catalogue, status: Status, code: int
) -> None:
    result = results(catalogue, status)[0]
    assert exit_code(result) == code
    assert exit_code(Explanation(evaluation(catalogue, MET), result)) == code


# --- the self-inspection list: `qcity gaps` -------------------------------------------------------------


def gap_report(catalogue: Catalogue, *statuses: Status, other: tuple[Issue, ...] = ()) -> GapReport:
    gaps = tuple(Gap(r, Need(NeedKind.FIX), None) for r in results(catalogue, *statuses))
    department = catalogue.departments[0]
    return GapReport(
        evaluation=evaluation(catalogue, *statuses),
        today=dt.date(2015, 7, 1),
        departments=(DepartmentGaps(department, gaps),) if gaps else (),
        other_issues=other,
        milestone=None,
    )


def test_gaps_is_0_with_nothing_to_close_1_with_something_3_with_anything_invalid(
    catalogue: Catalogue,
) -> None:
    assert exit_code(gap_report(catalogue)) == 0
    assert exit_code(gap_report(catalogue, UNMET, MISSING)) == 1
    assert exit_code(gap_report(catalogue, UNMET, INVALID)) == 3
    assert exit_code(gap_report(catalogue, other=(error(),))) == 3


# --- a comparison: `qcity diff` -------------------------------------------------------------------


def comparison(
    catalogue: Catalogue,
    *changes: Change,
    failed: tuple[Issue, ...] = (),
    issues: tuple[Issue, ...] = (),
) -> Diff:
    indicator = catalogue.indicators[0]
    rows = [Row("单位", None, indicator, None, None, c, None) for c in changes]
    entries = [Entry("坏.xlsx", None, 9, (i,)) for i in failed]  # 9: the entry's own is not used
    return Diff(catalogue, "旧", "新", rows, [], failed=entries, issues=list(issues))


def test_diff_is_1_when_anything_went_from_met_to_not_met(catalogue: Catalogue) -> None:
    assert exit_code(comparison(catalogue, Change.UNCHANGED, Change.NEWLY_MET)) == 0
    assert exit_code(comparison(catalogue, Change.WORSENED)) == 0  # worse, still met or not
    assert exit_code(comparison(catalogue, Change.NEWLY_MET, Change.NEWLY_UNMET)) == 1


def test_diff_of_a_file_that_could_not_be_read_is_that_files_code(catalogue: Catalogue) -> None:
    missing = Issue("file-not-found", Location(file="旧.xlsx"), {"path": "旧.xlsx"})
    broken = Issue("not-a-workbook", Location(file="旧.xlsx"), {})
    assert exit_code(comparison(catalogue, failed=(missing,))) == 2
    assert exit_code(comparison(catalogue, Change.NEWLY_UNMET, failed=(broken,))) == 3


def test_diff_with_units_that_cannot_be_matched_is_3(catalogue: Catalogue) -> None:
    twice = Issue("duplicate-unit", Location(file="a.xlsx"), {"unit": "甲", "count": 2})
    assert twice.level.value == "error"
    assert exit_code(comparison(catalogue, issues=(twice,))) == 3


# --- a batch and the hook ---------------------------------------------------------------------


def batch(catalogue: Catalogue, *codes: int) -> Batch:
    return Batch(catalogue, [Entry(f"{n}.xlsx", None, c) for n, c in enumerate(codes)], NOW)


def test_a_batch_exits_with_the_worst_code_of_its_files(catalogue: Catalogue) -> None:
    assert exit_code(batch(catalogue)) == 0
    assert exit_code(batch(catalogue, 0, 1, 0)) == 1
    assert exit_code(batch(catalogue, 1, 3, 2)) == 3
    assert exit_code(batch(catalogue, 0, 2, 1)) == 2


def test_hook_fail_on_invalid_lets_unmet_files_pass(catalogue: Catalogue) -> None:
    only_invalid = Rules(fail_on=FailOn.invalid)
    assert exit_code(batch(catalogue, 0, 1, 1), only_invalid) == 0
    assert exit_code(batch(catalogue, 1, 3), only_invalid) == 3
    assert exit_code(batch(catalogue, 1, 2), only_invalid) == 2
    assert exit_code(batch(catalogue, 0, 1), Rules(fail_on=FailOn.unmet)) == 1


# --- a file that could not be read, and errors that stop a command -------------------------------


def test_the_issues_of_a_file_not_read_give_their_worst_code() -> None:
    missing = Issue("file-not-found", Location(file="a.xlsx"), {"path": "a.xlsx"})
    broken = Issue("not-a-workbook", Location(file="a.xlsx"), {})
    bug = Issue("internal-error", Location(), {"reason": "KeyError: 'x'"})
    assert exit_code([missing]) == 2
    assert exit_code([broken]) == 3
    assert exit_code([missing, broken]) == 3
    assert exit_code((bug, broken)) == 4


def test_a_skipped_file_is_information_not_failure() -> None:
    skipped = Issue("file-skipped", Location(file="a.xls"), {"reason": "旧格式", "fix": "另存"})
    assert exit_code([skipped]) == 0


def test_errors_that_stop_a_command() -> None:
    output = Location(file="报表.xlsx")
    assert exit_code(UsageError(Issue("output-exists", output, {"path": "报表.xlsx"}))) == 2
    assert exit_code(UsageError(Issue("unknown-department", Location(), {"raw": "甲"}))) == 2
    assert exit_code(InputError(Issue("not-a-workbook", output, {}))) == 3
    assert exit_code(CatalogueError(Issue("catalogue-yaml", output, {"reason": "tab"}))) == 3
    assert exit_code(CatalogueError(Issue("catalogue-not-found", output, {}))) == 2


def test_every_issue_with_its_own_code_is_a_usage_error_a_bug_or_information() -> None:
    assert set(ISSUE_EXIT_CODES.values()) == {0, 2, 4}
    assert ISSUE_EXIT_CODES["internal-error"] == 4 and ISSUE_EXIT_CODES["file-skipped"] == 0


def test_usage_errors_of_the_command_line_are_2() -> None:
    assert exit_code(click.UsageError("no such option: --colour")) == 2
    assert exit_code(click.BadParameter("not a date")) == 2
    assert exit_code(Wrong("annotate-batch")) == 2


def test_an_aborted_prompt_is_1() -> None:
    assert exit_code(typer.Abort()) == 1


# --- interrupts --------------------------------------------------------------------------------


def test_ctrl_c_is_130_and_sigterm_143() -> None:
    assert exit_code(KeyboardInterrupt()) == 130
    assert exit_code(Terminated()) == 143


# --- views that are not verdicts ---------------------------------------------------------------


def test_plan_and_commands_that_only_write_exit_0(catalogue: Catalogue) -> None:
    unmet = evaluation(catalogue, UNMET, MISSING)
    assert exit_code(build_plan(catalogue, dt.date(2015, 7, 1), unmet)) == 0
    assert exit_code(None) == 0


def test_an_outcome_without_a_rule_is_a_bug_not_a_code() -> None:
    with pytest.raises(TypeError, match="no exit rule for str"):
        exit_code("met")  # type: ignore[arg-type]
