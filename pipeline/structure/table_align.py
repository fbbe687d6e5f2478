"""Align a stream of cells with the header's columns by what the cells hold.

Rows arrive with leading cells missing (merged 类别 cells, a 序号 left out), stray trailing
cells, or — in tables copied from web pages — as one cell per line with no row boundary at all.
A small dynamic programme assigns every cell to a column (columns advance left to right inside
a row; going back to an earlier column starts a new row), scoring how well each cell's content
fits the column's role and what it costs to leave a column out. Mergeable columns (类别, 属性,
单位) are cheap to leave out, the indicator name is dear. Line layouts fix row boundaries; the
cell-per-line layout lets the programme find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .table_columns import Role
from .table_units import is_unit
from .table_values import NULLS, clean, looks_numeric

INF = float("inf")
STRAY_COST = 4.0  # a cell after the last column (a stray `96.15%`): kept, marked, never typed
LABEL_COST = 1.5  # a text cell alone on its row (`一、经济发展`): names the category below it
BREAK_COST = 2.0  # against a soft row boundary: a blank line inside a row, or none between rows


class Kind(StrEnum):
    EMPTY = "empty"
    NULL = "null"
    INT = "int"
    NUM = "num"
    ATTR = "attr"
    UNIT = "unit"
    TEXT = "text"


_ATTR = re.compile(r"^(预期性|约束性|指导性|引导性|约束|预期|预期性/约束性)$")
_INT = re.compile(r"^\d{1,3}$")


def cell_kind(text: str) -> Kind:
    s = clean(text)
    if not s:
        return Kind.EMPTY
    if s in NULLS:
        return Kind.NULL
    if _ATTR.match(s):
        return Kind.ATTR
    if _INT.match(s):
        return Kind.INT
    if is_unit(s):
        return Kind.UNIT
    if looks_numeric(s):
        return Kind.NUM
    return Kind.TEXT


SKIP: dict[Role | None, float] = {
    Role.SEQ: 1.0, Role.CATEGORY: 0.6, Role.INDICATOR: 6.0, Role.ATTRIBUTE: 1.2, Role.UNIT: 1.5,
    Role.BASE: 2.4, Role.TARGET: 2.5,  # a lone value is the goal: plans state targets, not always bases
    Role.GROWTH: 2.0, Role.CUMULATIVE: 2.0, Role.ACTUAL: 2.0, Role.PAST_TARGET: 2.0, Role.LONG_TERM: 2.0,
    Role.VALUE: 2.0, Role.GROWTH_YOY: 2.0,
    Role.NOTE: 1.5, None: 1.5,
}
_VALUE = {Kind.NUM: 0.0, Kind.INT: 0.2, Kind.NULL: 0.3, Kind.EMPTY: 0.5, Kind.TEXT: 1.5, Kind.UNIT: 5.0, Kind.ATTR: 8.0}
FIT: dict[Role | None, dict[Kind, float]] = {
    Role.SEQ: {Kind.INT: 0.0, Kind.EMPTY: 0.5, Kind.NULL: 3.0},
    Role.CATEGORY: {Kind.TEXT: 0.3, Kind.EMPTY: 0.5, Kind.NULL: 2.0, Kind.UNIT: 4.0},
    Role.INDICATOR: {Kind.TEXT: 0.0, Kind.EMPTY: 3.0, Kind.UNIT: 4.0, Kind.NULL: 4.0},
    Role.ATTRIBUTE: {Kind.ATTR: 0.0, Kind.EMPTY: 1.0, Kind.NULL: 1.0},
    Role.UNIT: {Kind.UNIT: 0.0, Kind.EMPTY: 1.0, Kind.NULL: 1.0},
    Role.BASE: _VALUE, Role.TARGET: _VALUE, Role.GROWTH: _VALUE, Role.CUMULATIVE: _VALUE, Role.ACTUAL: _VALUE,
    Role.PAST_TARGET: _VALUE, Role.LONG_TERM: _VALUE, Role.VALUE: _VALUE, Role.GROWTH_YOY: _VALUE,
    Role.NOTE: {Kind.TEXT: 0.5, Kind.EMPTY: 0.3, Kind.NULL: 0.5, Kind.NUM: 1.0, Kind.INT: 1.5},
    Role.DETAIL: {Kind.TEXT: 0.3, Kind.EMPTY: 0.5, Kind.NULL: 0.5, Kind.NUM: 1.0, Kind.INT: 1.5},
    Role.TASK: {Kind.TEXT: 0.0, Kind.EMPTY: 3.0},
    Role.PERIOD: {Kind.TEXT: 0.5, Kind.EMPTY: 0.5, Kind.NUM: 0.5, Kind.NULL: 0.5},
    None: {},
}
DEFAULT_FIT: dict[Role | None, float] = {Role.SEQ: 6.0, Role.CATEGORY: 5.0, Role.INDICATOR: 5.0, Role.ATTRIBUTE: 7.0, None: 1.0}


def fit(role: Role | None, kind: Kind, text: str) -> float:
    cost = FIT[role].get(kind, DEFAULT_FIT.get(role, 6.0))
    if role is Role.CATEGORY and kind is Kind.TEXT and len(clean(text)) > 12:
        cost += 1.2  # categories are short words; a long text is an indicator name
    if role is Role.UNIT and kind is Kind.TEXT and len(clean(text)) <= 4:
        cost = 2.5  # a unit our lexicon does not know
    return cost


@dataclass
class Placed:
    """One cell's place: its column, or the last column with `stray` for a cell beyond it."""

    index: int
    column: int
    stray: bool = False
    label: bool = False


