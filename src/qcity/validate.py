"""Turn the rows read from a workbook into observations per indicator, collecting every issue: pure."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from decimal import Decimal

from qcity.errors import Issue, Lang, Location, Severity, did_you_mean, printable
from qcity.model import Catalogue, Indicator, Unit, derive_series
from qcity.render.i18n import listing, pair, words
from qcity.results import Observation
from qcity.values import (
    Parsed,
    agreement_places,
    agrees,
    clean_text,
    format_decimal,
    normalize_code,
    parse_amount,
    parse_value,
    quantize,
    raw_text,
)
from qcity.workbook import SheetRow, Submission


@dataclass(slots=True)
class Outcome:
    """What the submission says about one indicator (one per row read: slotted)."""

    indicator: Indicator
    observation: Observation | None = None
    invalid: bool = False
    location: Location | None = None  # the value cell, even when empty
    note: str | None = None


@dataclass
class Validated:
    """Observations by indicator code plus every issue found, in reading order."""

    outcomes: dict[str, Outcome]  # the city level: rows without a district
    issues: list[Issue] = field(default_factory=list)
    # district -> the outcomes of its rows (only the codes it has a row for), in reading order
    districts: dict[str, dict[str, Outcome]] = field(default_factory=dict)


# A district cell naming the whole city marks a city-level row (a total line of a district table).
CITY_NAMES = frozenset({"全市", "全市合计", "合计", "总计", "city", "total", "whole city"})


def district_of(row: SheetRow) -> str | None:
    """The district a row belongs to (None: the city level), as written, trimmed and NFKC-folded."""
    cell = row.cells.get("district")
    if cell is None or cell.value is None:
        return None
    name = clean_text(raw_text(cell.value))
    if not name or name.casefold() in CITY_NAMES:
        return None
    return name


def validate(submission: Submission, catalogue: Catalogue) -> Validated:
    """Match rows to indicators and parse their figures; never stops at the first problem.

    Rows with a district are validated the same way into that district's outcomes; a code may
    appear once at the city level and once per district.
    """
    known = {i.code: i for i in catalogue.indicators}
    result = Validated(
        outcomes={code: Outcome(ind) for code, ind in known.items()}, issues=list(submission.issues)
    )
    first_row: dict[tuple[str | None, str], SheetRow] = {}
    for row in submission.rows:
        district = district_of(row)
        raw_code = str(row.code_cell.value)
        code = normalize_code(raw_code)
        code_loc = Location(
            file=submission.shown, sheet=submission.sheet, cell=row.code_cell.coordinate
        )
        indicator = known.get(code)
        if indicator is None:
            close = difflib.get_close_matches(code, list(known), n=1, cutoff=0.6)
            suggestion: dict[Lang, str] = did_you_mean(close)
            result.issues.append(
                Issue(
                    "unknown-indicator",
                    code_loc,
                    {"raw": printable(raw_code.strip()[:80]), "suggestion": suggestion},
                    district=district,
                )
            )
            continue
        if district is None:
            outcome = result.outcomes[code]
        else:
            outcome = result.districts.setdefault(district, {}).setdefault(code, Outcome(indicator))
        if (district, code) in first_row:
            first = first_row[district, code]
            result.issues.append(
                Issue(
                    "duplicate-indicator",
                    code_loc,
                    {
                        "indicator": code
                        if district is None
                        else pair("indicator-in-district", code=code, district=district),
                        "first": f"{submission.sheet}!{first.code_cell.coordinate}",
                        "second": f"{submission.sheet}!{row.code_cell.coordinate}",
                    },
                    indicator=code,
                    district=district,
                )
            )
            outcome.invalid = True
            outcome.observation = None
            continue
        first_row[district, code] = row
        issues: list[Issue] = []
        _read_row(submission, row, outcome, issues)
        if district is not None:
            issues = [dataclasses.replace(i, district=district) for i in issues]
        result.issues += issues
    return result


_COLUMN_NAMES: dict[str, dict[Lang, str]] = {
    "numerator": words("column-numerator"),
    "denominator": words("column-denominator"),
}


def fill_instead(indicator: Indicator) -> dict[Lang, str]:
    """What to fill for an indicator that is not a rate of counts: its series, or 实际值."""
    series = [code for _, code in derive_series(indicator.derive)] if indicator.derive else []
    if series:
        return pair("fill-from-series", code=indicator.code, series=listing(series, "sep-and"))
    return pair("fill-the-value")


def _loc(submission: Submission, row: SheetRow, key: str) -> Location | None:
    return submission.location(row.number, key)


def _read_row(submission: Submission, row: SheetRow, outcome: Outcome, issues: list[Issue]) -> None:
    indicator = outcome.indicator
    code = indicator.code
    value_loc = _loc(submission, row, "value")
    outcome.location = value_loc or _loc(submission, row, "numerator")
    note_cell = row.cells.get("note")
    if note_cell is not None and note_cell.value is not None:
        outcome.note = printable(str(note_cell.value).strip()) or None

    def report(parsed: Parsed, where: Location | None, severity: Severity | None = None) -> bool:
        """Record the parse problem and warnings; True when the figure is unusable."""
        for code_, params in parsed.warnings:
            issues.append(
                Issue(code_, where or Location(file=submission.shown), params, indicator=code)
            )
        if parsed.problem is not None:
            code_, params = parsed.problem
            issues.append(
                Issue(
                    code_,
                    where or Location(file=submission.shown),
                    params,
                    indicator=code,
                    severity=severity,
                )
            )
            return True
        return False

    value = parse_value(row.cells.get("value"), indicator)
    bad_value = report(value, value_loc)

    num_loc, den_loc = _loc(submission, row, "numerator"), _loc(submission, row, "denominator")
    num = parse_amount(row.cells.get("numerator"))
    den = parse_amount(row.cells.get("denominator"))
    bad_fraction = report(num, num_loc) | report(den, den_loc)
    if not indicator.takes_fraction:
        # Only a rate of two counts is numerator / denominator; dividing an intensity index or
        # two revenue levels would give a figure of another kind and judge it all the same.
        for parsed, where, column in ((num, num_loc, "numerator"), (den, den_loc, "denominator")):
            if parsed.empty:
                continue
            issues.append(
                Issue(
                    "fraction-not-accepted",
                    where or Location(file=submission.shown),
                    {
                        "indicator": code,
                        "column": _COLUMN_NAMES[column],
                        "raw": parsed.raw,
                        "instead": fill_instead(indicator),
                    },
                    indicator=code,
                )
            )
            bad_fraction = True
        if bad_value or bad_fraction:
            outcome.invalid = True
            return
        num = den = Parsed(None, "empty", "")
    computed: Decimal | None = None
    if (
        not bad_fraction
        and not (num.empty and den.empty)
        and indicator.unit in (Unit.PERCENT, Unit.RATIO)
    ):
        if num.empty or den.empty:
            present, absent = (
                ("numerator", "denominator") if den.empty else ("denominator", "numerator")
            )
            names = _COLUMN_NAMES
            issues.append(
                Issue(
                    "incomplete-fraction",
                    (num_loc if num.empty else den_loc) or Location(file=submission.shown),
                    {"present": names[present], "absent": names[absent]},
                    indicator=code,
                    # With a usable reported value the figure still stands; without one it cannot.
                    severity=Severity.WARNING
                    if not value.empty and not bad_value
                    else Severity.ERROR,
                )
            )
            bad_fraction = value.empty
        else:
            assert isinstance(num.value, Decimal) and isinstance(den.value, Decimal)
            if den.value == 0:
                issues.append(
                    Issue(
                        "zero-denominator",
                        den_loc or Location(file=submission.shown),
                        indicator=code,
                    )
                )
                bad_fraction = True
            else:
                computed = num.value / den.value * (100 if indicator.unit is Unit.PERCENT else 1)
                if indicator.range.max is not None and computed > indicator.range.max:
                    issues.append(
                        Issue(
                            "numerator-exceeds-denominator",
                            num_loc or Location(file=submission.shown),
                            {"numerator": num.raw, "denominator": den.raw},
                            indicator=code,
                        )
                    )
                    bad_fraction = True
                    computed = None

    if bad_value or bad_fraction:
        outcome.invalid = True
        return
    if computed is not None and not value.empty:
        assert isinstance(value.value, Decimal)
        places = agreement_places(value.value, indicator.decimals)
        if not agrees(value.value, computed, indicator.decimals):
            cells = f"{num_loc.cell if num_loc else ''}/{den_loc.cell if den_loc else ''}"
            issues.append(
                Issue(
                    "inconsistent-value",
                    value_loc or Location(file=submission.shown),
                    {
                        "reported": value.raw,
                        "reported_at": pair("reported-at-its-location"),
                        "computed": format_decimal(quantize(computed, max(places, 2))),
                        "computed_from": pair(
                            "fraction-at", numerator=num.raw, denominator=den.raw, cells=cells
                        ),
                    },
                    indicator=code,
                )
            )
            outcome.invalid = True
            return
    if value.empty and computed is not None:
        outcome.observation = Observation(
            value=computed,
            location=num_loc or Location(file=submission.shown),
            raw=f"{num.raw}/{den.raw}",
            notation="fraction",
            numerator=num.value if isinstance(num.value, Decimal) else None,
            denominator=den.value if isinstance(den.value, Decimal) else None,
            computed=True,
            numerator_at=num_loc,
            denominator_at=den_loc,
            fraction=computed,
        )
    elif not value.empty:
        assert value.value is not None
        outcome.observation = Observation(
            value=value.value,
            location=value_loc or Location(file=submission.shown),
            raw=value.raw,
            notation=value.notation,
            numerator=num.value if isinstance(num.value, Decimal) else None,
            denominator=den.value if isinstance(den.value, Decimal) else None,
            numerator_at=num_loc if computed is not None else None,
            denominator_at=den_loc if computed is not None else None,
            fraction=computed,
        )
    if row.hidden and outcome.observation is not None:
        issues.append(
            Issue(
                "hidden-row",
                Location(
                    file=submission.shown, sheet=submission.sheet, cell=row.code_cell.coordinate
                ),
                {"row": row.number, "indicator": code},
                indicator=code,
            )
        )
