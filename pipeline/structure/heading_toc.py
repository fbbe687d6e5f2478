"""Numbered lines that are not headings of the document's own tree.

A table of contents (目录 followed by heading lines that repeat later, often with page numbers or
dot leaders) would put every heading in the tree twice; the numbered list after 附件: names the
attachments, it does not open sections.
"""

from __future__ import annotations

import regex

from .heading_lines import Line

_TOC_HEAD = regex.compile(r"目\s*录|目\s*次|CONTENTS|Contents")
_LEADER = regex.compile(r"(?:[.…·•\-_]{2,}|\s{2,}|\s*…+)\s*\d{1,4}\s*$")
_PAGE = regex.compile(r"\s*\d{1,4}\s*$")
MAX_ENTRY = 60


def _key(text: str) -> str:
    return regex.sub(r"[\s.…·•\-_]", "", _PAGE.sub("", _LEADER.sub("", text)))


def toc_line_indexes(lines: list[Line]) -> set[int]:
    """Indexes of lines that belong to a table of contents (and leader lines anywhere)."""
    out = {ln.index for ln in lines if _LEADER.search(ln.text) and len(ln.text) <= MAX_ENTRY + 10
           and regex.search(r"[.…·]{2,}", ln.text)}
    for i, ln in enumerate(lines):
        if not _TOC_HEAD.fullmatch(ln.text):
            continue
        entries: list[int] = []
        j = i + 1
        while j < len(lines) and len(lines[j].text) <= MAX_ENTRY and "。" not in lines[j].text:
            if entries and _key(lines[j].text) == _key(lines[entries[0]].text):
                break  # the first entry again: the document itself starts here
            entries.append(j)
            j += 1
        out.add(ln.index)
        out.update(lines[k].index for k in entries)
        break
    return out


_ATTACHMENTS = regex.compile(r"附\s*件\s*[:：]?\s*")
_ATTACHMENT_ITEM = regex.compile(r"(?:附\s*件\s*[:：]?\s*)?\(?\d{1,2}[.、)]")


def attachment_line_indexes(lines: list[Line]) -> set[int]:
    """The 附件: line and the numbered attachment names right after it."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if not (_ATTACHMENTS.fullmatch(ln.text) or (ln.text.startswith("附件") and _ATTACHMENT_ITEM.match(ln.text))):
            continue
        out.add(ln.index)
        for nxt in lines[i + 1 :]:
            if not _ATTACHMENT_ITEM.match(nxt.text) or len(nxt.text) > MAX_ENTRY:
                break
            out.add(nxt.index)
    return out
