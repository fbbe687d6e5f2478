"""Percentage-point change vs two rates:

- `由4.2%提高到4.9%,提高0.7个百分点` (B − A = 0.7);
- `次均门诊费用的36.8%,比上年(36.9%)下降0.1个百分点`: last year's rate in parentheses;
- `城镇化率87.3%,比上年提升0.1个百分点` against last year's rate in the earlier bulletin bound in
  the same file (facts/across.py: a mismatch there is a revision, not an error).

Both rates and the stated change are rounded as printed; the direction word of the change
must agree with the from-to verb (提高…提高, 下降…下降), else the pair is not judged.
"""

from __future__ import annotations

from ...model import EvidenceStrength
from ..changes import FromTo, from_to
from ..context import Context, Draft, RuleCode, judged_draft
from ..facts import Role, facts_of
from ..facts.across import against_last_year, judge_across

RATES = {"percent", "permille"}


def check(ctx: Context) -> list[Draft]:
    out = [_draft(ctx, ft) for ft in from_to(ctx)
           if ft.a.dimension in RATES and ft.change is not None and ft.change.dimension == "pp"
           and ft.change_down == ft.down]
    facts = facts_of(ctx)
    for level in facts.levels:
        pp = level.change(Role.PP)
        if pp is None:
            continue
        previous = level.change(Role.PREVIOUS)
        if previous is not None:
            draft = judge_across(ctx, level, previous, pp, "a rate, last year's rate in parentheses and the "
                                 "change in percentage points, in one phrase", same_phrase=True)
            out.extend([draft] if draft is not None else [])
        else:
            out.extend(against_last_year(ctx, facts, level, pp))
    return out


def _draft(ctx: Context, ft: FromTo) -> Draft:
    assert ft.change is not None
    lo, hi = (ft.b, ft.a) if ft.down else (ft.a, ft.b)
    draft = judged_draft(ctx, RuleCode.PP_CHANGE, f"{hi.label()} − {lo.label()}", [ft.change, ft.a, ft.b],
                         ft.change, hi.interval() - lo.interval(), hi.value - lo.value, suffix="个百分点",
                         exempt=None)
    draft.evidence = ctx.evidence(EvidenceStrength.COMPLETE, "a from–to phrase with its change in points",
                              [("change", ft.change), ("base", ft.a), ("level", ft.b)])
    return draft
