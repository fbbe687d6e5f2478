"""Cells read into values, headers into roles, rows aligned by content, grids interpreted."""

from __future__ import annotations

import pytest

from pipeline.model import Cell, Document, Row, Source, SourceFormat, Span, Table
from pipeline.structure.table_align import align
from pipeline.structure.table_columns import Role, map_columns
from pipeline.structure.table_units import is_unit, normalize_value
from pipeline.structure.table_values import read_value
from pipeline.structure.tables import extract_tables


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "relation", "kind"),
    [
        ("829.92", 829.92, 2, "=", "level"),
        ("64.0", 64.0, 1, "=", "level"),
        ("≥2000", 2000.0, 0, ">=", "level"),
        (">2", 2.0, 0, ">", "level"),
        ("超过30", 30.0, 0, ">", "level"),
        ("95以上", 95.0, 0, ">=", "level"),
        ("不低于90", 90.0, 0, ">=", "level"),
        ("≤0.5", 0.5, 1, "<=", "level"),
        ("<35", 35.0, 0, "<", "level"),
        ("不高于4.5", 4.5, 1, "<=", "level"),
        ("3以内", 3.0, 0, "<=", "level"),
        ("55左右", 55.0, 0, "~", "level"),
        ("年均增幅15%", 15.0, 0, "=", "annual_growth_pct"),
        ("年均增长6.5%", 6.5, 1, "=", "annual_growth_pct"),
        ("翻番", 2.0, 0, "=", "multiple"),
        ("累计50", 50.0, 0, "=", "cumulative"),
        ("95.8%", 95.8, 1, "=", "level"),
    ],
)
def test_read_value(raw: str, value: float, decimals: int, relation: str, kind: str) -> None:
    v = read_value(raw, "%" if raw.endswith("%") else None)
    assert (v.value, v.decimals, v.relation, v.kind, v.raw) == (value, decimals, relation, kind, raw)


@pytest.mark.parametrize("raw", ["-", "—", "/", "", "——"])
def test_null_cells(raw: str) -> None:
    v = read_value(raw)
    assert v.value is None and v.kind == "level"


@pytest.mark.parametrize("raw", ["基本消除", "全覆盖", "稳步提升", "完成市下达目标"])
def test_qualitative_cells_keep_text(raw: str) -> None:
    v = read_value(raw)
    assert (v.value, v.kind, v.text) == (None, "qualitative", raw)


def test_footnote_marker_kept_apart_and_normalized() -> None:
    v = read_value("31.6[1]", "万人")
    assert (v.value, v.note) == (31.6, "[1]")
    assert v.normalized is not None and (v.normalized.value, v.normalized.unit) == (316000.0, "人")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["序号", "类别", "指标", "属性", "单位", "基础值(2020年)", "目标值(2025年)"],
         [("seq", None), ("category", None), ("indicator", None), ("attribute", None), ("unit", None),
          ("base", 2020), ("target", 2025)]),
        (["指标名称", "指标单位", "2025年目标值", "指标类型"],
         [("indicator", None), ("unit", None), ("target", 2025), ("attribute", None)]),
        (["领域", "指标", "“十四五”现状", "“十五五”目标", "年均增长(%)"],
         [("category", None), ("indicator", None), ("base", 2025), ("target", 2030), ("annual_growth", None)]),
        (["类型", "指标名称", "2020年", "2025年"],
         [("category", None), ("indicator", None), ("base", 2020), ("target", 2025)]),
        (["指标名称", "2020年实际", "2025年目标", "年均增速(%)"],
         [("indicator", None), ("base", 2020), ("target", 2025), ("annual_growth", None)]),
        (["类目", "指标名称", "“十四五”目标值", "2025年", "完成情况"],
         [("category", None), ("indicator", None), ("target", 2025), ("actual", 2025), ("note", None)]),
    ],
)
def test_header_roles(names: list[str], expected: list[tuple[str, int | None]]) -> None:
    got = [(r.value if r else None, y) for r, y in map_columns(names)]
    assert got == expected


def test_units() -> None:
    assert all(is_unit(u) for u in ["亿元", "%", "万元/人", "件/万人", "微克/立方米", "条(段)", "个/每年", "平方米/人"])
    assert not any(is_unit(u) for u in ["预期性", "新建绿地", "1300", "≥30"])


@pytest.mark.parametrize(
    ("unit", "normalized"),
    [("万吨标准煤", (2e4, "吨标准煤")), ("平方公里", (2e6, "平方米")), ("万人次", (2e4, "人次")), ("公里", (2e3, "米")),
     ("亩", (2.0, "亩")), ("‰", (0.2, "%")), ("岁", (2.0, "岁")), ("天", (2.0, "天")), ("千元", (2e3, "元")),
     ("微克/立方米", (2.0, "微克/立方米")), ("%", None), ("万元/人", None)],
)
def test_units_from_the_shared_lexicon(unit: str, normalized: tuple[float, str] | None) -> None:
    assert is_unit(unit)
    assert normalize_value(2.0, unit) == normalized


