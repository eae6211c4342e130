"""Derived indicators: each kind's formula written out in Decimal arithmetic, and the check of
derived against reported figures; pure (nothing from a catalogue or workbook is evaluated)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

from qcity.errors import Issue, Lang, ParamValue
from qcity.model import (
    CagrDerive,
    CagrOfRatesDerive,
    Catalogue,
    ChangeDerive,
    Derive,
    Indicator,
    IntensityReductionDerive,
    RatioDerive,
    ShareDerive,
    derive_series,
)
from qcity.render.i18n import join, listing, pair
from qcity.results import Derivation, Figure, MissingFigure, Observation, ReportYear
from qcity.series import (
    SeriesData,
    SeriesTable,
    known_bases,
    read_series,
    resolve_report_year,
)
from qcity.validate import Outcome, Validated
from qcity.values import agreement_places, agrees, format_decimal, quantize, written_decimals
from qcity.workbook import Submission

HUNDRED = Decimal(100)
ONE = Decimal(1)
# Statistical offices compute from unrounded data: every step is exact (a Fraction) and only a
# root, which has no exact decimal, is taken at this many digits; the figure is then rounded
# once, half up, at the indicator's decimals. A value that is not a terminating decimal is never
# a tie, and 60 digits are far more than a tie could hide behind.
PRECISION = 60
_CONTEXT = Context(prec=PRECISION, rounding=ROUND_HALF_EVEN)


def exact(value: Fraction) -> Decimal:
    """A Fraction as a Decimal: exact when it terminates, else to 60 significant digits."""
    num, den = value.numerator, value.denominator
    rest = den
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    if rest == 1:
        # A terminating decimal: scale to an integer numerator, no rounding at all.
        places = 0
        while (num * 10**places) % den:
            places += 1
        return Decimal(num * 10**places // den).scaleb(-places)
    return _CONTEXT.divide(Decimal(num), Decimal(den))


def _f(value: Decimal) -> Fraction:
    return Fraction(value)


def share(a: Decimal, b: Decimal) -> Decimal:
    """A / B × 100, exact."""
    return exact(_f(a) / _f(b) * 100)


def ratio(a: Decimal, b: Decimal) -> Decimal:
    """A / B, exact."""
    return exact(_f(a) / _f(b))


def intensity(a: Decimal, b: Decimal) -> Decimal:
    """A / B (e.g. tonnes of coal equivalent per 10 000 yuan), unrounded."""
    return exact(_f(a) / _f(b))


def reduction_of(a_t: Decimal, b_t: Decimal, a_0: Decimal, b_0: Decimal) -> Decimal:
    """(1 − (A_t / B_t) / (A_0 / B_0)) × 100, exact: how far the intensity fell, in %."""
    return exact((1 - (_f(a_t) / _f(b_t)) / (_f(a_0) / _f(b_0))) * 100)


def reduction(intensity_t: Decimal, intensity_base: Decimal) -> Decimal:
    """(1 − I_t / I_base) × 100: how far the intensity fell since the base year, in %."""
    return exact((1 - _f(intensity_t) / _f(intensity_base)) * 100)


def _root(multiple: Fraction, years: int) -> Decimal:
    """(multiple)^(1 / years) − 1, × 100, at 60 digits (the one step that cannot be exact)."""
    base = _CONTEXT.divide(Decimal(multiple.numerator), Decimal(multiple.denominator))
    root = _CONTEXT.power(base, _CONTEXT.divide(ONE, Decimal(years)))
    return _CONTEXT.multiply(_CONTEXT.subtract(root, ONE), HUNDRED)


def cagr(value_t: Decimal, value_base: Decimal, years: int) -> Decimal:
    """((V_t / V_base)^(1 / years) − 1) × 100."""
    return _root(_f(value_t) / _f(value_base), years)


def growth_product(rates: list[Decimal]) -> Decimal:
    """Π (1 + r / 100): the growth multiple of the yearly rates, chained, exact."""
    return exact(_product(rates))


def _product(rates: list[Decimal]) -> Fraction:
    return math.prod((1 + _f(r) / 100 for r in rates), start=Fraction(1))


def cagr_of_rates(rates: list[Decimal]) -> Decimal:
    """((Π (1 + r / 100))^(1 / n) − 1) × 100: the compound average of n yearly growth rates."""
    return _root(_product(rates), len(rates))


# --- gathering the figures a derivation needs -------------------------------------------------


@dataclass
class _Gather:
    """The figures read for one derivation, and what was missing or unreadable."""

    table: SeriesTable
    submission: Submission
    inputs: list[Figure] = field(default_factory=list)
    missing: list[MissingFigure] = field(default_factory=list)
    unreadable: list[MissingFigure] = field(default_factory=list)

    def row_for(
        self, code: str, years: list[int], data: SeriesData | None = None
    ) -> dict[int, Figure | None]:
        """The figures of *code* for *years* (None where they cannot be had), from *data* (a
        row already chosen) or the preferred row holding them."""
        if data is None:
            data = self.table.pick(code, years)
        got: dict[int, Figure | None] = {}
        for year in years:
            figure = data.figures.get(year) if data is not None else None
            got[year] = figure
            row = data.row if data is not None else None
            where = self.submission.series_location(row, year)
            if figure is not None:
                self.inputs.append(figure)
            elif data is not None and year in data.unreadable:
                self.unreadable.append(MissingFigure(code, year, where))  # its issue says why
            else:
                self.missing.append(MissingFigure(code, year, where))
        return got

    @property
    def complete(self) -> bool:
        return not self.missing and not self.unreadable


_Result = tuple[Decimal | None, tuple[tuple[str, Decimal], ...], list[Issue]]


@dataclass
class _Context:
    indicator: Indicator
    year: int
    gather: _Gather
    fallback: dict[Lang, str]

    def zero(self, figure: Figure, what: dict[Lang, str] | None = None) -> Issue:
        """The issue for a divisor that is zero, located at the figure that makes it so."""
        if what is None:
            what = pair("series-year", series=figure.series, year=figure.year)
        return Issue(
            "zero-divisor",
            figure.location,
            {"what": what, "indicator": self.indicator.code, "fallback": self.fallback},
            indicator=self.indicator.code,
        )


def _same_basis(
    ctx: _Context, a_code: str, b_code: str
) -> tuple[SeriesData | None, SeriesData | None, Issue | None]:
    """The rows of two series to divide: on one basis (口径) when both series have bases.

    Both stated and matching: the pair of the preferred basis; stated but no pair matches: an
    issue (nothing is divided). A row without a stated basis cannot be matched and is used as
    before (`basis-unstated` says so).
    """
    table, year = ctx.gather.table, ctx.year
    rows_a = [d for d in table.rows.get(a_code, []) if year in d.figures]
    rows_b = [d for d in table.rows.get(b_code, []) if year in d.figures]
    if not rows_a or not rows_b:
        return None, None, None
    if not rows_a[0].series.bases or not rows_b[0].series.bases:
        return None, None, None
    if any(d.basis is None for d in (*rows_a, *rows_b)):
        return None, None, None
    for da in rows_a:
        for db in rows_b:
            assert da.basis is not None and db.basis is not None
            if da.basis.family == db.basis.family:
                return da, db, None
    found = join(
        (
            pair("series-basis", series=d.series.code, name=d.basis.name.zh, code=d.basis.code)
            for d in (*rows_a, *rows_b)
            if d.basis
        ),
        "sep-clause",
    )
    first = rows_b[0].figures[year]
    issue = Issue(
        "basis-mismatch",
        first.location,
        {
            "indicator": ctx.indicator.code,
            "numerator": a_code,
            "denominator": b_code,
            "found": found,
        },
        indicator=ctx.indicator.code,
    )
    return None, None, issue


def _fraction(
    ctx: _Context, derive: ShareDerive | RatioDerive, formula: Callable[[Decimal, Decimal], Decimal]
) -> _Result:
    row_a, row_b, mismatch = _same_basis(ctx, derive.numerator, derive.denominator)
    if mismatch is not None:
        return None, (), [mismatch]
    a = ctx.gather.row_for(derive.numerator, [ctx.year], row_a)[ctx.year]
    b = ctx.gather.row_for(derive.denominator, [ctx.year], row_b)[ctx.year]
    if a is None or b is None:
        return None, (), []
    if b.value == 0:
        return None, (), [ctx.zero(b)]
    return formula(a.value, b.value), (), []


def _intensity_reduction(ctx: _Context, derive: IntensityReductionDerive) -> _Result:
    years = [derive.base_year, ctx.year]
    a = ctx.gather.row_for(derive.numerator, years)
    b = ctx.gather.row_for(derive.denominator, years)
    a_t, a_0, b_t, b_0 = a[ctx.year], a[derive.base_year], b[ctx.year], b[derive.base_year]
    if a_t is None or a_0 is None or b_t is None or b_0 is None:
        return None, (), []
    for divisor in (b_t, b_0):
        if divisor.value == 0:
            return None, (), [ctx.zero(divisor)]
    i_t, i_0 = intensity(a_t.value, b_t.value), intensity(a_0.value, b_0.value)
    if a_0.value == 0:
        what = pair(
            "base-year-intensity", year=derive.base_year, numerator=a_0.raw, denominator=b_0.raw
        )
        return None, (), [ctx.zero(a_0, what)]
    steps = (("intensity_t", i_t), ("intensity_base", i_0))
    return reduction_of(a_t.value, b_t.value, a_0.value, b_0.value), steps, []


def _cagr(ctx: _Context, derive: CagrDerive) -> _Result:
    got = ctx.gather.row_for(derive.series, [derive.base_year, ctx.year])
    v_0, v_t = got[derive.base_year], got[ctx.year]
    if v_0 is None or v_t is None:
        return None, (), []
    if v_0.value == 0:
        return None, (), [ctx.zero(v_0)]
    steps = (("multiple", ratio(v_t.value, v_0.value)),)
    return cagr(v_t.value, v_0.value, ctx.year - derive.base_year), steps, []


def _holds(table: SeriesTable, code: str, years: list[int]) -> bool:
    data = table.pick(code, years)
    return data is not None and all(y in data.figures for y in years)


def _unreadable(table: SeriesTable, code: str, years: list[int]) -> bool:
    """Whether a cell the derivation needs holds something that is not a figure (its own issue
    says why; falling back to another series would hide it)."""
    data = table.pick(code, years)
    return data is not None and any(y in data.unreadable for y in years)


def _cagr_of_rates(ctx: _Context, derive: CagrOfRatesDerive) -> _Result:
    years = list(range(derive.base_year + 1, ctx.year + 1))
    table = ctx.gather.table
    ends = [derive.base_year, ctx.year]
    levels = derive.levels
    if (
        levels is not None
        and not _holds(table, derive.series, years)
        and not _unreadable(table, derive.series, years)
        and _holds(table, levels, ends)
    ):
        # No yearly rates, but the constant-price levels of both ends: their compound growth.
        got_levels = ctx.gather.row_for(levels, ends)
        v_0, v_t = got_levels[derive.base_year], got_levels[ctx.year]
        assert v_0 is not None and v_t is not None
        if v_0.value == 0:
            return None, (), [ctx.zero(v_0)]
        only: tuple[tuple[str, Decimal], ...] = (("levels_multiple", ratio(v_t.value, v_0.value)),)
        return cagr(v_t.value, v_0.value, ctx.year - derive.base_year), only, []
    got = ctx.gather.row_for(derive.series, years)
    rates = [f.value for f in got.values() if f is not None]
    if len(rates) != len(years):
        return None, (), []
    value = cagr_of_rates(rates)
    steps: tuple[tuple[str, Decimal], ...] = (("product", growth_product(rates)),)
    if levels is None or not _holds(table, levels, ends):
        return value, steps, []
    # Both: they must agree within the precision the yearly rates were published at (each
    # rounded to 0.1 makes their average uncertain by half of that).
    got_levels = ctx.gather.row_for(levels, ends)
    v_0, v_t = got_levels[derive.base_year], got_levels[ctx.year]
    assert v_0 is not None and v_t is not None
    if v_0.value == 0:
        return None, (), [ctx.zero(v_0)]
    from_levels = cagr(v_t.value, v_0.value, ctx.year - derive.base_year)
    places = max((written_decimals(r) for r in rates), default=0)
    steps = (
        *steps,
        ("levels_multiple", ratio(v_t.value, v_0.value)),
        ("levels_cagr", from_levels),
    )
    if abs(value - from_levels) <= Decimal(5).scaleb(-places - 1):
        return value, steps, []
    shown = format_decimal(quantize(from_levels, max(places, 2)))
    issue = Issue(
        "inconsistent-value",
        v_t.location,
        {
            "reported": format_decimal(quantize(value, max(places, 2))),
            "reported_at": pair(
                "reported-at-series", series=derive.series, first=years[0], last=years[-1]
            ),
            "computed": shown,
            "computed_from": pair(
                "computed-from-levels",
                levels=levels,
                base=derive.base_year,
                year=ctx.year,
                first=f"{v_0.location.sheet}!{v_0.location.cell}",
                last=f"{v_t.location.sheet}!{v_t.location.cell}",
            ),
        },
        indicator=ctx.indicator.code,
    )
    return None, steps, [issue]


def _compute(ctx: _Context, derive: Derive) -> _Result:
    if isinstance(derive, ShareDerive):
        return _fraction(ctx, derive, share)
    if isinstance(derive, RatioDerive):
        return _fraction(ctx, derive, ratio)
    if isinstance(derive, IntensityReductionDerive):
        return _intensity_reduction(ctx, derive)
    if isinstance(derive, CagrDerive):
        return _cagr(ctx, derive)
    if isinstance(derive, ChangeDerive):
        return _change(ctx, derive)
    assert isinstance(derive, CagrOfRatesDerive)
    return _cagr_of_rates(ctx, derive)


def _change(ctx: _Context, derive: ChangeDerive) -> _Result:
    since = derive.base_year if derive.base_year is not None else ctx.year - 1
    got = ctx.gather.row_for(derive.series, [since, ctx.year])
    v_0, v_t = got[since], got[ctx.year]
    if v_0 is None or v_t is None:
        return None, (), []
    return v_t.value - v_0.value, (("previous", v_0.value),), []


# --- every indicator ------------------------------------------------------------------------------


@dataclass
class Derived:
    """What the series sheet gave: the report year, a derivation per indicator, the issues."""

    series_sheet: str | None = None
    report_year: ReportYear | None = None
    derivations: dict[str, Derivation] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def derive_all(
    submission: Submission, catalogue: Catalogue, validated: Validated, year: int | None = None
) -> Derived:
    """Derive every indicator the series sheet allows and check it against the reported figure.

    Updates *validated*: a derived figure stands in for a missing reported one, and a reported
    figure that disagrees with its derivation becomes invalid.
    """
    table = read_series(submission, catalogue)
    if table is None or (table.latest_year() is None and not table.issues):
        # no sheet, or the template's series sheet left untouched: figures reported directly
        return Derived()
    report_year, year_issues = resolve_report_year(year, submission, table)
    derived = Derived(table.sheet, report_year, {}, [*table.issues, *year_issues])
    for indicator in catalogue.indicators:
        derive = indicator.derive
        if derive is None or derive.kind == "rate":
            continue
        if table.named.isdisjoint(code for _, code in derive_series(derive)):
            continue  # the sheet does not carry this indicator's figures at all
        outcome = validated.outcomes[indicator.code]
        derivation, issues = derive_one(indicator, derive, table, submission, report_year, outcome)
        if outcome.observation is None and any(i.level.value == "error" for i in issues):
            # A zero divisor, bases that cannot be matched, two derivations that disagree:
            # with nothing reported the figure is wrong (数据有误), not missing.
            outcome.invalid = True
        elif any(i.code in _ALWAYS_INVALID for i in issues):
            outcome.invalid = True
        derivation, more = _reconcile(indicator, derivation, outcome, catalogue)
        derived.derivations[indicator.code] = derivation
        derived.issues += [*issues, *more]
    return derived


# Derivation problems that leave nothing to judge even beside a reported figure: the figures
# themselves contradict each other.
_ALWAYS_INVALID = frozenset({"basis-mismatch", "inconsistent-value"})


def _fallback(outcome: Outcome) -> dict[Lang, str]:
    obs = outcome.observation
    if outcome.invalid:
        return pair("fallback-invalid")
    if obs is None:
        return pair("fallback-nothing")
    return pair("fallback-reported", raw=obs.raw, where=f"{obs.location.sheet}!{obs.location.cell}")


def derive_one(
    indicator: Indicator,
    derive: Derive,
    table: SeriesTable,
    submission: Submission,
    report_year: ReportYear,
    outcome: Outcome,
) -> tuple[Derivation, list[Issue]]:
    """The derivation of one indicator for the report year, and the issues that prevent it."""
    year = report_year.year
    base = getattr(derive, "base_year", None)
    empty = Derivation(indicator.code, derive.kind, year, base, ())
    fallback = _fallback(outcome)
    sheet_at = submission.series_location()
    if base is not None and year <= base:
        where = report_year.location or sheet_at
        params: dict[str, ParamValue] = {
            "indicator": indicator.code,
            "base": base,
            "year": year,
            "fallback": fallback,
        }
        return empty, [Issue("report-year-not-after-base", where, params, indicator=indicator.code)]
    if base is not None and derive.kind != "cagr_of_rates" and base not in table.years:
        params = {"indicator": indicator.code, "base": base, "fallback": fallback}
        return empty, [Issue("base-year-absent", sheet_at, params, indicator=indicator.code)]
    gather = _Gather(table, submission)
    ctx = _Context(indicator, year, gather, fallback)
    value, steps, issues = _compute(ctx, derive)
    if gather.missing:
        issues.append(
            Issue(
                "series-figure-missing",
                next((m.location for m in gather.missing if m.location.cell), sheet_at),
                {
                    "indicator": indicator.code,
                    "missing": _describe_missing(gather.missing, table.years),
                    "fallback": fallback,
                },
                indicator=indicator.code,
            )
        )
    derivation = Derivation(
        indicator=indicator.code,
        kind=derive.kind,
        year=year,
        base_year=base,
        inputs=tuple(gather.inputs),
        missing=tuple(gather.missing),
        unreadable=tuple(gather.unreadable),
        steps=steps,
        value=value if gather.complete else None,
    )
    return derivation, issues


def _describe_missing(missing: list[MissingFigure], years: list[int]) -> dict[Lang, str]:
    by_series: dict[str, list[MissingFigure]] = {}
    for m in missing:
        by_series.setdefault(m.series, []).append(m)
    described: list[dict[Lang, str]] = []
    for code, items in by_series.items():
        if all(m.location.cell is None and m.year in years for m in items):
            described.append(pair("missing-series", code=code))
            continue
        parts = [
            pair("missing-year-at", year=m.year, where=f"{m.location.sheet}!{m.location.cell}")
            if m.location.cell
            else pair(
                "missing-year-no-column" if m.year not in years else "missing-year-no-row",
                year=m.year,
            )
            for m in items
        ]
        described.append(pair("series-missing-years", code=code, years=join(parts)))
    return join(described, "sep-clause")


def _reconcile(
    indicator: Indicator, derivation: Derivation, outcome: Outcome, catalogue: Catalogue
) -> tuple[Derivation, list[Issue]]:
    """Check a derived value against the reported one, or let it stand in for a missing one."""
    value = derivation.value
    if value is None:
        return derivation, []
    issues: list[Issue] = _basis_issues(indicator, derivation, catalogue)
    first = derivation.inputs[0].location
    if not indicator.range.contains(value):
        lo = "−∞" if indicator.range.min is None else format_decimal(indicator.range.min)
        hi = "+∞" if indicator.range.max is None else format_decimal(indicator.range.max)
        shown = format_decimal(quantize(value, indicator.decimals))
        issues.append(
            Issue(
                "out-of-range",
                first,
                {"value": shown, "range": f"[{lo}, {hi}]"},
                indicator=indicator.code,
            )
        )
        outcome.invalid = True
        return derivation, issues
    reported = outcome.observation
    if outcome.invalid:
        return derivation, issues
    if reported is None:
        outcome.observation = Observation(
            value=value,
            location=first,
            raw=format_decimal(quantize(value, indicator.decimals)),
            notation="derived",
        )
        return derivation, issues
    assert isinstance(reported.value, Decimal)
    consistent = agrees(reported.value, value, indicator.decimals)
    if not consistent:
        places = agreement_places(reported.value, indicator.decimals)
        issues.append(
            Issue(
                "inconsistent-value",
                reported.location,
                {
                    "reported": reported.raw,
                    "reported_at": AT_ITS_LOCATION,  # the issue's location says where
                    "computed": format_decimal(quantize(value, max(places, 2))),
                    "computed_from": describe_inputs(derivation),
                },
                indicator=indicator.code,
            )
        )
        outcome.invalid = True
    return replace(derivation, consistent=consistent), issues


# `reported_at` of an inconsistent-value whose location is the reported cell: nothing to add.
AT_ITS_LOCATION: dict[Lang, str] = pair("reported-at-its-location")


def describe_inputs(derivation: Derivation) -> dict[Lang, str]:
    """`URBAN_INCOME/RURAL_INCOME 2015 (序列!G12, 序列!G13)`: what a derivation read, and where
    (in zh with full-width brackets and 、)."""
    codes = list(dict.fromkeys(f.series for f in derivation.inputs))
    years = sorted({f.year for f in derivation.inputs})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    cells = [f"{f.location.sheet}!{f.location.cell}" for f in derivation.inputs]
    head = f"{'/'.join(codes)} {span}"
    return pair("inputs-at", head=head, cells=listing(cells))


def _basis_issues(
    indicator: Indicator, derivation: Derivation, catalogue: Catalogue
) -> list[Issue]:
    issues: list[Issue] = []
    for code in dict.fromkeys(f.series for f in derivation.inputs):
        series = catalogue.series_by_code(code)
        figures = [f for f in derivation.inputs if f.series == code]
        if series.bases and figures[0].basis is None:
            issues.append(
                Issue(
                    "basis-unstated",
                    figures[0].location,
                    {"series": code, "known": known_bases(series), "indicator": indicator.code},
                    indicator=indicator.code,
                )
            )
    return issues
