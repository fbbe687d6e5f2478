"""What every ingest module returns: decoded text plus where each character came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import PageChars, Source, Warning_


@dataclass
class CharBox:
    """Where one character of the text sits in a PDF: 1-based page and [x0, top, x1, bottom]."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class RawDocument:
    """The output of ingest, before normalisation.

    `text` is the decoded source with universal newlines (CRLF and CR become LF). For PDFs
    `boxes[i]` is the box of `text[i]` or None for characters the extractor inserted (line
    breaks, spaces); `pages` gives the text range of each page. `tables` carries grids that a
    format gives directly (PDF ruling lines, DOCX, HTML `<table>`), each cell as a span of `text`.
    """

    text: str
    source: Source
    warnings: list[Warning_] = field(default_factory=list)
    boxes: list[CharBox | None] | None = None
    pages: list[PageChars] | None = None
    tables: list[GridTable] = field(default_factory=list)
    heading_hints: dict[int, int] = field(default_factory=dict)  # line start offset -> level hint from fonts/styles


@dataclass
class GridCell:
    start: int
    end: int
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class GridTable:
    """A table whose grid the source format gave us; cells point into RawDocument.text."""

    start: int
    end: int
    cells: list[GridCell]
    title: str | None = None
    layout: str = "grid"
