"""Growth rate vs two levels.

- `存款余额12345.67亿元,比年初增加1234.56亿元,增长11.1%` (one phrase, facts/phrases.py): the
  base is 12345.67 − 1234.56, the rate Δ / base × 100; without a rate, the earlier level is
  reported as implied;
- `从7248亿元提高到8865亿元,增长22.3%`: (B / A − 1) × 100;
- this year's `出口3462.7亿元,增长3.9%` against last year's `出口3333.1亿元` in the earlier bulletin
  bound in the same file (facts/across.py: a mismatch there is a revision, not an error).

Growth stated at comparable prices or scope (按可比价格计算, 可比口径) is not recomputed from
nominal levels: unverifiable, with the reason (DESIGN §3).
"""

from __future__ import annotations

from decimal import Decimal

from ...model import EvidenceStrength, Severity, Span, Verdict
from ..changes import FromTo, from_to
from ..context import Context, Draft, RuleCode, judged_draft, stated_interval
from ..facts import Fact, Role, deflated, facts_of
from ..facts.across import against_last_year, signed
from ..figures import Figure
from ..interval import Interval, fmt_interval, fmt_sig

HUNDRED = Interval.exact(100)
# a balance's year-start (年初) is last year's end adjusted for caliber, by hundredths of a percent
YEAR_START_ADJUSTMENT = Decimal("0.001")
ONE_PHRASE = "a level with its change and rate in one phrase"


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    facts = facts_of(ctx)
    for level in facts.levels:
        delta, rate = level.change(Role.CHANGE), level.change(Role.RATE)
        if delta is not None:
            out.append(_level_change(ctx, level, delta, rate) if rate is not None else _implied_earlier(ctx, level, delta))
        if rate is not None:
            out.extend(against_last_year(ctx, facts, level, rate))
    for change in facts.apart:
        rate = change.change(Role.RATE)
        stated = facts.index.same_indicator(change, change.year)[0] if change.year is not None else None
        if rate is not None and stated is not None and stated.figure.start < change.figure.start:
            draft = _level_change(ctx, stated, change, rate)
            if draft.evidence is not None:  # the checker's gate keeps a mismatch unverifiable
                draft.evidence.strength = EvidenceStrength.PARTIAL
                draft.evidence.basis = (f"a change and its rate stated after the level, under the same name "
                                        f"({stated.key})")
                draft.evidence.reason = "the level is matched by name only: it may be another scope or period"
            out.append(draft)
    for ft in from_to(ctx):
        if ft.change is not None and ft.change.dimension == "percent" and ft.a.dimension != "percent":
            out.append(_from_to(ctx, ft, ft.change))
        elif ft.change is None and ft.annual is None:
            out.append(_direction(ctx, ft))
    found = deflated.pairs(ctx)
    index = deflated.price_index(ctx.text) if found else None
    if index is not None:
        out.extend(_real_growth(ctx, pair, *index) for pair in found)
    return out


def _real_growth(ctx: Context, pair: deflated.Deflated, index: Interval, mid: Decimal,
                 at: tuple[int, int]) -> Draft:
    n, r = pair.nominal, pair.real
    nominal = signed(n.interval(), pair.nominal_down).scale(Decimal("0.01")) + Interval.exact(1)
    computed = (nominal / index.scale(Decimal("0.01")) - Interval.exact(1)).scale(100)
    nv = (-n.value if pair.nominal_down else n.value) / 100
    point = ((1 + nv) / (mid / 100) - 1) * 100
    what = f"(1 {'−' if pair.nominal_down else '+'} {n.label()}) / ({mid.normalize()}/100) − 1"
    draft = judged_draft(ctx, RuleCode.GROWTH_YOY, what, [r, n], r, computed, point, suffix="%",
                         stated_iv=signed(r.interval(), pair.real_down))
    draft.spans.append(Span(start=at[0], end=at[1]))
    draft.explanation = f"real growth from nominal growth and the price index {mid.normalize()}: {draft.explanation}"
    draft.evidence = ctx.evidence(
        EvidenceStrength.PARTIAL, "a nominal and a real rate in one phrase, and the document's consumer price index",
        [("real rate", r), ("nominal rate", n)],
        "the price index that deflates this figure is not named; the document's one consumer price index is used")
    return draft


def _judge_rate(ctx: Context, what: str, figs: list[Figure], rate: Figure, computed: Interval,
                point: Decimal, exempt: str | None = None) -> Draft:
    return judged_draft(ctx, RuleCode.GROWTH_YOY, what, figs, rate, computed, point, suffix="%",
                        exempt=exempt or ctx.exemption_near(rate.start))


