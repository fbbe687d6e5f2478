"""Section tree: heading grammar, levels by depth, fused and run-in headings, what is not a heading."""

from __future__ import annotations

import json

import pytest

from pipeline.model import Document

from .conftest import SAMPLE
from .sections_support import FIXTURES, fixture, outline, structure


@pytest.fixture(scope="module")
def sample() -> Document:
    return structure(SAMPLE.read_text(encoding="utf-8"))


def test_sample_gives_the_gold_outline(sample: Document) -> None:
    gold = [tuple(x) for x in json.loads((FIXTURES / "sections" / "qingpu_outline.json").read_text("utf-8"))]
    assert len(gold) == 54
    assert outline(sample) == gold


def test_sample_spans_parents_and_bodies(sample: Document) -> None:
    text, secs = sample.text, sample.sections
    by_id = {s.id: s for s in secs}
    assert [s.id for s in secs] == [f"s{i}" for i in range(1, 55)]
    for s in secs:
        assert text[s.span.start : s.span.end].endswith(s.title)
        assert s.span.end == s.body_span.start <= s.body_span.end
        if s.parent_id:
            parent = by_id[s.parent_id]
            assert parent.level == s.level - 1
            assert parent.body_span.start <= s.span.start and s.body_span.end <= parent.body_span.end
        else:
            assert s.level == 1
    assert secs[-1].body_span.end == len(text)
    # section 一 ends where 二、总体思路 starts
    two = next(s for s in secs if s.level == 1 and s.number == "二")
    assert secs[0].body_span.end == two.span.start
    assert [s.marker for s in secs[:3]] == ["一、", "(一)", "1."]


def test_fused_headings_on_one_line(sample: Document) -> None:
    first, second = sample.sections[0], sample.sections[1]
    assert sample.text[first.span.start : second.span.end] == "一、发展基础与发展机遇(一)发展基础"
    assert first.span.end == second.span.start and second.parent_id == first.id
    last = [s for s in sample.sections if s.number == "十一"][0]
    assert sample.sections[sample.sections.index(last) + 1].title == "完善体制机制"


def test_sample_table_and_dash_items_are_not_headings(sample: Document) -> None:
    titles = {s.title for s in sample.sections}
    assert not any("|" in t or t.startswith("—") for t in titles)
    assert "5平方公里范围的基础上尽快研究和开展扩区工作" not in titles


def test_work_report_run_in_headings_and_numbered_items() -> None:
    doc = structure(fixture("sections", "work_report_run_in.txt"))
    got = outline(doc)
    assert got[:3] == [(1, "一", "2025年主要工作和“十四五”发展成就"),
                       (2, "一", "强化创新驱动发展,创新浙江建设成效明显"),
                       (2, "二", "巩固实体经济根基,现代化产业体系建设步伐加快")]
    first = doc.sections[1]
    assert first.run_in and doc.text[first.body_span.start :].startswith("提升科技创新质效。")
    assert doc.text[first.span.start : first.span.end].endswith("成效明显。")
    items = [s for s in doc.sections if s.marker == "1."]
    assert [s.number for s in items] == [str(i) for i in range(1, 11)]
    assert {s.level for s in items} == {3} and items[0].title == "医疗卫生方面"
    assert got[-1] == (2, "十", "着力加强政府自身建设")


def test_spaced_title_is_closed_up() -> None:
    doc = structure("一、综 合\n正文。\n二、主要任务\n正文。\n")
    assert outline(doc) == [(1, "一", "综合"), (1, "二", "主要任务")]


def test_skipped_level_makes_the_child_one_deeper() -> None:
    doc = structure("一、总体要求\n1.指导思想\n正文。\n2.基本原则\n正文。\n二、主要任务\n(一)强化创新\n正文。\n")
    assert outline(doc) == [(1, "一", "总体要求"), (2, "1", "指导思想"), (2, "2", "基本原则"),
                            (1, "二", "主要任务"), (2, "一", "强化创新")]


