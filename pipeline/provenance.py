"""Attach page and box to every span of a PDF document (the last stage before export).

Earlier stages work on characters only; this stage reads the character boxes that ingest
kept and writes `page` and `bbox` (the union of the boxes of the span's characters on the
page of its first boxed character) onto every span.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import get_args

from pydantic import BaseModel

from .ingest.base import CharBox
from .model import Document, Span


@cache
def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold another model (and so a Span): the rest are skipped."""
    return tuple(name for name, f in cls.model_fields.items() if _may_hold_model(f.annotation))


def _may_hold_model(tp: object) -> bool:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in get_args(tp))


def _spans(obj: object) -> Iterator[Span]:
    """Every Span inside `obj` (models, lists, tuples, dict values), depth first in field order."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, Span):
            yield item
        elif isinstance(item, BaseModel):
            stack.extend(getattr(item, name) for name in reversed(_model_fields(type(item))))
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))


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
