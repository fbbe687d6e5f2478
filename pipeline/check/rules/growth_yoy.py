"""Growth rate vs two levels.

- `存款余额12345.67亿元,比年初增加1234.56亿元,增长11.1%`: the base is 12345.67 − 1234.56, the
  rate Δ / base × 100; without a rate, the earlier level is reported as implied;
- `从7248亿元提高到8865亿元,增长22.3%`: (B / A − 1) × 100.

Growth stated at comparable prices or scope (按可比价格计算, 可比口径) is not recomputed from
nominal levels: unverifiable, with the reason (DESIGN §3).
"""

from __future__ import annotations

from decimal import Decimal

from ...model import Verdict
from ..changes import FromTo, LevelChange, from_to, level_changes
from ..context import Context, Draft, RuleCode, judged_draft
from ..figures import Figure
from ..interval import Interval, fmt_interval, fmt_sig

HUNDRED = Interval.exact(100)


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for lc in level_changes(ctx):
        out.append(_level_change(ctx, lc) if lc.rate is not None else _implied_earlier(lc))
    for ft in from_to(ctx):
        if ft.change is not None and ft.change.dimension == "percent" and ft.a.dimension != "percent":
            out.append(_from_to(ctx, ft, ft.change))
    return out


def _judge_rate(ctx: Context, what: str, figs: list[Figure], rate: Figure, computed: Interval,
                point: Decimal) -> Draft:
    return judged_draft(ctx, RuleCode.GROWTH_YOY, what, figs, rate, computed, point, suffix="%",
                        exempt=ctx.exemption_near(rate.start))


def _level_change(ctx: Context, lc: LevelChange) -> Draft:
    assert lc.rate is not None
    level, delta = lc.level.base_interval(), lc.delta.base_interval()
    base = level + delta if lc.down else level - delta
    pv = lc.level.value * lc.level.factor
    dv = lc.delta.value * lc.delta.factor
    base_point = pv + dv if lc.down else pv - dv
    if base.lo <= 0 or lc.rate_down != lc.down:
        return Context.draft(RuleCode.GROWTH_YOY, Verdict.UNVERIFIABLE,
                             f"{lc.level.label()} and a change of {lc.delta.label()}: the rate's direction "
                             "or the base cannot be read", [lc.rate, lc.level, lc.delta],
                             stated=float(lc.rate.value), judged=lc.rate)
    computed = delta / base * HUNDRED
    point = dv / base_point * 100
    sign = "+" if lc.down else "−"
    base_s = fmt_sig(base_point / lc.level.factor)
    what = (f"{lc.ref}: {lc.level.label()} {sign} {lc.delta.label()} = {base_s}{lc.level.scale}{lc.level.unit}; "
            f"{lc.delta.label()} / {base_s}{lc.level.scale}{lc.level.unit} × 100")
    return _judge_rate(ctx, what, [lc.rate, lc.level, lc.delta], lc.rate, computed, point)


def _implied_earlier(lc: LevelChange) -> Draft:
    level, delta = lc.level.interval(), lc.delta.base_interval().scale(Decimal(1) / lc.level.factor)
    computed = level + delta if lc.down else level - delta
    dv = lc.delta.value * lc.delta.factor / lc.level.factor
    point = lc.level.value + dv if lc.down else lc.level.value - dv
    u = f"{lc.level.scale}{lc.level.unit}"
    sign = "+" if lc.down else "−"
    expl = (f"implied {lc.ref} level: {lc.level.label()} {sign} {lc.delta.label()} = {fmt_sig(point)}{u} "
            f"(interval {fmt_interval(computed, 2)}{u})")
    return Context.draft(RuleCode.GROWTH_YOY, Verdict.UNVERIFIABLE, expl, [lc.level, lc.delta], kind="implied",
                         computed=computed, computed_value=point)


def _from_to(ctx: Context, ft: FromTo, rate: Figure) -> Draft:
    ratio = ft.b.base_interval() / ft.a.base_interval()
    point_ratio = (ft.b.value * ft.b.factor) / (ft.a.value * ft.a.factor)
    if ft.change_down:
        computed, point = (Interval.exact(1) - ratio) * HUNDRED, (1 - point_ratio) * 100
        what = f"(1 − {ft.b.label()} / {ft.a.label()}) × 100"
    else:
        computed, point = (ratio - Interval.exact(1)) * HUNDRED, (point_ratio - 1) * 100
        what = f"({ft.b.label()} / {ft.a.label()} − 1) × 100"
    if ft.change_down != ft.down or computed.hi < 0:
        return Context.draft(RuleCode.GROWTH_YOY, Verdict.UNVERIFIABLE,
                             f"{ft.a.label()} to {ft.b.label()}: the stated change {rate.label()} goes the "
                             "other way, so it is not read as the growth between them",
                             [rate, ft.a, ft.b], stated=float(rate.value), judged=rate)
    return _judge_rate(ctx, what, [rate, ft.a, ft.b], rate, computed, point)
