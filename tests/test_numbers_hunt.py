"""Precision hunt (issue #3) on three real documents: periods and spans that were silently wrong.

Excerpts from the 2011 national work report (corpus-dev 05) and the 2026 Hainan report (02); each
test names the wrong value the stage used to give.
"""

from __future__ import annotations

import hashlib

from pipeline.model import Claim, Document, Metadata, Section, Source, SourceFormat, Span
from pipeline.numbers.claims import extract_claims


def _claims(text: str, date: str | None) -> dict[str, Claim]:
    source = Source(sha256=hashlib.sha256(text.encode()).hexdigest(), format=SourceFormat.TXT)
    doc = Document(source=source, text=text, metadata=Metadata(date=date))
    return {c.raw: c for c in extract_claims(doc).claims}


def test_past_year_is_the_year_before_the_report() -> None:
    # was period “十二五” (2011–2015) from 完成“十二五”各项目标 before it
    text = "做好今年的工作对于完成“十二五”各项目标任务至关重要。过去一年,我们的各项工作取得了很大成绩。国内生产总值增长10.3%。"
    c = _claims(text, "2011-03-05")["10.3%"]
    assert c.period is not None and c.period.label == "过去一年"
    assert (c.period.start, c.period.end, c.year) == (2010, 2010, 2010)


def test_basis_then_annual_growth_is_no_previous_year() -> None:
    # 基础上年均增长: the 上年 of 基础上 + 年均 was read as “last year” (period 2010)
    text = "今后五年,我国经济增长预期目标是在明显提高质量和效益的基础上年均增长7%。"
    c = _claims(text, "2011-03-05")["7%"]
    assert c.kind == "cagr" and c.target
    assert c.period is None and c.year is None


def test_five_years_past_is_a_span_not_a_claim() -> None:
    text = "五年来,货物贸易年均增长24.1%,累计吸引180个国家和地区投资。"
    claims = _claims(text, "2026-01-26")
    assert "五年" not in claims
    cagr, count = claims["24.1%"], claims["180个"]
    assert cagr.period is not None and (cagr.period.start, cagr.period.end) == (2021, 2025)
    assert not cagr.cumulative and count.cumulative


def test_a_goal_named_in_the_sentence_before_dates_nothing_after() -> None:
    # was period 到2020年, year 2020 for an outcome of 2006–2010
    text = "提出到2020年我国控制温室气体排放行动目标和政策措施。大力发展清洁能源,新增发电装机容量4.45亿千瓦。"
    c = _claims(text, "2011-03-05")["4.45亿千瓦"]
    assert c.period is None and c.year is None and not c.target


def test_a_bare_plan_name_dates_only_its_own_sentence() -> None:
    # was period “十二五” (2011–2015) for the 2010 outcome, from the sentence before
    text = "2011年是开局之年,完成“十二五”各项目标任务至关重要。过去一年,国内生产总值增长10.3%。"
    c = _claims(text, None)["10.3%"]
    assert c.period is not None and c.period.label == "过去一年"
    assert (c.period.start, c.period.end, c.year) == (None, None, None)  # no document year: no guess
    c = _claims("完成“十二五”各项目标任务至关重要。国内生产总值增长10.3%。", None)["10.3%"]
    assert c.period is None and c.year is None


def test_goal_section_reaches_down_to_its_subsections() -> None:
    # 发展目标和主要指标 > 主要指标 (corpus-dev 08): the indicators listed were plain levels
    text = "第四部分:发展目标和主要指标\n二、主要指标\n新建绿地35万平方米;绿化覆盖率达到31.5%。\n"
    top, sub = text.index("第四部分"), text.index("二、")
    sections = [
        Section(id="s1", level=1, marker="第一部分", number="四", title="发展目标和主要指标",
                span=Span(start=top, end=sub - 1), body_span=Span(start=sub, end=len(text))),
        Section(id="s2", level=2, marker="一、", number="二", title="主要指标", parent_id="s1",
                span=Span(start=sub, end=sub + 6), body_span=Span(start=sub + 7, end=len(text))),
    ]
    source = Source(sha256=hashlib.sha256(text.encode()).hexdigest(), format=SourceFormat.TXT)
    doc = extract_claims(Document(source=source, text=text, sections=sections))
    got = {c.raw: c for c in doc.claims}
    assert got["35万平方米"].target and got["35万平方米"].kind == "target"
    assert got["31.5%"].target and got["31.5%"].kind == "target"
    doc.sections[0].title = "“十四五”目标完成情况"  # a review of goals sets none
    got = {c.raw: c for c in extract_claims(doc).claims}
    assert not got["35万平方米"].target and got["35万平方米"].kind == "amount"
