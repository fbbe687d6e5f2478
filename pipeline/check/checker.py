"""Runs every rule family over a document and numbers the checks k1… in text order."""

from __future__ import annotations

from ..model import Document
from .context import Context, Draft
from .rules import RULES


def collect(doc: Document) -> list[Draft]:
    ctx = Context(doc)
    drafts = [d for rule in RULES for d in rule(ctx)]
    drafts.sort(key=lambda d: (min((s.start for s in d.spans), default=0), d.kind != "check"))
    return drafts


def run_checks(doc: Document) -> Document:
    """Fill `doc.checks` (the stage wired into pipeline/api.py)."""
    checks = [d.to_check(i) for i, d in enumerate(collect(doc), start=1)]
    return doc.model_copy(update={"checks": checks})
