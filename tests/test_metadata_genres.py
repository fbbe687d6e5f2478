"""Metadata of the genres the acceptance corpus holds: bulletin bylines, regulation promulgation
notes, notices with 抄送/印发 版记, signatures before attachments, dates in Chinese numerals.

tests/fixtures/metadata/<name>.json gives the expected value of each field it names (a doc number
by its raw text); "source" points at a fixture elsewhere. Every value read has a span that fits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.model import Document

from .sections_support import FIXTURES, structure

DIR = FIXTURES / "metadata"
CASES = sorted(p for p in DIR.glob("*.json"))


def _value(doc: Document, field: str) -> object:
    got = getattr(doc.metadata, field)
    return got.raw if field == "doc_number" and got is not None else got


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_genre_metadata(case: Path) -> None:
    expected = json.loads(case.read_text("utf-8"))
    source = DIR / expected.pop("source", case.with_suffix(".txt").name)
    doc = structure(source.read_text("utf-8"))
    assert {f: _value(doc, f) for f in expected} == expected
    for field, value in expected.items():
        if isinstance(value, str) and field not in ("date", "print_date", "recipients_list"):
            sp = doc.metadata.spans[field]
            assert doc.text[sp.start : sp.end] == value


def test_printed_date_is_not_the_written_date() -> None:
    doc = structure((DIR / "notice_printed_only.txt").read_text("utf-8"))
    sp = doc.metadata.spans["print_date"]
    assert doc.text[sp.start : sp.end] == "2025年5月6日"
    assert doc.metadata.date is None and "date" not in doc.metadata.spans
