"""Indicator tables in every text layout come out as the same typed rows (issue #4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import parse_text
from pipeline.model import Document, Table

FIX = Path(__file__).parent / "fixtures" / "tables"


def _doc(name: str) -> Document:
    return parse_text((FIX / name).read_text(encoding="utf-8"), name, until="tables")


def _check_spans(doc: Document, table: Table) -> None:
    """Every cell's span holds exactly its text; every row lies inside the table."""
    for row in table.rows:
        for cell in row.cells:
            assert cell.span is not None
            assert doc.text[cell.span.start : cell.span.end] == cell.text
            assert table.span.start <= cell.span.start <= cell.span.end <= table.span.end
    for col in table.columns:  # a name read over two header rows has no single span
        assert col.span is None or doc.text[col.span.start : col.span.end] == col.name


def test_sample_pipe_table(sample_doc: Document) -> None:
    (table,) = sample_doc.tables
    assert (table.kind, table.layout, table.title) == ("indicator", "pipe", "青浦区“十四五”创新经济指标")
    assert [r.seq for r in table.rows] == list(range(1, 16))
    first, second, fifth = table.rows[0], table.rows[1], table.rows[4]
    assert (first.category, first.indicator, first.unit) == ("规模", "软件和信息服务业营业收入", "亿元")
    assert first.base is not None and (first.base.value, first.base.decimals, first.base.year) == (829.92, 2, 2020)
    assert first.base.normalized is not None and first.base.normalized.value == pytest.approx(8.2992e10)
    assert first.target is not None and (first.target.kind, first.target.value, first.target.year) == (
        "annual_growth_pct", 15.0, 2025)
    assert second.category == "规模" and any(c.filled and c.role == "category" for c in second.cells)
    assert second.target is not None and (second.target.relation, second.target.value) == (">=", 2000.0)
    assert fifth.category == "结构" and fifth.base is not None and fifth.base.value is None
    assert not [w for w in sample_doc.warnings if w.code == "W201"]
    _check_spans(sample_doc, table)


def test_cell_per_line_changning_20_rows() -> None:
    doc = _doc("changning_15th_cell_per_line.txt")
    (table,) = doc.tables
    assert (table.kind, table.layout, table.title) == ("indicator", "cell_per_line", "长宁区“十五五”经济社会发展主要指标")
    assert [c.role for c in table.columns] == ["seq", "indicator", "unit", "attribute", "target"]
    assert table.columns[4].year == 2030
    assert [r.seq for r in table.rows] == list(range(1, 21))
    attrs = [r.attribute for r in table.rows]
    assert attrs == ["预期性"] * 15 + ["约束性"] * 5
    r1, r3, r13, r19 = table.rows[0], table.rows[2], table.rows[12], table.rows[18]
    assert r1.target is not None and (r1.target.kind, r1.target.text) == ("qualitative", "与全市经济增速保持同步")
    assert r3.unit == "万元/人" and r3.target is not None and (r3.target.value, r3.target.relation) == (55.0, "~")
    assert r13.target is not None and (r13.target.value, r13.target.relation) == (75.0, ">")
    assert r19.target is not None and r19.target.value == 100.0  # an integer target is not a 序号
    assert table.rows[-1].indicator == "生活垃圾回收利用率"
    assert not doc.text[table.span.end :].lstrip().startswith("≥50")  # the table ends at its last cell
    _check_spans(doc, table)


def test_cell_per_line_putuo_two_tables_with_category_spans() -> None:
    doc = _doc("putuo_two_tables_cell_per_line.txt")
    t1, t2 = doc.tables
    assert [c.role for c in t1.columns] == ["seq", "category", "indicator", "unit", "target", "actual", "attribute", "note"]
    assert len([r for r in t1.rows if r.seq]) == 29
    assert t1.notes and t1.notes[0].startswith("注:1.调整改造绿地")
    sub = t1.rows[1]
    assert (sub.seq, sub.indicator, sub.category, sub.unit, sub.attribute) == (None, "其中 公园绿地", "绿化建设", "万平方米", "约束性")
    assert sub.target is not None and sub.target.value == 50.0 and sub.extra["2025年"].value == 58.46
    assert [r.category for r in t1.rows if r.seq in (6, 7, 10, 29)] == ["绿化建设", "绿化管理", "市容景观建设", "道路保洁"]
    stray = [c for r in t1.rows for c in r.cells if c.column == len(t1.columns)]
    assert [c.text for c in stray] == ["96.15%"] and any(w.code == "W202" for w in doc.warnings)
    assert [c.role for c in t2.columns] == ["category", "seq", "indicator", "attribute", "unit", "base", "target"]
    assert (t2.columns[5].year, t2.columns[6].year) == (2025, 2030)
    cats = {r.seq: r.category for r in t2.rows}
    assert (cats[1], cats[5], cats[6], cats[8], cats[12], cats[14]) == ("绿化", "绿化", "市容景观建设", "市容景观建设", "环卫", "环卫")
    last = t2.rows[-1]
    assert last.base is not None and last.base.value is None
    assert last.target is not None and (last.target.value, last.target.relation) == (70.0, ">=")
    for t in (t1, t2):
        _check_spans(doc, t)


