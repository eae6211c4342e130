"""Parse a cell into a percentage, ratio, yes/no, count or amount: pure, every notation documented."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal

from qcity.errors import Lang, ParamValue, printable
from qcity.model import Indicator, Op, Unit
from qcity.render.i18n import words
from qcity.results import Cell

# Invisible characters that survive NFKC and come in from web pages and chat apps.
# Left-to-right and right-to-left marks come in with text copied from mixed-direction pages.
_CLEAN: dict[int, str | None] = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"), None
)
# The minus sign (U+2212) is how typeset documents, and qcity's own reports, write "−0.1".
_CLEAN[0x2212] = "-"
# Ratio colons: ASCII, full-width (NFKC folds it), U+2236 RATIO as the plan writes it, 比.
_RATIO_COLONS = str.maketrans({"\u2236": ":", "比": ":"})
_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+"
_NUMBER_RE = re.compile(rf"^(?:{_NUMBER})$")
_PERCENT_RE = re.compile(rf"^({_NUMBER})\s*%$")
_RATIO_RE = re.compile(rf"^({_NUMBER})\s*:\s*({_NUMBER})$")
_COUNT_RE = re.compile(r"^(\d+)\s*(?:个|项|家|处|批)?$")
_APPROX_RE = re.compile(
    r"约|大约|左右|以上|以下|超过|不足|不到|近|将近|接近|多|余|~|≈|about|approx|over|nearly|around"
)
_NON_FINITE = {"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
)  # fmt: skip

YES = frozenset({"是", "yes", "y", "true", "已完成", "完成", "达标", "已达标", "已实现", "实现",
                 "✓", "✔", "√", "1", "对"})  # fmt: skip
NO = frozenset({"否", "no", "n", "false", "未完成", "未达标", "未实现", "✗", "✘", "×", "x",
                "0", "错"})  # fmt: skip

Problem = tuple[str, dict[str, ParamValue]]
# No statistic reaches 10^15 (a thousand trillion); past it a figure is a typo or an attack, and
# would not survive the trip through a float into JSON.
MAX_MAGNITUDE = Decimal(10) ** 15


@dataclass(frozen=True)
class Parsed:
    """The outcome of parsing one cell: a value, nothing (empty), or a problem."""

    value: Decimal | bool | None
    notation: str
    raw: str
    problem: Problem | None = None
    warnings: tuple[Problem, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """True when the cell holds nothing at all (the figure is missing)."""
        return self.value is None and self.problem is None


def clean_text(text: str) -> str:
    """NFKC-normalise (full-width digits, ％, ：, NBSP), drop invisible characters, trim."""
    return unicodedata.normalize("NFKC", text).translate(_CLEAN).strip()


def normalize_code(text: str) -> str:
    """An indicator code as typed (`prd-01 `, `ＰＲＤ－０１`) in its canonical form."""
    code = clean_text(text).upper()
    code = re.sub(r"\s+", "", code)
    return code.replace("_", "-").replace("\u2010", "-").replace("\u2212", "-")


def raw_text(value: object) -> str:
    """How a cell's value is shown in messages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(value) if not value.is_integer() or abs(value) >= 1e16 else str(int(value))
    if isinstance(value, dt.datetime):
        # A date as a date (Excel keeps dates as midnight datetimes): 2015-06-30, not
        # 2015-06-30T00:00:00; a time of day, when there is one, after a space.
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    text = str(value)
    return printable(text if len(text) <= 80 else text[:77] + "…")


def to_decimal(value: int | float) -> Decimal:
    """A finite int or float as the Decimal a person would read (0.953, not 0.95299999…)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(value))


def is_percent_format(number_format: str) -> bool:
    """Whether an Excel number format shows the value as a percentage."""
    # Ignore quoted literals ("%") and escaped characters (\\%), which print a literal sign.
    stripped = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in stripped


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half up at *decimals* places, the way figures are published."""
    # Precision enough for every digit kept: the default 28 digits would raise on large values.
    digits = max(value.adjusted(), 0) + decimals + 2
    context = Context(prec=max(28, digits), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1).scaleb(-decimals), context=context)


