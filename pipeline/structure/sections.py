"""Sections stage: the document's heading tree (issue #2 item 7).

Candidates come from the heading grammar (heading_grammar.py), line by line, skipping front
matter, a table of contents and the metadata title lines. The tree is built with a stack of open
numbering series: a heading continues a series when its number is the next one, and opens a new
series (one level deeper) when it is the first of a style not yet open, so levels are the depth
in the document's own tree whatever the styles. Weak candidates (long list sentences) may only
continue a series, never open one. PDF font hints only promote weak candidates.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Document, Section, Span
from .heading_blocks import attachment_header, box_items, is_aside, is_aside_text, is_box
from .heading_clauses import clause_candidates
from .heading_grammar import (
    CONTINUOUS_STYLES,
    LIST_END,
    LIST_MID,
    LIST_STYLES,
    Candidate,
    Style,
    line_candidates,
    split_title_candidate,
)
from .heading_lines import Line, body_lines
from .heading_series import promote_bodied_series
from .heading_toc import attachment_line_indexes, toc_line_indexes

_OWNS_CHAPTERS = CONTINUOUS_STYLES | {Style.MD, Style.ATTACHMENT}
_FORM_TITLE_END = ("表", "登记单", "回执单", "告知单")
_CHAPTER_STYLES = CONTINUOUS_STYLES - {Style.TIAO}
_BY_DEPTH = (Style.MD, Style.DOT)
_ITEM_OWNERS = (Style.TIAO, Style.DOT)


@dataclass
class _Open:
    key: str
    style: Style
    value: int | None
    section: int  # index into the output list


class _Tree:
    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self.last_value: dict[str, int] = {}
        self.last_parent: dict[str, str | None] = {}  # key of the heading a series last sat under
        self.accepted: list[tuple[Candidate, int, int | None]] = []  # (candidate, level, parent index)
        self.quiet = False  # inside an aside (heading_blocks.py)

    def _push(self, at: int, cand: Candidate) -> None:
        parent = self.stack[at - 1].section if at > 0 else None
        self.accepted.append((cand, at + 1, parent))
        self.stack[at:] = [_Open(cand.key, cand.style, cand.value, len(self.accepted) - 1)]
        if cand.value is not None:
            self.last_value[cand.key] = cand.value
            self.last_parent[cand.key] = self.stack[at - 1].key if at > 0 else None

    def _misnumbered_chapter(self, pos: int, cand: Candidate, prev: int) -> bool:
        """A 第X章 heading alone on its line that repeats or skips a number is still a chapter: official
        texts carry misprints (第二章 printed twice, 第三章 then 第五章). A repeat must have a title of
        its own, or it is a running header; articles (条) never count, their numbers are cited."""
        if cand.style not in _CHAPTER_STYLES or not cand.strong or cand.run_in or cand.value is None:
            return False
        if cand.value > prev:
            return True
        return cand.value == prev and self.accepted[self.stack[pos].section][0].title != cand.title

    @staticmethod
    def _skipped_number(cand: Candidate, prev: int) -> bool:
        """A heading alone on its line one number past the next (七 then 九): a misprint or a
        dropped line in the source; the series goes on rather than losing every heading after it."""
        return (cand.strong and not cand.run_in and cand.style not in LIST_STYLES
                and cand.value is not None and cand.value == prev + 2)

    def aside(self) -> None:
        self.quiet = True

    def add(self, cand: Candidate) -> None:
        if cand.style is Style.ATTACHMENT:  # an attachment body: every series restarts below it
            self.last_value.clear()
            # a form (自查表, 申请表): its (1)… lines are fields to fill in, not headings; a glossary
            # (附件2 名词解释): its 1.… entries are notes
            self.quiet = cand.title.endswith(_FORM_TITLE_END) or is_aside_text(cand.title)
            self._push(0, cand)
            return
        if self.quiet and cand.style in LIST_STYLES:
            return  # a 专栏 item, a note, a table row
        self.quiet = False
        if cand.style in _BY_DEPTH:  # `##` headings, a standard's 1 / 3.2 / 3.2.1: nested by depth
            depth = int(cand.key[1:])
            at = 0
            for i, o in enumerate(self.stack):
                if o.style is cand.style and int(o.key[1:]) < depth:
                    at = i + 1
            self._push(at, cand)
            return
        if cand.style not in CONTINUOUS_STYLES and any(o.style in _ITEM_OWNERS for o in self.stack):
            return  # (一)… and 1.… inside an article or a standard's clause are its list items
        pos = next((i for i, o in enumerate(self.stack) if o.key == cand.key), None)
        v = cand.value
        if pos is not None:
            prev = self.stack[pos].value
            if v is not None and prev is not None and v == prev + 1:
                self._push(pos, cand)
            elif v is not None and prev is not None and self._misnumbered_chapter(pos, cand, prev):
                self._push(pos, cand)
            elif v == 1 and cand.strong and pos == len(self.stack) - 1 and cand.style in LIST_STYLES:
                self._push(pos, cand)  # a new list under an unnumbered sub-heading
            elif v == 1 and cand.restarts and pos == 0:
                self.last_value.clear()  # bound bulletins: the next one numbers from 一 again
                self._push(0, cand)
            elif v is not None and prev is not None and self._skipped_number(cand, prev):
                self._push(pos, cand)
            return
        follows = v is not None and v > 1 and v == self.last_value.get(cand.key, 0) + 1
        opens = v == 1 or (cand.style in CONTINUOUS_STYLES and follows)
        if not (opens or follows) or not (cand.strong or (follows and cand.style in LIST_STYLES)):
            if v == 1:  # a list item (1) starts a new list: an older (1)… series cannot go on past it
                self.last_value.pop(cand.key, None)
            return  # a long item may continue a task list numbered through its groups (1.-2. under (一), 3. under (二))
        at = len(self.stack)
        if cand.style not in LIST_STYLES:
            while at > 0 and self.stack[at - 1].style in LIST_STYLES:
                at -= 1  # a list does not own the headings after it
        if cand.style in CONTINUOUS_STYLES:
            while at > 0 and self.stack[at - 1].style not in _OWNS_CHAPTERS:
                at -= 1  # 第一节 never sits under 一、 or (一): those series end where it starts
        parent = self.stack[at - 1].key if at > 0 else None
        if not opens and self.last_parent.get(cand.key) != parent:
            return
        # (五) under 三、 after (一)…(四) under 二、: plans number their second level through the
        # whole document, so a series may continue under the next parent of the same style
        self._push(at, cand)


def _skip_lines(doc: Document, lines: list[Line]) -> set[int]:
    skip = toc_line_indexes(lines) | attachment_line_indexes(lines)
    meta = {sp.start for key, sp in doc.metadata.spans.items() if key in ("title", "notice_title")}
    for ln in lines:
        if any(ln.start <= s < ln.end for s in meta):
            skip.add(ln.index)
    return skip


def _candidates(doc: Document) -> list[Candidate | None]:
    """Heading candidates in document order; None where an aside starts."""
    lines = body_lines(doc.text)
    skip = _skip_lines(doc, lines)
    hints = doc._heading_hints
    clauses = clause_candidates(lines)
    out: list[Candidate | None] = []
    boxes: list[int] = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        after = lines[i + 2] if i + 2 < len(lines) else None
        if head := attachment_header(doc.text, ln, nxt, lines[i - 1] if i else None, after):
            if head.end == (nxt.end if nxt else -1):
                skip.add(lines[i + 1].index)
            out.append(head)
            continue
        if ln.index in skip:
            continue
        if (clause := clauses.get(ln.index)) is not None:
            out.append(clause)
            continue
        if is_aside(ln):
            out.append(None)
            if is_box(ln):
                boxes.append(i)
            continue
        if nxt and (joined := split_title_candidate(doc.text, (ln.start, ln.end), (nxt.start, nxt.end))):
            skip.add(nxt.index)
            out.append(joined)
            continue
        for cand in line_candidates(doc.text, ln.start, ln.end):
            if not cand.strong and hints.get(ln.start) is not None:
                cand.strong = True  # the fonts say heading
            out.append(cand)
    if boxes:
        starts = [ln.start for ln in lines]
        box_items(out, {c.start: bisect_right(starts, c.start) - 1 for c in out if c is not None}, boxes,
                  [ln.text for ln in lines])
    _drop_markdown_title(out)
    _promote_long_firsts(out)
    promote_bodied_series(out, doc.text)
    _mark_restarts(out)
    return out


def _mark_restarts(cands: list[Candidate | None]) -> None:
    """A strong 一 whose next member of the same series is a strong 二 starts that series again
    (the next bulletin bound into one file); the tree lets it restart the outermost series."""
    following: dict[str, Candidate] = {}
    for c in reversed(cands):
        if c is None:
            continue
        nxt = following.get(c.key)
        if c.value == 1 and c.strong and c.style not in LIST_STYLES and nxt is not None:
            c.restarts = nxt.value == 2 and nxt.strong
        following[c.key] = c


def _drop_markdown_title(cands: list[Candidate | None]) -> None:
    """A lone shallowest `#` line before every other heading is the document's title, not a
    wrapper above the whole tree."""
    md = [c for c in cands if c is not None and c.style is Style.MD]
    first = next((c for c in cands if c is not None), None)
    if first is not None and first.style is Style.MD and all(c.key > first.key for c in md[1:]):
        cands.remove(first)


def _promote_long_firsts(cands: list[Candidate | None]) -> None:
    """A first heading that is weak only for its length opens its series when the next one of the
    same style is a strong 二 (a long title, not a list sentence)."""
    for i, c in enumerate(cands):
        if c is None or c.strong or c.value != 1 or c.style in LIST_STYLES or LIST_MID.search(c.title):
            continue
        if c.title.endswith(LIST_END):
            continue
        nxt = next((d for d in cands[i + 1 :] if d is not None and d.key == c.key), None)
        if nxt is not None and nxt.value == 2 and nxt.strong:
            c.strong = True


def build_sections(doc: Document) -> list[Section]:
    tree = _Tree()
    for cand in _candidates(doc):
        if cand is None:
            tree.aside()
        else:
            tree.add(cand)
    n = len(doc.text)
    sections: list[Section] = []
    acc = tree.accepted
    for i, (cand, level, parent) in enumerate(acc):
        end = next((c.start for c, lv, _ in acc[i + 1 :] if lv <= level), n)
        sections.append(
            Section(
                id=f"s{i + 1}",
                level=level,
                marker=cand.marker,
                number=cand.number,
                title=cand.title,
                span=Span(start=cand.start, end=cand.end),
                body_span=Span(start=min(cand.end, end), end=end),
                parent_id=None if parent is None else f"s{parent + 1}",
                run_in=cand.run_in,
            )
        )
    return sections


def extract_sections(doc: Document) -> Document:
    doc.sections = build_sections(doc)
    return doc
