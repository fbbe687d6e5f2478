"""Stated count vs listed items: `上海工商学院、上海政法学院、上海大学房地产学院三所高校`,
`“企业服务、政策支撑、科技市场、体制机制”四种环境`, `“五大经济”(总部经济、…、湖区经济)`.

A Chinese count word (三所, 四大, 六个方面) is compared with the 、-separated list right before it
(inside one pair of quotes, or back to the clause start), or with a list in parentheses or after
a colon right after it. 和/及/与 may join the last two items. `等` before the count marks a list
that may be partial: fewer items than the count is then no error.
"""

from __future__ import annotations

import regex

from ...model import EvidenceStrength, Severity, Span, Verdict
from ...numbers.numerals import parse_chinese
from ..context import Context, Draft, RuleCode

CLASSIFIERS = "个方面|方面|大类|个|大|项|所|种|类|条|家|座|支|位|名|张|片|批|级|站"
COUNT_RE = regex.compile(
    rf"(?<![一二三四五六七八九十两百千万\d第.])(?:(?P<n>十[一二三四五六七八九]?|[二两三四五六七八九]十?[一二三四五六七八九]?)"
    rf"|(?P<d>[2-9]))(?P<cls>{CLASSIFIERS})"
)
CLAUSE_START = regex.compile(r"[,;:。!?\n(]")
JOINERS = regex.compile(r"以及|和|及|与")
AFTER_LIST = regex.compile(r"^[”\"]?[ \t]*[(:][ \t]*(?P<body>[^()。;,\n]{2,200}?)[)。;\n]")
CLOSES_LIST = regex.compile(r"(等|这|此|共|上述|以上)$")
NOT_NOUN_LIST = regex.compile(r"的|被|入选|实现|成为|建成|获评|先后|分别|已")
ORDINAL_LEAD = regex.compile(r"^\s*[一二三四五六七八九十]+、")
MAX_OFF = 2  # an unquoted list that misses the count by more is probably not the list counted


def cn_number(s: str) -> int:
    """The value of a small Chinese numeral (numbers stage grammar); 0 for a malformed run such
    as 七四, which is no count."""
    n = parse_chinese(s)
    return int(n.value) if n is not None and n.decimals == 0 else 0


def split_items(body: str) -> list[str]:
    """Top-level 、 items (a 、 inside brackets or nested quotes does not split)."""
    items, depth, cur = [], 0, ""
    for ch in body:
        if ch in "(《‘[":
            depth += 1
        elif ch in ")》’]" and depth:
            depth -= 1
        if ch == "、" and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    return [i for i in (x.strip() for x in items) if i]


def _list_before(ctx: Context, pos: int) -> tuple[str, int] | None:
    """The list ending right before `pos`: a quoted one “…”, or back to the clause start.
    None when the count word opens a quoted name (“四个意识”) or is itself an item (…及十大赛事)."""
    text = ctx.text
    if pos > 0 and (text[pos - 1] in "“、" or regex.search(r"(以及|和|及|与)$", text[max(0, pos - 2) : pos])):
        return None
    if pos > 0 and text[pos - 1] in "”\"":
        open_at = text.rfind("“" if text[pos - 1] == "”" else "\"", max(0, pos - 200), pos - 1)
        if open_at >= 0:
            return text[open_at + 1 : pos - 1], open_at
        return None
    lo = max(0, pos - 150)
    starts = [m.end() for m in CLAUSE_START.finditer(text, lo, pos)]
    start = starts[-1] if starts else lo
    body = text[start:pos]
    if body.count("“") > body.count("”"):
        return None  # inside a quoted name such as “一干两支”
    return body, start


def _counts_match(items: list[str], n: int) -> tuple[bool, int]:
    if len(items) == n:
        return True, n
    joined = JOINERS.split(items[-1]) if items else []
    if len(joined) > 1 and len(items) - 1 + len(joined) == n:
        return True, n
    return False, len(items)


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in COUNT_RE.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        n = int(m.group("d")) if m.group("d") else cn_number(m.group("n"))
        if n < 2:
            continue
        draft = _check_before(ctx, m, n) or _check_after(ctx, m, n)
        if draft is not None and m.group("d"):
            draft = _arabic(ctx, draft)
        if draft is not None:
            out.append(draft)
    return out


