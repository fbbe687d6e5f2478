"""Shares given with 分别 over a standard breakdown: `三次产业增加值占GDP比重分别为6.8%、36.5%、
56.7%`, `第一、二、三产业增加值占地区生产总值的比重分别为…`, `…分别占可支配收入的a%、b%、c%、d%`.

The parts of a standard breakdown (breakdowns.py) exhaust their whole, so the shares must
total 100 (each rounded: n parts allow n × half a unit). When each part's level is stated in
the paragraph (or the one before) right after its name, and the whole is named after 占 and
stated (wholes.py), each share is also recomputed as level / whole. A list of other names
(企业、高等学校…所占比重) may leave parts out: it is not checked.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Verdict
from ..breakdowns import DEFINED_SHARES, breakdown_in
from ..context import Context, Draft, RuleCode, judge, judged_draft, verdict_word
from ..figures import Figure
from ..interval import Interval, fmt, fmt_interval
from ..paragraphs import Group, group_strength, groups, groups_between
from ..relation_evidence import COMPLETE, PARTIAL, evidence, with_evidence
from ..wholes import stated_whole

RESPECTIVELY = regex.compile(
    r"(?:占(?P<whole>[^,;。\d]{2,16}?)(?:的)?(?:比重|比例|份额))?(?:分别)(?:为|是|占(?P<whole2>[^,;。\d]{2,16}?)的)?")
LIST_SEP = regex.compile(r"[、和及与]")
# 占x%, 占比x%, 占农林牧渔业总产值的73.2%, 占医院总诊疗人次的83.7% (not 占地, 占用: share.py's ZHAN)
SHARE_OF = regex.compile(r"(?<!抢|侵|霸)占(?:比|(?P<whole>[^,;。()\d%]{2,16}?)(?:的)?(?:比重|比例)?)?(?:为|达)?"
                         r"\s*(?P<pct>)(?=\d)")
CLAUSE = regex.compile(r"[,;。:\n]")
LEVEL_AFTER = regex.compile(r"[^,;。\d]{0,8}?(?:为|达|达到)?$")


def _shares(ctx: Context, pos: int) -> list[Figure]:
    out: list[Figure] = []
    for f in ctx.figures_in(pos, pos + 80):
        if f.dimension != "percent" or (out and not LIST_SEP.fullmatch(ctx.text[out[-1].end : f.start])):
            break
        if not out and f.start != pos:
            break
        out.append(f)
    return out


def level_after(ctx: Context, name: str, lo: int, hi: int, dim: str | None) -> Figure | None:
    """The one level stated right after `name` in [lo, hi) (第一产业增加值91414亿元)."""
    found = []
    for m in regex.finditer(regex.escape(name), ctx.text[lo:hi]):
        at = lo + m.end()
        fig = next((f for f in ctx.figures_in(at, at + 16) if LEVEL_AFTER.search(ctx.text[at : f.start])), None)
        if fig is not None and fig.dimension not in {"percent", "pp", "multiple"} and dim in (None, fig.dimension):
            found.append(fig)
    return found[0] if len({f.value for f in found}) == 1 else None


def check(ctx: Context) -> list[Draft]:
    out = _respectively(ctx) + _defined_shares(ctx)
    totalled: set[int] = set()
    for g in groups(ctx):
        shares = [p.share for p in g.parts]
        if len(shares) >= 2 and all(s is not None for s in shares):
            out.append(_group_total(ctx, g, [s for s in shares if s is not None]))
            totalled.update(s.start for s in shares if s is not None)
    for run in _share_runs(ctx):
        if not totalled.issuperset(f.start for f in run):
            draft = _total(run)
            if draft.verdict == Verdict.CONSISTENT:  # a run that misses 100 may leave parts out: no check
                draft.evidence = evidence(ctx, COMPLETE, "shares of one whole listed in one sentence total 100%",
                                          [("share", f) for f in run])
                out.append(draft)
    return out


def _defined_shares(ctx: Context) -> list[Draft]:
    """`人口城镇化率为93.33%` after `常住人口1057.08万人…其中,城镇常住人口986.61万人`: a rate
    defined as a part's share of its whole (breakdowns.py), checked against the group that lists
    that part in the paragraph."""
    out: list[Draft] = []
    for rate, part_word in DEFINED_SHARES:
        for m in regex.finditer(rate + r"(?:为|达到|达|是)?", ctx.text):
            pct = next((f for f in ctx.figures_in(m.end(), m.end() + 12, "percent") if f.start == m.end()), None)
            if pct is None or ctx.in_table(m.start()):
                continue
            p0, _ = ctx.paragraph(m.start())
            found = [(g, p) for g in groups_between(ctx, p0, m.start()) if g.whole is not None
                     for p in g.parts if part_word in p.name and p.share is None]
            if len(found) != 1:
                continue
            g, part = found[0]
            assert g.whole is not None
            computed = part.figure.base_interval() / g.whole.base_interval() * Interval.exact(100)
            point = part.figure.value * part.figure.factor / (g.whole.value * g.whole.factor) * 100
            draft = judged_draft(ctx, RuleCode.SHARE, f"{rate}: {part.figure.label()} / {g.whole.label()} × 100",
                                 [part.figure, g.whole, pct], pct, computed, point, suffix="%")
            out.append(with_evidence(ctx, draft, group_strength(g), f"{rate} is the share of {part_word} in "
                                     f"the whole of the {g.basis}",
                                     [("part", part.figure), ("whole", g.whole), ("share", pct)]))
    return out


def _share_runs(ctx: Context) -> list[list[Figure]]:
    """Shares of one whole listed in one sentence: `公立医院床位占69.0%,民营医院床位占31.0%`,
    `(占医院总诊疗人次的83.7%)…(占医院总诊疗人次的16.3%)`; a later share that names no whole
    (`占0.6%`) is of the whole named first. Runs are cut at a share of another named whole."""
    runs: list[list[Figure]] = []
    run: list[Figure] = []
    name, sentence = "", (-1, -1)
    for m in SHARE_OF.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        pct = next((f for f in ctx.figures_in(m.end("pct"), m.end("pct") + 12, "percent") if f.start == m.end("pct")),
                   None)
        if pct is None:
            continue
        here, noun = ctx.sentence(m.start()), (m.group("whole") or "").strip()
        if here != sentence or (noun and name and noun != name):
            if len(run) >= 2:
                runs.append(run)
            run, name, sentence = [], "", here
        run.append(pct)
        name = name or noun
    if len(run) >= 2:
        runs.append(run)
    return runs


def _group_total(ctx: Context, g: Group, shares: list[Figure]) -> Draft:
    """The (占x%) shares of a listed group's parts: they total 100 when the list is complete."""
    draft = _total(shares)
    roles = [*(("share", s) for s in shares)]
    if draft.verdict == Verdict.CONSISTENT:
        draft.evidence = evidence(ctx, COMPLETE, f"{g.basis}: the shares of its parts total 100%", roles)
        return draft
    complete = g.complete()
    if complete:
        draft.evidence = evidence(ctx, COMPLETE, f"{g.basis}; {complete}", roles)
        return draft
    reason = "the list may name only some parts of the whole, so its shares need not total 100%"
    draft.verdict, draft.severity, draft.exemption = Verdict.UNVERIFIABLE, None, reason
    draft.explanation = draft.explanation.rsplit(":", 1)[0] + f": {reason}"
    draft.evidence = evidence(ctx, PARTIAL, g.basis, roles, reason)
    return draft


