"""What every rule gets: the document, its figures, sentence bounds, and one way to build a Check."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

import regex

from ..model import (
    Check,
    Computed,
    Document,
    Evidence,
    EvidenceFigure,
    EvidenceStrength,
    Severity,
    Span,
    Verdict,
)
from .figures import Figure, claim_figures
from .interval import Interval, fmt, fmt_interval, unit_of

MAX_SPANS = 8  # a check names the few figures it used, never a paragraph of them

SENTENCE_END = regex.compile(r"[。!?\n]")
EXEMPT_PRICES = regex.compile(r"按?(可比价格?|不变价格?|可比口径)(计算)?")


class RuleCode(StrEnum):
    SHARE = "share"
    MULTIPLE = "multiple"
    MULTIPLE_VS_CAGR = "multiple_vs_cagr"
    CAGR_VS_LEVELS = "cagr_vs_levels"
    GROWTH_YOY = "growth_yoy"
    CHANGE_AMOUNT = "change_amount"
    PP_CHANGE = "pp_change"
    RATE_DIFFERENCE = "rate_difference"
    RATE_GAP = "rate_gap"
    SUM_OF_PARTS = "sum_of_parts"
    STRUCTURE_RATIO = "structure_ratio"
    SHARES_TOTAL = "shares_total"
    LEVELS_RATIO = "levels_ratio"
    DOUBLING = "doubling"
    INDICATOR_TABLE = "indicator_table"
    TEXT_VS_TABLE = "text_vs_table"
    ENUMERATION_COUNT = "enumeration_count"
    DATE_AGREEMENT = "date_agreement"


@dataclass
class Draft:
    """A check before it gets its id."""

    rule: RuleCode
    verdict: Verdict
    explanation: str
    spans: list[Span] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    stated: float | str | None = None
    computed: Interval | None = None
    computed_value: Decimal | None = None
    severity: Severity | None = None
    exemption: str | None = None
    kind: str = "check"
    evidence: Evidence | None = None

    def to_check(self, number: int) -> Check:
        comp = None
        if self.computed is not None:
            value = self.computed_value if self.computed_value is not None else self.computed.mid
            comp = Computed(value=float(value), low=float(self.computed.lo), high=float(self.computed.hi))
        return Check(
            id=f"k{number}",
            rule=self.rule.value,
            kind="implied" if self.kind == "implied" else "check",
            verdict=self.verdict,
            # spans and claim ids together name at most MAX_SPANS figures
            claim_ids=list(dict.fromkeys(self.claim_ids))[: max(0, MAX_SPANS - len(self.spans))],
            spans=self.spans[:MAX_SPANS],
            stated=self.stated,
            computed=comp,
            explanation=self.explanation,
            severity=self.severity,
            exemption=self.exemption,
            evidence=self.evidence,
        )


def judge(stated: Interval, computed: Interval, decimals: int) -> tuple[Verdict, Severity | None]:
    """Inconsistent only when no stated value fits the computed interval; minor when the gap is
    under one unit of the last printed digit (a rounding slip), major beyond."""
    if stated.intersects(computed):
        return Verdict.CONSISTENT, None
    minor = stated.gap(computed) < unit_of(decimals)
    return Verdict.INCONSISTENT, Severity.MINOR if minor else Severity.MAJOR


def verdict_word(verdict: Verdict) -> str:
    return {Verdict.CONSISTENT: "consistent", Verdict.INCONSISTENT: "inconsistent"}.get(verdict, "unverifiable")


class Context:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        spans = sorted((t.span.start, t.span.end) for t in doc.tables)
        self._table_starts = [s for s, _ in spans]
        self._table_ends = [e for _, e in spans]
        self.figures: list[Figure] = [f for f in claim_figures(doc) if not self.in_table(f.start)]
        self._starts = [f.start for f in self.figures]
        self._ends = [m.end() for m in SENTENCE_END.finditer(self.text)]

    # ---------------------------------------------------------------- where things are
    def in_table(self, pos: int) -> bool:
        """Tables do not overlap: only the last one starting at or before `pos` can hold it."""
        i = bisect.bisect_right(self._table_starts, pos) - 1
        return i >= 0 and pos < self._table_ends[i]

    def sentence(self, pos: int) -> tuple[int, int]:
        """[start, end) of the sentence holding `pos`, the end mark included."""
        i = bisect.bisect_right(self._ends, pos)
        start = self._ends[i - 1] if i > 0 else 0
        end = self._ends[i] if i < len(self._ends) else len(self.text)
        return start, end

    def paragraph(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def figures_in(self, start: int, end: int, dimension: str | None = None) -> list[Figure]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        figs = [f for f in self.figures[lo:hi] if f.end <= end]
        return [f for f in figs if dimension is None or f.dimension == dimension]

    def figure_at(self, start: int, end: int) -> Figure | None:
        return next((f for f in self.figures_in(start - 30, end + 30) if f.start < end and start < f.end), None)

    def exemption_near(self, pos: int) -> str | None:
        """Growth at comparable prices or scope: said in the sentence or the paragraph lead."""
        s, e = self.sentence(pos)
        p0, _ = self.paragraph(pos)
        m = EXEMPT_PRICES.search(self.text, s, e) or EXEMPT_PRICES.search(self.text, p0, s)
        if m:
            return (f"the text says “{m.group()}”: growth is at comparable prices or scope, "
                    "so it is not recomputed from nominal levels")
        return None

    # ---------------------------------------------------------------- building checks
    def evidence(self, strength: EvidenceStrength, basis: str, figures: Iterable[tuple[str, Figure]],
                 reason: str | None = None) -> Evidence:
        """The structure behind a check: `figures` are (role, figure) pairs such as ("whole", f)."""
        return Evidence(strength=strength, basis=basis, reason=reason, figures=[
            EvidenceFigure(role=role, text=self.text[f.start : f.end], span=Span(start=f.start, end=f.end),
                           claim_id=f.claim_ids[0] if f.claim_ids else None)
            for role, f in figures])

    def evidence_spans(self, strength: EvidenceStrength, basis: str, spans: Iterable[tuple[str, tuple[int, int]]],
                       reason: str | None = None) -> Evidence:
        """Evidence over stated words that are no claim (a year, a plan's name): (role, (start, end))."""
        return Evidence(strength=strength, basis=basis, reason=reason, figures=[
            EvidenceFigure(role=role, text=self.text[a:b], span=Span(start=a, end=b)) for role, (a, b) in spans])

    @staticmethod
    def draft(rule: RuleCode, verdict: Verdict, explanation: str, figures: Iterable[Figure] = (),
              extra_spans: Sequence[Span] = (), judged: Figure | None = None, **kw: object) -> Draft:
        """`judged` is the stated figure the verdict is about: its claim comes first in claim_ids
        (the report marks it), and `stated` should be its value."""
        figs = list(figures)
        spans = [Span(start=f.start, end=f.end) for f in figs] + list(extra_spans)
        first = judged.claim_ids if judged is not None else []
        claim_ids = first + [cid for f in figs for cid in f.claim_ids]
        return Draft(rule=rule, verdict=verdict, explanation=explanation, spans=spans,
                     claim_ids=claim_ids, **kw)  # type: ignore[arg-type]


# qualifiers around a stated figure: what they do to the interval it stands for
LOWER_BEFORE = regex.compile(r"(超过|超|逾|突破|不低于|不少于|高于|大于|至少|≥|>)$")
UPPER_BEFORE = regex.compile(r"(不超过|不高于|不多于|低于|少于|小于|控制在|≤|<)$")
APPROX_BEFORE = regex.compile(r"(约|近|接近|大约|左右|将近|近似)$")
LOWER_AFTER = regex.compile(r"^(以上|多)")
UPPER_AFTER = regex.compile(r"^(以下|以内)")
APPROX_AFTER = regex.compile(r"^(左右|上下)")
OPEN = Decimal(10) ** 30


def stated_interval(ctx: Context, fig: Figure) -> tuple[Interval, str | None]:
    """The interval a stated figure stands for, widened by 超/以上/以下; (interval, None) when
    plain, or (interval, reason) when a qualifier opened it. Approximate figures (约, 左右)
    get reason starting with "approximate"."""
    before = ctx.text[max(0, fig.start - 4) : fig.start]
    after = ctx.text[fig.end : fig.end + 2]
    iv = fig.interval()
    if APPROX_BEFORE.search(before) or APPROX_AFTER.search(after):
        return iv, "approximate figure (约/近/左右): not checked against exact arithmetic"
    if UPPER_BEFORE.search(before) or UPPER_AFTER.search(after):
        return Interval(-OPEN, iv.hi), "an upper bound (不超过/以下)"
    if LOWER_BEFORE.search(before) or LOWER_AFTER.search(after):
        return Interval(iv.lo, OPEN), "a lower bound (超过/以上)"
    return iv, None


def judged_draft(ctx: Context, rule: RuleCode, what: str, figs: Sequence[Figure], stated: Figure,
                 computed: Interval, point: Decimal, *, suffix: str = "", exempt: str | None = None,
                 stated_iv: Interval | None = None) -> Draft:
    """The common end of a recomputing rule: `what` (the arithmetic) gave `computed`; the
    `stated` figure is judged against it unless an exemption or a qualifier (约, 以上) on any
    figure used makes the check unverifiable."""
    quals = [q for q in (stated_interval(ctx, f)[1] for f in figs) if q]
    iv = stated_iv if stated_iv is not None else stated.interval()
    value = float(iv.mid) if stated_iv is not None else float(stated.value)
    places = stated.decimals + 1
    if exempt or quals:
        reason = exempt or quals[0]
        return Context.draft(rule, Verdict.UNVERIFIABLE, f"{what} = {fmt(point, places)}{suffix}; {reason}",
                             figs, stated=value, computed=computed, computed_value=point,
                             exemption=reason, judged=stated)
    verdict, severity = judge(iv, computed, stated.decimals)
    expl = (f"{what} = {fmt(point, places)}{suffix} (interval {fmt_interval(computed, places, suffix)}); "
            f"stated {stated.label()} covers {fmt_interval(iv, places, suffix)}: {verdict_word(verdict)}")
    return Context.draft(rule, verdict, expl, figs, stated=value, computed=computed, computed_value=point,
                         severity=severity, judged=stated)
