"""The formulas of derived indicators in exact arithmetic: every step a Fraction, only a root taken
at 60 digits; pure functions of Decimals."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

HUNDRED = Decimal(100)
ONE = Decimal(1)
# Statistical offices compute from unrounded data: every step is exact (a Fraction) and only a
# root, which has no exact decimal, is taken at this many digits; the figure is then rounded
# once, half up, at the indicator's decimals. A value that is not a terminating decimal is never
# a tie, and 60 digits are far more than a tie could hide behind.
PRECISION = 60
_CONTEXT = Context(prec=PRECISION, rounding=ROUND_HALF_EVEN)


def exact(value: Fraction) -> Decimal:
    """A Fraction as a Decimal: exact when it terminates, else to 60 significant digits."""
    num, den = value.numerator, value.denominator
    rest = den
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    if rest == 1:
        # A terminating decimal: scale to an integer numerator, no rounding at all.
        places = 0
        while (num * 10**places) % den:
            places += 1
        return Decimal(num * 10**places // den).scaleb(-places)
    return _CONTEXT.divide(Decimal(num), Decimal(den))


def _f(value: Decimal) -> Fraction:
    return Fraction(value)


def share(a: Decimal, b: Decimal) -> Decimal:
    """A / B × 100, exact."""
    return exact(_f(a) / _f(b) * 100)


def ratio(a: Decimal, b: Decimal) -> Decimal:
    """A / B, exact."""
    return exact(_f(a) / _f(b))


def intensity(a: Decimal, b: Decimal) -> Decimal:
    """A / B (e.g. tonnes of coal equivalent per 10 000 yuan), unrounded."""
    return exact(_f(a) / _f(b))


def reduction_of(a_t: Decimal, b_t: Decimal, a_0: Decimal, b_0: Decimal) -> Decimal:
    """(1 − (A_t / B_t) / (A_0 / B_0)) × 100, exact: how far the intensity fell, in %."""
    return exact((1 - (_f(a_t) / _f(b_t)) / (_f(a_0) / _f(b_0))) * 100)


def reduction(intensity_t: Decimal, intensity_base: Decimal) -> Decimal:
    """(1 − I_t / I_base) × 100: how far the intensity fell since the base year, in %."""
    return exact((1 - _f(intensity_t) / _f(intensity_base)) * 100)


def _root(multiple: Fraction, years: int) -> Decimal:
    """(multiple)^(1 / years) − 1, × 100, at 60 digits (the one step that cannot be exact)."""
    base = _CONTEXT.divide(Decimal(multiple.numerator), Decimal(multiple.denominator))
    root = _CONTEXT.power(base, _CONTEXT.divide(ONE, Decimal(years)))
    return _CONTEXT.multiply(_CONTEXT.subtract(root, ONE), HUNDRED)


def cagr(value_t: Decimal, value_base: Decimal, years: int) -> Decimal:
    """((V_t / V_base)^(1 / years) − 1) × 100."""
    return _root(_f(value_t) / _f(value_base), years)


def growth_product(rates: list[Decimal]) -> Decimal:
    """Π (1 + r / 100): the growth multiple of the yearly rates, chained, exact."""
    return exact(_product(rates))


def _product(rates: list[Decimal]) -> Fraction:
    return math.prod((1 + _f(r) / 100 for r in rates), start=Fraction(1))


def cagr_of_rates(rates: list[Decimal]) -> Decimal:
    """((Π (1 + r / 100))^(1 / n) − 1) × 100: the compound average of n yearly growth rates."""
    return _root(_product(rates), len(rates))
