"""Heading trees of the genres the acceptance corpus holds, one realistic excerpt per form.

Each fixture tests/fixtures/sections/<name>.(txt|md) has its exact expected outline beside it in
<name>.json as [level, marker, number, title] rows: precision and recall are both asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.model import Document

from .sections_support import FIXTURES, structure

GENRES = sorted(p for p in (FIXTURES / "sections").iterdir()
                if p.suffix in (".txt", ".md") and p.with_suffix(".json").exists())


def rows(doc: Document) -> list[list[object]]:
    return [[s.level, s.marker, s.number, s.title] for s in doc.sections]


@pytest.mark.parametrize("path", GENRES, ids=[p.stem for p in GENRES])
def test_genre_outline(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    assert rows(structure(path.read_text("utf-8"))) == expected
