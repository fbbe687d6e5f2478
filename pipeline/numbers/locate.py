"""Where a position sits, answered in O(log n): the last stop character before it (line, sentence,
clause start) and the sections whose body holds it.

Every figure asks these questions; answering them by scanning back (`rfind`) or over every section
made the claims stage quadratic in the length of a line without stops and in the number of
sections. Both indexes are built once per document in O(n) and O(s log s).
"""

from __future__ import annotations

import bisect

import regex

from ..model import Section


class StopIndex:
    """Positions of the characters in `stops`, for `start_after(pos, floor)`."""

    def __init__(self, text: str, stops: str) -> None:
        pattern = regex.compile("[" + regex.escape(stops) + "]")
        self.positions = [m.start() for m in pattern.finditer(text)]

    def start_after(self, pos: int, floor: int = 0) -> int:
        """One past the last stop in [floor, pos), or floor: `max(floor, max(rfind…) + 1)`."""
        i = bisect.bisect_left(self.positions, pos) - 1
        if i >= 0 and self.positions[i] >= floor:
            return self.positions[i] + 1
        return floor


class SectionIndex:
    """For each stretch of text, the sections whose body covers it, innermost (smallest) first —
    the order of sorting the bodies by (size, start, end, id)."""

    def __init__(self, sections: list[Section]) -> None:
        bodies = sorted(
            (s.body_span.end - s.body_span.start, s.body_span.start, s.body_span.end, s.id) for s in sections
        )
        cuts = sorted({b[1] for b in bodies} | {b[2] for b in bodies})
        by_start: dict[int, list[tuple[int, int, int, str]]] = {}
        for b in bodies:
            by_start.setdefault(b[1], []).append(b)
        self.starts: list[int] = []
        self.covering: list[tuple[str, ...]] = []
        active: list[tuple[int, int, int, str]] = []  # as deep as the heading tree
        for cut in cuts:
            active = sorted([b for b in active if b[2] > cut] + by_start.get(cut, []))
            self.starts.append(cut)
            self.covering.append(tuple(b[3] for b in active if b[2] > cut))

    def segment(self, pos: int) -> int:
        """Index of the stretch holding `pos` (-1 before the first body)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def covering_at(self, pos: int) -> tuple[str, ...]:
        i = self.segment(pos)
        return self.covering[i] if i >= 0 else ()