def _level_change(ctx: Context, level: Fact, delta: Fact, rate: Fact) -> Draft:
    lv, dv_fig, rv = level.figure, delta.figure, rate.figure
    figs = [rv, lv, dv_fig]
    ev = ctx.evidence(EvidenceStrength.COMPLETE, ONE_PHRASE, [("rate", rv), ("level", lv), ("change", dv_fig)])
    lvl, dlt = lv.base_interval(), dv_fig.base_interval()
    base = lvl + dlt if delta.down else lvl - dlt
    pv, dv = lv.value * lv.factor, dv_fig.value * dv_fig.factor
    base_point = pv + dv if delta.down else pv - dv
    if base.lo <= 0 or rate.down != delta.down:
        draft = Context.draft(RuleCode.GROWTH_YOY, Verdict.UNVERIFIABLE,
                              f"{lv.label()} and a change of {dv_fig.label()}: the rate's direction "
                              "or the base cannot be read", figs, stated=float(rv.value), judged=rv)
        draft.evidence = ev
        return draft
    computed = dlt / base * HUNDRED
    point = dv / base_point * 100
    sign = "+" if delta.down else "−"
    base_s = f"{fmt_sig(base_point / lv.factor)}{lv.scale}{lv.unit}"
    ref = delta.ref or rate.ref or "上年"
    what = f"{ref}: {lv.label()} {sign} {dv_fig.label()} = {base_s}; {dv_fig.label()} / {base_s} × 100"
    draft = _judge_rate(ctx, what, figs, rv, computed, point, rate.exempt)
    draft.evidence = ev
    implied = pv / (1 + (-1 if rate.down else 1) * rv.value / 100)
    if (draft.verdict == Verdict.INCONSISTENT and "年初" in (delta.ref, rate.ref)
            and abs(implied / base_point - 1) < YEAR_START_ADJUSTMENT):
        why = (f"the change is on {delta.ref or '上年'} and the rate on {rate.ref or '上年'}: the rate implies a "
               f"base of {fmt_sig(implied / lv.factor)}{lv.scale}{lv.unit}, within {YEAR_START_ADJUSTMENT:.1%} of "
               "the year-start (年初) balance, which is adjusted for caliber")
        draft.verdict, draft.severity, draft.exemption = Verdict.UNVERIFIABLE, None, why
        draft.explanation = f"{draft.explanation.rsplit(':', 1)[0]}; {why}"
        ev.strength, ev.reason = EvidenceStrength.PARTIAL, why
    return draft


def _implied_earlier(ctx: Context, level: Fact, delta: Fact) -> Draft:
    lv, d = level.figure, delta.figure
    computed = lv.interval() + d.base_interval().scale(Decimal(1) / lv.factor) if delta.down else \
        lv.interval() - d.base_interval().scale(Decimal(1) / lv.factor)
    dv = d.value * d.factor / lv.factor
    point = lv.value + dv if delta.down else lv.value - dv
    u = f"{lv.scale}{lv.unit}"
    sign = "+" if delta.down else "−"
    expl = (f"implied {delta.ref or '上年'} level: {lv.label()} {sign} {d.label()} = {fmt_sig(point)}{u} "
            f"(interval {fmt_interval(computed, 2)}{u})")
    return Context.draft(RuleCode.GROWTH_YOY, Verdict.UNVERIFIABLE, expl, [lv, d], kind="implied",
                         computed=computed, computed_value=point,
                         evidence=ctx.evidence(EvidenceStrength.COMPLETE, "a level with its change in one phrase",
                                           [("level", lv), ("change", d)], "no rate or earlier level to check against"))


def _direction(ctx: Context, ft: FromTo) -> Draft:
    """`从28件提高到70件` with no change stated: the verb's direction is what can be checked
    (B > A for 提高, B < A for 下降); the change and growth it implies are reported with it."""
    a, b = ft.a, ft.b
    av, bv = a.value * a.factor, b.value * b.factor
    rates = a.dimension in ("percent", "permille")
    implied = (f"{fmt_sig(b.value - a.value)}个百分点" if rates and a.unit == b.unit
               else f"{fmt_sig((bv / av - 1) * 100)}%" if av > 0 else "")
    quals = [q for q in (stated_interval(ctx, f)[1] for f in (a, b)) if q]
    fits = bv < av if ft.down else bv > av
    rule = RuleCode.PP_CHANGE if rates else RuleCode.GROWTH_YOY
    said = "down" if ft.down else "up"
    expl = (f"{a.label()} to {b.label()}, said to go {said}: the change implied is {implied}"
            if implied else f"{a.label()} to {b.label()}, said to go {said}")
    if fits or quals:
        verdict = Verdict.CONSISTENT if fits else Verdict.UNVERIFIABLE
        expl += "; consistent" if fits else f"; {quals[0]}"
    else:
        verdict = Verdict.INCONSISTENT
        expl += f"; the second level is {'not below' if ft.down else 'not above'} the first: inconsistent"
    draft = Context.draft(rule, verdict, expl, [b, a], judged=b, stated=float(b.value),
                          severity=Severity.MAJOR if verdict == Verdict.INCONSISTENT else None)
    draft.evidence = ctx.evidence(EvidenceStrength.COMPLETE, "a from–to phrase and its verb",
                                  [("base", a), ("level", b)])
    return draft


def _from_to(ctx: Context, ft: FromTo, rate: Figure) -> Draft:
    ratio = ft.b.base_interval() / ft.a.base_interval()
    point_ratio = (ft.b.value * ft.b.factor) / (ft.a.value * ft.a.factor)
    ev = ctx.evidence(EvidenceStrength.COMPLETE, "a from–to phrase with its rate",
                  [("rate", rate), ("base", ft.a), ("level", ft.b)])
    if ft.change_down:
        computed, point = (Interval.exact(1) - ratio) * HUNDRED, (1 - point_ratio) * 100
        what = f"(1 − {ft.b.label()} / {ft.a.label()}) × 100"
    else:
        computed, point = (ratio - Interval.exact(1)) * HUNDRED, (point_ratio - 1) * 100
        what = f"({ft.b.label()} / {ft.a.label()} − 1) × 100"
    if ft.change_down != ft.down or computed.hi < 0:
        draft = Context.draft(RuleCode.GROWTH_YOY, Verdict.UNVERIFIABLE,
                              f"{ft.a.label()} to {ft.b.label()}: the stated change {rate.label()} goes the "
                              "other way, so it is not read as the growth between them",
                              [rate, ft.a, ft.b], stated=float(rate.value), judged=rate)
    else:
        draft = _judge_rate(ctx, what, [rate, ft.a, ft.b], rate, computed, point)
    draft.evidence = ev
    return draft
