"""The whole a share speaks of, when it was stated earlier by name.

Bulletins state a total once and refer back to it: `年末全市常住人口540.12万人。…其中,城镇人口
432.10万人,占常住人口的比重为80.0%`, or `相当于地区生产总值的3.15%` chapters after
`全年全市地区生产总值5678.90亿元`. A mention counts only when the name opens its clause
after framing words alone (全年, 年末, 全市, 初步核算 …; a year such as 2023年 may name
another year's level) and a level of the same dimension
follows right after it: `人均地区生产总值` or `城镇常住人口` are other measures. The
paragraph's mention wins; else one value stated across the document; else none (no guess).
A whole not stated by its own name may be stated by another (总人口 ~ 常住人口, GDP ~ 地区生产总值,
breakdowns.py), then only in the share's paragraph — where a year may open the clause
(`2017年末常住人口`) — and only when all its names there give one value.
"""

from __future__ import annotations

import bisect
from weakref import WeakKeyDictionary

import regex

from .breakdowns import aliases
from .context import Context
from .figures import Figure

CLAUSE_START = regex.compile(r"[,;:。\n!?]")
FRAME = regex.compile(
    r"(?:经?初步核算|全年|年末|年底|截至年末|截至年底|全[市省区县州盟国]|"
    r"本[市省区县]|我[市省区县]|全社会|完成|实现|\s)*"
)
LINK = regex.compile(r"(?:为|达|达到|是|共|共计|总计|合计|实现|完成)?")
# the period a clause is stated for, when it opens the clause: a monthly release mixes
# 4月份 and 1-4月份 levels of the same name, and a share of one is no share of the other
PERIOD = regex.compile(r"(?:^|(?<=[,;:。\n]))(?:\d{1,2}(?:[-—~至]\d{1,2})?月份?|[一二三四1-4]季度|"
                       r"前三季度|[上下]半年|全年|(?:19|20)\d{2}年)(?=[,末底])")


def period_lead(ctx: Context, pos: int) -> str | None:
    """The last period phrase opening a clause of `pos`'s paragraph before `pos` (月份 dropped)."""
    p0, _ = ctx.paragraph(pos)
    found = [m.group() for m in PERIOD.finditer(ctx.text, p0, pos)]
    return found[-1].replace("月份", "月") if found else None


YEAR_LEAD = regex.compile(r"(?:19|20)\d{2}(?=年)")  # 2017年末 reads as 年末


_NAMED: WeakKeyDictionary[Context, dict[tuple[str, str], tuple[list[int], list[Figure]]]] = WeakKeyDictionary()


def _mentions(ctx: Context, noun: str, num: Figure, before: int, since: int | None = None) -> list[Figure]:
    if since is None:  # the whole document's mentions of a name, found once per name and dimension
        named = _NAMED.setdefault(ctx, {})
        key = (noun, num.dimension)
        if key not in named:
            found = _scan(ctx, noun, num.dimension, 0, len(ctx.text), None)
            named[key] = ([at for at, _ in found], [f for _, f in found])
        starts, figs = named[key]
        return [f for f in figs[: bisect.bisect_left(starts, before)] if f is not num]
    return [f for _, f in _scan(ctx, noun, num.dimension, since, before, since) if f is not num]


def _scan(ctx: Context, noun: str, dimension: str, lo: int, hi: int, since: int | None) -> list[tuple[int, Figure]]:
    """(where the name starts, the level right after it) for each clause-opening mention in [lo, hi)."""
    out: list[tuple[int, Figure]] = []
    for m in regex.compile(regex.escape(noun)).finditer(ctx.text, lo, hi):
        starts = [c.end() for c in CLAUSE_START.finditer(ctx.text, max(0, m.start() - 30), m.start())]
        lead = ctx.text[starts[-1] if starts else max(0, m.start() - 30) : m.start()]
        if since is not None:
            lead = YEAR_LEAD.sub("", lead, count=1)
        if not FRAME.fullmatch(lead):
            continue
        link = LINK.match(ctx.text, m.end())
        at = link.end() if link else m.end()
        fig = next((f for f in ctx.figures_in(at, at + 24) if f.start == at), None)
        if fig is not None and fig.dimension == dimension:
            out.append((m.start(), fig))
    return out


