"""Coverage of hand-listed relations on bulletin and work-report fixtures (tests/fixtures/check/).

Each `X.txt` has `X.json` beside it listing its relations as the gold does (`anchors`: unique
strings whose first number is a figure the relation uses, or a count word such as 四件大事) and
one `mutation` [old, new] that moves a figure beyond rounding. A relation whose verdict is
`not_checkable` (左右, 以上, different scopes: tests/fixtures/check/real/) must never come out
inconsistent, clean or mutated. Three figures are measured (tests/bench_check.py prints them):
coverage — relations a check covers with the right verdict on the clean text; caught — mutated
relations a check flags as inconsistent; false alarms — inconsistent checks on the clean text,
or on a mutated text away from the mutation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import regex

from pipeline import parse_text
from pipeline.model import Check, Document

FIXTURES = Path(__file__).parent / "fixtures" / "check"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Score:
    relations: int = 0
    covered: int = 0
    caught: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    not_checkable: int = 0  # annotated as not checkable: must stay quiet, clean and mutated

    def add(self, other: Score) -> None:
        self.relations += other.relations
        self.covered += other.covered
        self.caught += other.caught
        self.not_checkable += other.not_checkable
        self.false_alarms += other.false_alarms
        self.missed += other.missed


def _target(text: str, anchor: str) -> tuple[int, int]:
    assert text.count(anchor) == 1, f"anchor {anchor!r} is not unique"
    m = NUMBER.search(anchor)
    if m is None:  # a count word (四件大事): the anchor itself
        return text.index(anchor), text.index(anchor) + len(anchor)
    at = text.index(anchor) + m.start()
    return at, at + len(m.group())


def _spans(doc: Document, chk: Check) -> list[tuple[int, int]]:
    claims = {c.id: c.span for c in doc.claims}
    return [(s.start, s.end) for s in chk.spans] + [(claims[i].start, claims[i].end) for i in chk.claim_ids]


def covering(doc: Document, targets: list[tuple[int, int]]) -> list[Check]:
    """Checks whose figures meet at least min(2, n) of the relation's anchors."""
    need = min(2, len(targets))
    return [c for c in doc.checks
            if sum(any(a < e and s < b for s, e in _spans(doc, c)) for a, b in targets) >= need]


def score_case(stem: str, folder: Path = FIXTURES) -> Score:
    text = (folder / f"{stem}.txt").read_text("utf-8")
    rels = json.loads((folder / f"{stem}.json").read_text("utf-8"))["relations"]
    doc = parse_text(text, name=f"{stem}.txt")
    sc = Score()
    sc.false_alarms += [f"{stem}: {c.explanation}" for c in doc.checks if c.verdict == "inconsistent"]
    for rel in rels:
        targets = [_target(text, a) for a in rel["anchors"]]
        quiet = rel["verdict"] == "not_checkable"
        sc.not_checkable += quiet
        sc.relations += not quiet
        if not quiet and any(c.verdict == rel["verdict"] for c in covering(doc, targets)):
            sc.covered += 1
        elif not quiet:
            sc.missed.append(f"{stem}/{rel['id']} (clean)")
        old, new = rel["mutation"]
        assert text.count(old) == 1, f"mutation anchor {old!r} is not unique"
        at = text.index(old)
        lo, hi = at, at + len(new)
        bad = [c for c in parse_text(text.replace(old, new), name=f"{stem}.txt").checks
               if c.verdict == "inconsistent"]
        hits = [] if quiet else [c for c in bad if any(s.start < hi and lo < s.end for s in c.spans)]
        if hits:
            sc.caught += 1
        elif not quiet:
            sc.missed.append(f"{stem}/{rel['id']} (mutation not flagged)")
        sc.false_alarms += [f"{stem}/{rel['id']} mutated: {c.explanation}" for c in bad if c not in hits]
    return sc


@pytest.mark.parametrize("stem", CASES)
def test_fixture_relations(stem: str) -> None:
    sc = score_case(stem)
    assert sc.false_alarms == []
    assert sc.missed == []
    assert sc.covered == sc.caught == sc.relations > 0


def test_judged_claim_comes_first() -> None:
    """The report marks the claim of Check.stated: it must be the first claim id."""
    text = (FIXTURES / "bulletin_finance.txt").read_text("utf-8")
    doc = parse_text(text)
    claims = {c.id: c for c in doc.claims}
    judged = [c for c in doc.checks if c.kind == "check" and c.rule in ("share", "growth_yoy") and c.claim_ids]
    assert len(judged) >= 5
    for chk in judged:
        assert claims[chk.claim_ids[0]].value == chk.stated, chk.explanation
