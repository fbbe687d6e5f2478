"""Characters of a PDF page with PDFium (pypdfium2): text, box, font, size.

pdfplumber/pdfminer read CJK pages at 5–10 pages/s; PDFium's text page gives the same characters
at hundreds of pages/s. We call its C API directly (one call per attribute per character) and
convert boxes to the top-left origin that pdfplumber and our `Span.bbox` use.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Code, PdfError


@dataclass
class Char:
    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    generated: bool  # inserted by PDFium (a space or line break it inferred), not in the file
    line_y: float = 0.0  # centre of the loose (font ascent/descent) box: equal for a whole line


    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:  # of the tight glyph box
        return (self.top + self.bottom) / 2


@dataclass
class PageChars_:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    rules: int  # thin path objects (ruling lines) on the page: a hint that it has a table


def open_pdf(path: Path) -> Any:
    """Open with PDFium; map its failures to catalogue codes."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise PdfError(Code.PDF_ENCRYPTED, "a user password is needed to open it", path=str(path)) from None
        raise PdfError(Code.PDF_CORRUPT, msg, path=str(path)) from None


def _font_name(raw: Any, index: int, buf: Any, flags: Any) -> str:
    import pypdfium2.raw as R

    R.FPDFText_GetFontInfo(raw, index, buf, len(buf), flags)
    name = buf.value.decode("utf-8", "replace")
    return name.split("+", 1)[1] if "+" in name[:7] else name  # drop the subset tag ABCDEF+


def _count_rules(page: Any) -> int:
    """Thin horizontal or vertical path objects: table borders."""
    import pypdfium2.raw as R

    n = 0
    for obj in page.get_objects(filter=[R.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if (w > 8 and h < 2.5) or (h > 8 and w < 2.5) or (w > 8 and h > 8 and obj_is_stroke_rect(obj)):
            n += 1
    return n


def obj_is_stroke_rect(obj: Any) -> bool:
    """A stroked rectangle (cell borders drawn as boxes) counts as ruling."""
    import pypdfium2.raw as R

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not R.FPDFPath_GetDrawMode(obj.raw, fill, ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and not fill.value


def page_chars(doc: Any, index: int) -> PageChars_:
    """All characters of page `index` (0-based) in PDFium's stream order."""
    import pypdfium2.raw as R

    page = doc[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    raw = textpage.raw
    n = R.FPDFText_CountChars(raw)
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    buf, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    loose = R.FS_RECTF()
    chars: list[Char] = []
    for i in range(n):
        code = R.FPDFText_GetUnicode(raw, i)
        generated = bool(R.FPDFText_IsGenerated(raw, i))
        if generated and code in (10, 13):
            continue
        R.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
        size = R.FPDFText_GetFontSize(raw, i)
        font = _font_name(raw, i, buf, flags)
        R.FPDFText_GetLooseCharBox(raw, i, loose)
        ch = chr(code) if code else "\ufffd"
        line_y = height - (loose.top + loose.bottom) / 2
        chars.append(Char(ch, left.value, height - top.value, right.value, height - bottom.value, size, font, generated, line_y))
    rules = _count_rules(page)
    textpage.close()
    page.close()
    return PageChars_(index + 1, width, height, chars, rules)
