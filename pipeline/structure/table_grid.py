"""Grid tables from ingest (PDF ruling lines, DOCX, HTML <table>): header and placed rows.

The grid already says which column a cell is in; what is left is to read the header (one row,
or two when a header cell spans columns or rows: `目标值` over `2025年 | 2030年`) and to copy a
cell that spans rows into each row it covers, marked `filled`.
"""

from __future__ import annotations

from ..model import Cell, Column, Table
from .table_columns import header_role, make_columns


def _header_depth(first: list[Cell]) -> int:
    spans_rows = max((c.rowspan for c in first), default=1)
    spans_cols = any(c.colspan > 1 for c in first)
    return min(3, max(spans_rows, 2 if spans_cols else 1))


def grid_columns_and_rows(grid: Table) -> tuple[list[Column], list[list[Cell]]]:
    if len(grid.rows) < 2:
        return [], []
    width = max(c.column + c.colspan for r in grid.rows for c in r.cells)
    depth = _header_depth(grid.rows[0].cells)
    parts: list[list[Cell]] = [[] for _ in range(width)]
    for r in grid.rows[:depth]:
        for c in r.cells:
            for k in range(c.column, min(width, c.column + c.colspan)):
                if c.text and c.text not in [p.text for p in parts[k]]:
                    parts[k].append(c)
    names, spans = [], []
    for cells in parts:
        joined = "".join(c.text for c in cells)
        # `目标值` over `2025年` reads 目标值2025年; `指标值` over `2020年` reads as the year alone
        use = cells if header_role(joined) or not cells else cells[-1:]
        names.append("".join(c.text for c in use))
        spans.append(use[0].span if len(use) == 1 else None)
    columns = make_columns(names, spans, grid.title)
    pending: dict[int, list[Cell]] = {}  # row index -> cells copied down from a rowspan above
    rows: list[list[Cell]] = []
    for i, r in enumerate(grid.rows[depth:], start=depth):
        cells = [c.model_copy() for c in r.cells] + pending.pop(i, [])
        for c in r.cells:
            for k in range(1, c.rowspan):
                pending.setdefault(i + k, []).append(c.model_copy(update={"filled": True, "rowspan": 1}))
        rows.append(sorted(cells, key=lambda c: c.column))
    return columns, rows
