"""PDF ingest: text layer, paragraphs, running heads, heading hints, grids, and every bad-PDF code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.errors import Code, PdfError
from pipeline.ingest import read_path
from pipeline.ingest.base import RawDocument
from pipeline.ingest.pdf import _unreadable_share, xref_intact

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@cache
def _qingpu() -> RawDocument:
    return read_path(FORMATS / "qingpu.pdf")


def _lines() -> list[str]:
    return _qingpu().text.splitlines()


def test_wrapped_paragraph_is_one_line_without_spaces() -> None:
    # this paragraph runs over 5 printed lines and a page break in the PDF
    para = next(ln for ln in _lines() if ln.startswith("“十三五”期间,创新驱动战略"))
    assert para.endswith("全区共有软件和信息服务业企业4128家。")
    assert "829.92亿元,是“十二五”期末的4.4倍" in para
    assert " " not in para


def test_number_wrapped_before_its_unit_is_rejoined() -> None:
    # the printed line stops short because 10055.6万元 did not fit after 资金
    assert "配套”资金10055.6万元;" in _qingpu().text


def test_running_head_and_page_numbers_are_dropped() -> None:
    lines = _lines()
    assert lines.count("青浦区创新经济“十四五”规划") == 1  # the title, not the running head of 18 pages
    assert not any(ln.strip("- ").isdigit() for ln in lines)


def test_headings_stay_on_their_own_lines() -> None:
    lines = _lines()
    i = lines.index("一、发展基础与发展机遇")
    assert lines[i + 1] == "(一)发展基础"
    assert "1.创新经济规模实现新突破" in lines


def test_heading_hints_from_fonts() -> None:
    raw = _qingpu()
    hints = {raw.text[k : raw.text.index("\n", k)]: v for k, v in raw.heading_hints.items()}
    assert hints["一、发展基础与发展机遇"] == 1  # 黑体-class font (Noto Sans CJK)
    assert hints["(一)发展基础"] == 2  # 楷体 (AR PL UKai)
    assert "1.创新经济规模实现新突破" not in hints  # bold body font says nothing about the level
    assert "青浦区创新经济“十四五”规划" not in hints  # centred title


def test_every_character_has_a_box_or_was_inserted() -> None:
    raw = _qingpu()
    assert raw.boxes is not None and len(raw.boxes) == len(raw.text)
    inserted = {raw.text[i] for i, b in enumerate(raw.boxes) if b is None}
    assert inserted <= {"\n", " ", "|"}
    assert raw.pages is not None and [p.page for p in raw.pages] == list(range(1, 19))
    assert raw.source.pages == 18 and raw.source.engine == "pdfium + pdfplumber table finder"


def test_grid_table_joined_across_the_page_break() -> None:
    raw = _qingpu()
    assert len(raw.tables) == 1
    table = raw.tables[0]
    cells = {(c.row, c.col): (raw.text[c.start : c.end], c.rowspan) for c in table.cells}
    assert cells[(0, 5)] == ("基础值(2020年)", 1)
    assert cells[(1, 1)] == ("规模", 3)
    assert cells[(6, 1)] == ("能力", 10)  # the merged 类别 cell runs on to page 8
    assert cells[(10, 2)] == ("新增高层次人才", 1)  # the row the page break split
    assert cells[(15, 6)] == ("10.5", 1)
    assert max(r for r, _ in cells) == 15
    assert table.title == "青浦区“十四五”创新经济指标"


def test_encrypted_pdf() -> None:
    with pytest.raises(PdfError) as err:
        read_path(FORMATS / "encrypted.pdf")
    assert err.value.code is Code.PDF_ENCRYPTED


def test_truncated_pdf() -> None:
    with pytest.raises(PdfError) as err:
        read_path(FORMATS / "truncated.pdf")
    assert err.value.code is Code.PDF_CORRUPT


def test_damaged_xref_is_read_by_pdfium_with_w102() -> None:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    with pytest.raises(PdfminerException), pdfplumber.open(FORMATS / "damaged-xref.pdf"):
        pass
    raw = read_path(FORMATS / "damaged-xref.pdf")
    assert raw.text.startswith("关于印发《示范规划》的通知\n一、发展目标\n")
    assert [w.code for w in raw.warnings] == ["W102"]
    assert "rebuilt" in (raw.source.engine or "")


def test_xref_check() -> None:
    assert xref_intact((FORMATS / "qingpu.pdf").read_bytes())
    assert not xref_intact((FORMATS / "damaged-xref.pdf").read_bytes())


def test_unreadable_share_counts_unmapped_glyphs_not_radicals() -> None:
    assert _unreadable_share("⼯业增加值") == 0.0  # Kangxi radical: normalize folds it
    assert _unreadable_share("增加\ufffd\ufffd") == 0.5
    assert _unreadable_share("(cid:123)值") == pytest.approx(7 / 10)


def test_unmapped_glyphs_warn_and_radicals_are_repaired() -> None:
    from pipeline import parse_file

    raw = read_path(FORMATS / "unmapped.pdf")
    assert raw.text.startswith("⼯业增加值增长6.5%,⼈均收入增长5%。\n")  # as the font maps them
    assert [w.code for w in raw.warnings] == ["W101"]
    assert "6.7%" in raw.warnings[0].message  # 2 private-use glyphs of 30 characters
    doc = parse_file(FORMATS / "unmapped.pdf")
    assert doc.text.startswith("工业增加值增长6.5%,人均收入增长5%。")  # normalize folds Kangxi radicals 1:1
