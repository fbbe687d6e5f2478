"""Read a base or target cell into a TableValue: number as printed, relation, kind, note.

`≥2000` → >= 2000; `95以上` → >= 95; `稳定在95%以上` → >= 95; `年均增长5%左右` →
annual_growth_pct ~ 5; `翻番` → multiple 2; `累计新增50` → cumulative 50; `[13.5]` → cumulative
(national plans bracket five-year totals); `5-6`, `5~6`, `[5,6]` → 5 with value_high 6;
`2.5万` in a row of 人 → 25000 (unit 万 kept on the value); `1.8(2019年)` → a base of 2019;
`基本消除`, `达到国内领先水平` → qualitative (text kept, value None); `-`, `/` → no value.
Footnote markers (`[1]`, `*`, `①`, `注1`) are kept apart in `note`. Decimals are the printed
ones, shifted by the scale when the value is converted (2.5万 → −3).
"""

from __future__ import annotations

import math
import re

from ..model import Normalized, Relation, Span, TableValue
from .table_units import factor_between, is_scale, is_unit, normalize_value, split_unit

NULLS = {"", "-", "--", "—", "——", "–", "/", "\\", "无", "暂无", "—/—", "×", "…", "...", "n/a", "N/A", "－", "一"}

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
    ("及以上", Relation.GE), ("以上", Relation.GE), ("及以下", Relation.LE), ("以下", Relation.LE),
    ("以内", Relation.LE), ("左右", Relation.APPROX), ("上下", Relation.APPROX),
]
# Words that frame a figure without changing it: 力争达到3.5, 稳定在95%以上, 下降18% (the
# indicator says what falls), 新增50 (the indicator says it is new).
_FRAMING = re.compile(r"^(力争|争取|确保|实现)?(稳定在|保持在|控制在|维持在|保持|稳定)?(下降|降低|减少|提高|提升|增加|增长|新增)?")
_NOTE = re.compile(r"((?<=[%‰])\d|\[\d{1,2}\]|\(注\d{0,2}\)|注\d{1,2}|[*※]+\d?|[①②③④⑤⑥⑦⑧⑨⑩]|[¹²³⁴⁵⁶⁷⁸⁹])$")
_LEAD_NOTE = re.compile(r"^([*※]+)(?=[\d\u4e00-\u9fff])")
# `2027年60%,2028年进一步优化布局`: a goal dated before its figure, maybe a later stage after it
_LEAD_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年(?:底|末)?(?:前)?(?:达到?|为)?")
_OWN_YEAR = re.compile(r"\(((?:19|20)\d{2})\s*年?(?:底|末)?(?:数据)?\)$")
_NUM = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = re.compile(_NUM)
_RANGE = re.compile(rf"^({_NUM})(%?)(?:-|~|～|—|–|－|至|到)({_NUM})")
_BRACKETED = re.compile(r"^[\[〔【](.+)[\]〕】]$")
_GROWTH = re.compile(r"^年均(?:增长|增幅|增速|提高|递增|下降|降低)?(?:率)?(?:达到?|为)?")
_MULTIPLE = {"翻番": 2.0, "翻一番": 2.0, "翻两番": 4.0, "翻二番": 4.0}
_PERCENTS = ("%", "‰")


def clean(text: str) -> str:
    """Cell text without whitespace: cells wrap inside the indicator name or a target."""
    return re.sub(r"\s+", "", text)


def split_note(s: str) -> tuple[str, str | None]:
    """`31.6[1]` → (31.6, [1]); `*地区生产总值` → (地区生产总值, *); a bare marker stays."""
    m = _NOTE.search(s)
    if m and m.start() > 0:
        return s[: m.start()], m.group(1)
    m = _LEAD_NOTE.match(s)
    if m:
        return s[m.end() :], m.group(1)
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


def _fits(rest: str, unit: str | None) -> bool:
    """What may follow the number: nothing, %, the row's unit (or its tail), a unit, a scale."""
    if not rest or rest in _PERCENTS or rest == unit:
        return True
    return bool(unit and unit.endswith(rest)) or is_unit(rest) or is_scale(rest)


