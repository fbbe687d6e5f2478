"""Spaced-out digits of newspaper and archive layouts (`2 0 0 5 年`, `1 2 . 5 %`): closed up, so that
the number grammar reads one number. Only where the text does it repeatedly (MIN_RUNS), and only
runs of at least three digits right before a Chinese character or a percent sign, so a row of a
space-aligned table (`1 2 3` at a line's end) keeps its cells.

Like re-joining wrapped lines it only takes characters out; `compose` chains two such offset maps.
"""

from __future__ import annotations

import re

MIN_RUNS = 3
_RUN = re.compile(r"(?<![0-9A-Za-z.])(?P<run>\d(?:[ \u3000]\d|[ \u3000]?\.[ \u3000]?\d){2,})[ \u3000]?(?=[\u4e00-\u9fff%‰])")
_SPACE = re.compile(r"[ \u3000]")

OffsetMap = list[tuple[int, int]]  # (offset in the result, characters taken out right before it)


def close_spaced_digits(text: str) -> tuple[str, OffsetMap]:
    """The text with the spaces inside spaced-out digit runs taken out, and its offset map."""
    runs = [m for m in _RUN.finditer(text) if _SPACE.search(m.group("run"))]  # `1.0.1 总则` is no spaced run
    if len(runs) < MIN_RUNS:
        return text, []
    out: list[str] = []
    removed: OffsetMap = []
    pos, size = 0, 0  # in the source, and the length of the result so far
    for m in runs:
        out.append(text[pos : m.start()])
        size += m.start() - pos
        for ch in m.group():
            if not _SPACE.fullmatch(ch):
                out.append(ch)
                size += 1
            elif removed and removed[-1][0] == size:
                removed[-1] = (size, removed[-1][1] + 1)
            else:
                removed.append((size, 1))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), removed


def compose(inner: OffsetMap, outer: OffsetMap) -> OffsetMap:
    """One map for two removals in a row: `inner` took characters out of the source, `outer` out of
    inner's result. Both are sorted; the result is in the coordinates of outer's result."""
    if not outer or not inner:
        return inner or outer
    gaps: OffsetMap = []  # outer's removals as (start in inner's result, length)
    total = 0
    for at, n in outer:
        gaps.append((at + total, n))
        total += n
    moved: OffsetMap = []
    k, gone = 0, 0
    for at, n in inner:
        while k < len(gaps) and gaps[k][0] + gaps[k][1] <= at:
            gone += gaps[k][1]
            k += 1
        inside = max(0, at - gaps[k][0]) if k < len(gaps) else 0
        moved.append((at - gone - inside, n))
    merged: dict[int, int] = {}
    for at, n in [*moved, *outer]:
        merged[at] = merged.get(at, 0) + n
    return sorted(merged.items())
