"""Numeric claims (issue #3): every figure the text states, typed and located.

Conventions (stable; a change is noted here):
- `span` covers the figure with its unit and nothing else: `829.92亿元`, `4.4倍`, `34.5%`, `三所`,
  `3000多万` (多/余 printed inside the figure stay inside). Qualifiers (达, 超过, 以上, 约) are
  outside the span and reported in `qualifier` / `bound`.
- `value` is the number as printed, in `unit`; `unit` is the unit as printed INCLUDING its scale
  (亿元, 万人, 万平方米, %, 个百分点, 倍); `scale` is the scale word alone (亿, 万) or None;
  `normalized` = {value in base units, base unit} (829.92亿元 → 8.2992e10 元; 3成 → 30 %;
  3000多万 → 3e7 "1" = dimensionless). `decimals` is the printed precision (109.30 → 2).
- `kind`: amount (money, area, mass … levels), count (people and measure words: 人, 家, 项),
  percent (a level in %), share (占…比重/的 x%), growth_yoy (增长/下降 x%, 同比, 比上年),
  cagr (年均), multiple (N倍), pp_change (个百分点), doubling (翻番 → value 2, 翻两番 → 4),
  ratio (`parts` 2.5:36.7:60.7), fraction (三分之一: value 1/3, parts [1, 3]), per_unit
  (14.3/10万, 25微克/立方米), range (value..value_high of an amount or count), year, date.
  A goal (到2025年…, 目标, 力争) turns amount/count/percent into `target` and sets `target`;
  the measured dimension is always in `dimension`.
- `per`: the denominator of a per-unit figure (每万人 from the clause, /10万 and /人 from the unit).
- `change`: the figure is a change (比上年末增加3.4万人, 增长5%, 提高0.3个百分点), not a level.
- `negative`: the change is a decrease (下降/减少/回落); value stays positive.
- `bound`: = >= <= > < ~ from the qualifier (以上 ≥, 超过/突破/多/余 >, 以内/不超过 ≤, 约/近/左右 ~).
- `period`: the nearest period named before the figure in its paragraph, skipping comparison
  bases (是“十二五”期末的, 比2015年), else the innermost heading naming one (一、2025年工作回顾);
  `year` when that period is one year. A bare copula (为, 是) is not a qualifier.
- Not claims: table regions (doc.tables spans, `|`/tab rows), 《titles》, short “quoted names”,
  heading markers, ordinals (第一), idioms (一带一路, 三位一体), document numbers, letter-joined
  numbers (5G, H3, PM2.5), a lone Chinese 一 before a measure word (一批), months (1-11月).
- Coordinated figures sharing one unit printed after the last (`快5.8和3.8个百分点`,
  `分别为1.2、3.4亿元`): every number is a claim with that scale and unit; its span and `raw` are
  the number alone (5.8), `decimals` as printed (coordinated.py); a number with the list's scale but
  no unit word takes the unit too (惠及3500万、2300万人次: 3500万 is 万人次). A claim whose raw is
  bare digits (or digits and scale) while its unit is longer is such a figure.
- One stray space between a number and its scale/unit or between a cue and the figure (web and
  PDF renditions: `39.8 万亿元`, `下降 19.1%`, `70% 以上`) is read through; `raw` keeps the space.
- An N年 that frames the span of other figures (过去五年, 五年累计, 比五年前, 四年间, a Chinese 五年
  heading its clause, 极不平凡的五年。, 三年行动) is no claim; it is the `period` (past N years
  before the document's year) and makes a change over it `cumulative` (四年间增长33.6%). A CAGR is
  never cumulative.
- `占43.7%` (占 right before the figure) is a share of the clause's own total.
- `分别达到95%和90%以上`: the bound printed after the last figure of a 分别 list bounds each.
- `1/10以上` is a fraction (0.1, parts [1, 10]); `14.3/10万` stays a per-unit figure.
- `改善` is a change; a decrease when what improves is bad (浓度, 排放, 能耗, 强度 …).
- A goal list: a line ending `…预期目标是:` makes the paragraph after it goals. A base `从47.5%提高到…`
  is no goal. `提出到2020年…目标。` dates nothing in the next sentence (only a goal head 到2025年, does).
- A figure with a scale and no unit before a people noun (2.15亿农村人口) is a count.
- A goal section is one whose title, or an ancestor's, names 目标 and is no review (完成情况, 回顾):
  发展目标和主要指标 > 主要指标 makes its figures goals.
- `subject`/`metric`: best effort from the clause; `分别` hands a list of figures the subjects of the
  figures (or listed names) it refers to, in order.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

import regex

from ..model import Claim, ClaimKind, Document, Normalized, Period, Relation, Section, Span
from . import cues
from .coordinated import share_units
from .distribute import distribute_respectively
from .figures import Figure, scan
from .locate import SectionIndex, StopIndex
from .periods import PeriodRef, find_periods
from .regions import skip_regions
from .subjects import PAREN_RE, clause_start, noun_after, subject_metric
from .units import dimension_of, normalize
from .units_data import ARTICLE_UNITS, CHINESE_EXCLUDED_UNITS

SENTENCE_STOP = "。;!?\n"
BASE_BEFORE_RE = regex.compile(r"(?:比|较|是|相当于|与|同)$")
LEVEL_KINDS = {ClaimKind.AMOUNT, ClaimKind.COUNT, ClaimKind.PERCENT}
CHANGE_KINDS = {ClaimKind.GROWTH_YOY, ClaimKind.CAGR, ClaimKind.MULTIPLE, ClaimKind.PP_CHANGE, ClaimKind.DOUBLING}
CHANGE_RATE_KINDS = {ClaimKind.GROWTH_YOY, ClaimKind.CAGR, ClaimKind.PP_CHANGE}
LIST_RE = regex.compile(r"^\s*[、和及与]\s*$")
CUE_STOP = ",;。:!?\n"
PER_RE = regex.compile(r"每(?:十万|百万|万|千|百)?(?:人口?|户|平方公里|辆|床)")
# the periods named on a figure's line are tried nearest first; no real line names more than a few
PERIOD_LOOKBACK = 64


def _doc_year(doc: Document) -> int | None:
    date = doc.metadata.date or doc.metadata.header_date
    return int(date[:4]) if date and date[:4].isdigit() else None


def _is_quantity(text: str, fig: Figure) -> bool:
    """Reject what reads as a number but names or orders something."""
    before = text[max(0, fig.start - 2) : fig.start].rstrip(" ")[-1:]  # 第 3 条: a stray space
    if before == "第" or fig.form == "month":
        return False
    if fig.form not in {"number", "range"}:
        return True
    if fig.unit is None:
        # a bare number is a quantity only when a verb states it (系数为0.46, 收入比缩小0.06)
        return fig.decimals > 0 and bool(before) and (
            before in "为达是从至到" or bool(cues.CHANGE_RE.search(text, max(0, fig.start - 4), fig.start))
        )
    if fig.chinese and fig.unit_word in CHINESE_EXCLUDED_UNITS:
        return False
    if fig.unit_word == "年" and fig.form == "number" and _frames_span(text, fig):
        return False
    if "×" in text[max(0, fig.start - 1) : fig.end + 1] and (dimension_of(fig.unit_word) or "").startswith("time"):
        return False  # 7×24小时, 365天×24小时: round-the-clock service, not a stated duration
    if fig.chinese and fig.value == 1 and (fig.unit_word in ARTICLE_UNITS or fig.unit_word is None):
        return False  # 一家, 一批: an article
    return True


def _frames_span(text: str, fig: Figure) -> bool:
    """过去五年, 五年累计, 比五年前, 四年间, 五年的成绩, 三年行动; a Chinese N年 heading its clause
    (五年建成铁路新线…): the span other figures refer to, not a stated duration."""
    if cues.SPAN_BEFORE_RE.search(text, max(0, fig.start - 2), fig.start):
        return True
    if cues.SPAN_AFTER_RE.match(text, fig.end):
        return True
    if fig.chinese and text[fig.start - 1 : fig.start] == "的" and text[fig.end : fig.end + 1] in "。,;!":
        return True  # 极不平凡的五年。
    head = text[max(0, fig.start - 8) : fig.start].rstrip(" ")
    return fig.chinese and (not head or head[-1] in cues.CLAUSE_HEAD) and not cues.AFTER_RE.match(text, fig.end)


def _kind(text: str, fig: Figure, prefix: str) -> tuple[ClaimKind, bool]:
    """(kind, negative) from the unit and the clause before the figure."""
    form_kinds = {"year": ClaimKind.YEAR, "year_range": ClaimKind.YEAR, "date": ClaimKind.DATE,
                  "doubling": ClaimKind.DOUBLING, "fraction": ClaimKind.FRACTION, "ratio": ClaimKind.RATIO}
    if fig.form in form_kinds:
        return form_kinds[fig.form], False
    change = cues.CHANGE_RE.search(prefix)
    verb = change.group("verb") if change and not change.group("to") else ""
    negative = verb in cues.NEGATIVE_VERBS or (verb == "改善" and bool(cues.IMPROVE_DOWN_RE.search(prefix)))
    is_change = bool(change and not change.group("to"))
    dim = dimension_of(fig.unit_word)
    if dim == "pp":
        return ClaimKind.PP_CHANGE, negative
    if dim == "multiple":
        return ClaimKind.MULTIPLE, False
    if fig.per or (fig.unit_word and "/" in fig.unit_word):
        return ClaimKind.PER_UNIT, False
    if dim == "percent":
        if is_change:
            return (ClaimKind.CAGR if cues.CAGR_RE.search(prefix) else ClaimKind.GROWTH_YOY), negative
        if cues.SHARE_RE.search(prefix):
            return ClaimKind.SHARE, False
        if cues.CAGR_RE.search(prefix):
            return ClaimKind.CAGR, False
        return ClaimKind.PERCENT, False
    if fig.form == "range":
        return ClaimKind.RANGE, negative and is_change
    if dim is None and fig.scale and cues.PEOPLE_AFTER_RE.match(text, fig.end):
        return ClaimKind.COUNT, negative and is_change
    if dim in {"people", "count", "person_times"}:
        return ClaimKind.COUNT, negative and is_change
    return ClaimKind.AMOUNT, negative and is_change


def _qualifier(text: str, fig: Figure, cs: int) -> tuple[str | None, Relation]:
    found: list[str] = []
    bound = Relation.EQ
    m = cues.BEFORE_RE.search(text[max(cs, fig.start - 5) : fig.start].rstrip(" "))  # 控制在 3.3%
    if m:
        found.append(m.group(0))
        bound = cues.BEFORE[m.group(0)]
    if fig.more:
        found.append(fig.more)
        bound = cues.AFTER[fig.more]
    after = fig.end + text.startswith(" ", fig.end)  # 70% 以上: a stray space in web renditions
    a = cues.AFTER_RE.match(text, after, min(len(text), after + 3))
    if a:
        found.append(a.group(0))
        bound = cues.AFTER[a.group(0)]
    return ("…".join(found) or None), bound


def _period(text: str, refs: list[PeriodRef], fig: Figure, sent_start: int) -> PeriodRef | None:
    for ref in reversed(refs):
        if ref.end > fig.start or (ref.start <= fig.start < ref.end):
            continue
        if ref.label[0] in "到至" and not ref.future_marker and ref.end <= sent_start:
            continue  # 提出到2020年…行动目标。新增装机4.45亿千瓦: a goal's name, not the next sentence's date
        if ref.label[-1] in "”\"" and ref.end <= sent_start:
            continue  # 完成“十二五”各项目标。…增长10.3%: a bare “十二五” names the plan in its own sentence
        if BASE_BEFORE_RE.search(text, max(0, ref.start - 3), ref.start):
            continue  # 比2015年 / 是“十二五”期末的: the base of a comparison
        if text.startswith("的", ref.end) and text.find("倍", ref.end, ref.end + 12) != -1:
            continue
        return ref
    return None


GOAL_TITLE_RE = regex.compile(r"目标")
REVIEW_TITLE_RE = regex.compile(r"完成|回顾|执行|情况|成就|成效")


def _goal_section(by_id: dict[str, Section], section_id: str) -> bool:
    """The figure's section or one above it sets goals (发展目标和主要指标 > 主要指标); a review of
    goals (目标完成情况) does not."""
    sec = by_id.get(section_id)
    while sec is not None:
        if GOAL_TITLE_RE.search(sec.title):
            return not REVIEW_TITLE_RE.search(sec.title)
        sec = by_id.get(sec.parent_id) if sec.parent_id else None
    return False


@dataclass
class _Ctx:
    """What every claim of one document reads: built once per document."""

    doc: Document
    refs: list[PeriodRef]
    doc_year: int | None
    sections: SectionIndex  # sections whose body holds a position: innermost first
    by_id: dict[str, Section]
    ref_starts: list[int]
    lines: StopIndex
    sentences: StopIndex
    clauses: StopIndex
    heading_periods: dict[str, PeriodRef | None] = field(default_factory=dict)


def _context(doc: Document) -> _Ctx:
    year = _doc_year(doc)
    refs = find_periods(doc.text, 0, len(doc.text), year)
    by_id: dict[str, Section] = {}
    for s in doc.sections:
        by_id.setdefault(s.id, s)
    return _Ctx(
        doc, refs, year, SectionIndex(doc.sections), by_id, [r.start for r in refs],
        StopIndex(doc.text, "\n"), StopIndex(doc.text, SENTENCE_STOP), StopIndex(doc.text, CUE_STOP),
    )


def _heading_period(ctx: _Ctx, sid: str) -> PeriodRef | None:
    if sid not in ctx.heading_periods:
        sec = ctx.by_id[sid]
        found = find_periods(ctx.doc.text, sec.span.start, sec.span.end, ctx.doc_year)
        ctx.heading_periods[sid] = found[0] if found else None
    return ctx.heading_periods[sid]


def _section_period(ctx: _Ctx, pos: int) -> PeriodRef | None:
    """No period in the paragraph: the innermost heading that names one (一、2025年工作回顾)."""
    for sid in ctx.sections.covering_at(pos):
        ref = _heading_period(ctx, sid)
        if ref is not None:
            return ref
    return None


def _section_id(ctx: _Ctx, pos: int) -> str | None:
    covering = ctx.sections.covering_at(pos)
    return covering[0] if covering else None


def _goal_lead(text: str, line_start: int) -> bool:
    """The paragraph is the list a goal line opens: `今年…的主要预期目标是:` ending the line before."""
    head = text[max(0, line_start - 120) : line_start].rstrip()
    if not head.endswith(":"):
        return False
    return bool(cues.TARGET_RE.search(head[head.rfind("\n") + 1 :]))


def _build(ctx: _Ctx, fig: Figure, prev: Claim | None) -> Claim:
    doc, refs, doc_year = ctx.doc, ctx.refs, ctx.doc_year
    text = doc.text
    line_start = ctx.lines.start_after(fig.start)
    sent_start = ctx.sentences.start_after(fig.start, line_start)
    cs = ctx.clauses.start_after(fig.start, sent_start)
    cue_from = max(cs, fig.start - cues.CUE_WINDOW)
    sent_from = max(sent_start, fig.start - cues.SENTENCE_WINDOW)
    # 比重(城镇化率)为80.0%: the bracket is an aside; 下降 19.1%: a stray space is no separator
    prefix = PAREN_RE.sub("", text[cue_from : fig.start]).rstrip(" ")
    in_list = prev is not None and prev.span.start >= sent_start and bool(
        LIST_RE.match(text[prev.span.end : fig.start])
    )
    kind, negative = _kind(text, fig, prefix)
    if in_list and prev is not None and prev.unit == fig.unit:  # 分别增长14.2%、4.2%
        kind, negative = ClaimKind(prev.kind), prev.negative
    qualifier, bound = _qualifier(text, fig, cs) if kind not in {ClaimKind.YEAR, ClaimKind.DATE} else (None, Relation.EQ)
    # 累计, 四年间增长33.6%: a total over a span; a compound annual rate is never one
    cumulative = kind != ClaimKind.CAGR and bool(cues.CUMULATIVE_RE.search(text, sent_from, fig.start))
    if kind == ClaimKind.CAGR and qualifier is None:
        qualifier = "年均"
    lo, hi = bisect.bisect_left(ctx.ref_starts, line_start), bisect.bisect_left(ctx.ref_starts, fig.start)
    ref = _period(text, refs[max(lo, hi - PERIOD_LOOKBACK) : hi], fig, sent_start) or _section_period(ctx, fig.start)
    period = Period(label=ref.label, start=ref.first, end=ref.last) if ref else None
    year = ref.first if ref and ref.first == ref.last else None
    if kind == ClaimKind.YEAR and fig.value is not None:
        year = int(fig.value)
        period = None
    section_id = _section_id(ctx, fig.start)
    target = bool(
        (ref and (ref.future_marker or (doc_year and ref.last and ref.last > doc_year)))
        or cues.TARGET_RE.search(text, sent_from, fig.start)
        or _goal_lead(text, line_start)
        or (section_id and _goal_section(ctx.by_id, section_id))
    ) and kind not in {ClaimKind.YEAR, ClaimKind.DATE}
    if target and fig.start and text[fig.start - 1] in "从由" and cues.TO_LEVEL_RE.match(text, fig.end):
        target = False  # 城镇化率从47.5%提高到51.5%: the base is where the goal starts, not a goal
    if target and kind in LEVEL_KINDS:
        kind = ClaimKind.TARGET
    norm = normalize(fig.value, fig.scale, fig.unit_word) if fig.value is not None and not fig.per else None
    per = fig.per or (f"/{fig.unit_word.split('/', 1)[1]}" if fig.unit_word and "/" in fig.unit_word else None)
    if per is None:
        m = PER_RE.search(text, cue_from, fig.start)
        per = m.group(0) if m else None
    subject, metric = _subject(text, fig, kind, sent_start, prev)
    return Claim(
        id="",
        span=Span(start=fig.start, end=fig.end),
        raw=text[fig.start : fig.end],
        value=fig.value,
        value_high=fig.value_high,
        decimals=fig.decimals,
        unit=fig.unit,
        scale=fig.scale,
        normalized=Normalized(value=norm[0], unit=norm[1]) if norm else None,
        kind=kind,
        qualifier=qualifier,
        bound=bound,
        period=period,
        year=year,
        subject=subject,
        metric=metric,
        section_id=section_id,
        approximate=bound == Relation.APPROX,
        cumulative=cumulative,
        negative=negative,
        parts=fig.parts,
        target=target,
        dimension=dimension_of(fig.unit_word),
        per=per,
        change=kind in CHANGE_RATE_KINDS or bool((m := cues.CHANGE_RE.search(prefix)) and not m.group("to")),
    )


def _subject(
    text: str, fig: Figure, kind: ClaimKind, sent_start: int, prev: Claim | None
) -> tuple[str | None, str | None]:
    if kind in {ClaimKind.YEAR, ClaimKind.DATE}:
        return None, None
    same_sentence = prev is not None and prev.span.start >= sent_start
    share = kind == ClaimKind.SHARE
    floor = prev.span.end if same_sentence and prev is not None and not share else sent_start
    subject, metric = subject_metric(text, fig.start, floor, share=share)
    if dimension_of(fig.unit_word) == "count":
        subject = noun_after(text, fig.end) or subject
    if same_sentence and prev is not None and subject is None:
        if metric is None:  # 比上年末增加3.45万人, 是…的4.4倍: about the figure before
            return prev.subject, prev.metric  # 销售额829.92亿元,是…的4.4倍,年均增长34.5%
        if metric is not None and not share:
            return prev.subject, metric  # 实现税收36.94亿元: same subject as before
    return subject, metric


def extract_claims(doc: Document) -> Document:
    """Fill doc.claims with every stated figure outside tables, in text order (ids c1, c2 …)."""
    text = doc.text
    regions = skip_regions(doc)
    ctx = _context(doc)
    claims: list[Claim] = []
    prev: Claim | None = None
    figs = list(scan(text, skip=regions.overlaps))
    share_units(text, figs)
    for fig in figs:
        if not _is_quantity(text, fig):
            continue
        if any(v is not None and not math.isfinite(v) for v in (fig.value, fig.value_high, *fig.parts)):
            continue  # a digit run too long for a float is no figure anyone stated; never emit inf
        if fig.form == "ratio" and len(fig.parts) < 3 and not cues.RATIO_CUE_RE.search(
            text, clause_start(text, fig.start, max(0, fig.start - 30)), fig.start
        ):
            continue
        claim = _build(ctx, fig, prev)
        claims.append(claim)
        if claim.kind not in {ClaimKind.YEAR, ClaimKind.DATE}:
            prev = claim
    distribute_respectively(text, claims)
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    doc.claims = claims
    return doc
