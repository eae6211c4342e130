"""Parsing cells into figures: every accepted notation, and what is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from qcity.model import Catalogue
from qcity.results import Cell
from qcity.values import (
    clean_text,
    format_decimal,
    is_percent_format,
    normalize_code,
    parse_amount,
    parse_value,
    quantize,
)


def cell(
    value: Any, fmt: str = "General", data_type: str = "n", formula: str | None = None
) -> Cell:
    return Cell(
        value=value, coordinate="E5", number_format=fmt, data_type=data_type, formula=formula
    )


@pytest.mark.parametrize(
    ("value", "fmt", "expected", "notation"),
    [
        (95.3, "General", "95.3", "number"),
        (95, "General", "95", "number"),
        ("95.3", "General", "95.3", "text-number"),
        ("95.3%", "General", "95.3", "percent-sign"),
        ("95.3 %", "General", "95.3", "percent-sign"),
        ("９５．３％", "General", "95.3", "percent-sign"),
        ("\u00a095.3\u200b", "General", "95.3", "text-number"),
        (0.953, "0.0%", "95.3", "percent-format"),
        (0.953, "0%", "95.3", "percent-format"),
        (1, "0.00%", "100", "percent-format"),
        (94, '0.00"%"', "94", "number"),  # a quoted % is a literal, not a percentage format
    ],
)
def test_percent_notations(
    catalogue: Catalogue, value: Any, fmt: str, expected: str, notation: str
) -> None:
    parsed = parse_value(cell(value, fmt), catalogue.indicator("PRD-02"))
    assert parsed.problem is None
    assert parsed.value == Decimal(expected)
    assert parsed.notation == notation


@pytest.mark.parametrize(
    "text", ["2.47", "2.47:1", "2.47∶1", "2.47：1", "2.47 : 1", "2.47比1", 2.47]
)
def test_ratio_notations(catalogue: Catalogue, text: Any) -> None:
    parsed = parse_value(cell(text), catalogue.indicator("ECO-04"))
    assert parsed.problem is None
    assert parsed.value == Decimal("2.47")


@pytest.mark.parametrize("text", ["1:2.47", "1∶2.47", "5:2", "2.47:0"])
def test_ratio_not_over_one_is_refused(catalogue: Catalogue, text: str) -> None:
    parsed = parse_value(cell(text), catalogue.indicator("ECO-04"))
    assert parsed.value is None
    assert parsed.problem is not None
    assert parsed.problem[0] == "ratio-format"


def test_inverted_ratio_suggests_the_right_way_round(catalogue: Catalogue) -> None:
    parsed = parse_value(cell("1:2.47"), catalogue.indicator("ECO-04"))
    assert parsed.problem is not None
    assert parsed.problem[1]["example"] == "2.47∶1"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("是", True), ("否", False), ("yes", True), ("No", False), ("TRUE", True),
        ("false", False), ("已完成", True), ("未完成", False), ("达标", True),
        ("未达标", False), ("✓", True), ("✗", False), ("1", True), ("0", False),
        (1, True), (0, False), (True, True), (False, False), (" 是 ", True),
    ],
)  # fmt: skip
def test_yes_no_notations(catalogue: Catalogue, raw: Any, expected: bool) -> None:
    parsed = parse_value(cell(raw), catalogue.indicator("ENV-03"))
    assert parsed.problem is None
    assert parsed.value is expected


@pytest.mark.parametrize("raw", ["也许", "2", 2, "yes!"])
def test_not_yes_no(catalogue: Catalogue, raw: Any) -> None:
    parsed = parse_value(cell(raw), catalogue.indicator("ENV-03"))
    assert parsed.problem is not None
    assert parsed.problem[0] == "not-yes-no"


@pytest.mark.parametrize(
    ("raw", "expected"), [("3", 3), ("3个", 3), ("3项", 3), (3, 3), (3.0, 3), ("０", 0)]
)
def test_count_notations(catalogue: Catalogue, raw: Any, expected: int) -> None:
    parsed = parse_value(cell(raw), catalogue.indicator("SRV-01"))
    assert parsed.problem is None
    assert parsed.value == expected


@pytest.mark.parametrize("raw", ["3.5", 3.5, -1, "-2", "一批", "三个"])
def test_count_refuses_fractions_and_words(catalogue: Catalogue, raw: Any) -> None:
    parsed = parse_value(cell(raw), catalogue.indicator("SRV-01"))
    assert parsed.problem is not None
    assert parsed.problem[0] == "not-a-whole-number"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("abc", "not-a-number"),
        ("95,3", "not-a-number"),
        ("1e999", "not-a-number"),
        ("NaN", "not-finite"),
        ("inf", "not-finite"),
        (float("nan"), "not-finite"),
        (float("inf"), "not-finite"),
        ("约95%", "approximate-value"),
        ("95%左右", "approximate-value"),
        ("95%以上", "approximate-value"),
        (True, "boolean-in-number"),
        (dt.datetime(2015, 6, 30), "date-in-value"),
        (dt.time(9, 30), "date-in-value"),
        ("#DIV/0!", "error-cell"),
        ("#N/A", "error-cell"),
        (-3, "out-of-range"),
        (100.5, "out-of-range"),
        ("101%", "out-of-range"),
    ],
)
def test_refused_percentages(catalogue: Catalogue, raw: Any, code: str) -> None:
    parsed = parse_value(cell(raw), catalogue.indicator("PRD-02"))
    assert parsed.value is None
    assert parsed.problem is not None
    assert parsed.problem[0] == code


def test_error_cell_by_type(catalogue: Catalogue) -> None:
    parsed = parse_value(cell("#VALUE!", data_type="e"), catalogue.indicator("PRD-02"))
    assert parsed.problem is not None
    assert parsed.problem[0] == "error-cell"


def test_formula_without_value(catalogue: Catalogue) -> None:
    parsed = parse_value(cell(None, formula="=A1*100"), catalogue.indicator("PRD-02"))
    assert parsed.problem == ("formula-without-value", {"formula": "=A1*100"})


def test_formula_with_cached_value_is_its_value(catalogue: Catalogue) -> None:
    parsed = parse_value(cell(95.5, formula="=A1*100"), catalogue.indicator("PRD-02"))
    assert parsed.value == Decimal("95.5")


def test_empty_is_missing_not_invalid(catalogue: Catalogue) -> None:
    for raw in (None, "", "   ", "\u200b"):
        parsed = parse_value(cell(raw), catalogue.indicator("PRD-02"))
        assert parsed.empty, raw


def test_bare_fraction_is_refused_with_its_likely_meaning(catalogue: Catalogue) -> None:
    parsed = parse_value(cell(0.953), catalogue.indicator("PRD-02"))
    assert parsed.value is None  # never rescaled silently, never judged as 0.953%
    assert parsed.problem is not None and parsed.problem[0] == "suspicious-fraction"
    assert parsed.problem[1]["suggestion"] == "95.3"


def test_growth_rate_may_be_negative(catalogue: Catalogue) -> None:
    parsed = parse_value(cell(-2.5), catalogue.indicator("ECO-01"))
    assert parsed.value == Decimal("-2.5")
    assert parsed.problem is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1,200", "1200"), (1200, "1200"), ("325.34", "325.34"), ("１２００", "1200")],
)
def test_amounts(raw: Any, expected: str) -> None:
    parsed = parse_amount(cell(raw))
    assert parsed.value == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "code"), [(-1, "out-of-range"), ("12,00", "not-a-number"), (True, "boolean-in-number")]
)
def test_bad_amounts(raw: Any, code: str) -> None:
    parsed = parse_amount(cell(raw))
    assert parsed.problem is not None
    assert parsed.problem[0] == code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("prd-01", "PRD-01"),
        (" PRD-01 ", "PRD-01"),
        ("ＰＲＤ－０１", "PRD-01"),
        ("PRD_01", "PRD-01"),
        ("PRD\u200b-01", "PRD-01"),
    ],
)
def test_codes_are_normalised(raw: str, code: str) -> None:
    assert normalize_code(raw) == code


def test_helpers() -> None:
    assert clean_text("\u3000９５\u200b ") == "95"
    assert is_percent_format("0.00%")
    assert not is_percent_format("General")
    assert not is_percent_format("0\\%")
    assert quantize(Decimal("93.9999999"), 2) == Decimal("94.00")
    assert quantize(Decimal("2.605"), 2) == Decimal("2.61")  # half up, not half even
    assert format_decimal(Decimal("1E+2")) == "100"
    assert format_decimal(Decimal("95.30")) == "95.3"
