"""From PDF characters to the lines a reader sees, then to paragraphs.

Lines: characters clustered by vertical centre and sorted by x (PDFium's stream order puts
runs of another font, such as quotes, at the end of the line). Paragraphs: a line that reaches
the right margin continues on the next line unless that line is indented, centred, set after a
blank line's worth of space, in another font size, or opens with a heading number after a finished
sentence (layouts without first-line indents, as office suites print plain text); wrapped pieces
join with no space between CJK characters. Running headers, footers and page numbers (`- 3 -`,
`第3页`) in the page margins are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from statistics import median

from .base import CharBox
from .pdf_chars import Char, PageChars_

PAGE_NUMBER = re.compile(r"^(?:[-—–－~·]*\s*\d{1,4}\s*[-—–－~·]*|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
MARGIN_ZONE = 0.1  # top and bottom share of the page where running heads and folios sit
# font names that tell heading levels in government documents (GB/T 9704 practice)
# (SimHei, 黑体, 方正黑体 FZHTK/FZHei, Source Han/Noto Sans; not Microsoft YaHei, a body face on the web;
# KaiTi_GB2312, STKaiti, 方正楷体 FZKTK/FZKai). A font counts only when it is not the body font.
HEADING_FONTS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"(?<!ya)hei|黑体|FZHT|SansCJK|SourceHanSans|思源黑", re.IGNORECASE), 1),
    (re.compile(r"kai|楷|FZKT", re.IGNORECASE), 2),
]
_LATIN = re.compile(r"[A-Za-z0-9%.]")
# a line that opens with a heading number after a line that ends a sentence starts a new block, even
# where nothing else tells (no indent, and a page break swallowed the paragraph spacing)
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?![\d.．])|第[一二三四五六七八九十百零]{1,4}[章节篇条])")
_SENTENCE_END = tuple("。；：！？;:!?")
_NO_LINE_START = frozenset("。，、；：！？）》」』”’,.;:!?)%")  # kinsoku: these stay with the character before
_SIZE, _FONT, _X1, _TOP, _BOTTOM = (attrgetter(a) for a in ("size", "font", "x1", "top", "bottom"))


@dataclass(slots=True)
class Line:
    """One printed line; its extent, size and font are computed once (the paragraph rules ask
    for them many times)."""

    page: int
    chars: list[Char]
    text: str
    boxes: list[CharBox | None]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # median character size
    font: str  # the dominant font: a quote or digit in a fallback font does not change it


def _render(page: int, chars: list[Char]) -> Line:
    """Text and boxes of one line (chars sorted by x, no whitespace); a space only between Latin
    words set apart."""
    text: list[str] = []
    boxes: list[CharBox | None] = []
    prev: Char | None = None
    for c in chars:
        # gaps are measured between inked boxes: a period's ink is a dot in the middle of its cell
        # (a monospaced or wide cell in text set by office suites), so it asks for a wider gap
        apart = (0.6 if "." in (prev.ch if prev else "", c.ch) else 0.25) * c.size
        latin = prev is not None and _LATIN.match(prev.ch) and _LATIN.match(c.ch)
        if prev is not None and c.x0 - prev.x1 > apart and (latin or prev.ch == "#" != c.ch):  # `## 标题`
            text.append(" ")
            boxes.append(None)
        text.append(c.ch)
        boxes.append(c)  # a Char is its own box; provenance rounds the union
        prev = c
    sizes = sorted(map(_SIZE, chars))
    mid = len(sizes) // 2
    size = sizes[mid] if len(sizes) % 2 else (sizes[mid - 1] + sizes[mid]) / 2
    # digits and Latin letters are often set in a face of their own: a line full of figures keeps
    # the font of its CJK text
    fonts = Counter(c.font for c in chars if not c.ch.isascii()) or Counter(map(_FONT, chars))
    return Line(
        page,
        chars,
        "".join(text),
        boxes,
        chars[0].x0,  # sorted by x0
        max(map(_X1, chars)),
        min(map(_TOP, chars)),
        max(map(_BOTTOM, chars)),
        size,
        fonts.most_common(1)[0][0],
    )


def group_lines(page: int, chars: Iterable[Char]) -> list[Line]:
    """Cluster characters into lines by vertical centre, top to bottom, each sorted by x."""
    real = sorted((c for c in chars if not c.ch.isspace()), key=attrgetter("line_y"))
    rows: list[list[Char]] = []
    last_y = 0.0
    for c in real:
        if rows and abs(c.line_y - last_y) <= 0.4 * max(c.size, 1.0):
            rows[-1].append(c)
        else:
            rows.append([c])
        last_y = c.line_y
    return [_render(page, sorted(r, key=attrgetter("x0"))) for r in rows]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_running(pages: Sequence[PageChars_], lines: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and lines repeated in the margin zone of most pages."""
    in_zone: list[list[bool]] = []
    counts: Counter[str] = Counter()
    for pg, page_lines in zip(pages, lines, strict=True):
        flags = [ln.bottom < pg.height * MARGIN_ZONE or ln.top > pg.height * (1 - MARGIN_ZONE) for ln in page_lines]
        in_zone.append(flags)
        counts.update({_key(ln.text) for ln, z in zip(page_lines, flags, strict=True) if z})
    need = max(2, len(pages) // 2)
    # a lone number in the margin is a folio when the document has folios: on most pages (or it has
    # one page); else it is the first or last line of the body, such as a table's row number
    folios = sum(any(z and PAGE_NUMBER.match(ln.text) for ln, z in zip(ls, fl, strict=True)) for ls, fl in zip(lines, in_zone, strict=True))
    numbered = len(pages) == 1 or folios >= need
    out: list[list[Line]] = []
    for page_lines, flags in zip(lines, in_zone, strict=True):
        out.append(
            [
                ln
                for ln, z in zip(page_lines, flags, strict=True)
                if not (z and ((numbered and PAGE_NUMBER.match(ln.text)) or (len(pages) > 1 and counts[_key(ln.text)] >= need)))
            ]
        )
    return out


@dataclass
class Layout:
    """Body-text geometry of the document: where lines start and end."""

    left: float
    right: float
    em: float
    page_width: float
    font: str = ""  # the body font: most of the long lines are set in it
    leading: float = 0.0  # the usual white space between two lines of a paragraph

    def spaced(self, prev: Line, nxt: Line) -> bool:
        """Is there a blank line's worth of space between the two (paragraph spacing)?"""
        return nxt.page == prev.page and nxt.top - prev.bottom > self.leading + 0.6 * self.em

    @classmethod
    def measure(cls, lines: Sequence[Line], page_width: float) -> Layout:
        long = [ln for ln in lines if len(ln.text) >= 10] or list(lines)
        if not long:
            return cls(0.0, page_width, 12.0, page_width)
        em = median(ln.size for ln in long) or 12.0
        lefts = Counter(round(ln.x0) for ln in long)
        left = float(min(x for x, n in lefts.items() if n >= max(lefts.values()) * 0.3))
        rights = sorted(ln.x1 for ln in long)
        right = rights[int(len(rights) * 0.9)]
        font = Counter(ln.font for ln in long).most_common(1)[0][0]
        gaps = [b.top - a.bottom for a, b in pairwise(lines) if a.page == b.page and b.top >= a.bottom]
        return cls(left, right, em, page_width, font, median(gaps) if gaps else 0.0)

    def centred(self, ln: Line) -> bool:
        mid = abs((ln.x0 + ln.x1) / 2 - (self.left + self.right) / 2) < 1.5 * self.em
        return mid and ln.x0 > self.left + 1.5 * self.em and not self.full(ln)

    def indented(self, ln: Line) -> bool:
        return ln.x0 > self.left + 1.2 * self.em

    def full(self, ln: Line) -> bool:
        return ln.x1 >= self.right - 2.0 * self.em


def _wrapped_word(prev: Line, nxt: Line, lay: Layout) -> bool:
    """`prev` stops short because the number or word that starts `nxt` did not fit after it."""
    lead = 0
    while lead < len(nxt.chars) and _LATIN.match(nxt.chars[lead].ch):
        lead += 1
    if lead == 0:
        return False
    # the word goes over with the character after it and any punctuation that may not start a line
    end = min(lead, len(nxt.chars) - 1)
    while end + 1 < len(nxt.chars) and nxt.chars[end + 1].ch in _NO_LINE_START:
        end += 1
    width = nxt.chars[end].x1 - nxt.chars[0].x0
    return prev.x1 + width > lay.right - 0.5 * lay.em


TITLE_SIZE = 1.2  # a line this many body ems high or more is set as a title


def _title_wraps(prev: Line, nxt: Line, lay: Layout) -> bool:
    """A title in a large size wraps over lines that are centred (the first may be full): same font
    and size, set close together (GB/T 9704: 回行时要做到词意完整,排列对称)."""
    if prev.size < TITLE_SIZE * lay.em or prev.font != nxt.font or abs(prev.size - nxt.size) > 0.05 * prev.size:
        return False
    if not (lay.centred(nxt) and (lay.centred(prev) or lay.full(prev))) or prev.text.endswith("。"):
        return False
    return 0 <= nxt.top - prev.bottom <= 0.6 * prev.size


def continues(prev: Line, nxt: Line, lay: Layout) -> bool:
    """Does `nxt` continue the paragraph `prev` ends with?"""
    if _title_wraps(prev, nxt, lay):
        return True
    # (a line that stops short only because the next word did not fit is not centred, even when
    # its indent makes it look so)
    if not (lay.full(prev) or _wrapped_word(prev, nxt, lay)):
        return False
    if lay.centred(nxt) or lay.indented(nxt) or lay.spaced(prev, nxt):
        return False
    if prev.text.endswith(_SENTENCE_END) and _HEADING_START.match(nxt.text):
        return False
    if abs(prev.size - nxt.size) > 0.1 * max(prev.size, 1.0):
        return False
    return prev.font == nxt.font


def heading_level(ln: Line, lay: Layout) -> int | None:
    """A level hint from the font of a short, left-set line that does not end a sentence."""
    if lay.centred(ln) or len(ln.text) > 50 or ln.text.endswith("。") or ln.font == lay.font:
        return None
    for pattern, level in HEADING_FONTS:
        if pattern.search(ln.font):
            return level
    return None


def join_line_run(run: Sequence[Line]) -> tuple[str, list[CharBox | None]]:
    """Join wrapped lines: nothing between CJK, one space between Latin words."""
    text = ""
    boxes: list[CharBox | None] = []
    for ln in run:
        if text and _LATIN.match(text[-1]) and _LATIN.match(ln.text[:1]) and text[-1].isalpha() and ln.text[0].isalpha():
            text += " "
            boxes.append(None)
        text += ln.text
        boxes.extend(ln.boxes)
    return text, boxes
