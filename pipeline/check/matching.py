"""Which narrative figure speaks of which indicator-table row: by what the text says.

A text figure matches a row when the words just before it (back to the clause start, at most
WINDOW characters, or its item of a `A、B分别a、b` list) or right after it cover enough of the
indicator name's character bigrams, when modifiers that change the meaning (新增, 累计, 人均,
年均, 每万人) agree, and when the sentence speaks of the same year (到2025年 / “十四五”期间 → the
target year; 2020年 / “十三五”期末 → the base year; in a bound bulletin, the year its part opens
with). Each text figure is read once (`TextView`); `CellIndex` hands it only the few table
cells nearest it whose indicator shares a bigram with its words, so matching stays linear.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import regex

from ..model import Row, Section, Table, TableValue
from .context import Context
from .figures import Figure, from_table_value
from .interval import Interval
from .periods import current_year, year_of
from .table_cells import BRACKETS, TableCell

WINDOW = 80
AFTER = 20
MODIFIERS = ("新增", "人均", "年均", "每万人", "每千人", "净增")
GROWTH_BEFORE = regex.compile(r"(年均|年平均)(增长|增幅|增速|递增)[^,;。]{0,3}$")
BACK_STOP = regex.compile(r"[;。\n]")
LIST_WORD = regex.compile(r"其中|分别")
NOUN_CUT = regex.compile(r"[,;。\n的]")
CLAUSE_SPLIT = regex.compile(r"[,;:]")
LIST_LEAD_SPLIT = regex.compile(r"[,:]")
LEAD_SPLIT = regex.compile(r"[,;:、]|其中")
# head nouns that name the same measure (营业收入 ~ 销售额, 成交金额 ~ 成交额)
HEAD_SYNONYMS = {"收入": ("销售额", "营收", "收入"), "金额": ("成交额", "额"), "总量": ("总数", "规模"),
                 "数量": ("数",), "比重": ("比例", "占比"), "比例": ("比重", "占比")}
SUBJECTLESS = regex.compile(r"^[,、]?(占|完成|实现|达到?|为|是|比|增长|同比)")
TARGET_CUE = regex.compile(r"(到|至)\s*20\d\d年|力争|目标|预计|确保|争取|期间|时期")
ACHIEVED = regex.compile(r"截至|截止|已经|已")
FUTURE_YEAR = regex.compile(r"(到|至)\s*20\d\d年")


@dataclass
class Side:
    """One stated value of a row (base or target) as a figure, with its year."""

    table: Table
    row: Row
    name: str  # base | target
    value: TableValue
    figure: Figure
    year: int | None


def bigrams(s: str) -> set[str]:
    s = BRACKETS.sub("", s)
    return {s[i : i + 2] for i in range(len(s) - 1)}


def row_sides(ctx: Context) -> list[Side]:
    out: list[Side] = []
    for t in ctx.doc.tables:
        for row in t.rows:
            if not row.indicator:
                continue
            for name in ("base", "target"):
                tv: TableValue | None = getattr(row, name)
                if tv is None or tv.value is None or tv.span is None or tv.kind not in ("level", "annual_growth_pct"):
                    continue
                unit = "%" if tv.kind == "annual_growth_pct" else row.unit
                fig = from_table_value(ctx.text, tv, unit)
                if fig is not None:
                    out.append(Side(t, row, name, tv, fig, tv.year))
    return out


def window(ctx: Context, fig: Figure) -> tuple[str, str]:
    """The words that speak of `fig`: back to the clause start or the previous figure, plus the
    sentence topic when the clause has no subject of its own (…,占全区工业产值比重24.7%)."""
    lo = max(0, fig.start - WINDOW)
    stops = [m.end() for m in BACK_STOP.finditer(ctx.text, lo, fig.start)]
    lo = stops[-1] if stops else lo
    s, _ = ctx.sentence(fig.start)
    prev = [f.end for f in ctx.figures_in(max(lo, s), fig.start)]
    local = ctx.text[max([lo, *prev]) : fig.start]
    if prev and SUBJECTLESS.match(local) and not LIST_WORD.search(local):
        first = ctx.figures_in(s, fig.start)[0]
        local = ctx.text[max(s, first.start - WINDOW) : first.start] + " " + local
    after = ctx.text[fig.end : fig.end + AFTER]
    cut = NOUN_CUT.search(after)  # 21公里的苏州河段…: the figure qualifies another noun
    return local, after[: cut.start()] if cut else after


def coverage(indicator: str, before: str, after: str) -> float:
    want = bigrams(indicator)
    if not want:
        return 0.0
    have = bigrams(before) | bigrams(after)
    return len(want & have) / len(want)


def longest_common(a: str, b: str) -> int:
    """Length of the longest run of characters `a` and `b` share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def modifiers_agree(indicator: str, before: str, *, growth: bool = False, base: bool = False) -> bool:
    """新增/人均… must be said on both sides or neither (年均 belongs to a growth target; 累计
    matters for a base level, while a target may well be 累计新建 over the plan period)."""
    near = CLAUSE_SPLIT.split(before)[-1][-30:]
    mods = [m for m in MODIFIERS if not (growth and m == "年均")] + (["累计"] if base else [])
    return all((m in indicator) == (m in near) for m in mods)


