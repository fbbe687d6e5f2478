"""This year's change against last year's level of the same indicator, stated elsewhere in the
file (the earlier bulletin bound with it, or in parentheses in the same phrase).

A later bulletin compares with the *final* figure of the year before, while the earlier
bulletin printed a preliminary one: when the stated change does not fit the printed level the
difference is a revision, not an error. Such a check is `unverifiable` and reports the revised
base the change implies. Only a mismatch by a power of ten (a unit misprint, 万 for 亿) cannot
be a revision and is `inconsistent`. Growth of value added and GDP is at constant prices by
the statisticians' convention, and a 规模以上/限额以上 set changes every year, so those rates
are compared only to say they fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from ...model import Evidence, EvidenceStrength, Severity, Verdict
from ..context import Context, Draft, RuleCode, stated_interval, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval, fmt_sig
from .build import Facts
from .model import Fact, Role

# growth of these is at constant prices: statistical offices publish it so whatever the text says
REAL_GROWTH = regex.compile(r"生产总值|增加值|GDP")
CHANGING_SET = regex.compile(r"规模以上|规上|限额以上|限上")
HUNDRED = Decimal(100)
MISPRINT_POWERS = (4, 8, 3, 1, 2)  # 万↔亿 first, then 千, 十, 百


def signed(iv: Interval, down: bool) -> Interval:
    return Interval(-iv.hi, -iv.lo) if down else iv


@dataclass
class Relation:
    """What a change says about two levels: computed from them, and the base it implies."""

    rule: RuleCode
    what: str
    computed: Interval
    point: Decimal
    suffix: str


def _relation(cur: Fact, prev: Fact, change: Fact, scale: Decimal = Decimal(1)) -> Relation | None:
    """The change recomputed from the two levels; `scale` multiplies the earlier level (a unit
    misprint tried)."""
    a, b = cur.figure, prev.figure
    ai, bi = a.base_interval(), b.base_interval().scale(scale)
    av, bv = a.value * a.factor, b.value * b.factor * scale
    if change.role == Role.RATE:
        if bi.lo <= 0:
            return None
        computed = (ai / bi - Interval.exact(1)).scale(HUNDRED)
        return Relation(RuleCode.GROWTH_YOY, f"({a.label()} / {b.label()} − 1) × 100", computed,
                        (av / bv - 1) * HUNDRED, "%")
    c = change.figure
    unit = Decimal(1) / c.factor
    rule = RuleCode.PP_CHANGE if change.role == Role.PP else RuleCode.CHANGE_AMOUNT
    suffix = "个百分点" if change.role == Role.PP else f"{c.scale}{c.unit}"
    return Relation(rule, f"{a.label()} − {b.label()}", (ai - bi).scale(unit), (av - bv) * unit, suffix)


def implied_interval(cur: Fact, change: Fact) -> Interval | None:
    """Last year's level the stated change implies, in base units (a rate's points for a change
    in percentage points)."""
    a, c = cur.figure, change.figure
    if change.role == Role.RATE:
        ratio = Interval.exact(1) + signed(c.interval(), change.down).scale(Decimal("0.01"))
        return a.base_interval() / ratio if ratio.lo > 0 else None
    if change.role == Role.CHANGE:
        return a.base_interval() - signed(c.base_interval(), change.down)
    if change.role == Role.PP and a.dimension == "percent":
        return a.base_interval() - signed(c.interval(), change.down)
    return None


def implied_base(cur: Fact, change: Fact) -> str:
    """Last year's level the stated change implies, in the current level's unit."""
    a, c = cur.figure, change.figure
    sign = -1 if change.down else 1
    if change.role == Role.RATE:
        value = a.value / (1 + sign * c.value / HUNDRED)
    else:
        value = a.value - sign * c.value * c.factor / a.factor
    return f"{fmt_sig(value)}{a.scale}{a.unit}"


def judge_across(ctx: Context, cur: Fact, prev: Fact, change: Fact, basis: str, *,
                 same_phrase: bool = False, by_name: bool = True) -> Draft | None:
    """The check of `change` (stated with `cur`) against the earlier level `prev`; `by_name`
    when prev was found under the same key (else by the value the change implies)."""
    rel = _relation(cur, prev, change)
    if rel is None:
        return None
    c = change.figure
    stated = signed(c.interval(), change.down)
    stated_value = float(-c.value if change.down else c.value)
    figs = [("change" if change.role != Role.RATE else "rate", c), ("level", cur.figure), ("base", prev.figure)]
    used = [c, cur.figure, prev.figure]
    places = c.decimals + 1
    period = f"{prev.year}→{cur.year} " if prev.year and cur.year else ""
    head = (f"{period}{cur.key or cur.label}: {rel.what} = {fmt(rel.point, places)}{rel.suffix} "
            f"(interval {fmt_interval(rel.computed, places, rel.suffix)}); stated "
            f"{'−' if change.down else ''}{c.label()} covers {fmt_interval(stated, places, rel.suffix)}")
    fits = stated.intersects(rel.computed)
    quals = [q for q in (stated_interval(ctx, f)[1] for f in used) if q]
    exempt = change.exempt and f"the text says “{change.exempt.rstrip(',，')}”: a comparable-basis change"
    if change.role == Role.RATE:
        exempt = exempt or ctx.exemption_near(c.start)
        if REAL_GROWTH.search(cur.label):
            exempt = exempt or "growth of value added and GDP is at constant prices, the levels at current prices"
    complete = same_phrase or (by_name and cur.section == prev.section)
    strength = EvidenceStrength.COMPLETE if complete else EvidenceStrength.PARTIAL
    # a qualifier (约, 以上) only keeps a mismatch from being judged: a fit is still a fit
    reason = exempt or (quals[0] if quals and not fits else None)
    if reason is None and not fits and CHANGING_SET.search(cur.key) and not same_phrase:
        reason = "the 规模以上/限额以上 set changes every year; its growth is on comparable units"
    if reason is not None:
        return _draft(ctx, rel, Verdict.UNVERIFIABLE, f"{head}; {reason}", used, c, stated_value,
                      ctx.evidence(strength, basis, figs, reason), exemption=reason)
    if fits:
        return _draft(ctx, rel, Verdict.CONSISTENT, f"{head}: consistent", used, c, stated_value,
                      ctx.evidence(strength, basis, figs))
    if same_phrase:
        severity = Severity.MINOR if stated.gap(rel.computed) < Decimal(1).scaleb(-c.decimals) else Severity.MAJOR
        return _draft(ctx, rel, Verdict.INCONSISTENT, f"{head}: {verdict_word(Verdict.INCONSISTENT)}", used, c,
                      stated_value, ctx.evidence(strength, basis, figs), severity=severity)
    for power in MISPRINT_POWERS if by_name else ():
        for scale in (Decimal(10) ** power, Decimal(10) ** -power):
            alt = _relation(cur, prev, change, scale)
            if alt is not None and stated.intersects(alt.computed):
                why = (f"it fits only with {prev.figure.label()} read ×{fmt_sig(scale, 1, 0)}: a unit misprint "
                       "(a revision never moves a level by a power of ten)")
                return _draft(ctx, rel, Verdict.INCONSISTENT, f"{head}; {why}", used, c, stated_value,
                              ctx.evidence(EvidenceStrength.COMPLETE, basis, figs), severity=Severity.MAJOR)
    why = (f"the {prev.year} level was likely revised after {prev.figure.label()} was printed: the stated "
           f"change implies a {prev.year} level of {implied_base(cur, change)}")
    return _draft(ctx, rel, Verdict.UNVERIFIABLE, f"{head}; {why}", used, c, stated_value,
                  ctx.evidence(strength, basis, figs, "revision of a preliminary figure?"), exemption=why)


def _draft(ctx: Context, rel: Relation, verdict: Verdict, expl: str, used: list[Figure], judged: Figure,
           stated: float, ev: Evidence, *, severity: Severity | None = None, exemption: str | None = None) -> Draft:
    return Context.draft(rel.rule, verdict, expl, used, judged=judged, stated=stated, computed=rel.computed,
                         computed_value=rel.point, severity=severity, exemption=exemption, evidence=ev)


def against_last_year(ctx: Context, facts: Facts, level: Fact, change: Fact) -> list[Draft]:
    """The change checked against the previous year's level of the same indicator, if stated."""
    if level.year is None or not level.key:
        return []
    prev, how = facts.index.same_indicator(level, level.year - 1)
    by_name = prev is not None
    if prev is None and (base := implied_interval(level, change)) is not None:
        prev, how = facts.index.printed_within(level, level.year - 1, base)
    if prev is None:
        return []
    basis = (f"{level.year} level with its change, and the {prev.year} level stated under "
             f"{how} ({prev.label or prev.key}) earlier in the file")
    draft = judge_across(ctx, level, prev, change, basis, by_name=by_name)
    return [draft] if draft is not None else []
