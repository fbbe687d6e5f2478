"""Narrative vs table: a text figure that states a table value (`到2025年,技术合同成交金额达90亿元`
vs the row 技术合同成交金额 | 80.8 | 90; `全年居民消费价格上涨2.2%` vs 表1's 2022 column).

Each text figure is read once (matching.TextView: the words that name it, growth or level, its
year and whether it reports or plans) and compared only with the few table cells nearest it whose
indicator shares a word with it (matching.CellIndex), so the stage stays linear. A cell matches
when the indicator's words are said at the figure, the unit's dimension and the kind (level,
比上年 growth, 年均 growth) agree and the year does not contradict; of the matches, one whose
value agrees gives a `consistent` check. When none agrees, a mismatch is judged only on complete
evidence: the figure's words name the indicator closely (STRONG coverage, its head noun at the
figure, or WEAK coverage when the figure and the row have no other pairing), the period is certain (the same year, or the row's only value of that phase) and no
other table states the same indicator. Bounds compare as printed: a text 超2500 against a
table ≥2000 states another target.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ...model import EvidenceStrength, Span, Verdict
from ..context import Context, Draft, RuleCode, judge, stated_interval, verdict_word
from ..interval import fmt_interval
from ..matching import (
    BRACKETS,
    CellIndex,
    SectionTitles,
    TextView,
    bigrams,
    modifiers_agree,
    name_similarity,
    part_year,
    part_years,
    qualified,
    tail_near,
    text_view,
)
from ..table_cells import TableCell, table_cells

STRONG = 0.75
WEAK = 0.5
BASIS = "the same indicator in text and table"
MAX_TABLES = 2  # tables one text figure is compared with when several state it


def check(ctx: Context) -> list[Draft]:
    cells = table_cells(ctx.doc.tables, ctx.text)
    if not cells:
        return []
    dims = {c.figure.dimension for c in cells}
    parts = part_years(ctx.text)
    for c in cells:  # a table without a year speaks of its part's year (bound bulletins)
        if c.year is None and c.phase == "value":
            c.year = part_year(parts, c.table.span.start)
    index = CellIndex(cells)
    row_values = Counter(_row_key(c) for c in cells)
    titles = SectionTitles(ctx.doc.sections)
    found: list[tuple[TextView, list[tuple[TableCell, float]]]] = []
    for fig in ctx.figures:
        if fig.dimension not in dims:
            continue
        view = text_view(ctx, fig, parts, titles)
        if view.kind == "change":
            continue
        words = view.words
        have = bigrams(words)
        near = [c for c in index.near(have, fig.start) if c.figure.dimension == fig.dimension and c.kind == view.kind]
        scored = [(cell, *name_similarity(cell, words, have)) for cell in near]
        cands = [(cell, cov) for cell, cov, run in scored
                 if cov >= WEAK and run >= _run_needed(cell.name) and _compatible(view, cell)]
        if cands:
            found.append((view, cands))
    # the values the text figures that could speak of each cell state: a lone pairing (one row
    # for the figure, one value said for the row) is evidence of its own
    claimed: dict[int, set[Decimal]] = {}
    for view, cands in found:
        for cell, _ in cands:
            claimed.setdefault(id(cell), set()).add(view.figure.value * view.figure.factor)
    out: list[Draft] = []
    judged: dict[int, list[tuple[TextView, TableCell]]] = {}
    agreed: set[int] = set()
    for view, cands in found:
        fig = view.figure
        agreeing = [c for c in cands if _agrees(view, c[0])]
        if agreeing:
            # each table that states the figure gets its check (a plan's 十四五 and 十五五 tables;
            # copies of one table under the same title count once)
            best: dict[str, tuple[TableCell, float]] = {}
            for cell, cov in sorted(agreeing, key=lambda c: (c[1], -abs(c[0].figure.start - fig.start))):
                best[cell.table.title or cell.table.id] = (cell, cov)
            for cell, cov in list(best.values())[-MAX_TABLES:]:
                certain = _strong(view, cell, cov) and _period_certain(view, cell, row_values)
                out.append(_draft(ctx, view, cell, certain))
                agreed.add(id(cell))
            continue
        lone = len(cands) == 1 and len(claimed[id(cands[0][0])]) == 1
        strong = [c for c, cov in cands if _strong(view, c, cov if not lone else max(cov, STRONG))]
        if not strong or len({(id(c.table), id(c.row)) for c in strong}) > 1:
            continue  # the same words name rows of several tables: which one is meant is unsure
        cell = min(strong, key=lambda c: abs(c.figure.value * c.figure.factor - fig.value * fig.factor))
        if _period_certain(view, cell, row_values):
            judged.setdefault(id(cell), []).append((view, cell))
    # a row value that the text states elsewhere is not judged against a figure that differs
    # (it speaks of something else: 市 vs 区 小巨人企业); one that several figures disagree with
    # is judged against the closest one only
    for key, pairs in judged.items():
        if key in agreed:
            continue
        view, cell = min(pairs, key=lambda p: abs(p[0].figure.value * p[0].figure.factor
                                                  - p[1].figure.value * p[1].figure.factor))
        out.append(_draft(ctx, view, cell, True))
    return out


def _row_key(cell: TableCell) -> tuple[int, str, bool]:
    """The values of one row that a text figure could mean alike: same kind, planned or not."""
    return id(cell.row), cell.kind, cell.phase == "target"


def _run_needed(name: str) -> int:
    """The words shared must include a run this long: 4 characters of a long name (产值占…比重),
    2 of a short one (出口额 ~ 出口)."""
    n = len(BRACKETS.sub("", name))
    return 4 if n >= 4 else min(n, 2)


def _compatible(view: TextView, cell: TableCell) -> bool:
    fig = view.figure
    if cell.figure.dimension != fig.dimension or cell.kind != view.kind:
        return False
    year = _text_year(view, cell)
    if year is not None and cell.year is not None and year != cell.year:
        return False
    if cell.phase == "target" and view.phase not in ("target", "any") and year != cell.year:
        return False
    if cell.phase in ("base", "actual") and view.phase in ("target", "any") and year != cell.year:
        return False
    return modifiers_agree(cell.name, view.before, growth=cell.kind == "annual", base=cell.phase != "target")


def _text_year(view: TextView, cell: TableCell) -> int | None:
    """A bulletin's table speaks of the part's year when the sentence names none."""
    if view.year is None and cell.phase == "value":
        return view.part_year
    return view.year


def _agrees(view: TextView, cell: TableCell) -> bool:
    return view.negative == cell.negative and view.base_interval.intersects(cell.base_interval)


def _strong(view: TextView, cell: TableCell, cov: float) -> bool:
    return (cov >= STRONG and not view.listed and tail_near(cell.name, view.before, view.after)
            and not qualified(cell.name, view.before))


def _period_certain(view: TextView, cell: TableCell, row_values: Counter[tuple[int, str, bool]]) -> bool:
    """The same year said on both sides, or the row's only value of that kind and phase."""
    year = view.year_said if cell.phase != "value" else _text_year(view, cell)
    if year is not None and year == cell.year:
        return True
    return row_values[_row_key(cell)] == 1 and (year is None or cell.year is None)


