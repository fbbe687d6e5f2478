"""Facts by what they are about, so that a relation is found by lookup, never by comparing pairs.

A level is filed under (key, dimension, unit, year). Only equal keys meet: a key that merely
ends like another names a narrower indicator as often as the same one (公路货物运输量 is not
货物运输量, 人均地区生产总值 not 地区生产总值), so the fillers that do not change the indicator
are dropped when the key is made (labels.py), and nothing is guessed here.
"""

from __future__ import annotations

from collections import defaultdict

from .model import Fact

Slot = tuple[str, str, str, int]


class FactIndex:
    def __init__(self, facts: list[Fact]) -> None:
        self._exact: dict[Slot, list[Fact]] = defaultdict(list)
        for f in facts:
            if f.year is None or not f.key:
                continue
            dim, unit = f.unit_key
            self._exact[(f.key, dim, unit, f.year)].append(f)

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
