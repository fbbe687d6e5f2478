"""PDF characters and layout rules: the fast PDFium path against pypdfium2's own per-character
API, font names as Chinese government PDFs write them, and the line rules on made-up lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.pdf_chars import Char, _clean_font, open_pdf, page_chars
from pipeline.ingest.pdf_lines import Layout, continues, group_lines, heading_level

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.mark.parametrize(("name", "index"), [("qingpu.pdf", 1), ("changning-gbt.pdf", 10), ("unmapped.pdf", 0)])
def test_chars_match_pypdfium2_per_character(name: str, index: int) -> None:
    """Text from one GetText call and boxes by raw pointer equal pypdfium2's per-character calls."""
    doc = open_pdf(FORMATS / name)
    try:
        got = page_chars(doc, index)
        page = doc[index]
        height = page.get_size()[1]
        tp = page.get_textpage()
        want = []
        for k in range(tp.count_chars()):
            ch = tp.get_text_range(k, 1) or "\ufffd"
            if not ch.isspace():
                left, bottom, right, top = tp.get_charbox(k)
                want.append((ch, round(left, 3), round(height - top, 3), round(right, 3), round(height - bottom, 3)))
        tp.close()
        page.close()
    finally:
        doc.close()
    assert [(c.ch, round(c.x0, 3), round(c.top, 3), round(c.x1, 3), round(c.bottom, 3)) for c in got.chars] == want
    assert all(c.page == index + 1 for c in got.chars)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b"ABCDEF+FangSong_GB2312", "FangSong_GB2312"),
        ("黑体".encode("gbk"), "黑体"),  # Word on Chinese Windows writes BaseFont names in GBK
        ("楷体_GB2312".encode("gbk"), "楷体_GB2312"),
        (b"NotoSansCJKjp-Regular", "NotoSansCJKjp-Regular"),
    ],
)
def test_font_names(raw: bytes, name: str) -> None:
    assert _clean_font(raw) == name


def _line(text: str, x0: float, top: float, size: float = 16.0, font: str = "FangSong_GB2312") -> list[Char]:
    return [
        Char(1, x0 + i * size, top, x0 + (i + 1) * size, top + size, ch, size, font, top + size / 2)
        for i, ch in enumerate(text)
    ]


LAYOUT = Layout(left=80.0, right=512.0, em=16.0, page_width=595.0, font="FangSong_GB2312")


@pytest.mark.parametrize(
    ("font", "level"),
    [
        ("SimHei", 1),
        ("黑体", 1),
        ("FZHTK--GBK1-0", 1),
        ("KaiTi_GB2312", 2),
        ("STKaiti", 2),
        ("FZKTK--GBK1-0", 2),
        ("Microsoft YaHei", None),  # a body face of web-made PDFs, not 黑体
        ("FangSong_GB2312", None),  # the body font says nothing about the level
    ],
)
def test_heading_font_hints(font: str, level: int | None) -> None:
    (ln,) = group_lines(1, _line("一、总体要求", 112.0, 100.0, font=font))
    assert heading_level(ln, LAYOUT) == level


def test_body_font_of_the_document_is_never_a_heading_font() -> None:
    body = [group_lines(1, _line("正" * 27, 80.0, 100.0 + 30 * k, font="Microsoft YaHei"))[0] for k in range(5)]
    lay = Layout.measure(body, 595.0)
    assert lay.font == "Microsoft YaHei"
    (short,) = group_lines(1, _line("一、总体要求", 112.0, 300.0, font="SimHei"))
    assert heading_level(short, lay) == 1


def test_large_title_wraps_over_centred_lines_but_not_into_a_subtitle() -> None:
    first = group_lines(1, _line("关于进一步加强" * 3, 80.0, 100.0, size=22.0, font="FZXBSJW"))[0]
    second = group_lines(1, _line("工作的通知", 241.0, 128.0, size=22.0, font="FZXBSJW"))[0]
    subtitle = group_lines(1, _line("(征求意见稿)", 248.0, 156.0, size=16.0, font="KaiTi_GB2312"))[0]
    far = group_lines(1, _line("工作的通知", 241.0, 180.0, size=22.0, font="FZXBSJW"))[0]
    assert continues(first, second, LAYOUT)
    assert not continues(second, subtitle, LAYOUT)
    assert not continues(first, far, LAYOUT)  # a blank line between: two elements
