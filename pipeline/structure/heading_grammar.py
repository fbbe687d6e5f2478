"""The heading grammar: which line starts read as a numbered heading, and how to cut its title.

A line yields zero, one or two candidates (two when a heading and its first child are fused on one
line: `一、发展基础与发展机遇(一)发展基础`). Each candidate says how strong it is: a short title on its
own line or before 。 is `strong`; a long sentence or a line ending in ；/, is `weak` (a list item
that may only continue a series the tree already has, never start one).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex

from .dates import chinese_int

MAX_TITLE = 40  # a run-in title before 。 longer than this is a sentence, not a title
MAX_LINE_TITLE = 50  # a heading alone on its line


class Style(StrEnum):
    """Numbering styles; the key of a series in the tree (markdown adds its depth)."""

    PIAN = "篇"
    BUFEN = "部分"
    ZHANG = "章"
    JIE = "节"
    TIAO = "条"
    CN = "一、"
    PCN = "(一)"
    AR = "1."
    PAR = "(1)"
    MD = "#"
    GAN = "甲、"  # 甲、乙、丙 (heavenly stems) in older texts
    ATTACHMENT = "附件"  # an attachment's body: its own series restart below it
    DOT = "1.1.1"  # a standard's 1 / 3.2 / 3.2.1 numbering (heading_clauses.py; key adds the depth)


LIST_STYLES = frozenset({Style.AR, Style.PAR})
# styles numbered through the whole document (第五条 follows 第四条 across chapters)
CONTINUOUS_STYLES = frozenset({Style.ZHANG, Style.JIE, Style.TIAO, Style.PIAN, Style.BUFEN})

_NUM = "[一二三四五六七八九十百零〇两]"
STEMS = "甲乙丙丁戊己庚辛壬癸"
MARKERS: list[tuple[Style | None, regex.Pattern[str]]] = [
    (Style.MD, regex.compile(r"(?P<hashes>#{1,6})[ \t]+")),
    # 第七条规定的… / 第三章的… at a line start is a wrapped cross-reference, not a heading
    # (text extracted from spaced layouts may put a space inside a marker: 第 三 章, 一 、, ( 一 ))
    (None, regex.compile(rf"第 ?(?P<num>{_NUM}+|\d{{1,3}}) ?(?P<unit>篇|部分|章|节|条)(?!规定|的|所|中|至|、|和|或|及|第|款|项)")),
    (Style.CN, regex.compile(rf"(?P<num>{_NUM}+)(?P<sep> ?、|\.(?!\d))")),
    (Style.GAN, regex.compile(rf"(?P<num>[{STEMS}])、(?![{STEMS}])")),  # not 甲、乙、丙三方
    (Style.PCN, regex.compile(rf"\( ?(?P<num>{_NUM}+) ?\)")),
    (Style.PAR, regex.compile(r"\((?P<num>\d{1,2})\)")),
    # 1.5 is a decimal, but 1、100万元以下的项目 is item 1 (only the point may not touch a digit)
    (Style.AR, regex.compile(r"(?P<num>\d{1,2})(?P<sep>\.(?!\d)|、)")),
]
# the first child fused after a parent's title on the same line
_FUSED = regex.compile(r"\((?:一)\)|\(1\)|(?<![\d.])1[.、](?!\d)|第一(?:章|节)")
_SPACED = regex.compile(r"(?<=(?:^|\s)\p{Han})\s+(?=\p{Han}(?:\s|$))")
LIST_END = ("；", ";", ",", "，", "、")
LIST_MID = regex.compile(r"[;；]")  # clauses of a list sentence, never inside a title
# 第一条(目的依据): an article's caption in parentheses right after its number (Shanghai rules)
_ARTICLE_CAPTION = regex.compile(r"\s*\((?P<caption>[^()。,，;；:：]{1,20})\)")
# 第一条 目的和依据: a short caption alone after the number (no sentence punctuation, not the opening
# words of an article's text such as 本办法…/为了…) is its title
_ARTICLE_BARE_CAPTION = regex.compile(r"\s+(?!本|为|凡|对|各|任何)(?P<caption>[^\s()。,，;；:：!?！？、《》“”]{2,20})")


@dataclass
class Candidate:
    style: Style
    key: str  # series key: the style, plus the depth for markdown
    marker: str
    number: str
    value: int | None
    start: int  # of the marker
    end: int  # of the heading (after 。 for a run-in title)
    title: str
    run_in: bool
    strong: bool
    restarts: bool = False  # a 一 whose series goes on to a strong 二: a bound document starting again


def clean_title(title: str) -> str:
    """Trim, and close up a spaced-out title (`综 合` → `综合`) between single CJK characters."""
    return _SPACED.sub("", title.strip(" \t:：*")).strip()


def numeral_value(style: Style, number: str) -> int | None:
    if not number:
        return None
    return STEMS.index(number) + 1 if style is Style.GAN else chinese_int(number)


def _match_marker(text: str, pos: int) -> tuple[Style, regex.Match[str]] | None:
    if text.startswith("**", pos):  # markdown bold around a numbered heading
        pos += 2
    for style, pattern in MARKERS:
        m = pattern.match(text, pos)
        if m:
            return (Style(m.group("unit")) if style is None else style), m
    return None


def _marker_text(style: Style, m: regex.Match[str]) -> str:
    """The numbering style in normalised form: 一、 (一) 1. 1、 (1) 第一章 … or the hashes."""
    if style is Style.MD:
        return m.group("hashes")
    if style is Style.AR:
        return "1" + m.group("sep")
    if style in CONTINUOUS_STYLES:  # 第三章 as written: the number is part of how it is cited
        return "第" + m.group("num") + style.value
    if style is Style.CN:
        return "一" + m.group("sep").strip()
    return style.value


def _title_part(text: str, a: int, b: int) -> tuple[int, int, int, bool, bool]:
    """Cut text[a:b] into a title: (title_start, title_end, heading_end, run_in, strong)."""
    while a < b and text[a] in " \t:：":
        a += 1
    seg = text[a:b]
    stop = regex.search(r"[。!?！？]", seg)
    if stop:
        t_end = a + stop.start()
        rest = text[t_end + 1 : b].strip()
        strong = (0 < stop.start() <= MAX_TITLE and not (not rest and stop.start() > 30)
                  and not LIST_MID.search(text, a, t_end))
        return a, t_end, t_end + 1, bool(rest), strong
    t_end = a + len(seg.rstrip())
    title = text[a:t_end].rstrip("*")
    strong = 0 < len(title) <= MAX_LINE_TITLE and not title.endswith(LIST_END) and not LIST_MID.search(title)
    return a, t_end, t_end, False, strong


def line_candidates(text: str, start: int, end: int) -> list[Candidate]:
    """Heading candidates at the start of the line text[start:end] (stripped content)."""
    line = text[start:end]
    if "|" in line or "\t" in line:
        return []  # a table row
    got = _match_marker(text, start)
    if got is None:
        return []
    style, m = got
    inner_at = m.end()
    key = style.value
    marker = _marker_text(style, m)
    number = m.group("num") if "num" in m.groupdict() and m.group("num") else ""
    if style is Style.MD:
        key = f"#{len(m.group('hashes'))}"
        inner = _match_marker(text, m.end())
        if inner and inner[0] is not Style.MD:
            number = inner[1].group("num")
            inner_at = inner[1].end()
    value = numeral_value(style, number)
    if style is Style.TIAO:  # an article has no title (its text is the body), unless it has a caption
        cap = _ARTICLE_CAPTION.match(text, m.end(), end) or _ARTICLE_BARE_CAPTION.fullmatch(text, m.end(), end)
        if cap:
            title = clean_title(cap.group("caption"))
            return [Candidate(style, key, marker, number, value, start, cap.end(), title, cap.end() < end, True)]
        return [Candidate(style, key, marker, number, value, start, m.end(), "", False, True)]
    fused = _FUSED.search(text, inner_at, end) if style is not Style.MD else None
    cut = end
    if fused and 0 < fused.start() - inner_at <= MAX_TITLE and "。" not in text[inner_at : fused.start()]:
        cut = fused.start()
    a, t_end, h_end, run_in, strong = _title_part(text, inner_at, cut)
    title = clean_title(text[a:t_end])
    if not title:
        return []
    if style is Style.MD:
        strong = True
    first = Candidate(style, key, marker, number, value, start, h_end, title, run_in, strong)
    if cut == end:
        return [first]
    first.run_in = False
    return [first, *line_candidates(text, cut, end)]


def split_title_candidate(text: str, marker_line: tuple[int, int], title_line: tuple[int, int]) -> Candidate | None:
    """`第一章` alone on its line with the title on the next one (a layout PDFs and DOCX give)."""
    start, end = marker_line
    got = _match_marker(text, start)
    if got is None or got[0] not in CONTINUOUS_STYLES or got[0] is Style.TIAO or got[1].end() != end:
        return None
    t_start, t_end = title_line
    title = clean_title(text[t_start:t_end])
    if not title or len(title) > MAX_TITLE or _match_marker(text, t_start) or regex.search(r"[。,，;；:：]", title):
        return None
    style, m = got
    number = m.group("num")
    return Candidate(style, style.value, _marker_text(style, m), number, chinese_int(number), start, t_end,
                     title, False, True)
