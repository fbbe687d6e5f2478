"""A check's fingerprint: stable across re-runs, renumbering and other documents in the batch.

It hashes the rule, the kind and, for every figure the check used (in text order), the figure's
characters with a few characters of context on each side, within its line. Check ids (k7) and claim ids move when
a rule is added or the text before them changes; the figures and their wording do not. Editing
the figures or their immediate context makes a new check: its old review is then orphaned.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import regex

from ..model import Check, Document, Span

CONTEXT = 8  # characters each side: enough to tell two 7.6% of one paragraph apart
_SPACE = regex.compile(r"\s+")


def _piece(text: str, span: Span) -> str:
    # context stays inside the figure's line: a paragraph added or edited above changes nothing
    left = text[max(0, span.start - CONTEXT) : span.start].rpartition("\n")[2]
    right = text[span.end : span.end + CONTEXT].partition("\n")[0]
    left, right = _SPACE.sub("", left), _SPACE.sub("", right)
    return f"{left}[{_SPACE.sub('', text[span.start:span.end])}]{right}"


def check_fingerprint(text: str, check: Check, claim_spans: dict[str, Span] | None = None) -> str:
    """16 hex digits naming the check by its rule and its figures in context."""
    spans = list(check.spans)
    for cid in check.claim_ids:
        span = (claim_spans or {}).get(cid)
        if span is not None:
            spans.append(span)
    unique = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: (s.start, s.end))
    key = "|".join([check.rule, check.kind, *(_piece(text, s) for s in unique)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def with_fingerprints(doc: Document, checks: list[Check]) -> list[Check]:
    """`checks` of `doc` with `fingerprint` set; a repeat within the document gets `-2`, `-3`."""
    claim_spans = {c.id: c.span for c in doc.claims}
    seen: Counter[str] = Counter()
    out = []
    for check in checks:
        fp = check_fingerprint(doc.text, check, claim_spans)
        seen[fp] += 1
        if seen[fp] > 1:
            fp = f"{fp}-{seen[fp]}"
        out.append(check.model_copy(update={"fingerprint": fp}))
    return out
