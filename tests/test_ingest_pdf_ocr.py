"""Pages without a usable text layer: detected from the page's glyphs, OCR'd with `gazette-gov[ocr]`.

scanned.pdf is a page image only; no-tounicode.pdf is a page with a text layer, then the same
page with its fonts' Unicode maps disabled (make_ocr_pdfs.py). Without the extra (simulated by
patching `ocr_available`) the first is refused with E101 and the second keeps page 1 with W104;
with the extra both give the page's text with OCR boxes.
"""

from __future__ import annotations

import difflib
import unicodedata
from pathlib import Path

import pytest

import pipeline.ingest.pdf as pdf_ingest
from pipeline.errors import Code, PdfError
from pipeline.ingest import read_path
from pipeline.ingest.ocr import install_hint, line_chars, ocr_available
from pipeline.ingest.pdf_chars import Char, PageChars_
from pipeline.ingest.pdf_quality import LayerStats

FORMATS = Path(__file__).parent / "fixtures" / "formats"
needs_ocr = pytest.mark.skipif(not ocr_available(), reason=f"OCR is not available here: {install_hint()}")


def _page_text(name: str) -> str:
    """footnote.pdf's own text layer: what the OCR'd renditions of its page must give back."""
    return "".join(read_path(FORMATS / name).text.split())


def _matched_share(expected: str, got: str) -> float:
    a, b = unicodedata.normalize("NFKC", expected), unicodedata.normalize("NFKC", "".join(got.split()))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def _page(text: str, glyphs: int | None = None, unmapped: int = 0) -> PageChars_:
    chars = [Char(1, 0, 0, 1, 1, ch) for ch in text]
    return PageChars_(1, 595, 842, chars, [], len(chars) if glyphs is None else glyphs, unmapped)


def test_layer_verdict_from_glyph_statistics() -> None:
    assert not LayerStats.of(_page("到2025年,争取形成10个创新经济产业集群。")).unusable
    assert not LayerStats.of(_page("Annex 1: list of projects (2025)")).unusable  # Latin text is text
    assert not LayerStats.of(_page("- 3 -")).unusable  # too few glyphs to judge
    # codes handed back for glyphs: controls and ASCII, PDFium's mapping-error flag on most
    assert LayerStats.of(_page("\x01\x04\x05\x06\x07 !\"#$%&'()*", unmapped=10)).unusable
    assert LayerStats.of(_page("\ue601\ue602\ue603\ue604\ue605\ue606增长6.5%")).unusable
    # a glyph code read as a character lands in random scripts, rarely in CJK
    assert LayerStats.of(_page("ȁɂʃ˄̅ͅΆЇшщъыьэюя")).unusable
    # a few private-use icons on a page of text stay W101's business
    assert not LayerStats.of(_page("图标\ue601\ue602后的正文,工业增加值增长6.5%,人均收入增长5%。")).unusable


def test_line_box_is_shared_out_by_character_width() -> None:
    chars = line_chars(3, [[100, 200], [300, 200], [300, 240], [100, 240]], "年 25", scale=2.0)
    assert [c.ch for c in chars] == ["年", "2", "5"]
    assert [(c.x0, c.x1) for c in chars] == [(50.0, 90.0), (110.0, 130.0), (130.0, 150.0)]
    assert {(c.page, c.top, c.bottom) for c in chars} == {(3, 100.0, 120.0)}


def test_scanned_pdf_without_the_extra_is_refused_with_the_way_to_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_ingest, "ocr_available", lambda: False)
    with pytest.raises(PdfError) as err:
        read_path(FORMATS / "scanned.pdf")
    assert err.value.code is Code.PDF_NO_TEXT
    assert "pip install 'gazette-gov[ocr]'" in err.value.one_line()


