"""PDF ingest (issue #6): text with a page and box per character, paragraphs re-joined, ruled tables.

PDFium (pypdfium2) reads the characters and ruling lines of every page; pdfplumber's table finder
turns the ruling lines into grids (see pdf_tables), so pdfminer never parses a page. Bad files fail with a catalogue code, never a traceback:
no (usable) text layer → E101, user password → E102, damaged beyond repair → E103. A file
whose cross-reference table is broken (pdfminer says "No /Root object!") is read by PDFium, which
rebuilds it; W102 says so and `source.engine` names the path. A page whose text layer is missing or
unusable (pdf_quality: fonts without a Unicode mapping) is OCR'd with the extra `gazette-gov[ocr]`
(W105, engine `pdfium+ocr`); without it the page's text is left out with W104 or W103, which say
how to get the extra. A few unmapped glyphs on a usable page give W101 with their share (Kangxi
radicals are folded 1:1 by normalize, so they are not counted).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import Code, PdfError
from ..model import PageChars, SourceFormat, Warning_
from .base import CharBox, RawDocument
from .emit import TextBuilder, make_source
from .ocr import has_image, install_hint, ocr_available, ocr_page
from .pdf_chars import PageChars_, open_pdf, page_chars
from .pdf_lines import Layout, Line, continues, drop_running, group_lines, heading_level, join_line_run
from .pdf_quality import LayerStats
from .pdf_tables import FoundTable, find_tables, inside_any, join_page_tables

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.DOTALL)
_XREF_AT = re.compile(rb"\s*(?:xref|\d+\s+\d+\s+obj)")
_CID = re.compile(r"\(cid:\d+\)")


def xref_intact(data: bytes) -> bool:
    """Does the last `startxref` point at an xref table or stream? (pdfminer needs it to.)"""
    found = list(_STARTXREF.finditer(data[-4096:]))
    if not found:
        return False
    offset = int(found[-1].group(1))
    return _XREF_AT.match(data, offset) is not None


def _unreadable_share(text: str) -> float:
    bad = text.count("\ufffd") + sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff") + 7 * len(_CID.findall(text))
    letters = sum(1 for ch in text if not ch.isspace())
    return bad / letters if letters else 0.0


def _read_pages(doc: Any, path: Path) -> list[PageChars_]:
    import pypdfium2 as pdfium

    try:
        return [page_chars(doc, i) for i in range(len(doc))]
    except pdfium.PdfiumError as exc:
        raise PdfError(Code.PDF_CORRUPT, str(exc), path=str(path)) from None


def _emit(pages: list[PageChars_], lines: list[list[Line]], tables: list[list[FoundTable]]) -> TextBuilder:
    """Paragraphs and tables in reading order; a paragraph may run across a page break."""
    body = [ln for page_lines in lines for ln in page_lines]
    lay = Layout.measure(body, pages[0].width if pages else 595.0)
    out = TextBuilder(with_boxes=True)
    run: list[Line] = []

    def flush() -> None:
        if run:
            text, boxes = join_line_run(run)
            out.line(text, boxes, heading=heading_level(run[0], lay))
            run.clear()

    last_line = ""
    for page_lines, page_tables in zip(lines, tables, strict=True):
        items: list[tuple[float, Line | FoundTable]] = [(ln.top, ln) for ln in page_lines]
        items += [(t.bbox[1], t) for t in page_tables]
        for _, item in sorted(items, key=lambda it: it[0]):
            if isinstance(item, FoundTable):
                flush()
                title = last_line if 0 < len(last_line) <= 40 and not last_line.endswith("。") else None
                out.grid(item.slots, title=title, layout="pdf_grid")
                continue
            if run and not continues(run[-1], item, lay):
                flush()
            run.append(item)
            last_line = item.text
    flush()
    return out


def _page_ranges(boxes: list[CharBox | None], pages: list[PageChars_]) -> list[PageChars]:
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, b in enumerate(boxes):
        if b is not None:
            first.setdefault(b.page, i)
            last[b.page] = i + 1
    return [
        PageChars(page=p.number, start=first.get(p.number, 0), end=last.get(p.number, 0), width=round(p.width, 2), height=round(p.height, 2))
        for p in pages
    ]


def _usable_pages(doc: Any, pages: list[PageChars_], path: Path) -> tuple[list[PageChars_], list[Warning_], bool]:
    """Pages whose text layer is missing or unusable (pdf_quality) are OCR'd when the extra is
    installed; without it an unusable layer is dropped (its text would depend on the machine) and
    the warning says how to read it. Returns the pages, the warnings and whether OCR ran."""
    stats = [LayerStats.of(p) for p in pages]
    empty = [p.number for p, st in zip(pages, stats, strict=True) if st.glyphs == 0 and has_image(doc, p.number - 1)]
    unusable = [(p.number, st) for p, st in zip(pages, stats, strict=True) if st.unusable]
    warnings: list[Warning_] = []
    if (empty or unusable) and ocr_available():
        redo = sorted(empty + [n for n, _ in unusable])
        pages = [ocr_page(doc, p.number - 1) if p.number in redo else p for p in pages]
        warnings.append(Warning_(code=Code.PDF_PAGES_OCR.value, message=f"pages read by OCR: {redo}"))
        return pages, warnings, True
    if not any(st.glyphs for st in stats):
        raise PdfError(Code.PDF_NO_TEXT, f"{len(pages)} page(s), no characters; {install_hint()}", path=str(path))
    if unusable:
        dropped = {n for n, _ in unusable}
        pages = [PageChars_(p.number, p.width, p.height, [], p.edges) if p.number in dropped else p for p in pages]
        detail = "; ".join(f"page {n}: {st.describe()}" for n, st in unusable[:5]) + ("; …" if len(unusable) > 5 else "")
        warnings.append(
            Warning_(
                code=Code.PDF_TEXT_LAYER_UNUSABLE.value,
                message=f"text layer without a Unicode mapping on pages {sorted(dropped)}, left out ({detail}); {install_hint()}",
            )
        )
        if not any(p.chars for p in pages):
            raise PdfError(Code.PDF_NO_TEXT, f"no usable text layer on any of {len(pages)} page(s); {install_hint()}", path=str(path))
    if empty:
        warnings.append(Warning_(code=Code.PDF_PAGES_WITHOUT_TEXT.value, message=f"pages that are images without text: {empty}; {install_hint()}"))
    return pages, warnings, False


def read_pdf(path: Path) -> RawDocument:
    data = path.read_bytes()
    doc = open_pdf(path)
    engine = "pdfium"
    try:
        limits.check_pages(len(doc), str(path))
        pages = _read_pages(doc, path)
        pages, warnings, ocr = _usable_pages(doc, pages, path)
        if ocr:
            engine = "pdfium+ocr"
        if not any(p.chars for p in pages):
            raise PdfError(Code.PDF_NO_TEXT, f"{len(pages)} page(s), no characters (OCR found none either)", path=str(path))
        if not xref_intact(data):
            engine += " (cross-reference table rebuilt)"
            warnings.append(
                Warning_(
                    code=Code.PDF_FALLBACK_ENGINE.value,
                    message="damaged cross-reference table: pdfminer/pdfplumber refuse the file; PDFium rebuilt it and read every page",
                )
            )
        found = [find_tables(p.number, p.edges, p.chars) for p in pages]
        if any(found):
            engine += " + pdfplumber table finder"
    finally:
        doc.close()
    lines = [group_lines(p.number, [c for c in p.chars if not inside_any(c, t)] if t else p.chars) for p, t in zip(pages, found, strict=True)]
    lines = drop_running(pages, lines)
    tables_last = [bool(t) and all(ln.top < t[-1].bbox[3] for ln in ls) for ls, t in zip(lines, found, strict=True)]
    tables_first = [bool(t) and all(ln.top > t[0].bbox[1] for ln in ls) for ls, t in zip(lines, found, strict=True)]
    join_page_tables(found, tables_last, tables_first)
    out = _emit(pages, lines, found)
    text = out.text
    share = _unreadable_share(text)
    if share > 0:
        warnings.append(Warning_(code=Code.PDF_UNMAPPED_GLYPHS.value, message=f"{share:.1%} of the characters are unreadable"))
    assert out.boxes is not None
    source = make_source(data, str(path), SourceFormat.PDF, engine, pages=len(pages))
    return RawDocument(
        text=text,
        source=source,
        warnings=warnings,
        boxes=out.boxes,
        pages=_page_ranges(out.boxes, pages),
        tables=out.tables,
        heading_hints=out.heading_hints,
    )