def test_older_style_nests_by_depth() -> None:
    text = "(一)总则\n正文。\n(二)分则\n一、第一部分内容\n正文。\n二、第二部分内容\n正文。\n(三)附则\n正文。\n"
    assert outline(structure(text)) == [(1, "一", "总则"), (1, "二", "分则"), (2, "一", "第一部分内容"),
                                        (2, "二", "第二部分内容"), (1, "三", "附则")]


def test_plan_parts_restart_their_series() -> None:
    doc = structure(fixture("sections", "plan_parts.txt"))
    got = outline(doc)
    assert got[0] == (1, "一", "发展基础")
    assert doc.sections[0].marker == "第一部分"
    parts = [(n, t) for lv, n, t in got if lv == 1]
    assert parts == [("一", "发展基础"), ("二", "发展趋势"), ("三", "指导方针"), ("四", "发展目标和主要指标")]
    # 一、 restarts under each 部分; 1、 directly under 二、 (no (一)) is one level deeper
    assert (2, "二", "“十四五”短板弱项分析") in got and (3, "1", "全面高质量建设公园城市仍存挑战") in got
    assert (2, "一", "从发展背景看,新时代对绿化市容提出新要求") in got
    # the indicator sentences 1、新建绿地35万平方米… under 主要指标 are a list, not headings
    assert got[-1] == (2, "二", "主要指标")


def test_pian_zhang_jie_plan() -> None:
    text = ("第一篇 发展基础\n第一章 发展成就\n第一节 经济实力\n一、总量提升\n正文。\n第二节 创新能力\n正文。\n"
            "第二章 发展环境\n正文。\n第二篇 主要任务\n第三章 产业体系\n第一节 先进制造\n正文。\n")
    doc = structure(text)
    assert outline(doc) == [(1, "一", "发展基础"), (2, "一", "发展成就"), (3, "一", "经济实力"), (4, "一", "总量提升"),
                            (3, "二", "创新能力"), (2, "二", "发展环境"), (1, "二", "主要任务"), (2, "三", "产业体系"),
                            (3, "一", "先进制造")]
    assert [s.marker for s in doc.sections[:4]] == ["第一篇", "第一章", "第一节", "一、"]
    assert [s.marker for s in doc.sections if s.marker.startswith("第")][-3:] == ["第二篇", "第三章", "第一节"]


def test_regulation_chapters_and_articles() -> None:
    doc = structure(fixture("sections", "regulation_chapters.txt"))
    chapters = [s for s in doc.sections if s.marker.endswith("章")]
    assert [(s.number, s.title, s.level) for s in chapters] == [("一", "总则", 1), ("二", "服务供给", 1),
                                                                 ("三", "服务管理", 1)]
    articles = [s for s in doc.sections if s.marker.endswith("条")]
    # 第五条 continues the numbering across the chapter break
    assert [s.number for s in articles] == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]
    assert chapters[2].body_span.end == len(doc.text)
    assert {s.level for s in articles} == {2} and articles[4].parent_id == chapters[1].id
    # （一）…；items ending in ； are list items, not headings; run-in （一）…。 items are
    assert all(not s.title.endswith(("；", ";")) for s in doc.sections)


def test_markdown_headings_and_front_matter() -> None:
    text = ("---\n标题: 某区发展规划\n文号: -\n---\n\n# 某区发展规划\n\n## 一、发展基础\n\n正文。\n\n### 经济实力\n\n正文。\n\n"
            "## 二、主要任务\n\n正文。\n")
    doc = structure(text)
    assert doc.metadata.title == "某区发展规划"
    assert outline(doc) == [(1, "一", "发展基础"), (2, "", "经济实力"), (1, "二", "主要任务")]
    assert [s.marker for s in doc.sections] == ["##", "###", "##"]


def test_table_of_contents_is_not_duplicated() -> None:
    text = ("目录\n一、发展基础………………1\n(一)发展成就………………2\n二、主要任务………………5\n"
            "一、发展基础\n(一)发展成就\n正文。\n二、主要任务\n正文。\n")
    doc = structure(text)
    assert outline(doc) == [(1, "一", "发展基础"), (2, "一", "发展成就"), (1, "二", "主要任务")]
    assert doc.sections[0].span.start == text.index("一、发展基础\n(一)")


