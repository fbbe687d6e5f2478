"""Numeric claims (issue #3): not built yet."""

from __future__ import annotations

from ..model import Document


def extract_claims(doc: Document) -> Document:
    return doc
