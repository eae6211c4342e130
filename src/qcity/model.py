"""Frozen pydantic models of the catalogue: targets, areas, departments, series, phases, tasks.

Longer than most modules on purpose: this is the catalogue's schema, read whole by catalogue
authors and by `qcity schema catalogue`; its models refer to one another and their validators
check across them (a target against its unit, a derivation against its series).
"""

# No `from __future__ import annotations` here: pydantic would compile and evaluate every
# field's annotation from its string when creating the classes (a third of their cost).

import datetime as dt
import enum
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from qcity.errors import Lang

CODE_PATTERN = r"^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*$"

Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Frozen(BaseModel):
    """Base of every catalogue model: immutable, and unknown keys are errors.

    Validators are built on first use (defer_build): a catalogue loaded from the cache is
    built without one (catalogue._trusted), so most commands never pay for building them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Localized(Frozen):
    """A text in Chinese (authoritative) and English."""

    zh: Text
    en: Text

    def get(self, lang: Lang) -> str:
        """The text in *lang*."""
        return self.zh if lang == "zh" else self.en


class Unit(str, enum.Enum):
    """What kind of figure an indicator takes."""

    PERCENT = "percent"
    RATIO = "ratio"
    BOOLEAN = "boolean"
    COUNT = "count"
    # figures with a unit of their own: 分, an index, 万元/人 or 亿元, days, 微克/立方米, 倍
    SCORE = "score"
    INDEX = "index"
    AMOUNT = "amount"  # with unit_label naming the amount's unit
    DAYS = "days"
    CONCENTRATION = "concentration"  # with unit_label, e.g. 微克/立方米
    MULTIPLE = "multiple"  # times the base year's figure (翻一番: at least 2)


class Op(str, enum.Enum):
    """How a reported figure is compared with the target."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"  # "…左右": met when value >= target - tolerance
    IS = "is"  # yes/no targets
    GREATER = "greater"  # 高于, 超过: strictly above
    LESS = "less"  # 低于: strictly below


class Measure(str, enum.Enum):
    """What the reported figure measures (the plan's wording of the target)."""

    LEVEL = "level"  # the figure itself (达到95%)
    CHANGE = "change"  # the change since base_year, in the unit's points (较2023年提高2个百分点)
    PER_YEAR = "per_year"  # what the report year added (每年新增5家)
    CUMULATIVE = "cumulative"  # the total since the plan began (累计建成30个)


class Target(Frozen):
    """The target of an indicator."""

    op: Op
    value: Decimal | bool
    tolerance: Decimal | None = Field(default=None, ge=0)
    measure: Measure = Measure.LEVEL
    base_year: int | None = Field(default=None, ge=1900, le=2100)  # of a change or a multiple

    @model_validator(mode="after")
    def _measured(self) -> "Target":
        if self.measure is Measure.CHANGE and self.base_year is None:
            raise ValueError("measure 'change' needs a base_year (较2023年: base_year 2023)")
        if self.op is Op.IS and self.measure is not Measure.LEVEL:
            raise ValueError("a yes/no target measures nothing but its level")
        return self

    @model_validator(mode="after")
    def _consistent(self) -> "Target":
        if self.op is Op.IS:
            if not isinstance(self.value, bool):
                raise ValueError("op 'is' takes a yes/no value (true or false)")
        elif isinstance(self.value, bool):
            raise ValueError(f"op {self.op.value!r} takes a number, not {self.value}")
        if self.op is Op.ABOUT and self.tolerance is None:
            raise ValueError("op 'about' needs a tolerance")
        if self.op is not Op.ABOUT and self.tolerance is not None:
            raise ValueError("only op 'about' takes a tolerance")
        return self

    @property
    def number(self) -> Decimal:
        """The numeric target (not for yes/no targets)."""
        assert not isinstance(self.value, bool)
        return self.value

    @property
    def threshold(self) -> Decimal:
        """The figure a value is compared with: the target, less the tolerance for 'about'."""
        if self.op is Op.ABOUT:
            assert self.tolerance is not None
            return self.number - self.tolerance
        return self.number


