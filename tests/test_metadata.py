"""Metadata stage: GB/T 9704 header elements, read from real documents' headers."""

from __future__ import annotations

import pytest

from pipeline.model import Document

from .conftest import SAMPLE
from .sections_support import fixture, structure


def _at(doc: Document, field: str) -> str:
    sp = doc.metadata.spans[field]
    return doc.text[sp.start : sp.end]


@pytest.fixture(scope="module")
def sample() -> Document:
    return structure(SAMPLE.read_text(encoding="utf-8"))


def test_sample_all_fields(sample: Document) -> None:
    md = sample.metadata
    assert md.notice_title == "关于印发《青浦区创新经济“十四五”规划》的通知"
    assert md.title == "青浦区创新经济“十四五”规划"
    assert md.index_number == "QA120100020220046"
    assert md.disclosure == "主动公开"
    assert md.doc_number is not None
    assert (md.doc_number.raw, md.doc_number.issuer_code, md.doc_number.year, md.doc_number.serial) == (
        "青府发〔2022〕25号", "青府发", 2022, 25)
    assert md.issuer == "上海市青浦区人民政府"
    assert md.date == "2022-03-27"
    assert md.header_date == "2022-03-27"
    assert md.recipients == "各镇人民政府、街道办事处,区政府各委、办、局,各有关单位"
    assert md.recipients_list == ["各镇人民政府", "街道办事处", "区政府各委、办、局", "各有关单位"]


def test_sample_spans_point_at_the_values(sample: Document) -> None:
    md = sample.metadata
    assert _at(sample, "title") == md.title
    assert _at(sample, "doc_number") == "青府发〔2022〕25号"
    assert _at(sample, "recipients") == md.recipients
    assert _at(sample, "header_date") == "2022.03.27"
    assert _at(sample, "date") == "2022年3月27日"
    # the signature, not the header's issuer line, is the 发文机关
    assert sample.metadata.spans["issuer"].start > sample.metadata.spans["recipients"].start
    # the document title is the line after the signature date, not the 《…》 inside the notice title
    assert sample.metadata.spans["title"].start > sample.metadata.spans["date"].end


def test_notice_with_the_doc_number_in_parentheses() -> None:
    doc = structure(fixture("metadata", "notice_number_in_parentheses.txt"))
    md = doc.metadata
    assert md.doc_number is not None and md.doc_number.raw == "沪交财〔2024〕487号"
    assert (md.doc_number.issuer_code, md.doc_number.year, md.doc_number.serial) == ("沪交财", 2024, 487)
    assert _at(doc, "doc_number") == "沪交财〔2024〕487号"
    assert md.notice_title == md.title == "上海市交通委员会关于S32申嘉湖高速公路维持收费的通知"
    assert md.recipients_list == ["市道路运输事业发展中心", "上海沪申高速建设发展有限公司"]
    assert (md.issuer, md.date) == ("上海市交通委员会", "2024-07-10")
    # the 2024年7月19日 in the body is not the 成文日期
    assert md.header_date is None and md.index_number is None and md.disclosure is None


@pytest.mark.parametrize("written", ["沪交财[2024]487号", "沪交财［2024］487号", "沪交财(2024)487号", "沪交财〔2024〕第487号"])
def test_doc_number_bracket_variants_are_kept_as_written(written: str) -> None:
    text = fixture("metadata", "notice_number_in_parentheses.txt").replace("(沪交财〔2024〕487号)", written)
    dn = structure(text).metadata.doc_number
    assert dn is not None and (dn.year, dn.serial, dn.issuer_code) == (2024, 487, "沪交财")
    assert dn.raw == written.replace("［", "[").replace("］", "]")  # width-folded like all text


def test_bare_work_report_has_a_title_and_nothing_else() -> None:
    md = structure(fixture("metadata", "work_report_2023_head.txt")).metadata
    assert md.title == "政府工作报告"
    assert md.model_dump(exclude={"title", "spans"}) == {
        "notice_title": None, "doc_number": None, "index_number": None, "disclosure": None, "issuer": None,
        "date": None, "header_date": None, "recipients": None, "recipients_list": [], "print_date": None,
        "jurisdiction": None}


def test_work_report_title_after_page_furniture() -> None:
    md = structure(fixture("metadata", "work_report_page_furniture.txt")).metadata
    assert md.title == "2026年浙江省政府工作报告"
    assert md.recipients is None and md.issuer is None and md.date is None


def test_chinese_numeral_signature_date() -> None:
    text = fixture("metadata", "notice_number_in_parentheses.txt").replace("2024年7月10日", "二〇二四年七月十日")
    doc = structure(text)
    assert doc.metadata.date == "2024-07-10"
    assert _at(doc, "date") == "二〇二四年七月十日"


def test_front_matter_fills_what_the_body_lacks_and_is_not_a_section_or_title() -> None:
    doc = structure(fixture("metadata", "shanghai_front_matter_notice.md"))
    md = doc.metadata
    assert md.doc_number is not None and md.doc_number.raw == "沪交财〔2024〕487号"
    assert md.doc_number.year == 2024 and md.doc_number.serial == 487
    fm_end = doc.text.index("\n---\n") + 5
    assert md.spans["doc_number"].end <= fm_end  # read from the front matter
    assert md.title == "上海市交通委员会关于S32申嘉湖高速公路维持收费的通知"
    assert md.spans["title"].start > fm_end  # from the body's `#` line, not the 标题 field
    assert (md.issuer, md.date) == ("上海市交通委员会", "2024-07-10")
    assert md.spans["date"].start > fm_end  # the signature wins over 发布日期
    assert doc.sections == []


