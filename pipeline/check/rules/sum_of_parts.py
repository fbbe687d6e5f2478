"""Sum of parts: `共43家,其中国家级2家、市级8家、区级20家、备案13家`, and bulletin breakdowns
opened by `按经营地统计,` / `分领域看,` / `按产业分,` at a sentence start (the total is then in
the sentence that leads the paragraph's breakdowns).

The total is the last level before 其中 (in the same sentence, or the one before when 其中
opens a sentence); the parts are the levels of the same dimension after it, up to the end of
the sentence — or of a `;` clause when that already sums correctly. Rounded parts carry their
rounding interval, so n parts allow n × half a unit; counts of things are exact integers.
A 其中 list may name only some parts, or overlapping ones: a sum far from the total (beyond
SLACK) is reported as unverifiable rather than as an error — but not a breakdown opened by
按…分/分…看 (exhaustive by construction) nor a standard breakdown (第一/二/三产业, the four
income sources, 出口/进口: breakdowns.py): there a leading-digit typo in a part is an error.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Verdict
from ..breakdowns import standard_parts
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval
from ..units import RATIO_DIMS

QIZHONG = regex.compile(r"其中")
CHANGE_BEFORE = regex.compile(r"(增加(?!值)|减少|增长|下降|提高|降低|比上年|同比|新增|净增|多|少)[^,;、]{0,3}$")
SLACK = Decimal("0.10")  # relative distance beyond which a list is taken as partial/overlapping
SHORT = Decimal("0.02")  # a 其中 list short of its total by more is taken as partial
# a breakdown opened at a sentence start: 按经营地统计, 分领域看, 从地区看, 按产业分 (not 按…计算)
INTRO = regex.compile(r"(?:(?<=[。\n])|^)(?:按[^,。;\n\d]{1,10}?(?:统计|划分|分|来看|看)|[分从][^,。;\n\d]{1,8}?(?:来看|看))[,:]")
PER_HEAD = regex.compile(r"人均|平均|每[万千百]?人|每户")
# the bulletin note on rounding: 因四舍五入的原因,存在总计与分项合计不等的情况
ROUNDING_NOTE = regex.compile(r"未作机械调整|四舍五入[^。\n]{0,24}(?:总计|合计|总数|总量)[^。\n]{0,8}(?:分项|分类|之和|不等)")


def _total(ctx: Context, pos: int) -> Figure | None:
    s, _ = ctx.sentence(pos)
    p0 = ctx.paragraph(pos)[0]
    before = ctx.figures_in(s, pos)
    while not before and s > 0:
        s = ctx.sentence(s - 1)[0]
        while s > 0 and not ctx.text[s : ctx.sentence(s)[1]].strip():
            s = ctx.sentence(s - 1)[0]  # the line break after 。 is a sentence of its own
        before = ctx.figures_in(s, ctx.sentence(s)[1])
        if s < p0 and s != ctx.paragraph(s)[0]:
            before = []  # another paragraph's total only when it leads that paragraph
        if not _opens_breakdown(ctx, s):
            break
        before = []  # an earlier breakdown of the same total: look one sentence further back
    levels = [f for f in before if f.dimension not in RATIO_DIMS and not _is_change(ctx, f)]
    if not levels or PER_HEAD.search(ctx.text, max(0, levels[-1].start - 16), levels[-1].start):
        return None  # a per-head or average figure is not the sum of its breakdown
    return levels[-1]


def _opens_breakdown(ctx: Context, s: int) -> bool:
    return bool(INTRO.match(ctx.text, s) or ctx.text.startswith("其中", s))


def _is_change(ctx: Context, f: Figure) -> bool:
    return bool(CHANGE_BEFORE.search(ctx.text[max(0, f.start - 8) : f.start]))


def _part_lists(ctx: Context, pos: int, total: Figure) -> list[list[Figure]]:
    """Candidate part lists: up to each `;` in the sentence, then the whole sentence."""
    _, end = ctx.sentence(pos)
    nested = QIZHONG.search(ctx.text, pos + 2, end)
    end = nested.start() if nested else end
    cuts = [m.start() for m in regex.finditer(r";", ctx.text[pos:end])] + [end - pos]
    lists: list[list[Figure]] = []
    for cut in cuts:
        figs = ctx.figures_in(pos, pos + cut)
        parts = [f for f in figs if f.dimension == total.dimension and not _is_change(ctx, f)]
        if len(parts) >= 2 and (not lists or len(parts) > len(lists[-1])):
            lists.append(parts)
    return lists


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    note = ROUNDING_NOTE.search(ctx.text)
    loose = note.group() if note else None
    triggers = sorted([*QIZHONG.finditer(ctx.text), *INTRO.finditer(ctx.text)], key=lambda t: t.start())
    for m in triggers:
        if ctx.in_table(m.start()):
            continue
        total = _total(ctx, m.start())
        if total is None:
            continue
        lists = _part_lists(ctx, m.end(), total)
        if not lists:
            continue
        # the first list that adds up wins; else the first that comes close but misses; else
        # the shortest (a partial list is unverifiable, not an error)
        partial = m.group() == "其中"
        # a 按…分 list is exhaustive only when it runs to the sentence end (a nested 其中 cuts it)
        whole = not partial and QIZHONG.search(ctx.text, m.end() + 2, ctx.sentence(m.end())[1]) is None
        # ... and only for a total of its own paragraph: a total found a paragraph up may be of a
        # wider scope (邮政行业业务收入 above a breakdown of 快递业务收入 by type), so far stays loose
        own_total = ctx.paragraph(total.start) == ctx.paragraph(m.start())
        drafts = [_judge(ctx, total, parts, loose, partial,
                         strict=(whole and own_total and parts is lists[-1]) or standard_parts(part_names(ctx, parts)))
                  for parts in lists]
        out.append(next((d for d in drafts if d.verdict == Verdict.CONSISTENT),
                        next((d for d in drafts if d.verdict == Verdict.INCONSISTENT), drafts[0])))
    return out


def part_names(ctx: Context, parts: list[Figure]) -> list[str]:
    """The words naming each part: back to the clause start or the figure before (人均工资性收入)."""
    out = []
    for f in parts:
        lo = max([ctx.sentence(f.start)[0], *(g.end for g in ctx.figures_in(f.start - 40, f.start))])
        name = regex.split(r"[,;:]", ctx.text[lo : f.start])[-1]
        out.append(regex.sub(r"(?:为|达到|达|是)$", "", name))
    return out


def _judge(ctx: Context, total: Figure, parts: list[Figure], loose: str | None, partial: bool,
           strict: bool = False) -> Draft:
    figs = [total, *parts]
    terms = " + ".join(p.label() for p in parts)
    summed = Interval.exact(0)
    for p in parts:
        summed = summed + p.base_interval()
    point = sum((p.value * p.factor for p in parts), Decimal(0))
    unit = f"{total.scale}{total.unit}"
    shown = point / total.factor
    stated, qual = stated_interval(ctx, total)
    part_quals = [q for q in (stated_interval(ctx, p)[1] for p in parts) if q]
    places = max(p.decimals for p in parts)
    base = f"{terms} = {fmt(shown, places)}{unit}; stated total {total.label()}"
    computed = summed.scale(Decimal(1) / total.factor)
    if qual or part_quals:
        return Context.draft(RuleCode.SUM_OF_PARTS, Verdict.UNVERIFIABLE,
                             f"{base}: {(qual or part_quals[0])}, so the sum is not checked", figs,
                             stated=float(total.value), computed=computed, computed_value=shown,
                             exemption=qual or part_quals[0])
    exemption = None
    if loose and not total.is_count:
        tol = Decimal(len(parts)) * Interval.printed(Decimal(0), places).hi
        stated = stated.widen(tol)
        exemption = f"the document says “{loose}”: totals may differ from the sum of rounded parts"
    verdict, severity = judge(stated, computed, total.decimals)
    if verdict == Verdict.INCONSISTENT:
        gap = shown - total.value
        # amounts after 其中 that fall short may be only some of the parts (国有控股 and 民间投资
        # of all investment leave out foreign-funded firms): short by more than SHORT is no
        # error; counts after 共…其中 (科学技术奖15项,其中…) are read as the full enumeration
        short = partial and not total.is_count and -gap > SHORT * total.value
        far = abs(gap) > SLACK * total.value or short
        if far and not strict:
            return Context.draft(RuleCode.SUM_OF_PARTS, Verdict.UNVERIFIABLE,
                                 f"{base}: the parts listed after 其中 are far from the total, so they may "
                                 "be only some of the parts or overlap", figs, stated=float(total.value),
                                 computed=computed, computed_value=shown,
                                 exemption="其中 may list only some parts, or overlapping ones")
    rounding = "" if all(p.is_count for p in figs) else f" (interval {fmt_interval(computed, places + 1)}{unit})"
    expl = f"{base}{rounding}: {verdict_word(verdict)}"
    if all(p.is_count for p in figs) and verdict == Verdict.INCONSISTENT:
        expl += " (counts of things are exact, not rounded)"
    return Context.draft(RuleCode.SUM_OF_PARTS, verdict, expl, figs, stated=float(total.value),
                         computed=computed, computed_value=shown, severity=severity, exemption=exemption)
