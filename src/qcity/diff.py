"""Progress between two submissions: each indicator's old and new figure, the change and what it
means (newly met, newly unmet, improved, worsened, unchanged), regressions first; pure."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from qcity.batch import Batch, Entry, duplicate_units
from qcity.errors import InputError, Issue, Severity
from qcity.model import Catalogue, Indicator, Op
from qcity.results import Evaluation, IndicatorResult, Status


class Change(str, enum.Enum):
    """What happened to one indicator between the two submissions, worst first."""

    NEWLY_UNMET = "newly-unmet"  # met before, not now (unmet, missing or invalid)
    WORSENED = "worsened"  # a worse status, or the same status with a worse figure
    NEWLY_MET = "newly-met"  # not met before, met now
    IMPROVED = "improved"  # a better status, or the same status with a better figure
    UNCHANGED = "unchanged"


# How good a status is, for telling better from worse when neither side is met.
_RANK = {Status.MET: 3, Status.UNMET: 2, Status.MISSING: 1, Status.INVALID: 0}
ORDER = list(Change)


@dataclass(frozen=True)
class Row:
    """One indicator of one reporting unit (and district) in both submissions."""

    unit: str
    district: str | None
    indicator: Indicator
    old: IndicatorResult | None  # None: the district did not report it (or did not exist)
    new: IndicatorResult | None
    change: Change
    delta: Decimal | None  # new judged figure − old judged figure, when both are numbers

    @property
    def old_status(self) -> Status:
        """The old status (missing when there was no row)."""
        return self.old.status if self.old is not None else Status.MISSING

    @property
    def new_status(self) -> Status:
        """The new status (missing when there is no row)."""
        return self.new.status if self.new is not None else Status.MISSING


@dataclass(frozen=True)
class Matched:
    """A reporting unit found on both sides."""

    unit: str
    old: Entry
    new: Entry


@dataclass(frozen=True)
class Diff:
    """The comparison of two submissions (two workbooks, or two folders matched by unit)."""

    catalogue: Catalogue
    old: str  # the paths as given
    new: str
    rows: list[Row]  # regressions first
    matched: list[Matched]
    only_old: list[Entry] = field(default_factory=list)  # units no longer submitted
    only_new: list[Entry] = field(default_factory=list)  # units submitted for the first time
    failed: list[Entry] = field(default_factory=list)  # files that could not be read
    issues: list[Issue] = field(default_factory=list)  # units named by several files
    folders: bool = False

    def count(self, change: Change) -> int:
        """How many rows have *change*."""
        return sum(1 for r in self.rows if r.change is change)

    @property
    def regressions(self) -> list[Row]:
        """The rows that went from met to not met."""
        return [r for r in self.rows if r.change is Change.NEWLY_UNMET]

    @property
    def has_districts(self) -> bool:
        """Whether any row is a district's."""
        return any(r.district is not None for r in self.rows)


def better(indicator: Indicator, delta: Decimal) -> bool:
    """Whether a figure moving by *delta* moves the right way (up, or down under a ceiling)."""
    return delta < 0 if indicator.target.op in (Op.AT_MOST, Op.LESS) else delta > 0


def classify(
    indicator: Indicator, old: IndicatorResult | None, new: IndicatorResult | None
) -> tuple[Change, Decimal | None]:
    """The change of one indicator, and the change of its judged figure."""
    before = old.status if old is not None else Status.MISSING
    after = new.status if new is not None else Status.MISSING
    delta = None
    if (
        old is not None
        and new is not None
        and isinstance(old.judged, Decimal)
        and isinstance(new.judged, Decimal)
    ):
        delta = new.judged - old.judged
    if before is Status.MET and after is not Status.MET:
        return Change.NEWLY_UNMET, delta
    if after is Status.MET and before is not Status.MET:
        return Change.NEWLY_MET, delta
    if _RANK[after] != _RANK[before]:
        return (Change.IMPROVED if _RANK[after] > _RANK[before] else Change.WORSENED), delta
    if delta is None or delta == 0:
        return Change.UNCHANGED, delta
    return (Change.IMPROVED if better(indicator, delta) else Change.WORSENED), delta