def test_front_matter_dash_means_absent() -> None:
    text = "---\n标题: 《某区规划纲要》\n文号: -\n发布单位: 上海市某区发展和改革委员会\n发布日期: -\n---\n\n# 《某区规划纲要》\n\n一、总体要求\n"
    md = structure(text).metadata
    assert md.doc_number is None and md.date is None
    assert md.issuer == "上海市某区发展和改革委员会"
    assert md.title == "某区规划纲要"


def test_web_info_box_labels_with_values_on_the_next_line() -> None:
    doc = structure(fixture("metadata", "guangzhou_info_box.txt"))
    md = doc.metadata
    assert md.index_number == "11440106007508528C/2024-00031"
    assert md.doc_number is not None and md.doc_number.raw == "穗民规字〔2024〕3号"
    assert md.recipients == "各区民政局、财政局、市场监督管理局"
    assert md.notice_title == "广州市民政局 广州市财政局 广州市市场监督管理局关于印发广州市老年人助餐配餐服务管理办法的通知"
    assert md.title == "广州市老年人助餐配餐服务管理办法"
    assert md.issuer == "广州市民政局  广州市财政局  广州市市场监督管理局"
    assert md.date == "2024-03-14"
    # 发布日期 2024-10-15 and 成文日期 label values are page furniture, not a header date line
    assert md.header_date is None


def test_crlf_gives_the_same_metadata(sample: Document) -> None:
    doc = structure(SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n"))
    assert doc.metadata.model_dump(exclude={"spans", "doc_number"}) == sample.metadata.model_dump(
        exclude={"spans", "doc_number"})
    assert doc.metadata.doc_number is not None and doc.metadata.doc_number.raw == "青府发〔2022〕25号"


@pytest.mark.parametrize("where", ["under_title", "at_end"])
def test_bulletin_signed_under_its_title_or_at_its_end(where: str) -> None:
    byline = "某市统计局\n2025年3月10日\n"
    body = "2024年,全市经济平稳。\n一、综 合\n初步核算,全年增长5%。\n"
    title = "2024年某市国民经济和社会发展统计公报\n"
    text = title + byline + body if where == "under_title" else title + body + byline
    md = structure(text).metadata
    assert (md.title, md.issuer, md.date) == ("2024年某市国民经济和社会发展统计公报", "某市统计局", "2025-03-10")
    assert md.notice_title is None and md.recipients is None


def test_labelled_info_box_on_the_same_lines(sample: Document) -> None:
    box = "索引号:QA120100020220046\n发文字号:青府发〔2022〕25号\n发布机构:上海市青浦区人民政府\n公开属性:主动公开\n"
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 4)[4]  # the sample without its bare header lines
    doc = structure(box + "关于印发《青浦区创新经济“十四五”规划》的通知\n" + body)
    md = doc.metadata
    assert md.index_number == "QA120100020220046" and _at(doc, "index_number") == "QA120100020220046"
    assert md.doc_number is not None and md.doc_number.raw == "青府发〔2022〕25号"
    assert md.disclosure == "主动公开" and _at(doc, "disclosure") == "主动公开"
    assert (md.title, md.issuer, md.date) == (sample.metadata.title, "上海市青浦区人民政府", "2022-03-27")


def test_joint_issuers_sign_one_per_line() -> None:
    text = ("关于做好2025年专项资金申报工作的通知\n各区发展改革委、财政局:\n现将有关事项通知如下。\n特此通知。\n"
            "上海市发展和改革委员会\n上海市财政局\n二〇二五年二月二十日\n")
    doc = structure(text)
    assert doc.metadata.issuer == "上海市发展和改革委员会 上海市财政局"
    assert _at(doc, "issuer") == "上海市发展和改革委员会\n上海市财政局"
    assert doc.metadata.date == "2025-02-20"


def test_an_addressed_report_is_a_title_not_a_notice() -> None:
    text = ("关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表:\n受市人民政府委托,现将有关情况报告如下。\n"
            "一、2025年计划执行情况\n正文。\n")
    md = structure(text).metadata
    assert md.notice_title is None and md.recipients is None  # 各位代表 is the audience of a speech
    assert md.title == "关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告"


def test_jurisdiction_is_the_most_specific_place_of_issuer_or_title() -> None:
    from pipeline.structure.jurisdiction import jurisdiction

    assert jurisdiction("上海市普陀区绿化和市容管理局", None) == "普陀区"
    assert jurisdiction(None, "闵行区城市更新“十五五”规划") == "闵行区"
    assert jurisdiction("上海市奉贤区柘林镇人民政府") == "奉贤区柘林镇"
    assert jurisdiction(None, "2026年浙江省政府工作报告") == "浙江省"
    assert jurisdiction("广州市民政局 广州市财政局") == "广州市"
    assert jurisdiction(None, "政府工作报告") is None
    assert jurisdiction("市场监督管理局", "上海市城市更新和住房发展“十五五”规划") == "上海市"
