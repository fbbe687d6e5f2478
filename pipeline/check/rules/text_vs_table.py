"""Narrative vs table: the same indicator's base or target stated in the text and in the table
(`到2025年,技术合同成交金额达90亿元` vs the row 技术合同成交金额 | 80.8 | 90).

Both figures are rounded as printed (80.75 in the text agrees with 80.8 in the table). A text
figure that agrees wins; when none agrees, an error is reported only for a figure whose
sentence names the indicator closely (STRONG coverage and its head noun at the figure).
"""

from __future__ import annotations

from ...model import Span
from ..context import Context, Draft, RuleCode, judge, verdict_word
from ..figures import Figure
from ..interval import fmt_interval
from ..matching import Side, candidates, row_sides

STRONG = 0.75


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for side in row_sides(ctx):
        cands = candidates(ctx, side)
        if not cands:
            continue
        target = side.figure.base_interval()
        agreeing = [c for c in cands if c[2].base_interval().intersects(target)]
        if agreeing:
            out.append(_draft(side, max(agreeing, key=lambda c: c[0])[2]))
            continue
        # an error only where the sentence clearly names the indicator (or it is the one candidate)
        single = len({c[2].value for c in cands}) == 1
        strong = [c for c in cands if c[1] and (c[0] >= STRONG or single)]
        if strong:
            best = max(c[0] for c in strong)
            top = [c[2] for c in strong if c[0] == best]
            near = min(top, key=lambda f: abs(f.value * f.factor - side.figure.value * side.figure.factor))
            out.append(_draft(side, near))
    return out


def _draft(side: Side, text_fig: Figure) -> Draft:
    table_fig = side.figure
    verdict, severity = judge(text_fig.base_interval(), table_fig.base_interval(),
                              min(text_fig.decimals, table_fig.decimals))
    what = "annual growth target" if side.value.kind == "annual_growth_pct" else side.name
    year = f" ({side.year})" if side.year else ""
    rel = side.value.relation
    rel_s = "" if rel in ("=", None) else f" (table says {rel})"
    expl = (f"{side.row.indicator} {what}{year}: text {text_fig.label()} covers "
            f"{fmt_interval(text_fig.interval(), text_fig.decimals + 1)}, table {side.value.raw or table_fig.label()}"
            f"{rel_s} covers {fmt_interval(table_fig.interval(), table_fig.decimals + 1)}: {verdict_word(verdict)}")
    assert side.value.span is not None
    cell = Span(start=table_fig.start, end=table_fig.end)
    return Context.draft(RuleCode.TEXT_VS_TABLE, verdict, expl, [text_fig], extra_spans=[cell],
                         stated=float(text_fig.value), computed=table_fig.interval(),
                         computed_value=table_fig.value, severity=severity)
