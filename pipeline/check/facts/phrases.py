"""A level and the changes stated right after it, read once by strict adjacency of the words
between the figures:

- `常住人口957.70万人,比上年末增加3.0万人,增长0.31%` → level, change, rate;
- `播种面积204.88万亩,比上年增长1.2%,增加2.5万亩` → level, rate, change (either order);
- `存款余额为56987.55亿元,比上年末增长5.0%,比年初增加2707.63亿元` → two references, one each;
- `次均门诊费用的36.8%,比上年(36.9%)下降0.1个百分点` → a rate, last year's rate in
  parentheses, the change in percentage points;
- `出口3333.1亿元、下降11.8%` → a bare verb after the level (in bulletins the change is on the
  year before).

Anything else between two figures ends the phrase (a 分别 list, a 可比 rate is kept but marked).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..figures import Figure
from ..units import RATIO_DIMS

UP = "提高|增加|增长|提升|上升|扩大|跃升|攀升|上涨|增产|净增|多|增|升"
DOWN = "降低|下降|减少|缩小|回落|压减|压缩|下调|减产|少|降|减"
# the comparison base: last year in words, or a year in figures (比2016年增加…,增长…); the phrase's
# own arithmetic holds whichever year it names
REF = r"上年末|上年底|上年同期|上年|去年同期|去年|上一年|年初|(?:19|20)\d{2}年(?:末|底|同期)?"
EXEMPT = r"按?(?:可比价格?|不变价格?|可比口径|同口径)(?:计算)?[,，]?|可比|同口径"
# a short noun restating the subject (份额, 余额), never a word that spreads the change over a list
NOUN = r"(?:(?!分别|均|各|都)\p{Han}){0,3}?"
# between two figures of a phrase: 比上年末增加 / ,增长 / (增长 … ) / ,份额比上年提升 (a short noun
# may restate the subject before 比 or 同比)
LINK = regex.compile(
    rf"^\s*[)）]?\s*[,，、(（]?\s*(?:{NOUN}(?:比|较)(?P<ref>{REF})|{NOUN}(?P<ref>同比))?\s*"
    rf"(?P<exempt>{EXEMPT})?(?P<verb>{UP}|{DOWN})(?:了)?(?:为|达)?\s*$"
)
RESTATED = regex.compile(rf"^\s*[,，]\s*(?P<noun>\p{{Han}}{{2,5}}?)(?P<ref>)(?P<exempt>)(?P<verb>{UP}|{DOWN})(?:了)?\s*$")
# the words that end a change's own label: 与上年比较,卫生技术人员增加 → 卫生技术人员
CHANGE_TAIL = regex.compile(rf"(?:(?:比|较)(?:{REF})|同比|与上年(?:相)?比较?)?(?P<verb>{UP}|{DOWN})(?:了)?\s*$")
PREVIOUS_OPEN = regex.compile(rf"^\s*[,，]\s*(?:比|较)(?P<ref>{REF})\s*[(（]\s*$")
PREVIOUS_CLOSE = regex.compile(rf"^\s*[)）]\s*(?P<verb>{UP}|{DOWN})(?:了)?\s*$")
RATES = frozenset({"percent", "permille"})
MAX_GAP = 24  # characters between two figures of one phrase


def is_down(verb: str) -> bool:
    return bool(regex.fullmatch(DOWN, verb))


@dataclass
class Change:
    figure: Figure
    kind: str  # "change" (same dimension as the level), "rate" (%), "pp"
    down: bool
    ref: str
    exempt: str | None = None


@dataclass
class Phrase:
    level: Figure
    changes: list[Change] = field(default_factory=list)
    previous: Figure | None = None  # 比上年(36.9%)

    def first(self, kind: str) -> Change | None:
        return next((c for c in self.changes if c.kind == kind), None)


def _restated(text: str, level: Figure, last: Figure, fig: Figure) -> regex.Match[str] | None:
    """`成交额1001.57亿元,成交额增长16.91%`: the level's own name said again before the verb."""
    m = RESTATED.match(text[last.end : fig.start]) if last is level else None
    return m if m and m.group("noun") in text[max(0, level.start - 12) : level.start] else None


def _kind(level: Figure, fig: Figure) -> str | None:
    if level.dimension in RATES:
        return "pp" if fig.dimension == "pp" else None
    if fig.dimension == "percent" and fig.unit == "%":
        return "rate"
    if fig.dimension == level.dimension and level.dimension not in RATIO_DIMS:
        return "change"
    return None


def read_phrases(text: str, figures: list[Figure], sentence_end: list[int]) -> list[Phrase]:
    """Every level followed by at least one change; linear in the number of figures.
    `sentence_end[i]` is where the sentence holding figures[i] ends."""
    out: list[Phrase] = []
    i, n = 0, len(figures)
    while i < n:
        level = figures[i]
        phrase = Phrase(level)
        j = i + 1
        last = level
        if level.dimension in RATES and j + 1 < n:
            opened = PREVIOUS_OPEN.match(text[level.end : figures[j].start])
            closed = opened and PREVIOUS_CLOSE.match(text[figures[j].end : figures[j + 1].start])
            if opened and closed and figures[j].dimension == level.dimension and figures[j + 1].dimension == "pp":
                phrase.previous = figures[j]
                phrase.changes.append(Change(figures[j + 1], "pp", is_down(closed.group("verb")), opened.group("ref")))
                out.append(phrase)
                i = j + 2
                continue
        while j < n and len(phrase.changes) < 3:
            fig = figures[j]
            if fig.start >= sentence_end[i] or fig.start - last.end > MAX_GAP:
                break
            link = LINK.match(text[last.end : fig.start]) or _restated(text, level, last, fig)
            kind = _kind(level, fig) if link else None
            if link is None or kind is None or any(c.kind == kind for c in phrase.changes):
                break
            # a bare verb goes on with the comparison said before it (比上年末增加…,增长…)
            ref = link.group("ref") or (phrase.changes[-1].ref if phrase.changes else "")
            phrase.changes.append(Change(fig, kind, is_down(link.group("verb")), ref, link.group("exempt")))
            last = fig
            j += 1
        if phrase.changes:
            out.append(phrase)
        i = j
    return out
