"""Read a base or target cell into a TableValue: number as printed, relation, kind, note.

`≥2000` → >= 2000; `95以上` → >= 95; `年均增幅15%` → annual_growth_pct 15; `翻番` → multiple 2;
`累计50` → cumulative 50; `基本消除` → qualitative (text kept, value None); `-`, `/` → no value.
Footnote markers (`[1]`, `*`, `①`) are kept apart in `note`. Decimals are the printed ones.
"""

from __future__ import annotations

import re

from ..model import Normalized, Relation, Span, TableValue
from .table_units import is_unit, normalize_value

NULLS = {"", "-", "--", "—", "——", "–", "/", "\\", "无", "暂无", "—/—", "×", "…", "...", "n/a", "N/A"}

# Words before or after the number that state a bound; longest first so 不低于 beats 低于.
PREFIX_RELATIONS: list[tuple[str, Relation]] = [
    ("不低于", Relation.GE), ("不少于", Relation.GE), ("不小于", Relation.GE), ("至少", Relation.GE),
    ("不高于", Relation.LE), ("不超过", Relation.LE), ("不大于", Relation.LE), ("不多于", Relation.LE),
    (">=", Relation.GE), ("≥", Relation.GE), ("≧", Relation.GE), ("<=", Relation.LE), ("≤", Relation.LE),
    ("≦", Relation.LE), ("超过", Relation.GT), ("大于", Relation.GT), ("高于", Relation.GT), ("多于", Relation.GT),
    ("突破", Relation.GT), ("超", Relation.GT), ("低于", Relation.LT), ("小于", Relation.LT), ("少于", Relation.LT),
    (">", Relation.GT), ("<", Relation.LT), ("约", Relation.APPROX), ("~", Relation.APPROX), ("达到", Relation.EQ),
    ("达", Relation.EQ),
]
SUFFIX_RELATIONS: list[tuple[str, Relation]] = [
    ("以上", Relation.GE), ("及以上", Relation.GE), ("以下", Relation.LE), ("及以下", Relation.LE),
    ("以内", Relation.LE), ("左右", Relation.APPROX), ("上下", Relation.APPROX),
]
# Words that frame a figure without changing it: 力争达到3.5, 下降18% (the indicator says what falls).
_FRAMING = re.compile(r"^(力争|争取|确保|实现)?(下降|降低|减少|提高|提升|增加|增长)?")
_NOTE = re.compile(r"(\[\d{1,2}\]|\(注\d?\)|[*※]+|[①②③④⑤⑥⑦⑧⑨⑩])$")
_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
_GROWTH = re.compile(r"^年均(?:增长|增幅|增速|提高|递增)?(?:率)?(?:达到?|为)?")
_MULTIPLE = {"翻番": 2.0, "翻一番": 2.0, "翻两番": 4.0, "翻二番": 4.0}
_SCALES = ("万亿", "亿", "万", "千")


def clean(text: str) -> str:
    """Cell text without whitespace: cells wrap inside the indicator name or a target."""
    return re.sub(r"\s+", "", text)


def _split_note(s: str) -> tuple[str, str | None]:
    m = _NOTE.search(s)
    if m and m.start() > 0:
        return s[: m.start()], m.group(1)
    return s, None


def _strip_relation(s: str) -> tuple[str, Relation | None]:
    rel = None
    for word, r in PREFIX_RELATIONS:
        if s.startswith(word):
            s, rel = s[len(word) :], r
            break
    for word, r in SUFFIX_RELATIONS:
        if s.endswith(word):
            s = s[: -len(word)]
            rel = r if rel in (None, Relation.EQ) else rel
            break
    return s, rel


def _number(s: str, unit: str | None) -> tuple[float, int] | None:
    """The number when `s` is a number with at most the row's unit or % after it."""
    m = _NUMBER.match(s)
    if not m:
        return None
    rest = s[m.end() :]
    if rest and rest not in ("%", "‰", unit or "%") and not (unit and unit.endswith(rest)) and not is_unit(rest):
        return None
    digits = m.group().replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits), decimals


def read_value(text: str, unit: str | None = None, year: int | None = None, span: Span | None = None) -> TableValue:
    """Read one cell; never raises: what cannot be read is kept as qualitative text."""
    raw = text.strip()
    s = clean(raw)
    base = TableValue(raw=raw, year=year, span=span)
    if s in NULLS:
        return base
    s, note = _split_note(s)
    base.note = note
    if s in _MULTIPLE:
        return base.model_copy(update={"value": _MULTIPLE[s], "decimals": 0, "kind": "multiple"})
    kind = "level"
    g = _GROWTH.match(s)
    if g and g.end() > 0:
        s, kind = s[g.end() :], "annual_growth_pct"
    elif s.startswith("累计"):
        s, kind = s[2:], "cumulative"
    s = s[_FRAMING.match(s).end() :]  # type: ignore[union-attr]
    s, rel = _strip_relation(s)
    if s.endswith("倍") and _number(s[:-1], None):
        s, kind = s[:-1], "multiple"
    got = _number(s, "%" if kind == "annual_growth_pct" else unit)
    if got is None:
        return base.model_copy(update={"kind": "qualitative", "text": re.sub(r"\s*\n\s*", "", raw)})
    value, decimals = got
    out = base.model_copy(update={"value": value, "decimals": decimals, "kind": kind, "relation": rel or Relation.EQ})
    if kind in ("level", "cumulative") and unit:
        norm = normalize_value(value, unit)
        if norm is not None:
            out.normalized = Normalized(value=norm[0], unit=norm[1])
    return out


def looks_numeric(text: str) -> bool:
    """A cell that reads as a number, a bound, a growth rate or a null: value-column material."""
    s = clean(text)
    if s in NULLS:
        return True
    v = read_value(s)
    return v.kind != "qualitative"
