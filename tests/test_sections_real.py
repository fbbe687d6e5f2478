"""Heading trees of real gazette documents the grammar was not written from.

Each fixtures/sections/real/<stem>.json is the outline a careful reader sees ([level, marker,
number, title] per heading, in order) of the excerpt of the same stem under fixtures/sections/real/
or fixtures/tables/real/ (sources and commits in the README.md beside each).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import parse_file

FIX = Path(__file__).parent / "fixtures"
OUTLINES = sorted((FIX / "sections" / "real").glob("*.json"))


def _source(outline: Path) -> Path:
    for folder in (FIX / "sections" / "real", FIX / "tables" / "real"):
        found = [p for p in folder.glob(f"{outline.stem}.*") if p.suffix != ".json"]
        if found:
            return found[0]
    raise FileNotFoundError(outline.stem)


def test_there_are_real_outlines() -> None:
    assert len(OUTLINES) >= 3


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.stem)
def test_real_heading_tree(outline: Path) -> None:
    want = [tuple(x) for x in json.loads(outline.read_text(encoding="utf-8"))]
    doc = parse_file(_source(outline), until="sections")
    assert [(s.level, s.marker, s.number, s.title) for s in doc.sections] == want
    by_id = {s.id: s for s in doc.sections}
    for s in doc.sections:  # a child sits one level under its parent
        assert s.level == (by_id[s.parent_id].level + 1 if s.parent_id else 1)
