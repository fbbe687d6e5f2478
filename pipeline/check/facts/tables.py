"""Table rows as facts: a level cell and the growth cell right after it (`| 水泥 | 吨 | 6400703 |
-12.5 |` under `2022年 | 比上年增长(%)`), so that a bulletin's table meets last year's table.

The unit comes from the row's unit cell or the value column's header (`绝对值(亿元)`, `出口额(亿元)`);
the key is the row's indicator without list marks (其中：, #, 一、) and, where one table holds
several value columns (出口额, 进口额), the column's name. A row whose unit the lexicon does not
know, or whose cells are not plain numbers, gives no fact.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ...model import Column, Row, Table
from ..figures import Figure, parse_number
from ..units import reading, split_unit
from .model import Fact, Role

NUMBER = regex.compile(r"^\s*(?P<neg>-|−)?(?P<num>\d+(?:\.\d+)?)\s*$")
IN_BRACKETS = regex.compile(r"[(（]([^()（）]{1,8})[)）]")
GENERIC = regex.compile(r"绝对值|绝对量|金额|数量|总量|本年|\d{4}年")
ROW_MARK = regex.compile(r"^(?:其中[:：]?|#|[一二三四五六七八九十]+、|\s|\u00a0)+")

FactMaker = Callable[[Figure, Role, str, int], Fact]


def _is_growth(col: Column) -> bool:
    return col.role == "growth_yoy" or ("增长" in col.name and "%" in col.name and "年均" not in col.name)


def _is_value(col: Column) -> bool:
    return col.role not in ("indicator", "unit", "seq", "category") and not _is_growth(col)


def _cell_figure(cell_text: str, start: int, unit: str) -> tuple[Figure, bool] | None:
    m = NUMBER.match(cell_text)
    if m is None:
        return None
    value, decimals = parse_number(m.group("num"))
    scale, word = split_unit(unit)
    at = start + m.start("num")
    fig = Figure(at, at + len(m.group("num")), value, decimals, word, scale)
    return (fig, bool(m.group("neg"))) if fig.reading is not None else None


def table_levels(table: Table, make: FactMaker) -> list[Fact]:
    """Levels with their growth cell; `make(figure, role, key, position)` builds a fact."""
    cols = table.columns
    pairs = [(i - 1, i) for i, c in enumerate(cols) if _is_growth(c) and i > 0 and _is_value(cols[i - 1])]
    if not pairs:
        return []
    ind_col = next((i for i, c in enumerate(cols) if c.role == "indicator"), 0)
    unit_col = next((i for i, c in enumerate(cols) if c.role == "unit"), None)
    several = len(pairs) > 1
    out: list[Fact] = []
    for row in table.rows:
        out.extend(_row_levels(row, cols, pairs, ind_col, unit_col, several, make))
    return out


def _row_levels(row: Row, cols: list[Column], pairs: list[tuple[int, int]], ind_col: int, unit_col: int | None,
                several: bool, make: FactMaker) -> list[Fact]:
    cells = {c.column: c for c in row.cells}
    ind = cells.get(ind_col)
    if ind is None or ind.span is None:
        return []
    name = ROW_MARK.sub("", ind.text).strip()
    out: list[Fact] = []
    for vi, gi in pairs:
        value, growth = cells.get(vi), cells.get(gi)
        if value is None or growth is None or value.span is None or growth.span is None:
            continue
        header = IN_BRACKETS.search(cols[vi].name)
        unit = (cells[unit_col].text.strip() if unit_col is not None and unit_col in cells else
                header.group(1) if header else "")
        level = _cell_figure(value.text, value.span.start, unit)
        rate = _cell_figure(growth.text, growth.span.start, "%")
        if level is None or rate is None or level[1] or reading(level[0].unit) is None:
            continue
        noun = GENERIC.sub("", IN_BRACKETS.sub("", cols[vi].name)).strip() if several else ""
        fact = make(level[0], Role.LEVEL, f"{name}{noun}", ind.span.start)
        change = make(rate[0], Role.RATE, fact.key, ind.span.start)
        change.down, change.level = rate[1], fact
        fact.changes.append(change)
        out.append(fact)
    return out