def _draft(ctx: Context, view: TextView, cell: TableCell, certain: bool) -> Draft:
    text_fig, table_fig = view.figure, cell.figure
    _, qualifier = stated_interval(ctx, text_fig)
    factor = table_fig.factor / text_fig.factor  # the table's unit in the text's (万吨公里 → 亿吨公里)
    table_in_text = table_fig.interval().scale(factor) if factor != 1 else table_fig.interval()
    sign = Decimal(-1) if cell.negative else Decimal(1)
    if _agrees(view, cell):
        verdict, severity = Verdict.CONSISTENT, None
    else:
        verdict, severity = judge(text_fig.interval(), table_in_text, min(text_fig.decimals, table_fig.decimals))
    what = {"annual": "annual growth", "growth": "growth"}.get(cell.kind, cell.phase if cell.phase != "value" else "value")
    year = f" ({cell.year})" if cell.year else ""
    rel = "" if cell.relation in ("=", "") else f" (table says {cell.relation})"
    expl = (f"{cell.name} {what}{year}: text {'-' if view.negative else ''}{text_fig.label()} covers "
            f"{fmt_interval(text_fig.interval(), text_fig.decimals + 1)}, table {cell.label}{rel} covers "
            f"{fmt_interval(table_fig.interval(), table_fig.decimals + 1)}: {verdict_word(verdict)}")
    reason = None if certain else "the text names the indicator or its period only loosely"
    if qualifier and verdict == Verdict.INCONSISTENT and qualifier.startswith("approximate"):
        reason, certain = qualifier, False
    evidence = ctx.evidence(EvidenceStrength.COMPLETE if certain else EvidenceStrength.PARTIAL, BASIS,
                            [("level", text_fig), ("reference", table_fig)], reason=reason)
    return Context.draft(RuleCode.TEXT_VS_TABLE, verdict, expl, [text_fig],
                         extra_spans=[Span(start=table_fig.start, end=table_fig.end)],
                         stated=float(text_fig.value), computed=table_fig.interval().scale(sign),
                         computed_value=sign * table_fig.value, severity=severity, evidence=evidence)
