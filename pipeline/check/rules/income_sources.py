"""The four income sources against a per-head disposable income stated in an earlier paragraph:
`全国居民人均可支配收入41314元…` then `从收入来源看,全国居民人均工资性收入23175元…;人均经营净收入
7203元…;人均财产净收入3381元…;人均转移净收入7554元` (sum = the total, within rounding).

Only when both name the same scope (全体/全国居民, 城镇居民, 农村居民) and the total is among the
few paragraphs before; the same-paragraph case is sum_of_parts'. The breakdown is exhaustive by
definition (breakdowns.py), so a miss is an error.
"""

from __future__ import annotations

import regex

from ..breakdowns import STANDARD_BREAKDOWNS
from ..context import Context, Draft, RuleCode, judged_draft
from ..figures import Figure
from ..interval import Interval
from ..relation_evidence import COMPLETE, with_evidence

SOURCES = STANDARD_BREAKDOWNS[1]
SCOPES = {"全体": "all", "全国": "all", "全市": "all", "全省": "all", "全区": "all", "全县": "all",
          "城镇": "urban", "农村": "rural"}
SCOPE_RE = regex.compile(r"(?P<scope>" + "|".join(SCOPES) + r")(?:常住)?居民")
LINK = r"(?:为|达到|达)?"
TOTAL_RE = regex.compile(r"(?P<scope>" + "|".join(SCOPES) + r")(?:常住)?居民人均可支配收入" + LINK)
BACK = 3  # paragraphs searched back for the total


def _figure_at(ctx: Context, pos: int) -> Figure | None:
    fig = next(iter(ctx.figures_in(pos, pos + 20)), None)
    return fig if fig is not None and fig.start == pos and fig.dimension == "money" else None


def _parts(ctx: Context, start: int, end: int) -> list[Figure] | None:
    out: list[Figure] = []
    at = start
    for name in SOURCES:
        m = regex.compile(regex.escape(name) + LINK).search(ctx.text, at, end)
        fig = _figure_at(ctx, m.end()) if m else None
        if m is None or fig is None:
            return None
        out.append(fig)
        at = fig.end
    return out


def _total(ctx: Context, scope: str, para_start: int) -> Figure | None:
    lo = para_start
    for _ in range(BACK):
        if lo <= 0:
            break
        lo = ctx.paragraph(lo - 1)[0]
    found = [f for m in TOTAL_RE.finditer(ctx.text, lo, para_start) if SCOPES[m.group("scope")] == scope
             for f in [_figure_at(ctx, m.end())] if f is not None]
    return found[-1] if found else None


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in regex.finditer(regex.escape(SOURCES[0]), ctx.text):
        p0, p1 = ctx.paragraph(m.start())
        if TOTAL_RE.search(ctx.text, p0, m.start()) or ctx.in_table(m.start()):
            continue  # a total in the same paragraph: sum_of_parts judges it
        s0 = ctx.sentence(m.start())[0]
        scope = list(SCOPE_RE.finditer(ctx.text, s0, m.start()))
        parts = _parts(ctx, m.start(), p1)
        if not scope or parts is None:
            continue
        total = _total(ctx, SCOPES[scope[-1].group("scope")], p0)
        if total is None or any((p.scale, p.unit) != (total.scale, total.unit) for p in parts):
            continue
        summed = Interval.exact(0)
        for p in parts:
            summed = summed + p.interval()
        draft = judged_draft(ctx, RuleCode.SUM_OF_PARTS,
                             " + ".join(p.label() for p in parts) + f" (income sources of {total.label()})",
                             [total, *parts], total, summed, sum((p.value for p in parts), start=parts[0].value * 0),
                             suffix=f"{total.scale}{total.unit}")
        out.append(with_evidence(ctx, draft, COMPLETE, "the four income sources of the same residents' "
                                 "per-head disposable income (a standard breakdown)",
                                 [("whole", total), *(("part", p) for p in parts)]))
    return out
