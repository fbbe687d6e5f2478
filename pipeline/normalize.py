"""Width folding: one character in, one character out, so spans address the decoded source.

Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic and no-break spaces → space, Kangxi and
supplementary radicals and CJK compatibility ideographs (what PDFs with broken ToUnicode maps
produce, e.g. ⼯ U+2F2F) → their NFKC ideograph. Chinese punctuation that has no ASCII twin
(、。“”《》〔〕) is kept. Nothing is inserted or removed here.
"""

from __future__ import annotations

import unicodedata

from .ingest.base import GridTable, RawDocument
from .model import Cell, Document, Row, Span, Table


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "  # ideographic space
    table[0x00A0] = " "
    table[0x2002] = " "
    table[0x2003] = " "
    table[0x2009] = " "
    table[0x202F] = " "
    table[0xFF5F] = "("  # ｟ (rare) kept as bracket
    table[0xFF60] = ")"
    for lo, hi in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = folded
    return table


FOLD = _build_table()


def fold_width(text: str) -> str:
    """Fold one character for one character; len(result) == len(text)."""
    folded = text.translate(FOLD)
    assert len(folded) == len(text)
    return folded


def _grid_to_table(grid: GridTable, text: str, index: int) -> Table:
    """A grid the format gave us becomes a generic table; the tables stage interprets it."""
    by_row: dict[int, list[Cell]] = {}
    for c in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        cell = Cell(
            text=text[c.start : c.end].strip(),
            column=c.col,
            rowspan=c.rowspan,
            colspan=c.colspan,
            span=Span(start=c.start, end=c.end),
        )
        by_row.setdefault(c.row, []).append(cell)
    rows = [Row(cells=cells) for _, cells in sorted(by_row.items())]
    return Table(
        id=f"g{index + 1}",
        kind="generic",
        title=grid.title,
        layout=grid.layout,
        span=Span(start=grid.start, end=grid.end),
        rows=rows,
    )


def normalize(raw: RawDocument) -> Document:
    """Build the Document whose text never changes again."""
    text = fold_width(raw.text)
    doc = Document(
        source=raw.source,
        text=text,
        warnings=list(raw.warnings),
        provenance=raw.pages,
        tables=[_grid_to_table(g, text, i) for i, g in enumerate(raw.tables)],
    )
    doc._boxes = raw.boxes
    doc._heading_hints = dict(raw.heading_hints)
    return doc
