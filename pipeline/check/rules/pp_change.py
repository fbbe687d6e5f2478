"""Percentage-point change vs two rates: `由4.2%提高到4.9%,提高0.7个百分点` (B − A = 0.7).

Both rates and the stated change are rounded as printed; the direction word of the change
must agree with the from-to verb (提高…提高, 下降…下降), else the pair is not judged.
"""

from __future__ import annotations

from ..changes import FromTo, from_to
from ..context import Context, Draft, RuleCode, judged_draft

RATES = {"percent", "permille"}


def check(ctx: Context) -> list[Draft]:
    return [_draft(ctx, ft) for ft in from_to(ctx)
            if ft.a.dimension in RATES and ft.change is not None and ft.change.dimension == "pp"
            and ft.change_down == ft.down]


def _draft(ctx: Context, ft: FromTo) -> Draft:
    assert ft.change is not None
    lo, hi = (ft.b, ft.a) if ft.down else (ft.a, ft.b)
    return judged_draft(ctx, RuleCode.PP_CHANGE, f"{hi.label()} − {lo.label()}", [ft.change, ft.a, ft.b],
                        ft.change, hi.interval() - lo.interval(), hi.value - lo.value, suffix="个百分点",
                        exempt=None)
