"""Soft line breaks (Word `w:br`, HTML `<br>`) inside one paragraph.

A soft break wraps a title or a table cell (`关于印发《…》<br>的通知`), so the pieces are one line;
but text pasted from the web, and many portal pages, put whole paragraphs in one <p> separated by
breaks. A break starts a new line only where a sentence ends before it, or an indented piece, a
numbered heading or a date (the signature's 成文日期) follows it, so neither a wrapped title
splits nor two paragraphs fuse.
"""

from __future__ import annotations

from collections.abc import Callable

from .emit import join_pieces
from .line_starts import DATE_LINE, HEADING_START, INDENT, SENTENCE_END


def join_soft_breaks(raw_pieces: list[str], clean: Callable[[str], str]) -> list[str]:
    """The lines of one paragraph from its pieces between soft breaks; `clean` makes a piece a line."""
    lines: list[str] = []
    for raw in raw_pieces:
        piece = clean(raw)
        if not piece:
            continue
        new = INDENT.match(raw) or HEADING_START.match(piece) or DATE_LINE.match(piece)
        if lines and not new and not SENTENCE_END.search(lines[-1]):
            lines[-1] = join_pieces([lines[-1], piece])
        else:
            lines.append(piece)
    return lines
