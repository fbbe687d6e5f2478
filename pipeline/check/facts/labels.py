"""The label a figure is stated under: the words from the start of its clause to the number.

`年末全市常住人口957.70万人` → label 年末全市常住人口, key 常住人口. The key drops what does not tell
one indicator from another: the time and place fillers that open a clause (全年, 年末, 全市,
2024年), verbs of reporting (实现, 完成, 共有), the link before the number (为, 达), notes in
brackets ([2], （初步核算数）), 总 (粮食总产量 = 粮食产量) and 实现/完成 (农业实现产值 = 农业产值). Scope words (城镇, 农村, 规模以上,
限额以上) stay in the key and are returned apart, so 城镇居民人均可支配收入 never meets 居民人均可支配收入.
"""

from __future__ import annotations

import regex

MAX_LABEL = 24
CLAUSE_START = regex.compile(r"[。;；,，:：\n、!?]")
BRACKETS = regex.compile(r"[(（\[【〔][^()（）\[\]【】〔〕]{0,30}[)）\]】〕]")
LEAD = regex.compile(
    r"^(?:(?:19|20)\d\d年(?:度|末|底)?|全年|年末|年底|年初|当年|本年|今年|其中|此外|另外|"
    r"全市|全区|全县|全省|全国|全州|全盟|本市|本区|全体|我市|我区|我省|"
    r"初步核算|据[^,，]{0,8}统计|共有|共计|累计|完成|实现|发生|拥有)+"
)
TRAIL = regex.compile(r"(?:为|达到|达|是|约|近|超过|超|总计|合计|共计|共|了|的|:|：|\s)+$")
SCOPE_RE = regex.compile(r"城镇|农村|城市|乡村|规模以上|规上|限额以上|限上|国有|民营|外商投资|私营")
FILLER = regex.compile(r"总|实现|完成")
YEAR_IN = regex.compile(r"((?:19|20)\d\d)年(?!\d|代)")


def label_before(text: str, start: int, floor: int = 0) -> str:
    """The words of the clause before `start` (at most MAX_LABEL characters, never before floor)."""
    lo = max(floor, start - MAX_LABEL)
    cut = [m.end() for m in CLAUSE_START.finditer(text, lo, start)]
    return text[cut[-1] if cut else lo : start].strip()


def key_of(label: str, places: tuple[str, ...] = ()) -> tuple[str, frozenset[str]]:
    """(key, scope words) of a label; the key is "" when nothing telling is left. `places` are
    the document's own place names (东莞), dropped where they open the label like 全市."""
    s = BRACKETS.sub("", label)
    s = regex.sub(r"\s+", "", s)
    s = TRAIL.sub("", s)
    for _ in range(2):
        s = LEAD.sub("", s)
        for place in places:
            s = s.removeprefix(place)
    s = FILLER.sub("", s)
    scope = frozenset(m.group() for m in SCOPE_RE.finditer(s))
    return (s if len(s) >= 2 else ""), scope


def year_in(label: str) -> int | None:
    """A year the label names itself (2023年度，全市发生… → 2023)."""
    m = YEAR_IN.search(label)
    return int(m.group(1)) if m else None
