"""Units in indicator tables: a thin adapter over the shared lexicon (pipeline/numbers/units.py).

Tables and claims share one unit list, so 万吨标准煤, 平方公里, 万人次, 微克/立方米, 亩, ‰, 岁, 天
read the same in both. Tables add what only a unit column holds: per-units (万元/人, 张/千人),
a parenthesised qualifier (条(段)), the scale 千 (千元), and a few grade and data-rate words.
"""

from __future__ import annotations

import re

from ..numbers.units import LEXICON, PERCENT, normalize
from ..numbers.units_data import SCALES as SHARED_SCALES

# 千元, 百户: scales a unit column uses that a running text rarely does.
SCALES: dict[str, float] = {**SHARED_SCALES, "千": 1e3, "百": 1e2}
# Words a unit column may hold that the shared lexicon does not list (recognised, never scaled).
TABLE_ONLY_UNITS = frozenset({
    "标准煤", "段", "本", "分", "级", "星", "‱", "TEU", "GB", "Mbps", "Gbps", "kW", "kWh", "MW", "km", "m", "m2", "m3", "t",
})
WORDS = frozenset(LEXICON) | frozenset(PERCENT) | TABLE_ONLY_UNITS


def _alt(words: frozenset[str] | dict[str, float]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_PART = rf"(?:{_alt(SCALES)})?(?:{_alt(WORDS)})(?:\([^()]{{1,6}}\))?"
# 万元/人, 件/万人, 个/每年, 条(段): a unit, optionally per another
_UNIT = re.compile(rf"^{_PART}(?:/(?:每)?{_PART})?$")
_SPLIT = re.compile(rf"^({_alt(SCALES)})?({_alt(WORDS)})$")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def is_unit(text: str) -> bool:
    s = squash(text)
    return 0 < len(s) <= 12 and bool(_UNIT.match(s))


def is_scale(text: str) -> bool:
    return text in SCALES


def split_unit(unit: str) -> tuple[str | None, str] | None:
    """(scale, unit word): 亿元 → (亿, 元), 千克 → (None, 千克) (the whole word wins)."""
    u = squash(unit)
    if u in WORDS:
        return None, u
    m = _SPLIT.match(u)
    return (m.group(1), m.group(2)) if m else None


def normalize_value(value: float, unit: str) -> tuple[float, str] | None:
    """`value` in `unit` → (value, base unit): 829.92 亿元 → (8.2992e10, 元), 12 平方公里 →
    (1.2e7, 平方米), 3 ‰ → (0.3, %). None for per-units, unknown words and units that are their
    own base (%, 个百分点, 倍: a percentage needs no normalising)."""
    parts = split_unit(unit)
    if parts is None:
        return None
    scale, word = parts
    if word in PERCENT and PERCENT[word][1] == 1.0 and not scale:
        return None
    if word not in LEXICON and word not in PERCENT:
        return None
    return normalize(value * SCALES.get(scale or "", 1.0), None, word)


def factor_between(printed: str, row_unit: str) -> float | None:
    """How many `row_unit` one `printed` unit is: (万人, 人) → 1e4, (亿元, 万元) → 1e4; None
    when they measure different things."""
    a, b = normalize_value(1.0, printed), normalize_value(1.0, row_unit)
    if a is None or b is None or a[1] != b[1] or b[0] == 0:
        return None
    return a[0] / b[0]
