"""The row interpreter shared by every layout: fill merged cells down, number rows, type them.

Input: the table's columns (with roles) and rows of Cells already placed in columns (by the
aligner for text tables, by the grid for PDF/DOCX/HTML tables). A column a row leaves out is a
merged cell: 类别, 属性 and 单位 are filled down from the row above (`Cell.filled`). A row that
holds only a label (`经济发展` across the table) names the category of the rows below it.
"""

from __future__ import annotations

import re

from ..errors import MESSAGES, Code
from ..model import Cell, Column, Row, Span, TableValue, Warning_
from .table_columns import Role
from .table_units import is_scale, is_unit
from .table_values import NULLS, read_value, split_note

FILL_DOWN = (Role.CATEGORY, Role.ATTRIBUTE, Role.UNIT)
VALUE_ROLES = (Role.BASE, Role.TARGET, Role.GROWTH, Role.CUMULATIVE, Role.ACTUAL, Role.PAST_TARGET, Role.LONG_TERM)
_SUBROW = re.compile(r"^(其中|含|包括)")
# 地区生产总值(亿元); 保障性租赁住房数量(万套(间)): the unit may carry its own qualifier
_UNIT_IN_NAME = re.compile(r"\(([^()]{1,10}(?:\([^()]{1,4}\))?)\)$")


def tidy(text: str) -> str:
    """Field text: a cell wrapped over lines reads as one line."""
    return re.sub(r"\s*\n\s*", "", text).strip()


def _role(columns: list[Column], c: int) -> Role | None:
    role = columns[c].role if c < len(columns) else None
    return Role(role) if role else None


def _is_label_row(cells: list[Cell], columns: list[Column]) -> bool:
    """One text cell and nothing else: a category heading row inside the table."""
    texts = [c for c in cells if c.text and not c.filled]
    if len(texts) != 1 or len(cells) > 2:
        return False
    role = _role(columns, texts[0].column)
    return role in (Role.CATEGORY, Role.INDICATOR, Role.SEQ, None) and not texts[0].text.isdigit()


def fill_down(rows: list[list[Cell]], columns: list[Column]) -> list[tuple[list[Cell], str | None]]:
    """Fill merged 类别/属性/单位 cells from the row above; absorb category label rows. Each row
    comes back with the label above it (the category when the table has no 类别 column)."""
    out: list[tuple[list[Cell], str | None]] = []
    above: dict[int, Cell] = {}
    label: str | None = None
    fill_cols = [i for i, col in enumerate(columns) if _role(columns, i) in FILL_DOWN]
    cat_col = next((i for i in fill_cols if _role(columns, i) is Role.CATEGORY), None)
    for cells in rows:
        if _is_label_row(cells, columns):
            head = next(c for c in cells if c.text and not c.filled)
            label = tidy(head.text)
            if cat_col is not None:
                above[cat_col] = head.model_copy(update={"column": cat_col})
            continue
        by_col = {c.column: c for c in cells}
        for col in fill_cols:
            here = by_col.get(col)
            # an empty cell under a merged one reads as empty in text exports of the table
            if (here is None or not here.text) and col in above:
                by_col[col] = above[col].model_copy(update={"filled": True})
            elif here is not None and here.text:
                above[col] = here
        out.append((sorted(by_col.values(), key=lambda c: (c.column, c.span.start if c.span else 0)), label))
    return out


def number_rows(rows: list[Row], span: Span) -> list[Warning_]:
    """Infer a missing 序号 from its neighbours and warn (W201) when 1..N has a gap."""
    for i, row in enumerate(rows):
        if row.seq is not None or (row.indicator and _SUBROW.match(row.indicator)):
            continue
        prev = next((r.seq for r in reversed(rows[:i]) if r.seq is not None), 0)
        nxt = next((r.seq for r in rows[i + 1 :] if r.seq is not None), None)
        if nxt is not None and nxt == prev + 2:
            row.seq = prev + 1
    seqs = [r.seq for r in rows if r.seq is not None]
    if not seqs:
        return []
    expected = list(range(seqs[0], seqs[0] + len(seqs)))
    if seqs == expected and seqs[0] == 1:
        return []
    gap = next((f"{a} then {b}" for a, b in zip([0, *seqs], seqs, strict=False) if b != a + 1), "")
    msg = f"{MESSAGES[Code.TABLE_SEQUENCE_GAP]}: {gap}"
    return [Warning_(code=Code.TABLE_SEQUENCE_GAP.value, message=msg, span=span)]


