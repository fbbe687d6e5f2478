"""Structure ratios that must total 100: `三次产业结构为2.5:36.7:60.7`, `三次产业占比由上年的
1.9:35.4:62.7调整为1.8:34.0:64.2`, `三次产业比重为4.0∶37.7∶58.3`.

Only ratios introduced by 结构/构成/比例/比重/占比 in their clause, with three or more terms
whose sum is already near 100, are taken as percentage structures (a 1:2:7 split is not). The
terms are rounded, so the sum may miss 100 by n × half a unit. The ratios are the claims stage's
`ratio` claims.

The terms of a standard breakdown's structure (三次产业, breakdowns.py) are also the shares of
its parts in their whole: when the paragraph (or the one before) states each part's level right
after its name and the GDP, each term is recomputed as level / GDP × 100. That catches a
structure forced to total 100 (a term that its own levels do not give). A structure introduced
as the previous year's (`由上年的…调整为`) is only summed.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import ClaimKind, Span
from ..breakdowns import STANDARD_BREAKDOWNS, breakdown_in
from ..context import Context, Draft, RuleCode, judge, verdict_word
from ..figures import DIGITS_RE, Figure, parse_number
from ..interval import Interval, fmt, fmt_interval
from ..relation_evidence import COMPLETE, evidence
from .share_list import level_after

TERM_SEP = regex.compile(r"[:∶]")  # width folding keeps the ratio sign ∶ apart from the colon
LEAD_RE = regex.compile(r"结构|构成|比例|之比|比重|占比")
CLAUSE = regex.compile(r"[,;。\n]")
EARLIER = regex.compile(r"(?:由|从)(?:上年|去年|上一年)?的?$")  # 由上年的1.9:35.4:62.7 (the old structure)
GDP = regex.compile(r"(?<!人均)(?:地区|国内)?生产总值|(?<!人均)GDP")
NEAR = (Decimal(90), Decimal(110))


def _terms(raw: str) -> list[str] | None:
    """A ratio claim's printed terms (2.0:36.0:62.0), or None when any is not plain digits."""
    terms = TERM_SEP.split(raw)
    return terms if all(DIGITS_RE.fullmatch(t) for t in terms) else None


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for claim in ctx.doc.claims:
        raw, start = claim.raw, claim.span.start
        texts = _terms(raw) if claim.kind == ClaimKind.RATIO else None
        if texts is None or len(texts) < 3 or ctx.in_table(start):
            continue
        clause = max((m.end() for m in CLAUSE.finditer(ctx.text, max(0, start - 40), start)), default=max(0, start - 40))
        lead = ctx.text[clause:start]
        if not LEAD_RE.search(lead):
            continue
        terms = [parse_number(t) for t in texts]
        point = sum((v for v, _ in terms), Decimal(0))
        if not NEAR[0] <= point <= NEAR[1]:
            continue
        summed = Interval.exact(0)
        for v, d in terms:
            summed = summed + Interval.printed(v, d)
        verdict, severity = judge(Interval.exact(100), summed, max(d for _, d in terms))
        spans, pos = [], start
        for t in texts:
            spans.append(Span(start=pos, end=pos + len(t)))
            pos += len(t) + 1
        places = max(d for _, d in terms)
        expl = (f"{' + '.join(texts)} = {fmt(point, places)} "
                f"(with rounding {fmt_interval(summed, places + 1)}); a structure must total 100: "
                f"{verdict_word(verdict)}")
        draft = Context.draft(RuleCode.STRUCTURE_RATIO, verdict, expl, extra_spans=spans[:8],
                              stated="100", computed=summed, computed_value=point, severity=severity)
        draft.evidence = evidence(ctx, COMPLETE, f"a structure introduced by “{lead.strip()}”: its terms total 100", [])
        out.append(draft)
        parts = breakdown_in(lead)
        if parts is not None and len(parts) == len(texts) and not EARLIER.search(lead):
            out += _terms_vs_levels(ctx, parts, terms, spans, start)
    return out


def _terms_vs_levels(ctx: Context, parts: tuple[str, ...], terms: list[tuple[Decimal, int]], spans: list[Span],
                     pos: int) -> list[Draft]:
    """Each term of a 三次产业 structure against its part's level over the GDP of the paragraph."""
    if parts != STANDARD_BREAKDOWNS[0]:
        return []
    p0, _ = ctx.paragraph(pos)
    lo = ctx.paragraph(p0 - 1)[0] if p0 else 0
    levels = [level_after(ctx, name, lo, pos, None) for name in parts]
    if any(f is None for f in levels) or len({(f.dimension, f.unit) for f in levels if f}) != 1:
        return []
    whole = _gdp(ctx, lo, pos, levels[0])  # type: ignore[arg-type]
    if whole is None:
        return []
    out = []
    for name, level, (value, decimals), span in zip(parts, levels, terms, spans, strict=True):
        assert level is not None
        computed = level.base_interval() / whole.base_interval() * Interval.exact(100)
        point = level.value * level.factor / (whole.value * whole.factor) * 100
        stated = Interval.printed(value, decimals)
        verdict, severity = judge(stated, computed, decimals)
        expl = (f"{name}: {level.label()} / {whole.label()} × 100 = {fmt(point, decimals + 2)} (interval "
                f"{fmt_interval(computed, decimals + 2)}); the structure's term {value} covers "
                f"{fmt_interval(stated, decimals + 1)}: {verdict_word(verdict)}")
        draft = Context.draft(RuleCode.SHARE, verdict, expl, [level, whole], extra_spans=[span], stated=float(value),
                              computed=computed, computed_value=point, severity=severity)
        term = Figure(span.start, span.end, value, decimals, "%")
        draft.evidence = evidence(ctx, COMPLETE, f"the {name} term of the 三次产业 structure: its share of GDP",
                                  [("part", level), ("whole", whole), ("share", term)])
        out.append(draft)
    return out


def _gdp(ctx: Context, lo: int, hi: int, like: Figure) -> Figure | None:
    """The last GDP level stated in [lo, hi): the first figure of the parts' dimension within a
    few characters after 地区生产总值/GDP (past a footnote mark or a bracket: 生产总值[2]…)."""
    found = None
    for m in GDP.finditer(ctx.text, lo, hi):
        fig = next((f for f in ctx.figures_in(m.end(), min(hi, m.end() + 32))
                    if f.dimension == like.dimension and f.start - m.end() <= 12), None)
        if fig is not None and not regex.search(r"[,;。]", ctx.text[m.end() : fig.start]):
            found = fig
    return found
