"""Runs every rule family over a document and numbers the checks k1… in text order."""

from __future__ import annotations

from ..errors import MESSAGES, Code
from ..model import Document, Warning_
from ..review.fingerprint import with_fingerprints
from .context import Context, Draft
from .rules import RULES


def collect(doc: Document, failures: list[Warning_] | None = None) -> list[Draft]:
    """Run every rule; a rule that crashes loses only its own checks and leaves a W301 warning,
    so one bug cannot cost a batch the whole document (the robustness tests fail on W301)."""
    ctx = Context(doc)
    drafts: list[Draft] = []
    for rule in RULES:
        try:
            drafts.extend(rule(ctx))
        except Exception as exc:  # noqa: BLE001 - isolate rule bugs, reported below
            name = getattr(rule, "__module__", repr(rule)).rsplit(".", 1)[-1]
            if failures is not None:
                failures.append(Warning_(code=Code.CHECK_RULE_FAILED.value,
                                         message=f"{MESSAGES[Code.CHECK_RULE_FAILED]}: {name}: {type(exc).__name__}: {exc}"))
    drafts.sort(key=lambda d: (min((s.start for s in d.spans), default=0), d.kind != "check"))
    return drafts


def run_checks(doc: Document) -> Document:
    """Fill `doc.checks` (the stage wired into pipeline/api.py)."""
    failures: list[Warning_] = []
    checks = [d.to_check(i) for i, d in enumerate(collect(doc, failures), start=1)]
    checked = doc.model_copy(update={"checks": checks, "warnings": [*doc.warnings, *failures]})
    return checked.model_copy(update={"checks": with_fingerprints(checked)})
