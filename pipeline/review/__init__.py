"""Review marks (issue #15): a fact-checker's decisions on checks, kept across re-runs.

- `fingerprint` names a check by what it is about (rule + the text of its figures and their
  context), not by its number, so a decision made on k7 still applies when the same check is k9
  after an upgrade or a batch with more documents.
- `store` appends decisions to OUT_DIR/reviews.jsonl (append-only: who, when, what) and reads
  the latest decision per (document, fingerprint).
- `apply` puts decisions on checks (a Document or its JSON) and lists the decisions whose check
  no longer exists (orphaned: reported, never dropped silently).
"""

from .apply import Orphan, apply_to_data, apply_to_document, orphans
from .fingerprint import check_fingerprint, with_fingerprints
from .store import REVIEWS_FILE, ReviewRecord, append_review, latest_reviews

__all__ = [
    "REVIEWS_FILE",
    "Orphan",
    "ReviewRecord",
    "append_review",
    "apply_to_data",
    "apply_to_document",
    "check_fingerprint",
    "latest_reviews",
    "orphans",
    "with_fingerprints",
]
