"""How figures, targets, gaps and statuses are written for people, in Chinese or English."""

from __future__ import annotations

from decimal import Decimal

from qcity.errors import Lang
from qcity.model import (
    CagrDerive,
    CagrOfRatesDerive,
    Catalogue,
    ChangeDerive,
    Indicator,
    IntensityReductionDerive,
    Measure,
    Op,
    RatioDerive,
    Series,
    ShareDerive,
    Target,
    Unit,
)
from qcity.render.i18n import LIST_SEPARATOR, WORDS, say, words
from qcity.results import Derivation, IndicatorResult, ReportYear, Scalar, Status, TaskStatus
from qcity.values import format_decimal, quantize

# The wording of these tables is in render/i18n/labels.py; they are kept here by name for the views.
STATUS_LABEL: dict[Status, dict[Lang, str]] = {s: words(f"status-{s.value}") for s in Status}
STATUS_MARK: dict[Status, str] = {
    Status.MET: "✔",
    Status.UNMET: "✘",
    Status.MISSING: "○",
    Status.INVALID: "!",
}
TASK_STATUS_LABEL: dict[TaskStatus, dict[Lang, str]] = {
    s: words(f"task-{s.value}") for s in TaskStatus
}
TASK_STATUS_MARK: dict[TaskStatus, str] = {
    TaskStatus.DONE: "✔",
    TaskStatus.IN_PROGRESS: "◐",
    TaskStatus.NOT_STARTED: "○",
    TaskStatus.UNREPORTED: "—",
}
UNIT_LABEL: dict[Unit, dict[Lang, str]] = {u: words(f"unit-{u.value}") for u in Unit}
# The suffix a figure of these units is written with, in zh and en.
UNIT_SUFFIX: dict[Unit, dict[Lang, str]] = {
    u: words(f"suffix-{u.value}") for u in (Unit.COUNT, Unit.SCORE, Unit.DAYS, Unit.MULTIPLE)
}
LABELS: dict[str, dict[Lang, str]] = {
    key.removeprefix("label-"): text for key, text in WORDS.items() if key.startswith("label-")
}
SEVERITY_LABEL: dict[str, dict[Lang, str]] = {
    s: words(f"severity-{s}") for s in ("error", "warning", "info")
}


def label(key: str, lang: Lang) -> str:
    """A fixed label in *lang*."""
    return LABELS[key][lang]


# GB/T 15834: in Chinese the colon and brackets are full-width and take no spaces around them.
COLON: dict[Lang, str] = words("colon")


def bracketed(text: str, inner: str, lang: Lang) -> str:
    """`text（inner）` in Chinese, `text (inner)` in English."""
    return say("bracketed", lang, text=text, inner=inner)


def yes_no(value: bool, lang: Lang) -> str:
    """是/否 or yes/no."""
    return say("yes" if value else "no", lang)


def number(value: Decimal, unit: Unit, lang: Lang, decimals: int | None = None) -> str:
    """A figure in its unit: 95.3%, 2.47∶1, 3 (个)."""
    shown = format_decimal(quantize(value, decimals) if decimals is not None else value)
    if unit is Unit.PERCENT:
        return f"{shown}%"
    if unit is Unit.RATIO:
        return f"{shown}∶1"
    if unit in UNIT_SUFFIX:
        return shown + UNIT_SUFFIX[unit][lang]
    return shown


def labelled(figure: str, indicator: Indicator, lang: Lang) -> str:
    """A figure with the indicator's own unit label (万元/人, 微克/立方米) where it has one."""
    if indicator.unit_label is None:
        return figure
    return say("with-unit-label", lang, figure=figure, label=indicator.unit_label.get(lang))


def shown_figure(value: Decimal, indicator: Indicator) -> Decimal:
    """A figure as shown: at the judged decimals, except where that would print the bound of a
    target met only exactly (100%) for a figure that is not it: then as many digits as it takes
    (99.9975, not 100)."""
    decimals = indicator.decimals
    rounded = quantize(value, decimals)
    if not indicator.exact or rounded == value:
        return rounded
    for places in range(decimals + 1, 7):
        if quantize(value, places) == value:
            return quantize(value, places)
    bound = indicator.target.number
    places = decimals
    while places < 27 and quantize(value, places) == bound:
        places += 1
    return quantize(value, max(places, 6))


def scalar(value: Scalar, indicator: Indicator, lang: Lang) -> str:
    """A reported value for display, rounded to at most the judged decimals (more only where a
    target met exactly would otherwise seem met)."""
    if isinstance(value, bool):
        return yes_no(value, lang)
    # the unit label (万元/人) is in the target beside it; the figure stays short
    return number(shown_figure(value, indicator), indicator.unit, lang)


def reported(result: IndicatorResult, lang: Lang) -> str:
    """The reported figure, and beside it the figure judged when that is another one: 94% given
    with 1127/1200 is judged as 93.92%, and the value column says so."""
    obs = result.observation
    if obs is None:
        return "—"
    shown = scalar(obs.value, result.indicator, lang)
    if obs.computed:
        return f"{shown}*"
    if obs.fraction is not None and isinstance(obs.value, Decimal):
        judged = scalar(obs.fraction, result.indicator, lang)
        if judged != shown:
            return say("judged-as", lang, shown=shown, judged=judged)
    return shown


