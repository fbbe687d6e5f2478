"""Relations annotated by hand in excerpts of real documents (tests/fixtures/check/real/): a
national and a provincial work report and a district plan with its indicator table. Checkable
relations must be covered and their mutation caught, except the ones listed in KNOWN_MISSES
(with the reason); relations the official wording makes not checkable (左右, 以上, 超过, another
period or scope) must never come out inconsistent, clean or mutated."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_check_coverage import score_case

REAL = Path(__file__).parent / "fixtures" / "check" / "real"
CASES = sorted(p.stem for p in REAL.glob("*.txt"))
# an Arabic count before a list that misses it stays unverifiable (the list may name places,
# not the things counted: 格尔木、德令哈3座电站), so 3个→4个 is not caught
KNOWN_MISSES = {"workreport_zhejiang_2026/z1 (mutation not flagged)"}


@pytest.mark.parametrize("stem", CASES)
def test_real_relations(stem: str) -> None:
    sc = score_case(stem, REAL)
    assert sc.false_alarms == []
    assert [m for m in sc.missed if m not in KNOWN_MISSES] == []
    assert sc.relations > 0 and sc.not_checkable > 0
    assert sc.covered == sc.relations
