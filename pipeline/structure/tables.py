"""Indicator and generic tables (issue #4): find, align, fill and type every table.

Text tables (pipe, Markdown, tab-separated, one cell per line) are found here; grid tables that
ingest read from PDF ruling lines, DOCX or HTML arrive in doc.tables and are interpreted by the
same row interpreter. A table whose header names indicators and a base or target becomes kind
"indicator" with typed rows; any other table stays "generic" with its cells.
"""

from __future__ import annotations

import re

from ..errors import MESSAGES, Code
from ..model import Cell, Column, Document, Row, Span, Table, Warning_
from .table_align import align
from .table_columns import Role, is_indicator_header, make_columns, plan_end
from .table_find import TextTable, find_text_tables
from .table_grid import grid_columns_and_rows
from .table_rows import interpret, plain_rows, tidy


def _span(start: int, end: int) -> Span:
    return Span(start=start, end=end)


def _kind_and_rows(
    columns: list[Column], rows: list[list[Cell]], span: Span, unit: str | None = None
) -> tuple[str, list[Row], list[Warning_]]:
    roles = [Role(c.role) if c.role else None for c in columns]
    if is_indicator_header(roles):
        typed, warnings = interpret(rows, columns, span, unit)
        return "indicator", typed, warnings
    return "generic", plain_rows(rows, columns), []


def _header_cells(found: TextTable) -> tuple[list[str], list[Span | None]]:
    """Header names and spans; a second header row is read under the first (`基础值` over
    `2020年`), and an empty top cell continues the one to its left (a merged `目标值`)."""
    names = [c.text for c in found.header]
    spans: list[Span | None] = [_span(c.start, c.end) for c in found.header]
    top = ""
    for i, sub in enumerate(found.sub):
        if not sub.text:
            top = names[i] if i < len(names) and names[i] else top
            continue
        if i >= len(names):
            names.append(top + sub.text)
            spans.append(None)
        elif names[i]:
            top, names[i], spans[i] = names[i], names[i] + sub.text, None
        else:
            names[i], spans[i] = top + sub.text, None if top else _span(sub.start, sub.end)
    return names, spans


_GROUP_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,3}[、.]\s*")  # `一、优化营商环境` names 优化营商环境


def _row_span(cells: list[Cell]) -> Span | None:
    own = [c.span for c in cells if c.span and not c.filled]
    return _span(min(s.start for s in own), max(s.end for s in own)) if own else None


def _list_rows(found: TextTable, columns: list[Column]) -> list[Row]:
    """Rows of a project or task list: a group row (`一 | 水安全`) names the rows under it (their
    category); a cell merged over rows (left out of a short row) is copied down, marked filled."""
    rows: list[Row] = []
    above: dict[int, Cell] = {}
    label: str | None = None
    for r, placed in enumerate(found.placed or []):
        cells = [Cell(text=found.cells[i].text, column=col, role=columns[col].role,
                      span=_span(found.cells[i].start, found.cells[i].end)) for i, col in placed]
        if r in found.groups:
            label, above = (_GROUP_NUMBER.sub("", tidy(cells[-1].text)) if cells else None), {}
            rows.append(Row(cells=cells, category=label, span=_row_span(cells)))
            continue
        have = {c.column for c in cells}
        merged = [above[col].model_copy(update={"filled": True}) for col in sorted(found.merged - have) if col in above]
        above.update({c.column: c for c in cells if c.text and c.column in found.merged})
        cells = sorted(cells + merged, key=lambda c: c.column)
        seq = next((c.text for c in cells if c.role == Role.SEQ.value and not c.filled), "")
        category = next((tidy(c.text) for c in cells if c.role == Role.CATEGORY.value), label)
        rows.append(Row(cells=cells, seq=int(seq) if seq.isdigit() else None, category=category, span=_row_span(cells)))
    return rows


def _from_text(found: TextTable, plan_year: int | None = None) -> tuple[Table, list[Warning_]]:
    names, spans = _header_cells(found)
    columns = make_columns(names, spans, found.title, plan_year)
    if found.placed is not None:
        table = Table(id="", kind="generic", title=found.title, layout=found.layout, span=_span(found.start, found.end),
                      columns=columns, rows=_list_rows(found, columns), notes=found.notes)
        return table, []
    roles = [Role(c.role) if c.role else None for c in columns]
    placed = align([c.text for c in found.cells], roles, found.row_starts, found.breaks)
    rows: list[list[Cell]] = []
    warnings: list[Warning_] = []
    for group in placed:
        cells = []
        for p in group:
            src = found.cells[p.index]
            column = len(columns) if p.stray else p.column
            cells.append(Cell(text=src.text, column=column, span=_span(src.start, src.end)))
        rows.append(cells)
        if any(p.stray for p in group):
            first = found.cells[group[0].index]
            warnings.append(Warning_(code=Code.TABLE_ROW_UNALIGNED.value, message=MESSAGES[Code.TABLE_ROW_UNALIGNED],
                                     span=_span(first.start, found.cells[group[-1].index].end)))
    span = _span(found.start, found.end)
    kind, typed, more = _kind_and_rows(columns, rows, span, found.unit)
    table = Table(id="", kind=kind,  # type: ignore[arg-type]
                  title=found.title, layout=found.layout, span=span, columns=columns, rows=typed, notes=found.notes)
    return table, warnings + more


def _from_grid(grid: Table) -> tuple[Table, list[Warning_]]:
    columns, rows = grid_columns_and_rows(grid)
    if not columns:
        return grid, []
    kind, typed, warnings = _kind_and_rows(columns, rows, grid.span)
    return grid.model_copy(update={"kind": kind, "columns": columns, "rows": typed}), warnings


def section_of(doc: Document, pos: int) -> str | None:
    """The innermost section whose heading or body contains `pos`."""
    best, best_len = None, None
    for s in doc.sections:
        start, end = s.span.start, max(s.body_span.end, s.span.end)
        if start <= pos < end and (best_len is None or end - start <= best_len):
            best, best_len = s.id, end - start
    return best


def extract_tables(doc: Document) -> Document:
    tables: list[Table] = []
    warnings: list[Warning_] = []
    for grid in doc.tables:
        table, more = _from_grid(grid)
        tables.append(table)
        warnings += more
    taken = [(t.span.start, t.span.end) for t in doc.tables]
    plan_year = plan_end(doc.metadata.title) or plan_end(doc.metadata.notice_title)
    for found in find_text_tables(doc.text, taken):
        table, more = _from_text(found, plan_year)
        tables.append(table)
        warnings += more
    tables.sort(key=lambda t: t.span.start)
    for i, table in enumerate(tables):
        table.id = f"t{i + 1}"
        table.section_id = section_of(doc, table.span.start)
    doc.tables = tables
    doc.warnings = [*doc.warnings, *warnings]
    return doc
