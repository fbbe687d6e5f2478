"""Coordinated figures that share one unit, printed once after the last of them.

`增速分别比规模以上工业快5.8和3.8个百分点`, `分别为1.2、3.4和5.6亿元`, `分别惠及3500万、2300万人次`: the bare numbers (and numbers with the same scale
but no unit word) before the last take its scale and unit. Only Arabic numbers joined by one list word (、 和 及 与 或) count,
and the chain must end in a plain figure with a unit; a year, month, ordinal (第1、2) or a
list of integers counted in things (1、2个) is left alone — those are labels more often than
quantities.
"""

from __future__ import annotations

import regex

from .figures import Figure
from .units import dimension_of

SEP_RE = regex.compile(r"[、和及与或]")
# integer lists in these dimensions are item labels (1、2号, 3、4个) as often as quantities
LABEL_DIMS = frozenset({"count", "time", "time_year"})


def _bare(text: str, fig: Figure) -> bool:
    """A number with no unit word: 1.2 or 3500万 (惠及3500万、2300万人次: the scale is printed, the unit not)."""
    raw = text[fig.start : fig.end - len(fig.scale or "")]
    return (fig.form == "number" and fig.unit_word is None and fig.per is None and not fig.chinese
            and fig.more is None and raw.replace(".", "").replace(",", "").isdigit())


def _bearer(fig: Figure) -> bool:
    return fig.form == "number" and fig.unit_word is not None and not fig.chinese


def share_units(text: str, figs: list[Figure]) -> None:
    """Give each bare number of a coordinated list the scale and unit printed after the last."""
    i = 0
    while i < len(figs):
        j = i
        while j < len(figs) and _bare(text, figs[j]) and j + 1 < len(figs) \
                and SEP_RE.fullmatch(text[figs[j].end : figs[j + 1].start]):
            j += 1
        last = figs[j] if j < len(figs) else None
        if j > i and last is not None and _bearer(last) and _opens(text, figs[i].start) \
                and not _labels(figs[i : j + 1], last):
            for f in figs[i:j]:
                if f.scale not in (None, last.scale):
                    continue  # 3万、5亿元: a different scale is no shared unit
                f.scale, f.unit_word, f.per, f.unit, f.shared = last.scale, last.unit_word, last.per, last.unit, True
        i = max(j, i + 1)


def _opens(text: str, start: int) -> bool:
    before = text[start - 1] if start else ""
    return not (before == "第" or (before.isascii() and before.isalnum()) or before in ".-—~/")


def _labels(chain: list[Figure], last: Figure) -> bool:
    dim = dimension_of(last.unit_word) or ""
    return (dim in LABEL_DIMS or dim.startswith("time")) and all(f.decimals == 0 for f in chain)
