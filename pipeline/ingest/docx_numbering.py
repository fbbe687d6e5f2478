"""Word automatic numbering (numbering.xml) rendered as the label a reader sees.

A paragraph numbered by Word (`w:numPr`, directly or through its style) does not contain its
number: `一、` or `1.` is drawn from the list definition. The heading grammar reads text, so the
label is computed here (counters per list, deeper levels reset) and put in front of the text.
Bullets give no label: a `●` carries no number and no heading meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_PLACEHOLDER = re.compile(r"%([1-9])")


def chinese_count(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if not rest:
        return _CN[hundreds] + "百"
    return _CN[hundreds] + "百" + ("零" + _CN[rest] if rest < 10 else ("一" if rest < 20 else "") + chinese_count(rest))


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "chineseLegalSimplified"):
        return chinese_count(n)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n >= 1:
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, decimalZero, decimalFullWidth and anything unknown: digits


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """List definitions of one document and the running counters while its body is read."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstractNumId, start overrides)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Any | None, styles: Any | None) -> Numbering:
        """From the numbering part's and the styles part's XML roots (either may be absent)."""
        out = cls()
        if root is not None:
            for an in root.findall(W + "abstractNum"):
                levels = {}
                for lvl in an.findall(W + "lvl"):
                    levels[int(lvl.get(W + "ilvl", "0"))] = _Level(_val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""), int(_val(lvl, "start", "1") or 1))
                out.abstract[an.get(W + "abstractNumId", "")] = levels
            for num in root.findall(W + "num"):
                overrides = {}
                for ov in num.findall(W + "lvlOverride"):
                    start = ov.find(W + "startOverride")
                    if start is not None:
                        overrides[int(ov.get(W + "ilvl", "0"))] = int(start.get(W + "val", "1"))
                out.nums[num.get(W + "numId", "")] = (_val(num, "abstractNumId", ""), overrides)
        for st in styles.findall(W + "style") if styles is not None else ():
            ppr = st.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            if num_pr is not None:
                out.style_num[st.get(W + "styleId", "")] = (_val(num_pr, "numId", "0"), int(_val(num_pr, "ilvl", "0") or 0))
        return out

    def label(self, p: Any) -> str:
        """The label of paragraph `p` (advancing the counters), or "" when it is not numbered."""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        num_pr = ppr.find(W + "numPr")
        style = ppr.find(W + "pStyle")
        num_id, ilvl = self.style_num.get(style.get(W + "val", "") if style is not None else "", ("0", 0))
        if num_pr is not None:
            num_id = _val(num_pr, "numId", num_id)
            ilvl = int(_val(num_pr, "ilvl", str(ilvl)) or 0)
        if num_id in ("", "0") or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        # lists restarted by a startOverride count on their own; others share the definition's count
        key = num_id if overrides else abstract_id
        counts = self.counters.setdefault(key, {})
        start = overrides.get(ilvl, levels[ilvl].start)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, level)
            return format_number(counts.get(k, lv.start), lv.fmt)

        return _PLACEHOLDER.sub(number, level.text)


def _val(el: Any, child: str, default: str) -> str:
    found = el.find(W + child)
    return found.get(W + "val", default) if found is not None else default
