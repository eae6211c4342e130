"""Property-based tests: every accepted notation round-trips, parsing never fails, judging is monotone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from string import Formatter

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from qcity.catalogue import load_catalogue
from qcity.errors import ISSUE_TYPES, Issue, Location
from qcity.evaluate import judge
from qcity.model import Indicator, Op, Unit
from qcity.results import Cell, Status
from qcity.values import NO, YES, normalize_code, parse_amount, parse_value

CATALOGUE = load_catalogue()
RATE = CATALOGUE.indicator("PRD-02")  # percent, 0..100, at least 94
RATIO = CATALOGUE.indicator("ECO-04")  # ratio, at most 2.6
COUNT = CATALOGUE.indicator("SRV-01")
YES_NO = CATALOGUE.indicator("ENV-03")
NUMERIC = [i for i in CATALOGUE.indicators if i.target.op is not Op.IS]

FULL_WIDTH = str.maketrans("0123456789.%:,-", "０１２３４５６７８９．％：，－")
PADDING = st.sampled_from(["", " ", "\u00a0", "\u3000", "\u200b", "\ufeff", "\t", "\u200d "])
settings.register_profile("qcity", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("qcity")


def cell(value: object, fmt: str = "General") -> Cell:
    return Cell(value=value, coordinate="B2", number_format=fmt)


def decimals(lo: int, hi: int, places: int = 4) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=lo, max_value=hi, places=places, allow_nan=False).map(
        lambda d: d.normalize() if d != 0 else Decimal(0)
    )


def plain(d: Decimal) -> str:
    return format(d, "f")


# --- round trips -----------------------------------------------------------------------------------


@given(
    d=decimals(0, 100),
    notation=st.sampled_from(["{}", "{}%", "{} %", "{}％", "+{}"]),
    wide=st.booleans(),
    before=PADDING,
    after=PADDING,
)
@example(d=Decimal("95.3"), notation="{}%", wide=True, before="", after="")
def test_percent_text_round_trips(
    d: Decimal, notation: str, wide: bool, before: str, after: str
) -> None:
    text = notation.format(plain(d))
    if wide:
        text = text.translate(FULL_WIDTH)
    parsed = parse_value(cell(before + text + after), RATE)
    if "%" not in text and "％" not in text and 0 < d <= 1:
        # a bare 0.8 against a percentage target: 0.8% or 80%? refused, never guessed
        assert parsed.problem is not None and parsed.problem[0] == "suspicious-fraction"
        return
    assert parsed.problem is None, (text, parsed.problem)
    assert parsed.value == d


@given(d=decimals(0, 100))
def test_percent_numbers_and_percent_formatted_cells_round_trip(d: Decimal) -> None:
    if not 0 < d <= 1:  # a bare fraction is refused (see above)
        assert parse_value(cell(float(d)), RATE).value == d
    assert parse_value(cell(float(d / 100), "0.0%"), RATE).value == d


@given(
    d=decimals(1, 50, places=3),
    colon=st.sampled_from([":", "∶", "：", "比", " : "]),
    before=PADDING,
)
def test_ratio_round_trips(d: Decimal, colon: str, before: str) -> None:
    for text in (plain(d), f"{plain(d)}{colon}1", f"{plain(d)}{colon}1.0"):
        parsed = parse_value(cell(before + text), RATIO)
        assert parsed.problem is None, (text, parsed.problem)
        assert parsed.value == d
    assert parse_value(cell(float(d)), RATIO).value == d


@given(d=decimals(1, 50, places=2).filter(lambda d: d > 1))
def test_an_inverted_ratio_is_refused_and_the_fix_suggested(d: Decimal) -> None:
    parsed = parse_value(cell(f"1:{plain(d)}"), RATIO)
    assert parsed.problem is not None
    code, params = parsed.problem
    assert code == "ratio-format"
    suggested = Decimal(str(params["example"]).removesuffix("∶1"))
    assert abs(suggested - d) <= Decimal("0.005")


@given(n=st.integers(0, 10**6), suffix=st.sampled_from(["", "个", "项", " 个"]), wide=st.booleans())
def test_count_round_trips(n: int, suffix: str, wide: bool) -> None:
    text = f"{n}{suffix}"
    parsed = parse_value(cell(text.translate(FULL_WIDTH) if wide else text), COUNT)
    assert parsed.problem is None
    assert parsed.value == n
    assert parse_value(cell(n), COUNT).value == n
    assert parse_value(cell(float(n)), COUNT).value == n


@given(
    token=st.sampled_from(sorted(YES | NO)),
    upper=st.booleans(),
    before=PADDING,
    after=PADDING,
)
def test_yes_no_round_trips(token: str, upper: bool, before: str, after: str) -> None:
    parsed = parse_value(cell(before + (token.upper() if upper else token) + after), YES_NO)
    assert parsed.problem is None
    assert parsed.value is (token in YES)


@given(d=decimals(0, 10**9, places=2), separators=st.booleans(), wide=st.booleans())
def test_amount_round_trips_with_thousands_separators(
    d: Decimal, separators: bool, wide: bool
) -> None:
    text = f"{d:,f}" if separators else plain(d)
    parsed = parse_amount(cell(text.translate(FULL_WIDTH) if wide else text))
    assert parsed.problem is None, text
    assert parsed.value == d


@given(
    code=st.sampled_from([i.code for i in CATALOGUE.indicators]),
    cases=st.lists(st.booleans(), min_size=6, max_size=6),
    dash=st.sampled_from(["-", "_", "－", "\u2212", " - "]),
    wide=st.booleans(),
    before=PADDING,
    after=PADDING,
)
def test_codes_are_normalised(
    code: str, cases: list[bool], dash: str, wide: bool, before: str, after: str
) -> None:
    area, number = code.split("-")
    mixed = "".join(ch.lower() if low else ch for ch, low in zip(area, cases, strict=False))
    typed = f"{mixed}{dash}{number}"
    if wide:
        typed = typed.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert normalize_code(before + typed + after) == code


# --- parsing never fails ---------------------------------------------------------------------------

ANY_VALUE = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.from_regex(r"\A[+-]?\d{1,400}(\.\d{1,40})?[%个]?\Z"),  # long numbers in text
    st.floats(),
    st.integers(-(10**30), 10**30),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.times(),
)


@given(
    value=ANY_VALUE,
    indicator=st.sampled_from(CATALOGUE.indicators),
    fmt=st.sampled_from(["General", "0.0%", '0"%"', "yyyy-mm-dd"]),
)
def test_any_cell_gives_a_value_nothing_or_a_registered_problem(
    value: object, indicator: Indicator, fmt: str
) -> None:
    for parsed in (parse_value(cell(value, fmt), indicator), parse_amount(cell(value, fmt))):
        assert parsed.value is None or parsed.problem is None
        if isinstance(parsed.value, Decimal):
            assert parsed.value.is_finite()
        for code, params in [*([parsed.problem] if parsed.problem else []), *parsed.warnings]:
            assert code in ISSUE_TYPES
            issue_type = ISSUE_TYPES[code]
            for lang in ("zh", "en"):  # every field of the message and hint is given
                for template in (issue_type.message[lang], issue_type.hint[lang]):
                    fields = {f for _, f, _, _ in Formatter().parse(template) if f}
                    assert fields <= set(params), (code, fields - set(params))
            issue = Issue(code, Location(file="f.xlsx", sheet="数据", cell="B2"), params)
            assert issue.message("zh") and issue.hint("en")


# --- judging ------------------------------------------------------------------------------------------


@given(
    indicator=st.sampled_from(NUMERIC),
    a=decimals(-100, 200, places=6),
    b=decimals(-100, 200, places=6),
)
def test_judging_is_monotone(indicator: Indicator, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    s_low, _, gap_low = judge(indicator, low)
    s_high, _, gap_high = judge(indicator, high)
    assert gap_low is not None and gap_high is not None
    assert gap_low <= gap_high
    if indicator.target.op is Op.AT_MOST:
        # a lower figure never turns met into unmet
        assert not (s_high is Status.MET and s_low is Status.UNMET)
    else:
        # a higher figure never turns met into unmet (at_least, and about's lower bound)
        assert not (s_low is Status.MET and s_high is Status.UNMET)


@given(indicator=st.sampled_from(NUMERIC), value=decimals(-100, 200, places=6))
def test_status_agrees_with_the_sign_of_the_gap(indicator: Indicator, value: Decimal) -> None:
    status, judged, gap = judge(indicator, value)
    assert gap is not None and isinstance(judged, Decimal)
    met = gap <= 0 if indicator.target.op is Op.AT_MOST else gap >= 0
    assert (status is Status.MET) is met
    assert abs(judged - value) <= Decimal(5).scaleb(-indicator.decimals - 1)  # half up


@given(value=decimals(0, 100, places=6))
def test_a_percentage_is_judged_the_same_however_it_is_written(value: Decimal) -> None:
    assume(value > 0)
    forms = [f"{plain(value)}%", plain(value).translate(FULL_WIDTH) + "％"]
    if value > 1:  # a bare fraction is refused, not judged
        forms.append(plain(value))
    verdicts = set()
    for form in forms:
        parsed = parse_value(cell(form), RATE)
        assert isinstance(parsed.value, Decimal)
        verdicts.add(judge(RATE, parsed.value))
    assert len(verdicts) == 1
    assert RATE.unit is Unit.PERCENT
