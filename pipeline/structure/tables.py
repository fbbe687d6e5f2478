"""Indicator and generic tables (issue #4): not built yet."""

from __future__ import annotations

from ..model import Document


def extract_tables(doc: Document) -> Document:
    return doc