def tail_near(indicator: str, before: str, after: str) -> bool:
    """The indicator's head noun (its last two characters) sits right at the figure."""
    name = BRACKETS.sub("", indicator)
    tails = (name[-2:], *HEAD_SYNONYMS.get(name[-2:], ()))
    return any(t in before[-10:] or t in after for t in tails)


# ------------------------------------------------------------------ text ↔ table by index
TABLES_EACH_SIDE = 2  # a plan's text may come before both its 十四五 and its 十五五 table
NEAR = 8  # per name bigram, the cells nearest the text figure (keeps the stage linear)
GROWTH_WORD = regex.compile(r"(增长|上涨|下降|增速|增幅|回落|降低|减少|提高|下跌|上升)了?(为|达到?)?\s*$")
NEGATIVE_WORD = regex.compile(r"(下降|回落|降低|减少|下跌)")
CHANGE_WORD = regex.compile(r"(增加|减少|增长|下降|提高|降低|净增)了?\s*$")
FROM_TO = regex.compile(r"(由|从)[^,;。由从]{0,12}$")
TO_AFTER = regex.compile(r"^[^,;。]{0,6}(提高|增加|提升|增长|上升|下降|降低|减少|扩大|缩小)(到|至)")
PART_YEAR = regex.compile(r"^[ \t\u3000]*((?:19|20)\d{2})年(?![\d〇一二三四五六七八九十]+月)|"
                          r"^[^\n]{0,20}?((?:19|20)\d{2})年[^\n]{0,30}(公报|报告)[ \t]*$", regex.M)
TARGET_SECTION = regex.compile(r"目标|任务|指标|重点项目|主要项目")
RESPECTIVELY = "分别"
NEUTRAL_WORDS = regex.compile(r"全年|全市|全区|全县|全省|全国|全岛|年末|年底|本年|当年|我市|我区|我省|"
                              r"规模以上|规上|全社会|实现|完成|共有|现有|拥有|共|累计|合计|^[市区县省]|\s")
MODIFIER_LEN = 4
LIST_SPLIT = regex.compile(r"[、和及与]|以及")


@dataclass
class TextView:
    """A text figure as text ↔ table matching reads it, computed once per figure."""

    figure: Figure
    before: str
    after: str
    kind: str  # level, growth (比上年), annual (年均), change (增加Δ)
    negative: bool
    year: int | None
    part_year: int | None
    phase: str  # base (由X…提高至), target (planned), reported, any
    year_said: int | None = None  # named in the figure's own sentence
    listed: bool = False  # one of a 分别 list whose items could not be paired

    @property
    def words(self) -> str:
        return self.before + "|" + self.after

    @cached_property
    def base_interval(self) -> Interval:
        return self.figure.base_interval()


def part_years(text: str) -> list[tuple[int, int]]:
    """(position, year) of the lines that open a part of a bound document (2022年是…; a title
    such as 南京市2024年…统计公报): the year a bulletin's figures speak of when no sentence says."""
    return [(m.start(), int(m.group(1) or m.group(2))) for m in PART_YEAR.finditer(text)]


def respectively_words(ctx: Context, fig: Figure) -> str | None:
    """In `A、B、C…分别增长a%、b%、c%`, the item that pairs with `fig` (and the words after 分别)."""
    s, e = ctx.sentence(fig.start)
    stops = [m.end() for m in BACK_STOP.finditer(ctx.text, s, fig.start)]
    lo = stops[-1] if stops else s
    at = ctx.text.rfind(RESPECTIVELY, lo, fig.start)
    if at < 0:
        return None
    end = BACK_STOP.search(ctx.text, fig.end, e)
    listed = [f for f in ctx.figures_in(at, end.start() if end else e) if f.dimension == fig.dimension]
    k = next((i for i, f in enumerate(listed) if f.start == fig.start), None)
    clause = LIST_LEAD_SPLIT.split(ctx.text[lo:at])[-1]
    items = [w for w in LIST_SPLIT.split(clause) if w.strip()]
    if k is None or len(items) != len(listed) or len(listed) < 2:
        return None
    return items[k] + ctx.text[at + len(RESPECTIVELY) : listed[0].start]


