"""HTML ingest (lxml): the article of a government web page without its page furniture.

Encoding comes from the meta charset (GBK pages are common) through decode_bytes. Hidden
elements (`display:none`, `hidden`, classes a <style> rule hides) and scripts are dropped, as are
private-use icon glyphs. The article is the deepest container holding most of the page's non-link
text; a metadata box outside it (索引号, 发文字号 …) is kept in front of it. Block elements become
line breaks; `<table>` becomes a GridTable (rowspan/colspan resolved); furniture lines (下载 打印
收藏 【字号…】, 当前位置, 打印本页 关闭窗口) are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import Code, InputError
from ..model import SourceFormat
from .base import RawDocument
from .breaks import join_soft_breaks
from .emit import GridSlot, TextBuilder, join_pieces, make_source, squeeze
from .html_furniture import FURNITURE, META_LABELS, TITLE_LABELS
from .text import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# only display:none: portals set `visibility: hidden` on <body> and reveal it by script
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_HIDDEN_CLASS_RULE = re.compile(r"\.([\w-]+)\s*\{[^}]*display\s*:\s*none", re.IGNORECASE)
_SOFT_BREAK = "\x1e"  # where a <br> was, until the paragraph is split into lines
_PUA = dict.fromkeys(range(0xE000, 0xF900), None)
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "select", "button", "input", "textarea", "svg", "object", "embed", "head")
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table section article header footer nav blockquote pre hr form center main aside".split()
)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii") if m else None


def _strip_hidden(root: Any) -> None:
    hidden_classes = {c for st in root.iter("style") for c in _HIDDEN_CLASS_RULE.findall(st.text or "")}
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        classes = set((el.get("class") or "").split())
        if (
            el.tag in DROP_TAGS
            or el.get("hidden") is not None
            or _HIDDEN_STYLE.search(el.get("style") or "")
            or classes & hidden_classes
        ):
            doomed.append(el)
    for el in doomed:
        el.drop_tree()


def _text_len(el: Any, links: bool) -> int:
    inside = sum(len((a.text_content() or "").strip()) for a in el.iter("a"))
    total = len(re.sub(r"\s+", "", el.text_content() or ""))
    return inside if links else max(0, total - inside)


def _article(body: Any) -> Any:
    """The deepest container that still holds 70 % of the page's non-link text."""
    need = 0.7 * _text_len(body, links=False)
    best = body
    while True:
        kids = [k for k in best if isinstance(k.tag, str) and _text_len(k, links=False) >= need]
        if not kids:
            return best
        best = kids[0]


def _meta_boxes(body: Any, article: Any) -> list[Any]:
    """Containers outside the article with at least two 索引号/文号-style labels."""
    out: list[Any] = []
    for el in body.iter("table", "ul", "div", "dl"):
        if el is article or article in el.iterancestors() or el in article.iterancestors() or el in article.iter():
            continue
        if any(el in o.iter() or o in el.iter() for o in out):
            continue
        text = el.text_content() or ""
        if sum(1 for label in META_LABELS if label in text) >= 2 and len(text) < 1500:
            out.append(el)
    return out


def _meta_lines(box: Any) -> list[str]:
    """`索引号:` and its value may sit in separate cells: one `label:value` line each."""
    lines: list[str] = []
    for piece in (squeeze(t.translate(_PUA)) for t in box.itertext()):
        if not piece:
            continue
        if lines and lines[-1].endswith((":", "：")) and not piece.endswith((":", "：")):
            lines[-1] += piece
        else:
            lines.append(piece)
    out = []
    for ln in lines:
        label, colon, value = ln.replace("：", ":").partition(":")
        if colon and not value.strip():
            continue  # a label whose value never came
        out.append(value.strip() if colon and label.replace(" ", "") in TITLE_LABELS else ln)
    return out


class _Walker:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.pieces: list[str] = []
        self.last_line = ""

    def flush(self) -> None:
        text = "".join(self.pieces).translate(_PUA)
        self.pieces.clear()
        for line in join_soft_breaks(text.split(_SOFT_BREAK), squeeze):
            if not FURNITURE.match(line):
                self.out.line(line)
                self.last_line = line

    def walk(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table" and _is_data_table(el):
            self.flush()
            title = self.last_line if 0 < len(self.last_line) <= 40 and not self.last_line.endswith("。") else None
            self.out.grid(_table_slots(el), title=title, layout="html")
            self.last_line = ""
        else:
            if tag == "br":
                self.pieces.append(_SOFT_BREAK)
            block = tag in BLOCK_TAGS
            if block:
                self.flush()
            if el.text:
                self.pieces.append(el.text)
            for child in el:
                self.walk(child)
                if child.tail:
                    self.pieces.append(child.tail)
            if block:
                self.flush()


def _is_data_table(table: Any) -> bool:
    rows = table.findall(".//tr")
    return len(rows) >= 2 and not table.findall(".//table") and max(len(r.findall("td") + r.findall("th")) for r in rows) >= 2


def _cell_text(cell: Any) -> str:
    parts: list[str] = []
    for text in cell.itertext():
        parts.append(text)
    return join_pieces([squeeze(p.translate(_PUA)) for p in "".join(parts).splitlines()])


def _table_slots(table: Any) -> list[GridSlot]:
    taken: set[tuple[int, int]] = set()
    slots = []
    for r, tr in enumerate(table.findall(".//tr")):
        col = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, col) in taken:
                col += 1
            rowspan = max(1, int(cell.get("rowspan", "1") or 1) if str(cell.get("rowspan", "1")).isdigit() else 1)
            colspan = max(1, int(cell.get("colspan", "1") or 1) if str(cell.get("colspan", "1")).isdigit() else 1)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, col + dc))
            slots.append(GridSlot(_cell_text(cell), r, col, rowspan, colspan))
            col += colspan
    return slots


def read_html(path: Path) -> RawDocument:
    import lxml.html

    data = path.read_bytes()
    try:
        text, encoding, confidence, warnings = decode_bytes(data, declared=_declared_charset(data))
    except InputError as exc:
        raise InputError(exc.code, exc.detail, path=str(path)) from None
    try:
        root = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1))
    except Exception as exc:  # lxml raises ParserError or ValueError on an empty or broken page
        raise InputError(Code.HTML_NO_BODY, f"{type(exc).__name__}: {exc}"[:200], path=str(path)) from None
    _strip_hidden(root)
    body = root.find("body")
    if body is None:
        body = root
    article = _article(body)
    walker = _Walker()
    for box in _meta_boxes(body, article):
        for line in _meta_lines(box):
            walker.out.line(line)
    walker.walk(article)
    walker.flush()
    out = walker.out
    if not out.text.strip():
        raise InputError(Code.HTML_NO_BODY, path=str(path))
    source = make_source(data, str(path), SourceFormat.HTML, "lxml", encoding=encoding, encoding_confidence=confidence)
    return RawDocument(text=out.text, source=source, warnings=warnings, tables=out.tables)