def test_toc_without_leaders() -> None:
    text = "目 录\n一、发展基础\n二、主要任务\n一、发展基础\n正文。\n二、主要任务\n正文。\n"
    doc = structure(text)
    assert outline(doc) == [(1, "一", "发展基础"), (1, "二", "主要任务")]
    assert doc.sections[0].span.start == text.index("一、发展基础\n正文")


def test_numbers_in_mid_line_years_and_decimals_are_not_headings() -> None:
    text = ("一、发展目标\n到2025年,实现三个目标:1.规模提升;2.结构优化。\n2020年,全区产值增长5%。\n"
            "1.5平方公里范围内开展扩区。\n——创新能力大幅增强。\n二、主要任务\n")
    assert outline(structure(text)) == [(1, "一", "发展目标"), (1, "二", "主要任务")]


def test_long_sentence_lists_do_not_outrank_headings() -> None:
    text = ("各有关单位:\n"
            "(1)申报单位应当具备独立法人资格,近三年内无重大违法违规记录,且财务制度健全;\n"
            "(2)项目已完成备案手续,并按规定取得相关批复文件,具备开工建设条件;\n"
            "一、申报范围\n正文。\n二、申报程序\n(1)网上申报\n正文。\n(2)材料审核\n正文。\n")
    assert outline(structure(text)) == [(1, "一", "申报范围"), (1, "二", "申报程序"), (2, "1", "网上申报"),
                                        (2, "2", "材料审核")]


def test_a_series_only_continues_with_the_next_number() -> None:
    text = "一、总体要求\n正文。\n二、主要任务\n正文。\n一、这不是新的一章\n正文。\n三、保障措施\n正文。\n"
    assert outline(structure(text)) == [(1, "一", "总体要求"), (1, "二", "主要任务"), (1, "三", "保障措施")]


def test_heading_hint_promotes_a_long_title() -> None:
    long_title = "一、" + "坚持以人民为中心的发展思想推动经济社会高质量发展全面建设社会主义现代化国家新征程上的新任务和新要求以及新目标新举措"
    text = long_title + "\n正文。\n"
    assert structure(text).sections == []
    assert outline(structure(text, hints={0: 1}))[0][0] == 1


def test_crlf_gives_the_same_sections(sample: Document) -> None:
    doc = structure(SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n"))
    assert outline(doc) == outline(sample)
    for s in doc.sections:
        assert "\r" not in doc.text[s.span.start : s.span.end]


def test_chapter_title_on_the_next_line() -> None:
    text = "第一章\n总则\n第一条 为了规范管理,制定本办法。\n第二章\n服务供给\n第二条 本办法适用于全市。\n"
    doc = structure(text)
    assert outline(doc) == [(1, "一", "总则"), (2, "一", ""), (1, "二", "服务供给"), (2, "二", "")]
    assert doc.text[doc.sections[0].span.start : doc.sections[0].span.end] == "第一章\n总则"


def test_attachment_list_is_not_a_section_series() -> None:
    text = ("各有关单位:\n一、做好申报\n正文。\n二、做好审核\n正文。\n特此通知。\n附件:\n1.联系方式\n2.申报指南\n"
            "上海市发展和改革委员会\n2025年2月20日\n")
    assert outline(structure(text)) == [(1, "一", "做好申报"), (1, "二", "做好审核")]


def test_markdown_bold_and_dot_after_a_chinese_numeral() -> None:
    text = "**一.总体要求**\n正文。\n**(一)指导思想**\n正文。\n二.主要任务\n正文。\n"
    doc = structure(text)
    assert outline(doc) == [(1, "一", "总体要求"), (2, "一", "指导思想"), (1, "二", "主要任务")]
    assert doc.sections[0].marker == "一."


def test_semicolons_make_a_list_item_not_a_title() -> None:
    text = "一、工作要求\n(一)加强领导;落实责任。正文。\n(二)强化保障\n正文。\n"
    # (一) is a list sentence, so (二) cannot continue a series that never opened
    assert outline(structure(text)) == [(1, "一", "工作要求")]
