"""Share: `A(829.92亿元)占B(10912.97亿元)的7.6%`, `A …,占B比重24.7%`, `A相当于B的3.15%`.

Recomputes A / B × 100 when both levels are stated; the whole B may also be stated earlier
(`常住人口540.12万人。其中,城镇人口432.10万人,占常住人口的比重为80.0%`): it is found by
its name (see wholes.py). When only A is known, the rule reports the total the share implies
(B = A / x%). The numerator is the nearest level before 占 in the same clause.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Verdict
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval
from ..paragraphs import group_strength, share_of
from ..relation_evidence import COMPLETE, PARTIAL, WEAK, evidence
from ..units import RATIO_DIMS
from ..wholes import loose_whole, stated_whole

# 占 as "accounts for", not 占地/占用/抢占
ZHAN = regex.compile(r"(?<!抢|侵|霸)占(?!地|用|领|据|有|满|优|先|到|线|位)|相当于(?=[^,;。\d]{2,20}的\d)")
WHOLE_NAME = regex.compile(r"(?P<noun>[^\d,;。()的]{2,16}?)(?:的|比重|比例|份额|\()")
CLAUSE_END = regex.compile(r"[;。\n]")
CHANGE_WORDS = regex.compile(r"增|降|提高|提升|减少|比上年|同比|年均")
# a change of a level (比上年末增加2.35万人) is not the part a following 占… speaks of
CHANGE_OF = regex.compile(r"比(?:上年|上月|年初|上年同期)[末底]?(?:增加|减少|净增|多|少)$")
MAX_LOOKBACK = 40
MAX_LOOKAHEAD = 45


def _numerator(ctx: Context, pos: int) -> Figure | None:
    start = pos - MAX_LOOKBACK
    clause = max((m.end() for m in CLAUSE_END.finditer(ctx.text, max(0, start), pos)), default=max(0, start))
    cands = [f for f in ctx.figures_in(clause, pos) if f.dimension not in RATIO_DIMS
             and not CHANGE_OF.search(ctx.text, max(0, f.start - 8), f.start)]
    return cands[-1] if cands else None


def _percent_after(ctx: Context, pos: int) -> tuple[Figure | None, list[Figure]]:
    stop = CLAUSE_END.search(ctx.text, pos, pos + MAX_LOOKAHEAD)
    end = stop.start() if stop else min(len(ctx.text), pos + MAX_LOOKAHEAD)
    nxt = ZHAN.search(ctx.text, pos + 1, end)
    end = nxt.start() if nxt else end
    figs = ctx.figures_in(pos, end)
    pct = next((f for f in figs if f.dimension == "percent"), None)
    if pct is None or CHANGE_WORDS.search(ctx.text, pos, pct.start):
        return None, []  # a growth rate after 占…, not the share itself
    return pct, [f for f in figs if f.end <= pct.start]


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in ZHAN.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        pct, between = _percent_after(ctx, m.end())
        num = _numerator(ctx, m.start())
        if pct is None or num is None:
            continue
        den = next((f for f in reversed(between) if f.dimension == num.dimension), None)
        stated, qual = stated_interval(ctx, pct)
        where = ""
        basis, strength = "the whole stated between 占 and the share", COMPLETE
        if den is None:
            name = WHOLE_NAME.match(ctx.text, m.end())
            den = stated_whole(ctx, name.group("noun"), num, m.start()) if name else None
            where = f" (the whole, {name.group('noun')}, is stated earlier)" if name and den else ""
            # the whole stated under the name after 占 or one of its names (wholes.py): exactly named
            basis = f"the whole named after 占 ({name.group('noun').strip() if name else ''}) stated earlier"
            if den is None and name is not None and _own_share(ctx, num, m.start()):
                den = loose_whole(ctx, name.group("noun"), num, m.start())
                if den is not None:
                    where = f" (the whole, {name.group('noun')}, is stated earlier with a qualifier)"
                    basis, strength = f"a level named “…{name.group('noun').strip()}” leads the text before", PARTIAL
            group = share_of(ctx, pct) if name is None else None
            if group is not None and group[0].whole is not None and group[1].figure is num:
                den = group[0].whole
                where = f" (the whole the list hangs from: {group[0].basis})"
                basis, strength = f"{group[0].basis}: a share of the group's whole", group_strength(group[0])
        if den is None:
            if pct.interval().lo > 0 and _speaks_of(ctx, num, m.start(), pct):  # 0% implies no whole
                out.append(_implied_total(ctx, num, pct))
            continue
        computed = num.base_interval() / den.base_interval() * Interval.exact(100)
        point = num.value * num.factor / (den.value * den.factor) * 100
        figs = [num, den, pct]
        roles = [("part", num), ("whole", den), ("share", pct)]
        if qual and qual.startswith("approximate"):
            out.append(Context.draft(RuleCode.SHARE, Verdict.UNVERIFIABLE,
                                     f"{num.label()} / {den.label()} = {fmt(point, 3)}%; stated {pct.label()} is {qual}",
                                     figs, stated=float(pct.value), computed=computed, computed_value=point,
                                     exemption=qual, judged=pct, evidence=evidence(ctx, strength, basis, roles, qual)))
            continue
        verdict, severity = judge(stated, computed, pct.decimals)
        if verdict == Verdict.INCONSISTENT and strength != COMPLETE:
            reason = "the whole is found by its name only and may be of another scope or period"
            out.append(Context.draft(RuleCode.SHARE, Verdict.UNVERIFIABLE,
                                     f"{num.label()} / {den.label()}{where} × 100 = {fmt(point, 3)}%; stated "
                                     f"{pct.label()} does not fit, but {reason}", figs, stated=float(pct.value),
                                     computed=computed, computed_value=point, exemption=reason, judged=pct,
                                     evidence=evidence(ctx, strength, basis, roles, reason)))
            continue
        bound = f" ({qual})" if qual else ""
        expl = (f"{num.label()} / {den.label()}{where} × 100 = {fmt(point, 3)}% "
                f"(interval {fmt_interval(computed, 4, '%')}); stated {pct.label()}{bound} covers "
                f"{fmt_interval(pct.interval(), pct.decimals + 1, '%')}: {verdict_word(verdict)}")
        out.append(Context.draft(RuleCode.SHARE, verdict, expl, figs, stated=float(pct.value),
                                 computed=computed, computed_value=point, severity=severity, judged=pct,
                                 evidence=evidence(ctx, strength, basis, roles)))
    return out


RATE_BETWEEN = regex.compile(r"[^,;]*?\d+(?:\.\d+)?%")


def _own_share(ctx: Context, num: Figure, zhan: int) -> bool:
    """Only rates stand between the numerator and 占 (`2276.5亿元,比上年增长8.8%,占…`), not the
    name of something else (`45678亿元,增长14.7%,机电产品出口占…`)."""
    return not RATE_BETWEEN.sub("", ctx.text[num.end : zhan]).strip(",、 ")


def _speaks_of(ctx: Context, num: Figure, zhan: int, pct: Figure) -> bool:
    """The share is the numerator's own (`A,占B的x%`, `A占…`) and its current one: not a share
    of something the clause names after A (`50万元以上的行政村占比`, `6个自贸协定,与自贸伙伴
    …占比`), nor the earlier share of a from-to (`占全国份额从14%提升到15.5%`)."""
    between = ctx.text[num.end : zhan]
    return between in ("", ",") and not regex.search(r"[从由]$", ctx.text[max(0, pct.start - 2) : pct.start])


def _implied_total(ctx: Context, num: Figure, pct: Figure) -> Draft:
    computed = num.interval() / pct.interval() * Interval.exact(100)
    point = num.value / pct.value * 100
    expl = (f"implied whole: {num.label()} / {pct.label()} = {fmt(point, 2)}{num.scale}{num.unit} "
            f"(interval {fmt_interval(computed, 2)}{num.scale}{num.unit}); the whole is not stated")
    return Context.draft(RuleCode.SHARE, Verdict.UNVERIFIABLE, expl, [num, pct], kind="implied",
                         stated=None, computed=computed, computed_value=Decimal(point),
                         evidence=evidence(ctx, WEAK, "a share after its part; the whole is not stated",
                                           [("part", num), ("share", pct)], "the whole is not stated"))
