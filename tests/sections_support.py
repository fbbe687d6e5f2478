"""Run only ingest-free normalisation plus the metadata and sections stages on a string (fast)."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.base import RawDocument
from pipeline.model import Document, Source, SourceFormat
from pipeline.normalize import normalize
from pipeline.structure.metadata import extract_metadata
from pipeline.structure.sections import extract_sections

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def structure(text: str, hints: dict[int, int] | None = None) -> Document:
    raw = RawDocument(text=text, source=Source(sha256="0" * 64, format=SourceFormat.TXT),
                      heading_hints=dict(hints or {}))
    return extract_sections(extract_metadata(normalize(raw)))


def fixture(area: str, name: str) -> str:
    return (FIXTURES / area / name).read_text(encoding="utf-8")


def outline(doc: Document) -> list[tuple[int, str, str]]:
    """(level, number, title) of every section, the shape the gold uses."""
    return [(s.level, s.number, s.title) for s in doc.sections]
