"""The text of one Word paragraph as a reader sees it.

- Tracked changes: insertions are text, deletions (`w:del`, `w:moveFrom`) are not.
- Fields: the last computed result is text, the instruction (`PAGE`, `DATE \\@ …`) is not.
- Text boxes (`w:txbxContent`) are lines of their own, read once: Word stores a DrawingML box
  and a VML copy of it in `mc:AlternateContent`, and only the `mc:Choice` is read.
- A soft line break (`w:br`) is read as breaks.join_soft_breaks says.
- Tabs separate columns: a run of tabs is one `\\t` between words, none at the ends.
"""

from __future__ import annotations

import re
from typing import Any

from .breaks import join_soft_breaks
from .emit import join_pieces, squeeze

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = frozenset({W + "del", W + "moveFrom", W + "delText", W + "instrText", MC + "Fallback", W + "pPr", W + "rPr"})
_BREAK = "\n"
_TAB = "\t"
_TABS = re.compile(r"[ \u3000\u00a0]*\t[\t \u3000\u00a0]*")


def _walk(el: Any, out: list[str], boxes: list[Any]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append(_TAB)
        elif tag in (W + "br", W + "cr"):
            out.append(_BREAK)
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            out.append(f"[{child.get(W + 'id')}]")
        elif tag == W + "txbxContent":
            boxes.append(child)
        else:
            _walk(child, out, boxes)


def _line(piece: str) -> str:
    """One line: layout whitespace squeezed, tabs kept as one tab between words."""
    parts = [squeeze(p) for p in _TABS.split(piece)]
    return _TAB.join(p for p in parts if p)


def paragraph_lines(p: Any) -> tuple[list[Any], list[str]]:
    """(text boxes anchored in `p`, the lines of `p` itself)."""
    out: list[str] = []
    boxes: list[Any] = []
    _walk(p, out, boxes)
    return boxes, join_soft_breaks("".join(out).split(_BREAK), _line)


def plain_text(p: Any) -> str:
    """All of a paragraph on one line (table cells, notes)."""
    _, lines = paragraph_lines(p)
    return join_pieces(lines)
