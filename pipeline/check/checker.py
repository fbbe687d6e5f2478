"""Runs the check rules (issue #5): not built yet."""

from __future__ import annotations

from ..model import Document


def run_checks(doc: Document) -> Document:
    return doc
