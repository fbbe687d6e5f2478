"""DOCX renditions of other real documents parse like their text (issue #6).

Fixtures from tests/fixtures/formats/make_docs.py: a long plan (Word list numbering, direct
formatting, a split indicator table with a repeated header, tracked changes, a soft-broken title),
a statistical bulletin (table nested in a frame, DATE field, tabs) and a notice (发文机关标识 in a
one-cell table, 文号 in a text box, a numbered 附件 list, a footnote).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.ingest import read_path
from tests.test_cross_format import (
    _parsed,
    claims_of,
    indicator_rows_of,
    metadata_of,
    sections_of,
    verdicts_of,
)

FORMATS = Path(__file__).parent / "fixtures" / "formats"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# (rendition, the text it renders)
CASES = [
    ("changning.docx", CORPUS / "changning-shiwuwu-guihua-gangyao.md"),
    ("bulletin.docx", CORPUS / "shili-2024-tongji-gongbao.txt"),
    ("notice12.docx", FORMATS / "notice12.txt"),
]


def _pair(name: str, text: Path) -> tuple[object, object]:
    return _parsed(str(FORMATS / name)), _parsed(str(text))


@pytest.mark.parametrize(("name", "text"), CASES)
def test_same_sections_claims_and_verdicts(name: str, text: Path) -> None:
    got, want = _pair(name, text)
    assert sections_of(got) == sections_of(want)  # type: ignore[arg-type]
    assert claims_of(got) == claims_of(want)  # type: ignore[arg-type]
    assert verdicts_of(got) == verdicts_of(want)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_same_metadata(name: str, text: Path) -> None:
    got, want = (metadata_of(d) for d in _pair(name, text))  # type: ignore[arg-type]
    if name == "changning.docx":
        # the issuer of the plan exists only in the Markdown front matter (发布单位), not in the document
        assert (got.pop("issuer"), want.pop("issuer")) == (None, "上海市长宁区发展和改革委员会")
    assert got == want


def test_split_indicator_table_is_one_table() -> None:
    got, want = _pair("changning.docx", CORPUS / "changning-shiwuwu-guihua-gangyao.md")
    rows = indicator_rows_of(got)  # type: ignore[arg-type]
    assert rows == indicator_rows_of(want)  # type: ignore[arg-type]
    assert [r[0] for r in rows] == list(range(1, 21))
    assert rows[12][2:] == ("养老机构护理型床位占比", "预期性", "%", None, (75.0, ">", "level"))
    assert rows[15][2:] == ("人均公园绿地面积", "约束性", "平方米/人", None, (7.82, ">=", "level"))
    assert rows[10][3] == "预期性"  # the merged 属性 cell reaches across the page break
    assert sum(t.kind == "indicator" for t in got.tables) == 1  # type: ignore[attr-defined]


def test_word_numbering_and_soft_break_come_out_as_text() -> None:
    lines = read_path(FORMATS / "changning.docx").text.splitlines()
    assert lines[0] == "《上海市长宁区国民经济和社会发展第十五个五年规划纲要》"  # soft break joined
    assert "一、发展新阶段新起点" in lines and "十二、切实强化规划实施保障" in lines
    assert any(ln.startswith("1.经济实力跨步提升。地区生产总值") for ln in lines)
    assert sum(ln.startswith("1.") for ln in lines) == 31  # the list restarts in every (一)
    text = "\n".join(lines)
    assert "草案" not in text and "1000亿元" not in text  # the tracked deletion
    assert "长宁区在市委、市政府和区委" in text  # the tracked insertion
    assert "\t" not in text


def test_header_block_text_box_list_and_footnote() -> None:
    raw = read_path(FORMATS / "notice12.docx")
    lines = raw.text.splitlines()
    assert lines[:3] == ["上海市发展和改革委员会文件", "沪发改能源〔2025〕31号", lines[2]]
    assert raw.text.count("沪发改能源〔2025〕31号") == 1  # the VML fallback copy is not read
    assert not raw.tables  # a one-cell frame is not a data table
    assert "1.新能源云平台和各区联系方式" in lines and "2.上海可再生能源和新能源发展专项资金申报指南(企业投资项目)" in [
        ln.replace("（", "(").replace("）", ")") for ln in lines
    ]
    assert lines[-1].startswith("[1] 新能源云平台:")
    assert raw.text == (FORMATS / "notice12.txt").read_text(encoding="utf-8")


def test_nested_table_field_and_tabs() -> None:
    raw = read_path(FORMATS / "bulletin.docx")
    lines = raw.text.splitlines()
    assert lines[1:3] == ["示例市统计局", "2025年3月20日"]  # leading tabs dropped; the DATE field's result
    assert "DATE" not in raw.text
    (table,) = raw.tables  # the data table inside the frame table
    rows = raw.text[table.start : table.end].splitlines()
    assert rows[0] == "产品名称 | 单位 | 产量 | 比上年增长(%)"
    assert rows[3] == "工业机器人 | 套 | 5432 | 12.7"
    assert table.title == "表1 2024年主要工业产品产量及其增长速度"


def test_numbering_formats() -> None:
    from pipeline.ingest.docx_numbering import chinese_count, format_number

    assert [chinese_count(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十",
    ]
    assert format_number(3, "decimalEnclosedCircleChinese") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(7, "decimal") == "7"
    assert format_number(1, "bullet") == ""


def test_claim_counts_are_not_empty() -> None:
    got, _ = _pair("bulletin.docx", CORPUS / "shili-2024-tongji-gongbao.txt")
    assert sum(claims_of(got).values()) > 100  # type: ignore[arg-type]
    assert Counter(str(c.verdict) for c in got.checks)  # type: ignore[attr-defined]
