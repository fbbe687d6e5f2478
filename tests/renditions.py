"""Renditions of a text as users hold them, and what of a parse survives the rendition.

`hard_wrap` breaks every line after `width` characters, `layout_wrap` at `width` ems as a page sets
it (the ways text extracted from a PDF looks);
`survival` compares two parses by content (sections by level/number/title, claims by their printed
form, checks by rule, verdict and the figures they tie), never by id or offset.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable

from pipeline.model import Document


def hard_wrap(text: str, width: int = 36) -> str:
    """Every line cut into pieces of `width` characters (indentation kept on the first piece)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        out.extend(line[i : i + width] for i in range(0, len(line), width))
        if not line:
            out.append("")
    return "\n".join(out)


NO_LINE_START = "，。、；：）”！？%"  # kept on the line before, as typesetting does (避头尾)


def layout_wrap(text: str, width: int = 36) -> str:
    """Every line set in `width` ems as a page does: ASCII takes half an em, and closing punctuation
    that would start a line stays on the line before (so lines differ in length)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        cur, used, i = "", 0.0, 0
        while i < len(line):
            w = 0.5 if line[i] < "\x80" else 1.0
            if used + w > width and cur:
                while i < len(line) and line[i] in NO_LINE_START:
                    cur, i = cur + line[i], i + 1
                out.append(cur)
                cur, used = "", 0.0
                continue
            cur, used, i = cur + line[i], used + w, i + 1
        out.append(cur)
    return "\n".join(out)


def _keys(doc: Document) -> dict[str, Counter[Hashable]]:
    raws = {c.id: c.raw for c in doc.claims}
    return {
        "sections": Counter((s.level, s.number, s.title) for s in doc.sections),
        "claims": Counter((c.raw, c.value, c.unit) for c in doc.claims),
        "checks": Counter((k.rule, k.verdict, tuple(sorted(raws.get(i, i) for i in k.claim_ids))) for k in doc.checks),
    }


def survival(originals: Iterable[Document], renditions: Iterable[Document]) -> dict[str, tuple[int, int]]:
    """For each kind: (items of the originals found again in the renditions, items of the originals)."""
    kept: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for a, b in zip(originals, renditions, strict=True):
        ka, kb = _keys(a), _keys(b)
        for kind, want in ka.items():
            kept[kind] += sum((want & kb[kind]).values())
            total[kind] += sum(want.values())
    return {kind: (kept[kind], total[kind]) for kind in total}
