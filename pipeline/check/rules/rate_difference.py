"""Figures that must differ by another: `出生率为7.65‰;死亡率为6.68‰;人口自然增长率为0.97‰`,
and the trade balance `出口254545亿元…进口183923亿元。…贸易顺差70622亿元`.

Each relation is data (result = minuend − subtrahend, all named once in one paragraph with a
figure right after the name, of the kinds the relation allows, in one unit and scale); a
negative result is read from `-` or `负` before its figure.
"""

from __future__ import annotations

import regex

from ..context import Context, Draft, RuleCode, judged_draft
from ..figures import Figure
from ..interval import Interval

RATES = frozenset({"percent", "permille"})
AMOUNTS = frozenset({"money"})
# (result, minuend, subtrahend, dimensions): names as bulletins print them
RELATIONS = [("自然增长率", "出生率", "死亡率", RATES),
             ("顺差", "出口", "进口", AMOUNTS), ("逆差", "进口", "出口", AMOUNTS)]
LINK = r"(?:为|是|达|达到|额)?\s*(?P<neg>-|负)?"


def _rate(ctx: Context, name: str, lo: int, hi: int, dims: frozenset[str]) -> tuple[Figure, bool] | None:
    found: list[tuple[Figure, bool]] = []
    for m in regex.compile(regex.escape(name) + LINK).finditer(ctx.text, lo, hi):
        fig = next((f for f in ctx.figures_in(m.end(), m.end() + 12) if f.start == m.end()), None)
        if fig is not None and fig.dimension in dims:
            found.append((fig, bool(m.group("neg"))))
    return found[0] if len(found) == 1 else None  # two mentions: which one is meant is unclear


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for result, plus, minus, dims in RELATIONS:
        for m in regex.compile(regex.escape(result)).finditer(ctx.text):
            lo, hi = ctx.paragraph(m.start())
            if m.start() != ctx.text.find(result, lo, hi):
                continue  # one check per paragraph
            got = [_rate(ctx, n, lo, hi, dims) for n in (result, plus, minus)]
            if any(g is None for g in got):
                continue
            (r, rneg), (a, aneg), (b, bneg) = got  # type: ignore[misc]
            if aneg or bneg or len({(f.dimension, f.scale, f.unit) for f in (r, a, b)}) != 1:
                continue
            out.append(_draft(ctx, result, r, rneg, a, b))
    return out


def _draft(ctx: Context, name: str, r: Figure, neg: bool, a: Figure, b: Figure) -> Draft:
    iv = r.interval()
    stated = Interval(-iv.hi, -iv.lo) if neg else iv
    return judged_draft(ctx, RuleCode.RATE_DIFFERENCE, f"{name}: {a.label()} − {b.label()}", [r, a, b], r,
                        a.interval() - b.interval(), a.value - b.value, suffix=f"{a.scale}{a.unit}",
                        stated_iv=stated)
