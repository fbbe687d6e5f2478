"""Indicator tables of real Shanghai plans the rules were not written from (issue #4 follow-up).

Each fixture under fixtures/tables/real/ is an excerpt of a real plan (front matter, the table
with its surrounding lines, the heading lines; see README.md there for source and commit) that
exposed a defect; expected/<stem>.json holds the rows a careful reader sees, in the format of
test_tables_accuracy.py. Every cell must come out right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import parse_file
from tests.test_tables_accuracy import score_document

REAL = Path(__file__).parent / "fixtures" / "tables" / "real"
CASES = sorted(p for p in REAL.iterdir() if p.is_file() and (REAL / "expected" / f"{p.stem}.json").exists())


def test_there_are_real_fixtures() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_real_table_cells(path: Path) -> None:
    expected = json.loads((REAL / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    doc = parse_file(path, until="tables")
    score = score_document(doc, expected, path.name)
    assert score.misses == []
    tables = [t for t in doc.tables if t.kind == "indicator"]
    assert [t.layout for t in tables] == [t["layout"] for t in expected["tables"]]
