"""Text regions whose numerals are not stated quantities: tables (the tables stage owns their
cells), table-like lines, titles 《…》, short quoted names “十四五” “一网通办”, heading markers."""

from __future__ import annotations

import bisect

import regex

from ..model import Document
from .units_data import IDIOMS

TITLE_RE = regex.compile(r"《[^《》\n]{1,80}》")
QUOTE_RE = regex.compile(r"“[^“”\n]{1,20}”")
TABLE_LINE_RE = regex.compile(r"^[^\n]*(?:\|[^\n]*\||\t)[^\n]*$", regex.MULTILINE)
MARKER_RE = regex.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇\d]+[篇章节条部分]+|\(?[一二三四五六七八九十]+[)、]|\(\d+\)|\d+[.、](?!\d))"
)
IDIOM_RE = regex.compile("|".join(regex.escape(i) for i in sorted(IDIOMS, key=len, reverse=True)))
# clock times: hh:mm:ss anywhere, hh:mm after a date (2026-01-31 07:00, 1月5日9:30); 1:30 alone stays a ratio
CLOCK_RE = regex.compile(
    r"(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d(?![\d.:])"
    r"|(?<=(?:\d{4}-\d{1,2}-\d{1,2}|\d日)\s?)(?:[01]?\d|2[0-3]):[0-5]\d(?![\d.:])"
)
HEADING_LINE_RE = regex.compile(r"^[ \t]*(?:\(?[一二三四五六七八九十]+[)、]|\(\d+\)|\d+[.、](?!\d))", regex.MULTILINE)


class Regions:
    """Sorted, merged [start, end) intervals; `covers` answers in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.spans[i][1] > start


def skip_regions(doc: Document) -> Regions:
    text = doc.text
    spans: list[tuple[int, int]] = [(t.span.start, t.span.end) for t in doc.tables]
    spans += [(m.start(), m.end()) for m in TABLE_LINE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in TITLE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in HEADING_LINE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in IDIOM_RE.finditer(text)]  # 千方百计, 三位一体: names
    spans += [(m.start(), m.end()) for m in CLOCK_RE.finditer(text)]
    for sec in doc.sections:
        m = MARKER_RE.match(text, sec.span.start, sec.span.end)
        if m:
            spans.append((m.start(), m.end()))
    return Regions(spans)
