"""The checker's reading of the project's unit lexicon (pipeline/numbers/units.py), as Decimals.

The checker adds no unit of its own: a unit word's dimension and factor come from the numbers
stage's lexicon. Two refinements the arithmetic needs: counts of discrete things keep their
measure word in the dimension (`count:家` never adds up with `count:个`), because a count is an
exact integer while every other figure is rounded; and the ratio units keep apart what the
rules treat differently (percent, permille, pp, multiple).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..numbers.units import LEXICON, PERCENT
from ..numbers.units_data import SCALES

# lexicon dimensions whose figures are counts of discrete things (exact when unscaled)
COUNT_DIMENSIONS = frozenset({"count", "people"})
RATIO_DIMS = frozenset({"percent", "pp", "permille", "multiple"})


@dataclass(frozen=True)
class UnitReading:
    """A unit word as the checker computes with it: dimension and factor to its base unit."""

    dimension: str
    factor: Decimal
    countable: bool = False


def _decimal(x: float) -> Decimal:
    """1e6 → 1000000 exactly, 5e-4 → 0.0005 (the lexicon's floats are short decimals)."""
    return Decimal(repr(x))


def _ratio_dimension(word: str) -> str | None:
    base, factor = PERCENT[word]
    if base == "%":
        return {1.0: "percent", 0.1: "permille"}.get(factor)  # 成 (×10) is read by no rule
    return {"个百分点": "pp", "倍": "multiple"}.get(base)


def reading(word: str) -> UnitReading | None:
    """The unit word without its scale (元, 家, %, 平方公里); None when the lexicon lacks it."""
    if word in PERCENT:
        dim = _ratio_dimension(word)
        return UnitReading(dim, Decimal(1)) if dim else None
    info = LEXICON.get(word)
    if info is None:
        return None
    if info.dimension in COUNT_DIMENSIONS:
        return UnitReading(f"count:{info.base}", _decimal(info.factor), countable=True)
    return UnitReading(info.dimension, _decimal(info.factor))


def scale_factor(scale: str) -> Decimal:
    return _decimal(SCALES[scale]) if scale else Decimal(1)


def split_unit(unit: str | None) -> tuple[str, str]:
    """亿元 → (亿, 元); 万人 → (万, 人); % → ("", %); 千瓦 stays a unit; anything else is kept whole."""
    u = (unit or "").strip()
    if u in PERCENT or u in LEXICON:
        return "", u
    for scale in sorted(SCALES, key=len, reverse=True):
        rest = u[len(scale) :]
        if u.startswith(scale) and (rest in PERCENT or rest in LEXICON):
            return scale, rest
    return "", u
