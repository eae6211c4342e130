"""The JSON report: the public, versioned shape CI scripts rely on."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, overload

from qcity.errors import Issue, Lang
from qcity.model import Catalogue, CatalogueMeta
from qcity.render import Renderer, ReportOptions, display, json_chunks
from qcity.results import (
    District,
    Evaluation,
    Figure,
    IndicatorResult,
    MissingFigure,
    Scalar,
    Summary,
    TaskReport,
    TaskResult,
)

if TYPE_CHECKING:
    from qcity.render.schemas import common as shared
    from qcity.render.schemas import report as shape

SCHEMA_VERSION: Final = 1


@overload
def _num(value: Scalar) -> float | int | bool: ...
@overload
def _num(value: Scalar | None) -> float | int | bool | None: ...
def _num(value: Scalar | None) -> float | int | bool | None:
    if value is None or isinstance(value, bool):
        return value
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return float(value)


@overload
def json_number(value: Decimal) -> float | int: ...
@overload
def json_number(value: Decimal | None) -> float | int | None: ...
def json_number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    result = _num(value)
    assert not isinstance(result, bool)
    return result


def _figure(f: Figure) -> shape.SeriesFigure:
    return {
        "series": f.series,
        "year": f.year,
        "value": json_number(f.value),
        "raw": f.raw,
        "basis": f.basis,
        "location": f.location.as_dict(),
    }


def _missing(m: MissingFigure) -> shape.MissingFigure:
    return {"series": m.series, "year": m.year, "location": m.location.as_dict()}


def derived_dict(r: IndicatorResult, catalogue: Catalogue, lang: Lang) -> shape.Derived | None:
    """How an indicator was derived from the series sheet (None when it has no derivation)."""
    d = r.derivation
    if d is None:
        return None
    return {
        "kind": d.kind,
        "formula": display.formula(r.indicator, d),
        "year": d.year,
        "base_year": d.base_year,
        "value": json_number(d.value),
        "judged": json_number(r.derived_judged),
        "used_for_status": r.judged_on_derived,
        "status": r.derived_status.value if r.derived_status else None,
        "consistent": d.consistent,
        "inputs": [_figure(f) for f in d.inputs],
        "missing": [_missing(m) for m in d.missing],
        "unreadable": [_missing(m) for m in d.unreadable],
        "steps": {name: json_number(value) for name, value in d.steps},
        "bases": display.basis_lines(catalogue, d, lang) if d.value is not None else [],
    }


def figure_dict(r: IndicatorResult) -> shared.Figure:
    """The figure as read: value, judged value, raw text, notation, numerator, denominator."""
    obs = r.observation
    return {
        "value": _num(obs.value) if obs else None,
        "judged": _num(r.judged),
        "raw": obs.raw if obs else None,
        "notation": obs.notation if obs else None,
        "numerator": json_number(obs.numerator) if obs else None,
        "denominator": json_number(obs.denominator) if obs else None,
    }


def indicator_dict(r: IndicatorResult, lang: Lang, catalogue: Catalogue) -> shape.Indicator:
    """One indicator's entry in the JSON report."""
    ind = r.indicator
    t = ind.target
    return {
        "code": ind.code,
        "name": ind.name.get(lang),
        "name_zh": ind.name.zh,
        "name_en": ind.name.en,
        "area": ind.area,
        "lead": ind.lead,
        "status": r.status.value,
        **figure_dict(r),
        "target": {
            "op": t.op.value,
            "value": _num(t.value),
            "tolerance": json_number(t.tolerance),
            "measure": t.measure.value,
            "base_year": t.base_year,
            "text": display.target(ind, lang),
        },
        "horizon": r.horizon,
        "horizon_ahead": r.horizon_ahead,
        "gap": json_number(r.gap),
        "gap_text": display.gap(r, lang) or None,
        "unit": ind.unit.value,
        "decimals": ind.decimals,
        "location": r.location.as_dict() if r.location else None,
        "note": r.note,
        "source": {"clause": ind.source.clause, "quote": ind.source.quote},
        "derived": derived_dict(r, catalogue, lang),
    }


def issue_dict(issue: Issue, lang: Lang) -> shared.Issue:
    """One issue's entry in the JSON report (`district` only for an issue of a district's row)."""
    entry: shared.Issue = {
        "code": issue.code,
        "severity": issue.level.value,
        "indicator": issue.indicator,
        "title": issue.type.title[lang],
        "message": issue.message(lang),
        "hint": issue.hint(lang),
        "location": issue.location.as_dict(),
    }
    if issue.district is not None:
        entry["district"] = issue.district
    return entry


def result_dict(r: IndicatorResult, lang: Lang) -> shared.Result:
    """One indicator of a district (or of a file in a batch): the figure and the verdict only."""
    return {
        "code": r.indicator.code,
        "status": r.status.value,
        **figure_dict(r),
        "gap": json_number(r.gap),
        "gap_text": display.gap(r, lang) or None,
        "location": r.location.as_dict() if r.location else None,
        "note": r.note,
    }


def summary_dict(summary: Summary) -> shared.Summary:
    """Counts of statuses."""
    return {
        "met": summary.met,
        "unmet": summary.unmet,
        "missing": summary.missing,
        "invalid": summary.invalid,
        "total": summary.total,
    }


