"""Runs every rule family over a document, settles each draft's evidence, and numbers the
checks k1… in text order.

The evidence gate lives here, once for every rule: a check may be `inconsistent` only when its
evidence is `complete` (the structure ties the figures exactly). A rule that found a mismatch on
weaker evidence gets `unverifiable`, with the evidence's reason in the explanation and in
`exemption`. A rule that sets no evidence gets a default one built from its spans (strength
complete, basis = the rule in words), so its verdicts are unchanged until it says more.
"""

from __future__ import annotations

from ..errors import MESSAGES, Code
from ..model import Document, Evidence, EvidenceFigure, EvidenceStrength, Verdict, Warning_
from ..review.fingerprint import with_fingerprints
from .context import Context, Draft, RuleCode
from .rules import RULES

# what ties the figures of a rule that sets no evidence of its own
RULE_BASIS: dict[RuleCode, str] = {
    RuleCode.SHARE: "a share of a named whole",
    RuleCode.MULTIPLE: "a multiple of two levels",
    RuleCode.MULTIPLE_VS_CAGR: "a multiple over years against the annual growth",
    RuleCode.CAGR_VS_LEVELS: "annual growth between two levels",
    RuleCode.GROWTH_YOY: "growth over the previous period's level",
    RuleCode.CHANGE_AMOUNT: "a change stated with its level and rate",
    RuleCode.PP_CHANGE: "a change in percentage points between two rates",
    RuleCode.RATE_DIFFERENCE: "a difference of two rates",
    RuleCode.RATE_GAP: "rates stated against a reference rate",
    RuleCode.SUM_OF_PARTS: "parts against their total",
    RuleCode.STRUCTURE_RATIO: "a structure that totals 100",
    RuleCode.SHARES_TOTAL: "shares of one breakdown against 100",
    RuleCode.LEVELS_RATIO: "a ratio of two levels",
    RuleCode.DOUBLING: "doubling against base and target",
    RuleCode.INDICATOR_TABLE: "an indicator table row's base, target and growth",
    RuleCode.TEXT_VS_TABLE: "the same indicator in text and table",
    RuleCode.ENUMERATION_COUNT: "a count word against the items listed",
    RuleCode.DATE_AGREEMENT: "dates of one document",
}


def default_evidence(draft: Draft, doc: Document, claim_at: dict[tuple[int, int], str]) -> Evidence:
    figures = [EvidenceFigure(role="figure", text=doc.text[s.start : s.end], span=s,
                              claim_id=claim_at.get((s.start, s.end)))
               for s in draft.spans]
    return Evidence(strength=EvidenceStrength.COMPLETE,
                    basis=RULE_BASIS.get(draft.rule, draft.rule.value.replace("_", " ")), figures=figures)


def settle(draft: Draft, doc: Document, claim_at: dict[tuple[int, int], str]) -> Draft:
    """Give the draft its evidence and apply the gate: no `inconsistent` on evidence that is
    not complete."""
    if draft.evidence is None:
        draft.evidence = default_evidence(draft, doc, claim_at)
    ev = draft.evidence
    strength = EvidenceStrength(ev.strength)  # the model stores enum values as plain strings
    if draft.verdict == Verdict.INCONSISTENT and strength != EvidenceStrength.COMPLETE:
        reason = ev.reason or f"the structure establishes the relation only as {strength.value} ({ev.basis})"
        draft.verdict = Verdict.UNVERIFIABLE
        draft.severity = None
        draft.explanation = f"{draft.explanation}; not flagged: {reason}"
        draft.exemption = draft.exemption or reason
    return draft


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
    claim_at = {(c.span.start, c.span.end): c.id for c in doc.claims}
    drafts = [settle(d, doc, claim_at) for d in drafts]
    drafts.sort(key=lambda d: (min((s.start for s in d.spans), default=0), d.kind != "check"))
    return drafts


def run_checks(doc: Document) -> Document:
    """Fill `doc.checks` (the stage wired into pipeline/api.py)."""
    failures: list[Warning_] = []
    checks = with_fingerprints(doc, [d.to_check(i) for i, d in enumerate(collect(doc, failures), start=1)])
    return doc.model_copy(update={"checks": checks, "warnings": [*doc.warnings, *failures]})
