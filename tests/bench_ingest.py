"""`make bench`: PDF ingest speed. Prints figures, asserts nothing.

- PDFium character extraction (text, box, font of every character) in pages/s on text pages;
  target >= 100 pages/s.
- The whole pipeline on a multi-page PDF (the sample fixture repeated, built on the fly with
  pypdfium2) against a pdfplumber-only baseline on the same file (pdfplumber text + table finder on
  every page, then the same stages on its text); target >= 5x faster.
Each figure is the best of RUNS runs (the machine is shared), the same count for both sides.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "qingpu.pdf"
REPEAT = 4
RUNS = 3


def make_big_pdf(dest: Path, repeat: int = REPEAT) -> int:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(FIXTURE))
    big = pdfium.PdfDocument.new()
    for _ in range(repeat):
        big.import_pages(src)
    big.save(str(dest))
    return len(big)


def _timed(fn: Callable[[], T], runs: int = RUNS) -> tuple[float, T]:
    """Best wall time of `runs` calls, and the last result."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def pdfium_chars(path: Path) -> int:
    from pipeline.ingest.pdf_chars import open_pdf, page_chars

    doc = open_pdf(path)
    n = sum(len(page_chars(doc, i).chars) for i in range(len(doc)))
    doc.close()
    return n


def pdfplumber_ingest(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        parts = []
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            page.find_tables()
    return "\n".join(parts)


def pdfplumber_baseline(path: Path) -> int:
    from pipeline import parse_text

    return len(parse_text(pdfplumber_ingest(path)).claims)


def main() -> None:
    from pipeline import parse_file

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "qingpu-x4.pdf"
        pages = make_big_pdf(big)
        parse_file(FIXTURE)  # warm-up: imports, jieba, grammars
        secs, n_chars = _timed(lambda: pdfium_chars(big))
        print(f"pdfium characters : {pages} pages, {n_chars} chars in {secs:.3f} s = {pages / secs:.0f} pages/s (target >= 100)")
        ours, doc = _timed(lambda: parse_file(big))
        print(f"pipeline (ours)   : {ours:.3f} s = {pages / ours:.0f} pages/s, {len(doc.claims)} claims, {len(doc.tables)} tables")
        base, claims = _timed(lambda: pdfplumber_baseline(big))
        print(f"pdfplumber-only   : {base:.3f} s = {pages / base:.1f} pages/s, {claims} claims")
        print(f"speed-up          : {base / ours:.1f}x (target >= 5x)")
        from pipeline.ingest import read_path

        ingest, _ = _timed(lambda: read_path(big))
        plumb, _ = _timed(lambda: pdfplumber_ingest(big))
        print(f"ingest only       : ours {ingest:.3f} s vs pdfplumber {plumb:.3f} s = {plumb / ingest:.1f}x")


if __name__ == "__main__":
    main()
