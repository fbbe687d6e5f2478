"""Unnumbered lines that change how the numbered lines after them are read.

- An *aside* opens a block that is not part of the heading tree: a 专栏 box in a plan, the 注:/附注
  notes at the end of a statistical bulletin, a 表1 table title. Inside it 1. and (1) lines are
  items (专栏 projects, notes, table rows), not headings; the first heading of any other style
  closes the aside. A box whose projects are numbered 一、/(一) from its first lines loses that
  series too (box_items).
- An *attachment header* (`附件1` or `附件` alone on its line, the attachment's title on the next
  line) opens the body of an attachment: a level-1 section whose own 一、 series restarts below
  it. `附件1:申报指南` on one line heads a body too, unless it is one of a run of 附件 lines. `附件:`
  with a colon is the list naming the attachments (heading_toc.py), not a body.
"""

from __future__ import annotations

import regex

from .heading_grammar import Candidate, Style, clean_title, line_candidates
from .heading_lines import Line

# 注: / 注:1.… / [注] / 【注】 / 附注 / 注释: / 名词解释 (the glossary closing a work report, its
# 1.“两重”:… entries are notes) / 专栏3 title / 专 栏 / 表1 title (short, not a sentence)
_ASIDE = regex.compile(
    r"(?:[\[【]\s*注\s*[\]】]|附\s*注|名\s*词\s*(?:注\s*释|解\s*释|说\s*明)|注\s*释|注)\s*(?:[:：].*|\s*)"
    r"|专\s*栏\s*[\d\-.]{0,5}(?:\s+[^。]{0,40}|[^。\d\-.][^。]{0,40})?"
    r"|(?:附\s*)?表\s*\d{1,2}(?:-\d{1,2})?\s+[^。]{1,60}"
)
# `附件1:` alone on its line heads a body as `附件1` does; `附件:` alone is the list (heading_toc.py)
_ATTACHMENT_HEAD = regex.compile(r"附\s*件\s*(?:(?P<num>\d{1,2})\s*[:：]?)?")
_ATTACHMENT_COLON = regex.compile(r"附\s*件\s*[:：]")
MAX_ATTACHMENT_TITLE = 60
_ATTACHMENT_INLINE = regex.compile(rf"附\s*件\s*(?P<num>\d{{1,2}})\s*[:：]\s*(?P<title>[^。;；:：]{{2,{MAX_ATTACHMENT_TITLE}}})")


def is_aside(line: Line) -> bool:
    return is_aside_text(line.text)


def is_aside_text(text: str) -> bool:
    """A note, glossary, 专栏 or table caption (also as an attachment's title: `附件2 名词解释`)."""
    return bool(_ASIDE.fullmatch(text))


def is_box(line: Line) -> bool:
    return line.text.startswith("专") and is_aside(line)


def _items_from(at: int, texts: list[str]) -> int:
    """The line a box's own items may start on: the next one, or the one after a short caption
    line (`专栏1` / `重点项目`); a box whose next line is prose (a sentence with 。) holds no items,
    so a (一) right after it is the document's own heading."""
    nxt = texts[at + 1] if at + 1 < len(texts) else ""
    return at + 2 if len(nxt) <= 40 and "。" not in nxt else at + 1


def box_items(cands: list[Candidate | None], lines_of: dict[int, int], box_lines: list[int],
              texts: list[str]) -> None:
    """Drop the 一、/(一) series a 专栏 box opens on its first lines (its projects), up to the
    first candidate of another style. lines_of maps a candidate's start to its line number in
    `texts` (the non-blank lines)."""
    for at in box_lines:
        key = None
        for i, c in enumerate(cands):
            if c is None or lines_of[c.start] <= at:
                continue
            if key is None:
                if lines_of[c.start] > _items_from(at, texts) or c.style not in (Style.CN, Style.PCN) or c.value != 1:
                    break
                key = c.key
            if c.key != key:
                break
            cands[i] = None


def _inline_header(line: Line, prev: Line | None, nxt: Line | None) -> tuple[str, int] | None:
    """`附件1:申报指南` on one line heads a body only when it is not one of a run of such lines
    (the attachment list written 附件1:… 附件2:…): returns (number, title offset in the line)."""
    m = _ATTACHMENT_INLINE.fullmatch(line.text)
    if not m or any(x is not None and _ATTACHMENT_HEAD.match(x.text) for x in (prev, nxt)):
        return None
    return m.group("num"), m.start("title")


def _opens_series(text: str, line: Line | None) -> bool:
    return line is not None and any(c.value == 1 and c.strong for c in line_candidates(text, line.start, line.end))


def attachment_header(text: str, line: Line, nxt: Line | None, prev: Line | None = None,
                      after: Line | None = None) -> Candidate | None:
    """The `附件N` line (plus its title line when the next line is one) as a section candidate.
    `附件:` alone heads a body too when a title follows and a new 一、/(一)… series starts right
    after it (`after`): an attachment list names its attachments and ends."""
    m = _ATTACHMENT_HEAD.fullmatch(line.text)
    if not m and _ATTACHMENT_COLON.fullmatch(line.text) and _opens_series(text, after):
        m = _ATTACHMENT_HEAD.match(line.text)
    if not m:
        inline = _inline_header(line, prev, nxt)
        if inline is None:
            return None
        number, at = inline
        return Candidate(Style.ATTACHMENT, Style.ATTACHMENT.value, Style.ATTACHMENT.value, number, int(number),
                         line.start, line.end, clean_title(line.text[at:]), False, True)
    number = m.group("num") or ""
    value = int(number) if number else None
    end, title = line.end, ""
    if (nxt is not None and len(nxt.text) <= MAX_ATTACHMENT_TITLE and not regex.search(r"[。;；:：]", nxt.text)
            and not line_candidates(text, nxt.start, nxt.end) and not _ATTACHMENT_HEAD.match(nxt.text)
            and "\t" not in nxt.text and "|" not in nxt.text):
        end, title = nxt.end, clean_title(nxt.text)
    return Candidate(Style.ATTACHMENT, Style.ATTACHMENT.value, Style.ATTACHMENT.value, number, value,
                     line.start, end, title, False, True)
