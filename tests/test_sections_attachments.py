"""An attachment's body is a level-1 section with its own series below it: scoring rules whose items
carry their points (`政务服务一网通办(25分)`), the body after a bare `附件:` line, and a glossary whose
entries are notes."""

from __future__ import annotations

from .sections_support import outline, structure

NOTICE = ("关于印发《某区营商环境考核办法》的通知\n各街道办事处、区政府各委、办、局：\n"
          "现将《某区营商环境考核办法》印发给你们，请认真贯彻执行。\n某区人民政府办公室\n2025年3月1日\n"
          "某区营商环境考核办法\n一、考核对象\n各街道和区政府各部门。\n二、考核内容\n考核内容见附件。\n")
RULES = ("一、政务服务一网通办(25分)\n(一)事项办理(10分)。全程网办率达到90%以上的，得10分。\n(二)好差评(15分)。差评整改率100%的，得15分。\n"
         "二、企业服务(20分)\n(一)惠企政策兑现(10分)。政策兑现率达到95%的，得10分。\n三、监管执法(15分)\n1.双随机抽查(5分)\n2.信用监管(10分)\n")
WANT = [(2, "一", "政务服务一网通办(25分)"), (3, "一", "事项办理(10分)"), (3, "二", "好差评(15分)"),
        (2, "二", "企业服务(20分)"), (3, "一", "惠企政策兑现(10分)"), (2, "三", "监管执法(15分)"),
        (3, "1", "双随机抽查(5分)"), (3, "2", "信用监管(10分)")]


def test_scoring_items_restart_under_their_attachment() -> None:
    got = outline(structure(NOTICE + "附件1\n某区营商环境考核评分细则\n" + RULES))
    assert got == [(1, "一", "考核对象"), (1, "二", "考核内容"), (1, "1", "某区营商环境考核评分细则"), *WANT]


def test_a_bare_attachment_colon_heads_a_body_that_opens_a_series() -> None:
    got = outline(structure(NOTICE + "附件：\n某区营商环境考核评分细则\n" + RULES))
    assert got[2:] == [(1, "", "某区营商环境考核评分细则"), *WANT]


def test_an_attachment_list_after_a_colon_stays_a_list() -> None:
    got = outline(structure(NOTICE + "附件：\n1.考核评分细则\n2.考核指标表\n"))
    assert got == [(1, "一", "考核对象"), (1, "二", "考核内容")]


def test_a_glossary_attachment_holds_notes_not_headings() -> None:
    text = NOTICE + "附件2\n名词解释\n1.“四上”企业：\n指规模以上工业企业等。\n2.“双一流”：\n指世界一流大学和一流学科。\n"
    assert outline(structure(text))[2:] == [(1, "2", "名词解释")]
