"""Change in level vs two levels: `从4.7万家增加到6.1万家,增加1.4万家` (B − A = Δ), and this
year's `机动车保有量359.69万辆,比上年末增加20.89万辆` against last year's level stated in the
earlier bulletin bound in the same file (facts/across.py).

Counts of things are exact; other levels carry their rounding intervals, so B − A may miss
Δ by the sum of the three half-units.
"""

from __future__ import annotations

from decimal import Decimal

from ...model import EvidenceStrength
from ..changes import FromTo, from_to
from ..context import Context, Draft, RuleCode, judged_draft
from ..facts import Role, facts_of
from ..facts.across import against_last_year
from ..units import RATIO_DIMS


def check(ctx: Context) -> list[Draft]:
    out = [_draft(ctx, ft) for ft in from_to(ctx)
           if ft.a.dimension not in RATIO_DIMS and ft.change is not None
           and ft.change.dimension == ft.a.dimension and ft.change_down == ft.down]
    facts = facts_of(ctx)
    for level in facts.levels:
        delta = level.change(Role.CHANGE)
        if delta is not None:
            out.extend(against_last_year(ctx, facts, level, delta))
    return out


def _draft(ctx: Context, ft: FromTo) -> Draft:
    assert ft.change is not None
    d = ft.change
    lo, hi = (ft.b, ft.a) if ft.down else (ft.a, ft.b)
    unit = Decimal(1) / d.factor  # in the stated change's printed unit
    computed = (hi.base_interval() - lo.base_interval()).scale(unit)
    point = (hi.value * hi.factor - lo.value * lo.factor) * unit
    draft = judged_draft(ctx, RuleCode.CHANGE_AMOUNT, f"{hi.label()} − {lo.label()}", [d, ft.a, ft.b], d,
                         computed, point, suffix=f"{d.scale}{d.unit}")
    draft.evidence = ctx.evidence(EvidenceStrength.COMPLETE, "a from–to phrase with its change",
                              [("change", d), ("base", ft.a), ("level", ft.b)])
    return draft
