"""Units seen in indicator tables: recognise a unit cell, and scale a value to base units.

A small local lexicon: pipeline/numbers/units.py (the numbers area) was not committed when this
was written; switch to it once it is, so that claims and tables share one unit list.
"""

from __future__ import annotations

import re

# Scale prefixes that turn a unit into its base unit: 亿元 → 1e8 元, 万平方米 → 1e4 平方米.
SCALES: dict[str, float] = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3, "百": 1e2}

# Base units (measures and classifiers) that a unit cell may name, alone or after a scale.
BASE_UNITS: set[str] = {
    "元", "美元", "人民币", "人", "人次", "户", "家", "个", "件", "项", "座", "所", "张", "床", "条", "段", "处", "块",
    "辆", "台", "套", "间", "栋", "幢", "次", "场", "篇", "部", "本", "册", "种", "只", "头", "株", "棵", "亩", "公顷",
    "平方米", "平方公里", "平方千米", "立方米", "公里", "千米", "米", "吨", "千克", "公斤", "标准煤", "吨标准煤", "千瓦",
    "千瓦时", "度", "兆瓦", "吉瓦", "岁", "年", "天", "小时", "分钟", "微克/立方米", "毫克/升", "分贝", "标箱", "TEU",
    "GB", "Mbps", "Gbps", "kW", "kWh", "MW", "km", "m", "m2", "m²", "t", "%", "‰", "‱", "百分点", "个百分点", "分",
    "级", "星", "倍", "册/人", "床/千人",
}
_UNIT_PART = r"(?:万亿|亿|千万|百万|万|千|百)?(?:" + "|".join(sorted(map(re.escape, BASE_UNITS), key=len, reverse=True)) + ")"
# 万元/人, 件/万人, 元/平方米, 个/每年, 条(段), 块(条): a unit, optionally per another, optionally (…)
_UNIT = re.compile(rf"^{_UNIT_PART}(?:\(\S{{1,6}}\))?(?:/(?:每)?{_UNIT_PART}(?:\(\S{{1,6}}\))?)?$")


def is_unit(text: str) -> bool:
    s = re.sub(r"\s+", "", text)
    return bool(s) and len(s) <= 12 and bool(_UNIT.match(s))


def normalize_value(value: float, unit: str) -> tuple[float, str] | None:
    """`value` in `unit` → (value, base unit): 829.92 亿元 → (8.2992e10, 元). None when the unit
    is a ratio or unknown (a percentage stays as printed and needs no normalising)."""
    u = re.sub(r"\s+", "", unit)
    if "/" in u or u in ("%", "‰", "‱", "百分点", "个百分点"):
        return None
    for prefix, factor in SCALES.items():
        if u.startswith(prefix) and u[len(prefix) :] in BASE_UNITS:
            return round(value * factor, 6), u[len(prefix) :]
    if u in BASE_UNITS:
        return value, u
    return None
