"""The place a document speaks for (普陀区, 长宁区, 示例市, 浙江省), read from its issuer or title.

Used to compare figures across documents only within one jurisdiction: two districts' plans
both state 人均公园绿地面积 for 2025, with different values and no contradiction.
"""

from __future__ import annotations

import regex

_HAN = r"(?:(?![区县省市镇乡街])\p{Han})"  # a place name never contains the next level's suffix
# province / municipality / district or county / town or sub-district, each optional, at the start
CHAIN = regex.compile(
    rf"^(?:(?P<p>{_HAN}{{2,7}}?(?:省|自治区))(?=\p{{Han}}))?"
    rf"(?:(?P<c>{_HAN}{{2,5}}?市)(?!场|容|政|级|委|属|区(?!\p{{Han}})))?"
    rf"(?:(?P<d>{_HAN}{{2,5}}?(?:新区|区|县))(?!域|级|委|属|划|块))?"
    rf"(?:(?P<t>{_HAN}{{2,5}}?(?:镇|乡|街道))(?!级))?"
)
_LEAD = regex.compile(r"^(?:关于印发|关于|[(（]?\d{4}年[)）]?|\s)+")


def jurisdiction(*names: str | None) -> str | None:
    """The most specific administrative unit at the start of the first name that has one."""
    for name in names:
        if not name:
            continue
        m = CHAIN.match(_LEAD.sub("", name.strip().lstrip("《")))
        if m is None:
            continue
        if m.group("d") or m.group("t"):
            return (m.group("d") or "") + (m.group("t") or "")
        if m.group("c") or m.group("p"):
            return m.group("c") or m.group("p")
    return None
