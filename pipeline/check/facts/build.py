"""Claims → facts: each level with the changes stated with it, its key, scope and year."""

from __future__ import annotations

import bisect
from weakref import WeakKeyDictionary

import regex

from ..context import Context
from ..figures import Figure
from .bulletins import Bulletins
from .index import FactIndex
from .labels import key_of, label_before, year_in
from .model import Fact, Role
from .phrases import CHANGE_TAIL, Phrase, is_down, read_phrases
from .tables import table_levels

HEADING = regex.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、.．][ \t\u3000]*([^\n]{1,20})$")


class Facts:
    """What the change rules read: phrases as facts, the bulletin years, the index of levels."""

    def __init__(self, ctx: Context) -> None:
        text = ctx.text
        self.bulletins = Bulletins(ctx.doc)
        change_claims = {c.id for c in ctx.doc.claims if c.change}
        figs = ctx.figures
        ends = [ctx.sentence(f.start)[1] for f in figs]
        heads = [(m.start(), regex.sub(r"\s+", "", m.group(1))) for m in HEADING.finditer(text)]
        head_pos = [p for p, _ in heads]
        phrases = {id(p.level): p for p in read_phrases(text, figs, ends)}
        said_with = {id(c.figure) for p in phrases.values() for c in p.changes}
        said_with |= {id(p.previous) for p in phrases.values() if p.previous is not None}
        self.levels: list[Fact] = []  # levels stated with a change
        self.apart: list[Fact] = []  # changes stated apart from their level: 卫生技术人员增加53.1万人(增长4.3%)
        everything: list[Fact] = []  # every level, for the index
        for fig in figs:
            if id(fig) in said_with:
                continue
            phrase = phrases.get(id(fig), Phrase(fig))
            if any(cid in change_claims for cid in fig.claim_ids):
                # a "level" that is itself a change (比上年增加265亿元,增长…)
                if (change := self._change_apart(ctx, phrase, heads, head_pos)) is not None:
                    self.apart.append(change)
                continue
            fact = self._fact(ctx, phrase, heads, head_pos)
            everything.append(fact)
            if fact.changes:
                self.levels.append(fact)
        for table in ctx.doc.tables:
            for fact in table_levels(table, lambda fig, role, label, pos: self._table_fact(fig, role, label, pos,
                                                                                           heads, head_pos)):
                everything.append(fact)
                self.levels.append(fact)
        self.index = FactIndex(everything)

    def _table_fact(self, fig: Figure, role: Role, label: str, pos: int, heads: list[tuple[int, str]],
                    head_pos: list[int]) -> Fact:
        key, scope = key_of(label, self.bulletins.places)
        h = bisect.bisect_right(head_pos, pos) - 1
        return Fact(fig, role, key, label, scope, self.bulletins.year_at(pos), section=heads[h][1] if h >= 0 else "")

    def _change_apart(self, ctx: Context, phrase: Phrase, heads: list[tuple[int, str]],
                      head_pos: list[int]) -> Fact | None:
        """A change with its rate and its own label (卫生技术人员增加53.1万人(增长4.3%)), whose
        level is stated elsewhere under that label; its changes hold the rate."""
        rate = phrase.first("rate")
        s, _ = ctx.sentence(phrase.level.start)
        label = label_before(ctx.text, phrase.level.start, s)
        tail = CHANGE_TAIL.search(label)
        if rate is None or tail is None:
            return None
        fact = self._fact(ctx, Phrase(phrase.level, [rate]), heads, head_pos, label[: tail.start()])
        fact.role, fact.down = Role.CHANGE, is_down(tail.group("verb"))
        return fact if fact.key else None

    def _fact(self, ctx: Context, phrase: Phrase, heads: list[tuple[int, str]], head_pos: list[int],
              label: str | None = None) -> Fact:
        fig = phrase.level
        if label is None:
            s, _ = ctx.sentence(fig.start)
            label = label_before(ctx.text, fig.start, s)
        key, scope = key_of(label, self.bulletins.places)
        year = year_in(label) or self.bulletins.year_at(fig.start)
        h = bisect.bisect_right(head_pos, fig.start) - 1
        section = heads[h][1] if h >= 0 else ""
        level = Fact(fig, Role.LEVEL, key, label, scope, year, section=section)
        for ch in phrase.changes:
            role = {"change": Role.CHANGE, "rate": Role.RATE, "pp": Role.PP}[ch.kind]
            level.changes.append(Fact(ch.figure, role, key, label, scope, year, down=ch.down, level=level,
                                      ref=ch.ref, exempt=ch.exempt))
        if phrase.previous is not None:
            prev_year = year - 1 if year is not None else None
            level.changes.append(Fact(phrase.previous, Role.PREVIOUS, key, label, scope, prev_year, level=level))
        return level


_CACHE: WeakKeyDictionary[Context, Facts] = WeakKeyDictionary()


def facts_of(ctx: Context) -> Facts:
    """Built once per document and shared by the rules."""
    got = _CACHE.get(ctx)
    if got is None:
        got = _CACHE[ctx] = Facts(ctx)
    return got