def stated_whole(ctx: Context, noun: str, num: Figure, before: int, since: int | None = None) -> Figure | None:
    """The level named `noun` stated before position `before`, in `num`'s dimension; another
    name of it counts from `since` on (default: the paragraph of `before`)."""
    mentions = _mentions(ctx, noun.strip(), num, before)
    if not mentions:
        return _alias_whole(ctx, noun.strip(), num, before, ctx.paragraph(before)[0] if since is None else since)
    lead = period_lead(ctx, before)
    if lead is not None:  # a level stated for another period is no whole of this share
        mentions = [f for f in mentions if period_lead(ctx, f.start) in (None, lead)]
    p0, _ = ctx.paragraph(before)
    local = [f for f in mentions if f.start >= p0]
    if local:
        return local[-1]
    values = {f.value * f.factor for f in mentions}
    if len(values) == 1:
        return mentions[-1]
    # stated elsewhere with other values (bulletins of several years bound in one file): only
    # another name of it in this paragraph can tell which
    return _alias_whole(ctx, noun.strip(), num, before, ctx.paragraph(before)[0] if since is None else since)


def _alias_whole(ctx: Context, noun: str, num: Figure, before: int, since: int) -> Figure | None:
    found = [f for name in aliases(noun) for f in _mentions(ctx, name, num, before, since=since)]
    values = {f.value * f.factor for f in found}
    return min(found, key=lambda f: f.start) if len(values) == 1 else None


TOTAL_SUFFIX = regex.compile(r"(?:总额|总量|总数)$")


def loose_whole(ctx: Context, noun: str, num: Figure, before: int) -> Figure | None:
    """A whole named with a qualifier before its name (`全年全市货物进出口总额5459.2亿元` for 占全市
    进出口总额的41.7%, `医院次均门诊费用361.0元` for 占次均门诊费用的36.8%): the first such level of
    `num`'s dimension in the share's paragraph before it, else in the paragraph before (a total
    leads its paragraph). A name ending in 总额/总量 may be stated without it (出口总额 ~ 出口).
    Weaker than `stated_whole`: the qualifier may name a subset."""
    if _mentions(ctx, noun.strip(), num, before):
        return None  # named plainly but declined by stated_whole (two values, another period): no guess
    core = FRAME.sub("", noun.strip(), count=1)
    names = [core] + ([TOTAL_SUFFIX.sub("", core)] if TOTAL_SUFFIX.search(core) and len(core) > 3 else [])
    p0, _ = ctx.paragraph(before)
    spans = [(p0, before)] + ([(ctx.paragraph(p0 - 1)[0], p0)] if p0 else [])
    period = period_lead(ctx, before)  # a level of another period (4月 vs 1-4月) is no whole
    for name in names[1:]:  # 出口总额 stated plainly as 出口 (其中,出口3462.7亿元) before 进出口总额
        plain = [f for f in _mentions(ctx, name, num, before) if f.start >= spans[-1][0]]
        if plain:
            return plain[-1]
    for lo, hi in spans:
        for name in names:
            for m in regex.finditer(regex.escape(name), ctx.text[lo:hi]):
                at = lo + m.end()
                if "人均" in ctx.text[max(lo, lo + m.start() - 4) : lo + m.start()] and "人均" not in name:
                    continue  # 人均地区生产总值 is no 地区生产总值
                link = LINK.match(ctx.text, at)
                at = link.end() if link else at
                fig = next((f for f in ctx.figures_in(at, at + 24) if f.start == at), None)
                if fig is not None and fig.dimension == num.dimension and fig is not num \
                        and period_lead(ctx, fig.start) in (None, period):
                    return fig
    return None
