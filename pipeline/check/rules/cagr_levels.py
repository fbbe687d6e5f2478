"""Annual growth vs two levels: `由2.57万元增加到3.52万元、年均增长6.5%` over the period said.

The years come from the from-to itself (`从2020年的10.5万元提高到2025年的14万元`) or from the
nearest period named before it in its part of the document (`过去五年`, `五年来`, `“十三五”时期`);
a one-year period or none at all leaves the rate unverifiable rather than guessed.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Verdict
from ..changes import FromTo, from_to
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..interval import fmt, fmt_interval
from .multiple import cagr_interval

CN = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
PERIOD_RE = regex.compile(
    r"过去(?P<n>[一两二三四五六七八九十]|\d{1,2})年|(?<![\d年])(?P<n>[一两二三四五六七八九十]|\d{1,2})年(?:来|间|以来)"
    r"|[“\"]?十[一二三四五]?五[”\"]?(?:时期|期间|以来)"
)
LOOKBACK = 3000


def check(ctx: Context) -> list[Draft]:
    return [_draft(ctx, ft) for ft in from_to(ctx)
            if ft.annual is not None and ft.a.dimension not in ("percent", "permille") and not ft.down]


def period_years(ctx: Context, pos: int) -> tuple[int | None, str]:
    """Years of the period the text at `pos` looks back on, and the words that said it."""
    top = [s for s in ctx.doc.sections if s.level == 1 and s.span.start <= pos < s.body_span.end]
    start = top[-1].span.start if top else ctx.paragraph(pos)[0]
    found = list(PERIOD_RE.finditer(ctx.text, max(start, pos - LOOKBACK), pos))
    if not found:
        return None, ""
    m = found[-1]
    n = m.group("n")
    if n is None:
        return 5, m.group()
    return (int(n) if n.isdigit() else CN[n]), m.group()


def _draft(ctx: Context, ft: FromTo) -> Draft:
    assert ft.annual is not None
    g = ft.annual
    figs = [g, ft.a, ft.b]
    if ft.year_a is not None and ft.year_b is not None:
        years: int | None = ft.year_b - ft.year_a
        said = f"{ft.year_a}–{ft.year_b}"
    else:
        years, said = period_years(ctx, ft.a.start)
    quals = [q for q in (stated_interval(ctx, f)[1] for f in figs) if q]
    exempt = ctx.exemption_near(g.start)
    if years is None or years < 2 or quals or exempt:
        why = exempt or (quals[0] if quals else "the number of years is not stated")
        return Context.draft(RuleCode.CAGR_VS_LEVELS, Verdict.UNVERIFIABLE,
                             f"{ft.a.label()} to {ft.b.label()}, annual growth {g.label()}: {why}", figs,
                             stated=float(g.value), exemption=why, judged=g)
    ratio = ft.b.base_interval() / ft.a.base_interval()
    computed = cagr_interval(ratio, years)
    pr = (ft.b.value * ft.b.factor) / (ft.a.value * ft.a.factor)
    point = (pr ** (Decimal(1) / years) - 1) * 100
    verdict, severity = judge(g.interval(), computed, g.decimals)
    expl = (f"{ft.b.label()} / {ft.a.label()} over {years} years ({said}): "
            f"({fmt(pr, 4)})^(1/{years}) − 1 = {fmt(point, 2)}% (interval {fmt_interval(computed, 2, '%')}); "
            f"stated {g.label()} covers {fmt_interval(g.interval(), g.decimals + 1, '%')}: {verdict_word(verdict)}")
    return Context.draft(RuleCode.CAGR_VS_LEVELS, verdict, expl, figs, stated=float(g.value), computed=computed,
                         computed_value=point, severity=severity, judged=g)
