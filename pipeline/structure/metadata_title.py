"""Where the titles of a notice and of the document it wraps are printed, line by line.

The metadata stage reads lines; these helpers take the lines' texts and return line indexes and
offsets, so the caller builds the spans:

- a notice title is often printed twice on scraped pages: the page's full title (with its
  issuers, `上海市交通委员会、上海市发展和改革委员会 关于…的通知`) and the body's shorter copy
  (`关于…的通知`); the fuller one is the notice title;
- the wrapped document's title is printed after the signature, sometimes wrapped over two lines
  (`关于进一步加强静安区文物保护工作的` / `实施意见`), sometimes worded otherwise than in the notice
  (`2021年本区…方案` in the notice, `2021年崇明区…方案` above the body): the printed one wins.
"""

from __future__ import annotations

import regex

from . import metadata_patterns as P

LOOK_AHEAD = 40  # lines after the signature where the wrapped title may stand
KIND_AHEAD = 6  # lines after the signature where a differently worded title may stand
_NUMBERED = regex.compile(r"[一二三四五六七八九十]+、|\(|第\S{1,4}[章节条]|\d{1,2}[.、]")


def fold(s: str) -> str:
    """A title without spaces, quotes and book-title marks: what two printings share."""
    return regex.sub(r"[\s《》“”\"]", "", s)


def fuller_notice(texts: list[str], notice: int, earlier: list[int]) -> int:
    """The earliest of the earlier notice-title lines that ends with the chosen one's words."""
    short = fold(texts[notice])
    for i in earlier:
        full = fold(texts[i])
        if i < notice and len(full) > len(short) and full.endswith(short):
            return i
    return notice


def _kind(name: str) -> str | None:
    m = regex.search(rf"(?:{P.TITLE_KINDS})$", name)
    return m.group() if m else None


def wrapped_title(texts: list[str], start: int, name: str) -> tuple[int, int, int, int] | None:
    """(first line, offset in it, last line, end offset in it) of the wrapped document's title
    printed after line `start`, or None when it is not printed there."""
    want = fold(name)
    stop = min(len(texts), start + 1 + LOOK_AHEAD)
    for i in range(start + 1, stop):
        inner = texts[i].strip("《》")
        if fold(inner) == want:
            a = texts[i].index(inner)
            return i, a, i, a + len(inner)
        if i + 1 < stop and fold(inner + texts[i + 1]) == want and not P.PUNCT_IN_PROSE.search(inner):
            return i, texts[i].index(inner), i + 1, len(texts[i + 1])
    kind = _kind(name)
    for i in range(start + 1, min(len(texts), start + 1 + KIND_AHEAD)):
        t = texts[i]
        if (kind and t.endswith(kind) and P.TITLE_LINE.fullmatch(t) and not P.PUNCT_IN_PROSE.search(t)
                and not _NUMBERED.match(t)):
            return i, 0, i, len(t)
    return None
