"""The checker's own view of the stated figures: exact `Decimal` values with printed precision.

The claims stage (pipeline/numbers) describes every figure for users; the checker needs the
printed digits exactly (80.80 keeps two decimals) and a unit it can convert, so it reads the
number back from the document text at each position. Claims are linked by span overlap
(`Figure.claim_ids`), which keeps the two stages' outputs apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..model import Document
from .interval import Interval

# scale words in front of a unit, as multipliers of the base unit
SCALES: dict[str, Decimal] = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000)}

# unit → (dimension, factor to the dimension's base unit); counts of things are exact integers
UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("money", Decimal(1)), "美元": ("usd", Decimal(1)),
    "个百分点": ("pp", Decimal(1)), "百分点": ("pp", Decimal(1)),
    "%": ("percent", Decimal(1)), "‰": ("permille", Decimal(1)), "倍": ("multiple", Decimal(1)),
    "平方公里": ("area_km2", Decimal(1)), "平方米": ("area_m2", Decimal(1)), "亩": ("mu", Decimal(1)),
    "公顷": ("ha", Decimal(1)), "公里": ("km", Decimal(1)), "千米": ("km", Decimal(1)),
    "吨": ("t", Decimal(1)), "千瓦时": ("kwh", Decimal(1)), "千瓦": ("kw", Decimal(1)),
    "标准箱": ("teu", Decimal(1)), "人次": ("person_times", Decimal(1)), "小时": ("hour", Decimal(1)),
}
COUNT_UNITS = (
    "人 户 家 个 项 件 所 座 台 辆 套 张 只 头 株 棵 处 条 篇 次 部 种 名 位 册 场 床 间 栋 幢 "
    "户次 艘 架 枚 款 批 支 宗 份 起 例 门 首 本 集 块 口 眼 片 组 类 对"
).split()
for _u in COUNT_UNITS:
    UNITS.setdefault(_u, (f"count:{_u}", Decimal(1)))

_UNIT_ALT = "|".join(sorted((regex.escape(u) for u in UNITS), key=len, reverse=True))
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
FIGURE_RE = regex.compile(
    rf"(?<![\d.])(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\d.])(?P<scale>{_SCALE_ALT})?(?P<unit>{_UNIT_ALT})"
)


@dataclass
class Figure:
    """A number with its unit as printed, [start, end) in the document text."""

    start: int
    end: int
    value: Decimal
    decimals: int
    unit: str
    scale: str = ""
    claim_ids: list[str] = field(default_factory=list)

    @property
    def raw_number(self) -> str:
        return f"{self.value:f}"

    @property
    def dimension(self) -> str:
        return UNITS.get(self.unit, (f"other:{self.unit}", Decimal(1)))[0]

    @property
    def factor(self) -> Decimal:
        return SCALES.get(self.scale, Decimal(1)) * UNITS.get(self.unit, ("", Decimal(1)))[1]

    @property
    def is_count(self) -> bool:
        return self.dimension.startswith("count:") and not self.scale and self.decimals == 0

    def interval(self) -> Interval:
        """In printed units: exact for counts of things, the rounding interval otherwise."""
        if self.is_count:
            return Interval.exact(self.value)
        return Interval.printed(self.value, self.decimals)

    def base_interval(self) -> Interval:
        """In the dimension's base unit (元 for 亿元)."""
        return self.interval().scale(self.factor)

    def label(self) -> str:
        return f"{self.value:f}{self.scale}{self.unit}"


def parse_number(raw: str) -> tuple[Decimal, int]:
    digits = raw.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return Decimal(digits), decimals


def scan_figures(doc: Document, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every number followed by a known unit in text[start:end], linked to overlapping claims."""
    text = doc.text
    stop = len(text) if end is None else end
    claims = sorted(((c.span.start, c.span.end, c.id) for c in doc.claims), key=lambda t: t[0])
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(text, start, stop):
        value, decimals = parse_number(m.group("num"))
        fig = Figure(m.start(), m.end(), value, decimals, m.group("unit"), m.group("scale") or "")
        fig.claim_ids = [cid for s, e, cid in claims if s < fig.end and fig.start < e]
        out.append(fig)
    return out


NUMBER_RE = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def split_unit(unit: str | None) -> tuple[str, str]:
    """亿元 → (亿, 元); 万人 → (万, 人); % → ("", %); an unknown unit is kept whole."""
    u = (unit or "").strip()
    for scale in sorted(SCALES, key=len, reverse=True):
        if u.startswith(scale) and u[len(scale) :] in UNITS:
            return scale, u[len(scale) :]
    return "", u


def figure_in_span(text: str, start: int, end: int, unit: str | None) -> Figure | None:
    """The number printed inside a table cell [start, end), carrying the row's unit."""
    m = NUMBER_RE.search(text, start, end)
    if m is None:
        return None
    value, decimals = parse_number(m.group())
    scale, base_unit = split_unit(unit)
    return Figure(m.start(), m.end(), value, decimals, base_unit, scale)
