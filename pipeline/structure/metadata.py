"""placeholder"""

from __future__ import annotations

from ..model import Document


def extract_metadata(doc: Document) -> Document:
    return doc