def _arabic(ctx: Context, draft: Draft) -> Draft | None:
    """An Arabic count (3个历史经典产业) is judged only after a clean list of names: none when
    the items carry figures (甲2个、乙3个), brackets or verbs; a list that misses the count is
    unverifiable, as it may name places or kinds rather than the things counted (格尔木、德令哈
    3座电站)."""
    where = draft.spans[1]
    items = split_items(ctx.text[where.start : where.end])
    if any(regex.search(r"[\d()]", i) or NOT_NOUN_LIST.search(i) or len(i) > 20 for i in items):
        return None
    if draft.verdict == Verdict.INCONSISTENT:
        draft.verdict, draft.severity = Verdict.UNVERIFIABLE, None
        draft.exemption = "the items before an Arabic count may be places or kinds, not the things counted"
        draft.explanation = draft.explanation.rsplit(":", 1)[0] + ": " + draft.exemption
    return draft


def _draft(ctx: Context, m: regex.Match[str], n: int, items: list[str], where: Span) -> Draft:
    ok, got = _counts_match(items, n)
    shown = "、".join(items)
    verdict = Verdict.CONSISTENT if ok else Verdict.INCONSISTENT
    word = "consistent" if ok else "inconsistent"
    expl = f"“{m.group()}” states {n}; the list names {got if not ok else n}: {shown}: {word}"
    return Context.draft(RuleCode.ENUMERATION_COUNT, verdict, expl,
                         extra_spans=[Span(start=m.start(), end=m.end()), where],
                         stated=n, severity=None if ok else Severity.MAJOR)


def _check_before(ctx: Context, m: regex.Match[str], n: int) -> Draft | None:
    found = _list_before(ctx, m.start())
    if found is None:
        return None
    body, start = found
    lead = ORDINAL_LEAD.match(body)  # 一、提高低保…: the item marker of a numbered line
    if lead:
        body, start = body[lead.end() :], start + lead.end()
    partial = body.rstrip().endswith("等")
    items = split_items(body.rstrip().removesuffix("等"))
    if len(items) < 2 or body.rstrip().endswith("、"):
        return None
    if partial and len(items) < n:
        return None
    quoted = ctx.text[m.start() - 1] in "”\""
    if not quoted and not _counts_match(items, n)[0]:
        # an unquoted list has no clear start: only a clean noun list close to the count is judged
        if abs(len(items) - n) > MAX_OFF or any(NOT_NOUN_LIST.search(i) for i in items[1:]):
            return None
    draft = _draft(ctx, m, n, items, Span(start=start, end=start + len(body)))
    joined = len(JOINERS.split(items[-1])) > 1
    if not quoted and joined and not CLOSES_LIST.search(ctx.text, max(0, m.start() - 2), m.start()):
        # a bare list whose last item joins two nouns may end in the counted thing's owner
        # (提高低保、特困人员、孤儿基本生活与残疾人两项补贴: the 两项 are 残疾人's)
        draft.evidence = ctx.evidence_spans(
            EvidenceStrength.PARTIAL, "a list right before a count word", [("count", (m.start(), m.end())),
                                                                            ("list", (start, start + len(body)))],
            reason="the count word follows the list without 等 or quotes: it may count something the last item names")
    return draft


def _check_after(ctx: Context, m: regex.Match[str], n: int) -> Draft | None:
    # the counted noun then (…) or :…, as in “五大经济”(功能型总部经济、…) or 三所高校:甲、乙、丙
    tail = ctx.text[m.end() : m.end() + 260]
    noun = regex.match(r"[^\s,;。、“”()(:]{0,8}", tail)
    skip = noun.end() if noun else 0
    am = AFTER_LIST.match(tail[skip:])
    if not am:
        return None
    body = am.group("body")
    items = split_items(body.removesuffix("等"))
    if len(items) < 2 or (body.endswith("等") and len(items) < n):
        return None
    start = m.end() + skip + am.start("body")
    return _draft(ctx, m, n, items, Span(start=start, end=start + len(body)))