def test_cell_per_line_page_break_is_one_table() -> None:
    doc = _doc("putuo_table2_page_break.txt")
    (table,) = doc.tables
    assert [r.seq for r in table.rows if r.seq] == list(range(1, 15))
    assert table.rows[8].indicator.startswith("重要区域")  # type: ignore[union-attr]
    assert table.rows[8].category == "市容景观建设"
    assert not [w for w in doc.warnings if w.code == "W201"]
    _check_spans(doc, table)


def test_markdown_table_merged_cells_and_gap_warning() -> None:
    doc = _doc("putuo_table2_markdown.md")
    (table,) = doc.tables
    assert table.layout == "markdown" and table.notes == ["注:“十四五”现状为2025年数据。"]
    sub = table.rows[1]
    assert (sub.indicator, sub.category, sub.attribute, sub.unit) == ("其中 公园绿地", "绿化", "约束性", "万平方米")
    assert [r.category for r in table.rows] == ["绿化"] * 4 + ["市容景观建设"] * 3 + ["环卫"]
    assert table.rows[6].target is not None and table.rows[6].target.relation == ">="
    gaps = [w for w in doc.warnings if w.code == "W201"]
    assert len(gaps) == 1 and "3 then 6" in gaps[0].message
    _check_spans(doc, table)


def test_tsv_bare_years_continued_table() -> None:
    doc = _doc("changning_14th_tsv_page_break.txt")
    (table,) = doc.tables
    assert table.layout == "tsv" and table.title == "附件1:长宁区“十四五”主要指标"
    assert [(c.role, c.year) for c in table.columns][3:5] == [("base", 2020), ("target", 2025)]
    assert [r.seq for r in table.rows] == [1, 2, 3, 4, 5, 6]
    growth = table.rows[0].target
    assert growth is not None and (growth.kind, growth.value, growth.relation) == ("annual_growth_pct", 6.0, "~")
    assert table.rows[4].attribute == "约束性" and table.rows[4].base is not None and table.rows[4].base.value == 7.2
    assert table.notes == ["注:[1]按可比价计算。"]
    _check_spans(doc, table)


def test_planning_indicator_system_header_names_the_indicator_column() -> None:
    # 村庄规划/国土空间规划 tables head their name column 规划指标体系 (was read as a generic table).
    text = (
        "表 2-1 规划指标表\n\n| 规划指标体系 | 2022年 | 2035年 | 属性 |\n| :--- | :--- | :--- | :--- |\n"
        "| 耕地保有量（公顷） | 85.42 | 127.18 | 约束性 |\n| 森林覆盖率（%） | 90 | ≥90 | 预期性 |\n"
    )
    doc = parse_text(text, until="tables")
    (table,) = doc.tables
    assert table.kind == "indicator" and [c.role for c in table.columns] == ["indicator", "base", "target", "attribute"]
    first, second = table.rows
    assert (first.unit, first.attribute, first.base and first.base.value, first.target and first.target.value) == (
        "公顷", "约束性", 85.42, 127.18)
    assert second.target is not None and (second.target.value, second.target.relation, second.target.year) == (90.0, ">=", 2035)
    _check_spans(doc, table)


def test_generic_table_is_not_forced_into_indicators() -> None:
    text = "重点项目表\n序号 | 项目名称 | 建设内容 | 责任单位 |\n1 | 青浦新城中央公园 | 新建绿地12公顷 | 区绿化市容局 |\n2 | 淀山湖岸线贯通 | 贯通岸线8公里 | 区水务局 |\n"
    doc = parse_text(text, until="tables")
    (table,) = doc.tables
    assert table.kind == "generic" and len(table.rows) == 2
    assert table.rows[0].indicator is None and table.rows[0].cells[1].text == "青浦新城中央公园"
    _check_spans(doc, table)


def test_table_section_id_is_innermost_section(sample_doc: Document) -> None:
    (table,) = sample_doc.tables
    section = next(s for s in sample_doc.sections if s.id == table.section_id)
    assert section.body_span.start <= table.span.start < section.body_span.end
    inner = [s for s in sample_doc.sections if s.parent_id == section.id]
    assert not any(s.span.start <= table.span.start < s.body_span.end for s in inner)


