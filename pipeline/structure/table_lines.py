"""Line-level helpers for finding tables in text: cells with spans, page furniture, stop lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class TextCell:
    """A cell's text (trimmed) and its span [start, end) in Document.text."""

    text: str
    start: int
    end: int


@dataclass
class Line:
    text: str  # without the newline
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(raw, pos))
        pos += len(raw) + 1
    return out


def trimmed(text: str, start: int, end: int) -> TextCell:
    """The cell in text[start:end] without surrounding whitespace (an empty cell keeps a
    zero-length span where it was)."""
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    body = seg.strip()
    s = start + lead if body else start + (len(seg) // 2 if seg else 0)
    return TextCell(body, s, s + len(body))


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def is_md_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line)) and "|" in line


def split_cells(line: Line, sep: str, outer: bool | None = None) -> list[TextCell]:
    """Cells of a pipe or tab row; the outer `|` of Markdown rows (`outer`, by default read from
    the line) and trailing empty cells (a stray ` | ` at the end) are dropped."""
    if outer is None:
        outer = line.text.lstrip().startswith("|")
    cuts = [i for i, ch in enumerate(line.text) if ch == sep]
    bounds = [-1, *cuts, len(line.text)]
    cells = [trimmed(line.text, a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    cells = [TextCell(c.text, c.start + line.start, c.end + line.start) for c in cells]
    if sep == "|" and outer and cells and not cells[0].text:
        cells = cells[1:]
    while cells and not cells[-1].text:
        cells.pop()
    return cells


# Page furniture between the rows of one table: `- 12 -`, `—12—`, `第3页`, `续表`, `续表1`.
_PAGE = re.compile(r"^\s*([-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d+\s*页(\s*[,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
_CONTINUED = re.compile(r"^\s*\(?续表\s*\d*\)?\s*[:\s]*$|^\s*\(?续(上)?表\)?")


def is_page_furniture(line: str) -> bool:
    return bool(_PAGE.match(line) or _CONTINUED.match(line))


# A line that cannot be a cell: a heading, a table title, a paragraph.
_HEADING = re.compile(
    r"^\s*(第[一二三四五六七八九十百零\d]+[章节篇部分条]|[一二三四五六七八九十]+[、.]|"
    r"\([一二三四五六七八九十]+\)|\d+[.、．]\D|\(\d+\)\D|表\s*\d|附件|附表)"
)
# `[1]按可比价计算` is a note; `[12]` alone is a cell (a five-year total)
_NOTE = re.compile(r"^\s*(注\s*[\d:：.、]|注$|说明\s*[:：]|备注\s*[:：]|资料来源|数据来源|\*|\[\d+\]\s*[^\d\s.])")


def is_note(line: str) -> bool:
    return bool(_NOTE.match(line))


def is_stop(line: str) -> bool:
    s = line.strip()
    return bool(_HEADING.match(s)) or "。" in s or len(s) > 60 or is_note(s)


def is_title(line: str) -> bool:
    """The line before a table names it when it is short and not a sentence."""
    s = line.strip()
    return 0 < len(s) <= 60 and not s.endswith(("。", ";", ",", ":")) and "|" not in s and "\t" not in s


def notes_after(lines: list[Line], k: int) -> tuple[list[Line], int]:
    """Footnote lines (注: …, * …) right after a table at lines[k:], and the index after them;
    numbered lines count only after a bare `注:`."""
    out: list[Line] = []
    numbered = False
    while k < len(lines):
        s = lines[k].text.strip()
        if not s:
            k += 1
            continue
        if is_note(s):
            out.append(lines[k])
            numbered = bool(re.match(r"^(注|说明|备注)\s*[:：]?\s*$", s))
        elif numbered and re.match(r"^\d+[.、]", s):
            out.append(lines[k])
        else:
            break
        k += 1
    return out, k


def nonblank(lines: list[Line], start: int) -> Iterator[int]:
    for k in range(start, len(lines)):
        if not lines[k].blank:
            yield k
