"""Changes stated between two levels, as the rules of growth and change read them.

Two forms are found, both by strict adjacency of the words between the figures (a looser
reading would pair figures that speak of different things):

- from-to: `由4.2%提高到4.9%`, `从2020年的10.5万元提高到2025年的14万元`, `由上年729万人增加到732万人`,
  then what follows B: `,增长x%`, `,年均增长x%`, `,提高0.7个百分点`, `,增加1.4万家`;
- level and change: `存款余额12345.67亿元,比年初增加1234.56亿元,增长11.1%` (the change Δ
  and, if stated, the rate after it).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..structure.dates import year_value
from .context import Context
from .figures import Figure
from .units import RATIO_DIMS

UP = "提高|增加|增长|提升|上升|扩大|跃升|攀升|上涨|增|升"
DOWN = "降低|下降|减少|缩小|回落|压减|压缩|下调|降|减"
# a year in Arabic digits or, in older reports, in Chinese ones (一九七八年)
YEAR = r"(?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3}"
# 从/由 A, where a short per-head word may stand between (从人均8.7万元, 由每人每年380元)
FROM_BEFORE = regex.compile(
    rf"(?:由|从)(?!业|事|而|严|快|简|中)\s*(?:(?P<year>{YEAR})年(?:底|末)?的?|上年(?:末|底)?的?)?"
    r"(?:人均|每人每年|每人|每万人口?|每千人口?)?\s*$"
)
TO_BETWEEN = regex.compile(
    rf"^\s*,?\s*(?:的水平)?(?P<verb>{UP}|{DOWN})(?:到|至)\s*(?:(?P<year>{YEAR})年(?:底|末)?的?)?\s*$"
)
# the span the change took, said again before it: ,四年间增长… / ,五年来年均增长…
SPAN = r"(?:(?:\d+|[两二三四五六七八九十]+)年(?:间|来|内)?)?"
# what follows B: an annual rate, a rate, or an amount, after a comma or 、 (a 按可比价格计算
# between is kept in the match: the rules then leave the rate unverifiable)
PRICES = r"(?:按?(?:可比价格?|不变价格?|可比口径)计算?,)?"
ANNUAL_AFTER = regex.compile(
    rf"^[,、]\s*{PRICES}{SPAN}(?:年均|年平均|平均每年|每年平均)(?:增长|递增|增速|提高)(?:率)?(?:为|达)?\s*$"
)
CHANGE_AFTER = regex.compile(
    rf"^[,、]\s*{PRICES}(?:即|共|累计)?{SPAN}(?:比上年|同比|分别)?(?P<verb>{UP}|{DOWN})(?:了)?(?:为|达)?\s*$"
)
# level, then 比年初增加Δ / 比上年末减少Δ
VERSUS = regex.compile(
    rf"^[,]\s*(?:比|较)(?P<ref>上年末|上年底|年初|上年同期|上年|去年同期|去年|上一年)(?P<verb>增加|净增|多|{DOWN}|增长)\s*$"
)
RATE_AFTER = regex.compile(rf"^[,、]\s*{PRICES}(?:比上年末|比年初|比上年|同比)?(?P<verb>{UP}|{DOWN})(?:了)?\s*$")


def is_down(verb: str) -> bool:
    return bool(regex.fullmatch(DOWN, verb))


@dataclass
class FromTo:
    a: Figure
    b: Figure
    down: bool
    year_a: int | None
    year_b: int | None
    annual: Figure | None = None  # 年均增长x%
    change: Figure | None = None  # 增长x% / 提高x个百分点 / 增加Δ
    change_down: bool = False


@dataclass
class LevelChange:
    level: Figure
    delta: Figure
    down: bool
    ref: str  # 年初, 上年末 …
    rate: Figure | None = None
    rate_down: bool = False


def _next(ctx: Context, fig: Figure) -> Figure | None:
    """The first figure after `fig` that can be a rate or change (四年间 is the span, not one)."""
    figs = [f for f in ctx.figures_in(fig.end, fig.end + 30) if not f.dimension.startswith("time_")]
    return figs[0] if figs else None


def _year(text: str | None) -> int | None:
    """1978 or 一九七八 → 1978."""
    return year_value(text) if text else None



def from_to(ctx: Context) -> list[FromTo]:
    out: list[FromTo] = []
    figs = ctx.figures
    for a, b in zip(figs, figs[1:], strict=False):
        if a.dimension != b.dimension or b.start - a.end > 24:
            continue
        to = TO_BETWEEN.match(ctx.text[a.end : b.start])
        frm = FROM_BEFORE.search(ctx.text[max(0, a.start - 12) : a.start])
        if not to or not frm:
            continue
        ya, yb = _year(frm.group("year")), _year(to.group("year"))
        item = FromTo(a, b, is_down(to.group("verb")), ya, yb)
        nxt = _next(ctx, b)
        if nxt is not None:
            between = ctx.text[b.end : nxt.start]
            if ANNUAL_AFTER.match(between) and nxt.dimension == "percent":
                item.annual = nxt
            elif (ch := CHANGE_AFTER.match(between)) is not None:
                item.change, item.change_down = nxt, is_down(ch.group("verb"))
        out.append(item)
    return out


def level_changes(ctx: Context) -> list[LevelChange]:
    out: list[LevelChange] = []
    figs = ctx.figures
    for level, delta in zip(figs, figs[1:], strict=False):
        if level.dimension != delta.dimension or level.dimension in RATIO_DIMS:
            continue
        vs = VERSUS.match(ctx.text[level.end : delta.start])
        if not vs:
            continue
        item = LevelChange(level, delta, is_down(vs.group("verb")), vs.group("ref"))
        nxt = _next(ctx, delta)
        if nxt is not None and nxt.dimension == "percent":
            rate = RATE_AFTER.match(ctx.text[delta.end : nxt.start])
            if rate:
                item.rate, item.rate_down = nxt, is_down(rate.group("verb"))
        out.append(item)
    return out
