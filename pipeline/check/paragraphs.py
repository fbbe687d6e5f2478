"""Paragraph structure, read once per document: which stated figures are parts of which whole.

Bulletins write a breakdown in a handful of ways that most documents share:

- `W,其中:A a,B b` / `W。其中,A a…` — the whole is the last figure of the parts' role (level or
  change) and dimension before 其中: in the same sentence, or the sentence before when 其中 opens one;
- `W(其中:A a,B b)` — a 其中 inside brackets hangs from the figure right before the bracket and
  ends with it;
- `X中,A a,B b` opening a sentence — the whole is the level named X stated earlier (wholes.py);
- `X按Y分:A a…` names its whole X; a sentence-opening `分Y看,` / `按Y统计,` breaks down the
  total that leads the paragraph (of the parts' metric: 产值 parts belong to 总产值, not 增加值);
- `A a(占x%)` / `A a,占x%` — the share of part A in the group's whole;
- figures in brackets after a part (`49家(含1家代表处…)`, `4111个(其中:三级甲等医院1876个)`) are
  sub-items, never parts; a change (`减产0.61万吨`, `比上年增加…`) is a part only of a change.

A group is *complete* only when the text says so: a last part named 其他 (the rest), the parts'
shares totalling 100%, or a standard breakdown (breakdowns.py). Otherwise a list that does not add
up may name only some parts (其中 lists usually do). Parts whose names nest (医院 ⊃ 公立医院) or
whose categories cross (国有控股 and 股份制) are not disjoint. The scan is linear: one pass over
the triggers, each reading its own sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from weakref import WeakKeyDictionary

import regex

from ..model import EvidenceStrength
from .breakdowns import standard_parts
from .context import Context
from .figures import Figure
from .interval import Interval
from .units import RATIO_DIMS
from .wholes import stated_whole

QIZHONG = regex.compile(r"其中")
# a bracket that lists parts of the figure before it: 4.25万人(城市1.87万人、农村2.38万人); not
# (其中…) (a 其中 group) nor (含…)/(包括…) (sub-items the figure includes, listed as examples)
BRACKET_LIST = regex.compile(r"\((?!其中|含|包括|包含|不含|注)")
# `X中,` opening a sentence: 医院中, / 2024年末卫生人员总数中, (not 其中, 集中, 高中 …)
ZHONG = regex.compile(r"(?P<noun>(?:(?:19|20)\d{2}年)?[^\d,;:。\n()]{2,16}?)(?<![其集高初之当])中[,:]")
# a breakdown opened at a sentence start (按经营地统计, 分领域看, 从地区看, 按产业分) or after its
# whole's name (医院按等级分:); BREAKDOWN alone also opens one after a comma
BREAKDOWN = r"(?:按[^,。;\n\d]{1,10}?(?:统计|划分|分|来看|看)|[分从][^,。;\n\d]{1,8}?(?:来看|看))[,:]"
INTRO = regex.compile(r"(?P<noun>[^\d,;:。\n()]{0,16}?)" + BREAKDOWN)
INTRO_AFTER_COMMA = regex.compile(r"(?<=[,:])" + BREAKDOWN)
SENTENCE_START = regex.compile(r"[。\n]")
# a delta, not a level (新增 counts the year's flow: 新增公路63.9万公里,其中高速公路3.3万公里 are levels)
CHANGE_BEFORE = regex.compile(
    r"(?:增加(?!值)|减少|增长|下降|提高|降低|增产|减产|比上年|同比|净增|多|少)[^,;、:]{0,3}$")
PER_HEAD = regex.compile(r"人均|平均|每[万千百]?人|每户")
# what links a part (or the rate printed after it) to its share: (占78.8%), ,占比0.8%, 、占28.5%,
# ,税收占比80.9%, ,占全市进出口总额的41.7% (the share of a named whole: share.py finds that whole)
SHARE_LINK = regex.compile(r"\s*[,(、]?\s*(?:(?!合计|共|合)[^,;()\d%]){0,6}?占(?:比|[^,;()\d]{0,16}?(?:的|比重|比例))?"
                           r"(?:比重|比例)?(?:为|达)?\s*")
YEAR_FRAME = regex.compile(r"^(?:(?:19|20)\d{2}年|全年|年末|年底|全[市省区县国])+")
OTHER = regex.compile(r"其[他它]")
# 按经营地分 / 按等级分 / 按活动类型统计 name the classification that partitions the whole (分品种看,
# 从地区看 and 从收入构成上看 may look at the main parts only: 首要来源…其次是…)
CLASSIFY = regex.compile(r"[^,:]*按[^,。;\n\d]{1,10}?(?:统计|划分|分)[,:]")
TOTAL_WORD = regex.compile(r"(?:共|合计|总计|共计)(?=[^,;。\d]{0,12}$)")
CROSSING = regex.compile(r"控股")  # 国有控股 crosses registration types (股份制, 外商投资 …)
# verbs that open a clause of their own in a run-on list of achievements (work reports)
ACTION = regex.compile(r"修复|治理|建设|新建|改造|完成|实施|推进|开展|建成|打造|培育|引进|实现|加固|整治|提升")
# metric words that tell one measure of a subject from another (产值 vs 增加值)
METRIC = regex.compile(r"增加值|总产值|产值|产量|面积|业务总量|业务收入|业务量|余额|人次|人数|户数")
NAME_CUT = regex.compile(r"[,;:、()。\n]")
NAME_TRIM = regex.compile(r"(?:为|达到|达|是|共|共有|有|实现|完成|分别|其中)+$")


@dataclass
class Part:
    name: str
    figure: Figure
    share: Figure | None = None


@dataclass
class Group:
    """A whole and the parts the text lists under it."""

    basis: str  # the structure in words: 其中 group, X中 breakdown, 按…分 breakdown
    trigger: int
    whole: Figure | None
    whole_name: str
    parts: list[Part]
    change: bool  # the parts (and the whole) are changes, not levels
    cuts: list[int] = field(default_factory=list)  # part counts at each `;` (a list may end there)
    total_word: str | None = None  # 共/合计/总计 before the whole
    spill: bool = False  # the last part leads a nested 其中 and may be no sibling of the others
    intro: str = ""  # the words that open the group (其中, 医院中, 从参保结构看)
    simple: bool = True  # one plain list, or `;` clauses of one part each (not clauses with lists of their own)
    stray: int | None = None  # where a figure of a measure without a whole shows the list may move on

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.parts]

    def complete(self) -> str | None:
        """Why the text marks this list as all the parts, or None."""
        if self.whole is not None and self.whole.is_count and all(p.figure.is_count for p in self.parts) \
                and self.total_word:
            return f"“{self.total_word}” counts all of them"
        if CLASSIFY.match(self.intro):
            return f"“{self.intro}” breaks the whole down by one classification"
        if self.parts and OTHER.search(self.parts[-1].name):
            return f"the list ends with “{self.parts[-1].name}” (the rest)"
        if standard_parts(self.names):
            return "a standard breakdown (" + "、".join(self.names) + ")"
        shares = [p.share for p in self.parts]
        if len(shares) >= 2 and all(s is not None for s in shares):
            total = Interval.exact(0)
            for s in shares:
                assert s is not None
                total = total + s.interval()
            if total.intersects(Interval.exact(100)):
                return "the parts' shares total 100%"
        return None

    def disjoint(self) -> bool:
        """No part's name holds another's (医院 ⊃ 公立医院), no category crosses the others, and no
        part is an action of its own (修复治理退化草原517万亩 after 其中南北山绿化工程43万亩 is another
        achievement, not a part of 营造林)."""
        cores = [_core(n) for n in self.names]
        nested = any(a and b and a != b and (a in b or b in a) for i, a in enumerate(cores) for b in cores[i + 1 :])
        return not nested and not any(CROSSING.search(n) or ACTION.search(n) for n in self.names)

    def listed(self) -> list[Part]:
        """The parts before a stray figure: the list that surely hangs from the whole."""
        return [p for p in self.parts if self.stray is None or p.figure.start < self.stray]


_CACHE: WeakKeyDictionary[Context, list[Group]] = WeakKeyDictionary()
_SHARES: WeakKeyDictionary[Context, dict[int, tuple[Group, Part]]] = WeakKeyDictionary()


def groups(ctx: Context) -> list[Group]:
    """Every part–whole group of the document's running text, in text order (read once); a
    group may list one part only (其中税收收入…,税收占比80.9%)."""
    if ctx not in _CACHE:
        _CACHE[ctx] = _read(ctx)
    return _CACHE[ctx]


def share_of(ctx: Context, pct: Figure) -> tuple[Group, Part] | None:
    """The group and part whose (占x%) share `pct` is (an index built once)."""
    if ctx not in _SHARES:
        _SHARES[ctx] = {p.share.start: (g, p) for g in groups(ctx) for p in g.parts if p.share is not None}
    found = _SHARES[ctx].get(pct.start)
    return found if found is not None and found[1].share is pct else None


def groups_between(ctx: Context, lo: int, hi: int) -> list[Group]:
    """The groups whose trigger lies in [lo, hi)."""
    found = groups(ctx)
    starts = [g.trigger for g in found]
    return found[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def group_strength(g: Group) -> EvidenceStrength:
    """How firmly the structure ties a group's parts to its whole: by position (其中 after the
    whole, a bracket) it is complete; by the whole's name alone only partial."""
    return EvidenceStrength.PARTIAL if g.basis.startswith("“") else EvidenceStrength.COMPLETE


