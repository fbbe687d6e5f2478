"""Every value a table states, as the checker compares it with the text: one `TableCell` per
number, with the indicator it belongs to, its unit, year, kind and phase.

Indicator tables (plans) give their values through the table stage's rows (base, target and
other value columns, each with its year and relation). Other tables (bulletins: `| 指标 | 2021年
| 2022年 |`, `| 指标 | 绝对值(亿元) | 比上年增长(%) |`) are read from their cells: the indicator is
the row's first word cell, the unit and year come from the column header, the unit column or
the table title (表1 2022年…涨跌幅度(单位:%)), and a header that speaks of 增长/涨跌 makes the
column a growth rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

import regex

from ..model import Row, Table, TableValue
from .figures import Figure, from_table_value, parse_number
from .interval import Interval
from .units import reading, split_unit

YEAR_RE = regex.compile(r"((?:19|20)\d{2})\s*年")
BRACKET_UNIT = regex.compile(r"[((]\s*(?:单位\s*[::]\s*)?([^()()::]{1,6})\s*[))]\s*$")
TITLE_UNIT = regex.compile(r"单位\s*[::]\s*([^()()\s,;]{1,6})")
GROWTH_HEADER = regex.compile(r"增长|增速|涨跌|增幅|增减|比上年|同比|比年初")
NUMBER_CELL = regex.compile(r"^\s*(?P<sign>[-−–])?\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>%|％)?\s*$")
NAME_NOISE = regex.compile(r"^\s*(其中\s*[::]?|#|[一二三四五六七八九十]+\s*[、.]|[((][一二三四五六七八九十\d]+[))]|\d+\s*[、.])\s*")
BRACKETS = regex.compile(r"\([^)]*\)|\[[^\]]*\]|[“”\"]")
FOOTNOTE = regex.compile(r"\[\d+\]|\s+")
GROWTH_KIND = {"annual_growth_pct": "annual"}


@dataclass
class TableCell:
    """One stated table value: `figure` sits at its printed digits; `kind` is level, growth
    (比上年) or annual (年均); `phase` is base, target or actual (plans), or value."""

    table: Table
    row: Row
    name: str
    figure: Figure
    kind: str
    year: int | None
    phase: str
    negative: bool = False
    relation: str = "="

    @cached_property
    def clean(self) -> str:
        """The name without brackets (units, notes) as the text would say it."""
        return BRACKETS.sub("", self.name)

    @cached_property
    def grams(self) -> set[str]:
        return {self.clean[i : i + 2] for i in range(len(self.clean) - 1)}

    @cached_property
    def base_interval(self) -> Interval:
        return self.figure.base_interval()

    @property
    def label(self) -> str:
        return f"{'-' if self.negative else ''}{self.figure.label()}"


def clean_name(name: str) -> str:
    """其中:住户存款 → 住户存款; 一、食品烟酒 → 食品烟酒; #新能源汽车 → 新能源汽车."""
    prev = None
    while prev != name:
        prev, name = name, NAME_NOISE.sub("", name)
    return FOOTNOTE.sub("", name).strip()


def table_cells(tables: list[Table], text: str) -> list[TableCell]:
    out: list[TableCell] = []
    for t in tables:
        for row in t.rows:
            read = _indicator_row(t, row, text) if row.indicator else []
            # cells the table stage did not read as base or target (比上年增长, 2021年 columns)
            taken = {c.figure.start for c in read}
            out += read + [c for c in _generic_row(t, row, text) if c.figure.start not in taken]
    return out


def _phase(column: str) -> str:
    if regex.search(r"现状|完成|基期|基准|实际", column):
        return "actual" if regex.search(r"现状|完成|实际", column) else "base"
    return "target" if regex.search(r"目标|规划|预期", column) else "value"


def _indicator_row(t: Table, row: Row, text: str) -> list[TableCell]:
    values: list[tuple[str, TableValue]] = [(n, v) for n, v in (("base", row.base), ("target", row.target)) if v]
    values += [(_phase(name), v) for name, v in row.extra.items()]
    out = []
    for phase, tv in values:
        if tv.value is None or tv.span is None or tv.kind not in ("level", "annual_growth_pct"):
            continue
        unit = "%" if tv.kind == "annual_growth_pct" else (row.unit or tv.unit)
        fig = from_table_value(text, tv, unit)
        if fig is None or fig.reading is None:
            continue
        rel = getattr(tv.relation, "value", tv.relation)
        out.append(TableCell(t, row, clean_name(row.indicator or ""), fig, GROWTH_KIND.get(tv.kind, "level"),
                             tv.year, phase, relation=str(rel)))
    return out


def _header_parts(t: Table, column: int) -> tuple[str, int | None, str | None]:
    """(header text without the title, year, unit) of a column."""
    title = t.title or ""
    name = t.columns[column].name if column < len(t.columns) else ""
    if title and name.startswith(title):
        name = name[len(title) :]
    years = YEAR_RE.findall(name) or YEAR_RE.findall(title)
    m = BRACKET_UNIT.search(name) or TITLE_UNIT.search(title) or BRACKET_UNIT.search(title)
    return name, int(years[-1]) if years else None, m.group(1) if m else None


def _generic_row(t: Table, row: Row, text: str) -> list[TableCell]:
    words = [c for c in row.cells if c.text.strip() and not NUMBER_CELL.match(c.text)]
    name = clean_name(row.indicator or (words[0].text if words else ""))
    if not name or len(name) > 40:
        return []
    unit_cell = next((c.text.strip() for c in row.cells if c.role == "unit"), None) or row.unit
    out = []
    for cell in row.cells:
        m = NUMBER_CELL.match(cell.text)
        if m is None or cell.span is None or cell.role in ("seq",):
            continue
        header, year, col_unit = _header_parts(t, cell.column)
        growth = bool(GROWTH_HEADER.search(header)) or bool(GROWTH_HEADER.search(t.title or "") and m["unit"] is None
                                                               and col_unit in ("%", "％", None) and not unit_cell)
        unit = "%" if growth or m["unit"] else (unit_cell or col_unit)
        if unit in ("％",):
            unit = "%"
        scale, word = split_unit(unit)
        if reading(word) is None:
            continue
        at = text.find(m["num"], cell.span.start, cell.span.end)
        if at < 0:
            continue
        value, decimals = parse_number(m["num"])
        fig = Figure(at, at + len(m["num"]), value, decimals, word, scale)
        out.append(TableCell(t, row, name, fig, "growth" if growth else "level", year, "value",
                             negative=bool(m["sign"]) and value != Decimal(0)))
    return out
