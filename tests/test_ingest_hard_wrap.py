"""Hard-wrapped plain text is re-joined at ingest; headings, list items and table rows keep their lines,
and the offset map leads every span back to the characters of the decoded source."""

from __future__ import annotations

from pipeline.api import parse_text
from pipeline.ingest.hard_wrap import rejoin_hard_wraps, wrap_width
from pipeline.ingest.plain import source_offset

from .renditions import hard_wrap, layout_wrap

PARA = ("全年地区生产总值12345.67亿元，比上年增长5.2%。其中，第一产业增加值234.56亿元，增长3.1%；"
        "第二产业增加值4567.89亿元，增长6.0%；第三产业增加值7543.22亿元，增长4.9%。全年出生率为7.5‰，"
        "死亡率为6.1‰，自然增长率为1.4‰。")
TEXT = "\n".join([
    "某市2024年国民经济和社会发展统计公报",
    "一、综  合",
    PARA,
    "二、农业",
    PARA + PARA,
    "1.粮食生产稳定。",
    "| 指标 | 单位 | 绝对数 | 比上年增长（%） |",
    "| 地区生产总值 | 亿元 | 12345.67 | 5.2 |",
    "三、工业",
    PARA,
    "2025年3月",
])


def test_a_text_with_one_paragraph_per_line_is_left_alone() -> None:
    assert rejoin_hard_wraps(TEXT) == (TEXT, [])
    assert wrap_width(TEXT.split("\n")) is None


def test_wrapped_paragraphs_come_back_and_nothing_else_moves() -> None:
    wrapped = hard_wrap(TEXT, 36)
    assert wrap_width(wrapped.split("\n")) == (len, 36, 0)
    joined, joins = rejoin_hard_wraps(wrapped)
    assert joined == TEXT
    assert len(joins) == len(wrapped) - len(TEXT)


def test_lines_set_at_a_page_width_come_back_whatever_their_digits() -> None:
    wrapped = layout_wrap(TEXT, 30)
    assert len({len(ln) for ln in wrapped.split("\n") if len(ln) > 20}) > 3  # not one character count
    assert rejoin_hard_wraps(wrapped)[0] == TEXT


def test_headings_list_items_and_dates_never_join_a_full_line() -> None:
    full = "这是一行正好排满宽度的正文文字，用来测试换行后重新连接的规则是否正确，并且"
    body = "\n".join([full, "继续的正文。"] * 6)
    text = body + "\n" + full + "\n一、下一节\n" + full + "\n(一)下一小节\n" + full + "\n1.列表项\n" + full + "\n2025年3月1日"
    joined, _ = rejoin_hard_wraps(text)
    lines = joined.split("\n")
    assert lines[:6] == [full + "继续的正文。"] * 6
    assert [ln for ln in lines if ln != full + "继续的正文。"] == [full, "一、下一节", full, "(一)下一小节", full, "1.列表项",
                                                               full, "2025年3月1日"]


def test_a_wrapped_table_row_is_one_row_again() -> None:
    rows = ["| 国别和地区 | 出口额（亿元） | 比上年增长（%） | 进口额（亿元） |",
            "| 合计 | 3827.9 | -1.8 | 2464.2 |", "| #东南亚国家联盟 | 601.9 | 7.0 | 356.0 |"]
    text = "\n".join([PARA * 2, *rows, PARA])
    wrapped = hard_wrap(text, 36)
    assert rejoin_hard_wraps(wrapped)[0] == text


def test_spans_map_back_to_the_source_and_the_figures_still_check() -> None:
    wrapped = hard_wrap(TEXT, 36)
    doc = parse_text(wrapped, "wrapped.txt")
    joins = doc.source.offset_map
    assert joins and any(w.code == "W003" for w in doc.warnings)
    for c in doc.claims:
        start, end = source_offset(joins, c.span.start), source_offset(joins, c.span.end, end=True)
        assert wrapped[start:end].replace("\n", "") == c.raw
    assert [s.title for s in doc.sections] == ["综合", "农业", "粮食生产稳定", "工业"]
    rules = {k.rule for k in doc.checks if k.verdict == "consistent"}
    assert "rate_difference" in rules


def test_rows_of_a_space_aligned_table_never_run_together() -> None:
    rows = [f"{name:　<8}  亿元    {value:>10.2f}    {rate:>5.1f}" for name, value, rate in
            [("地区生产总值", 12345.67, 5.2), ("第一产业", 234.56, 3.1), ("第二产业", 4567.89, 6.0),
             ("第三产业", 7543.22, 4.9), ("规模以上工业", 4321.00, 6.3), ("固定资产投资", 3210.55, 2.2)]]
    assert len({len(r) for r in rows}) == 1  # one width: the text reads as wrapped
    text = "\n".join([*rows, "合计数据为初步核算数。"])
    assert rejoin_hard_wraps(text)[0] == text


def test_latin_words_keep_the_space_a_line_break_stood_for() -> None:
    words = "Layouts of district plan indicator tables taken from public documents and web pages"
    para = (words + ". ") * 12
    wrapped = "\n".join(para[i : i + 40].strip() for i in range(0, len(para), 40))
    joined, joins = rejoin_hard_wraps(wrapped)
    assert "\n" not in joined and "  " not in joined
    assert all(wrapped[source_offset(joins, i)] in (ch, "\n") for i, ch in enumerate(joined))


def test_a_year_in_brackets_continues_a_line_but_a_spaced_marker_does_not() -> None:
    full = "这是一行正好排满宽度的正文文字，用来测试换行后重新连接的规则是否正确，基础值"
    text = "\n".join([full, "(2020)为准。"] * 6 + [full, "( 一 )下一小节"])
    lines = rejoin_hard_wraps(text)[0].split("\n")
    assert lines == [full + "(2020)为准。"] * 6 + [full, "( 一 )下一小节"]
