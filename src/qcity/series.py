"""The series sheet judged against the catalogue: rows matched to series, figures parsed; pure."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from qcity.errors import Issue, Lang, Location, did_you_mean
from qcity.model import Basis, Catalogue, Series, SeriesKind
from qcity.render.i18n import join, pair
from qcity.results import Figure, ReportYear
from qcity.values import clean_text, format_decimal, parse_amount, parse_percent, raw_text
from qcity.workbook import PERIOD_NAMES, SeriesRow, Submission

_BRACKETS = re.compile(r"^[(\[【]\s*(.*?)\s*[)\]】]$")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A span of years, "2011—2015年", "2011-2015", "2011至2015": the period ends in its last year.
_YEAR_SPAN = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年?\s*(?:[-—–~～至到]|－)\s*((?:19|20)\d\d)(?!\d)")


def _key(text: str) -> str:
    """How names are compared: NFKC, no whitespace, case folded."""
    return re.sub(r"\s+", "", clean_text(text)).casefold()


@dataclass(frozen=True)
class SeriesData:
    """One usable row of the series sheet: its series, basis and the figures that could be read."""

    series: Series
    basis: Basis | None
    row: int
    figures: dict[int, Figure]
    unreadable: frozenset[int] = frozenset()  # years whose cell held something unusable


@dataclass
class SeriesTable:
    """Every usable series row by code (preferred basis first), and the issues found reading them."""

    sheet: str
    years: list[int]
    rows: dict[str, list[SeriesData]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # every series a row names, usable or not

    def pick(self, code: str, years: list[int]) -> SeriesData | None:
        """The row of *code* to derive from: the preferred basis holding every year needed."""
        candidates = self.rows.get(code, [])
        for data in candidates:
            if all(y in data.figures for y in years):
                return data
        return candidates[0] if candidates else None

    def latest_year(self) -> int | None:
        """The latest year holding at least one figure."""
        found = [y for rows in self.rows.values() for d in rows for y in d.figures]
        return max(found) if found else None


def read_series(submission: Submission, catalogue: Catalogue) -> SeriesTable | None:
    """Match the series sheet's rows to the catalogue and parse their figures (None: no sheet)."""
    sheet = submission.series
    if sheet is None:
        return None
    table = SeriesTable(sheet=sheet.sheet, years=sorted(sheet.years))
    lookup = _lookup(catalogue)
    first: dict[tuple[str, str | None], SeriesRow] = {}
    rejected: set[tuple[str, str | None]] = set()
    found: list[SeriesData] = []
    for row in sheet.rows:
        where = Location(file=submission.shown, sheet=sheet.sheet, cell=row.code_cell.coordinate)
        raw = raw_text(row.code_cell.value).strip()
        match = lookup.get(_key(raw).replace("-", "_")) or lookup.get(_key(raw))
        if match is None:
            table.issues.append(_unknown(raw, where, lookup))
            continue
        series, basis = match
        table.named.add(series.code)
        basis = _basis(submission, row, series, basis, table.issues)
        key = (series.code, basis.code if basis else None)
        if key in first:
            table.issues.append(
                Issue(
                    "duplicate-series",
                    where,
                    {
                        "series": series.code + (f" ({basis.name.zh})" if basis else ""),
                        "first": f"{sheet.sheet}!{first[key].code_cell.coordinate}",
                        "second": f"{sheet.sheet}!{row.code_cell.coordinate}",
                    },
                )
            )
            rejected.add(key)
            continue
        first[key] = row
        if not _unit_matches(submission, row, series, table.issues):
            rejected.add(key)
            continue
        found.append(_figures(submission, row, series, basis, table.issues))
    for data in found:
        if (data.series.code, data.basis.code if data.basis else None) not in rejected:
            table.rows.setdefault(data.series.code, []).append(data)
    for rows in table.rows.values():
        order = [b.code for b in rows[0].series.bases]
        rows.sort(key=lambda d: order.index(d.basis.code) if d.basis else len(order))
    return table


def _lookup(catalogue: Catalogue) -> dict[str, tuple[Series, Basis | None]]:
    lookup: dict[str, tuple[Series, Basis | None]] = {}
    for series in catalogue.series:
        for name in (series.code, series.name.zh, *series.aliases):
            lookup.setdefault(_key(name), (series, None))
        for basis in series.bases:
            for name in (basis.name.zh, *basis.aliases):
                lookup.setdefault(_key(name), (series, basis))
    return lookup


def _unknown(raw: str, where: Location, lookup: dict[str, tuple[Series, Basis | None]]) -> Issue:
    codes = sorted({s.code for s, _ in lookup.values()})
    close = difflib.get_close_matches(raw.upper(), codes, n=1, cutoff=0.6)
    suggestion: dict[Lang, str] = did_you_mean(close)
    return Issue("unknown-series", where, {"raw": raw, "suggestion": suggestion})


def known_bases(series: Series) -> dict[Lang, str]:
    """The names of a series' bases, for messages."""
    return join(pair("basis-name", name=b.name.zh, code=b.code) for b in series.bases)


