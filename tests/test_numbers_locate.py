"""numbers/locate.py answers what the scans it replaced answered (rfind, every section), in O(log n)."""

from __future__ import annotations

import random

from pipeline.model import Section, Span
from pipeline.numbers.locate import SectionIndex, StopIndex


def _section(sid: str, start: int, end: int) -> Section:
    return Section(id=sid, level=1, marker="一、", number="一", title="", span=Span(start=start, end=start),
                   body_span=Span(start=start, end=end))


def test_stop_index_matches_rfind() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice("ab,。\n") for _ in range(500))
    index = StopIndex(text, "。\n")
    for pos in range(len(text) + 1):
        for floor in (0, max(0, pos - 7)):
            expected = max(floor, max(text.rfind(c, floor, pos) for c in "。\n") + 1)
            assert index.start_after(pos, floor) == expected


def test_section_index_matches_a_scan_of_every_body() -> None:
    rng = random.Random(5)
    sections = []
    for i in range(60):  # nested and overlapping bodies, some empty
        start = rng.randrange(0, 400)
        sections.append(_section(f"s{i}", start, start + rng.randrange(0, 120)))
    bodies = sorted((s.body_span.end - s.body_span.start, s.body_span.start, s.body_span.end, s.id) for s in sections)
    index = SectionIndex(sections)
    for pos in range(-1, 530):
        expected = tuple(sid for _, start, end, sid in bodies if start <= pos < end)
        assert index.covering_at(pos) == expected, pos
    assert SectionIndex([]).covering_at(10) == ()