def _number(s: str, unit: str | None) -> tuple[float, float | None, int, str] | None:
    """(value, upper end of a range, printed decimals, what follows) when `s` is a number or a
    range with at most a unit or scale after it."""
    r = _RANGE.match(s)
    m = r or _NUMBER.match(s)
    if not m:
        return None
    rest = s[m.end() :]
    if not _fits(rest, unit):
        return None
    low, high = (r.group(1), r.group(3)) if r else (m.group(), None)

    def places(d: str) -> int:
        return len(d.split(".")[1]) if "." in d else 0

    low, high = low.replace(",", ""), high.replace(",", "") if high else None
    decimals = max(places(low), places(high)) if high else places(low)
    return float(low), float(high) if high else None, decimals, rest


def _converted(printed: str, unit: str | None) -> tuple[str | None, float]:
    """The unit the cell states apart from the row's, and the factor into the row's unit."""
    if not printed or printed == unit or (unit and unit.endswith(printed)) or (printed in _PERCENTS and not unit):
        return (printed or None) if not unit else None, 1.0
    if not unit:
        return printed, 1.0
    word = split_unit(unit)
    full = printed + word[1] if is_scale(printed) and word else printed
    factor = factor_between(full, unit)
    return printed, factor if factor is not None else 1.0


def _unbracket(s: str) -> tuple[str, str | None]:
    """`[13.5]` → (13.5, cumulative); `[5,6]` → (5-6, None): a range in brackets."""
    m = _BRACKETED.match(s)
    if not m:
        return s, None
    inner = m.group(1)
    if re.fullmatch(rf"{_NUM}%?[,、]{_NUM}%?", inner):
        return re.sub(r"[,、]", "-", inner, count=1), None
    return inner, "cumulative"


_WRAPPED = re.compile(r"^\((.+)\)$")  # `(86.4%)`: a figure printed in brackets, explained by a note
_QUALIFIER = re.compile(r"\(([^()\d][^()]{0,19})\)$")  # `≥98%(除危废外)`: the scope of the figure


def _aside(s: str) -> tuple[str, str | None]:
    """A figure in brackets, or a figure with its scope in brackets after it: the figure and the
    bracket kept as a note (only when what is left reads as a number)."""
    m = _WRAPPED.match(s)
    if m and _NUMBER.match(m.group(1)):
        return m.group(1), "()"
    q = _QUALIFIER.search(s)
    if q and q.start() > 0 and _NUMBER.search(s[: q.start()]):
        return s[: q.start()], q.group(1)
    return s, None


def read_value(text: str, unit: str | None = None, year: int | None = None, span: Span | None = None) -> TableValue:
    """Read one cell; never raises: what cannot be read is kept as qualitative text."""
    raw = text.strip()
    s = clean(raw)
    base = TableValue(raw=raw, year=year, span=span)
    if s in NULLS:
        return base
    s, note = split_note(s)
    base.note = note
    own = _OWN_YEAR.search(s)
    if own and own.start() > 0:
        s, base.year = s[: own.start()], int(own.group(1))
    s, aside = _aside(s)
    base.note = note or aside
    lead = _LEAD_YEAR.match(s)
    if lead and lead.end() < len(s):
        first = re.split(r"[,;，；]", s[lead.end() :], maxsplit=1)[0]
        dated = read_value(first, unit, int(lead.group(1)), span)
        if dated.kind != "qualitative":
            extra = {"text": raw} if first != s[lead.end() :] else {}
            return dated.model_copy(update={"raw": raw, "note": note, **extra})
    if s in _MULTIPLE:
        return base.model_copy(update={"value": _MULTIPLE[s], "decimals": 0, "kind": "multiple"})
    s, bracket_kind = _unbracket(s)
    kind = bracket_kind or "level"
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
    value, high, decimals, rest = got
    printed, factor = _converted(rest, "%" if kind == "annual_growth_pct" else unit)
    if factor != 1.0:
        shift = round(math.log10(factor))
        value, high, decimals = value * factor, high * factor if high is not None else None, decimals - shift
    out = base.model_copy(update={"value": value, "value_high": high, "decimals": decimals, "kind": kind,
                                  "relation": rel or Relation.EQ, "unit": printed})
    measure = unit or (printed if printed and not is_scale(printed) else None)
    if kind in ("level", "cumulative") and measure:
        norm = normalize_value(value, measure)
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
