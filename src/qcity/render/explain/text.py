"""`qcity explain`: one indicator's figure and the arithmetic behind it, cell by cell."""

from __future__ import annotations

from decimal import Decimal
from typing import TextIO

from rich.text import Text

from qcity.errors import Issue, Lang, Location
from qcity.explain import Explanation
from qcity.model import (
    CagrDerive,
    CagrOfRatesDerive,
    Indicator,
    IntensityReductionDerive,
    RatioDerive,
    SeriesKind,
    ShareDerive,
    Unit,
)
from qcity.render import ReportOptions, StreamRenderer, display
from qcity.render.console import make_console, print_issues, status_text
from qcity.render.i18n import LIST_SEPARATOR, say
from qcity.results import Derivation, Evaluation, Figure, IndicatorResult, Status
from qcity.values import format_decimal, quantize


def _cell(location: Location) -> str:
    return f"{location.sheet}!{location.cell}" if location.cell else str(location.sheet)


def _figure(f: Figure, lang: Lang) -> str:
    return display.bracketed(format_decimal(f.value), _cell(f.location), lang)


def explanation(evaluation: Evaluation, result: IndicatorResult, lang: Lang) -> list[str]:
    """The lines of the explanation of *result*, without its issues."""
    ind = result.indicator
    lines = [
        f"{ind.code} {ind.name.get(lang)}",
        say(
            "explain.target",
            lang,
            target=display.target(ind, lang),
            clause=ind.source.clause,
            quote=ind.source.quote,
        ),
    ]
    head = say("explain.file", lang, file=evaluation.source)
    if evaluation.report_year is not None:
        head += say("explain.year", lang, year=display.report_year(evaluation.report_year, lang))
    lines += [head, ""]
    lines += _fraction_lines(result, lang)
    derivation = result.derivation
    if derivation is not None:
        lines += _series_lines(evaluation, result, derivation, lang)
    elif ind.derive is not None and ind.derive.kind != "rate" and evaluation.series_sheet is None:
        lines.append(say("explain.no-sheet", lang, kind=ind.derive.kind))
    lines.append(_reported_line(result, lang))
    lines.append(_verdict(result, lang))
    return lines


def _fraction_lines(result: IndicatorResult, lang: Lang) -> list[str]:
    obs = result.observation
    if obs is None or obs.fraction is None or obs.numerator is None or obs.denominator is None:
        return []
    ind = result.indicator
    percent = ind.unit is Unit.PERCENT
    times = " × 100" if percent else ""
    line = (
        f"  {ind.code} = "
        f"{display.bracketed(format_decimal(obs.numerator), _cell(obs.numerator_at or obs.location), lang)}"
        f" / {display.bracketed(format_decimal(obs.denominator), _cell(obs.denominator_at or obs.location), lang)}{times}"
        f" = {display.bare(obs.fraction, ind.unit, ind.decimals, ind)}"
    )
    if obs.computed and isinstance(result.judged, Decimal):
        line += f" {display.relation(ind, result.judged, result.status)}"
        line += f" {display.STATUS_LABEL[result.status][lang]}"
    lines = [say("explain.fraction", lang, times=times), line]
    if obs.computed:
        lines.append(_rounding(ind, obs.fraction, lang))
    return lines


def _series_lines(
    evaluation: Evaluation, result: IndicatorResult, d: Derivation, lang: Lang
) -> list[str]:
    ind = result.indicator
    catalogue = evaluation.catalogue
    lines = [say("explain.series", lang, kind=d.kind, formula=display.formula(ind, d))]
    for f in d.inputs:
        series = catalogue.series_by_code(f.series)
        unit = "%" if series.kind is SeriesKind.GROWTH else f" {series.unit.get(lang)}"
        line = (
            f"  {f.series} {series.name.get(lang)} {f.year} = {format_decimal(f.value)}{unit}"
            f"  {_cell(f.location)}"
        )
        lines.append(line)
        if series.bases:
            lines.append(
                say("explain.basis", lang, basis=display.basis_name(series, f.basis, lang))
            )
    for key, items in (("explain.missing", d.missing), ("explain.unreadable", d.unreadable)):
        if items:
            what = LIST_SEPARATOR[lang].join(
                display.bracketed(
                    f"{m.series} {m.year}",
                    _cell(m.location) if m.location.cell else say("explain.absent", lang),
                    lang,
                )
                for m in items
            )
            lines.append(say(key, lang, what=what))
    if d.value is None:
        lines.append(say("explain.cannot", lang))
        return lines
    assert result.derived_judged is not None and result.derived_status is not None
    verdict = (
        f"{display.bare(result.derived_judged, ind.unit, ind.decimals, ind)} "
        f"{display.relation(ind, result.derived_judged, result.derived_status)} "
        f"{display.STATUS_LABEL[result.derived_status][lang]}"
    )
    lines += _arithmetic(ind, d, verdict, lang)
    lines.append(_rounding(ind, d.value, lang))
    return lines


def _long(value: Decimal) -> str:
    """An unrounded figure: exact when short, else its first 12 decimals and an ellipsis."""
    text = format_decimal(value)
    if "." in text and len(text.split(".")[1]) > 12:
        return format_decimal(quantize(value, 12).copy_abs().copy_sign(value)) + "…"
    return text


def _rounding(ind: Indicator, value: Decimal, lang: Lang) -> str:
    """The one rounding step, from the unrounded figure to the one judged."""
    if ind.exact:
        return say("explain.unrounded", lang, exact=_long(value))
    judged = format(quantize(value, ind.decimals), "f")
    return say("explain.rounded", lang, exact=_long(value), decimals=ind.decimals, judged=judged)


