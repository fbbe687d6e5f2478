"""A ratio of two levels stated beside them: `城乡居民人均可支配收入之比为2.39` (or `城乡收入比
2.39`, `1.76:1`) = urban / rural per-head disposable income stated in the same paragraph.

The ratio is printed as a bare number (a claim without unit) or as `x:1`; each income must be
stated once in the paragraph before the ratio, right after its name (城镇居民人均可支配收入
51821元), or after the short name (城镇居民90125元) in a sentence about 可支配收入, not 支出.
"""

from __future__ import annotations

import regex

from ...model import Span, Verdict
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..figures import Figure, parse_number
from ..interval import Interval, fmt, fmt_interval
from ..relation_evidence import COMPLETE, with_evidence

BASIS = "城乡收入比 and the urban and rural per-head incomes of its paragraph"

RATIO_RE = regex.compile(r"城乡(?:居民)?(?:人均可支配)?收入(?:之)?比(?:值)?(?:为|是|达|缩小到|缩小至|降至|下降到|下降至)?"
                         r"(?P<n>\d+\.\d+)(?P<one>[:∶]1)?(?![\d.:∶])")
SIDES = (("城镇", "urban"), ("农村", "rural"))
NAME = r"{}(?:常住)?居民(?P<metric>人均可支配收入)?(?:为|达|达到)?"


def _income(ctx: Context, side: str, lo: int, hi: int) -> Figure | None:
    found: list[Figure] = []
    for m in regex.finditer(NAME.format(side), ctx.text[lo:hi]):
        at = lo + m.end()
        fig = next((f for f in ctx.figures_in(at, at + 16) if f.start == at), None)
        if fig is None or fig.dimension != "money":
            continue
        said = ctx.text[ctx.sentence(at)[0] : at]
        if m.group("metric") or ("可支配收入" in said and "支出" not in said):
            found.append(fig)
    return found[0] if len({f.value * f.factor for f in found}) == 1 else None


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in RATIO_RE.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        lo, _ = ctx.paragraph(m.start())
        urban, rural = (_income(ctx, side, lo, m.start()) for side, _ in SIDES)
        if urban is None or rural is None or urban.unit != rural.unit:
            continue
        value, decimals = parse_number(m.group("n"))
        stated = Interval.printed(value, decimals)
        computed = urban.base_interval() / rural.base_interval()
        point = urban.value * urban.factor / (rural.value * rural.factor)
        span = Span(start=m.start("n"), end=m.end("n"))
        quals = [q for q in (stated_interval(ctx, f)[1] for f in (urban, rural)) if q]
        what = f"urban / rural income: {urban.label()} / {rural.label()} = {fmt(point, decimals + 1)}"
        if quals:
            out.append(with_evidence(ctx, Context.draft(RuleCode.LEVELS_RATIO, Verdict.UNVERIFIABLE, f"{what}; {quals[0]}",
                                                        [urban, rural], extra_spans=[span], stated=float(value),
                                                        computed=computed, computed_value=point, exemption=quals[0]),
                                     COMPLETE, BASIS, [("level", urban), ("level", rural)]))
            continue
        verdict, severity = judge(stated, computed, decimals)
        expl = (f"{what} (interval {fmt_interval(computed, decimals + 2)}); stated ratio {m.group('n')} covers "
                f"{fmt_interval(stated, decimals + 1)}: {verdict_word(verdict)}")
        claim_ids = [c.id for c in ctx.doc.claims if c.span.start == span.start]
        draft = Context.draft(RuleCode.LEVELS_RATIO, verdict, expl, [urban, rural], extra_spans=[span],
                              stated=float(value), computed=computed, computed_value=point, severity=severity)
        draft.claim_ids = claim_ids + draft.claim_ids
        out.append(with_evidence(ctx, draft, COMPLETE, BASIS, [("level", urban), ("level", rural)]))
    return out