class Range(Frozen):
    """The values an indicator can take at all; outside it a figure is invalid."""

    min: Decimal | None = None
    max: Decimal | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is greater than max {self.max}")
        return self

    def contains(self, value: Decimal) -> bool:
        """Whether *value* lies within the range (bounds included)."""
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class Source(Frozen):
    """Where in the plan a target comes from: clause and verbatim quote."""

    clause: Text
    quote: Text


class Area(Frozen):
    """One of the plan's five quality areas."""

    code: Code
    name: Localized
    lead: Text
    source: Source


class Department(Frozen):
    """A lead department (五(一))."""

    code: Text
    name: Localized
    source: Source | None = None


# --- series and derivations: raw figures and how an indicator is computed from them ------------


class SeriesKind(str, enum.Enum):
    """What the figures of a series are: amounts (never negative) or yearly growth rates in %."""

    AMOUNT = "amount"
    GROWTH = "growth"  # % over the previous year; may be negative, but above -100


class Basis(Frozen):
    """One statistical basis (口径) a series may be reported on, e.g. net or disposable income."""

    code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    name: Localized
    aliases: list[Text] = []
    note: Localized | None = None
    # Figures of two series are comparable only on one basis: bases of different series that
    # share a group (the same survey) may be divided by each other. Default: the code itself.
    group: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")] | None = None

    @property
    def family(self) -> str:
        """The group figures on this basis can be compared within."""
        return self.group or self.code


class Series(Frozen):
    """A series of yearly raw figures (the `序列` sheet), from which indicators are derived."""

    code: Code
    name: Localized
    aliases: list[Text] = []  # accepted in the 序列代码 column besides the code
    unit: Localized
    unit_aliases: list[Text] = []
    kind: SeriesKind = SeriesKind.AMOUNT
    # The bases the series may be reported on, preferred first; a row states its basis in the
    # 口径 column or by its name (an alias of the basis).
    bases: list[Basis] = []
    note: Localized | None = None


SeriesCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]*$")]
Year = Annotated[int, Field(ge=1900, le=2100)]


class RateDerive(Frozen):
    """numerator / denominator × 100 from the data sheet's own columns."""

    kind: Literal["rate"]


class ShareDerive(Frozen):
    """A / B × 100 in the report year (e.g. R&D spending / GDP)."""

    kind: Literal["share"]
    numerator: SeriesCode
    denominator: SeriesCode


class RatioDerive(Frozen):
    """A / B in the report year (e.g. urban / rural income)."""

    kind: Literal["ratio"]
    numerator: SeriesCode
    denominator: SeriesCode


class IntensityReductionDerive(Frozen):
    """(1 − (A_t / B_t) / (A_base / B_base)) × 100, intensities kept to 4 decimals."""

    kind: Literal["intensity_reduction"]
    numerator: SeriesCode
    denominator: SeriesCode
    base_year: Year


class CagrDerive(Frozen):
    """((V_t / V_base)^(1 / (t − base)) − 1) × 100: compound average growth of a level."""

    kind: Literal["cagr"]
    series: SeriesCode
    base_year: Year


class CagrOfRatesDerive(Frozen):
    """((Π (1 + r_y / 100) for y in base+1 … t)^(1 / (t − base)) − 1) × 100; or, without the
    rates, the compound growth of *levels* (a constant-price level series) over the same years."""

    kind: Literal["cagr_of_rates"]
    series: SeriesCode
    base_year: Year
    levels: SeriesCode | None = None


class ChangeDerive(Frozen):
    """A_t − A_(t−1), or A_t − A_base with a base year: 逐年提高 is a change above 0."""

    kind: Literal["change"]
    series: SeriesCode
    base_year: Year | None = None


Derive = Annotated[
    RateDerive
    | ShareDerive
    | RatioDerive
    | IntensityReductionDerive
    | CagrDerive
    | CagrOfRatesDerive
    | ChangeDerive,
    Field(discriminator="kind"),
]
DERIVE_KINDS = ("rate", "share", "ratio", "intensity_reduction", "cagr", "cagr_of_rates", "change")
FRACTION_KINDS = ("share", "ratio", "intensity_reduction")


