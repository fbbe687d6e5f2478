"""Ratio and multiple: `829.92亿元,是“十二五”期末的4.4倍,年均增长34.5%`.

For each `是/为/相当于 …的N倍` the rule reports the base the multiple implies (level / N, kind
implied) and, when an annual growth rate follows, checks it against N^(1/years) − 1 with the
years from the base reference (十二五期末 = 2015) to the figure's own year. `分别是…的A倍和B倍`
pairs the multiples with the levels before 分别, in order.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Verdict
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval, fmt_sig
from ..periods import current_year, year_of
from ..relation_evidence import COMPLETE, PARTIAL, WEAK, with_evidence
from ..units import RATIO_DIMS

# 是“十二五”期末的 — the reference between the verb and 的 is kept for the base year
MULT_RE = regex.compile(r"(分别)?(?:是|为|相当于|达到)(?P<ref>[^,;。是为]{1,24}?)的$")
CAGR_AFTER = regex.compile(r"^[,、]?\s*(?:年均|年平均)(?:增长|增幅|增速|递增)(?:达|为)?$")
CLAUSE_END = regex.compile(r"[;。\n]")


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    mults = [f for f in ctx.figures if f.dimension == "multiple"]
    used: set[int] = set()
    for i, fig in enumerate(mults):
        if fig.start in used:
            continue
        head = ctx.text[max(0, fig.start - 40) : fig.start]
        m = MULT_RE.search(head)
        if not m:
            continue
        verb_at = fig.start - len(head) + m.start()
        group = [fig]
        if m.group(1):  # 分别是…的A倍和B倍
            for nxt in mults[i + 1 :]:
                if regex.fullmatch(r"[和、与及,]", ctx.text[group[-1].end : nxt.start]):
                    group.append(nxt)
        used.update(g.start for g in group)
        s, _ = ctx.sentence(fig.start)
        levels = [f for f in ctx.figures_in(s, verb_at) if f.dimension not in RATIO_DIMS]
        if len(levels) < len(group):
            continue
        base_year = year_of(m.group("ref"))
        year = current_year(ctx, levels[-len(group)].start)
        for level, mult in zip(levels[-len(group) :], group, strict=True):
            roles = [("level", level), ("multiple", mult)]
            out.append(with_evidence(ctx, _implied_base(level, mult, m.group("ref"), base_year), WEAK,
                                     "是…的N倍 after a level: the base it implies is not stated", roles))
            cagr = _cagr_after(ctx, mult)
            if cagr is not None:
                draft = _cagr_check(ctx, level, mult, cagr, base_year, year)
                strength = COMPLETE if draft.computed is not None else PARTIAL
                out.append(with_evidence(ctx, draft, strength, "N倍 over a stated period and the 年均增长 after it",
                                         [*roles, ("rate", cagr)]))
    return out


def _implied_base(level: Figure, mult: Figure, ref: str, base_year: int | None) -> Draft:
    computed = level.interval() / mult.interval()
    point = level.value / mult.value
    when = f" ({base_year})" if base_year else ""
    u = f"{level.scale}{level.unit}"
    expl = (f"implied base {ref}{when}: {level.label()} / {mult.label()} = {fmt_sig(point)}{u} "
            f"(interval {fmt_interval(computed, 2)}{u})")
    return Context.draft(RuleCode.MULTIPLE, Verdict.UNVERIFIABLE, expl, [level, mult], kind="implied",
                         computed=computed, computed_value=point)


def _cagr_after(ctx: Context, mult: Figure) -> Figure | None:
    stop = CLAUSE_END.search(ctx.text, mult.end, mult.end + 20)
    end = stop.start() if stop else mult.end + 20
    for f in ctx.figures_in(mult.end, end, "percent"):
        if CAGR_AFTER.search(ctx.text[mult.end : f.start]):
            return f
    return None


def cagr_interval(mult: Interval, years: int) -> Interval:
    """Annual growth in % implied by a multiple over `years` years: (N^(1/years) − 1) × 100."""
    return (mult.root(years) - Interval.exact(1)) * Interval.exact(100)


def _cagr_check(ctx: Context, level: Figure, mult: Figure, cagr: Figure,
                base_year: int | None, year: int | None) -> Draft:
    figs = [level, mult, cagr]
    if base_year is None or year is None or year <= base_year:
        return Context.draft(RuleCode.MULTIPLE_VS_CAGR, Verdict.UNVERIFIABLE,
                             f"{mult.label()} and annual growth {cagr.label()}: the period is not stated, "
                             "so the years cannot be counted", figs, stated=float(cagr.value), judged=cagr)
    n = year - base_year
    computed = cagr_interval(mult.interval(), n)
    point = (mult.value ** (Decimal(1) / n) - 1) * 100
    stated, qual = stated_interval(ctx, cagr)
    verdict, severity = judge(stated, computed, cagr.decimals)
    expl = (f"{mult.label()} over {base_year}–{year} ({n} years): {fmt(mult.value, mult.decimals)}^(1/{n}) − 1 = "
            f"{fmt(point, 2)}%; with {mult.label()} covering {fmt_interval(mult.interval(), mult.decimals + 1)} "
            f"the annual growth lies in {fmt_interval(computed, 2, '%')}; stated {cagr.label()} covers "
            f"{fmt_interval(cagr.interval(), cagr.decimals + 1, '%')}: {verdict_word(verdict)}")
    return Context.draft(RuleCode.MULTIPLE_VS_CAGR, verdict, expl, figs, stated=float(cagr.value),
                         computed=computed, computed_value=point, severity=severity, exemption=qual,
                         judged=cagr)
