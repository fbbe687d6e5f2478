"""The PDF, DOCX and HTML renditions of the sample parse like the .txt (issue #6).

Each comparison covers whatever the stages fill; a stage that is not built yet gives empty lists on
both sides, and the test grows stronger as stages land. Fixtures: tests/fixtures/formats/
(regenerate with make_fixtures.py).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from pipeline import parse_file
from pipeline.model import Document

FORMATS = Path(__file__).parent / "fixtures" / "formats"
RENDITIONS = ["qingpu.pdf", "qingpu.docx", "qingpu-gbk.html"]


@cache
def _parsed(path: str) -> Document:
    return parse_file(path)


def _txt(sample_path: Path) -> Document:
    return _parsed(str(sample_path))


def metadata_of(doc: Document) -> dict[str, object]:
    m = doc.metadata
    return {
        "notice_title": m.notice_title,
        "title": m.title,
        "doc_number": m.doc_number.raw if m.doc_number else None,
        "index_number": m.index_number,
        "disclosure": m.disclosure,
        "issuer": m.issuer,
        "date": m.date,
        "recipients": m.recipients,
    }


def sections_of(doc: Document) -> list[tuple[int, str, str, str]]:
    return [(s.level, s.marker, s.number, s.title) for s in doc.sections]


def indicator_rows_of(doc: Document) -> list[tuple[object, ...]]:
    rows = []
    for table in doc.tables:
        if table.kind != "indicator":
            continue
        for r in table.rows:
            base = (r.base.value, r.base.year) if r.base else None
            target = (r.target.value, r.target.relation, r.target.kind) if r.target else None
            rows.append((r.seq, r.category, r.indicator, r.attribute, r.unit, base, target))
    return rows


def claims_of(doc: Document) -> Counter[tuple[float | None, str | None]]:
    return Counter((c.value, c.unit) for c in doc.claims)


def verdicts_of(doc: Document) -> Counter[tuple[str, str, object]]:
    return Counter((c.rule, str(c.verdict), c.stated) for c in doc.checks)


@pytest.mark.parametrize("name", RENDITIONS)
def test_same_metadata(name: str, sample_path: Path) -> None:
    assert metadata_of(_parsed(str(FORMATS / name))) == metadata_of(_txt(sample_path))


@pytest.mark.parametrize("name", RENDITIONS)
def test_same_sections(name: str, sample_path: Path) -> None:
    assert sections_of(_parsed(str(FORMATS / name))) == sections_of(_txt(sample_path))


@pytest.mark.parametrize("name", RENDITIONS)
def test_same_indicator_rows(name: str, sample_path: Path) -> None:
    assert indicator_rows_of(_parsed(str(FORMATS / name))) == indicator_rows_of(_txt(sample_path))


@pytest.mark.parametrize("name", RENDITIONS)
def test_same_claims(name: str, sample_path: Path) -> None:
    got, want = claims_of(_parsed(str(FORMATS / name))), claims_of(_txt(sample_path))
    assert (got - want, want - got) == (Counter(), Counter())


@pytest.mark.parametrize("name", RENDITIONS)
def test_same_check_verdicts(name: str, sample_path: Path) -> None:
    got, want = verdicts_of(_parsed(str(FORMATS / name))), verdicts_of(_txt(sample_path))
    assert (got - want, want - got) == (Counter(), Counter())


def test_every_pdf_span_has_a_box_on_its_page() -> None:
    doc = _parsed(str(FORMATS / "qingpu.pdf"))
    assert doc.provenance is not None
    size = {p.page: (p.width, p.height) for p in doc.provenance}
    spans = [c.span for c in doc.claims] + [s.span for s in doc.sections]
    spans += [cell.span for t in doc.tables for r in t.rows for cell in r.cells if cell.span is not None]
    assert spans
    for span in spans:
        assert span.page is not None and span.bbox is not None, span
        width, height = size[span.page]
        assert width is not None and height is not None
        x0, top, x1, bottom = span.bbox
        assert 0 <= x0 <= x1 <= width and 0 <= top <= bottom <= height, span


def test_pdf_claim_box_covers_its_characters() -> None:
    """The box of 829.92亿元 (top of page 2, the paragraph runs on from page 1) holds those characters."""
    import pdfplumber

    doc = _parsed(str(FORMATS / "qingpu.pdf"))
    claim = next(c for c in doc.claims if c.raw == "829.92亿元")
    assert claim.span.page == 2 and claim.span.bbox is not None
    with pdfplumber.open(FORMATS / "qingpu.pdf") as pdf:
        x0, top, x1, bottom = claim.span.bbox
        chars = pdf.pages[1].chars
        inside = [c["text"] for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    assert "".join(inside) == "829.92亿元"