def derive_series(derive: Derive) -> list[tuple[str, str]]:
    """The series a derivation reads, as (field name, series code)."""
    if isinstance(derive, (ShareDerive, RatioDerive, IntensityReductionDerive)):
        return [("numerator", derive.numerator), ("denominator", derive.denominator)]
    if isinstance(derive, CagrOfRatesDerive) and derive.levels is not None:
        return [("series", derive.series), ("levels", derive.levels)]
    if isinstance(derive, (CagrDerive, CagrOfRatesDerive, ChangeDerive)):
        return [("series", derive.series)]
    return []


YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


def month_start(year_month: str) -> dt.date:
    """The first day of a `2015-07` month."""
    year, month = (int(part) for part in year_month.split("-"))
    return dt.date(year, month, 1)


def month_end(year_month: str) -> dt.date:
    """The last day of a `2015-07` month."""
    first = month_start(year_month)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class Deliverable(Frozen):
    """Something the plan says a phase or a task must produce, in the plan's own words."""

    name: Localized
    quote: Text


class Phase(Frozen):
    """A stage of the plan's timetable (四、工作步骤): its months, what it must produce, and
    whether it is an acceptance the figures must be ready for."""

    code: Code
    name: Localized
    start: YearMonth
    end: YearMonth
    milestone: bool = False  # an acceptance (provincial pre-acceptance, national acceptance)
    produces: list[Deliverable] = []
    source: Source

    @model_validator(mode="after")
    def _ordered(self) -> "Phase":
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def clause(self) -> str:
        """The plan's clause of the phase, e.g. 四(三)."""
        return self.source.clause

    @property
    def first_day(self) -> dt.date:
        """The first day of its first month."""
        return month_start(self.start)

    @property
    def last_day(self) -> dt.date:
        """The last day of its last month."""
        return month_end(self.end)


class Task(Frozen):
    """A task of the plan (三、工作任务), with what it must produce, its lead and its deadline."""

    code: Code
    title: Localized  # the plan's heading of the task, verbatim in Chinese
    lead: Text | None = None  # a department code, where the plan names one
    due: Code  # the phase by whose end it must be done
    deliverables: list[Deliverable] = Field(min_length=1)
    source: Source
    note: Localized | None = None


class Frequency(str, enum.Enum):
    """How often a reporting duty recurs."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"


class ReportingDuty(Frozen):
    """A recurring report the plan asks for (五(六)): each period's report is due at its end."""

    code: Code
    name: Localized
    every: Frequency
    to: Localized | None = None  # who receives it
    start: YearMonth | None = None  # the first month reported on (default: the first phase's)
    end: YearMonth | None = None  # the last month reported on (default: the last phase's)
    # The plan names no day: a period's report is due on its last day plus these days.
    grace_days: int = Field(default=0, ge=0, le=366)
    source: Source

    @model_validator(mode="after")
    def _ordered(self) -> "ReportingDuty":
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class HorizonTarget(Target):
    """The target of an indicator for one horizon year of the plan (到2025年, 到2027年)."""

    year: Year


class FractionTerms(Frozen):
    """What a rate's numerator and denominator count (合格批次 / 抽查批次), for gap messages."""

    numerator: Localized
    denominator: Localized