def _respectively(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in RESPECTIVELY.finditer(ctx.text):
        if ctx.in_table(m.start()):
            continue
        clause = max((c.end() for c in CLAUSE.finditer(ctx.text, max(0, m.start() - 40), m.start())),
                     default=max(0, m.start() - 40))
        names = ctx.text[clause : m.start()]
        parts = breakdown_in(names)
        whole_name = m.group("whole") or m.group("whole2")
        if parts is None or not (whole_name or "占" in names or "比重" in names):
            continue
        shares = _shares(ctx, m.end())
        if len(shares) != len(parts):
            continue
        total = _total(shares)
        total.evidence = evidence(ctx, COMPLETE, f"分别 shares of a standard breakdown ({'、'.join(parts)})",
                                  [("share", f) for f in shares])
        out.append(total)
        if whole_name:
            out += _levels(ctx, parts, shares, whole_name, m.start())
    return out


def _total(shares: list[Figure]) -> Draft:
    summed = Interval.exact(0)
    for s in shares:
        summed = summed + s.interval()
    places = max(s.decimals for s in shares)
    point = sum((s.value for s in shares), Decimal(0))
    verdict, severity = judge(Interval.exact(100), summed, places)
    expl = (f"{' + '.join(s.label() for s in shares)} = {fmt(point, places)}% (with rounding "
            f"{fmt_interval(summed, places + 1, '%')}); the shares of all parts total 100%: "
            f"{verdict_word(verdict)}")
    return Context.draft(RuleCode.SHARES_TOTAL, verdict, expl, shares, stated="100", computed=summed,
                         computed_value=point, severity=severity)


def _levels(ctx: Context, parts: tuple[str, ...], shares: list[Figure], whole_name: str, pos: int) -> list[Draft]:
    p0, _ = ctx.paragraph(pos)
    lo = ctx.paragraph(p0 - 1)[0] if p0 else 0
    levels = [level_after(ctx, name, lo, pos, None) for name in parts]
    if any(f is None for f in levels) or len({(f.dimension, f.unit) for f in levels if f}) != 1:
        return []
    whole = stated_whole(ctx, whole_name.strip(), levels[0], pos, since=lo)  # type: ignore[arg-type]
    if whole is None:
        return []
    out = []
    for name, level, share in zip(parts, levels, shares, strict=True):
        assert level is not None
        computed = level.base_interval() / whole.base_interval() * Interval.exact(100)
        point = level.value * level.factor / (whole.value * whole.factor) * 100
        draft = judged_draft(ctx, RuleCode.SHARE, f"{name}: {level.label()} / {whole.label()} × 100",
                             [level, whole, share], share, computed, point, suffix="%")
        draft.evidence = evidence(ctx, COMPLETE, f"分别 share of {name} in the named whole {whole_name}",
                                  [("part", level), ("whole", whole), ("share", share)], draft.exemption)
        out.append(draft)
    return out