def compare_evaluations(unit: str, old: Evaluation, new: Evaluation) -> list[Row]:
    """The rows of one unit: the city level's indicators, then each district's (unsorted)."""
    rows = [
        Row(unit, None, n.indicator, o, n, *classify(n.indicator, o, n))
        for o, n in zip(old.results, new.results, strict=True)
    ]
    olds = {d.name: {r.indicator.code: r for r in d.results} for d in old.districts}
    news = {d.name: {r.indicator.code: r for r in d.results} for d in new.districts}
    for district in [*news, *(d for d in olds if d not in news)]:
        before, after = olds.get(district, {}), news.get(district, {})
        for indicator in new.catalogue.indicators:
            o, n = before.get(indicator.code), after.get(indicator.code)
            if o is None and n is None:
                continue
            rows.append(Row(unit, district, indicator, o, n, *classify(indicator, o, n)))
    return rows


def _sorted(rows: list[Row], units: Sequence[str]) -> list[Row]:
    unit_order = {u: n for n, u in enumerate(units)}
    return sorted(
        rows, key=lambda r: (ORDER.index(r.change), unit_order.get(r.unit, len(unit_order)))
    )  # stable: districts and indicators keep their order within a unit


def compare(catalogue: Catalogue, old: Path, new: Path, check: Callable[[Path], Batch]) -> Diff:
    """`qcity diff`: two workbooks, or two folders of them, each checked by *check* (a batch of
    one path); two single workbooks are compared only when both could be read (InputError)."""
    before, after = check(old), check(new)
    if old.is_dir():
        return diff_batches(catalogue, str(old), str(new), before.entries, after.entries)
    for side in (before, after):
        if side.entries[0].evaluation is None:
            raise InputError(*side.entries[0].failure)
    return diff_files(catalogue, before.entries[0], after.entries[0])


def diff_files(catalogue: Catalogue, old: Entry, new: Entry) -> Diff:
    """Two single workbooks (both read): compared whatever their units say."""
    assert old.evaluation is not None and new.evaluation is not None
    unit = new.unit
    rows = compare_evaluations(unit, old.evaluation, new.evaluation)
    return Diff(catalogue, old.shown, new.shown, _sorted(rows, [unit]), [Matched(unit, old, new)])


def diff_batches(
    catalogue: Catalogue, old: str, new: str, olds: Sequence[Entry], news: Sequence[Entry]
) -> Diff:
    """Two folders: files matched by reporting unit (as its 填报单位 cell or file name says)."""
    issues = [*duplicate_units(olds, Severity.ERROR), *duplicate_units(news, Severity.ERROR)]
    ambiguous = {str(i.params["unit"]).casefold() for i in issues}
    failed = [e for e in [*olds, *news] if e.evaluation is None]

    def by_unit(entries: Sequence[Entry]) -> dict[str, Entry]:
        return {
            e.unit.casefold(): e
            for e in entries
            if e.evaluation is not None and e.unit.casefold() not in ambiguous
        }

    before, after = by_unit(olds), by_unit(news)
    matched = [Matched(e.unit, before[k], e) for k, e in after.items() if k in before]
    rows: list[Row] = []
    for m in matched:
        assert m.old.evaluation is not None and m.new.evaluation is not None
        rows += compare_evaluations(m.unit, m.old.evaluation, m.new.evaluation)
    return Diff(
        catalogue,
        old,
        new,
        _sorted(rows, [m.unit for m in matched]),
        matched,
        only_old=[e for k, e in before.items() if k not in after],
        only_new=[e for k, e in after.items() if k not in before],
        failed=failed,
        issues=issues,
        folders=True,
    )