class SectionTitles:
    """The titles of the sections that hold a position, innermost first (one bisect and a walk
    up the parents: depth, not document length)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = sorted(sections, key=lambda x: x.body_span.start)
        self.starts = [x.body_span.start for x in self.sections]
        self.by_id = {x.id: x for x in self.sections}

    def at(self, pos: int) -> list[str]:
        i = bisect.bisect_right(self.starts, pos) - 1
        sec = self.sections[i] if i >= 0 else None
        titles: list[str] = []
        while sec is not None:
            if sec.body_span.start <= pos < sec.body_span.end:
                titles.append(sec.title)
            sec = self.by_id.get(sec.parent_id) if sec.parent_id else None
        return titles


def text_view(ctx: Context, fig: Figure, parts: list[tuple[int, int]], titles: SectionTitles | None = None) -> TextView:
    before, after = window(ctx, fig)
    paired = respectively_words(ctx, fig)
    listed = paired is None and RESPECTIVELY in before
    if paired is not None:
        before = paired
    # the words right before the figure (for a 分别 list, those before its first figure)
    lead = before[-10:] if paired is not None else ctx.text[max(0, fig.start - 10) : fig.start]
    kind = "level"
    if fig.dimension == "percent":
        if GROWTH_BEFORE.search(lead):
            kind = "annual"
        elif GROWTH_WORD.search(lead):
            kind = "growth"
    elif CHANGE_WORD.search(lead):
        kind = "change"
    s, _ = ctx.sentence(fig.start)
    said = ctx.text[s : fig.start]
    if FROM_TO.search(ctx.text[max(s, fig.start - 14) : fig.start]) and TO_AFTER.match(ctx.text[fig.end : fig.end + 12]):
        phase = "base"
    elif TARGET_CUE.search(said) and not ACHIEVED.search(said):
        phase = "target"
    elif FUTURE_YEAR.search(said):
        phase = "any"
    elif titles is not None and any(TARGET_SECTION.search(t) for t in titles.at(fig.start)):
        phase = "target"  # 发展目标, 主要任务: a plan's goals, said without 到2025年
    else:
        phase = "reported"
    year = None if phase == "base" else current_year(ctx, fig.start)
    year_said = None if phase == "base" else year_of(ctx.text[s : fig.start], skip_bases=True)
    return TextView(fig, before, after, kind, bool(NEGATIVE_WORD.search(lead[-6:])), year,
                    part_year(parts, fig.start), phase, year_said, listed)


def part_year(parts: list[tuple[int, int]], pos: int) -> int | None:
    i = bisect.bisect_right(parts, (pos, 10**9))
    return parts[i - 1][1] if i else None


def qualified(name: str, before: str) -> bool:
    """The text names a narrower subject than the row: words other than a scope-neutral lead
    stand between the clause start and the indicator (私人汽车 vs 汽车, 区科技小巨人企业 vs
    科技小巨人企业, 对美国进出口总额 vs 进出口总额)."""
    clean = BRACKETS.sub("", name)
    words = BRACKETS.sub("", before)
    at = first_shared(clean, words)
    if at is None:
        return False
    lead = NEUTRAL_WORDS.sub("", LEAD_SPLIT.split(words[:at])[-1])
    # a short modifier names a narrower subject; a long lead is an adverbial (通过…平台新增…)
    return bool(lead) and (len(lead) <= MODIFIER_LEN or lead[0] in "对向与")


def first_shared(name: str, words: str) -> int | None:
    """Where in `words` the longest run shared with `name` starts (the last such place)."""
    best, at = 1, None
    for i in range(len(name)):
        for j in range(i + best + 1, len(name) + 1):
            k = words.rfind(name[i:j])
            if k < 0:
                break
            best, at = j - i, k
    return at


def name_similarity(cell: TableCell, words: str, have: set[str]) -> tuple[float, int]:
    """(share of the indicator's bigrams said near the figure, longest run they share); `have`
    is bigrams(words), computed once per figure."""
    clean, want = cell.clean, cell.grams
    if not want:
        return (1.0, len(clean)) if clean and clean in words else (0.0, 0)
    cov = len(want & have) / len(want)
    return cov, (longest_common(clean, words) if cov >= 0.5 else 0)


class CellIndex:
    """Table cells by the bigrams of their indicator names, each list in text order, so a text
    figure looks only at the few nearest cells that share a word with it."""

    def __init__(self, cells: Sequence[TableCell]) -> None:
        self.cells = sorted(cells, key=lambda c: c.figure.start)
        self.by_gram: dict[str, list[int]] = {}
        for i, c in enumerate(self.cells):
            for g in c.grams or {c.clean}:
                self.by_gram.setdefault(g, []).append(i)
        self.starts = {g: [self.cells[i].figure.start for i in ix] for g, ix in self.by_gram.items()}

    def near(self, grams: set[str], pos: int) -> list[TableCell]:
        """Per bigram, its cells in the nearest tables before `pos` and after (at most NEAR // 2
        cells in TABLES_EACH_SIDE tables each way): the work per figure does not grow with the document."""
        found: set[int] = set()
        for g in grams:
            ix = self.by_gram.get(g)
            if not ix:
                continue
            k = bisect.bisect_left(self.starts[g], pos)
            found.update(self._same_table(ix[max(0, k - NEAR // 2) : k][::-1]))
            found.update(self._same_table(ix[k : k + NEAR // 2]))
        return [self.cells[i] for i in sorted(found)]

    def _same_table(self, ix: list[int]) -> list[int]:
        """The leading run of `ix` that lies in the first TABLES_EACH_SIDE tables."""
        run: list[int] = []
        tables: list[Table] = []
        for i in ix:
            table = self.cells[i].table
            if not any(t is table for t in tables):
                if len(tables) == TABLES_EACH_SIDE:
                    break
                tables.append(table)
            run.append(i)
        return run