def districts_dict(
    evaluation: Evaluation, lang: Lang, *, one_by_one: bool = False
) -> shape.Districts:
    """The `districts` and `aggregates` keys, present only for a workbook with districts."""
    if not evaluation.districts:
        return {}

    def entry(d: District) -> shared.District:
        return {
            "name": d.name,
            "summary": summary_dict(d.summary),
            "indicators": [result_dict(r, lang) for r in d.results],
        }

    return {
        "districts": _OneByOne(evaluation.districts, entry)
        if one_by_one
        else [entry(d) for d in evaluation.districts],
        "aggregates": [
            {
                "code": a.indicator,
                "districts": a.districts,
                "numerator": json_number(a.numerator),
                "denominator": json_number(a.denominator),
                "value": json_number(a.value),
                "judged": json_number(a.judged),
                "gap": json_number(a.gap),
                "status": a.status.value,
                "city": json_number(a.city),
                "consistent": a.consistent,
            }
            for a in evaluation.aggregates
        ],
    }


def task_dict(r: TaskResult, lang: Lang) -> shape.Task:
    """One task's entry in the JSON report."""
    t = r.task
    return {
        "code": t.code,
        "title": t.title.get(lang),
        "title_zh": t.title.zh,
        "title_en": t.title.en,
        "clause": t.source.clause,
        "lead": t.lead,
        "deliverables": [d.name.get(lang) for d in t.deliverables],
        "status": r.status.value,
        "raw": r.raw,
        "evidence": r.evidence,
        "completed": r.completed.isoformat() if r.completed else None,
        "note": r.note,
        "due": {
            "phase": r.phase.code,
            "clause": r.phase.clause,
            "name": r.phase.name.get(lang),
            "date": r.due.isoformat(),
        },
        "overdue": r.overdue,
        "days_overdue": r.days_overdue,
        "late": r.late,
        "location": r.location.as_dict() if r.location else None,
    }


def task_summary_dict(tasks: TaskReport | None) -> shape.TaskSummary | None:
    """The task counts of the JSON report (None when no tasks are shown)."""
    if tasks is None:
        return None
    s = tasks.summary
    return {
        "total": s.total,
        "done": s.done,
        "in_progress": s.in_progress,
        "not_started": s.not_started,
        "unreported": s.unreported,
        "overdue": s.overdue,
        "today": tasks.today.isoformat(),
        "today_source": tasks.today_source,
        "today_period": tasks.today_raw,
    }


def catalogue_meta_dict(meta: CatalogueMeta, lang: Lang) -> shared.CatalogueMeta:
    """Which catalogue a document was made with (id, title, document, issued, version)."""
    return {
        "id": meta.id,
        "title": meta.title.get(lang),
        "document": meta.document,
        "issued": meta.issued.isoformat(),
        "version": meta.version,
    }


def evaluation_dict(
    evaluation: Evaluation,
    lang: Lang,
    options: ReportOptions | None = None,
    *,
    one_by_one: bool = False,
) -> shape.Report:
    """The whole JSON document for *evaluation*; its tasks as every format shows them (when
    the workbook has a tasks sheet, or with --fail-on-tasks).

    With *one_by_one*, each district's entry is built only as json_chunks writes it: a
    workbook of 200,000 district rows would otherwise hold all their dicts at once (about
    1.2 kB a row, a quarter of the check's peak memory)."""
    from qcity.render.common import scope_dict, shown_tasks

    meta = evaluation.catalogue.catalogue
    tasks = shown_tasks(evaluation, options or ReportOptions(lang=lang))
    s = evaluation.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "catalogue": catalogue_meta_dict(meta, lang),
        "source": evaluation.source,
        "sheet": evaluation.sheet,
        "series_sheet": evaluation.series_sheet,
        "report_year": _report_year(evaluation, lang),
        "scope": scope_dict(evaluation),
        "checked_at": evaluation.checked_at.isoformat(timespec="seconds"),
        "lang": lang,
        "summary": {
            "met": s.met,
            "unmet": s.unmet,
            "missing": s.missing,
            "invalid": s.invalid,
            "total": s.total,
            "errors": len(evaluation.errors),
            "warnings": sum(1 for i in evaluation.issues if i.level.value == "warning"),
            "vetoed": [r.indicator.code for r in evaluation.vetoed],
        },
        "indicators": [indicator_dict(r, lang, evaluation.catalogue) for r in evaluation.results],
        "tasks_sheet": evaluation.tasks.sheet if evaluation.tasks else None,
        "task_summary": task_summary_dict(tasks),
        "tasks": [task_dict(r, lang) for r in tasks.results] if tasks else [],
        "issues": [issue_dict(i, lang) for i in evaluation.issues],
        **districts_dict(evaluation, lang, one_by_one=one_by_one),
    }


class _OneByOne:
    """A list whose items are built as they are iterated (json_chunks encodes and drops each)."""

    def __init__(self, items: Sequence[Any], build: Callable[[Any], shared.District]) -> None:
        self.items = items
        self.build = build

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[shared.District]:
        return map(self.build, self.items)


def _report_year(evaluation: Evaluation, lang: Lang) -> shape.ReportYear | None:
    ry = evaluation.report_year
    if ry is None:
        return None
    return {
        "year": ry.year,
        "source": ry.source,
        "text": display.report_year(ry, lang),
        "raw": ry.raw,
        "location": ry.location.as_dict() if ry.location else None,
    }


class JsonReporter(Renderer[Evaluation]):
    """Machine-readable report (schema_version 1), written in pieces: 200,000 district rows
    are tens of megabytes."""

    suffix = ".json"

    def chunks(self, evaluation: Evaluation, options: ReportOptions) -> Iterator[str]:
        document = evaluation_dict(evaluation, options.lang, options, one_by_one=True)
        return json_chunks(document, one_line=("districts", "aggregates"))

    def render(self, evaluation: Evaluation, options: ReportOptions) -> str:
        return "".join(self.chunks(evaluation, options))
