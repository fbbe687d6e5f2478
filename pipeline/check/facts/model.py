"""A fact: one stated figure with what it is about (label, scope), when (period) and its role."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..figures import Figure


class Role(StrEnum):
    """The part a figure plays in its phrase."""

    LEVEL = "level"  # 常住人口957.70万人
    CHANGE = "change"  # 比上年末增加3.0万人
    RATE = "rate"  # 增长0.31%
    PP = "pp"  # 提升0.1个百分点
    PREVIOUS = "previous"  # 比上年（36.9%）: last year's level said in parentheses


@dataclass
class Fact:
    """`key` is the label the figure is stated under with fillers (全年, 全市, 总) dropped;
    `scope` the scope words it holds (城镇, 规模以上 …), kept inside `key` too so that facts of
    different scopes never share a key; `year` the period of the bulletin or clause."""

    figure: Figure
    role: Role
    key: str
    label: str
    scope: frozenset[str] = frozenset()
    year: int | None = None
    down: bool = False  # a change or rate said with 下降/减少
    section: str = ""  # the title of its top-level section (一、综合), to tell apart namesakes
    changes: list[Fact] = field(default_factory=list)  # for a level: the changes stated with it
    level: Fact | None = None  # for a change: the level it is stated with
    ref: str = ""  # 上年, 上年末, 年初 … as written ("" when only the verb is said)
    exempt: str | None = None  # 可比, 同口径 … said with a change: not a nominal change

    def change(self, role: Role) -> Fact | None:
        """The first change of that role stated with this level."""
        return next((c for c in self.changes if c.role == role), None)

    @property
    def dimension(self) -> str:
        return self.figure.dimension

    @property
    def unit_key(self) -> tuple[str, str]:
        """What two levels must share to be compared: dimension and unit word (亿元 ~ 万元, not 人 ~ 人次)."""
        return self.figure.dimension, self.figure.unit
