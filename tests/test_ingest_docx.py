"""DOCX ingest: paragraphs, heading styles, merged table cells, footnotes kept apart, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import Code, InputError
from pipeline.ingest import read_path

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def test_paragraphs_and_heading_hints() -> None:
    raw = read_path(FORMATS / "qingpu.docx")
    assert raw.source.format == "docx" and raw.source.engine == "python-docx"
    lines = raw.text.splitlines()
    assert lines[0] == "关于印发《青浦区创新经济“十四五”规划》的通知"
    hints = {raw.text[k : raw.text.index("\n", k)]: v for k, v in raw.heading_hints.items()}
    assert hints["一、发展基础与发展机遇"] == 1
    assert hints["(一)发展基础"] == 2
    assert hints["1.创新经济规模实现新突破"] == 3
    assert lines[0] not in hints  # Title style: the document title, not a section
    assert len(hints) == 54


def test_table_with_vertical_merge() -> None:
    raw = read_path(FORMATS / "qingpu.docx")
    (table,) = raw.tables
    cells = {(c.row, c.col): (raw.text[c.start : c.end], c.rowspan, c.colspan) for c in table.cells}
    assert cells[(1, 1)] == ("规模", 3, 1)
    assert cells[(4, 1)] == ("结构", 2, 1)
    assert cells[(6, 1)] == ("能力", 10, 1)
    assert (2, 1) not in cells
    assert cells[(1, 6)] == ("年均增幅15%", 1, 1)
    assert len(table.cells) == 16 * 7 - 2 - 1 - 9
    assert table.title == "青浦区“十四五”创新经济指标"
    row2 = raw.text[table.start : table.end].splitlines()[2]
    assert row2 == "2 | 高新技术企业营业收入 | 预期性 | 亿元 | 1300 | ≥2000"


def test_footnotes_follow_the_body_after_a_separator() -> None:
    raw = read_path(FORMATS / "footnote.docx")
    assert raw.text.splitlines() == [
        "关于印发《示范规划》的通知",
        "一、发展目标",
        "到2025年,争取形成10个创新经济千百亿级产业集群[1]。高新技术企业突破1000家。",
        "----------",
        "[1] 千百亿级产业集群:指营业收入超过百亿元的产业集群。",
    ]


def test_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    import zipfile

    bad = tmp_path / "not-word.docx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError) as err:
        read_path(bad)
    assert err.value.code is Code.DOCX_CORRUPT


def test_truncated_docx(tmp_path: Path) -> None:
    bad = tmp_path / "cut.docx"
    bad.write_bytes((FORMATS / "qingpu.docx").read_bytes()[:5000])
    with pytest.raises(InputError) as err:
        read_path(bad)
    assert err.value.code is Code.DOCX_CORRUPT
