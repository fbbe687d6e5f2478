"""Review marks in a batch: put the decisions of OUT_DIR/reviews.jsonl on every output JSON.

Runs after conversion and before the exports, on converted and resumed documents alike, so a
decision recorded with `gazette review` shows in the JSON, checks.csv, findings.csv and the
report after any later batch (with or without --no-resume). Costs nothing without reviews.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..export.json_out import write_atomic
from ..model import Document
from ..review import Orphan, apply_to_document, latest_reviews, orphans
from .work import Outcome, Status


def apply_reviews(out_dir: Path, outcomes: Sequence[Outcome], notes: list[str]) -> list[Orphan]:
    """Annotate the ok outputs in place; return the decisions whose check is gone (also noted)."""
    reviews, problems = latest_reviews(out_dir)
    notes.extend(problems)
    if not reviews:
        return []
    reviewed_docs = {doc for doc, _ in reviews}
    fingerprints: dict[str, list[str]] = {}
    for o in outcomes:
        if o.status is not Status.OK or not o.output:
            continue
        path = out_dir / o.output
        doc_id = path.stem
        if doc_id not in reviewed_docs:
            continue
        try:
            doc = Document.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            notes.append(f"reviews not applied to {path.name} ({type(exc).__name__})")
            continue
        fingerprints[doc_id] = [c.fingerprint or "" for c in doc.checks]
        reviewed = apply_to_document(doc, doc_id, reviews)
        if reviewed.checks != doc.checks:
            write_atomic(path, reviewed.model_dump_json())
            o.csv = o.rows = None  # the exports are made again from the reviewed JSON
    lost = orphans(reviews, fingerprints)
    notes.extend(o.note() for o in lost)
    return lost
