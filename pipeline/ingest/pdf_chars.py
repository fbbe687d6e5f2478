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


@dataclass(slots=True)
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
    edges: list[dict[str, Any]]  # ruling lines (table borders) in pdfplumber's edge shape


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


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict[str, Any]:
    """An edge in the shape pdfplumber's table finder takes."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def _path_objects(container: Any, count: Any, get: Any, depth: int = 0) -> list[Any]:
    """Path objects of a page or form XObject, by raw handle (wrapping every object is slow)."""
    import pypdfium2.raw as R

    out = []
    for i in range(count(container)):
        obj = get(container, i)
        kind = R.FPDFPageObj_GetType(obj)
        if kind == R.FPDF_PAGEOBJ_PATH:
            out.append(obj)
        elif kind == R.FPDF_PAGEOBJ_FORM and depth < 2:
            out += _path_objects(obj, R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, depth + 1)
    return out


def ruling_edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Thin horizontal and vertical path objects, and stroked rectangles, as table edges."""
    import pypdfium2.raw as R

    edges = []
    lft, btm, rgt, tp = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj in _path_objects(page.raw, R.FPDFPage_CountObjects, R.FPDFPage_GetObject):
        R.FPDFPageObj_GetBounds(obj, lft, btm, rgt, tp)
        left, right = lft.value, rgt.value
        y0, y1 = height - tp.value, height - btm.value
        w, h = right - left, y1 - y0
        if w > 3 and h < 2.5:
            edges.append(_edge(left, (y0 + y1) / 2, right, (y0 + y1) / 2, "h"))
        elif h > 3 and w < 2.5:
            edges.append(_edge((left + right) / 2, y0, (left + right) / 2, y1, "v"))
        elif w > 8 and h > 8 and _stroked(obj):
            edges += [_edge(left, y0, right, y0, "h"), _edge(left, y1, right, y1, "h")]
            edges += [_edge(left, y0, left, y1, "v"), _edge(right, y0, right, y1, "v")]
    return edges


def _stroked(obj: Any) -> bool:
    """A stroked, unfilled rectangle (cell borders drawn as boxes)."""
    import pypdfium2.raw as R

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not R.FPDFPath_GetDrawMode(obj, fill, ctypes.byref(stroke)):
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
    get_unicode, is_generated, get_box = R.FPDFText_GetUnicode, R.FPDFText_IsGenerated, R.FPDFText_GetCharBox
    get_loose, get_object = R.FPDFText_GetLooseCharBox, R.FPDFText_GetTextObject
    last_obj: int | None = -1
    size, font = 0.0, ""
    for i in range(n):
        code = get_unicode(raw, i)
        generated = bool(is_generated(raw, i))
        if generated and code in (10, 13):
            continue
        get_box(raw, i, left, right, bottom, top)
        obj = ctypes.cast(get_object(raw, i), ctypes.c_void_p).value
        if obj != last_obj or obj is None:  # font and size belong to the text object
            size = R.FPDFText_GetFontSize(raw, i)
            font = _font_name(raw, i, buf, flags)
            last_obj = obj
        get_loose(raw, i, loose)
        ch = chr(code) if code else "\ufffd"
        line_y = height - (loose.top + loose.bottom) / 2
        chars.append(Char(ch, left.value, height - top.value, right.value, height - bottom.value, size, font, generated, line_y))
    edges = ruling_edges(page, height)
    textpage.close()
    page.close()
    return PageChars_(index + 1, width, height, chars, edges)
