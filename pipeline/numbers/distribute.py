"""`分别`: a list of figures that refers, in order, to a list of subjects named before it, and shares
the bound printed after its last figure (分别达到95%和90%以上: both are >=).

`产值38.98亿元…税收1.43亿元…分别是“十二五”期末的8.66倍和5.24倍` gives 8.66倍 the metric 产值 and
5.24倍 the metric 税收; `旅客和货邮吞吐量分别增长14.2%、4.2%` gives the two names in turn.
"""

from __future__ import annotations

import bisect

import regex

from ..model import Claim, ClaimKind, Relation
from .cues import AFTER, AFTER_RE, CUE_WINDOW, SENTENCE_WINDOW
from .subjects import LEAD_RE, TAIL_RE, split_metric

LEVEL_KINDS = {ClaimKind.AMOUNT, ClaimKind.COUNT, ClaimKind.PERCENT, ClaimKind.TARGET, ClaimKind.SHARE}

LIST_SEP_RE = regex.compile(r"^[\s、,和及与]*$")
STOP_RE = regex.compile(r"[。;\n]")
NAME_SPLIT_RE = regex.compile(r"、|和|及|与")


def _groups(text: str, claims: list[Claim]) -> list[tuple[int, list[int]]]:
    """(position of 分别, indices of the figures listed right after it)."""
    out: list[tuple[int, list[int]]] = []
    for i, c in enumerate(claims):
        at = text.rfind("分别", max(0, c.span.start - 20), c.span.start)
        if at == -1 or STOP_RE.search(text, at, c.span.start):
            continue
        if i and claims[i - 1].span.start > at:
            continue  # not the first figure after 分别
        group = [i]
        j = i + 1
        while j < len(claims) and LIST_SEP_RE.match(text[claims[j - 1].span.end : claims[j].span.start]) \
                and claims[j].kind == c.kind:
            group.append(j)
            j += 1
        if len(group) >= 2:
            out.append((at, group))
    return out


def _share_bound(text: str, claims: list[Claim], group: list[int]) -> None:
    """分别达到95%和90%以上: a bound word printed after the last figure bounds every one of them."""
    last = claims[group[-1]]
    m = AFTER_RE.match(text, last.span.end)
    if m is None or AFTER[m.group(0)] == Relation.EQ:
        return
    for gi in group[:-1]:
        c = claims[gi]
        if c.unit == last.unit and c.bound == Relation.EQ and not AFTER_RE.match(text, c.span.end):
            c.bound = AFTER[m.group(0)]
            c.qualifier = "…".join(q for q in (c.qualifier, m.group(0)) if q)
            c.approximate = c.bound == Relation.APPROX


def distribute_respectively(text: str, claims: list[Claim]) -> None:
    starts = [c.span.start for c in claims]  # in text order
    for at, group in _groups(text, claims):
        _share_bound(text, claims, group)
        floor = max(0, at - SENTENCE_WINDOW)  # bounded look-back: a stopless text stays linear
        sent = max(floor, max(text.rfind(ch, floor, at) for ch in "。;\n") + 1)
        lo, hi = bisect.bisect_left(starts, sent), bisect.bisect_left(starts, at)
        before = [c for c in claims[lo:hi] if c.kind in LEVEL_KINDS]
        if len(before) == len(group):
            for src, gi in zip(before, group, strict=True):
                claims[gi].subject, claims[gi].metric = src.subject, src.metric
            continue
        floor = max(0, at - CUE_WINDOW)
        clause = max(floor, max(text.rfind(ch, floor, at) for ch in ",;。:\n") + 1)
        names = [n for n in NAME_SPLIT_RE.split(TAIL_RE.sub("", LEAD_RE.sub("", text[clause:at]))) if n]
        if len(names) == len(group) and len(names) >= 2:
            # 城镇、农村居民人均可支配收入: the last name carries the shared metric
            last, metric = split_metric(names[-1], min_subject=2)
            if metric and last and len(last) <= len(names[0]) + 2:
                names[-1] = last
            else:
                metric = None
            for name, gi in zip(names, group, strict=True):
                claims[gi].subject = name
                claims[gi].metric = metric or claims[gi].metric
