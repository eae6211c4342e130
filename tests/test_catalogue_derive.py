"""The catalogue's series and `derive:` blocks: a closed set of kinds, every mistake located."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from qcity.model import Catalogue, SeriesKind

from .conftest import ROOT, Run
from .test_catalogue import line_of, problems, variant

SERIES = [
    "GDP", "GDP_REAL_GROWTH", "GDP_CONST", "ENERGY", "CO2", "REVENUE", "LEADING_VA", "RND",
    "URBAN_INCOME", "RURAL_INCOME",
]  # fmt: skip


def test_the_series_codes_are_the_public_contract(catalogue: Catalogue) -> None:
    assert [s.code for s in catalogue.series] == SERIES
    assert catalogue.series_by_code("GDP_REAL_GROWTH").kind is SeriesKind.GROWTH
    assert catalogue.series_by_code("GDP").unit.zh == "亿元"
    assert catalogue.series_by_code("ENERGY").unit.zh == "万吨标准煤"
    assert [b.code for b in catalogue.series_by_code("RURAL_INCOME").bases] == [
        "disposable",
        "net",
    ]
    for series in catalogue.series:
        assert series.name.zh in series.aliases or series.code in ("RURAL_INCOME",), series.code


def test_every_derivation_of_the_plan(catalogue: Catalogue) -> None:
    derive = {i.code: i.derive.model_dump() for i in catalogue.indicators if i.derive}
    assert derive["ENV-01"] == {
        "kind": "intensity_reduction",
        "numerator": "ENERGY",
        "denominator": "GDP_CONST",
        "base_year": 2010,
    }
    assert derive["ENV-02"]["numerator"] == "CO2"
    assert derive["ECO-01"] == {
        "kind": "cagr_of_rates",
        "series": "GDP_REAL_GROWTH",
        "base_year": 2010,
        "levels": "GDP_CONST",
    }
    assert derive["ECO-02"] == {"kind": "cagr", "series": "REVENUE", "base_year": 2010}
    assert derive["ECO-03"] == {"kind": "share", "numerator": "LEADING_VA", "denominator": "GDP"}
    assert derive["ECO-04"] == {
        "kind": "ratio",
        "numerator": "URBAN_INCOME",
        "denominator": "RURAL_INCOME",
    }
    assert derive["ECO-05"] == {"kind": "share", "numerator": "RND", "denominator": "GDP"}
    rates = [code for code, d in derive.items() if d["kind"] == "rate"]
    assert len(rates) == 14 and "SRV-01" not in derive and "ENV-03" not in derive


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "numerator: RND, denominator: GDP}",
            "numerator: RDN, denominator: GDP}",
            "numerator: RDN",
            "indicators[22].derive.numerator: 'RDN' is not a listed series",
        ),
        (
            "kind: share, numerator: LEADING_VA",
            "kind: shares, numerator: LEADING_VA",
            "kind: shares",
            "indicators[20].derive: Input tag 'shares' found using 'kind' does not match any of "
            "the expected tags: 'rate', 'share', 'ratio', 'intensity_reduction', 'cagr', "
            "'cagr_of_rates', 'change'",
        ),
        (
            "series: REVENUE, base_year: 2010}",
            "series: REVENUE, base_year: 1800}",
            "base_year: 1800",
            "indicators[19].derive.base_year: Input should be greater than or equal to 1900 "
            "(got 1800)",
        ),
        (
            "series: REVENUE, base_year: 2010}",
            "series: REVENUE, base_year: 2010, formula: x}",
            "formula: x",
            "indicators[19].derive.formula: unknown key 'formula'",
        ),
        (
            "kind: cagr, series: REVENUE",
            "kind: cagr, series: GDP_REAL_GROWTH",
            "kind: cagr, series: GDP_REAL",
            "indicators[19].derive.series: cagr needs a series of kind amount, "
            "GDP_REAL_GROWTH is growth",
        ),
        (
            "numerator: URBAN_INCOME, denominator: RURAL_INCOME",
            "numerator: URBAN_INCOME, denominator: URBAN_INCOME",
            "denominator: URBAN_INCOME",
            "indicators[21].derive.denominator: numerator and denominator are the same series",
        ),
        (
            "kind: ratio, numerator: URBAN_INCOME",
            "kind: share, numerator: URBAN_INCOME",
            "  - code: ECO-04",
            "indicators[21]: derive kind 'share' gives a percent, but the indicator's unit is ratio",
        ),
    ],
)
def test_derive_mistakes_are_located(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    path = variant(tmp_path, old, new)
    assert problems(path) == [f"{path}:{line_of(path, needle)}: {message}"]


def test_series_mistakes_are_located(tmp_path: Path) -> None:
    path = variant(tmp_path, "    kind: growth\n", "    kind: index\n")
    assert problems(path) == [
        f"{path}:{line_of(path, 'kind: index')}: series[1].kind: "
        "must be one of 'amount' or 'growth', not 'index'"
    ]
    path = variant(tmp_path, "  - code: GDP_CONST\n", "  - code: GDP\n")
    assert problems(path)[0].endswith("series[2].code: duplicate code 'GDP' (also series[0])")


def test_nothing_is_evaluated(tmp_path: Path) -> None:
    # a formula-looking string is refused as a series code, never run
    path = variant(
        tmp_path,
        "numerator: RND, denominator: GDP}",
        "numerator: __import__('os'), denominator: GDP}",
    )
    assert problems(path) == [
        f"{path}:{line_of(path, '__import__')}: indicators[22].derive.numerator: "
        "String should match pattern '^[A-Z][A-Z0-9_]*$' (got \"__import__('os')\")"
    ]


def test_schema_describes_derive_and_series(cli: Callable[..., Run]) -> None:
    schema = json.loads(cli("catalogue", "schema").stdout)
    data = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    data["catalogue"]["issued"] = str(data["catalogue"]["issued"])
    jsonschema.validate(data, schema)
    data["indicators"][20]["derive"] = {"kind": "share", "numerator": "GDP"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_a_catalogue_without_series_still_works(
    cli: Callable[..., Run], tmp_path: Path, make_submission: Callable[..., Path]
) -> None:
    data = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    del data["series"]
    for indicator in data["indicators"]:
        indicator.pop("derive", None)
    path = tmp_path / "plain.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run = cli("check", make_submission({"PRD-02": (None, 1121, 1200)}), "--catalogue", path)
    assert run.exit_code == 1, run.output
    assert "93.42%*" in run.stdout
