"""A multiple stated after two levels: `由1000件增加到3000件,增长2倍` (B / A = x + 1: 增长x倍
says by how much, not to what), `…,是原来的3倍` (B / A = x), `…,实现翻一番` (B / A about 2, see LOOSE).

Only 增长/增加 x倍 is read as x + 1; 提高x倍 is used both ways in official texts, so it is left
alone. Both levels and the multiple are rounded as printed.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Span, Verdict
from ..changes import SPAN, FromTo, from_to
from ..context import Context, Draft, RuleCode, judge, judged_draft, stated_interval, verdict_word
from ..interval import Interval, fmt, fmt_interval
from ..relation_evidence import COMPLETE, with_evidence
from ..units import RATIO_DIMS
from .doubling import DOUBLING_RE, FACTORS

GROWN_BY = regex.compile(rf"^[,、]\s*(?:即|共|累计)?{SPAN}(?:比\S{{0,8}}?)?(?:增长|增加)了?$")
TIMES_OF = regex.compile(r"^[,、]\s*(?:是|为|相当于)[^,;。]{0,12}的$")
# 翻一番 is said loosely of a level that about doubled (2.1× is still 翻了一番); a shortfall
# beyond 5% or a tripling is no doubling
LOOSE = (Decimal("0.95"), Decimal("1.5"))
DOUBLED = regex.compile(r"[,、]\s*(?:实现|基本实现)?")


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for ft in from_to(ctx):
        if ft.down or ft.a.dimension in RATIO_DIMS:
            continue
        draft = _stated_multiple(ctx, ft) or _doubling(ctx, ft)
        if draft is not None:
            out.append(draft)
    return out


def _ratio(ft: FromTo) -> tuple[Interval, Decimal]:
    return ft.b.base_interval() / ft.a.base_interval(), (ft.b.value * ft.b.factor) / (ft.a.value * ft.a.factor)


def _stated_multiple(ctx: Context, ft: FromTo) -> Draft | None:
    nxt = [f for f in ctx.figures_in(ft.b.end, ft.b.end + 20) if not f.dimension.startswith("time_")]
    if not nxt or nxt[0].dimension != "multiple":
        return None
    x = nxt[0]
    between = ctx.text[ft.b.end : x.start]
    ratio, point = _ratio(ft)
    if GROWN_BY.match(between):
        what = f"{ft.b.label()} / {ft.a.label()} − 1 (增长x倍 is B / A − 1)"
        return with_evidence(ctx, judged_draft(ctx, RuleCode.MULTIPLE, what, [x, ft.a, ft.b], x,
                                               ratio - Interval.exact(1), point - 1, suffix="倍"),
                             COMPLETE, "从A增加到B, 增长x倍: the multiple of the two levels it follows",
                             [("base", ft.a), ("level", ft.b), ("multiple", x)])
    if TIMES_OF.match(between):
        return with_evidence(ctx, judged_draft(ctx, RuleCode.MULTIPLE, f"{ft.b.label()} / {ft.a.label()}",
                                               [x, ft.a, ft.b], x, ratio, point, suffix="倍"),
                             COMPLETE, "从A到B, 是…的x倍: the multiple of the two levels it follows",
                             [("base", ft.a), ("level", ft.b), ("multiple", x)])
    return None


def loose_factor(factor: int) -> Interval:
    return Interval(LOOSE[0] * factor, LOOSE[1] * factor)


def _doubling(ctx: Context, ft: FromTo) -> Draft | None:
    lead = DOUBLED.match(ctx.text, ft.b.end)
    m = DOUBLING_RE.match(ctx.text, lead.end()) if lead and lead.end() > ft.b.end else None
    if m is None:
        return None
    factor = FACTORS[m.group("n")]
    ratio, point = _ratio(ft)
    figs = [ft.a, ft.b]
    quals = [q for q in (stated_interval(ctx, f)[1] for f in figs) if q]
    what = f"“{m.group()}” means ×{factor}; {ft.b.label()} / {ft.a.label()} = {fmt(point, 3)}"
    mark = [Span(start=m.start(), end=m.end())]
    if quals:
        return with_evidence(ctx, Context.draft(RuleCode.DOUBLING, Verdict.UNVERIFIABLE, f"{what}; {quals[0]}", figs,
                                                extra_spans=mark, stated=factor, computed=ratio, computed_value=point,
                                                exemption=quals[0]),
                             COMPLETE, "从A到B 翻番", [("base", ft.a), ("level", ft.b)])
    verdict, severity = judge(loose_factor(factor), ratio, 2)
    expl = (f"{what} (interval {fmt_interval(ratio, 3)}); 翻番 is said of ×{fmt(LOOSE[0] * factor, 2)} to "
            f"×{fmt(LOOSE[1] * factor, 2)}: {verdict_word(verdict)}")
    return with_evidence(ctx, Context.draft(RuleCode.DOUBLING, verdict, expl, figs, extra_spans=mark, stated=factor,
                                            computed=ratio, computed_value=point, severity=severity),
                         COMPLETE, "从A到B 翻番", [("base", ft.a), ("level", ft.b)])
