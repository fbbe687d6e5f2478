"""Notices as a site copies them, without the GB/T 9704 header block: 主送机关 first, the 印发
sentence, the signature (issuer and date, or the date alone), then the document issued."""

from __future__ import annotations

from pipeline.model import Document

from .sections_support import structure

BODY = "《某区养老服务“十五五”规划》已经区政府同意，现印发给你们，请认真按照执行。"
ISSUED = "某区养老服务“十五五”规划\n一、发展基础\n截至2025年底，全区共有养老机构35家。\n二、发展目标\n到2030年，床位数达到6000张。\n"


def _at(doc: Document, field: str) -> str:
    sp = doc.metadata.spans[field]
    return doc.text[sp.start : sp.end]


def test_recipients_signature_and_issued_title_of_a_body_only_notice() -> None:
    doc = structure(f"各街道办事处、镇人民政府，区政府各委、办、局：\n{BODY}\n某区人民政府办公室\n2026年7月20日\n{ISSUED}")
    md = doc.metadata
    assert md.recipients == "各街道办事处、镇人民政府,区政府各委、办、局"
    assert (md.issuer, md.date) == ("某区人民政府办公室", "2026-07-20")
    assert md.title == "某区养老服务“十五五”规划" and _at(doc, "title") == md.title
    assert md.notice_title is None  # not printed: no guess
    assert [s.title for s in doc.sections] == ["发展基础", "发展目标"]


def test_a_notice_signed_with_its_date_alone() -> None:
    doc = structure(f"某府发〔2026〕26号\n\n各委、办、局：\n{BODY}\n\n2026年7月28日\n\n{ISSUED}")
    md = doc.metadata
    assert (md.issuer, md.date) == (None, "2026-07-28")
    assert md.doc_number is not None and md.doc_number.serial == 26
    assert md.title == "某区养老服务“十五五”规划"


def test_a_report_without_header_gets_no_guessed_fields() -> None:
    doc = structure("各位代表：\n现在，我代表区政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n全年地区生产总值增长5%。\n"
                    "2025年12月31日\n")
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.recipients) == (None, None, None, None)


def test_a_title_wrapped_over_a_blank_line_is_whole() -> None:
    doc = structure("关于加快推进某区养老服务体系建设的\n\n实施意见\n\n为加快推进养老服务体系建设，提出如下意见。\n一、总体要求\n正文。\n")
    assert doc.metadata.title == "关于加快推进某区养老服务体系建设的实施意见"
    assert _at(doc, "title") == "关于加快推进某区养老服务体系建设的\n\n实施意见"


def test_a_site_label_above_a_whole_title_stays_out() -> None:
    doc = structure("本市要闻\n2026年某区政府工作报告\n各位代表：\n现在，我代表区政府，向大会报告工作。\n")
    assert doc.metadata.title == "2026年某区政府工作报告"


def test_a_notice_whose_body_is_the_text_signs_at_its_end() -> None:
    body = "".join(f"{n}、做好第{n}项工作。各单位要按照要求认真落实，确保工作取得实效。\n" for n in "一二三四五六七八九十")
    doc = structure(f"各区人民政府，市政府各委、办、局：\n为做好有关工作，现就有关事项通知如下：\n{body}特此通知。\n2025年5月6日\n")
    md = doc.metadata
    assert md.recipients == "各区人民政府,市政府各委、办、局" and md.date == "2025-05-06" and md.issuer is None
    assert md.title is None  # nothing names it: no guess