def test_unusable_text_layer_is_left_out_with_w104(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_ingest, "ocr_available", lambda: False)
    raw = read_path(FORMATS / "no-tounicode.pdf")
    assert [w.code for w in raw.warnings] == ["W104"]
    assert "pages [2]" in raw.warnings[0].message and "gazette-gov[ocr]" in raw.warnings[0].message
    assert "".join(raw.text.split()) == _page_text("footnote.pdf")  # page 1 only, no control-character garbage
    assert raw.source.engine == "pdfium"
    assert raw.pages is not None and raw.pages[1].start == raw.pages[1].end


@needs_ocr
def test_scanned_page_is_read_by_ocr_with_boxes() -> None:
    raw = read_path(FORMATS / "scanned.pdf")
    assert raw.source.engine == "pdfium+ocr"
    assert [w.code for w in raw.warnings] == ["W105"]
    assert _matched_share(_page_text("footnote.pdf"), raw.text) >= 0.95
    assert raw.boxes is not None
    boxes = [b for ch, b in zip(raw.text, raw.boxes, strict=True) if not ch.isspace()]
    assert all(b is not None and b.page == 1 and 0 <= b.x0 < b.x1 <= 612 and 0 <= b.top < b.bottom <= 792 for b in boxes)
    title = raw.text.index("关于印发")
    first = raw.boxes[title]
    assert first is not None and 80 < first.x0 < 110 and 60 < first.top < 90  # where footnote.pdf draws it


@needs_ocr
def test_unusable_page_is_read_by_ocr() -> None:
    from pipeline import parse_file

    doc = parse_file(FORMATS / "no-tounicode.pdf")
    assert doc.source.engine == "pdfium+ocr"
    assert [w.code for w in doc.warnings] == ["W105"] and "[2]" in doc.warnings[0].message
    assert doc.provenance is not None
    second = doc.text[doc.provenance[1].start : doc.provenance[1].end]
    assert _matched_share(_page_text("footnote.pdf"), second) >= 0.95


def test_batch_index_marks_a_document_with_pages_left_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pipeline.batch.work import Status, Task, convert_one

    monkeypatch.setattr(pdf_ingest, "ocr_available", lambda: False)
    outcome = convert_one(Task(input=str(FORMATS / "no-tounicode.pdf"), output=str(tmp_path / "n.json")))
    assert outcome.status is Status.OK and outcome.code == "W104"
    assert outcome.message is not None and "gazette-gov[ocr]" in outcome.message
    assert convert_one(Task(input=str(FORMATS / "footnote.pdf"), output=str(tmp_path / "f.json"))).code is None


def test_resume_fingerprint_names_the_extraction_path(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest.ocr as ocr
    from pipeline.batch.index import code_fingerprint

    fingerprints = set()
    for available in (True, False):
        monkeypatch.setattr(ocr, "ocr_installed", lambda available=available: available)
        code_fingerprint.cache_clear()
        fingerprints.add(code_fingerprint())
    code_fingerprint.cache_clear()
    assert len(fingerprints) == 2


def test_blank_page_is_not_sent_to_ocr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(FORMATS / "footnote.pdf"))
    doc.new_page(612, 792)  # a blank page after the text: no glyphs, no image
    doc.save(str(tmp_path / "blank.pdf"))
    monkeypatch.setattr(pdf_ingest, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf_ingest, "ocr_page", lambda *_: pytest.fail("a blank page went to OCR"))
    raw = read_path(tmp_path / "blank.pdf")
    assert raw.warnings == [] and raw.source.engine == "pdfium" and raw.source.pages == 2
    assert "".join(raw.text.split()) == _page_text("footnote.pdf")


def test_an_extra_that_does_not_load_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest.ocr as ocr

    monkeypatch.setattr(ocr, "_load_problem", lambda: "libGL.so.1: cannot open shared object file")
    assert not ocr.ocr_available()
    assert "libGL.so.1" in ocr.install_hint() and "libgl1" in ocr.install_hint()
    monkeypatch.setattr(ocr, "_load_problem", lambda: "not installed")
    assert ocr.install_hint() == ocr.INSTALL_HINT
