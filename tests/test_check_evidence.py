"""The evidence gate: only complete evidence may make a check `inconsistent`."""

from __future__ import annotations

from pipeline import parse_text
from pipeline.check.checker import settle
from pipeline.check.context import Context, Draft, RuleCode
from pipeline.model import Evidence, EvidenceStrength, Severity, Span, Verdict

TEXT = "全市共有普通高校43所,其中本科院校20所、专科院校22所。\n"


def _draft(evidence: Evidence | None) -> Draft:
    return Draft(rule=RuleCode.SUM_OF_PARTS, verdict=Verdict.INCONSISTENT, explanation="20 + 22 = 42 ≠ 43",
                 spans=[Span(start=8, end=11), Span(start=18, end=21)], severity=Severity.MAJOR,
                 evidence=evidence)


def test_partial_evidence_turns_a_mismatch_unverifiable_with_its_reason() -> None:
    doc = parse_text(TEXT)
    ev = Evidence(strength=EvidenceStrength.PARTIAL, basis="其中 group", reason="the 其中 list may be partial")
    settled = settle(_draft(ev), doc, {})
    assert settled.verdict == Verdict.UNVERIFIABLE
    assert settled.severity is None
    assert "the 其中 list may be partial" in settled.explanation
    assert settled.exemption == "the 其中 list may be partial"


def test_weak_evidence_without_reason_names_its_strength_and_basis() -> None:
    doc = parse_text(TEXT)
    settled = settle(_draft(Evidence(strength=EvidenceStrength.WEAK, basis="proximity")), doc, {})
    assert settled.verdict == Verdict.UNVERIFIABLE
    assert "weak (proximity)" in settled.explanation


def test_complete_evidence_keeps_the_verdict() -> None:
    doc = parse_text(TEXT)
    ev = Evidence(strength=EvidenceStrength.COMPLETE, basis="共 N, 其中 all parts")
    settled = settle(_draft(ev), doc, {})
    assert settled.verdict == Verdict.INCONSISTENT and settled.severity == Severity.MAJOR
    assert settled.exemption is None


def test_default_evidence_is_complete_and_names_the_spans() -> None:
    doc = parse_text(TEXT)
    settled = settle(_draft(None), doc, {(8, 11): "c7"})
    assert settled.verdict == Verdict.INCONSISTENT
    ev = settled.evidence
    assert ev is not None and ev.strength == EvidenceStrength.COMPLETE
    assert ev.basis == "parts against their total"
    assert [(f.role, f.text, f.claim_id) for f in ev.figures] == [("figure", TEXT[8:11], "c7"),
                                                                    ("figure", TEXT[18:21], None)]


def test_every_check_of_a_parsed_document_carries_evidence() -> None:
    doc = parse_text(TEXT)
    sums = [c for c in doc.checks if c.rule == "sum_of_parts"]
    assert sums and sums[0].verdict == Verdict.INCONSISTENT
    assert all(c.evidence is not None for c in doc.checks)
    first = sums[0].evidence
    assert first is not None and {f.text for f in first.figures} >= {"43所", "20所", "22所"}
    assert any(f.claim_id for f in first.figures)


def test_context_builds_evidence_from_figures() -> None:
    doc = parse_text(TEXT)
    ctx = Context(doc)
    whole, part = ctx.figures[0], ctx.figures[1]
    ev = ctx.evidence(EvidenceStrength.PARTIAL, "其中 group", [("whole", whole), ("part", part)], reason="r")
    assert [(f.role, f.text) for f in ev.figures] == [("whole", "43所"), ("part", "20所")]
    assert ev.figures[0].claim_id == whole.claim_ids[0]
