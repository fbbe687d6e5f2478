"""Long headings that a whole series proves: the tasks of a government work report.

A work report states its tasks as `(一)久久为功推动粤港澳大湾区建设,打造…世界级城市群。` alone on
a line, 30–60 characters ending in 。, each followed by its paragraphs. One such line alone reads
as a goal sentence in a list (weak); a run of them numbered 一, 二, 三 … where every member has a
body of its own before the next member is a heading series. Goal lists (`(一)到2025年,…。` one
after the other) have no body between their members and stay list items.
"""

from __future__ import annotations

from .heading_grammar import LIST_END, LIST_MID, Candidate, Style

MAX_SERIES_TITLE = 60  # a task heading may run to two printed lines, never to a paragraph
MIN_SERIES = 3  # two long lines are too little evidence of a series
_SERIES_STYLES = (Style.CN, Style.PCN)


def _length_only_weak(c: Candidate) -> bool:
    """Weak for its length alone: a whole line, no list punctuation, not a paragraph."""
    return (not c.run_in and len(c.title) <= MAX_SERIES_TITLE
            and not c.title.endswith(LIST_END) and not LIST_MID.search(c.title))


def _has_body(text: str, c: Candidate, nxt: Candidate | None) -> bool:
    """Some text lies between the heading and the next candidate of any kind."""
    end = nxt.start if nxt is not None else len(text)
    return bool(text[c.end:end].strip())


def _series(cands: list[Candidate | None], first: int) -> list[int]:
    """Indexes of the run 1, 2, 3 … of the key of cands[first], up to an aside or a gap."""
    key = cands[first].key  # type: ignore[union-attr]
    run = [first]
    for i in range(first + 1, len(cands)):
        c = cands[i]
        if c is None:
            break
        if c.key != key:
            continue
        if c.value != len(run) + 1:
            break
        run.append(i)
    return run


def promote_bodied_series(cands: list[Candidate | None], text: str) -> None:
    """Mark strong every member of a 一、/(一) series of at least MIN_SERIES whole-line headings,
    each weak only for its length, and each followed by a body before the next candidate."""
    for i, c in enumerate(cands):
        if c is None or c.value != 1 or c.style not in _SERIES_STYLES:
            continue
        run = _series(cands, i)
        members = [cands[j] for j in run]
        if len(run) < MIN_SERIES or all(m is not None and m.strong for m in members):
            continue
        nexts = [next((d for d in cands[j + 1:] if d is not None), None) for j in run]
        if all(m is not None and (m.strong or _length_only_weak(m)) and _has_body(text, m, n)
               for m, n in zip(members, nexts, strict=True)):
            for m in members:
                if m is not None:
                    m.strong = True
