"""Numerals: Arabic (with thousands separators) and Chinese, read into a value and its printed precision.

The grammar never guesses: a Chinese run that is not a well-formed numeral (十三五, 三五) reads as
None, and the caller drops it. Width folding ran before us, so full-width digits are ASCII here.
"""

from __future__ import annotations

from dataclasses import dataclass

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CN_SMALL: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

# regex fragments, shared by the claim grammar
CN_DIGIT_CLASS = "零〇○一二三四五六七八九两"
CN_CHARS = CN_DIGIT_CLASS + "十百千万亿"
ARABIC_RE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# a 千 that starts a unit (三万千瓦 = 3万 千瓦) is not part of the numeral. Bounded: the longest
# well-formed numeral (九千九百九十九万…亿…) has 31 characters, and an unbounded run made every
# start inside a long run of numeral characters scan to its end (quadratic)
CN_MAX = 32
CHINESE_RE = rf"(?:(?:(?!千(?:瓦|米|克|公顷|帕|焦|卡))[{CN_CHARS}]){{1,{CN_MAX}}}(?:点[{CN_DIGIT_CLASS}]{{1,{CN_MAX}}})?)"


@dataclass(frozen=True)
class Numeral:
    value: float
    decimals: int
    chinese: bool


def parse_arabic(raw: str) -> Numeral:
    """`1,234.50` → 1234.5 with 2 decimals. Raises ValueError on anything else."""
    plain = raw.replace(",", "")
    value = float(plain)
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Numeral(value, decimals, chinese=False)


def _section(chars: str) -> int | None:
    """A run below 万: 两千零四十三 → 2043; 十四 → 14; None when malformed."""
    total = 0
    pending: int | None = None
    last_unit = 10_000
    zero_seen = False
    for i, ch in enumerate(chars):
        if ch in CN_DIGITS:
            if pending is not None:
                return None  # two digits in a row inside a positional numeral: 十三五
            pending = CN_DIGITS[ch]
            if pending == 0:
                zero_seen = True
                pending = None
        elif ch in CN_SMALL:
            unit = CN_SMALL[ch]
            if unit >= last_unit:
                return None
            if pending is None:
                # only a leading 十 may stand alone (十四), or 十 right after 百: 一百十八 = 118
                # in reports up to the 1980s
                if unit != 10 or (i != 0 and last_unit != 100):
                    return None
                pending = 1
            total += pending * unit
            pending = None
            last_unit = unit
            zero_seen = False
        else:
            return None
    if pending is not None:
        # 一百五 (colloquial 150) is never official style: reject a bare digit after 百/千 without 零
        if last_unit > 10 and last_unit != 10_000 and not zero_seen:
            return None
        total += pending
    return total


def _integer(chars: str) -> int | None:
    if not chars:
        return None
    if (len(chars) >= 3 or "〇" in chars) and all(c in CN_DIGITS for c in chars):
        # digit-by-digit reading: 二〇二五, 一九八五 (三五 is "three to five", not 35)
        return int("".join(str(CN_DIGITS[c]) for c in chars))
    total = 0
    rest = chars
    for big_char, big in (("亿", CN_BIG["亿"]), ("万", CN_BIG["万"])):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            if big_char in rest:
                return None
            part = _integer(head) if head else None
            if part is None:
                return None
            total += part * big
    if rest:
        if rest[0] in "零〇":
            rest = rest.lstrip("零〇")
        sec = _section(rest) if rest else 0
        if sec is None:
            return None
        total += sec
    return total


def parse_chinese(raw: str) -> Numeral | None:
    """两千零四十三点二八 → 2043.28 (2 decimals); 十四 → 14; 十三五 → None."""
    if not raw or not any(c in CN_DIGITS or c == "十" for c in raw):
        return None  # a bare 万/亿/千 is a scale word, not a numeral
    if raw[0] in "零〇○" and len(raw) < 4 and "点" not in raw:
        return None  # 零部件, 零增长: not a stated zero
    whole, dot, frac = raw.partition("点")
    if dot and not frac:
        return None
    integer = _integer(whole)
    if integer is None:
        return None
    if frac:
        if not all(c in CN_DIGITS for c in frac):
            return None
        digits = "".join(str(CN_DIGITS[c]) for c in frac)
        return Numeral(float(f"{integer}.{digits}"), len(frac), chinese=True)
    return Numeral(float(integer), 0, chinese=True)


def parse_numeral(raw: str) -> Numeral | None:
    """Arabic or Chinese; None when the text is not a well-formed numeral."""
    if raw and raw[0].isdigit():
        try:
            return parse_arabic(raw)
        except ValueError:
            return None
    return parse_chinese(raw)
