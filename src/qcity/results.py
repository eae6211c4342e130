"""What a check found: cells read, observations, verdicts per indicator, district and task
results, and the finished Evaluation that every reporter renders.

These are built by qcity from data already validated (the catalogue by its pydantic models,
the cells by the reader and values.py), never from outside input: plain frozen dataclasses,
slotted where one is made per row, so a check neither pays for creating pydantic classes at
start-up nor keeps a pydantic instance (its __dict__ and fields-set) for every row.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal

from qcity.errors import Issue, Location
from qcity.model import Area, Catalogue, Indicator, Phase, Task

# --- what is read from a submission ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as read from a workbook (plain data: built for every cell read)."""

    value: object  # None, str, int, float, bool, datetime … as stored in the file
    coordinate: str  # "C7"
    number_format: str = "General"
    data_type: str = "n"  # the file's type: n(umber) s(tring) b(oolean) e(rror) d(ate)
    formula: str | None = None  # the formula text, when the cell holds one


# --- the evaluation of one submission --------------------------------------------------------


class Status(str, enum.Enum):
    """The verdict on one indicator."""

    MET = "met"
    UNMET = "unmet"
    MISSING = "missing"
    INVALID = "invalid"


Scalar = Decimal | bool


@dataclass(frozen=True, slots=True)
class Observation:
    """A figure read from the submission, with where it came from and how it was written."""

    value: Scalar
    location: Location
    raw: str
    notation: str
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    computed: bool = False  # value derived from numerator / denominator
    numerator_at: Location | None = None
    denominator_at: Location | None = None
    fraction: Decimal | None = None  # numerator / denominator (× 100 for a rate), when both given


@dataclass(frozen=True)
class Figure:
    """One figure of a series, as read from the series sheet."""

    series: str
    year: int
    value: Decimal
    raw: str
    location: Location
    basis: str | None = None  # the row's basis (口径) code, when the series has bases


@dataclass(frozen=True)
class MissingFigure:
    """A figure a derivation needs that the series sheet does not hold."""

    series: str
    year: int
    location: Location  # the empty cell, or the sheet when the row or the column is absent


@dataclass(frozen=True)
class Derivation:
    """An indicator computed from series figures: what was read, the steps, and the result."""

    indicator: str
    kind: str
    year: int
    base_year: int | None
    inputs: tuple[Figure, ...]
    missing: tuple[MissingFigure, ...] = ()
    unreadable: tuple[MissingFigure, ...] = ()  # cells holding something that is not a figure
    steps: tuple[tuple[str, Decimal], ...] = ()  # named intermediate results, for explaining
    value: Decimal | None = None  # None when it could not be computed
    consistent: bool | None = None  # agreement with the reported value, when there is one

    @property
    def complete(self) -> bool:
        """Whether a value was computed."""
        return self.value is not None

    def step(self, name: str) -> Decimal:
        """The intermediate result called *name*."""
        return dict(self.steps)[name]


@dataclass(frozen=True)
class ReportYear:
    """The year derivations are computed for, and where it came from."""

    year: int
    source: str  # "option" (--year), "cell", "property" or "latest"
    location: Location | None = None
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """Status and gap of one indicator."""

    indicator: Indicator
    status: Status
    observation: Observation | None = None
    judged: Scalar | None = None  # the value at the indicator's judged precision
    gap: Decimal | None = None  # judged - threshold, in the indicator's unit
    location: Location | None = None  # the row's value cell, even when empty
    note: str | None = None
    derivation: Derivation | None = None  # computed from the series sheet, when it has one
    derived_status: Status | None = None  # the derived figure judged on its own
    derived_judged: Decimal | None = None
    horizon: int | None = None  # the horizon year of the target used, for a plan with several
    horizon_ahead: bool = False  # judged before that horizon: the target is still ahead

    @property
    def judged_on_derived(self) -> bool:
        """Whether the status judges the derived figure (nothing reported, or both agree)."""
        d = self.derivation
        if d is None or d.value is None or self.observation is None:
            return False
        return d.consistent is True or self.observation.notation == "derived"


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of statuses."""

    met: int
    unmet: int
    missing: int
    invalid: int
    total: int

    def __str__(self) -> str:
        """`met=17 unmet=7 missing=0 invalid=0 total=24`, as the README's library example shows."""
        return " ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__)


def summarise(results: list[IndicatorResult]) -> Summary:
    """How many of *results* have each status."""
    counts = dict.fromkeys(Status, 0)
    for r in results:
        counts[r.status] += 1
    return Summary(
        met=counts[Status.MET],
        unmet=counts[Status.UNMET],
        missing=counts[Status.MISSING],
        invalid=counts[Status.INVALID],
        total=len(results),
    )


