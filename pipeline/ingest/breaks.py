"""Soft line breaks (Word `w:br`, HTML `<br>`) inside one paragraph.

A soft break wraps a title or a table cell (`关于印发《…》<br>的通知`), so the pieces are one line;
but text pasted from the web, and many portal pages, put whole paragraphs in one <p> separated by
breaks. A break starts a new line only where a sentence ends before it, or an indented piece, a
numbered heading or a date (the signature's 成文日期) follows it, so neither a wrapped title
splits nor two paragraphs fuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .emit import join_pieces

_SENTENCE_END = re.compile(r"[。;；:：!！?？]$")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节条篇部分])")


_DATE = re.compile(r"^[\d一二三四五六七八九十〇○零]{4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")
_INDENT = re.compile(r"^[ \t\u3000\u00a0]{2,}")


def join_soft_breaks(raw_pieces: list[str], clean: Callable[[str], str]) -> list[str]:
    """The lines of one paragraph from its pieces between soft breaks; `clean` makes a piece a line."""
    lines: list[str] = []
    for raw in raw_pieces:
        piece = clean(raw)
        if not piece:
            continue
        new = _INDENT.match(raw) or _HEADING_START.match(piece) or _DATE.match(piece)
        if lines and not new and not _SENTENCE_END.search(lines[-1]):
            lines[-1] = join_pieces([lines[-1], piece])
        else:
            lines.append(piece)
    return lines