# ---------------------------------------------------------------------------- reading


def _read(ctx: Context) -> list[Group]:
    text = ctx.text
    triggers = [(m.start(), m.end(), "其中", "") for m in QIZHONG.finditer(text)]
    # patterns anchored at sentence starts are matched there only (a search would retry them at
    # every position: superlinear on long texts)
    starts = [0, *(m.end() for m in SENTENCE_START.finditer(text))]
    for kind, pattern in (("中", ZHONG), ("按", INTRO)):
        for at in starts:
            m = pattern.match(text, at, min(len(text), at + 48))
            if m:
                triggers.append((m.start(), m.end(), kind, m.group("noun") or ""))
    triggers += [(m.start(), m.end(), "按", "") for m in INTRO_AFTER_COMMA.finditer(text)]
    triggers += [(m.start(), m.end(), "(", "") for m in BRACKET_LIST.finditer(text) if _lists_figures(ctx, m.end())]
    out: list[Group] = []
    for start, end, kind, noun in sorted(triggers):
        if ctx.in_table(start):
            continue
        out += _groups_at(ctx, start, end, kind, noun.strip())
    return out


def _lists_figures(ctx: Context, pos: int) -> bool:
    """A bracket opened at `pos` closes soon and holds two figures or more (most hold none)."""
    close = ctx.text.find(")", pos, pos + 200)
    return close >= 0 and len(ctx.figures_in(pos, close)) >= 2