def target(indicator: Indicator, lang: Lang) -> str:
    """The target as a person reads it: ≥ 94%, ≤ 2.6∶1, ≈ 53% (±1), = 100%, 是."""
    t = indicator.target
    if t.op is Op.IS:
        assert isinstance(t.value, bool)
        return yes_no(t.value, lang)
    figure = labelled(number(t.number, indicator.unit, lang), indicator, lang)
    if (
        indicator.targets
        or t.op in (Op.GREATER, Op.LESS)
        or t.measure is not Measure.LEVEL
        or t.base_year is not None
    ):
        return measured_target(indicator, figure, lang)
    if t.op is Op.AT_MOST:
        return f"≤ {figure}"
    if t.op is Op.ABOUT:
        # What is judged is the lower bound; "about" and the tolerance say where it comes from.
        assert t.tolerance is not None
        bound = number(t.threshold, indicator.unit, lang)
        tolerance = format_decimal(t.tolerance)
        return say("about-target", lang, bound=bound, figure=figure, tolerance=tolerance)
    if indicator.range.max is not None and t.number == indicator.range.max:
        return f"= {figure}"
    return f"≥ {figure}"


def every_target(indicator: Indicator, lang: Lang) -> str:
    """The target, or each horizon's on its own line: `≥ 94.5%（到2025年）` / `≥ 95%（到2027年）`."""
    if len(indicator.targets) < 2:
        return target(indicator, lang)
    lines = []
    for h in indicator.targets:
        chosen = Target(**{k: v for k, v in h if k != "year"})
        lines.append(target(indicator.model_copy(update={"target": chosen}), lang))
    return "\n".join(lines)


def horizons_ahead(results: list[IndicatorResult], lang: Lang) -> list[str]:
    """`目标尚未到期（到2027年）：PRD-04、ENV-05`: the indicators judged against a horizon the
    report year has not reached, by horizon year."""
    ahead: dict[int, list[str]] = {}
    for r in results:
        if r.horizon_ahead and r.horizon is not None:
            ahead.setdefault(r.horizon, []).append(r.indicator.code)
    return [
        say("horizon-ahead", lang, year=y, codes=LIST_SEPARATOR[lang].join(c))
        for y, c in ahead.items()
    ]


SIGN = {Op.AT_LEAST: "≥", Op.AT_MOST: "≤", Op.GREATER: ">", Op.LESS: "<", Op.ABOUT: "≈"}
MEASURE_TEXT: dict[Measure, dict[Lang, str]] = {
    m: words(f"measure-{m.value}") for m in (Measure.CHANGE, Measure.PER_YEAR, Measure.CUMULATIVE)
}


def measured_target(indicator: Indicator, figure: str, lang: Lang) -> str:
    """A target with what it measures and its horizon: `当年新增 ≥ 5家（到2025年）`,
    `> 82分`, `change since 2022 ≥ 1% (by 2027)`."""
    t = indicator.target
    if t.measure is Measure.CHANGE and indicator.unit is Unit.PERCENT:
        points = format_decimal(t.number)
        figure = say("points-change", lang, points=points)
    text = f"{SIGN[t.op]} {figure}"
    if t.op is Op.ABOUT:
        assert t.tolerance is not None
        text += say("plus-minus", lang, tolerance=format_decimal(t.tolerance))
    if t.measure is not Measure.LEVEL:
        text = MEASURE_TEXT[t.measure][lang].format(base=t.base_year) + " " + text
    elif indicator.unit is Unit.MULTIPLE and t.base_year is not None:
        text += say("base-year-is-one", lang, year=t.base_year)
    horizon = next(
        (h.year for h in indicator.targets if Target(**{k: v for k, v in h if k != "year"}) == t),
        None,
    )
    if horizon is not None:
        text += say("by-year", lang, year=horizon)
    return text


def signed(value: Decimal) -> str:
    """+1.5, −0.1 (a true minus sign), 0."""
    text = format_decimal(abs(value))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return text


def gap(result: IndicatorResult, lang: Lang, short: bool = False) -> str:
    """The signed gap in the indicator's own terms, or an empty string where there is none."""
    if result.gap is None:
        return ""
    indicator = result.indicator
    g = result.gap
    if indicator.unit is Unit.PERCENT:
        return say("gap-points-short" if short else "gap-points", lang, gap=signed(g))
    if indicator.unit is Unit.RATIO:
        ceiling = format_decimal(indicator.target.number)
        if indicator.target.op is Op.AT_MOST:
            key = "gap-over-ceiling" if g > 0 else "gap-under-ceiling" if g else "gap-at-ceiling"
            return say(
                key + ("-short" if short else ""),
                lang,
                signed=signed(g),
                size=format_decimal(abs(g)),
                ceiling=ceiling,
            )
        return signed(g)
    if indicator.unit is Unit.COUNT:
        return say("gap-count", lang, gap=signed(g))
    if indicator.unit in UNIT_SUFFIX:
        return signed(g) + UNIT_SUFFIX[indicator.unit][lang]
    return signed(g)


