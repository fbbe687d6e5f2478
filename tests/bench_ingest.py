"""PDF speed against a pdfplumber-only pipeline on the same pages, in interleaved pairs.

The PDF: the dev-set texts converted by LibreOffice (`libreoffice --headless --convert-to pdf`) until
it has at least MIN_PAGES pages, cached outside git (tests/benchkit.CACHE). Without LibreOffice the
bench says so and falls back to the sample PDF fixture repeated to MIN_PAGES pages with pypdfium2.

- ingest: our reader (PDFium text and boxes of every character, line joining, tables on ruled
  pages) vs pdfplumber's `extract_text` of every page.
- whole run: `parse_file` + the JSON export vs pdfplumber `extract_text` + `parse_text` + the same
  export. The baseline runs no table finder (it would have to use its result to be fair), so it
  does less than ours: the ratio is a lower bound. Target ≥ 8×.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from .benchkit import CACHE, FIXTURES, load, paired, spread

MIN_PAGES = 100
PAIRS = 3
FALLBACK = FIXTURES / "formats" / "qingpu.pdf"


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def libreoffice_pdf() -> Path | None:
    """The dev texts as one LibreOffice PDF of >= MIN_PAGES pages (built once, cached)."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "dev").glob("*.txt"))]
    body = "\n\n".join(texts)
    key = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    out = CACHE / f"dev-libreoffice-{key}.pdf"
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        src = Path(tmp) / f"dev-libreoffice-{key}.txt"
        copies = 1
        while True:
            src.write_text("\n\n".join([body] * copies), encoding="utf-8")
            subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=600)
            built = src.with_suffix(".pdf")
            if _pages(built) >= MIN_PAGES:
                break
            copies += 1
        shutil.move(str(built), out)
    return out


def fallback_pdf(dest: Path) -> Path:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(FALLBACK))
    big = pdfium.PdfDocument.new()
    while len(big) < MIN_PAGES:
        big.import_pages(src)
    big.save(str(dest))
    return dest


def plumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def compare(pdf: Path) -> None:
    from pipeline import parse_file, parse_text
    from pipeline.export.json_out import document_json
    from pipeline.ingest import read_path

    pages = _pages(pdf)
    document_json(parse_file(FALLBACK))  # warm-up: imports, jieba, grammars
    ingest = paired(lambda: read_path(pdf), lambda: plumber_text(pdf), PAIRS)
    print(f"  ingest     ours {spread([pages / t for t in ingest.a], digits=0)} pages/s, pdfplumber "
          f"{spread([pages / t for t in ingest.b], digits=1)} pages/s; ratio per pair {spread(ingest.ratios, 'x', digits=1)}")
    whole = paired(lambda: document_json(parse_file(pdf)), lambda: document_json(parse_text(plumber_text(pdf))), PAIRS)
    print(f"  whole run  ours {spread([pages / t for t in whole.a], digits=1)} pages/s, pdfplumber-only "
          f"{spread([pages / t for t in whole.b], digits=1)} pages/s; ratio per pair "
          f"{spread(whole.ratios, 'x', digits=1)} (target >= 8x); {load()}")


def main() -> None:
    pdf = libreoffice_pdf()
    if pdf is not None:
        print(f"PDF: {pdf.name}, {_pages(pdf)} pages (LibreOffice, cached in {CACHE})")
        compare(pdf)
        return
    print("PDF: LibreOffice is not installed; skipping the LibreOffice PDF. Fallback: the sample PDF "
          f"repeated to {MIN_PAGES}+ pages with pypdfium2 (same pages on both sides)")
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        compare(fallback_pdf(Path(tmp) / "qingpu-repeated.pdf"))


if __name__ == "__main__":
    main()
