"""Attach page and box to every span of a PDF document (the last stage before export).

Earlier stages work on characters only; this stage reads the character boxes that ingest
kept and writes `page` and `bbox` (the union of the boxes of the span's characters on the
page of its first boxed character) onto every span.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from .ingest.base import CharBox
from .model import Document, Span


def _spans(obj: object) -> Iterator[Span]:
    if isinstance(obj, Span):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _spans(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _spans(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _spans(item)


def box_of(boxes: Sequence[CharBox | None], start: int, end: int) -> tuple[int, list[float]] | None:
    first = next((b for b in boxes[start:end] if b is not None), None)
    if first is None:
        return None
    on_page = [b for b in boxes[start:end] if b is not None and b.page == first.page]
    return first.page, [
        round(min(b.x0 for b in on_page), 2),
        round(min(b.top for b in on_page), 2),
        round(max(b.x1 for b in on_page), 2),
        round(max(b.bottom for b in on_page), 2),
    ]


def attach_boxes(doc: Document, boxes: Sequence[CharBox | None] | None) -> Document:
    if not boxes:
        return doc
    fields = ("metadata", "sections", "tables", "claims", "checks")
    for span in (s for f in fields for s in _spans(getattr(doc, f))):
        found = box_of(boxes, span.start, span.end)
        if found:
            span.page, span.bbox = found
    return doc
