"""Growth rates against a reference rate stated earlier in the paragraph:
`规模以上工业增加值比上年增长6.5%…分别增长12.3%和10.3%,增速分别比规模以上工业快5.8和3.8个百分点`
(each part − reference = the stated gap; 快/高 = +, 慢/低 = −), and the single form
`增长8.1%,比全部规上工业快2.3个百分点` / `增长22.6%,增速快于全部投资13.7个百分点`.

Precision first: the parts must be growth rates (增长/下降 right before them), the gaps as many
as the parts, and the reference named (全部/全 dropped, 规上 = 规模以上) with a growth rate at
its first mention in the paragraph; a period (比上年/比1-3月份) is no reference.
"""

from __future__ import annotations

import regex

from ..context import Context, Draft, RuleCode, judged_draft
from ..figures import Figure
from ..interval import Interval

NAME = r"[^\d,;:。、\n()%]{2,12}?"
GAP = regex.compile(r",?(?:增速|增幅)?(?P<each>分别)?(?:比(?P<ref>" + NAME + r")(?P<dir>快|慢|高|低)"
                    r"|(?P<dir2>快|慢|高|低)于(?P<ref2>" + NAME + r"))(?=\d)")
# a comparison with another period, or a verb ending the name (加快, 回落): no reference rate
NOT_REF = regex.compile(r"[年月季期日旬周]|^(?:上|去|前|同)|[加放提回]$")
WHOLE_PREFIX = regex.compile(r"^(?:全部|全体|整个|全)")
RATE_BEFORE = regex.compile(r"(?P<down>下降|减少)?(?:增长|下降|减少)(?:了)?$")
LIST_SEP = regex.compile(r"[、和]|,")
UP = frozenset({"快", "高"})


def _names(ref: str) -> list[str]:
    core = WHOLE_PREFIX.sub("", ref)
    out = [ref, core, core.replace("规上", "规模以上"), core.replace("规模以上", "规上")]
    return [n for n in dict.fromkeys(out) if len(n) >= 2]


def _growth_after(ctx: Context, pos: int, end: int) -> tuple[Figure, bool] | None:
    """The first rate after `pos` in its sentence, if it is a growth rate (增长/下降 before it)."""
    s_end = min(ctx.sentence(pos)[1], end)
    fig = next(iter(ctx.figures_in(pos, s_end, "percent")), None)
    if fig is None or ";" in ctx.text[pos : fig.start]:
        return None
    m = RATE_BEFORE.search(ctx.text, max(0, fig.start - 6), fig.start)
    return (fig, m.group().startswith(("下降", "减少"))) if m else None


def _reference(ctx: Context, ref: str, lo: int, hi: int) -> tuple[Figure, bool] | None:
    """The growth rate at the first mention of the reference in [lo, hi)."""
    hits = [m.end() for n in _names(ref) for m in [regex.compile(regex.escape(n)).search(ctx.text, lo, hi)] if m]
    return _growth_after(ctx, min(hits), hi) if hits else None


def _parts(ctx: Context, end: int) -> list[tuple[Figure, bool]]:
    """Growth rates printed right before `end`: `(分别)增长12.3%和10.3%`, with 下降 for each."""
    s0 = ctx.sentence(end)[0]
    figs = ctx.figures_in(s0, end, "percent")
    out: list[Figure] = []
    stop = end
    for f in reversed(figs):
        gap = ctx.text[f.end : stop]
        if (not out and gap != "") or (out and not LIST_SEP.fullmatch(gap)):
            break
        out.insert(0, f)
        stop = f.start
    if not out:
        return []
    m = RATE_BEFORE.search(ctx.text, max(0, out[0].start - 8), out[0].start)
    if m is None:
        return []
    down = m.group().startswith(("下降", "减少"))
    return [(f, down) for f in out]


def _signed(iv: Interval, neg: bool) -> Interval:
    return Interval(-iv.hi, -iv.lo) if neg else iv


def check(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for m in GAP.finditer(ctx.text):
        ref, word = (m.group("ref"), m.group("dir")) if m.group("ref") else (m.group("ref2"), m.group("dir2"))
        if NOT_REF.search(ref) or ctx.in_table(m.start()):
            continue
        gaps = _gaps(ctx, m.end())
        parts = _parts(ctx, m.start())
        if not gaps or len(gaps) != len(parts) or (len(parts) > 1) != bool(m.group("each")):
            continue
        p0 = ctx.paragraph(m.start())[0]
        base = _reference(ctx, ref, p0, parts[0][0].start)
        if base is None:
            continue
        for (part, pdown), gap in zip(parts, gaps, strict=True):
            out.append(_draft(ctx, ref, part, pdown, base, gap, word not in UP))
    return out


def _gaps(ctx: Context, pos: int) -> list[Figure]:
    """Percentage-point figures from `pos`: `5.8和3.8个百分点` (each its own claim)."""
    _, end = ctx.sentence(pos)
    out: list[Figure] = []
    at = pos
    for f in ctx.figures_in(pos, end):
        if f.start != at and not (out and LIST_SEP.fullmatch(ctx.text[at : f.start])):
            break
        if f.dimension != "pp":
            return []
        out.append(f)
        at = f.end
    return out


def _draft(ctx: Context, ref: str, fig: Figure, pdown: bool, base: tuple[Figure, bool], gap: Figure,
           slower: bool) -> Draft:
    bfig, bdown = base
    a, b = _signed(fig.interval(), pdown), _signed(bfig.interval(), bdown)
    point = (-fig.value if pdown else fig.value) - (-bfig.value if bdown else bfig.value)
    return judged_draft(ctx, RuleCode.RATE_GAP, f"{fig.label()} − {ref} {bfig.label()}", [gap, fig, bfig], gap,
                        a - b, point, suffix="个百分点", stated_iv=_signed(gap.interval(), slower))
