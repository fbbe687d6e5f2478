"""Highlights for the HTML report: which figures to mark, in which colour, and the text pieces.

A *mark* is one highlighted range of the text: every claim, plus every check span that is not
a claim's span. Each check has one *primary* mark, the stated figure it judges (the claim whose
value equals `Check.stated`, else its first claim, else its first span); the other marks it used
are its operands. A mark takes its colour from the checks it is primary of (worst verdict first)
and falls back on the checks it is an operand of, so one inconsistent check paints one figure
red and outlines the figures it was computed from. Implied-value checks never colour a mark.

Spans may overlap or nest; `pieces()` cuts the text at every boundary so that each piece is a
flat run of characters with the set of marks (and other layers) covering it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ..model import Check, Claim, Document, Span, Verdict


class Colour(StrEnum):
    """The colour of a highlight, most alarming first (the order is the precedence)."""

    INCONSISTENT = "inconsistent"
    CONSISTENT = "consistent"
    UNVERIFIABLE = "unverifiable"
    UNCHECKED = "unchecked"


PRECEDENCE = list(Colour)


def worst(colours: Iterable[Colour]) -> Colour:
    return min(colours, key=PRECEDENCE.index, default=Colour.UNCHECKED)


@dataclass
class Mark:
    key: str  # html id: m0, m1, …
    start: int
    end: int
    raw: str
    claim: Claim | None = None
    primary_of: list[int] = field(default_factory=list)  # indexes into Document.checks
    operand_of: list[int] = field(default_factory=list)
    implied_by: list[int] = field(default_factory=list)
    colour: Colour = Colour.UNCHECKED
    involved: bool = False  # an operand of an inconsistent check

    @property
    def checks(self) -> list[int]:
        return sorted(set(self.primary_of + self.operand_of + self.implied_by))


@dataclass
class CheckLinks:
    """The marks one check points at, primary first."""

    primary: int | None
    marks: list[int]


@dataclass
class Piece:
    start: int
    end: int
    layers: frozenset[int]  # indexes into the layer list given to `pieces`


def _is_stated(claim: Claim, stated: float | str | None) -> bool:
    if stated is None:
        return False
    if isinstance(stated, str):
        return claim.raw == stated
    return claim.value is not None and math.isclose(claim.value, float(stated), rel_tol=1e-9, abs_tol=1e-9)


class MarkIndex:
    """The marks of a document and the links between checks and marks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.marks: list[Mark] = []
        self._by_claim: dict[str, int] = {}
        self._by_span: dict[tuple[int, int], int] = {}
        for claim in sorted(doc.claims, key=lambda c: (c.span.start, -c.span.end)):
            self._by_claim[claim.id] = self._add(claim.span, claim)
        self.links: list[CheckLinks] = [self._link(i, chk) for i, chk in enumerate(doc.checks)]
        for mark in self.marks:
            self._colour(mark)
        self.marks_in_order = sorted(range(len(self.marks)), key=lambda i: (self.marks[i].start, -self.marks[i].end))
        self._starts = [self.marks[i].start for i in self.marks_in_order]
        self._longest = max((m.end - m.start for m in self.marks), default=0)

    def _add(self, span: Span, claim: Claim | None) -> int:
        key = (span.start, span.end)
        if key in self._by_span:
            return self._by_span[key]
        index = len(self.marks)
        raw = claim.raw if claim else self.doc.text[span.start:span.end]
        self.marks.append(Mark(f"m{index}", span.start, span.end, raw, claim))
        self._by_span[key] = index
        return index

    def _link(self, index: int, chk: Check) -> CheckLinks:
        claims = [cid for cid in chk.claim_ids if cid in self._by_claim]
        marks = [self._by_claim[cid] for cid in claims]
        marks += [self._add(span, None) for span in chk.spans]
        marks = list(dict.fromkeys(marks))
        primary: int | None = None
        for mark_index in marks:
            claim = self.marks[mark_index].claim
            if claim is not None and _is_stated(claim, chk.stated):
                primary = mark_index
                break
        if primary is None and marks:
            primary = marks[0]
        for mark_index in marks:
            mark = self.marks[mark_index]
            if chk.kind == "implied":
                mark.implied_by.append(index)
            elif mark_index == primary:
                mark.primary_of.append(index)
            else:
                mark.operand_of.append(index)
        return CheckLinks(primary, marks)

    def _verdicts(self, checks: Sequence[int]) -> list[Colour]:
        return [Colour(str(self.doc.checks[i].verdict)) for i in checks]

    def _colour(self, mark: Mark) -> None:
        own = self._verdicts(mark.primary_of)
        used = self._verdicts(mark.operand_of)
        mark.involved = Colour.INCONSISTENT in used
        # an operand is not itself wrong: it keeps the colour of the other checks it fed (grey if
        # none) and is outlined when it fed an inconsistent one
        not_wrong = [c for c in used if c is not Colour.INCONSISTENT]
        if own:
            mark.colour = worst(own)
        elif not_wrong:
            mark.colour = worst(not_wrong)
        elif used:
            mark.colour = Colour.UNVERIFIABLE

    def check_colour(self, index: int) -> Colour:
        return Colour(str(self.doc.checks[index].verdict))

    def marks_within_range(self, start: int, end: int) -> list[int]:
        """Marks overlapping [start, end), in text order (bisect: tables ask once per cell)."""
        order = self.marks_in_order
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [order[i] for i in range(lo, hi) if self.marks[order[i]].end > start
                or self.marks[order[i]].start == self.marks[order[i]].end == start]


def pieces(start: int, end: int, layers: Sequence[tuple[int, int]]) -> list[Piece]:
    """Cut [start, end) at every layer boundary; each piece lists the layers covering it."""
    bounds = {start, end}
    for s, e in layers:
        if s < end and e > start:
            bounds.update(b for b in (s, e) if start < b < end)
    cuts = sorted(bounds)
    starting: dict[int, list[int]] = {}
    for i, (s, _) in enumerate(layers):
        starting.setdefault(max(s, start), []).append(i)
    active: set[int] = set()
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active.update(i for i in starting.get(a, []) if layers[i][1] > a)
        active = {i for i in active if layers[i][1] > a}
        if a < b:
            out.append(Piece(a, b, frozenset(active)))
    return out


def verdict_counts(checks: Sequence[Check]) -> dict[str, int]:
    counts = {v.value: 0 for v in Verdict}
    for chk in checks:
        if chk.kind == "check":
            counts[str(chk.verdict)] += 1
    return counts
