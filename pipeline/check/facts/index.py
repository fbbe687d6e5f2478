"""Facts by what they are about, so that a relation is found by lookup, never by comparing pairs.

A level is filed under (key, dimension, unit, year). Only equal keys meet: a key that merely
ends like another names a narrower indicator as often as the same one (公路货物运输量 is not
货物运输量, 人均地区生产总值 not 地区生产总值), so the fillers that do not change the indicator
are dropped when the key is made (labels.py), and nothing is guessed here.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from decimal import Decimal

from ..interval import Interval
from .model import Fact

Slot = tuple[str, str, str, int]


class FactIndex:
    def __init__(self, facts: list[Fact]) -> None:
        self._exact: dict[Slot, list[Fact]] = defaultdict(list)
        by_value: dict[tuple[str, str, int], list[tuple[Decimal, int, Fact]]] = defaultdict(list)
        for n, f in enumerate(facts):
            if f.year is None or not f.key:
                continue
            dim, unit = f.unit_key
            self._exact[(f.key, dim, unit, f.year)].append(f)
            by_value[(dim, unit, f.year)].append((f.figure.value * f.figure.factor, n, f))
        self._values = {k: sorted(v, key=lambda t: (t[0], t[1])) for k, v in by_value.items()}
        self._keys = {k: [t[0] for t in v] for k, v in self._values.items()}

    def same_indicator(self, fact: Fact, year: int) -> tuple[Fact | None, str]:
        """The one level of `year` stated under fact's key; (None, why) when there is none or
        the namesakes disagree (the same section's namesakes are preferred)."""
        dim, unit = fact.unit_key
        found = self._exact.get((fact.key, dim, unit, year), [])
        if not found:
            return None, f"no {year} level of {fact.key}"
        same_section = [f for f in found if f.section and f.section == fact.section]
        found = same_section or found
        values = {f.figure.value * f.figure.factor for f in found}
        if len(values) > 1:
            return None, f"{len(found)} different {year} levels are stated as {fact.key}"
        return found[0], "the same indicator name"

    def printed_within(self, fact: Fact, year: int, base: Interval) -> tuple[Fact | None, str]:
        """The one level of `year` whose printed value lies in `base` (in base units) and whose
        name is like fact's (same scope, two characters in common): the earlier level a change
        implies, found printed under a name the key does not match (夏粮产量 / 总产量)."""
        slot = (*fact.unit_key, year)
        values = self._values.get(slot, [])
        keys = self._keys.get(slot, [])
        lo, hi = bisect.bisect_left(keys, base.lo), bisect.bisect_right(keys, base.hi)
        found = [f for _, _, f in values[lo:hi] if f.scope == fact.scope and similar(f.key, fact.key)]
        if len({f.figure.value * f.figure.factor for f in found}) != 1:
            return None, ""
        return found[0], "a similar name, at the value the change implies"


def similar(a: str, b: str) -> bool:
    """Names that share an indicator word: one holds the other, or two characters in common."""
    return a in b or b in a or len(set(a) & set(b)) >= 2