def _basis(
    submission: Submission,
    row: SeriesRow,
    series: Series,
    implied: Basis | None,
    issues: list[Issue],
) -> Basis | None:
    cell = row.cells.get("basis")
    text = clean_text(raw_text(cell.value)) if cell is not None else ""
    if not text or not series.bases:
        return implied
    assert cell is not None
    for basis in series.bases:
        if _key(text) in {
            _key(n) for n in (basis.code, basis.name.zh, basis.name.en, *basis.aliases)
        }:
            return basis
    assert submission.series is not None
    issues.append(
        Issue(
            "unknown-basis",
            Location(file=submission.shown, sheet=submission.series.sheet, cell=cell.coordinate),
            {"raw": text, "series": series.code, "known": known_bases(series)},
        )
    )
    return implied


def _unit_matches(
    submission: Submission, row: SeriesRow, series: Series, issues: list[Issue]
) -> bool:
    cell = row.cells.get("unit")
    text = clean_text(raw_text(cell.value)) if cell is not None else ""
    if not text:
        return True
    assert cell is not None and submission.series is not None
    bare = _BRACKETS.sub(r"\1", text)
    accepted = {_key(u) for u in (series.unit.zh, series.unit.en, *series.unit_aliases)}
    if _key(bare) in accepted:
        return True
    issues.append(
        Issue(
            "series-unit-mismatch",
            Location(file=submission.shown, sheet=submission.series.sheet, cell=cell.coordinate),
            {"raw": text, "series": series.code, "unit": series.unit.zh},
        )
    )
    return False


def _figures(
    submission: Submission,
    row: SeriesRow,
    series: Series,
    basis: Basis | None,
    issues: list[Issue],
) -> SeriesData:
    sheet = submission.series
    assert sheet is not None
    figures: dict[int, Figure] = {}
    unreadable: set[int] = set()
    for year, cell in sorted(row.figures.items()):
        where = Location(file=submission.shown, sheet=sheet.sheet, cell=cell.coordinate)
        parsed = parse_percent(cell) if series.kind is SeriesKind.GROWTH else parse_amount(cell)
        problem = parsed.problem
        if (
            problem is None
            and series.kind is SeriesKind.GROWTH
            and isinstance(parsed.value, Decimal)
            and parsed.value <= -100
        ):
            problem = (
                "out-of-range",
                {"value": format_decimal(parsed.value), "range": "(−100, +∞)"},
            )
        if problem is not None:
            code, params = problem
            issues.append(Issue(code, where, params))
            unreadable.add(year)
            continue
        if isinstance(parsed.value, Decimal):
            figures[year] = Figure(
                series=series.code,
                year=year,
                value=parsed.value,
                raw=parsed.raw,
                location=where,
                basis=basis.code if basis else None,
            )
    if row.hidden and figures:
        issues.append(
            Issue(
                "hidden-row",
                Location(file=submission.shown, sheet=sheet.sheet, cell=row.code_cell.coordinate),
                {"row": row.number, "indicator": series.code},
            )
        )
    return SeriesData(series, basis, row.number, figures, frozenset(unreadable))


# --- the report year ----------------------------------------------------------------------------


def year_of(value: object) -> int | None:
    """The year a 报告期 value names: 2015, "2015年6月", "2015-06", a date; a span
    ("2011—2015年", "十二五期间(2011-2015)") names its last year; None if none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() and 1900 <= value <= 2100 else None
    if isinstance(value, str):
        text = clean_text(value)
        if (span := _YEAR_SPAN.search(text)) is not None:
            return int(span.group(1))
        match = _YEAR_IN_TEXT.search(text)
        return int(match.group(1)) if match else None
    return None


def resolve_report_year(
    option: int | None, submission: Submission, table: SeriesTable
) -> tuple[ReportYear, list[Issue]]:
    """The report year: --year, else a 报告期 cell, else the document property, else the latest."""
    if option is not None:
        return ReportYear(option, "option"), []
    latest = table.latest_year() or (table.years[-1] if table.years else dt.date.today().year)
    fallback = pair("latest-series-year", year=latest)
    issues: list[Issue] = []
    marks = [(m.value, m.location, "cell") for m in submission.periods]
    marks += [
        (value, Location(file=submission.shown, path=f"property {name}"), "property")
        for name, value in submission.properties.items()
        if clean_text(name).casefold() in PERIOD_NAMES
    ]
    found: ReportYear | None = None
    for value, where, source in marks:
        raw = raw_text(value)
        year = year_of(value)
        if year is None:
            issues.append(Issue("period-unreadable", where, {"raw": raw, "fallback": fallback}))
        elif found is None:
            found = ReportYear(year, source, where, raw)
        elif year != found.year:
            # Two labels naming different years: nobody can tell which was meant.
            assert found.location is not None
            issues.append(
                Issue(
                    "period-conflict",
                    where,
                    {
                        "first": found.raw or str(found.year),
                        "first_at": _where(found.location),
                        "second": raw,
                        "second_at": _where(where),
                    },
                )
            )
    return found or ReportYear(latest, "latest"), issues


def _where(location: Location) -> str:
    if location.cell:
        return f"{location.sheet}!{location.cell}"
    return location.path or str(location)