def _value(cell: Cell, role: Role, column: Column, unit: str | None) -> TableValue:
    value = read_value(cell.text, unit, column.year, cell.span)
    if role is Role.GROWTH and value.kind == "level" and value.value is not None:
        value.kind = "annual_growth_pct"
    if role is Role.CUMULATIVE and value.kind == "level":
        value.kind = "cumulative"
    return value


def type_row(cells: list[Cell], columns: list[Column], label: str | None = None, unit: str | None = None) -> Row:
    """One indicator row from its placed cells."""
    row = Row(cells=cells)
    own = [c.span for c in cells if c.span and not c.filled]
    if own:
        row.span = Span(start=min(s.start for s in own), end=max(s.end for s in own))
    fields: dict[Role, str] = {}
    for cell in cells:
        role = _role(columns, cell.column)
        cell.role = role.value if role else None
        if role in (Role.CATEGORY, Role.INDICATOR, Role.ATTRIBUTE, Role.UNIT, Role.SEQ) and role not in fields:
            fields[role] = tidy(cell.text)
    seq = fields.get(Role.SEQ, "")
    row.seq = int(seq) if seq.isdigit() else None
    row.category = fields.get(Role.CATEGORY) or label
    row.indicator = split_note(fields[Role.INDICATOR])[0] if fields.get(Role.INDICATOR) else None
    row.attribute = fields.get(Role.ATTRIBUTE) or None
    row.unit = fields.get(Role.UNIT) if fields.get(Role.UNIT) not in NULLS else None  # `—`: no unit
    if row.unit is None and row.indicator and Role.UNIT not in fields:
        m = _UNIT_IN_NAME.search(row.indicator)  # 地区生产总值(亿元) when there is no 单位 column
        row.unit = m.group(1) if m and is_unit(m.group(1)) else unit
    for cell in cells:
        role = _role(columns, cell.column)
        if role not in VALUE_ROLES or cell.column >= len(columns):
            continue
        assert role is not None
        value = _value(cell, role, columns[cell.column], row.unit)
        if role is Role.BASE and row.base is None:
            row.base = value
        elif role is Role.TARGET and row.target is None:
            row.target = value
        else:
            row.extra[columns[cell.column].name] = value
    for i, col in enumerate(columns):  # an empty cell reads as `-`: no value, the column's year
        if row.base is None and _role(columns, i) is Role.BASE:
            row.base = TableValue(raw="", year=col.year)
        if row.target is None and _role(columns, i) is Role.TARGET:
            row.target = TableValue(raw="", year=col.year)
    if row.unit is None:  # 1300亿元 in a table with no unit anywhere: the cells state it
        row.unit = next((v.unit for v in (row.base, row.target) if v and v.unit and not is_scale(v.unit)), None)
    return row


def interpret(
    rows: list[list[Cell]], columns: list[Column], span: Span, unit: str | None = None
) -> tuple[list[Row], list[Warning_]]:
    """Typed indicator rows (and warnings) from placed cells; `unit` is the table's own
    (`单位:亿元` above it) for rows that state none."""
    typed = [type_row(cells, columns, label, unit) for cells, label in fill_down(rows, columns)]
    typed = [r for r in typed if r.indicator or r.seq is not None]
    return typed, number_rows(typed, span)


def plain_rows(rows: list[list[Cell]], columns: list[Column]) -> list[Row]:
    """Rows of a generic table: cells with their column roles, nothing typed."""
    out = []
    for cells in rows:
        for cell in cells:
            role = _role(columns, cell.column)
            cell.role = role.value if role else None
        own = [c.span for c in cells if c.span]
        span = Span(start=min(s.start for s in own), end=max(s.end for s in own)) if own else None
        out.append(Row(cells=cells, span=span))
    return out
