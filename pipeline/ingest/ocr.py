"""OCR of PDF pages (the optional extra `gazette-gov[ocr]`): a PDFium rendering read by RapidOCR.

rapidocr-onnxruntime ships its PP-OCR detection and recognition models inside the wheel, so
nothing is downloaded at run time. Each recognised line becomes characters with boxes in PDF
points (top-left origin), the same `Char` the text layer gives, so line grouping, headings and
provenance work unchanged. A line's box is shared out over its characters by width (a CJK
character counts twice a Latin one): deterministic and good enough to point at the page.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from importlib import metadata
from typing import Any

from .pdf_chars import Char, PageChars_, ruling_edges

PACKAGE = "rapidocr-onnxruntime"
INSTALL_HINT = "install the OCR extra to read them: pip install 'gazette-gov[ocr]'"
SCALE = 2.0  # 144 dpi: body text of 10–16 pt is 20–32 px high, what PP-OCR reads best
OCR_FONT = "ocr"


def ocr_installed() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def _load_problem() -> str | None:
    """Why OCR cannot run here, or None. Imported only when a page needs it (onnxruntime and
    OpenCV take a second or two); OpenCV needs the system's libGL, which slim images lack."""
    if not ocr_installed():
        return "not installed"
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except (ImportError, OSError) as exc:
        return str(exc)[:160]
    return None


def ocr_available() -> bool:
    return _load_problem() is None


def install_hint() -> str:
    """What the warning tells a user whose pages could not be OCR'd."""
    problem = _load_problem()
    if problem in (None, "not installed"):
        return INSTALL_HINT
    return f"the OCR extra is installed but does not load ({problem}): on Debian `apt-get install libgl1 libglib2.0-0`"


def extraction_path() -> str:
    """What reads PDF pages here: part of the batch fingerprint, so that resume redoes output
    made with OCR when it is no longer available, or without it when it now is (whether the
    extra is installed, not whether it loads: the fingerprint stays cheap)."""
    if not ocr_installed():
        return "pdfium"
    try:
        return f"pdfium+ocr ({PACKAGE} {metadata.version(PACKAGE)})"
    except metadata.PackageNotFoundError:
        return "pdfium+ocr"


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    # one thread: a batch runs one worker process per core, and onnxruntime's default (a thread per
    # core in every worker) only oversubscribes them; measured no slower for a page on 2 busy cores
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def _weight(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def line_chars(number: int, quad: list[list[float]], text: str, scale: float = SCALE) -> list[Char]:
    """The characters of one recognised line, its box (pixels) shared out by character width."""
    xs, ys = [pt[0] / scale for pt in quad], [pt[1] / scale for pt in quad]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    total = sum(_weight(ch) for ch in text) or 1.0
    step = (x1 - x0) / total
    size, middle = (bottom - top) * 0.85, (top + bottom) / 2
    out, x = [], x0
    for ch in text:
        right = x + step * _weight(ch)
        if not ch.isspace():
            out.append(Char(number, round(x, 2), round(top, 2), round(right, 2), round(bottom, 2), ch, round(size, 1), OCR_FONT, middle))
        x = right
    return out


def has_image(doc: Any, index: int) -> bool:
    """Does page `index` draw an image? A page with neither glyphs nor images is blank: nothing to OCR."""
    import pypdfium2.raw as R

    page = doc[index]
    try:
        return next(iter(page.get_objects(filter=[R.FPDF_PAGEOBJ_IMAGE], max_depth=3)), None) is not None
    finally:
        page.close()


def ocr_page(doc: Any, index: int) -> PageChars_:
    """Page `index` (0-based) rendered by PDFium and read by OCR; ruling lines from the PDF."""
    page = doc[index]
    width, height = page.get_size()
    image = page.render(scale=SCALE, grayscale=False).to_numpy()
    result, _ = _engine()(image)
    chars: list[Char] = []
    for quad, text, _score in result or []:
        chars += line_chars(index + 1, quad, text)
    edges = ruling_edges(page, height)
    page.close()
    return PageChars_(index + 1, width, height, chars, edges, len(chars), 0)
