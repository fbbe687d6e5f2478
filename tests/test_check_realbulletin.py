"""Relations annotated by hand in excerpts of real statistical releases (national monthly
release, national and topic bulletins, two city bulletins; tests/fixtures/check/realbulletin/).
They pin the traps of real bulletins: a 其中 list of amounts that leaves out a group, a share
whose whole is stated for another period, a breakdown on the line after its total, the trade
balance, a share after a change amount."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import parse_text

from .test_check_coverage import score_case

REAL = Path(__file__).parent / "fixtures" / "check" / "realbulletin"
CASES = sorted(p.stem for p in REAL.glob("*.txt"))


@pytest.mark.parametrize("stem", CASES)
def test_realbulletin_relations(stem: str) -> None:
    sc = score_case(stem, REAL)
    assert sc.false_alarms == []
    assert sc.missed == []
    assert sc.covered == sc.caught == sc.relations > 0


def test_partial_qizhong_list_is_unverifiable_with_reason() -> None:
    doc = parse_text((REAL / "nbs_release_2017_04.txt").read_text("utf-8"))
    (chk,) = [c for c in doc.checks if c.rule == "sum_of_parts" and c.stated == 144327.0
              and "51476" in c.explanation]
    assert chk.verdict == "unverifiable"
    assert "only some of the parts" in chk.explanation


def test_share_whole_of_another_period_is_not_used() -> None:
    doc = parse_text((REAL / "nbs_release_2017_04.txt").read_text("utf-8"))
    assert [c.explanation for c in doc.checks if c.rule == "share"] == []


def test_trade_balance_names_its_arithmetic() -> None:
    doc = parse_text((REAL / "nbs_bulletin_2024.txt").read_text("utf-8"))
    (chk,) = [c for c in doc.checks if c.rule == "rate_difference"]
    assert chk.verdict == "consistent"
    assert chk.explanation.startswith("顺差: 254545亿元 − 183923亿元 = 70622.0亿元")
