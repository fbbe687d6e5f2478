"""Ruled tables of a PDF page: pdfplumber's table finder for the grid, PDFium's characters for text.

The table finder runs only on pages where PDFium saw ruling lines, so its cost is paid on table
pages alone. Cell rows and columns come from the distinct cell edges, so merged cells get their
rowspan and colspan.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .emit import GridSlot
from .pdf_chars import Char
from .pdf_lines import group_lines, join_line_run

MIN_RULES = 4  # fewer thin paths than this is an underline or a frame, not a grid


@dataclass
class FoundTable:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    slots: list[GridSlot]


class TableFinder:
    """Opens the file with pdfplumber once, on the first page that needs it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._pdf: Any = None
        self.used = False

    def _open(self) -> Any:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self.data))
            self.used = True
        return self._pdf

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def find(self, page_number: int, chars: Sequence[Char]) -> list[FoundTable]:
        page = self._open().pages[page_number - 1]
        found = []
        for table in page.find_tables():
            slots = _slots(table.cells, page_number, chars)
            if len({s.col for s in slots}) >= 2 and len({s.row for s in slots}) >= 2:
                found.append(FoundTable(tuple(table.bbox), slots))
        return found


def _index(edges: list[float], x: float) -> int:
    i = bisect_left(edges, x - 1.0)
    return min(i, len(edges) - 1)


def _edges(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.0:
            out.append(v)
    return out


def _slots(cells: Sequence[tuple[float, float, float, float]], page: int, chars: Sequence[Char]) -> list[GridSlot]:
    xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
    ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
    slots = []
    for x0, top, x1, bottom in cells:
        inside = [c for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom]
        text, boxes = join_line_run(group_lines(page, inside))
        r0, r1 = _index(ys, top), _index(ys, bottom)
        c0, c1 = _index(xs, x0), _index(xs, x1)
        slots.append(GridSlot(text, r0, c0, max(1, r1 - r0), max(1, c1 - c0), boxes))
    return slots


def inside_any(c: Char, tables: Sequence[FoundTable]) -> bool:
    return any(t.bbox[0] <= c.cx <= t.bbox[2] and t.bbox[1] <= c.cy <= t.bbox[3] for t in tables)


def _width(t: FoundTable) -> int:
    return max(s.col + s.colspan for s in t.slots)


def _covering(slots: Sequence[GridSlot], row: int, col: int) -> GridSlot | None:
    return next((s for s in slots if s.row <= row < s.row + s.rowspan and s.col <= col < s.col + s.colspan), None)


def _append(into: GridSlot, more: GridSlot) -> None:
    if more.text:
        into.text += more.text
        into.boxes = (into.boxes or []) + (more.boxes or [])


def continue_table(prev: FoundTable, nxt: FoundTable) -> None:
    """Append the part of a table printed on the next page; a row split by the page break is rejoined
    and a merged cell that runs on (the 类别 column) keeps one slot with a longer rowspan."""
    last = max(s.row + s.rowspan for s in prev.slots) - 1
    first_row = [s for s in nxt.slots if s.row == 0]
    split = any(not s.text for s in first_row if s.col == 0)
    offset = last if split else last + 1
    for s in sorted(nxt.slots, key=lambda s: (s.row, s.col)):
        above = _covering(prev.slots, last, s.col)
        if s.row == 0 and split and above is not None:
            _append(above, s)
            above.rowspan = max(above.rowspan, last - above.row + s.rowspan)
        elif s.row == 0 and not s.text and above is not None and above.rowspan > 1:
            above.rowspan += s.rowspan
        else:
            s.row += offset
            prev.slots.append(s)


def join_page_tables(found: list[list[FoundTable]], last_on_page: list[bool], first_on_page: list[bool]) -> None:
    """Merge a table that ends page p with one that starts page p+1 when the columns agree."""
    for p in range(len(found) - 1):
        if found[p] and found[p + 1] and last_on_page[p] and first_on_page[p + 1]:
            prev, nxt = found[p][-1], found[p + 1][0]
            if _width(prev) == _width(nxt):
                continue_table(prev, nxt)
                found[p + 1].pop(0)
