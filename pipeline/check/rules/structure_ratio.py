"""Structure ratios that must total 100: `三次产业结构为2.5:36.7:60.7`.

Only ratios introduced by 结构/构成/比例 with three or more terms whose sum is already near
100 are taken as percentage structures (a 1:2:7 split is not). The terms are rounded, so the
sum may miss 100 by n × half a unit.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Span
from ..context import Context, Draft, RuleCode, judge, verdict_word
from ..figures import parse_number
from ..interval import Interval, fmt, fmt_interval

RATIO_RE = regex.compile(r"(?<![\d.:])\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){2,}(?![\d.:])")
LEAD_RE = regex.compile(r"(结构|构成|比例|之比)")
NEAR = (Decimal(90), Decimal(110))


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in RATIO_RE.finditer(ctx.text):
        if ctx.in_table(m.start()) or not LEAD_RE.search(ctx.text, max(0, m.start() - 14), m.start()):
            continue
        terms = [parse_number(t) for t in m.group().split(":")]
        point = sum((v for v, _ in terms), Decimal(0))
        if not NEAR[0] <= point <= NEAR[1]:
            continue
        summed = Interval.exact(0)
        for v, d in terms:
            summed = summed + Interval.printed(v, d)
        verdict, severity = judge(Interval.exact(100), summed, max(d for _, d in terms))
        spans, pos = [], m.start()
        for t in m.group().split(":"):
            spans.append(Span(start=pos, end=pos + len(t)))
            pos += len(t) + 1
        places = max(d for _, d in terms)
        expl = (f"{' + '.join(t for t in m.group().split(':'))} = {fmt(point, places)} "
                f"(with rounding {fmt_interval(summed, places + 1)}); a structure must total 100: "
                f"{verdict_word(verdict)}")
        out.append(Context.draft(RuleCode.STRUCTURE_RATIO, verdict, expl, extra_spans=spans[:8],
                                 stated="100", computed=summed, computed_value=point, severity=severity))
    return out
