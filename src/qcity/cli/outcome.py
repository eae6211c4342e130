"""Every exit code qcity gives, and the one function that decides it: `exit_code(outcome)`.

An outcome is what a command ends with: a view it computed (a checked workbook, one indicator,
the self-inspection list, a comparison, a batch, the plan), the issues of a file that could not
be read, an error that stopped it, or an interrupt. The README's "Exit codes" table is this
module, in words (tests/test_outcome.py holds one test per rule). Nothing heavy at import
(`qcity --help` loads this module): the views are imported when one is judged.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

import typer
from typer._click import exceptions as click

from qcity.errors import Issue, QcityError
from qcity.interrupts import Terminated

if TYPE_CHECKING:
    from qcity.batch import Batch
    from qcity.diff import Diff
    from qcity.explain import Explanation
    from qcity.gaps import GapReport
    from qcity.plan import PlanView
    from qcity.results import Evaluation, IndicatorResult

# --- the codes (the README's table, in its order) -----------------------------------------------
EXIT_OK = 0  # every indicator met
EXIT_UNMET = 1  # some indicator unmet or missing (and nothing invalid)
EXIT_USAGE = 2  # the command line is wrong (bad option, missing file, output = input …)
EXIT_INVALID = 3  # the workbook or catalogue cannot be trusted
EXIT_INTERNAL = 4  # a bug in qcity
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT): 128 + the signal's number, as shells report it
EXIT_TERMINATED = 143  # SIGTERM (a CI job over its time, `kill`): 128 + 15

# The issue codes that stop a command with a code other than 3 (which every other code gives):
# the command line asked for something impossible (2), or qcity has a bug (4). `file-skipped` is
# information about a batch, never a failure.
ISSUE_EXIT_CODES: dict[str, int] = {
    **dict.fromkeys(
        (
            "file-not-found",
            "lock-file",
            "not-a-file",
            "output-is-input",
            "output-exists",
            "output-not-writable",
            "output-format-mismatch",
            "output-format-unknown",
            "output-required",
            "no-workbooks",
            "unknown-department",
            "lead-mismatch",
            "indicator-out-of-scope",
            "catalogue-not-found",
        ),
        EXIT_USAGE,
    ),
    "file-skipped": EXIT_OK,
    "internal-error": EXIT_INTERNAL,
}


class FailOn(str, enum.Enum):
    """`qcity hook --fail-on`: what makes the hook fail."""

    unmet = "unmet"  # any target unmet or missing, or anything invalid (exit 1 or 3)
    invalid = "invalid"  # only figures that cannot be trusted (exit 3)


class Rules(NamedTuple):
    """The options that change the rules: `check --fail-on-tasks`, `hook --fail-on`."""

    fail_on_tasks: bool = False  # an overdue task makes a checked workbook at least 1
    fail_on: FailOn = FailOn.unmet  # invalid: a file's 1 counts as 0 (the hook)


PLAIN = Rules()

if TYPE_CHECKING:
    Outcome: TypeAlias = (
        "Evaluation | IndicatorResult | Explanation | GapReport | Diff | Batch | PlanView | QcityError"
        " | Sequence[Issue] | KeyboardInterrupt | click.ClickException | typer.Abort | None"
    )


def exit_code(outcome: Outcome, rules: Rules = PLAIN) -> int:
    """The exit code of *outcome* under *rules*: every rule of the README's table, here."""
    # Interrupts: 128 + the signal's number. Errors: the worst of their issues'.
    if isinstance(outcome, Terminated):
        return EXIT_TERMINATED
    if isinstance(outcome, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(outcome, QcityError):
        return exit_code(outcome.issues)
    if isinstance(outcome, typer.Abort):  # a prompt answered with Ctrl-D: click's own code
        return 1
    if isinstance(outcome, click.ClickException):  # a usage error (2) or click's own failures
        return EXIT_USAGE if isinstance(outcome, click.UsageError) else outcome.exit_code
    if outcome is None:  # a command that writes what was asked (template, schema …) and is done
        return EXIT_OK
    if isinstance(outcome, (list, tuple)):  # the issues that kept a file from being read
        return max((ISSUE_EXIT_CODES.get(i.code, EXIT_INVALID) for i in outcome), default=EXIT_OK)

    from qcity.batch import Batch
    from qcity.diff import Diff
    from qcity.explain import Explanation
    from qcity.gaps import GapReport
    from qcity.plan import PlanView
    from qcity.results import Evaluation, IndicatorResult, Status

    if isinstance(outcome, Evaluation):  # `check FILE` (and each file of a batch)
        results = outcome.all_results()  # the city's and every district's, within --lead
        if outcome.errors or any(r.status is Status.INVALID for r in results):
            return EXIT_INVALID
        if outcome.vetoed or any(r.status is not Status.MET for r in results):
            return EXIT_UNMET  # a veto target not met fails the result whatever else is met
        tasks = outcome.tasks
        if rules.fail_on_tasks and tasks and any(r.overdue for r in tasks.results):
            return EXIT_UNMET  # tasks count only with --fail-on-tasks
        return EXIT_OK  # warnings never change the code
    if isinstance(outcome, Explanation):  # `explain`: the indicator's own
        return exit_code(outcome.result)
    if isinstance(outcome, IndicatorResult):
        if outcome.status is Status.INVALID:
            return EXIT_INVALID
        return EXIT_OK if outcome.status is Status.MET else EXIT_UNMET
    if isinstance(outcome, GapReport):  # `gaps`: like check, over what the list shows
        if outcome.other_issues or any(g.result.status is Status.INVALID for g in outcome.gaps):
            return EXIT_INVALID
        return EXIT_UNMET if outcome.gaps else EXIT_OK
    if isinstance(outcome, Diff):  # `diff`: 1 for a regression; a file not read, its own code
        codes = [exit_code(entry.failure) for entry in outcome.failed]
        codes += [EXIT_INVALID for i in outcome.issues if i.level.value == "error"]
        codes += [EXIT_UNMET] if outcome.regressions else []
        return max(codes, default=EXIT_OK)
    if isinstance(outcome, Batch):  # a batch and the hook: the worst of its files' codes
        codes = [entry.exit_code for entry in outcome.entries]
        if rules.fail_on is FailOn.invalid:  # the hook's --fail-on invalid: a 1 counts as 0
            codes = [EXIT_OK if c == EXIT_UNMET else c for c in codes]
        return max(codes, default=EXIT_OK)
    if isinstance(outcome, PlanView):  # `plan`: a view, not a verdict, whatever is open
        return EXIT_OK
    raise TypeError(f"no exit rule for {type(outcome).__name__}")