# --- derivations --------------------------------------------------------------------------------

REPORT_YEAR_SOURCE: dict[str, dict[Lang, str]] = {
    s: words(f"year-from-{s}") for s in ("option", "cell", "property", "latest")
}


def report_year(year: ReportYear, lang: Lang) -> str:
    """`2015（报告期 序列!B1）`: the report year and where it came from."""
    where = ""
    if year.location is not None and year.location.cell:
        where = f"{year.location.sheet}!{year.location.cell}"
    source = REPORT_YEAR_SOURCE[year.source][lang].format(where=where)
    return bracketed(str(year.year), source, lang)


def formula(indicator: Indicator, derivation: Derivation) -> str:
    """The formula of a derivation written with its series codes and years."""
    derive = indicator.derive
    t, base = derivation.year, derivation.base_year
    if isinstance(derive, ShareDerive):
        return f"{derive.numerator} / {derive.denominator} × 100"
    if isinstance(derive, RatioDerive):
        return f"{derive.numerator} / {derive.denominator}"
    if isinstance(derive, IntensityReductionDerive):
        a, b = derive.numerator, derive.denominator
        return f"(1 − ({a}_{t} / {b}_{t}) / ({a}_{base} / {b}_{base})) × 100"
    if isinstance(derive, CagrDerive):
        assert base is not None
        return f"(({derive.series}_{t} / {derive.series}_{base})^(1/{t - base}) − 1) × 100"
    if isinstance(derive, ChangeDerive):
        return f"{derive.series}_{t} − {derive.series}_{base if base is not None else t - 1}"
    if isinstance(derive, CagrOfRatesDerive):
        assert base is not None
        return f"((Π (1 + {derive.series}_y / 100), y = {base + 1}…{t})^(1/{t - base}) − 1) × 100"
    return "numerator / denominator × 100"


def bare(value: Decimal, unit: Unit, decimals: int, indicator: Indicator | None = None) -> str:
    """A judged figure as the explanation writes it: 10.94%, 2.47 (a ratio without ∶1)."""
    shown = format_decimal(
        shown_figure(value, indicator) if indicator is not None else quantize(value, decimals)
    )
    return f"{shown}%" if unit is Unit.PERCENT else shown


def relation(indicator: Indicator, judged: Decimal, status: Status) -> str:
    """`≤ 2.6`, `< 11%`, `≥ 52% (53% ±1)`: how a judged figure stands against the target."""
    t = indicator.target
    threshold = bare(t.threshold, indicator.unit, indicator.decimals)
    met = status is Status.MET
    if indicator.exact and t.op is Op.AT_LEAST:
        return f"{'=' if met else '<'} {threshold}"
    if t.op is Op.AT_MOST:
        text = f"{'≤' if met else '>'} {threshold}"
    elif t.op is Op.GREATER:
        text = f"{'>' if met else '≤'} {threshold}"
    elif t.op is Op.LESS:
        text = f"{'<' if met else '≥'} {threshold}"
    else:
        text = f"{'≥' if met else '<'} {threshold}"
    if t.op is Op.ABOUT:
        assert t.tolerance is not None
        target = bare(t.number, indicator.unit, indicator.decimals)
        text += f" ({target} ±{format_decimal(t.tolerance)})"
    return text


def basis_name(series: Series, code: str | None, lang: Lang) -> str:
    """The basis a series row is on, with its note: 农民人均纯收入(2013 年…改革前的口径)."""
    basis = next((b for b in series.bases if b.code == code), None)
    if basis is None:
        return say("basis-unstated", lang)
    if basis.note is None:
        return basis.name.get(lang)
    return bracketed(basis.name.get(lang), basis.note.get(lang), lang)


def basis_lines(catalogue: Catalogue, derivation: Derivation, lang: Lang) -> list[str]:
    """For each series with bases that a derivation read: which basis it was on."""
    lines: list[str] = []
    for code in dict.fromkeys(f.series for f in derivation.inputs):
        series = catalogue.series_by_code(code)
        if not series.bases:
            continue
        figure = next(f for f in derivation.inputs if f.series == code)
        shown = basis_name(series, figure.basis, lang)
        lines.append(
            say(
                "basis-used",
                lang,
                indicator=derivation.indicator,
                series=series.name.get(lang),
                basis=shown,
            )
        )
    return lines


def lead_name(catalogue: Catalogue, code: str | None, lang: Lang) -> str:
    """A lead department as a reader of *lang* knows it: its code in zh (市质监局), its English
    name in en (from the catalogue's departments); the code where the catalogue has no name;
    "—" for none."""
    if code is None:
        return "—"
    if lang == "zh":
        return code
    try:
        return catalogue.department(code).name.en or code
    except KeyError:
        return code
