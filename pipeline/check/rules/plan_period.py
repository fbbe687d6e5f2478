"""Five-year plan periods that the text dates: the n-th plan (“十四五”, 第十四个五年规划) runs five
years, 2021–2025 for the 14th. Statements that must agree with that calendar:

- `2025年是“十四五”收官之年`, `2026年是“十五五”开局之年` (also 第一年/最后一年, and `2025年…标志着
  “十四五”圆满收官` in one sentence): the year is the plan's first or last;
- `过去五年`, `经过五年`, `五年来`, `今后五年`, `连续5年` near a plan: the plan spans five years;
- `第十五个五年规划` and the “十五五” named in the same passage: the same plan.

Only a statement that ties year and plan in one sentence (`Y年是“N五”…之年`) is complete evidence;
the others pair by proximity, so a mismatch there stays unverifiable.
"""

from __future__ import annotations

import bisect
from itertools import accumulate

import regex

from ...model import EvidenceStrength, Severity, Span, Verdict
from ...numbers.numerals import parse_chinese
from ...numbers.periods import plan_end_year
from ..context import Context, Draft, RuleCode

PLAN_RE = regex.compile(r"(?<![第十])(?P<p>十[一二三四五六七八九]?五)(?=[”\"]?(时期|规划|期间|期末|末|开局|收官|以来|的|[”\"]))")
ORDINAL_RE = regex.compile(r"第(?P<n>十[一二三四五六七八九]?)个五年规划")
FIRST = "开局|起步|第一年|首年|第一个年头"
LAST = "收官|最后一年|收尾|圆满完成"
YEAR_IS = regex.compile(
    rf"(?P<y>(?:19|20)\d{{2}})年(?P<is>是|为)?[^。;!\n]{{0,24}}?[“\"]?(?P<p>十[一二三四五六七八九]?五)[”\"]?"
    rf"[^。;,!\n]{{0,10}}?(?P<role>{FIRST}|{LAST})")
SPAN_WORDS = regex.compile(r"(?P<lead>过去|今后|未来|经过|回首过去|展望今后|连续)(?P<n>[一二三四五六七八九十\d])年|"
                           r"(?P<n2>[一二三四五六七八九十\d])年(?P<tail>来|蓝图)")
SENTENCE_MARK = regex.compile(r"[,;。]")
NEAR = 600  # a plan named this close (same passage) is the one a five-year phrase speaks of
PLAN_YEARS = 5


def check(ctx: Context) -> list[Draft]:
    plans = Plans(ctx)
    out = [_year_role(ctx, m) for m in YEAR_IS.finditer(ctx.text) if not ctx.in_table(m.start())]
    out += _spans_of_years(ctx, plans)
    out += _ordinals(ctx, plans)
    return [d for d in out if d is not None]


def _year_role(ctx: Context, m: regex.Match[str]) -> Draft | None:
    end = plan_end_year(m.group("p"))
    if end is None:
        return None
    first = regex.fullmatch(FIRST, m.group("role")) is not None
    want = end - PLAN_YEARS + 1 if first else end
    year = int(m.group("y"))
    ok = year == want
    said = "first" if first else "last"
    expl = (f"“{m.group('p')}” runs {end - PLAN_YEARS + 1}–{end}, so its {said} year is {want}; "
            f"the text says {year}: {'consistent' if ok else 'inconsistent'}")
    complete = m.group("is") is not None
    evidence = ctx.evidence_spans(EvidenceStrength.COMPLETE if complete else EvidenceStrength.PARTIAL,
                                  "a year named as a plan's first or last year in one sentence",
                                  [("year", m.span("y")), ("plan", m.span("p"))],
                                  reason=None if complete else "year and plan are joined loosely in the sentence")
    return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.CONSISTENT if ok else Verdict.INCONSISTENT, expl,
                         extra_spans=[Span(start=m.start("y"), end=m.end("y")), Span(start=m.start("p"), end=m.end("p"))],
                         stated=year, severity=None if ok else Severity.MAJOR, evidence=evidence)


