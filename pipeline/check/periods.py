"""Years a figure refers to: `2020年`, `“十二五”期末` (= 2015), `“十三五”期间` (ends 2020)."""

from __future__ import annotations

import regex

from ..numbers.periods import plan_end_year
from .context import Context

FYP_RE = regex.compile(r"[“\"]?(十[一二三四五]?五)[”\"]?(期末|末|期间|时期)")
YEAR_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})年(?!代)")


def year_of(reference: str, *, skip_bases: bool = False) -> int | None:
    """The year a phrase such as “十二五”期末 or 2015年 points at (the last one it names).
    With skip_bases, references that are the base of a comparison (…期末的4.4倍) are ignored."""
    def keep(m: regex.Match[str]) -> bool:
        return not (skip_bases and reference[m.end() : m.end() + 1] == "的")

    found: list[tuple[int, int]] = [(m.start(), int(m.group(1))) for m in YEAR_RE.finditer(reference) if keep(m)]
    found += [(m.start(), y) for m in FYP_RE.finditer(reference)
              if (y := plan_end_year(m.group(1))) is not None and keep(m)]
    return max(found)[1] if found else None


def current_year(ctx: Context, pos: int) -> int | None:
    """The year a figure at `pos` is stated for: the last year named before it in its sentence,
    else in its paragraph, else the 期末/期间 of the section lead (“十三五”期间 → 2020)."""
    s, _ = ctx.sentence(pos)
    p, _ = ctx.paragraph(pos)
    for lo in (s, p):
        y = year_of(ctx.text[lo:pos], skip_bases=True)
        if y is not None:
            return y
    # a section lead such as "“十三五”期间,…" a few paragraphs up
    lead = ctx.text[max(0, p - 400) : p]
    ends = [y for m in FYP_RE.finditer(lead) if (y := plan_end_year(m.group(1))) is not None]
    return ends[-1] if ends else None
