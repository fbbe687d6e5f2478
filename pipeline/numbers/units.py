"""Unit lookup and normalisation over the lexicon in units_data.py."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .units_data import GUARD_PATTERNS, GUARDS, ONLY_BEFORE, PERCENT_UNITS, SCALES, UNITS


@dataclass(frozen=True)
class UnitInfo:
    word: str
    dimension: str
    base: str
    factor: float


LEXICON: dict[str, UnitInfo] = {w: UnitInfo(w, d, b, f) for w, d, b, f in UNITS}
PERCENT: dict[str, tuple[str, float]] = dict(PERCENT_UNITS)


def _alternation(words: list[str]) -> str:
    """Longest word first; a guarded word may not be followed by its guard characters."""

    def one(w: str) -> str:
        guard, only = GUARDS.get(w), ONLY_BEFORE.get(w)
        if w in GUARD_PATTERNS:
            return regex.escape(w) + f"(?!{GUARD_PATTERNS[w]})"
        if only:
            return regex.escape(w) + f"(?![^{only}])"
        return regex.escape(w) + (f"(?![{guard}])" if guard else "")

    return "|".join(one(w) for w in sorted(set(words), key=len, reverse=True))


UNIT_RE = _alternation(list(LEXICON))
SCALE_RE = _alternation(list(SCALES))
PERCENT_RE = _alternation(list(PERCENT))


def lookup(word: str) -> UnitInfo | None:
    return LEXICON.get(word)


def dimension_of(unit_word: str | None) -> str | None:
    """money, people, count, area, … or percent/pp/multiple for the ratio units."""
    if not unit_word:
        return None
    if unit_word in PERCENT:
        base = PERCENT[unit_word][0]
        # 个千分点 is a change in points as 个百分点 is (the checker keeps the two apart)
        return {"%": "percent", "个百分点": "pp", "个千分点": "pp", "倍": "multiple"}[base]
    info = LEXICON.get(unit_word) or LEXICON.get(unit_word.split("/", 1)[0])
    return info.dimension if info else None


def normalize(value: float, scale: str | None, unit_word: str | None) -> tuple[float, str] | None:
    """Value in base units: (829.92, 亿, 元) → (8.2992e10, 元); (3, None, 成) → (30, %).

    A figure with a scale but no unit word (3000多万) normalises to the dimensionless "1".
    """
    factor = SCALES[scale] if scale else 1.0
    if unit_word is None:
        return (_clean(value * factor), "1") if scale else None
    if unit_word in PERCENT:
        base, f = PERCENT[unit_word]
        return _clean(value * f * factor), base
    info = LEXICON.get(unit_word)
    if info is None:
        return None
    return _clean(value * factor * info.factor), info.base


def _clean(x: float) -> float:
    """Drop binary noise from scaling (829.92 × 1e8 = 82992000000.00001)."""
    return float(f"{x:.12g}")
