"""The year each part of a document reports on, when the document is a bulletin (统计公报).

A file often binds several years' bulletins one after another. A part starts at a title line
(`2023年东莞市国民经济和社会发展统计公报`) or, when the later bulletins lost their titles, where the
top-level numbering starts again (a second `一、综合` line; the sections stage keeps only
the first series); its year is the title's, else the first
year its lead paragraph names (`2023年是…`, `2021年，在市委…`) after the previous bulletin's
signature date (`2024年3月`). Documents that are no bulletin get no parts: their facts carry no
year, and nothing is compared across years.
"""

from __future__ import annotations

import bisect

import regex

from ...model import Document

TITLE = regex.compile(r"(?m)^[#\s]*[^\n]{0,30}?((?:19|20)\d\d)年度?[^\n]{0,40}?公报[ \t]*$")
LEAD_YEAR = regex.compile(r"((?:19|20)\d\d)年(?!\d{1,2}月|代)")
FIRST_HEADING = regex.compile(r"(?m)^[ \t\u3000]*一[、.．][ \t\u3000]*[^\n]{1,20}$")
SIGNATURE = regex.compile(r"(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?\s*\n")
PLACE = regex.compile(r"(?<=年度?|^[#\s]*)[\p{Han}]{2,4}?[市省县区州]")
LEAD_WINDOW = 1500


class Bulletins:
    """Part starts and their years, looked up by position."""

    def __init__(self, doc: Document) -> None:
        text = doc.text
        titles = list(TITLE.finditer(text))
        parts: list[tuple[int, int]] = [(m.start(), int(m.group(1))) for m in titles]
        # the place a title names (东莞市 → 东莞市, 东莞): a label opening with it is the whole area
        names = {p for m in titles for p in PLACE.findall(m.group())}
        self.places = tuple(sorted({n for p in names for n in (p, p[:-1])}, key=len, reverse=True))
        if parts or "公报" in (doc.metadata.title or ""):
            title_starts = [m.start() for m in titles]
            previous = -1
            for first in FIRST_HEADING.finditer(text):
                pos = first.start()
                # the first 一、 after a title opens that title's bulletin
                claimed = bisect.bisect_left(title_starts, pos) > bisect.bisect_right(title_starts, previous)
                previous = pos
                if claimed:
                    continue
                lo = max(0, pos - LEAD_WINDOW)
                signed = list(SIGNATURE.finditer(text, lo, pos))
                lo = signed[-1].end() if signed else lo
                m = LEAD_YEAR.search(text, lo, pos)
                if m is not None:
                    parts.append((lo, int(m.group(1))))
        parts.sort()
        self._starts = [p for p, _ in parts]
        self._years = [y for _, y in parts]

    def __bool__(self) -> bool:
        return bool(self._starts)

    @property
    def bound(self) -> bool:
        """More than one year's bulletin in the file."""
        return len(set(self._years)) > 1

    def year_at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._years[i] if i >= 0 else None
