"""Nominal and real growth of one thing against the document's consumer price index:
`次均门诊费用…按当年价格比上年下降0.2%,按可比价格下降0.4%` with `居民消费价格指数为100.2`, or
`人均可支配收入…名义增长5.3%,扣除价格因素,实际增长5.1%` with `居民消费价格比上年上涨0.2%`.

real = (1 + nominal) / (index / 100) − 1. The index is the document's (bulletin part's) one
stated consumer price index; which index deflates a figure (rural residents' prices for rural
income) the text does not say, so the pairing is `partial`: a fit is consistent, a miss stays
unverifiable.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from ..context import Context
from ..figures import Figure
from ..interval import Interval
from .phrases import DOWN, UP, is_down

NOMINAL_BEFORE = regex.compile(rf"(?:按当年价格|名义)(?:计算)?(?:比上年|同比)?(?P<verb>{UP}|{DOWN})\s*$")
REAL_BETWEEN = regex.compile(
    rf"^\s*[,，;；]?\s*(?:按可比价格(?:计算)?|扣除价格因素(?:后)?[,，]?\s*实际|实际)(?:比上年|同比)?"
    rf"(?P<verb>{UP}|{DOWN})\s*$"
)
CPI = regex.compile(
    r"居民消费价格(?:总)?指数(?:为|是)\s*(?P<index>\d{2,3}(?:\.\d+)?)(?![\d.%])"
    rf"|居民消费价格(?:总水平)?(?:比上年|同比)(?P<verb>{UP}|{DOWN}|持平)\s*(?P<rate>\d+(?:\.\d+)?)?%?"
)


@dataclass
class Deflated:
    nominal: Figure
    nominal_down: bool
    real: Figure
    real_down: bool


def price_index(text: str) -> tuple[Interval, Decimal, tuple[int, int]] | None:
    """The one consumer price index the text states (as an index, 100 = last year), with the
    span of its number; None when none or several different ones are stated."""
    found: dict[Decimal, tuple[Interval, tuple[int, int]]] = {}
    for m in CPI.finditer(text):
        if m.group("index"):
            raw, span = m.group("index"), m.span("index")
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            iv = Interval.printed(Decimal(raw), decimals)
        elif m.group("rate"):
            raw, span = m.group("rate"), m.span("rate")
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            sign = -1 if is_down(m.group("verb")) else 1
            rate = Interval.printed(Decimal(raw), decimals)
            iv = Interval(100 + sign * (rate.lo if sign > 0 else rate.hi), 100 + sign * (rate.hi if sign > 0 else rate.lo))
        else:
            continue
        found.setdefault(iv.mid, (iv, span))
    if len(found) != 1:
        return None
    mid, (iv, span) = next(iter(found.items()))
    return iv, mid, span


def pairs(ctx: Context) -> list[Deflated]:
    """Each nominal rate followed by its real rate, by adjacency."""
    figs = [f for f in ctx.figures if f.dimension == "percent" and f.unit == "%"]
    out: list[Deflated] = []
    for a, b in zip(figs, figs[1:], strict=False):
        if b.start - a.end > 24:
            continue
        nominal = NOMINAL_BEFORE.search(ctx.text, max(0, a.start - 16), a.start)
        real = REAL_BETWEEN.match(ctx.text[a.end : b.start])
        if nominal and real:
            out.append(Deflated(a, is_down(nominal.group("verb")), b, is_down(real.group("verb"))))
    return out
