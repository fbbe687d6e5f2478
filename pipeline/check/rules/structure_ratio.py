"""Structure ratios that must total 100: `三次产业结构为2.5:36.7:60.7`.

Only ratios introduced by 结构/构成/比例 with three or more terms whose sum is already near
100 are taken as percentage structures (a 1:2:7 split is not). The terms are rounded, so the
sum may miss 100 by n × half a unit. The ratios are the claims stage's `ratio` claims.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import ClaimKind, Span
from ..context import Context, Draft, RuleCode, judge, verdict_word
from ..figures import DIGITS_RE, parse_number
from ..interval import Interval, fmt, fmt_interval

TERM_SEP = regex.compile(r"[:∶]")  # width folding keeps the ratio sign ∶ apart from the colon
LEAD_RE = regex.compile(r"(结构|构成|比例|之比)")
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
        if not LEAD_RE.search(ctx.text, max(0, start - 14), start):
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
        out.append(Context.draft(RuleCode.STRUCTURE_RATIO, verdict, expl, extra_spans=spans[:8],
                                 stated="100", computed=summed, computed_value=point, severity=severity))
    return out
