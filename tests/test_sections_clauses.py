"""A standard's numbered clauses (heading_clauses.py): `1 总则` chapters at level 1, `3.2 材料` sections
under them, `3.2.1` clauses under their section and `1.0.1` clauses right under a chapter without
sections; items inside a clause (1 钢筋…；, 3 砂石, (1) …) are no headings."""

from __future__ import annotations

from .sections_support import FIXTURES, structure

FIX = FIXTURES / "sections" / "standard_clauses.txt"


def _outline(text: str) -> list[tuple[int, str, str, str]]:
    return [(s.level, s.marker, s.number, s.title) for s in structure(text).sections]


def test_standard_outline() -> None:
    assert _outline(FIX.read_text("utf-8")) == [
        (1, "1", "1", "总则"),
        (2, "1.1.1", "1.0.1", ""), (2, "1.1.1", "1.0.2", ""), (2, "1.1.1", "1.0.3", ""),
        (1, "1", "2", "术语"),
        (2, "1.1.1", "2.0.1", "预制构件"), (2, "1.1.1", "2.0.2", "叠合构件"),
        (1, "1", "3", "材料"),
        (2, "1.1", "3.1", "一般规定"), (3, "1.1.1", "3.1.1", ""), (3, "1.1.1", "3.1.2", ""),
        (2, "1.1", "3.2", "混凝土"), (3, "1.1.1", "3.2.1", ""),
        (1, "1", "4", "施工"), (2, "1.1.1", "4.0.1", ""),
    ]


def test_clause_spans_hold_the_number() -> None:
    doc = structure(FIX.read_text("utf-8"))
    secs = doc.sections
    assert [doc.text[s.span.start : s.span.end] for s in secs[:2]] == ["1 总则", "1.0.1"]
    assert secs[1].parent_id == secs[0].id and secs[9].parent_id == secs[8].id


def test_few_dotted_lines_are_no_standard() -> None:
    text = "关于调整收费标准的通知\n\n1 总体要求\n1.1.1 版本说明\n2.1 其他事项\n一、工作安排\n"
    assert _outline(text) == [(1, "一、", "一", "工作安排")]
