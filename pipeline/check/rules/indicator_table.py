"""Indicator table: base vs target vs stated annual growth.

A row whose target is an annual growth rate (年均增幅15%) implies a target-year level:
base × (1 + g)^(years), reported as an implied figure. A row that states base, target and an
annual growth column is checked: (target / base)^(1/years) − 1 must contain the stated rate.
"""

from __future__ import annotations

from ...model import Verdict
from ..context import Context, Draft, RuleCode, judge, verdict_word
from ..figures import Figure, from_table_value
from ..interval import Interval, fmt_interval, fmt_sig
from ..matching import Side, row_sides
from .multiple import cagr_interval

HUNDRED = Interval.exact(100)


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    sides = row_sides(ctx)
    bases = {id(s.row): s for s in sides if s.name == "base" and s.value.kind == "level"}
    for side in sides:
        if side.name != "target":
            continue
        base = bases.get(id(side.row))
        if base is None or base.year is None or side.year is None or side.year <= base.year:
            continue
        years = side.year - base.year
        if side.value.kind == "annual_growth_pct":
            out.append(_implied_level(base, side, years))
        else:
            growth = next((v for k, v in side.row.extra.items() if v.kind == "annual_growth_pct" and v.span), None)
            if growth is not None:
                g = from_table_value(ctx.text, growth, "%")
                if g is not None:
                    out.append(_growth_check(base, side, g, years))
    return out


def _implied_level(base: Side, growth: Side, years: int) -> Draft:
    g = growth.figure
    factor = (Interval.exact(1) + g.interval() / HUNDRED).power(years)
    computed = base.figure.interval() * factor
    point = base.figure.value * (1 + g.value / 100) ** years
    u = f"{base.figure.scale}{base.figure.unit}"
    expl = (f"implied {growth.year} level of {base.row.indicator}: {base.figure.label()} × (1 + {g.label()})^{years} "
            f"= {fmt_sig(point)}{u} (interval {fmt_interval(computed, 2)}{u})")
    return Context.draft(RuleCode.INDICATOR_TABLE, Verdict.UNVERIFIABLE, expl, [base.figure, g],
                         kind="implied", computed=computed, computed_value=point)


def _growth_check(base: Side, target: Side, g: Figure, years: int) -> Draft:
    computed = cagr_interval(target.figure.interval() / base.figure.interval(), years)
    verdict, severity = judge(g.interval(), computed, g.decimals)
    expl = (f"{base.row.indicator}: ({target.figure.label()} / {base.figure.label()})^(1/{years}) − 1 lies in "
            f"{fmt_interval(computed, 2, '%')}; stated annual growth {g.label()}: {verdict_word(verdict)}")
    return Context.draft(RuleCode.INDICATOR_TABLE, verdict, expl, [base.figure, target.figure, g],
                         stated=float(g.value), computed=computed, severity=severity, judged=g)
