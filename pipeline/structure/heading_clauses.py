"""Numbered clauses of an engineering standard or technical rule (工程建设标准, GB/T 1.1 layout):
`1 总则` chapters, `3.2 材料` sections and `3.2.1 …` / `1.0.1 为…` clauses.

Levels are the depth of the number in the document's own tree: a chapter `1` is level 1, a section
`3.2` sits under it (level 2) and a clause `3.2.1` under its section (level 3); a clause `1.0.1` of a
chapter without sections (the 0 in the middle) sits right under the chapter (level 2). A clause has
no title (its text is its body, as an article's 第X条) unless it is a term or caption alone on its
line (`2.0.1 预制构件`). A bare `1 总则` line counts only in a text
that has such clauses, and only when the next numbered line belongs to that chapter, so a table's
`1` cell, a year or a list item `4 水泥` inside a clause never opens a chapter.
"""

from __future__ import annotations

import regex

from .heading_grammar import Candidate, Style
from .heading_lines import Line

MIN_CLAUSES = 3  # fewer dotted lines are references or version numbers, not a standard
MAX_TITLE = 20
_DOTTED = regex.compile(r"(?P<num>[1-9]\d?(?:\.\d{1,3}){1,3})[ \t\u3000]+(?P<rest>\S.*)")
_CHAPTER = regex.compile(rf"(?P<num>[1-9]\d?)[ \t\u3000]+(?P<title>[^\s。,，;；:：、!?！？]{{1,{MAX_TITLE}}})")
_TITLE = regex.compile(rf"[^。,，;；:：、!?！？]{{1,{MAX_TITLE}}}")


def _candidate(ln: Line, num: str, title: str, end: int) -> Candidate:
    parts = num.split(".")
    depth = len(parts)
    marker = ".".join(["1"] * depth)
    return Candidate(Style.DOT, f"D{depth}", marker, num, int(parts[-1]), ln.start, end, title, False, True)


def clause_candidates(lines: list[Line]) -> dict[int, Candidate]:
    """Candidates by line index; empty unless the text has at least MIN_CLAUSES clauses N.N.N."""
    dotted: dict[int, regex.Match[str]] = {}
    for ln in lines:
        if m := _DOTTED.fullmatch(ln.text):
            dotted[ln.index] = m
    if sum(1 for m in dotted.values() if m.group("num").count(".") >= 2) < MIN_CLAUSES:
        return {}
    out: dict[int, Candidate] = {}
    order = sorted(dotted)
    chapter = 0  # chapters only go up: a list item `3 砂石` inside chapter 3 is no chapter
    for ln in lines:
        if (m := dotted.get(ln.index)) is not None:
            num, rest = m.group("num"), m.group("rest").strip()
            if _TITLE.fullmatch(rest):  # a section `3.2 材料`, a term `2.0.1 预制构件`
                out[ln.index] = _candidate(ln, num, rest, ln.end)
            elif num.count(".") >= 2:  # a clause: its text is its body
                out[ln.index] = _candidate(ln, num, "", ln.start + m.end("num"))
        elif (c := _CHAPTER.fullmatch(ln.text)) is not None and int(c.group("num")) > chapter:
            nxt = next((dotted[i] for i in order if i > ln.index), None)
            if nxt is not None and nxt.group("num").split(".")[0] == c.group("num"):
                out[ln.index] = _candidate(ln, c.group("num"), c.group("title"), ln.end)
                chapter = int(c.group("num"))
    return out