def written_decimals(value: Decimal) -> int:
    """How many decimals a figure was written with (95.30 -> 2, 95 -> 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def agreement_places(reported: Decimal, decimals: int) -> int:
    """The decimals a reported figure is checked at: as written, at most the judged precision."""
    return min(written_decimals(reported), decimals)


def agrees(reported: Decimal, computed: Decimal, decimals: int) -> bool:
    """Whether *computed* rounds to *reported* at the precision *reported* was written with."""
    places = agreement_places(reported, decimals)
    return quantize(computed, places) == quantize(reported, places)


_EXPECTED: dict[Unit | str, dict[Lang, str]] = {
    Unit.PERCENT: words("expected-percent"),
    Unit.RATIO: words("expected-ratio"),
    Unit.COUNT: words("expected-count"),
    Unit.BOOLEAN: words("expected-boolean"),
    "amount": words("expected-amount"),
}
_EXAMPLE: dict[Unit | str, dict[Lang, str]] = {
    Unit.PERCENT: words("example-percent"),
    Unit.RATIO: words("example-ratio"),
    Unit.COUNT: words("example-count"),
    Unit.BOOLEAN: words("example-boolean"),
    "amount": words("example-amount"),
}


def _problem(code: str, raw: str, kind: Unit | str, **extra: ParamValue) -> Problem:
    params: dict[str, ParamValue] = {
        "raw": raw,
        "expected": _EXPECTED[kind],
        "example": _EXAMPLE[kind],
    }
    params.update(extra)
    return code, params


def _text_number(text: str) -> Decimal | None:
    if _NUMBER_RE.match(text):
        return Decimal(text.replace(",", ""))
    return None


def parse_value(cell: Cell | None, indicator: Indicator) -> Parsed:
    """Parse the value cell of *indicator*; range checks and warnings included."""
    parsed = _parse(cell, indicator.unit)
    if isinstance(parsed.value, Decimal):
        return _check_range(parsed, indicator)
    return parsed


def _parse(cell: Cell | None, unit: Unit) -> Parsed:
    if unit not in (Unit.PERCENT, Unit.RATIO, Unit.BOOLEAN, Unit.COUNT):
        return parse_amount(cell)  # scores, indices, amounts, days, concentrations, multiples
    pre = _common(cell, unit)
    if pre is not None:
        return pre
    assert cell is not None
    if unit is Unit.PERCENT:
        return _parse_percent(cell)
    if unit is Unit.RATIO:
        return _parse_ratio(cell)
    if unit is Unit.BOOLEAN:
        return _parse_boolean(cell)
    return _parse_count(cell)


def _common(cell: Cell | None, kind: Unit | str) -> Parsed | None:
    """What is the same for every kind: empty, formulas, errors, dates, non-finite."""
    if (
        cell is None
        or cell.value is None
        or (isinstance(cell.value, str) and not clean_text(cell.value))
    ):
        if cell is not None and cell.formula is not None:
            return Parsed(
                None, "formula", cell.formula, ("formula-without-value", {"formula": cell.formula})
            )
        return Parsed(None, "empty", "")
    value = cell.value
    raw = raw_text(value)
    if cell.data_type == "e" or (isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS):
        return Parsed(None, "error", raw, _problem("error-cell", raw, kind))
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return Parsed(None, "date", raw, _problem("date-in-value", raw, kind))
    if isinstance(value, bool):
        if kind is Unit.BOOLEAN:
            return None
        return Parsed(None, "boolean", raw, _problem("boolean-in-number", raw, kind))
    if isinstance(value, float) and not math.isfinite(value):
        return Parsed(None, "number", raw, _problem("not-finite", raw, kind))
    if isinstance(value, str):
        text = clean_text(value).casefold()
        if text in _NON_FINITE:
            return Parsed(None, "text", raw, _problem("not-finite", raw, kind))
    elif not isinstance(value, (int, float)):
        return Parsed(None, "other", raw, _problem("not-a-number", raw, kind))
    return None


def _approximate(text: str, raw: str, kind: Unit | str) -> Parsed | None:
    if _APPROX_RE.search(text) and re.search(r"\d", text):
        example = re.sub(_APPROX_RE, "", text).strip() or "95.3%"
        return Parsed(
            None, "approximate", raw, _problem("approximate-value", raw, kind, example=example)
        )
    return None


def _parse_percent(cell: Cell) -> Parsed:
    value = cell.value
    raw = raw_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = to_decimal(value)
        if is_percent_format(cell.number_format):
            # Stored 0.953, shown 95.3%: the cell says what it means, so scaling is not a guess.
            return Parsed(
                (number * 100).normalize() if number else Decimal(0), "percent-format", raw
            )
        return Parsed(number, "number", raw)
    assert isinstance(value, str)
    text = clean_text(value)
    if m := _PERCENT_RE.match(text):
        return Parsed(Decimal(m.group(1).replace(",", "")), "percent-sign", raw)
    if (parsed := _text_number(text)) is not None:
        return Parsed(parsed, "text-number", raw)
    return _approximate(text, raw, Unit.PERCENT) or Parsed(
        None, "text", raw, _problem("not-a-number", raw, Unit.PERCENT)
    )


def _parse_ratio(cell: Cell) -> Parsed:
    value = cell.value
    raw = raw_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Parsed(to_decimal(value), "number", raw)
    assert isinstance(value, str)
    text = clean_text(value).translate(_RATIO_COLONS)
    if m := _RATIO_RE.match(text):
        first, second = (Decimal(g.replace(",", "")) for g in m.groups())
        if second == 1:
            return Parsed(first, "ratio-colon", raw)
        if second != 0 and first != 0:
            suggestion = quantize(max(first, second) / min(first, second), 2)
            example = f"{suggestion}∶1"
        else:
            example = "2.47∶1"
        return Parsed(
            None, "ratio-colon", raw, _problem("ratio-format", raw, Unit.RATIO, example=example)
        )
    if (number := _text_number(text)) is not None:
        return Parsed(number, "text-number", raw)
    return _approximate(text, raw, Unit.RATIO) or Parsed(
        None, "text", raw, _problem("not-a-number", raw, Unit.RATIO)
    )


def _parse_boolean(cell: Cell) -> Parsed:
    value = cell.value
    raw = raw_text(value)
    if isinstance(value, bool):
        return Parsed(value, "boolean-cell", raw)
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return Parsed(bool(value), "number", raw)
        return Parsed(None, "number", raw, _problem("not-yes-no", raw, Unit.BOOLEAN))
    assert isinstance(value, str)
    text = clean_text(value).casefold()
    if text in YES:
        return Parsed(True, "yes-no", raw)
    if text in NO:
        return Parsed(False, "yes-no", raw)
    return Parsed(None, "text", raw, _problem("not-yes-no", raw, Unit.BOOLEAN))


def _parse_count(cell: Cell) -> Parsed:
    value = cell.value
    raw = raw_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = to_decimal(value)
        if number < 0 or number != number.to_integral_value():
            return Parsed(None, "number", raw, _problem("not-a-whole-number", raw, Unit.COUNT))
        return Parsed(Decimal(int(number)), "number", raw)
    assert isinstance(value, str)
    text = clean_text(value)
    if m := _COUNT_RE.match(text):
        return Parsed(
            Decimal(int(m.group(1))),
            "count-suffix" if m.group(0) != m.group(1) else "text-number",
            raw,
        )
    if _text_number(text) is not None:
        return Parsed(None, "text", raw, _problem("not-a-whole-number", raw, Unit.COUNT))
    return _approximate(text, raw, Unit.COUNT) or Parsed(
        None, "text", raw, _problem("not-a-whole-number", raw, Unit.COUNT)
    )


def parse_percent(cell: Cell | None) -> Parsed:
    """Parse a percentage with no indicator attached (a growth rate of a series): may be negative."""
    pre = _common(cell, Unit.PERCENT)
    if pre is not None:
        return pre
    assert cell is not None
    return _parse_percent(cell)


def parse_amount(cell: Cell | None) -> Parsed:
    """Parse a numerator or denominator: a non-negative number, thousands separators allowed."""
    pre = _common(cell, "amount")
    if pre is not None:
        return pre
    assert cell is not None
    value = cell.value
    raw = raw_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number: Decimal | None = to_decimal(value)
    else:
        assert isinstance(value, str)
        text = clean_text(value)
        number = _text_number(text)
        if number is None:
            return _approximate(text, raw, "amount") or Parsed(
                None, "text", raw, _problem("not-a-number", raw, "amount")
            )
    assert number is not None
    if number < 0 or number >= MAX_MAGNITUDE:
        return Parsed(None, "number", raw, ("out-of-range", {"value": raw, "range": "[0, 10^15)"}))
    return Parsed(number, "number", raw)


def _check_range(parsed: Parsed, indicator: Indicator) -> Parsed:
    value = parsed.value
    assert isinstance(value, Decimal)
    if not indicator.range.contains(value) or abs(value) >= MAX_MAGNITUDE:
        lo = "−10^15" if indicator.range.min is None else format_decimal(indicator.range.min)
        hi = "10^15" if indicator.range.max is None else format_decimal(indicator.range.max)
        return Parsed(
            None,
            parsed.notation,
            parsed.raw,
            (
                "out-of-range",
                {
                    "value": raw_text(format_decimal(value)),
                    "range": f"{'(' if indicator.range.min is None else '['}{lo}, "
                    f"{hi}{')' if indicator.range.max is None else ']'}",
                },
            ),
        )
    target = indicator.target
    if (
        indicator.unit is Unit.PERCENT
        and parsed.notation in ("number", "text-number")
        and target.op is not Op.IS
        and 0 < value <= 1 < target.threshold
    ):
        # 0.824 against "80%以上" is 0.824% or 82.4%: judging either would be a guess, so the
        # figure is refused with the likely meaning (a percent-formatted cell says which).
        suggestion = format_decimal(value * 100)
        problem: Problem = (
            "suspicious-fraction",
            {
                "raw": parsed.raw,
                "target": format_decimal(target.number) + "%",
                "suggestion": suggestion,
            },
        )
        return Parsed(None, parsed.notation, parsed.raw, problem, parsed.warnings)
    return parsed


def format_decimal(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 95.30 -> 95.3, 1E+2 -> 100."""
    # format() keeps every digit; normalize() or quantize() would round or raise past 28 digits.
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
