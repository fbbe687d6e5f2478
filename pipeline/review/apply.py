"""Put the decisions in force on checks, and find the decisions whose check is gone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Document
from .store import ReviewRecord

Reviews = Mapping[tuple[str, str], ReviewRecord]


@dataclass(frozen=True)
class Orphan:
    """A decision whose check no longer exists in its document (edited text, changed rule)."""

    record: ReviewRecord

    def note(self) -> str:
        r = self.record
        what = f"{r.check} " if r.check else ""
        figs = f" ({r.figures})" if r.figures else ""
        return f"review orphaned: {r.doc} {what}[{r.fingerprint}]{figs} marked {r.state}: the check no longer exists"


def apply_to_document(doc: Document, doc_id: str, reviews: Reviews) -> Document:
    """The document with `review` set on every check that has a decision (and cleared elsewhere)."""
    checks = []
    for check in doc.checks:
        record = reviews.get((doc_id, check.fingerprint or ""))
        review = record.review() if record else None
        checks.append(check if check.review == review else check.model_copy(update={"review": review}))
    return doc.model_copy(update={"checks": checks})


def apply_to_data(data: dict[str, Any], doc_id: str, reviews: Reviews) -> bool:
    """Set `review` on the checks of a document JSON (a dict, in place); True when anything changed."""
    changed = False
    for check in data.get("checks") or []:
        record = reviews.get((doc_id, check.get("fingerprint") or ""))
        review = record.review().model_dump(mode="json") if record else None
        if check.get("review") != review:
            check["review"] = review
            changed = True
    return changed


def orphans(reviews: Reviews, fingerprints: Mapping[str, Iterable[str]]) -> list[Orphan]:
    """Decisions on documents in `fingerprints` (doc id → its checks' fingerprints) that match no check."""
    present = {doc: set(fps) for doc, fps in fingerprints.items()}
    return [Orphan(r) for (doc, fp), r in sorted(reviews.items()) if doc in present and fp not in present[doc]]
