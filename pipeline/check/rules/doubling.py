"""Doubling: `到2025年,全社会研发经费投入实现翻番` vs the table's base and target (32.24 → 64.48).

翻番/翻一番 is ×2, 翻两番 ×4. The indicator is found as for narrative vs table (the words before
翻番 name it); the target / base ratio, with both rounded, must contain the factor.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

import regex

from ...model import Span
from ..context import Context, Draft, RuleCode, judge, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval
from ..matching import coverage, modifiers_agree, row_sides
from ..relation_evidence import COMPLETE, with_evidence

DOUBLING_RE = regex.compile(r"翻(了)?(?P<n>一|两|二|三)?番")
FACTORS = {None: 2, "一": 2, "两": 4, "二": 4, "三": 8}
BACK_STOP = regex.compile(r"[;。,\n]")
NEAR_TABLES = 2  # on each side of the phrase


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    sides = row_sides(ctx)
    bases = {id(s.row): s for s in sides if s.name == "base"}
    # (table start, target side, base side) of every row that states both, in text order
    pairs = sorted(((side.table.span.start, side, bases.get(id(side.row))) for side in sides
                    if side.name == "target" and side.value.kind == "level" and side.row.base is not None),
                   key=lambda p: p[0])
    starts = sorted({p[0] for p in pairs})
    pair_starts = [p[0] for p in pairs]
    for m in DOUBLING_RE.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        stops = [s.end() for s in BACK_STOP.finditer(ctx.text, max(0, m.start() - 60), m.start())]
        before = ctx.text[stops[-1] if stops else max(0, m.start() - 60) : m.start()]
        best: tuple[float, Figure, Figure, str] | None = None
        k = bisect.bisect_left(starts, m.start())
        near = starts[max(0, k - NEAR_TABLES) : k + NEAR_TABLES]  # linear: the nearest tables only
        lo = bisect.bisect_left(pair_starts, near[0]) if near else 0
        hi = bisect.bisect_right(pair_starts, near[-1]) if near else 0
        for _, side, base in pairs[lo:hi]:
            ind = side.row.indicator or ""
            cov = coverage(ind, before, "")
            if base is None or cov < 0.6 or not modifiers_agree(ind, before):
                continue
            if best is None or cov > best[0]:
                best = (cov, base.figure, side.figure, ind)
        if best is None:
            continue
        factor = FACTORS[m.group("n")]
        out.append(with_evidence(ctx, _draft(m, factor, best[1], best[2], best[3]), COMPLETE,
                                 f"翻番 said of the table row “{best[3]}” that the sentence names",
                                 [("base", best[1]), ("target", best[2])]))
    return out


def _draft(m: regex.Match[str], factor: int, base: Figure, target: Figure, indicator: str) -> Draft:
    computed = target.interval() / base.interval()
    point = target.value / base.value
    verdict, severity = judge(Interval.exact(factor), computed, 2)
    expl = (f"“{m.group()}” means ×{factor}; {indicator}: table target {target.label()} / base {base.label()} = "
            f"{fmt(point, 3)} (interval {fmt_interval(computed, 3)}): {verdict_word(verdict)}")
    return Context.draft(RuleCode.DOUBLING, verdict, expl, [base, target],
                         extra_spans=[Span(start=m.start(), end=m.end())], stated=factor,
                         computed=computed, computed_value=Decimal(point), severity=severity)
