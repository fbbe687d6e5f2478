"""Which narrative figure speaks of which indicator-table row: by what the text says.

A text figure matches a row when the words just before it (back to the clause start, at most
WINDOW characters) or right after it cover enough of the indicator name's character bigrams,
when modifiers that change the meaning (新增, 累计, 人均, 年均, 每万人) agree, and when the
sentence speaks of the same year (到2025年 / “十四五”期间 → the target year; 2020年 / “十三五”期末
→ the base year).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model import Row, Table, TableValue
from .context import Context
from .figures import Figure, from_table_value
from .periods import current_year

WINDOW = 80
AFTER = 20
MODIFIERS = ("新增", "人均", "年均", "每万人", "每千人", "净增")
GROWTH_BEFORE = regex.compile(r"(年均|年平均)(增长|增幅|增速|递增)[^,;。]{0,3}$")
CHANGE_BEFORE = regex.compile(r"(增长|增幅|增速|下降|提高|降低|减少|增加)[^,;。]{0,3}$")
BRACKETS = regex.compile(r"\([^)]*\)|\[[^\]]*\]|[“”\"]")
BACK_STOP = regex.compile(r"[;。\n]")
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
    if prev and SUBJECTLESS.match(local) and not regex.search(r"其中|分别", local):
        first = ctx.figures_in(s, fig.start)[0]
        local = ctx.text[max(s, first.start - WINDOW) : first.start] + " " + local
    after = ctx.text[fig.end : fig.end + AFTER]
    cut = regex.search(r"[,;。\n的]", after)  # 21公里的苏州河段…: the figure qualifies another noun
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
    near = regex.split(r"[,;:]", before)[-1][-30:]
    mods = [m for m in MODIFIERS if not (growth and m == "年均")] + (["累计"] if base else [])
    return all((m in indicator) == (m in near) for m in mods)


def tail_near(indicator: str, before: str, after: str) -> bool:
    """The indicator's head noun (its last two characters) sits right at the figure."""
    name = BRACKETS.sub("", indicator)
    tails = (name[-2:], *HEAD_SYNONYMS.get(name[-2:], ()))
    return any(t in before[-10:] or t in after for t in tails)


def is_growth_context(ctx: Context, fig: Figure) -> bool:
    return bool(GROWTH_BEFORE.search(ctx.text[max(0, fig.start - 10) : fig.start]))


def candidates(ctx: Context, side: Side) -> list[tuple[float, bool, Figure]]:
    """Text figures that may state this row value: (coverage, head noun at the figure, figure)."""
    growth = side.value.kind == "annual_growth_pct"
    dim = side.figure.dimension
    out = []
    for fig in ctx.figures:
        if fig.dimension != dim:
            continue
        if dim == "percent" and (is_growth_context(ctx, fig) != growth):
            continue
        if dim == "percent" and not growth and CHANGE_BEFORE.search(ctx.text[max(0, fig.start - 8) : fig.start]):
            continue
        before, after = window(ctx, fig)
        cov = coverage(side.row.indicator or "", before, after)
        name = BRACKETS.sub("", side.row.indicator or "")
        if cov < 0.5 or longest_common(name, before + "|" + after) < min(len(name), 4):
            continue
        if not modifiers_agree(side.row.indicator or "", before, growth=growth, base=side.name == "base"):
            continue
        if side.year is not None and current_year(ctx, fig.start) != side.year:
            continue
        if not _phase_agrees(ctx, fig, side.name):
            continue
        out.append((cov, tail_near(side.row.indicator or "", before, after), fig))
    return out


def _phase_agrees(ctx: Context, fig: Figure, side: str) -> bool:
    """A target is what a sentence plans (到2025年, 力争); a base is what it reports (not 到…年)."""
    s, _ = ctx.sentence(fig.start)
    said = ctx.text[s : fig.start]
    if side == "target":
        return bool(TARGET_CUE.search(said)) and not ACHIEVED.search(said)
    return not FUTURE_YEAR.search(said)
