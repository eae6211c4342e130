"""Fuzz the value parser: any cell content gives a value, nothing, or a registered problem.

Run (not part of the test suite; atheris is not a dependency):
    pip install atheris
    python fuzz/fuzz_values.py -max_total_time=300 fuzz/corpus-values
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import atheris

with atheris.instrument_imports():
    from qcity.catalogue import load_catalogue
    from qcity.errors import ISSUE_TYPES, Issue, Location
    from qcity.results import Cell
    from qcity.values import parse_amount, parse_value

CATALOGUE = load_catalogue()
FORMATS = ["General", "0.0%", "0%", '0.00"%"', "0\\%", "yyyy-mm-dd", "#,##0"]


def _cell(fdp: atheris.FuzzedDataProvider) -> Cell:
    kind = fdp.ConsumeIntInRange(0, 6)
    value: object
    if kind == 0:
        value = fdp.ConsumeUnicodeNoSurrogates(40)
    elif kind == 1:
        value = fdp.ConsumeRegularFloat()
    elif kind == 2:
        value = fdp.ConsumeInt(8)
    elif kind == 3:
        value = fdp.ConsumeBool()
    elif kind == 4:
        value = fdp.ConsumeFloat()  # NaN and infinities too
    elif kind == 5:
        value = dt.datetime(2015, 1, 1) + dt.timedelta(seconds=fdp.ConsumeIntInRange(0, 10**9))
    else:
        value = None
    return Cell(
        value=value,
        coordinate="B2",
        number_format=FORMATS[fdp.ConsumeIntInRange(0, len(FORMATS) - 1)],
        data_type=["n", "s", "b", "e", "d"][fdp.ConsumeIntInRange(0, 4)],
        formula="=A1" if fdp.ConsumeBool() else None,
    )


def test_one_input(data: bytes) -> None:
    """Parse one fuzzed cell for one indicator and as an amount; check the outcome's shape."""
    fdp = atheris.FuzzedDataProvider(data)
    indicator = CATALOGUE.indicators[fdp.ConsumeIntInRange(0, len(CATALOGUE.indicators) - 1)]
    cell = _cell(fdp)
    for parsed in (parse_value(cell, indicator), parse_amount(cell)):
        assert (parsed.value is None) or (parsed.problem is None), parsed
        if isinstance(parsed.value, Decimal):
            assert parsed.value.is_finite(), parsed
        for code, params in (
            (parsed.problem, *parsed.warnings) if parsed.problem else parsed.warnings
        ):
            assert code in ISSUE_TYPES, code
            issue = Issue(code, Location(file="f.xlsx", sheet="数据", cell="B2"), params)
            issue.message("zh")
            issue.message("en")
            issue.hint("zh")
            issue.hint("en")


def main() -> None:
    """libFuzzer entry point."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