def align(
    texts: list[str], roles: list[Role | None], row_starts: set[int] | None = None,
    breaks: set[int] | None = None,
) -> list[list[Placed]]:
    """Group cells into rows and give each its column.

    `row_starts` (line layouts) lists the indices of cells that begin a row; None lets the
    programme decide (cell-per-line). `breaks` (cell-per-line copies whose rows are blocks of
    lines) lists the cells after a blank line: a row usually starts there, but a blank line may
    also stand for an empty cell, so it is a cost, not a rule. Returns rows of placed cells.
    """
    n, m = len(texts), len(roles)
    if n == 0 or m == 0:
        return []
    skip = [SKIP.get(r, 1.5) for r in roles]
    head = [sum(skip[:c]) for c in range(m)]
    tail = [sum(skip[c + 1 :]) for c in range(m)]
    kinds = [cell_kind(t) for t in texts]
    soft = breaks or set()
    emit = [[fit(roles[c], kinds[i], texts[i]) for c in range(m)] for i in range(n)]
    # state s: column c (0..m-1); m + c: a stray cell after last column c; 2m: a label row
    lab = 2 * m
    size = lab + 1
    can_label = [k is Kind.TEXT for k in kinds]
    cost = [[INF] * size for _ in range(n)]
    back = [[-1] * size for _ in range(n)]
    for c in range(m):
        cost[0][c] = head[c] + emit[0][c]
    if can_label[0]:
        cost[0][lab] = LABEL_COST
    for i in range(1, n):
        forced_new = row_starts is not None and i in row_starts
        forced_same = row_starts is not None and i not in row_starts
        alone = row_starts is None or (forced_new and (i + 1 == n or i + 1 in row_starts))
        soft_same, soft_new = (BREAK_COST, 0.0) if i in soft else (0.0, BREAK_COST if soft else 0.0)
        for s in range(size):
            prev = cost[i - 1][s]
            if prev == INF:
                continue
            c = s % m if s < lab else -1
            end_row = tail[c] if c >= 0 else 0.0
            for c2 in range(m):
                if c2 > c >= 0 and not forced_new:
                    step = sum(skip[c + 1 : c2]) + soft_same
                elif not forced_same and (c2 <= c or forced_new or c < 0):
                    step = end_row + head[c2] + soft_new
                else:
                    continue
                total = prev + step + emit[i][c2]
                if total < cost[i][c2]:
                    cost[i][c2], back[i][c2] = total, s
            if not forced_new and c >= 0:
                total = prev + STRAY_COST + soft_same
                if total < cost[i][m + c]:
                    cost[i][m + c], back[i][m + c] = total, s
            if can_label[i] and alone and not forced_same:
                total = prev + end_row + LABEL_COST + soft_new
                if total < cost[i][lab]:
                    cost[i][lab], back[i][lab] = total, s

    def final(s: int) -> float:
        return cost[n - 1][s] + (tail[s % m] if s < lab else 0.0)

    best = min(range(size), key=final)
    states = [best]
    for i in range(n - 1, 0, -1):
        states.append(back[i][states[-1]])
    states.reverse()
    label_col = next((c for c, r in enumerate(roles) if r is Role.CATEGORY),
                     next((c for c, r in enumerate(roles) if r is Role.INDICATOR), 0))
    rows: list[list[Placed]] = []
    last = -1
    for i, s in enumerate(states):
        if s == lab:
            rows.append([Placed(index=i, column=label_col, label=True)])
            last = m  # whatever follows starts a new row
            continue
        stray, c = m <= s < lab, s % m
        new_row = i == 0 or (row_starts is not None and i in row_starts) or (not stray and c <= last)
        if new_row:
            rows.append([])
        rows[-1].append(Placed(index=i, column=c, stray=stray))
        last = c
    return rows
