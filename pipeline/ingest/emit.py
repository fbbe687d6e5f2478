"""Shared by the PDF, DOCX and HTML readers: build the text stream and its provenance together.

Every reader appends lines and tables to one `TextBuilder`, so offsets of headings, table cells
and character boxes are taken from the very string that becomes `RawDocument.text`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Source, SourceFormat
from .base import CharBox, GridCell, GridTable
from .text import ZERO_WIDTH

CELL_SEP = " | "
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_WS = re.compile(r"[ \t\u3000\u00a0]+")


def join_pieces(pieces: Sequence[str]) -> str:
    """Join wrapped pieces of one paragraph: no space next to CJK, one space between Latin words."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(piece[0])) and out[-1].isalnum() and piece[0].isalnum():
            out += " "
        out += piece
    return out


_CONTROLS: dict[int, str | None] = {c: " " for c in (*range(0, 32), 0x7F)}
_CONTROLS.update(ZERO_WIDTH)


def squeeze(text: str) -> str:
    """One line as emitted: zero-width characters dropped, controls and runs of layout whitespace
    become one space, ends trimmed (so clean_decoded has nothing left to change)."""
    return _WS.sub(" ", text.translate(_CONTROLS)).strip()


@dataclass
class GridSlot:
    """One origin cell of a grid before it is emitted: its text and place."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    boxes: list[CharBox | None] | None = None  # PDF only: one box per character of `text`


class TextBuilder:
    """Accumulates lines; keeps a box per character when the format has boxes (PDF)."""

    def __init__(self, *, with_boxes: bool = False) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.boxes: list[CharBox | None] | None = [] if with_boxes else None
        self.tables: list[GridTable] = []
        self.heading_hints: dict[int, int] = {}

    def add(self, text: str, boxes: Sequence[CharBox | None] | None = None) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if self.boxes is not None:
            if boxes is not None and len(boxes) != len(text):
                raise ValueError("one box per character")
            self.boxes.extend(boxes if boxes is not None else [None] * len(text))
        return start, self.length

    def line(self, text: str, boxes: Sequence[CharBox | None] | None = None, *, heading: int | None = None) -> None:
        """Append one line (a paragraph or heading) followed by a newline; empty lines are skipped."""
        if not text:
            return
        start, _ = self.add(text, boxes)
        if heading is not None:
            self.heading_hints[start] = heading
        self.add("\n")

    def grid(self, slots: Sequence[GridSlot], title: str | None = None, layout: str = "grid") -> None:
        """Emit a table one row per line, cells separated by ` | `, and record it as a GridTable."""
        if not slots:
            return
        start = self.length
        cells: list[GridCell] = []
        for row in sorted({s.row for s in slots}):
            in_row = sorted((s for s in slots if s.row == row), key=lambda s: s.col)
            for k, slot in enumerate(in_row):
                if k:
                    self.add(CELL_SEP)
                c0, c1 = self.add(slot.text, slot.boxes)
                cells.append(GridCell(c0, c1, slot.row, slot.col, slot.rowspan, slot.colspan))
            self.add("\n")
        self.tables.append(GridTable(start=start, end=self.length - 1, cells=cells, title=title, layout=layout))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def make_source(data: bytes, path: str, fmt: SourceFormat, engine: str, **extra: object) -> Source:
    return Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        engine=engine,
        size_bytes=len(data),
        **extra,  # type: ignore[arg-type]
    )