class TaskStatus(str, enum.Enum):
    """Where a task stands, as the submission says (unreported: no row, or no status in it)."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    UNREPORTED = "unreported"


@dataclass(frozen=True)
class TaskResult:
    """One task of the catalogue as reported, judged against its deadline on a given day."""

    task: Task
    phase: Phase  # the phase by whose end it is due
    status: TaskStatus
    overdue: bool  # not done, and its phase has ended
    days_overdue: int | None = None  # days since the deadline, when overdue
    late: bool = False  # done, but on a date after the deadline
    raw: str | None = None  # the status as written
    evidence: str | None = None
    completed: dt.date | None = None
    note: str | None = None
    location: Location | None = None  # the status cell (the row's code cell without one)
    evidence_at: Location | None = None

    @property
    def due(self) -> dt.date:
        """The deadline: the last day of the due phase."""
        return self.phase.last_day


@dataclass(frozen=True)
class TaskSummary:
    """Counts of task statuses, and how many are overdue."""

    total: int
    done: int
    in_progress: int
    not_started: int
    unreported: int
    overdue: int


@dataclass(frozen=True)
class TaskReport:
    """The tasks of a submission: every catalogue task (in scope), judged on *today*."""

    sheet: str | None  # the tasks sheet, None when the workbook has none
    today: dt.date
    results: tuple[TaskResult, ...]
    # Where *today* came from: "option" (--today), "year" (--year: its 12-31), "period" (the
    # end of the workbook's 报告期), or "clock" (the day of the check).
    today_source: str = "clock"
    today_at: Location | None = None  # the 报告期 cell, when *today* came from it
    today_raw: str | None = None  # the 报告期 as written, when *today* came from it

    @property
    def summary(self) -> TaskSummary:
        """How many tasks have each status, and how many are overdue."""
        count = {s: sum(1 for r in self.results if r.status is s) for s in TaskStatus}
        return TaskSummary(
            total=len(self.results),
            done=count[TaskStatus.DONE],
            in_progress=count[TaskStatus.IN_PROGRESS],
            not_started=count[TaskStatus.NOT_STARTED],
            unreported=count[TaskStatus.UNREPORTED],
            overdue=sum(1 for r in self.results if r.overdue),
        )


@dataclass(frozen=True)
class Scope:
    """The lead departments a return is judged for: only their indicators and tasks count; the
    others are out of scope (neither counted nor listed). No Scope: the whole catalogue."""

    leads: tuple[str, ...]  # department codes, in catalogue order
    source: str  # "option" (--lead) or "stamp" (the template's qcity.leads property)
    codes: frozenset[str]  # the indicators in scope
    excluded: int = 0  # how many of the catalogue's indicators are out of scope


@dataclass(frozen=True)
class ReportingUnit:
    """Who submitted a workbook, as its 填报单位 / unit cell says."""

    name: str
    location: Location


@dataclass(frozen=True, slots=True)
class District:
    """One district's (区县) rows of a workbook, judged like the city level."""

    name: str
    # The indicators that any district of the workbook reports, in catalogue order: one the
    # others report but this district lacks is missing here.
    results: list[IndicatorResult]

    @property
    def summary(self) -> Summary:
        """How many of the district's indicators have each status."""
        return summarise(self.results)


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A rate summed over the districts (Σ numerators / Σ denominators), against the city figure."""

    indicator: str  # the indicator's code
    districts: int  # how many districts' fractions were summed
    numerator: Decimal
    denominator: Decimal
    value: Decimal  # Σ numerators / Σ denominators (× 100 for a percentage)
    judged: Decimal
    gap: Decimal
    status: Status  # the aggregate judged on its own
    city: Decimal | None = None  # the city-level figure it was compared with
    consistent: bool | None = None  # None when there is no city-level figure


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The finished evaluation of one submission: what every reporter renders."""

    catalogue: Catalogue
    source: str
    sheet: str | None
    results: list[IndicatorResult]
    issues: list[Issue]
    checked_at: dt.datetime
    series_sheet: str | None = None
    report_year: ReportYear | None = None
    tasks: TaskReport | None = None  # None: tasks were not assessed (the catalogue has none)
    unit: ReportingUnit | None = None  # the 填报单位 cell, when the workbook has one
    # in the order they first appear; empty without districts
    districts: list[District] = field(default_factory=list)
    # in catalogue order, for rates whose districts give fractions
    aggregates: list[Aggregate] = field(default_factory=list)
    scope: Scope | None = None  # the lead departments judged (None: every indicator)

    @property
    def summary(self) -> Summary:
        """How many indicators have each status."""
        return summarise(self.results)

    def area_summaries(self) -> list[tuple[Area, Summary]]:
        """Each area of the catalogue (in catalogue order) with the counts of its indicators;
        with a scope, only the areas holding an indicator in it."""
        pairs = [
            (area, summarise([r for r in self.results if r.indicator.area == area.code]))
            for area in self.catalogue.areas
        ]
        return [(a, s) for a, s in pairs if self.scope is None or s.total]

    @property
    def vetoed(self) -> list[IndicatorResult]:
        """The veto targets (一票否决) that are not met: each fails the whole result."""
        return [r for r in self.results if r.indicator.veto and r.status is Status.UNMET]

    @property
    def errors(self) -> list[Issue]:
        """The issues of error severity."""
        return [i for i in self.issues if i.level.value == "error"]

    def all_results(self) -> list[IndicatorResult]:
        """The city level's results, then each district's."""
        return [*self.results, *(r for d in self.districts for r in d.results)]
