"""Characters of a PDF page with PDFium (pypdfium2): text, box, font, size.

pdfplumber/pdfminer read CJK pages at 5–10 pages/s; PDFium's text page gives the same characters
at hundreds of pages/s. We call its C API directly: the page text in one call, then per character
only its box and text object (font, size and loose box once per text object), and convert boxes
to the top-left origin that pdfplumber and our `Span.bbox` use.
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Code, PdfError
from .base import CharBox


@dataclass(slots=True)
class Char(CharBox):
    """A visible character: its box on the page (so the text stream can keep it as provenance
    without a copy), its text, and the font of its text object."""

    ch: str = ""
    size: float = 0.0
    font: str = ""
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
    glyphs: int = 0  # glyphs drawn as text, counted before whitespace is dropped
    unmapped: int = 0  # of them, glyphs whose font gave no Unicode (PDFium's mapping-error flag)


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


def _clean_font(raw: bytes) -> str:
    """The font's name without its subset tag; names written in GBK (仿宋_GB2312 as `#B7#C2#CB#CE_GB2312`
    in Word's PDFs from Chinese Windows) are decoded as such."""
    try:
        name = raw.decode("utf-8")
    except UnicodeDecodeError:
        name = raw.decode("gb18030", "replace")
    return name.split("+", 1)[1] if "+" in name[:7] else name  # drop the subset tag ABCDEF+


class _Style:
    """Font, size and loose box of the text object a character belongs to."""

    def __init__(self, api: _Api, tp: int, height: float) -> None:
        self.api, self.tp, self.height = api, tp, height
        self.buf, self.flags = ctypes.create_string_buffer(128), ctypes.c_int()
        self.flags_at = ctypes.addressof(self.flags)
        self.rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
        self.unpack = struct.Struct("4f").unpack_from
        self.names: dict[int | None, str] = {}  # by font handle: a page's objects keep their fonts alive

    def loose(self, k: int) -> tuple[float, float, float]:
        """Top, bottom and centre (top-left origin) of the font's ascent/descent box around character k."""
        self.api.loose(self.tp, k, self.rect)
        _, top, _, bottom = self.unpack(self.rect)
        h = self.height
        return h - top, h - bottom, h - (top + bottom) / 2

    def read(self, k: int, obj: int | None) -> tuple[float, str, float, float, float]:
        """Size, font name and loose box of character k, which starts text object `obj`."""
        api = self.api
        size = api.size(self.tp, k)
        handle = api.obj_font(obj) if obj is not None else None
        font = self.names.get(handle) if handle is not None else None
        if font is None:
            api.font(self.tp, k, self.buf, len(self.buf), self.flags_at)
            font = _clean_font(self.buf.value)
            if handle is not None:
                self.names[handle] = font
        return (size, font, *self.loose(k))


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


class _Api:
    """Private prototypes of the PDFium text calls that take and return plain integer pointers.

    pypdfium2's bindings type every handle as a struct pointer: each call then builds pointer
    objects and each returned handle needs a `ctypes.cast` to compare. The same C functions typed
    with c_void_p take the page handle and buffer addresses as ints, which is several times cheaper.
    """

    def __init__(self) -> None:
        import pypdfium2.raw as R

        def proto(name: str, restype: Any, *argtypes: Any) -> Any:
            address = ctypes.cast(getattr(R, name), ctypes.c_void_p).value or 0
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        vp, i = ctypes.c_void_p, ctypes.c_int
        self.count = proto("FPDFText_CountChars", i, vp)
        self.text = proto("FPDFText_GetText", i, vp, i, i, vp)
        self.unicode = proto("FPDFText_GetUnicode", ctypes.c_uint, vp, i)
        self.box = proto("FPDFText_GetCharBox", i, vp, i, vp, vp, vp, vp)
        self.loose = proto("FPDFText_GetLooseCharBox", i, vp, i, vp)
        self.obj = proto("FPDFText_GetTextObject", vp, vp, i)
        self.size = proto("FPDFText_GetFontSize", ctypes.c_double, vp, i)
        self.font = proto("FPDFText_GetFontInfo", ctypes.c_ulong, vp, i, vp, ctypes.c_ulong, vp)
        self.obj_font = proto("FPDFTextObj_GetFont", vp, vp)
        self.map_error = proto("FPDFText_HasUnicodeMapError", i, vp, i)


_API: _Api | None = None


def _api() -> _Api:
    global _API
    if _API is None:
        _API = _Api()
    return _API


def _page_text(api: _Api, tp: int, n: int) -> str:
    """The page's characters in index order: one GetText call, or one GetUnicode per character
    when the text buffer does not line up with the character indices (PDFium leaves control
    characters out of it; characters beyond the BMP take two UTF-16 units)."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    units = api.text(tp, 0, n, buf) - 1  # the count includes the terminating NUL
    text = buf.raw[: 2 * max(units, 0)].decode("utf-16-le", "surrogatepass")
    if units != n or any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join(chr(api.unicode(tp, k)) for k in range(n))
    return text.replace("\x00", "\ufffd")


def page_chars(doc: Any, index: int) -> PageChars_:
    """The visible characters of page `index` (0-based) in PDFium's stream order.

    Whitespace (PDFium's inferred spaces and line breaks, and spaces in the file) is left out:
    lines and cells are told apart by position. Font, size and the loose (ascent/descent) box
    are read once per text object: one Tj/TJ run shares its font and baseline, so its characters
    share the loose box's vertical centre (`line_y`); a character whose glyph lies outside the
    run's loose box (rotated or vertical text) gets its own.
    """
    api = _api()
    number = index + 1
    page = doc[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
    n = api.count(tp)
    text = _page_text(api, tp, n) if n > 0 else ""
    quad = (ctypes.c_double * 4)()  # left, right, bottom, top
    quad_at = [ctypes.addressof(quad) + 8 * k for k in range(4)]
    style = _Style(api, tp, height)
    box, get_obj, unpack, map_error = api.box, api.obj, struct.Struct("4d").unpack_from, api.map_error
    last_obj: int | None = -1
    size, font, line_y, lo, hi = 0.0, "", 0.0, 0.0, 0.0
    chars: list[Char] = []
    # glyphs whose font gave no Unicode, PDFium handing back the glyph's code instead (PDFium's
    # mapping-error flag): read once per text object, whose glyphs share a font; a code that
    # reads as whitespace other than PDFium's own spaces and line breaks is asked for itself
    unmapped = blank_glyphs = 0
    object_unmapped = 0
    for k, ch in enumerate(text):
        if ch.isspace():
            if ch not in " \r\n" and map_error(tp, k):
                unmapped += 1
                blank_glyphs += 1
            continue
        box(tp, k, *quad_at)
        left, right, bottom, top = unpack(quad)
        obj = get_obj(tp, k)
        if obj != last_obj or obj is None:  # a new text object: its font, size and line
            size, font, lo, hi, line_y = style.read(k, obj)
            y = line_y
            last_obj = obj
            object_unmapped = 1 if map_error(tp, k) else 0
        elif lo <= height - (top + bottom) / 2 <= hi:
            y = line_y
        else:
            y = style.loose(k)[2]
        unmapped += object_unmapped
        chars.append(Char(number, left, height - top, right, height - bottom, ch, size, font, y))
    edges = ruling_edges(page, height)
    textpage.close()
    page.close()
    return PageChars_(number, width, height, chars, edges, len(chars) + blank_glyphs, unmapped)