class Plans:
    """The plans a text names, with distances counted in printed characters (whitespace left
    out, so a DOCX or HTML rendition with other line breaks pairs the same way)."""

    def __init__(self, ctx: Context) -> None:
        self.named = [(m.start("p"), m.end("p"), end) for m in PLAN_RE.finditer(ctx.text)
                      if (end := plan_end_year(m.group("p"))) is not None and not ctx.in_table(m.start())]
        self.starts = [p[0] for p in self.named]
        self.dense = list(accumulate((not c.isspace() for c in ctx.text), initial=0))

    def nearest(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """The plan named last before `lo` and first after `hi`, each within NEAR."""
        d = self.dense
        k = bisect.bisect_left(self.starts, lo)
        before = [self.named[k - 1]] if k and d[lo] - d[self.named[k - 1][1]] <= NEAR else []
        j = bisect.bisect_left(self.starts, hi)
        after = [self.named[j]] if j < len(self.named) and d[self.named[j][0]] - d[hi] <= NEAR else []
        return before + after


def _spans_of_years(ctx: Context, plans: Plans) -> list[Draft]:
    out: list[Draft] = []
    prev: tuple[int, int] | None = None
    for m in SPAN_WORDS.finditer(ctx.text):
        key = "n" if m.group("n") else "n2"
        raw = m.group(key)
        n = int(raw) if raw.isdigit() else int(getattr(parse_chinese(raw), "value", 0) or 0)
        near = plans.nearest(m.start(), m.end())
        if not near or ctx.in_table(m.start()):
            continue
        s, e = ctx.sentence(m.start())
        same_sentence = any(s <= p[0] < e for p in near)
        if n != PLAN_YEARS and not same_sentence:
            continue  # 过去一年, 近3年: another span, unless the sentence names the plan
        spans = [Span(start=m.start(key), end=m.end(key))] + [Span(start=p[0], end=p[1]) for p in near]
        if prev is not None and plans.dense[m.start()] - plans.dense[prev[1]] <= NEAR:
            spans.append(Span(start=prev[0], end=prev[1]))  # the same span said before (过去五年 … 五年来)
        ok = n == PLAN_YEARS
        if ok:
            prev = (m.start(key), m.end(key))
        plan = ctx.text[near[0][0] : near[0][1]]
        expl = (f"“{plan}” spans {PLAN_YEARS} years ({near[0][2] - PLAN_YEARS + 1}–{near[0][2]}); "
                f"“{m.group()}” says {n}: {'consistent' if ok else 'inconsistent'}")
        evidence = ctx.evidence_spans(EvidenceStrength.PARTIAL, "a span of years said near a plan period",
                                      [("count", (m.start(key), m.end(key)))] + [("plan", p[:2]) for p in near],
                                      reason="the span of years is paired with the plan by proximity")
        out.append(Context.draft(RuleCode.DATE_AGREEMENT, Verdict.CONSISTENT if ok else Verdict.INCONSISTENT,
                                 expl, extra_spans=spans, stated=n, evidence=evidence))
    return out


def _ordinals(ctx: Context, plans: Plans) -> list[Draft]:
    out: list[Draft] = []
    for m in ORDINAL_RE.finditer(ctx.text):
        lo, hi = ctx.paragraph(m.start())
        if not SENTENCE_MARK.search(ctx.text, lo, hi):
            continue  # a title line (《…第十五个五年规划纲要》, front matter) states nothing
        near = plans.nearest(m.start(), m.end())
        num = parse_chinese(m.group("n"))
        if not near or num is None:
            continue
        n = int(num.value)
        named = ctx.text[near[0][0] : near[0][1]]
        ok = plan_end_year(m.group("n") + "五") == near[0][2]
        expl = (f"“{m.group()}” is the {n}th plan; the passage names “{named}”: "
                f"{'consistent' if ok else 'inconsistent'}")
        evidence = ctx.evidence_spans(EvidenceStrength.PARTIAL, "a plan named by its number near its short name",
                                      [("plan", m.span("n"))] + [("plan", p[:2]) for p in near],
                                      reason="the plan names are paired by proximity")
        out.append(Context.draft(RuleCode.DATE_AGREEMENT, Verdict.CONSISTENT if ok else Verdict.INCONSISTENT, expl,
                                 extra_spans=[Span(start=m.start("n"), end=m.end("n"))]
                                 + [Span(start=p[0], end=p[1]) for p in near],
                                 stated=n, evidence=evidence))
    return out
