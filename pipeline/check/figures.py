"""The checker's view of the stated figures: exact `Decimal` values with printed precision.

Figures are built from what earlier stages read, never by scanning the text again: narrative
figures from `doc.claims` (the claims stage's number grammar and unit lexicon), table values
from `doc.tables`. The value is the Decimal of the printed digits (80.80 keeps two decimals),
never the claim's float; the dimension and factor come from the unit lexicon (check/units.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..errors import Code, ContractError
from ..model import Claim, ClaimKind, Document, TableValue
from .interval import Interval
from .units import UnitReading, reading, scale_factor, split_unit

# claims that are no single level or rate the rules compute with (a range's ends, ratio terms …)
NOT_FIGURES = frozenset({ClaimKind.YEAR, ClaimKind.DATE, ClaimKind.RATIO, ClaimKind.FRACTION,
                         ClaimKind.DOUBLING, ClaimKind.RANGE})
# the printed digits that open a claim's raw text (1,234个 → 1,234)
DIGITS_RE = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# a number written in Chinese numerals (三百七十一亿, 百分之七十五点二, 二点八): the claims stage
# has read its value and printed precision; what follows must be the unit itself
CHINESE_RE = regex.compile(r"(?P<per>百分之|千分之)?[〇○零一二两三四五六七八九十百千万亿点]+")


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
    reading: UnitReading | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.reading = reading(self.unit)

    @property
    def raw_number(self) -> str:
        return f"{self.value:f}"

    @property
    def dimension(self) -> str:
        return self.reading.dimension if self.reading else f"other:{self.unit}"

    @property
    def factor(self) -> Decimal:
        return scale_factor(self.scale) * (self.reading.factor if self.reading else Decimal(1))

    @property
    def is_count(self) -> bool:
        return bool(self.reading and self.reading.countable) and not self.scale and self.decimals == 0

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
    """Printed digits → (exact value, decimals): 80.80 → (80.80, 2), 1,234 → (1234, 0)."""
    digits = raw.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return Decimal(digits), decimals


def from_claim(text: str, claim: Claim) -> Figure | None:
    """A claim printed as Arabic digits or Chinese numerals right before its (scale and) unit,
    such as 829.92亿元 or 三百七十一亿元; None for what the rules do not compute with (years,
    ranges, 3000多万, 一百多亿元, a unit the lexicon lacks)."""
    if claim.kind in NOT_FIGURES or claim.value is None or not claim.unit:
        return None
    start, end = claim.span.start, claim.span.end
    if text[start:end] != claim.raw:
        raise ContractError(Code.SPAN_OUT_OF_RANGE, f"{claim.id}: {claim.raw!r} is not at [{start}, {end})")
    scale = claim.scale or ""
    word = claim.unit[len(scale) :] if claim.unit.startswith(scale) else claim.unit
    if not word and scale and _counted_before(text, start):
        word = text[start - 2 : start]  # 诊疗人次101.5亿: the measure word printed before the number
    if reading(word) is None:
        return None
    m = DIGITS_RE.match(claim.raw)
    if m is not None:
        # bare digits with a unit: a coordinated figure whose unit is printed after the list's last
        if claim.raw[m.end() :] not in (claim.unit, ""):
            return None
        value, decimals = parse_number(m.group())
        return Figure(start, end, value, decimals, word, scale, [claim.id])
    c = CHINESE_RE.match(claim.raw)
    rest = claim.raw[c.end() :] if c else None
    if c is None or not (rest == word or (c.group("per") and rest == "")):
        return None
    decimals = claim.decimals or 0
    return Figure(start, end, Decimal(f"{claim.value:.{decimals}f}"), decimals, word, scale, [claim.id])


def _counted_before(text: str, start: int) -> bool:
    """A two-character measure word (人次) ends the name printed right before a scaled number."""
    u = reading(text[max(0, start - 2) : start])
    return bool(u and u.dimension not in {"percent", "pp", "permille", "multiple"})


def claim_figures(doc: Document) -> list[Figure]:
    """Every claim the rules can compute with, in text order."""
    figs = (from_claim(doc.text, c) for c in doc.claims)
    return sorted((f for f in figs if f is not None), key=lambda f: (f.start, f.end))


def from_table_value(text: str, tv: TableValue, unit: str | None) -> Figure | None:
    """A table cell's value in the row's unit, located at its printed digits inside the cell
    (≥80.80 → 80.80); None when the cell prints no such digits (a value converted from a unit
    written in the cell, or no value at all)."""
    if tv.value is None or tv.span is None:
        return None
    printed = format(Decimal(repr(tv.value)), f".{tv.decimals or 0}f")
    at = text.find(printed, tv.span.start, tv.span.end)
    if at < 0 or _inside_number(text, at, at + len(printed)):
        return None
    scale, word = split_unit(unit)
    return Figure(at, at + len(printed), Decimal(printed), tv.decimals or 0, word, scale)


def _inside_number(text: str, start: int, end: int) -> bool:
    """The digits found are part of a longer number (15 inside 115 or 15.5)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before.isdigit() or before == "." or after.isdigit() or (after == "." and text[end + 1 : end + 2].isdigit())