class Indicator(Frozen):
    """One measurable target of the plan."""

    code: Code
    area: Code
    name: Localized
    unit: Unit
    target: Target
    decimals: int = Field(ge=0, le=6)
    range: Range = Range()
    lead: Text
    source: Source
    note: Localized | None = None
    derive: Derive | None = None
    fraction: FractionTerms | None = None
    # Several horizons (到2025年 …, 到2027年 …): one target each, in year order. `target` is
    # then the last horizon's, filled in from this list when the catalogue omits it.
    targets: list[HorizonTarget] = []
    unit_label: Localized | None = None  # the unit of an amount or a concentration: 万元/人
    # A veto (一票否决) target: when it is not met the overall result fails, whatever else is met.
    veto: bool = False

    @model_validator(mode="before")
    @classmethod
    def _final_target(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("targets") and "target" not in data:
            last = data["targets"][-1]
            if isinstance(last, dict):
                data = {**data, "target": {k: v for k, v in last.items() if k != "year"}}
        return data

    @model_validator(mode="after")
    def _horizons(self) -> "Indicator":
        if self.unit in (Unit.AMOUNT, Unit.CONCENTRATION) and self.unit_label is None:
            raise ValueError(f"a {self.unit.value} indicator needs a unit_label, e.g. 万元/人")
        if not self.targets:
            return self
        years = [t.year for t in self.targets]
        if years != sorted(set(years)):
            raise ValueError(f"targets must have one horizon year each, in order (got {years})")
        last = self.targets[-1]
        if self.target != Target(**{k: v for k, v in last if k != "year"}):
            raise ValueError("target, given with targets, must equal the last horizon's target")
        for t in self.targets:
            if (t.op is Op.IS) != (self.unit is Unit.BOOLEAN):
                raise ValueError(f"the {t.year} target's op {t.op.value!r} does not suit the unit")
            if t.op is not Op.IS and not self.range.contains(t.number):
                raise ValueError(f"the {t.year} target {t.number} lies outside the range")
        return self

    @property
    def takes_fraction(self) -> bool:
        """Whether the figure is a rate of two counts, so 分子 / 分母 may be given."""
        return isinstance(self.derive, RateDerive) or self.fraction is not None

    @property
    def exact(self) -> bool:
        """Whether the target can only be met exactly (达到100%: at least the range's maximum),
        so the figure is judged unrounded."""
        t = self.target
        if t.op is Op.AT_LEAST:
            return self.range.max is not None and t.number == self.range.max
        if t.op is Op.AT_MOST:
            return self.range.min is not None and t.number == self.range.min
        return False

    @model_validator(mode="after")
    def _coherent(self) -> "Indicator":
        if self.fraction is not None and self.unit not in (Unit.PERCENT, Unit.RATIO):
            raise ValueError(f"only a rate has a fraction, not a {self.unit.value} indicator")
        if self.unit is Unit.BOOLEAN:
            if self.target.op is not Op.IS:
                raise ValueError("a boolean indicator needs target op 'is'")
        elif self.target.op is Op.IS:
            raise ValueError(f"op 'is' is only for boolean indicators, not {self.unit.value}")
        else:
            if not self.range.contains(self.target.number):
                raise ValueError(
                    f"target {self.target.number} lies outside the range "
                    f"[{self.range.min}, {self.range.max}]"
                )
            if self.unit is Unit.COUNT and self.decimals != 0:
                raise ValueError("a count is judged with 0 decimals")
        if self.derive is not None and self.derive.kind == "change":
            if self.unit is Unit.BOOLEAN:
                raise ValueError("derive kind 'change' gives a number, not yes/no")
        elif self.derive is not None:
            wanted = Unit.RATIO if self.derive.kind == "ratio" else Unit.PERCENT
            if self.unit is not wanted:
                raise ValueError(
                    f"derive kind {self.derive.kind!r} gives a {wanted.value}, "
                    f"but the indicator's unit is {self.unit.value}"
                )
        return self


class CatalogueMeta(Frozen):
    """What the catalogue is: the plan it encodes and its own version."""

    id: Code | Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$")]
    title: Localized
    document: Text
    issuer: Localized
    issued: dt.date
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")]


class Catalogue(Frozen):
    """The whole catalogue: metadata, areas, departments and indicators."""

    catalogue: CatalogueMeta
    departments: list[Department] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)
    series: list[Series] = []
    indicators: list[Indicator] = Field(min_length=1)
    phases: list[Phase] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    reporting: list[ReportingDuty] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> "Catalogue":
        # Each problem keeps its own path so the loader can point at the YAML line.
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for kind, items in (
            ("departments", [d.code for d in self.departments]),
            ("areas", [a.code for a in self.areas]),
            ("series", [s.code for s in self.series]),
            ("indicators", [i.code for i in self.indicators]),
            ("phases", [p.code for p in self.phases]),
            ("tasks", [t.code for t in self.tasks]),
            ("reporting", [r.code for r in self.reporting]),
        ):
            seen: dict[str, int] = {}
            for n, c in enumerate(items):
                if c in seen:
                    problems.append(
                        ((kind, n, "code"), f"duplicate code {c!r} (also {kind}[{seen[c]}])")
                    )
                seen.setdefault(c, n)
        areas = {a.code for a in self.areas}
        leads = {d.code for d in self.departments}
        for n, a in enumerate(self.areas):
            if a.lead not in leads:
                problems.append((("areas", n, "lead"), f"{a.lead!r} is not a listed department"))
        for n, i in enumerate(self.indicators):
            if i.area not in areas:
                problems.append((("indicators", n, "area"), f"{i.area!r} is not a listed area"))
            if i.lead not in leads:
                problems.append(
                    (("indicators", n, "lead"), f"{i.lead!r} is not a listed department")
                )
            if i.derive is not None:
                problems.extend(self._derive_problems(n, i.derive))
        problems.extend(self._timetable_problems(leads))
        if problems:
            raise PydanticCustomError(
                "catalogue_references",
                "{summary}",
                {"summary": "; ".join(m for _, m in problems), "problems": problems},
            )
        return self

    def _timetable_problems(self, leads: set[str]) -> list[tuple[tuple[str | int, ...], str]]:
        problems: list[tuple[tuple[str | int, ...], str]] = []
        for n in range(1, len(self.phases)):
            before, phase = self.phases[n - 1], self.phases[n]
            if phase.start <= before.end:
                problems.append(
                    (
                        ("phases", n, "start"),
                        f"starts in {phase.start}, before {before.code} ends ({before.end}); "
                        "list the phases in order, without overlaps",
                    )
                )
        phases = {p.code for p in self.phases}
        for n, t in enumerate(self.tasks):
            if t.due not in phases:
                problems.append((("tasks", n, "due"), f"{t.due!r} is not a listed phase"))
            if t.lead is not None and t.lead not in leads:
                problems.append((("tasks", n, "lead"), f"{t.lead!r} is not a listed department"))
        for n, r in enumerate(self.reporting):
            if not self.phases and (r.start is None or r.end is None):
                problems.append(
                    (
                        ("reporting", n),
                        "give start and end: the catalogue has no phases to take them from",
                    )
                )
        return problems

    def _derive_problems(self, n: int, derive: Derive) -> list[tuple[tuple[str | int, ...], str]]:
        known = {s.code: s for s in self.series}
        problems: list[tuple[tuple[str | int, ...], str]] = []
        used = derive_series(derive)
        for name, code in used:
            where: tuple[str | int, ...] = ("indicators", n, "derive", name)
            series = known.get(code)
            if series is None:
                problems.append((where, f"{code!r} is not a listed series"))
                continue
            wanted = (
                SeriesKind.GROWTH
                if derive.kind == "cagr_of_rates" and name == "series"
                else SeriesKind.AMOUNT
            )
            if series.kind is not wanted:
                problems.append(
                    (
                        where,
                        f"{derive.kind} needs a series of kind {wanted.value}, {code} is {series.kind.value}",
                    )
                )
        if len(used) == 2 and used[0][1] == used[1][1]:
            problems.append(
                (
                    ("indicators", n, "derive", "denominator"),
                    "numerator and denominator are the same series",
                )
            )
        return problems

    def series_by_code(self, code: str) -> Series:
        """The series with *code* (KeyError if unknown)."""
        for s in self.series:
            if s.code == code:
                return s
        raise KeyError(code)

    def indicator(self, code: str) -> "Indicator":
        """The indicator with *code* (KeyError if unknown)."""
        for i in self.indicators:
            if i.code == code:
                return i
        raise KeyError(code)

    def area(self, code: str) -> Area:
        """The area with *code* (KeyError if unknown)."""
        for a in self.areas:
            if a.code == code:
                return a
        raise KeyError(code)

    def phase(self, code: str) -> "Phase":
        """The phase with *code* (KeyError if unknown)."""
        for p in self.phases:
            if p.code == code:
                return p
        raise KeyError(code)

    def task(self, code: str) -> Task:
        """The task with *code* (KeyError if unknown)."""
        for t in self.tasks:
            if t.code == code:
                return t
        raise KeyError(code)

    def department(self, code: str) -> Department:
        """The department with *code* (KeyError if unknown)."""
        for d in self.departments:
            if d.code == code:
                return d
        raise KeyError(code)


def is_code(text: str) -> bool:
    """Whether *text* has the shape of an indicator code."""
    return re.fullmatch(CODE_PATTERN, text) is not None
