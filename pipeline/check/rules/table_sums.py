"""Rows of a table that add up to the row above them: `| 合计 | 3827.9 |` over the continents,
`| 货物运输总量 | 万吨 | 45758.32 |` over 公路, 水运, 铁路, 民航, 管道 (a sum_of_parts check).

In one value column (not a rate: 增长, %, 比重), a row is the total of the rows right after it
when the shortest run of two or more of them adds up to it within rounding (n parts allow n ×
half a unit); rows marked as sub-items (`# 日本`, `其中:…`) are skipped. A run that does not add
up is no evidence either way — a table may list only the main items — so this finds consistent
sums only, and its evidence is complete when the total row says so (合计, 总计, 总量 …).
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...model import Span, Table, Verdict
from ..context import Context, Draft, RuleCode
from ..figures import Figure, parse_number
from ..interval import Interval, fmt, fmt_interval
from ..relation_evidence import COMPLETE, PARTIAL, evidence

NUMBER = regex.compile(r"\s*(\d+(?:\.\d+)?)\s*")
RATE_COLUMN = regex.compile(r"%|增长|增速|比重|占|率|同比|比上年")
SUB_ITEM = regex.compile(r"^\s*(?:#|＃|其中|内:|其:)")
TOTAL_NAME = regex.compile(r"合计|总计|总量|总额|总数|全部|总值")
MAX_PARTS = 12
ORDINAL = regex.compile(r"^\s*[一二三四五六七八九十]+、")  # 一、亚洲 … six continents; 韩国 under 亚洲


def table_sums(ctx: Context) -> list[Draft]:
    out: list[Draft] = []
    for table in ctx.doc.tables:
        for col in _value_columns(table):
            cells = _column(ctx, table, col)
            out += _sums(ctx, cells)
    return out


def _value_columns(table: Table) -> list[int]:
    return [i for i, c in enumerate(table.columns) if i > 0 and not RATE_COLUMN.search(c.name or "")]


def _column(ctx: Context, table: Table, col: int) -> list[tuple[str, Figure | None]]:
    """(row name, the cell's figure) down one column; None where the cell prints no plain number."""
    out: list[tuple[str, Figure | None]] = []
    for row in table.rows:
        name = row.cells[0].text if row.cells else ""
        cell = next((c for c in row.cells if c.column == col), None)
        fig = None
        if cell is not None and cell.span is not None and not cell.filled:
            m = NUMBER.fullmatch(cell.text)
            if m:
                at = ctx.text.find(m.group(1), cell.span.start, cell.span.end)
                if at >= 0:
                    value, decimals = parse_number(m.group(1))
                    fig = Figure(at, at + len(m.group(1)), value, decimals, "")
        out.append((name, fig))
    return out


def _sums(ctx: Context, cells: list[tuple[str, Figure | None]]) -> list[Draft]:
    out: list[Draft] = []
    for i, (name, total) in enumerate(cells):
        if total is None or SUB_ITEM.search(name):
            continue
        parts: list[tuple[str, Figure]] = []
        summed = Interval.exact(0)
        numbered = False
        for part_name, fig in cells[i + 1 :]:
            if len(parts) >= MAX_PARTS:
                break
            numbered = numbered or (not parts and bool(ORDINAL.match(part_name)))
            if fig is None or SUB_ITEM.search(part_name) or (numbered and not ORDINAL.match(part_name)):
                continue  # a row with no figure (铁路 | - ), a sub-item, an unnumbered row among 一、二、
            parts.append((part_name, fig))
            summed = summed + fig.interval()
            if len(parts) >= 2 and summed.intersects(total.interval()):
                out.append(_draft(ctx, name, total, parts, summed))
                break
            if summed.lo > total.interval().hi:
                break
    return out


def _draft(ctx: Context, name: str, total: Figure, parts: list[tuple[str, Figure]], summed: Interval) -> Draft:
    places = max(f.decimals for _, f in parts)
    point = sum((f.value for _, f in parts), Decimal(0))
    expl = (f"table rows {' + '.join(f'{n.strip()} {f.label()}' for n, f in parts)} = {fmt(point, places)} "
            f"(interval {fmt_interval(summed, places + 1)}); the row above, {name.strip()}, states "
            f"{total.label()}: consistent")
    figs = [total, *(f for _, f in parts)]
    strength = COMPLETE if TOTAL_NAME.search(name) else PARTIAL
    roles = [("whole", total), *(("part", f) for _, f in parts)]
    draft = Context.draft(RuleCode.SUM_OF_PARTS, Verdict.CONSISTENT, expl,
                          extra_spans=[Span(start=f.start, end=f.end) for f in figs], stated=float(total.value),
                          computed=summed, computed_value=point)
    draft.evidence = evidence(ctx, strength, f"table rows under “{name.strip()}” that add up to it", roles)
    return draft