def _by(d: Derivation, series: str, year: int) -> Figure:
    return next(f for f in d.inputs if f.series == series and f.year == year)


def _arithmetic(ind: Indicator, d: Derivation, verdict: str, lang: Lang) -> list[str]:
    derive = ind.derive
    code, t, base = ind.code, d.year, d.base_year
    if isinstance(derive, (ShareDerive, RatioDerive)):
        a, b = _by(d, derive.numerator, t), _by(d, derive.denominator, t)
        times = " × 100" if isinstance(derive, ShareDerive) else ""
        return [f"  {code} = {_figure(a, lang)} / {_figure(b, lang)}{times} = {verdict}"]
    assert base is not None
    if isinstance(derive, IntensityReductionDerive):
        num, den = derive.numerator, derive.denominator
        i_t, i_0 = d.step("intensity_t"), d.step("intensity_base")
        return [
            say("explain.intensity", lang, a=num, b=den),
            f"  I_{t} = {_figure(_by(d, num, t), lang)} / {_figure(_by(d, den, t), lang)}"
            f" = {_long(i_t)}",
            f"  I_{base} = {_figure(_by(d, num, base), lang)} / {_figure(_by(d, den, base), lang)}"
            f" = {_long(i_0)}",
            f"  {code} = (1 − I_{t} / I_{base}) × 100 = {verdict}",
        ]
    n = t - base
    if isinstance(derive, CagrDerive):
        multiple = _long(d.step("multiple"))
        latest, first = _by(d, derive.series, t), _by(d, derive.series, base)
        return [
            f"  {code} = (({_figure(latest, lang)} / {_figure(first, lang)})^(1/{n}) − 1) × 100",
            f"         = ({multiple}^(1/{n}) − 1) × 100 = {verdict}",
        ]
    steps = dict(d.steps)
    if "product" not in steps and isinstance(derive, CagrOfRatesDerive) and derive.levels:
        latest, first = _by(d, derive.levels, t), _by(d, derive.levels, base)
        multiple = _long(d.step("levels_multiple"))
        return [
            say("explain.levels", lang, series=derive.levels),
            f"  {code} = (({_figure(latest, lang)} / {_figure(first, lang)})^(1/{n}) − 1) × 100",
            f"         = ({multiple}^(1/{n}) − 1) × 100 = {verdict}",
        ]
    factors = " × ".join(
        f"(1 + {format_decimal(f.value)}%)"
        for f in d.inputs
        if isinstance(derive, CagrOfRatesDerive) and f.series == derive.series
    )
    product = _long(d.step("product"))
    return [
        f"  {code} = ({factors})^(1/{n}) − 1",
        f"         = {product}^(1/{n}) − 1 = {verdict}",
    ]


def _reported_line(result: IndicatorResult, lang: Lang) -> str:
    obs = result.observation
    where = ""
    if result.location is not None:
        cell = _cell(result.location)
        where = say("explain.at", lang, cell=cell)
    if obs is None or obs.notation == "derived" or obs.computed:
        key = "explain.invalid" if result.status is Status.INVALID else "explain.not-reported"
        return say(key, lang, where=where)
    agreement = ""
    if result.derivation is not None and result.derivation.consistent is True:
        agreement = say("explain.agrees", lang)
    elif obs.fraction is not None and not obs.computed:
        agreement = say("explain.agrees-fraction", lang)
    return say(
        "explain.reported", lang, raw=obs.raw, where=_cell(obs.location), agreement=agreement
    )


def _verdict(result: IndicatorResult, lang: Lang) -> str:
    ind = result.indicator
    status = status_text(result.status, lang).plain
    line = say("explain.verdict", lang) + status
    obs = result.observation
    if obs is not None and result.judged is not None:
        key = "explain.on-reported"
        if result.judged_on_derived:
            key = "explain.on-derived"
        elif obs.computed:
            key = "explain.on-fraction"
        line += say(key, lang, value=display.scalar(result.judged, ind, lang))
    gap = display.gap(result, lang)
    if gap:
        line += say("explain.gap", lang, gap=gap)
    return line


def related_issues(evaluation: Evaluation, result: IndicatorResult) -> list[Issue]:
    """The issues about *result*: its own, and those at the series cells it could not read."""
    cells = set()
    if result.derivation is not None:
        cells = {(m.location.sheet, m.location.cell) for m in result.derivation.unreadable}
    return [
        i
        for i in evaluation.issues
        if (i.indicator == result.indicator.code and i.district is None)
        or (i.location.sheet, i.location.cell) in cells
    ]


class ExplainTextRenderer(StreamRenderer[Explanation]):
    """The explanation of one indicator, then its issues."""

    def write(self, view: Explanation, stream: TextIO, options: ReportOptions) -> None:
        _write_explanation(view.evaluation, view.result, stream, options)


def _write_explanation(
    evaluation: Evaluation, result: IndicatorResult, stream: TextIO, options: ReportOptions
) -> None:
    lang = options.lang
    console = make_console(stream, options)
    for n, line in enumerate(explanation(evaluation, result, lang)):
        console.print(Text(line, style="bold" if n == 0 else ""), soft_wrap=True)
    issues = related_issues(evaluation, result)
    if issues:
        console.print()
        console.print(Text(say("explain.issues", lang, n=len(issues)), style="bold"))
        print_issues(console, issues, lang)
