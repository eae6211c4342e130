"""Judging a figure against its target at the catalogue's precision."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qcity.evaluate import judge
from qcity.model import Catalogue
from qcity.results import Status


@pytest.mark.parametrize(
    ("code", "value", "status", "gap"),
    [
        ("PRD-02", "94", Status.MET, "0"),
        ("PRD-02", "93.9999999", Status.MET, "0"),  # float noise judged at 2 decimals
        ("PRD-02", "93.995", Status.MET, "0"),  # half up
        ("PRD-02", "93.994", Status.UNMET, "-0.01"),
        ("PRD-02", "93.9", Status.UNMET, "-0.1"),
        ("CON-01", "100", Status.MET, "0"),
        ("CON-01", "99.99", Status.UNMET, "-0.01"),
        ("ECO-04", "2.6", Status.MET, "0"),
        ("ECO-04", "2.604", Status.MET, "0"),
        ("ECO-04", "2.605", Status.UNMET, "0.01"),
        ("ECO-04", "2.72", Status.UNMET, "0.12"),
        ("ECO-03", "52", Status.MET, "0"),  # 53 左右, tolerance 1
        ("ECO-03", "51.99", Status.UNMET, "-0.01"),
        ("ECO-03", "60", Status.MET, "8"),
        ("SRV-01", "0", Status.UNMET, "-1"),
        ("SRV-01", "1", Status.MET, "0"),
        ("ECO-01", "-1.5", Status.UNMET, "-12.5"),
    ],
)
def test_judge(catalogue: Catalogue, code: str, value: str, status: Status, gap: str) -> None:
    got_status, _, got_gap = judge(catalogue.indicator(code), Decimal(value))
    assert got_status is status
    assert got_gap == Decimal(gap)


def test_yes_no(catalogue: Catalogue) -> None:
    indicator = catalogue.indicator("ENV-03")
    assert judge(indicator, True) == (Status.MET, True, None)
    assert judge(indicator, False) == (Status.UNMET, False, None)


def test_judged_value_is_rounded_half_up(catalogue: Catalogue) -> None:
    _, judged, _ = judge(catalogue.indicator("PRD-02"), Decimal("95.125"))
    assert judged == Decimal("95.13")
