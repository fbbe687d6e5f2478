"""Metadata of real Shanghai documents the header rules were not written from.

tests/fixtures/metadata/real/<stem>.json gives the six fields a reader of <stem>.md would note
(null where the document gives none); sources and commits in the README.md beside them. A value
read from one line has a span that holds it; a title wrapped over two lines spans both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from pipeline import parse_file
from pipeline.model import Document

DIR = Path(__file__).parent / "fixtures" / "metadata" / "real"
CASES = sorted(DIR.glob("*.json"))
FIELDS = ("notice_title", "title", "doc_number", "issuer", "date", "recipients")


def _value(doc: Document, field: str) -> object:
    got = getattr(doc.metadata, field)
    return got.raw if field == "doc_number" and got is not None else got


def test_there_are_real_headers() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_real_metadata(case: Path) -> None:
    expected = json.loads(case.read_text("utf-8"))
    assert set(expected) == set(FIELDS)
    doc = parse_file(case.with_suffix(".md"), until="metadata")
    assert {f: _value(doc, f) for f in FIELDS} == expected
    for field in ("notice_title", "title", "issuer", "recipients"):
        value = expected[field]
        if value is None:
            assert field not in doc.metadata.spans
            continue
        sp = doc.metadata.spans[field]
        printed = doc.text[sp.start : sp.end]
        assert printed == value or regex.sub(r"\s", "", printed) == value
