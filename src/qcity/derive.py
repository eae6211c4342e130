"""Derived indicators: the figures each kind needs gathered, its formula (qcity.arithmetic) applied,
and derived figures checked against reported ones; pure (nothing from a catalogue or workbook is
evaluated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from qcity.arithmetic import (
    cagr,
    cagr_of_rates,
    growth_product,
    intensity,
    ratio,
    reduction_of,
    share,
)
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
from qcity.reconcile import reconcile
from qcity.render.i18n import join, pair
from qcity.results import Derivation, Figure, MissingFigure, ReportYear
from qcity.series import (
    SeriesData,
    SeriesTable,
    read_series,
    resolve_report_year,
)
from qcity.validate import Outcome, Validated
from qcity.values import format_decimal, quantize, written_decimals
from qcity.workbook import Submission

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
        derivation, more = reconcile(indicator, derivation, outcome, catalogue)
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
