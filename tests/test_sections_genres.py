"""Heading trees of the genres the acceptance corpus holds, one realistic excerpt per form.

Each fixture tests/fixtures/sections/<name>.(txt|md) has its exact expected outline beside it in
<name>.json as [level, marker, number, title] rows: precision and recall are both asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.model import Document

from .sections_support import FIXTURES, structure

GENRES = sorted(p for p in (FIXTURES / "sections").iterdir()
                if p.suffix in (".txt", ".md") and p.with_suffix(".json").exists())


def rows(doc: Document) -> list[list[object]]:
    return [[s.level, s.marker, s.number, s.title] for s in doc.sections]


@pytest.mark.parametrize("path", GENRES, ids=[p.stem for p in GENRES])
def test_genre_outline(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    assert rows(structure(path.read_text("utf-8"))) == expected


def test_a_chapter_or_section_never_nests_under_a_numbered_item() -> None:
    text = "第一章 发展基础\n一、总量提升\n正文。\n第一节 创新能力\n正文。\n第二章 总体要求\n第二节 发展目标\n"
    assert rows(structure(text)) == [[1, "第一章", "一", "发展基础"], [2, "一、", "一", "总量提升"],
                                     [2, "第一节", "一", "创新能力"], [1, "第二章", "二", "总体要求"],
                                     [2, "第二节", "二", "发展目标"]]


def test_notes_after_a_bulletin_are_not_headings_but_a_later_chapter_is() -> None:
    text = "一、综  合\n正文。\n注:\n1.本公报数据为初步统计数。\n2.增长速度按可比价格计算。\n二、农  业\n1.粮食\n"
    assert rows(structure(text)) == [[1, "一、", "一", "综合"], [1, "一、", "二", "农业"], [2, "1.", "1", "粮食"]]
