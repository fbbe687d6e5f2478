"""Sum of parts over the paragraph groups (paragraphs.py): `共43家,其中国家级2家、市级8家…`,
`医院中,公立医院…,民营医院…`, `按经营地统计,…`, `W(其中:A a,B b)`.

Rounded parts carry their rounding interval, so n parts allow n × half a unit (more when the
document says 未作机械调整 or 因四舍五入…不等); counts of things are exact integers. A list ending
at a `;` is tried first (the first list that adds up wins). The verdict follows the evidence:

- the parts add up: `consistent`;
- disjoint levels that add up to *more* than their whole: `inconsistent` — parts of one whole
  cannot exceed it, whether or not the list names them all (a list of changes may, since a change
  can be negative; so may nested or crossing categories: 医院 ⊃ 公立医院, 国有控股 ∩ 股份制; and a
  list of `;` clauses that passes its whole only after a clause that still fit may have run on to
  sibling items, so it stays `unverifiable`);
- parts short of the whole: `inconsistent` only when the text marks the list complete (a last
  part 其他, shares totalling 100%, a standard breakdown); otherwise `unverifiable` — a 其中 list
  usually names only some parts (医院 + 基层 + 专业公共卫生 leave out 其他机构).
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Verdict
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval
from ..paragraphs import Group, groups, tolerance
from ..relation_evidence import COMPLETE, PARTIAL, WEAK, evidence
from .table_sums import table_sums

# the bulletin note on rounding: 因四舍五入的原因,存在总计与分项合计不等的情况
ROUNDING_NOTE = regex.compile(r"未作机械调整|四舍五入[^。\n]{0,24}(?:总计|合计|总数|总量)[^。\n]{0,8}(?:分项|分类|之和|不等)")


def check(ctx: Context) -> list[Draft]:
    note = ROUNDING_NOTE.search(ctx.text)
    loose = note.group() if note else None
    out: list[Draft] = []
    for g in groups(ctx):
        if g.whole is None or len(g.parts) < 2:
            continue
        lists = [[p.figure for p in g.parts[:c]] for c in g.cuts] + [[p.figure for p in g.parts]]
        drafts = [_judge(ctx, g, parts, loose) for parts in lists]
        out.append(next((d for d in drafts if d.verdict == Verdict.CONSISTENT), drafts[-1]))
    return out + table_sums(ctx)


def _judge(ctx: Context, g: Group, parts: list[Figure], loose: str | None) -> Draft:
    total = g.whole
    assert total is not None
    figs = [total, *parts]
    roles = [("whole", total), *(("part", p) for p in parts)]
    terms = " + ".join(p.label() for p in parts)
    summed = Interval.exact(0)
    for p in parts:
        summed = summed + p.base_interval()
    point = sum((p.value * p.factor for p in parts), Decimal(0))
    unit = f"{total.scale}{total.unit}"
    shown = point / total.factor
    places = max(p.decimals for p in parts)
    base = f"{terms} = {fmt(shown, places)}{unit}; stated total {total.label()}"
    computed = summed.scale(Decimal(1) / total.factor)
    common = {"stated": float(total.value), "computed": computed, "computed_value": shown}
    stated, qual = stated_interval(ctx, total)
    quals = [q for q in (qual, *(stated_interval(ctx, p)[1] for p in parts)) if q]
    if quals:
        ev = evidence(ctx, PARTIAL, g.basis, roles, quals[0])
        return Context.draft(RuleCode.SUM_OF_PARTS, Verdict.UNVERIFIABLE, f"{base}: {quals[0]}, so the sum is not checked",
                             figs, exemption=quals[0], evidence=ev, **common)  # type: ignore[arg-type]
    exemption = None
    if loose and not total.is_count:
        stated = stated.widen(tolerance(parts, places))
        exemption = f"the document says “{loose}”: totals may differ from the sum of rounded parts"
    verdict, severity = judge(stated, computed, total.decimals)
    complete = g.complete() if len(parts) == len(g.parts) else None
    structural = not g.basis.startswith("“")  # a whole found by its name may be another scope's
    if verdict == Verdict.CONSISTENT:
        ev = evidence(ctx, COMPLETE, f"{g.basis}: the parts add up", roles)
    elif (_over(g, parts, stated) and not g.change and g.disjoint() and g.simple and structural
          and not _runs_on(g, parts, stated)):
        ev = evidence(ctx, COMPLETE, f"{g.basis}: disjoint parts of one whole cannot exceed it", roles)
    elif complete:
        ev = evidence(ctx, COMPLETE, f"{g.basis}; {complete}", roles)
    else:
        reason = _why_open(g, computed.lo > stated.hi, "only some of the parts")
        ev = evidence(ctx, PARTIAL if structural else WEAK, g.basis, roles, reason)
        return Context.draft(RuleCode.SUM_OF_PARTS, Verdict.UNVERIFIABLE, f"{base}: {reason}", figs,
                             exemption=reason, evidence=ev, **common)  # type: ignore[arg-type]
    rounding = "" if all(p.is_count for p in figs) else f" (interval {fmt_interval(computed, places + 1)}{unit})"
    expl = f"{base}{rounding}: {verdict_word(verdict)}"
    if all(p.is_count for p in figs) and verdict == Verdict.INCONSISTENT:
        expl += " (counts of things are exact, not rounded)"
    return Context.draft(RuleCode.SUM_OF_PARTS, verdict, expl, figs, severity=severity, exemption=exemption,
                         evidence=ev, **common)  # type: ignore[arg-type]


def _over(g: Group, parts: list[Figure], stated: Interval) -> bool:
    """The parts exceed the whole (leaving out a spilled nested whole, which may be no sibling)."""
    if g.spill and len(parts) == len(g.parts):
        parts = parts[:-1]
    listed = {id(p.figure) for p in g.listed()}
    parts = [p for p in parts if id(p) in listed]
    summed = Interval.exact(0)
    for p in parts:
        summed = summed + p.base_interval()
    return len(parts) >= 2 and summed.scale(Decimal(1) / g.whole.factor).lo > stated.hi  # type: ignore[union-attr]


def _runs_on(g: Group, parts: list[Figure], stated: Interval) -> bool:
    """A list of `;` clauses that passes its whole only after a clause that still fit may have run
    on from the whole's own parts to sibling items (粮食种植面积…其中小麦…;玉米…;油料…;蔬菜…)."""
    return any(not _over(g, parts[:c], stated) for c in g.cuts if 2 <= c < len(parts))


def _why_open(g: Group, over: bool, some: str) -> str:
    if over and g.cuts and g.simple and g.disjoint() and not g.change:
        return ("the sum passes the whole only after a `;` clause that still fit: the list may run on "
                "from the whole's own parts to sibling items")
    if over and g.change:
        return "the parts are changes, which may be negative: a list of some of them may exceed the total"
    if over and not (g.disjoint() and g.simple):
        return "the parts nest in or overlap each other, so their sum may exceed the total"
    if over:
        return "the whole was found by its name only and may be of another scope"
    return f"the list does not add up and the text does not mark it complete: it may name {some}"