def test_cell_per_line_label_rows_wrapped_header_and_unit_in_name() -> None:
    cells = ["某区“十五五”主要指标", "序号", "指标名称", "基础值\n(2025年)", "目标值\n(2030年)", "属性",
             "一、经济发展", "1", "地区生产总值(亿元)", "1500", "2000以上", "预期性",
             "2", "研发经费投入强度(%)", "4.2", "≥4.5", "预期性",
             "二、绿色生态", "3", "森林覆盖率(%)", "18.5", "20", "约束性",
             "(三)发展战略", "围绕目标,坚持创新驱动发展。"]
    doc = parse_text("\n\n".join(cells) + "\n", until="tables")
    (table,) = doc.tables
    assert [(c.role, c.year) for c in table.columns] == [
        ("seq", None), ("indicator", None), ("base", 2025), ("target", 2030), ("attribute", None)]
    assert [(r.seq, r.category, r.unit) for r in table.rows] == [
        (1, "一、经济发展", "亿元"), (2, "一、经济发展", "%"), (3, "二、绿色生态", "%")]
    gdp = table.rows[0]
    assert gdp.base is not None and gdp.base.normalized is not None and gdp.base.normalized.value == 1.5e11
    assert gdp.target is not None and (gdp.target.value, gdp.target.relation) == (2000.0, ">=")
    assert table.rows[2].attribute == "约束性"
    _check_spans(doc, table)


def test_pipe_label_row_names_the_category() -> None:
    text = ("表1 主要指标\n| 类别 | 指标 | 单位 | 2020年 | 2025年 |\n|---|---|---|---|---|\n| 经济发展 | | | | |\n"
            "| | 地区生产总值 | 亿元 | 1200 | 1600 |\n| 民生福祉 | | | | |\n| | 城镇登记失业率 | % | 3.9 | ≤4.5 |\n")
    doc = parse_text(text, until="tables")
    (table,) = doc.tables
    assert [(r.category, r.indicator) for r in table.rows] == [("经济发展", "地区生产总值"), ("民生福祉", "城镇登记失业率")]
    assert table.rows[1].target is not None and table.rows[1].target.relation == "<="
    _check_spans(doc, table)


def test_two_header_rows_and_unit_line() -> None:
    text = ("附表 某区“十四五”主要指标\n单位:亿元\n序号 | 指标 | 基础值 | 目标值 | 属性\n | | 2020年 | 2025年 | \n"
            "1 | 地区生产总值 | 1200 | 1600 | 预期性\n2 | 固定资产投资 | 300 | 累计1800 | 预期性\n")
    doc = parse_text(text, until="tables")
    (table,) = doc.tables
    assert table.title == "附表 某区“十四五”主要指标"
    assert [(c.name, c.role, c.year) for c in table.columns][2:4] == [
        ("基础值2020年", "base", 2020), ("目标值2025年", "target", 2025)]
    assert [r.unit for r in table.rows] == ["亿元", "亿元"]
    first, second = table.rows
    assert first.target is not None and first.target.normalized is not None
    assert first.target.normalized.value == 1.6e11
    assert second.target is not None and (second.target.kind, second.target.value) == ("cumulative", 1800.0)
    _check_spans(doc, table)


def test_bulletin_product_table_stays_generic_with_mapped_columns() -> None:
    """产品名称 | 单位 | 产量 | 比上年增长(%): a statistical table, not an indicator table; its
    columns still say what they hold (indicator, unit, value, growth_yoy)."""
    doc = _doc("bulletin_products_tsv.txt")
    (table,) = doc.tables
    assert (table.kind, table.layout, table.title) == ("generic", "tsv", "表3 2024年主要工业产品产量及其增长速度")
    assert [c.role for c in table.columns] == ["indicator", "unit", "value", "growth_yoy"]
    assert [[c.text for c in r.cells] for r in table.rows][2] == ["其中:新能源汽车", "万辆", "62.7", "28.4"]
    assert all(r.indicator is None and r.target is None for r in table.rows)
    assert [c.role for c in table.rows[1].cells] == ["indicator", "unit", "value", "growth_yoy"]
    _check_spans(doc, table)


def test_cell_per_line_without_blank_lines_keeps_the_first_row() -> None:
    """A web copy with one cell per line and no blank lines: the first row's 序号 `1` must not be
    joined to the last header cell as if the header wrapped (it was read as `1地区生产总值年均增速`)."""
    from pipeline import parse_text

    text = (
        "长宁区“十五五”经济社会发展主要指标\n序号\n指标名称\n单位\n属性\n“十五五”目标\n"
        "1\n地区生产总值年均增速\n%\n预期性\n与全市经济增速保持同步\n"
        "2\n全员劳动生产率\n万元/人\n预期性\n55左右\n"
    )
    table = parse_text(text).tables[0]
    assert [c.role for c in table.columns] == ["seq", "indicator", "unit", "attribute", "target"]
    rows = [(r.seq, r.indicator, r.unit, r.attribute, r.target.value if r.target else None) for r in table.rows]
    assert rows == [(1, "地区生产总值年均增速", "%", "预期性", None), (2, "全员劳动生产率", "万元/人", "预期性", 55.0)]
