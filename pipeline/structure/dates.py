"""Date parsing helpers shared by the metadata stage and the checker.

Reads the date forms of Chinese official documents — `2022年3月27日`, `二〇二二年三月二十七日`,
`2022.03.27`, `2022-03-27`, `2022/3/27` — into ISO `YYYY-MM-DD`. Text is width-folded before it
gets here, so full-width digits are already ASCII. A form that is not a real calendar date is
not a date (`2022年2月30日` → None): never a guess.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import regex

from ..numbers.numerals import parse_numeral

# digits of years written digit by digit (二〇二二); 零 and О (Cyrillic/Latin look-alikes) occur
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "О": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(_CN_DIGIT) + "".join(_CN_UNIT)


def chinese_int(s: str) -> int | None:
    """Value of a whole Chinese (or Arabic) numeral: 一 → 1, 十一 → 11, 一百零五 → 105; None for
    anything else. The number grammar of pipeline/numbers reads it (one grammar for the project)."""
    n = parse_numeral(s) if s else None
    return int(n.value) if n is not None and n.decimals == 0 else None


def year_value(s: str) -> int | None:
    """A year as printed: 2022 or 二〇二二 (digit by digit, never 二千零二十二)."""
    if s.isascii() and s.isdigit():
        return int(s)
    # a year is written digit by digit: 二〇二二, never 二千零二十二
    if len(s) == 4 and all(ch in _CN_DIGIT for ch in s):
        return int("".join(str(_CN_DIGIT[ch]) for ch in s))
    return None


_CN = f"[{CN_NUMERAL_CHARS}]"
DATE_RE = regex.compile(
    rf"""
    (?<![\d.])(?:
        (?P<y>(?:19|20)\d{{2}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日
      | (?P<cy>{_CN}{{4}})年(?P<cm>{_CN}{{1,2}})月(?P<cd>{_CN}{{1,3}})日
      | (?P<ny>(?:19|20)\d{{2}})(?P<sep>[-./])(?P<nm>\d{{1,2}})(?P=sep)(?P<nd>\d{{1,2}})(?![\d.])
    )
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str
    raw: str


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or m is None or d is None:
        return None
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(m: regex.Match[str]) -> str | None:
    if m.group("y"):
        return _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if m.group("cy"):
        return _iso(year_value(m.group("cy")), chinese_int(m.group("cm")), chinese_int(m.group("cd")))
    return _iso(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every full date (year, month and day) in text[start:end], with spans in `text`."""
    out = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        iso = _from_match(m)
        if iso is not None:
            out.append(DateMatch(m.start(), m.end(), iso, m.group()))
    return out


def parse_date(s: str) -> str | None:
    """ISO date of a string that is exactly one date (surrounding spaces allowed), else None."""
    stripped = s.strip()
    m = DATE_RE.fullmatch(stripped)
    return _from_match(m) if m else None