@pytest.mark.parametrize(
    ("raw", "unit", "fields"),
    [
        # (value, value_high, decimals, relation, kind, unit printed in the cell, note, year)
        ("2.5万", "人", (25000.0, None, -3, "=", "level", "万", None, None)),
        ("30万人次", "人次", (300000.0, None, -4, "=", "level", "万人次", None, None)),
        ("1300亿元", None, (1300.0, None, 0, "=", "level", "亿元", None, None)),
        ("5-6", "%", (5.0, 6.0, 0, "=", "level", None, None, None)),
        ("5~6", "%", (5.0, 6.0, 0, "=", "level", None, None, None)),
        ("[5,6]", "%", (5.0, 6.0, 0, "=", "level", None, None, None)),
        ("[13.5]", "%", (13.5, None, 1, "=", "cumulative", None, None, None)),
        (">=5", "%", (5.0, None, 0, ">=", "level", None, None, None)),
        ("力争3.5", "%", (3.5, None, 1, "=", "level", None, None, None)),
        ("累计新增50", "万平方米", (50.0, None, 0, "=", "cumulative", None, None, None)),
        ("年均增长5%左右", "亿元", (5.0, None, 0, "~", "annual_growth_pct", None, None, None)),
        ("稳定在95%以上", "%", (95.0, None, 0, ">=", "level", None, None, None)),
        ("控制在5.5%以内", "%", (5.5, None, 1, "<=", "level", None, None, None)),
        ("4.2*", "%", (4.2, None, 1, "=", "level", None, "*", None)),
        ("3.2①", "%", (3.2, None, 1, "=", "level", None, "①", None)),
        ("88注1", "%", (88.0, None, 0, "=", "level", None, "注1", None)),
        ("1.8(2019年)", "%", (1.8, None, 1, "=", "level", None, None, 2019)),
    ],
)
def test_read_value_scales_ranges_bounds_notes(raw: str, unit: str | None, fields: tuple) -> None:
    v = read_value(raw, unit, 2025)
    got = (v.value, v.value_high, v.decimals, v.relation, v.kind, v.unit, v.note, v.year if v.year != 2025 else None)
    assert got == fields


@pytest.mark.parametrize("raw", ["达到国内领先水平", "完成市下达指标"])
def test_goal_words_are_qualitative(raw: str) -> None:
    assert (read_value(raw, "%").kind, read_value(raw, "%").value) == ("qualitative", None)


def test_align_missing_leading_cells_and_stray_trailing() -> None:
    roles: list[Role | None] = [Role.SEQ, Role.CATEGORY, Role.INDICATOR, Role.ATTRIBUTE, Role.UNIT, Role.BASE, Role.TARGET]
    texts = ["规模", "软件和信息服务业营业收入", "预期性", "亿元", "829.92", "年均增幅15%",
             "2", "高新技术企业营业收入", "预期性", "亿元", "1300", "≥2000", "见注"]
    rows = align(texts, roles, row_starts={0, 6})
    assert [[p.column for p in r if not p.stray] for r in rows] == [[1, 2, 3, 4, 5, 6], [0, 2, 3, 4, 5, 6]]
    assert [p.index for r in rows for p in r if p.stray] == [12]


def _grid_doc() -> Document:
    """An HTML grid as ingest hands it over: 类别 cells span rows, a header cell spans two."""
    lines = ["序号", "类别", "指标", "单位", "指标值", "2025年", "2030年",
             "1", "经济", "地区生产总值", "亿元", "1500", "2000",
             "2", "研发投入强度", "%", "4.5", "≥5"]
    text = "\n".join(lines) + "\n"
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]

    def cell(i: int, col: int, rowspan: int = 1, colspan: int = 1) -> Cell:
        return Cell(text=lines[i], column=col, rowspan=rowspan, colspan=colspan,
                    span=Span(start=starts[i], end=starts[i] + len(lines[i])))

    rows = [
        Row(cells=[cell(0, 0, rowspan=2), cell(1, 1, rowspan=2), cell(2, 2, rowspan=2), cell(3, 3, rowspan=2),
                   cell(4, 4, colspan=2)]),
        Row(cells=[cell(5, 4), cell(6, 5)]),
        Row(cells=[cell(7, 0), cell(8, 1, rowspan=2), cell(9, 2), cell(10, 3), cell(11, 4), cell(12, 5)]),
        Row(cells=[cell(13, 0), cell(14, 2), cell(15, 3), cell(16, 4), cell(17, 5)]),
    ]
    grid = Table(id="g1", layout="html", span=Span(start=0, end=len(text) - 1), rows=rows)
    source = Source(sha256="0" * 64, format=SourceFormat.HTML)
    return Document(source=source, text=text, tables=[grid])


def test_grid_table_goes_through_the_same_interpreter() -> None:
    doc = extract_tables(_grid_doc())
    (table,) = doc.tables
    assert (table.kind, table.layout, table.id) == ("indicator", "html", "t1")
    assert [(c.role, c.year) for c in table.columns][4:] == [("base", 2025), ("target", 2030)]
    r1, r2 = table.rows
    assert (r1.seq, r1.category, r1.unit, r1.target.value if r1.target else None) == (1, "经济", "亿元", 2000.0)
    assert r2.category == "经济" and any(c.filled for c in r2.cells)
    assert r2.target is not None and (r2.target.value, r2.target.relation) == (5.0, ">=")
