"""Ruled tables of a PDF page: pdfplumber's table finder on PDFium's ruling lines.

pdfplumber finds tables from edges; getting those edges through pdfminer costs ~0.3 s per page,
so we give its finder (merge_edges → intersections → cells → tables) the ruling lines PDFium
already read (pdf_chars.ruling_edges). Text comes from PDFium's characters. Cell rows and columns
come from the distinct cell edges, so merged cells get their rowspan and colspan.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .emit import GridSlot
from .pdf_chars import Char
from .pdf_lines import group_lines, join_line_run

MIN_EDGES = 4  # a grid needs at least two horizontal and two vertical rules
TOLERANCE = 3.0  # pdfplumber's default snap/join/intersection tolerance


@dataclass
class FoundTable:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    slots: list[GridSlot]


def find_tables(page_number: int, edges: list[dict[str, Any]], chars: Sequence[Char]) -> list[FoundTable]:
    if sum(e["orientation"] == "h" for e in edges) < 2 or sum(e["orientation"] == "v" for e in edges) < 2:
        return []
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    merged = merge_edges(edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE)
    points = edges_to_intersections(merged, TOLERANCE, TOLERANCE)
    found = []
    for cells in cells_to_tables(intersections_to_cells(points)):
        x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
        x1, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
        inside = [c for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom]
        slots = _slots(cells, page_number, inside)
        if len({s.col for s in slots}) >= 2 and len({s.row for s in slots}) >= 2:
            found.append(FoundTable((x0, top, x1, bottom), slots))
    return sorted(found, key=lambda t: t.bbox[1])


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
    """Merge a table that ends page p with one that starts page p+1 when the columns agree; a
    table that fills a whole page runs on to the next one too (a 20-row table over three pages)."""
    carry: FoundTable | None = None  # the table that runs to the bottom of the previous page
    for p, tables in enumerate(found):
        last = tables[-1] if tables else None
        if carry is not None and tables and first_on_page[p] and _width(carry) == _width(tables[0]):
            continue_table(carry, tables.pop(0))
            last = tables[-1] if tables else carry
        carry = last if last is not None and last_on_page[p] else None