def _open_bracket(text: str, lo: int, pos: int) -> int | None:
    """The unmatched `(` between lo and pos, if pos is inside brackets."""
    depth, at = 0, None
    for i in range(pos - 1, lo - 1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                at = i
                break
            depth -= 1
    return at


def _groups_at(ctx: Context, start: int, end: int, kind: str, noun: str) -> list[Group]:
    text = ctx.text
    s0, s1 = ctx.sentence(start)
    s1 = _run_on(ctx, s1)
    bracket = start if kind == "(" else _open_bracket(text, s0, start) if kind == "其中" else None
    hi, nested = s1, None
    if bracket is not None:
        close = text.find(")", end, s1)
        hi = close if close >= 0 else s1
    elif kind == "其中":
        semi = text.find(";", end, s1)
        if semi >= 0 and (text.rfind(";", s0, start) >= 0 or INTRO.match(text, s0)):
            hi = semi  # a 其中 inside one `;` item of a breakdown ends with that item
        nested = _next_top_qizhong(text, end + 2, hi)
        hi = nested if nested is not None else hi
    # a breakdown skips the 其中 sub-lists of its items; a 其中 list stops at the next 其中
    parts, cuts = _parts(ctx, end, hi, skip_nested=kind != "其中")
    if not parts:
        return []
    change = _is_change(ctx, parts[0].figure)
    # one group per measure listed: 夏粮播种面积…;总产量…;秋粮播种面积…;总产量… lists areas and outputs
    dims = list(dict.fromkeys(p.figure.dimension for p in parts if _is_change(ctx, p.figure) == change))
    found = [_measure_group(ctx, start, end, kind, noun, hi, bracket, nested, cuts, change,
                            [p for p in parts if p.figure.dimension == dim and _is_change(ctx, p.figure) == change])
             for dim in dims]
    # a figure of a measure with no whole before the list shows the list may have moved on to
    # other subjects (高速公路3.3万公里,新建、改扩建机场33个,新建和加固堤防1.7万公里)
    stray = min((g.parts[0].figure.start for g in found if g is not None and g.whole is None and kind == "其中"),
                default=None)
    out = []
    for g in found:
        if g is not None and g.parts:
            g.stray = stray
            out.append(g)
    return out


def _measure_group(ctx: Context, start: int, end: int, kind: str, noun: str, hi: int, bracket: int | None,
                   nested: int | None, cuts: list[int], change: bool, parts: list[Part]) -> Group | None:
    text = ctx.text
    keep = _enumeration(parts, text)
    bounds = list(zip([end, *cuts], [*cuts, hi], strict=True))
    clauses = [sum(1 for p in keep if a <= p.figure.start < b) for a, b in bounds]
    whole, basis, name = _whole(ctx, start, end, kind, noun, keep, change, bracket)
    if whole is not None:
        keep = [p for p in keep if _same_measure(_name(ctx, whole), p.name)]
    cuts = [sum(1 for p in keep if p.figure.start < c) for c in cuts]
    word = TOTAL_WORD.search(text, max(0, whole.start - 16), whole.start) if whole else None
    # the figure that leads a nested 其中's `;` clause is its whole, maybe no sibling of the parts
    spill = bool(kind == "其中" and nested is not None and keep and text.rfind(";", end, keep[-1].figure.start) >= 0)
    return Group(basis=basis, trigger=start, whole=whole, whole_name=name, parts=keep, change=change,
                 cuts=[c for c in dict.fromkeys(cuts) if 2 <= c < len(keep)],
                 total_word=word.group() if word else None, spill=spill, intro=text[start:end],
                 simple=max(clauses) <= 1 or len(clauses) == 1)


def _run_on(ctx: Context, end: int) -> int:
    """A sentence broken by a displaced line (PDF text: `占\n\n49.3%;噪声…`) runs on to the
    next line when its line ends without a stop mark."""
    text = ctx.text
    for _ in range(8):  # a few displaced lines at most
        if end >= len(text) or text[end] != "\n" or text[:end].rstrip()[-1:] in ("。", "!", "?", ":", ";", ""):
            break
        nxt = len(text) - len(text[end:].lstrip())
        if nxt >= len(text) or text[nxt] in "#|(一二三四五六七八九十" or nxt - end > 3:
            break
        end = ctx.sentence(nxt)[1]
    return end


def cuts_at(text: str, lo: int, hi: int) -> list[int]:
    return [lo + m.start() for m in regex.finditer(";", text[lo:hi])]


def _enumeration(parts: list[Part], text: str) -> list[Part]:
    """A list joined by 、 ends at the first part joined otherwise (完建4座、在建10座,加固维修2座)."""
    if len(parts) < 3:
        return parts
    joins = [set(regex.sub(r"[^,;、]", "", _outside_brackets(text[a.figure.end : b.figure.start])))
             for a, b in zip(parts, parts[1:], strict=False)]
    if joins[0] != {"、"}:  # 和/及 before the last item joins like 、
        return parts
    n = next((i for i, j in enumerate(joins) if not j <= {"、"}), len(joins))
    return parts[: n + 1]


def _outside_brackets(s: str) -> str:
    return regex.sub(r"\([^()]*\)", "", s)


def _same_measure(whole_name: str, part_name: str) -> bool:
    """A part measures what its whole does: not 快递业务收入 under 邮电业务总量, not a 累计 stock
    under a 新增 flow (the parts of a 累计 whole need not repeat the word)."""
    a, b = METRIC.search(whole_name), METRIC.search(part_name)
    if a and b and a.group().removeprefix("总") != b.group().removeprefix("总"):
        return False
    return "累计" in whole_name or "累计" not in part_name


def _next_top_qizhong(text: str, lo: int, hi: int) -> int | None:
    """The next 其中 outside brackets in [lo, hi)."""
    depth = 0
    for i in range(lo, hi - 1):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch == "其" and text[i + 1] == "中":
            return i
    return None


def _parts(ctx: Context, lo: int, hi: int, skip_nested: bool) -> tuple[list[Part], list[int]]:
    """Levels (or changes) outside brackets in [lo, hi), each with its (占x%) share if any;
    with `skip_nested`, figures from a 其中 to the next `;` are an item's sub-list, not parts."""
    text = ctx.text
    parts: list[Part] = []
    depth, at, inner, last = 0, lo, False, lo
    for f in ctx.figures_in(lo, hi):
        for i in range(at, f.start):
            ch = text[i]
            depth = depth + 1 if ch == "(" else max(0, depth - 1) if ch == ")" else depth
            if skip_nested and depth == 0:
                inner = (inner and ch != ";") or text.startswith("其中", i)
        at = f.start
        prev, last = last, f.end
        if f.dimension == "percent":
            link = SHARE_LINK.fullmatch(text, prev, f.start) if parts else None
            if link and parts[-1].share is None and depth <= 1 and not inner:
                parts[-1].share = f
            continue
        if depth > 0 or inner or f.dimension in RATIO_DIMS:
            continue  # a sub-item in brackets or in a nested 其中, or a rate
        parts.append(Part(name=_name(ctx, f), figure=f))
    return parts, cuts_at(text, lo, hi)


def _name(ctx: Context, f: Figure) -> str:
    """The words naming a figure: back to the clause start or the figure before."""
    lo = max([ctx.sentence(f.start)[0], f.start - 30, *(g.end for g in ctx.figures_in(f.start - 30, f.start))])
    name = NAME_CUT.split(ctx.text[lo : f.start])[-1]
    return NAME_TRIM.sub("", name.strip())


def _core(name: str) -> str:
    return regex.sub(r"(?:增加|减少|增长|床位|人次|诊疗|入院)+$", "", YEAR_FRAME.sub("", name))


def _is_change(ctx: Context, f: Figure) -> bool:
    return bool(CHANGE_BEFORE.search(ctx.text[max(0, f.start - 8) : f.start]))


def _whole(ctx: Context, start: int, end: int, kind: str, noun: str, parts: list[Part], change: bool,
           bracket: int | None) -> tuple[Figure | None, str, str]:
    first = parts[0].figure if parts else None
    if first is None:
        return None, kind, ""
    if bracket is not None:
        # the figure of the bracket's own clause: 37301个(其中…, 64个水位、雨量自动测报站点(其中…
        clause = max(ctx.text.rfind(c, 0, bracket) for c in ",;:。\n") + 1
        before = ctx.figures_in(max(clause, bracket - 40), bracket)
        whole = before[-1] if before and before[-1].dimension == first.dimension else None
        if whole is not None and _is_change(ctx, whole) != change:
            whole = None  # 总数1578.0万人(比上年增加…): a change in brackets is no part of the level
        basis = "其中 in brackets after its whole" if kind == "其中" else "a list in brackets after its whole"
        return whole, basis, _name(ctx, whole) if whole else ""
    if kind in ("中", "按") and noun:
        name = YEAR_FRAME.sub("", noun)
        whole = stated_whole(ctx, name, first, start) if len(name) >= 2 else None
        basis = f"“{noun}中” breakdown" if kind == "中" else f"“{noun}按…分” breakdown"
        if whole is None:  # 总诊疗量中 after 总诊疗人次101.5亿: the total that leads the text before
            whole = _total_before(ctx, start, first, change, parts)
            basis += " of the total stated before it"
        return whole, basis, name
    if kind == "中":
        return None, "X中 breakdown", ""
    whole = _total_before(ctx, start, first, change, parts)
    basis = "其中 list after its whole" if kind == "其中" else "按…分 breakdown of the paragraph's total"
    return whole, basis, _name(ctx, whole) if whole else ""


def _total_before(ctx: Context, pos: int, like: Figure, change: bool, parts: list[Part]) -> Figure | None:
    """The whole a 其中 or a sentence-opening breakdown hangs from: in the same sentence before
    `pos`, else in the sentence before (past sentences that are breakdowns of it themselves)."""
    s, _ = ctx.sentence(pos)
    p0 = ctx.paragraph(pos)[0]
    # per-head figures add up only in a per-head standard breakdown (the four income sources)
    per_head = standard_parts([p.name for p in parts])
    cands = _candidates(ctx, s, pos, like, change, per_head)
    while not cands and s > 0:
        s = ctx.sentence(s - 1)[0]
        while s > 0 and not ctx.text[s : ctx.sentence(s)[1]].strip():
            s = ctx.sentence(s - 1)[0]  # the line break after 。 is a sentence of its own
        if s < p0 and s != ctx.paragraph(s)[0]:
            return None  # another paragraph's total only when it leads that paragraph
        cands = _candidates(ctx, s, ctx.sentence(s)[1], like, change, per_head)
        if not (INTRO.match(ctx.text, s) or ctx.text.startswith("其中", s)):
            break
        cands = []  # an earlier breakdown of the same total: look one sentence further back
    if not cands:
        return None
    metric = _metric(p.name for p in parts)
    if metric:
        named = [f for f in cands if metric in _name(ctx, f)]
        if named:
            return named[-1]
    return cands[-1]


def _candidates(ctx: Context, lo: int, hi: int, like: Figure, change: bool, per_head: bool) -> list[Figure]:
    out = []
    for f in ctx.figures_in(lo, hi):
        if f.dimension != like.dimension or _is_change(ctx, f) != change:
            continue
        if _open_bracket(ctx.text, lo, f.start) is not None:
            continue  # a sub-item in brackets is no whole of what follows
        if not per_head and PER_HEAD.search(ctx.text, max(0, f.start - 16), f.start):
            continue  # a per-head or average figure is not the sum of its breakdown
        out.append(f)
    return out


def _metric(names: Iterable[str]) -> str | None:
    """The metric word the parts name (产值 for 农业产值, 林业产值 …), if they name one alone."""
    found = {m.group() for m in (METRIC.search(n) for n in names) if m}
    return found.pop() if len(found) == 1 else None


def tolerance(parts: list[Figure], places: int) -> Decimal:
    """n rounded parts may miss their printed total by n half-units."""
    return Decimal(len(parts)) * Interval.printed(Decimal(0), places).hi
