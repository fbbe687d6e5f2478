"""Stated count vs ordinal points: `聚焦聚力干好四件大事:一是…;二是…;三是…;四是…`, the way
work reports announce a list and then walk it with 一是, 二是, ….

The count word (四件, 三方面, 十个突出亮点) must lead straight into `:一是` (or end its sentence
with the next one opening `一是`: 必须着力把握好三点。一是…); the points are the
ordinals that follow in sequence, each at a clause start, each within MAX_GAP characters of the
one before, and the walk stops at a new `一是` (another list). A list of n points that goes on
to an (n+1)th point, or stops before the nth, contradicts the count.
"""

from __future__ import annotations

import regex

from ...model import Severity, Span, Verdict
from ..context import Context, Draft, RuleCode
from .enumeration import cn_number

LEAD_RE = regex.compile(
    r"(?<![一二三四五六七八九十两百千\d第])(?P<n>十[一二三四五六七八九]?|[二两三四五六七八九]十?[一二三四五六七八九]?)"
    r"(?P<cls>个方面|方面|件|个|项|点|条|大)[^,;:。\n一二三四五六七八九十]{0,8}[:。](?=\s*一是)"
)
AT_LEAST = regex.compile(r"(至少|不少于|不止|超过|以上)有?$")
ORDINALS = "一二三四五六七八九十"
MAX_GAP = 3000  # work-report points run a paragraph each
CLAUSE_MARK = ":;。\n"


def ordinal(k: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二 (the points of one list rarely pass twenty)."""
    if k <= 10:
        return ORDINALS[k - 1]
    return "十" + ORDINALS[k - 11]


def _points(text: str, first: int) -> list[int]:
    """Positions of 一是, 二是, … in sequence from `first` (where 一是 stands)."""
    found = [first]
    while len(found) < 20:
        prev = found[-1]
        marker = ordinal(len(found) + 1) + "是"
        at = text.find(marker, prev + 2, prev + 2 + MAX_GAP)
        restart = text.find("一是", prev + 2, at if at >= 0 else prev + 2 + MAX_GAP)
        if at < 0 or 0 <= restart < at or text[at - 1] not in CLAUSE_MARK:
            break
        found.append(at)
    return found


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in LEAD_RE.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        n = cn_number(m.group("n"))
        if n < 2:
            continue
        points = _points(ctx.text, m.end())
        # an (n+1)th point after the count's last is a contradiction; so is a list that stops short
        # 至少有十个突出亮点: a lower bound, so more points than the count is no error
        at_least = AT_LEAST.search(ctx.text, max(0, m.start() - 4), m.start())
        ok = len(points) == n or (at_least is not None and len(points) > n)
        word = "consistent" if ok else "inconsistent"
        expl = (f"“{m.group('n')}{m.group('cls')}” states {n}; the text goes on with {len(points)} points "
                f"(一是 … {ordinal(len(points))}是): {word}")
        spans = [Span(start=m.start(), end=m.start() + len(m.group("n")) + len(m.group("cls")))]
        # the first and the last point stand for the walk (a check names few figures)
        ends = sorted({0, len(points) - 1})
        spans += [Span(start=points[i], end=points[i] + len(ordinal(i + 1)) + 1) for i in ends]
        out.append(Context.draft(RuleCode.ENUMERATION_COUNT, Verdict.CONSISTENT if ok else Verdict.INCONSISTENT,
                                 expl, extra_spans=spans, stated=n,
                                 severity=None if ok else Severity.MAJOR))
    return out
