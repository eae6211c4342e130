"""validate(): rows matched to indicators and their figures parsed, every issue with its whole location.

Submissions are built here from plain cells (no workbook file): the contract's columns are
A 指标代码, B 实际值, C 分子, D 分母, E 备注, F 区县, data from row 2. Every expected figure is
worked out by hand from the plan's wording (indicators.yaml quotes it): PRD-02 is a rate of
qualified batches over batches sampled (达到94%以上, percent, 2 decimals, at most 100%),
ENV-01 a fall in energy use per unit of GDP (not a rate of two counts), SRV-01 a count.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from qcity.errors import Issue, Location, Severity
from qcity.model import Catalogue
from qcity.results import Cell
from qcity.validate import Validated, district_of, validate
from qcity.workbook import SheetRow, Submission

FILE = "区县-2015年7月.xlsx"
SHEET = "数据"
LETTERS = {"value": "B", "numerator": "C", "denominator": "D", "note": "E", "district": "F"}


def at(cell: str) -> Location:
    """The location of *cell* of the data sheet, written out whole."""
    return Location(file=FILE, sheet=SHEET, cell=cell)


def row(number: int, code: str, *cells: Any, hidden: bool = False, **named: Any) -> SheetRow:
    """Row *number*: the code in A, then value, numerator, denominator, note, district."""
    values = dict(
        zip(("value", "numerator", "denominator", "note", "district"), cells, strict=False)
    )
    values.update(named)
    return SheetRow(
        number=number,
        code_cell=Cell(code, f"A{number}", data_type="s"),
        cells={
            key: Cell(
                value, f"{LETTERS[key]}{number}", data_type="s" if isinstance(value, str) else "n"
            )
            for key, value in values.items()
            if value is not None
        },
        hidden=hidden,
    )


def submit(*rows: SheetRow, read_issues: list[Issue] | None = None) -> Submission:
    return Submission(
        shown=FILE,
        sheet=SHEET,
        header_row=1,
        columns={"code": "A", **LETTERS},
        rows=list(rows),
        sheets=[SHEET],
        issues=list(read_issues or []),
    )


def only(result: Validated) -> Issue:
    assert len(result.issues) == 1, result.issues
    return result.issues[0]


def test_a_clean_value_is_observed_at_its_cell(catalogue: Catalogue) -> None:
    result = validate(submit(row(2, "PRD-02", 95.5, None, None, " 抽查 ")), catalogue)
    assert result.issues == []
    outcome = result.outcomes["PRD-02"]
    assert outcome.observation is not None
    assert (outcome.observation.value, outcome.observation.location) == (Decimal("95.5"), at("B2"))
    assert (outcome.invalid, outcome.location, outcome.note) == (False, at("B2"), "抽查")
    # every indicator of the catalogue has an outcome, the unreported ones without observation
    assert set(result.outcomes) == {i.code for i in catalogue.indicators}
    assert result.outcomes["PRD-01"].observation is None


def test_a_fraction_alone_gives_the_rate(catalogue: Catalogue) -> None:
    # 1121 qualified batches of 1200 sampled: 1121 / 1200 × 100 = 93.41666…%
    result = validate(submit(row(2, "PRD-02", None, 1121, 1200)), catalogue)
    assert result.issues == []
    observation = result.outcomes["PRD-02"].observation
    assert observation is not None
    assert observation.value == Decimal(1121) / Decimal(1200) * 100
    assert (observation.location, observation.raw, observation.computed) == (
        at("C2"),
        "1121/1200",
        True,
    )
    assert (observation.numerator_at, observation.denominator_at) == (at("C2"), at("D2"))
    assert result.outcomes["PRD-02"].location == at("B2")  # the value cell, although empty


def test_codes_are_matched_after_normalising(catalogue: Catalogue) -> None:
    result = validate(submit(row(2, " prd-02 ", 95)), catalogue)
    assert result.issues == []
    assert result.outcomes["PRD-02"].observation is not None


def test_an_unknown_code_suggests_the_closest(catalogue: Catalogue) -> None:
    # PRO-02 shares P, R and -02 with PRD-02 (difflib ratio 2 × 5 / 12 ≈ 0.83), only P, R, -0
    # with PRD-03 (0.67)
    issue = only(validate(submit(row(7, "PRO-02", 95)), catalogue))
    assert (issue.code, issue.location, issue.indicator) == ("unknown-indicator", at("A7"), None)
    assert issue.params == {
        "raw": "PRO-02",
        "suggestion": {"zh": "，是否为 PRD-02？", "en": "; did you mean PRD-02?"},
    }
    assert issue.severity is Severity.ERROR


def test_an_unknown_code_far_from_any_suggests_nothing(catalogue: Catalogue) -> None:
    issue = only(validate(submit(row(3, "合计", 95)), catalogue))
    assert (issue.code, issue.location) == ("unknown-indicator", at("A3"))
    assert issue.params == {"raw": "合计", "suggestion": {"zh": "", "en": ""}}


def test_a_duplicate_row_makes_the_indicator_invalid(catalogue: Catalogue) -> None:
    result = validate(submit(row(2, "PRD-02", 95), row(5, "PRD-02", 96)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.indicator) == (
        "duplicate-indicator",
        at("A5"),
        "PRD-02",
    )
    assert issue.params == {"indicator": "PRD-02", "first": "数据!A2", "second": "数据!A5"}
    outcome = result.outcomes["PRD-02"]
    assert (outcome.invalid, outcome.observation) == (True, None)


def test_a_district_row_is_its_own_outcome_and_may_repeat_the_city_code(
    catalogue: Catalogue,
) -> None:
    result = validate(
        submit(
            row(2, "PRD-02", 95),
            row(3, "PRD-02", 93, district="碑林区"),
            row(4, "PRD-02", 94, district="全市"),  # the whole city again: a duplicate
            row(5, "PRD-02", 92, district="碑林区"),
        ),
        catalogue,
    )
    assert [(i.code, i.location, i.district) for i in result.issues] == [
        ("duplicate-indicator", at("A4"), None),
        ("duplicate-indicator", at("A5"), "碑林区"),
    ]
    assert result.issues[1].params == {
        "indicator": {"zh": "PRD-02（碑林区）", "en": "PRD-02 (碑林区)"},
        "first": "数据!A3",
        "second": "数据!A5",
    }
    assert list(result.districts) == ["碑林区"]
    assert result.districts["碑林区"]["PRD-02"].invalid


def test_district_of_reads_the_district_cell() -> None:
    assert district_of(row(2, "PRD-02", 95, district=" 雁塔区 ")) == "雁塔区"
    assert district_of(row(2, "PRD-02", 95, district="Total")) is None
    assert district_of(row(2, "PRD-02", 95)) is None


def test_a_value_that_is_not_a_number_is_located_at_its_cell(catalogue: Catalogue) -> None:
    result = validate(submit(row(4, "PRD-02", "约九成")), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.indicator) == ("not-a-number", at("B4"), "PRD-02")
    assert (result.outcomes["PRD-02"].invalid, result.outcomes["PRD-02"].observation) == (
        True,
        None,
    )


def test_a_fraction_for_an_indicator_that_is_not_a_rate_is_refused(catalogue: Catalogue) -> None:
    result = validate(submit(row(6, "ENV-01", None, 100, None)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.indicator) == (
        "fraction-not-accepted",
        at("C6"),
        "ENV-01",
    )
    assert issue.params["column"] == {"zh": "分子", "en": "numerator"}
    assert issue.params["raw"] == "100"
    assert result.outcomes["ENV-01"].invalid


def test_both_fraction_cells_of_a_non_rate_are_each_refused(catalogue: Catalogue) -> None:
    result = validate(submit(row(6, "SRV-01", 3, 1, 2)), catalogue)
    assert [(i.code, i.location, i.params["column"]) for i in result.issues] == [
        ("fraction-not-accepted", at("C6"), {"zh": "分子", "en": "numerator"}),
        ("fraction-not-accepted", at("D6"), {"zh": "分母", "en": "denominator"}),
    ]


def test_half_a_fraction_without_a_value_is_an_error(catalogue: Catalogue) -> None:
    result = validate(submit(row(3, "PRD-02", None, 1121, None)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.severity) == (
        "incomplete-fraction",
        at("D3"),  # the empty cell
        Severity.ERROR,
    )
    assert issue.params == {
        "present": {"zh": "分子", "en": "numerator"},
        "absent": {"zh": "分母", "en": "denominator"},
    }
    assert result.outcomes["PRD-02"].invalid


def test_half_a_fraction_beside_a_value_is_a_warning_and_the_value_stands(
    catalogue: Catalogue,
) -> None:
    result = validate(submit(row(3, "PRD-02", 95, None, 1200)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.severity) == (
        "incomplete-fraction",
        at("C3"),
        Severity.WARNING,
    )
    assert issue.params == {
        "present": {"zh": "分母", "en": "denominator"},
        "absent": {"zh": "分子", "en": "numerator"},
    }
    observation = result.outcomes["PRD-02"].observation
    assert observation is not None and observation.value == Decimal(95)


def test_a_zero_denominator_is_located_at_the_denominator(catalogue: Catalogue) -> None:
    issue = only(validate(submit(row(8, "PRD-02", None, 0, 0)), catalogue))
    assert (issue.code, issue.location, issue.indicator, issue.params) == (
        "zero-denominator",
        at("D8"),
        "PRD-02",
        {},
    )


def test_more_qualified_batches_than_sampled_is_refused(catalogue: Catalogue) -> None:
    # 1250 / 1200 × 100 = 104.2%, past the range's 100% maximum
    result = validate(submit(row(2, "PRD-02", None, 1250, 1200)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.params) == (
        "numerator-exceeds-denominator",
        at("C2"),
        {"numerator": "1250", "denominator": "1200"},
    )
    assert result.outcomes["PRD-02"].invalid


def test_a_value_that_disagrees_with_its_fraction_is_invalid(catalogue: Catalogue) -> None:
    # 1220 / 1250 × 100 = 97.6, which rounds to 98 at the 0 decimals 97 was written with
    result = validate(submit(row(9, "PRD-02", 97, 1220, 1250)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.indicator) == (
        "inconsistent-value",
        at("B9"),
        "PRD-02",
    )
    assert issue.params == {
        "reported": "97",
        "reported_at": {"zh": " ", "en": ""},
        "computed": "97.6",
        "computed_from": {"zh": "1220 / 1250（C9/D9）", "en": "1220 / 1250 (C9/D9)"},
    }
    assert result.outcomes["PRD-02"].invalid


def test_a_value_that_agrees_with_its_fraction_keeps_both(catalogue: Catalogue) -> None:
    # 1220 / 1250 × 100 = 97.6: a reported 97.6 agrees
    result = validate(submit(row(9, "PRD-02", 97.6, 1220, 1250)), catalogue)
    assert result.issues == []
    observation = result.outcomes["PRD-02"].observation
    assert observation is not None
    assert (observation.value, observation.location) == (Decimal("97.6"), at("B9"))
    assert (observation.numerator, observation.denominator) == (Decimal(1220), Decimal(1250))
    assert (observation.numerator_at, observation.denominator_at) == (at("C9"), at("D9"))


def test_a_figure_in_a_hidden_row_is_counted_with_a_warning(catalogue: Catalogue) -> None:
    result = validate(submit(row(12, "PRD-02", 95, hidden=True)), catalogue)
    issue = only(result)
    assert (issue.code, issue.location, issue.params, issue.indicator) == (
        "hidden-row",
        at("A12"),
        {"row": 12, "indicator": "PRD-02"},
        "PRD-02",
    )
    assert issue.severity is Severity.WARNING
    assert result.outcomes["PRD-02"].observation is not None


def test_issues_of_reading_come_first_and_every_row_is_read(catalogue: Catalogue) -> None:
    read = Issue("unknown-indicator", at("A99"), {"raw": "X", "suggestion": {"zh": "", "en": ""}})
    result = validate(
        submit(
            row(2, "PRD-20", 95),
            row(3, "PRD-02", "n/a"),
            row(4, "PRD-03", 0, 1, 0),
            read_issues=[read],
        ),
        catalogue,
    )
    assert [(i.code, i.location) for i in result.issues] == [
        ("unknown-indicator", at("A99")),
        ("unknown-indicator", at("A2")),
        ("not-a-number", at("B3")),
        ("zero-denominator", at("D4")),
    ]


@pytest.mark.parametrize("district", [None, "碑林区"])
def test_issues_of_a_district_row_carry_its_district(
    catalogue: Catalogue, district: str | None
) -> None:
    issue = only(validate(submit(row(2, "PRD-02", None, 5, 0, district=district)), catalogue))
    assert (issue.code, issue.location, issue.district) == ("zero-denominator", at("D2"), district)
