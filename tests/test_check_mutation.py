"""Mutation test: change one stated figure of each of the sample's 33 relations beyond its
rounding; the checker must flag that relation, and nothing else may turn inconsistent.

Each case parses the mutated text once; the cases are independent, so pytest-xdist can spread
them over workers (`-n 2`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import parse_text

from .conftest import SAMPLE

CASES = json.loads((Path(__file__).parent / "fixtures" / "check" / "sample_mutations.json").read_text("utf-8"))


def changed_region(text: str, old: str, new: str) -> tuple[int, int]:
    """[start, end) of the characters that differ, in the mutated text."""
    assert text.count(old) == 1, f"mutation anchor {old!r} is not unique"
    at = text.index(old)
    lo = next(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
    hi = max(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b) + 1
    return at + lo, at + hi


def test_sample_is_clean() -> None:
    doc = parse_text(SAMPLE.read_text("utf-8"), name=SAMPLE.name)
    assert [c.explanation for c in doc.checks if c.verdict == "inconsistent"] == []


@pytest.mark.parametrize(("relation", "old", "new"), CASES, ids=[c[0] for c in CASES])
def test_mutation_is_flagged(relation: str, old: str, new: str) -> None:
    text = SAMPLE.read_text("utf-8")
    lo, hi = changed_region(text, old, new)
    doc = parse_text(text.replace(old, new), name=SAMPLE.name)
    bad = [c for c in doc.checks if c.verdict == "inconsistent"]
    hits = [c for c in bad if any(s.start < hi and lo < s.end for s in c.spans)]
    assert hits, f"{relation}: {new!r} not flagged"
    stray = [c.explanation for c in bad if c not in hits]
    assert stray == [], f"{relation}: new false alarms elsewhere"


def test_mutation_cases_cover_every_relation() -> None:
    assert len({c[0] for c in CASES}) == 33
