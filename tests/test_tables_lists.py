"""Project and task lists (issue #4 follow-up): generic tables with header columns, group rows and
cells with spans, never indicator rows — whatever words their header uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import parse_file, parse_text
from pipeline.model import Document, Table
from pipeline.structure.table_columns import Role, header_role, is_indicator_header, is_list_header
from pipeline.structure.table_rows import tidy

FIX = Path(__file__).parent / "fixtures" / "tables"


def _lists(path: Path) -> tuple[Document, list[Table]]:
    doc = parse_file(path, until="tables")
    return doc, [t for t in doc.tables if t.kind == "generic"]


def _grid(doc: Document, table: Table) -> list[dict[int, str]]:
    """Row by row: column -> text, checking that every cell's span holds its text."""
    out = []
    for row in table.rows:
        for cell in row.cells:
            assert cell.span is not None and doc.text[cell.span.start : cell.span.end] == cell.text
        out.append({c.column: c.text for c in row.cells})
    return out


@pytest.mark.parametrize(("names", "generic"), [
    (["序号", "项目类型", "项目名称", "具体内容", "“十五五”目标"], True),
    (["序号", "任务", "责任单位", "完成时限"], True),
    (["项目名称", "建设内容", "建设规模", "总投资(亿元)", "建设年限"], True),
    (["序号", "指标名称", "单位", "2025年", "2030年", "牵头单位"], False),
])
def test_list_headers(names: list[str], generic: bool) -> None:
    roles = [header_role(n) for n in names]
    assert None not in roles
    assert is_list_header(roles) is generic
    assert is_indicator_header(roles) is not generic


def test_putuo_project_list_one_cell_per_line() -> None:
    doc, lists = _lists(FIX / "real" / "08_putuo_shuiwu_15.md")
    (table,) = lists
    assert table.title == "普陀区水务“十五五”重点项目清单"
    assert [(c.name, c.role) for c in table.columns] == [
        ("序号", "seq"), ("项目类型", "category"), ("项目名称", "indicator"), ("具体内容", "detail"),
        ("“十五五”目标", "target")]
    grid = _grid(doc, table)
    assert [r.seq for r in table.rows] == [None, 1, 2, 3, None, 8, 9]
    assert grid[0] == {0: "一", 1: "水安全"}
    assert grid[2] == {0: "2", 1: "泵闸新改建工程", 2: "真如泵闸建设工程", 3: "拆除重建真如泵闸", 4: "完成建设"}
    assert [c.filled for c in table.rows[2].cells] == [False, True, False, False, False]
    assert grid[6][3].startswith("新建污水泵站一座") and grid[6][3].endswith("出水管。")
    assert [r.category for r in table.rows] == ["水安全", "泵闸新改建工程", "泵闸新改建工程", "泵闸安全鉴定",
                                               "水质量", "管道检测修复", "市政设施污染管控"]
    assert all(r.indicator is None and r.target is None for r in table.rows)


def test_task_division_with_group_headings_and_an_empty_cell() -> None:
    doc, (table,) = _lists(FIX / "lists" / "task_division_line_per_cell.txt")
    assert [c.role for c in table.columns] == ["seq", "task", "note", "note", "period"]
    grid = _grid(doc, table)
    assert [r.seq for r in table.rows] == [None, 1, 2, None, 3, 4]
    assert [r.category for r in table.rows] == ["优化营商环境"] * 3 + ["强化要素保障"] * 3
    assert grid[4] == {0: "3", 1: "加大产业用地供应。", 2: "区规划资源局", 4: "持续推进"}  # 配合单位 left empty
    assert grid[5][3] == "区人才办"
    assert "确保按时完成" not in doc.text[table.span.start : table.span.end]  # the paragraph after it


def test_project_list_without_seq() -> None:
    doc, (table,) = _lists(FIX / "lists" / "project_list_no_seq.txt")
    grid = _grid(doc, table)
    assert grid == [
        {0: "北横通道东段", 1: "新建城市主干路及地下通道,同步实施综合管线。", 2: "4.1公里", 3: "85.6", 4: "2026—2029年"},
        {0: "苏州河堤防提标工程", 1: "防汛墙加固改造,提升防御标准至千年一遇。", 2: "12公里", 3: "9.8", 4: "2026—2028年"},
    ]
    assert header_role("建设年限") is Role.PERIOD


def test_pipe_project_list_is_generic() -> None:
    text = ("重点项目表\n\n| 序号 | 项目名称 | 建设内容 | “十五五”目标 |\n|---|---|---|---|\n"
            "| 1 | 真如泵闸 | 拆除重建 | 完成建设 |\n")
    doc = parse_text(text, "list.txt", until="tables")
    (table,) = doc.tables
    assert table.kind == "generic" and table.rows[0].target is None



REAL = FIX / "real"
LISTS = sorted((REAL / "expected_lists").glob("*.json"))


def score_list(path: Path) -> tuple[int, int, list[str]]:
    """Cells right of a real list fixture: per expected row its 序号, category and every column's
    text (merged cells filled down count as the reader sees them); rows too many cost too."""
    want = json.loads(path.read_text(encoding="utf-8"))
    doc = parse_file(REAL / f"{path.stem}.md", until="tables")
    tables = [t for t in doc.tables if t.kind == "generic" and t.title == want["title"]]
    rows = tables[0].rows if tables else []
    right, total, misses = 0, 0, []
    for k, (seq, category, cells) in enumerate(want["rows"]):
        got = rows[k] if k < len(rows) else None
        texts: list[str | None] = [None] * len(cells)
        for c in got.cells if got else []:
            if c.column < len(texts):
                texts[c.column] = tidy(c.text)
        for name, g, w in [("seq", got and got.seq, seq), ("category", got and got.category, category),
                           *zip(want["columns"], texts, cells, strict=True)]:
            total += 1
            right += g == w
            if g != w:
                misses.append(f"{path.stem} row {k + 1} {name}: got {g!r}, want {w!r}")
    total += max(0, len(rows) - len(want["rows"])) * (len(want["columns"]) + 2)
    return right, total, misses


def test_there_are_real_lists() -> None:
    assert len(LISTS) >= 2


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
def test_real_list_cells(path: Path) -> None:
    right, total, misses = score_list(path)
    assert total >= 30 and misses == []
