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

from .. import limits
from ..errors import MESSAGES, Code, InputError
from ..model import SourceFormat, Warning_
from .base import RawDocument
from .breaks import join_soft_breaks
from .emit import GridSlot, TextBuilder, join_pieces, make_source, squeeze
from .html_deep import flatten
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


def _is_hidden(tag: str, attrs: Any, hidden_classes: set[str]) -> bool:
    """Not shown: a dropped tag, `hidden`, `display:none` inline or by a class rule."""
    return bool(
        tag in DROP_TAGS
        or attrs.get("hidden") is not None
        or _HIDDEN_STYLE.search(attrs.get("style") or "")
        or set((attrs.get("class") or "").split()) & hidden_classes
    )


def _hidden_classes(root: Any) -> set[str]:
    return {c for st in root.iter("style") for c in _HIDDEN_CLASS_RULE.findall(st.text or "")}


def _strip_hidden(root: Any) -> None:
    hidden_classes = _hidden_classes(root)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
        elif _is_hidden(el.tag, el.attrib, hidden_classes):
            doomed.append(el)
    for el in doomed:
        el.drop_tree()


def _visible_len(text: str | None) -> int:
    return sum(1 for ch in text if not ch.isspace()) if text else 0


def _text_lengths(body: Any) -> tuple[dict[Any, int], dict[Any, int]]:
    """Characters (without whitespace) of every element's text, all and outside links, in one
    pass from the leaves up, so the article and metadata searches cost O(n) however deep the
    page nests."""
    total: dict[Any, int] = {}
    links: dict[Any, int] = {}
    for el in reversed(list(body.iter())):  # children before parents
        kids = [k for k in el if isinstance(k.tag, str)]
        total[el] = _visible_len(el.text) + sum(total[k] + _visible_len(k.tail) for k in kids)
        own = len((el.text_content() or "").strip()) if el.tag == "a" else 0
        links[el] = own + sum(links[k] for k in kids)
    return total, {el: max(0, total[el] - links[el]) for el in total}


def _article(body: Any, lengths: dict[Any, int]) -> Any:
    """The deepest container that still holds 70 % of the page's non-link text."""
    need = 0.7 * lengths[body]
    best = body
    while True:
        kids = [k for k in best if isinstance(k.tag, str) and lengths[k] >= need]
        if not kids:
            return best
        best = kids[0]


def _meta_boxes(body: Any, article: Any, visible: dict[Any, int]) -> list[Any]:
    """Containers outside the article with at least two 索引号/文号-style labels."""
    out: list[Any] = []
    inside, above = set(article.iter()), set(article.iterancestors())
    for el in body.iter("table", "ul", "div", "dl"):
        # visible characters bound the text's length from below: a long container is no box
        if el in inside or el in above or visible[el] >= 1500:
            continue
        if any(o in el.iterancestors() for o in out):  # inside a box already taken
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

    def walk(self, root: Any) -> None:
        """Depth first with an explicit stack: a page may nest deeper than Python recurses."""
        stack: list[tuple[Any, bool | None]] = [(root, None)]  # (element, None) opens; (element, block) closes
        while stack:
            el, closing_block = stack.pop()
            if closing_block is not None:
                if closing_block:
                    self.flush()
                if el is not root and el.tail:
                    self.pieces.append(el.tail)
                continue
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == "table" and _is_data_table(el):
                self.flush()
                title = self.last_line if 0 < len(self.last_line) <= 40 and not self.last_line.endswith("。") else None
                self.out.grid(_table_slots(el), title=title, layout="html")
                self.last_line = ""
                stack.append((el, False))
                continue
            if tag == "br":
                self.pieces.append(_SOFT_BREAK)
            block = tag in BLOCK_TAGS
            if block:
                self.flush()
            if el.text:
                self.pieces.append(el.text)
            stack.append((el, block))
            stack.extend((child, None) for child in reversed(el))


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


def _parse(page: str, path: Path, warnings: list[Warning_]) -> Any:
    """The page's tree; one nested deeper than libxml2 allows is flattened first (W121)."""
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(page, parser=parser)
        if any("Excessive depth" in entry.message for entry in parser.error_log):
            hidden_classes = _hidden_classes(root)  # <style> comes before the deep part the parse cut off
            flat = flatten(page, BLOCK_TAGS, lambda tag, attrs: _is_hidden(tag, attrs, hidden_classes))
            root = lxml.html.document_fromstring(flat, parser=lxml.html.HTMLParser(huge_tree=True))
            warnings.append(Warning_(code=Code.HTML_DEEP_NESTING.value, message=MESSAGES[Code.HTML_DEEP_NESTING]))
    except Exception as exc:  # lxml raises ParserError or ValueError on an empty or broken page
        limits.reraise_out_of_memory(exc)
        raise InputError(Code.HTML_NO_BODY, f"{type(exc).__name__}: {exc}"[:200], path=str(path)) from None
    return root


def read_html(path: Path) -> RawDocument:
    data = path.read_bytes()
    limits.check_unpacked(len(data), str(path))
    try:
        text, encoding, confidence, warnings = decode_bytes(data, declared=_declared_charset(data))
    except InputError as exc:
        raise InputError(exc.code, exc.detail, path=str(path)) from None
    root = _parse(_XML_DECL.sub("", text, count=1), path, warnings)
    _strip_hidden(root)
    body = root.find("body")
    if body is None:
        body = root
    visible, non_link = _text_lengths(body)
    article = _article(body, non_link)
    walker = _Walker()
    for box in _meta_boxes(body, article, visible):
        for line in _meta_lines(box):
            walker.out.line(line)
    walker.walk(article)
    walker.flush()
    out = walker.out
    if not out.text.strip():
        raise InputError(Code.HTML_NO_BODY, path=str(path))
    source = make_source(data, str(path), SourceFormat.HTML, "lxml", encoding=encoding, encoding_confidence=confidence)
    return RawDocument(text=out.text, source=source, warnings=warnings, tables=out.tables)
