"""Rounding intervals: a printed figure stands for every value that prints the same way.

`7.6` printed to one decimal is [7.55, 7.65]; a count of discrete things (43家) is exact. All
arithmetic is on closed intervals with `Decimal` at 50 digits, so a boundary case such as
80.75 → 80.8 cannot be flipped by binary float error. Only monotone operations on positive
quantities are needed (sums, ratios, roots, powers), which keeps the bounds exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

PREC = 50


def half_unit(decimals: int) -> Decimal:
    """Half a unit of the last printed digit: 0.05 for one decimal."""
    return Decimal(5).scaleb(-decimals - 1)


def unit_of(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    # ---------------------------------------------------------------- construction
    @classmethod
    def exact(cls, value: Decimal | int | str) -> Interval:
        v = Decimal(value)
        return cls(v, v)

    @classmethod
    def printed(cls, value: Decimal | str, decimals: int) -> Interval:
        """The values that round (half-up) to `value` printed with `decimals` places."""
        v = Decimal(value)
        h = half_unit(decimals)
        return cls(v - h, v + h)

    @property
    def mid(self) -> Decimal:
        with localcontext() as ctx:
            ctx.prec = PREC
            return (self.lo + self.hi) / 2

    # ---------------------------------------------------------------- arithmetic
    def __add__(self, other: Interval) -> Interval:
        with localcontext() as ctx:
            ctx.prec = PREC
            return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        with localcontext() as ctx:
            ctx.prec = PREC
            return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        with localcontext() as ctx:
            ctx.prec = PREC
            products = [a * b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
            return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        with localcontext() as ctx:
            ctx.prec = PREC
            quotients = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
            return Interval(min(quotients), max(quotients))

    def scale(self, factor: Decimal | int) -> Interval:
        return self * Interval.exact(Decimal(factor))

    def power(self, exponent: Decimal | int) -> Interval:
        """x^e for x > 0: monotone increasing for e > 0."""
        if self.lo <= 0:
            raise ValueError("power of a non-positive interval")
        e = Decimal(exponent)
        with localcontext() as ctx:
            ctx.prec = PREC
            a, b = self.lo**e, self.hi**e
            return Interval(min(a, b), max(a, b))

    def root(self, n: int) -> Interval:
        with localcontext() as ctx:
            ctx.prec = PREC
            return self.power(Decimal(1) / Decimal(n))

    # ---------------------------------------------------------------- comparison
    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def gap(self, other: Interval) -> Decimal:
        """Distance between the intervals, 0 when they meet."""
        if self.intersects(other):
            return Decimal(0)
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    def widen(self, amount: Decimal) -> Interval:
        return Interval(self.lo - amount, self.hi + amount)


def fmt(value: Decimal, places: int) -> str:
    """A Decimal printed with `places` decimals (half-up), no exponent."""
    q = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = PREC
        return f"{value.quantize(q):f}"


def fmt_sig(value: Decimal, digits: int = 4, min_places: int = 2) -> str:
    """At least `digits` significant digits and `min_places` decimals: 188.62, 0.2729."""
    whole = len(str(abs(int(value)))) if abs(value) >= 1 else 0
    lead_zeros = 0
    if 0 < abs(value) < 1:
        lead_zeros = -abs(value).adjusted() - 1
    return fmt(value, max(min_places, digits - whole + lead_zeros))


def fmt_interval(iv: Interval, places: int, suffix: str = "") -> str:
    """`lo–hi` with enough decimals that distinct bounds print distinctly."""
    p = places
    while p < places + 4 and fmt(iv.lo, p) == fmt(iv.hi, p) and iv.lo != iv.hi:
        p += 1
    if iv.lo == iv.hi:
        return f"{fmt(iv.lo, p)}{suffix}"
    return f"{fmt(iv.lo, p)}{suffix}–{fmt(iv.hi, p)}{suffix}"
