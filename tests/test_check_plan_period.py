"""Plan periods the text dates (first/last year of a five-year plan, its five years, its number),
and the counts of work-report lists (a count word owned by an item, 三点。一是…)."""

from __future__ import annotations

from pipeline import parse_text

REPORT = (
    "一、2025年工作回顾\n\n"
    "2025年是“十四五”收官之年。经过五年接续奋斗,我省“十四五”顺利收官。\n\n"
    "二、“十五五”时期的主要目标\n\n"
    "根据《关于制定国民经济和社会发展第十五个五年规划的建议》,编制了规划纲要。"
    "“十五五”时期是基本实现现代化夯实基础的关键时期。未来五年,我们要落实重点任务。\n\n"
    "2026年是“十五五”开局之年。过去一年,我们做了很多工作。\n"
)


def _dates(text: str) -> list[tuple[str, str, str]]:
    doc = parse_text(text)
    return [(doc.text[c.spans[0].start : c.spans[0].end], c.verdict, c.evidence.strength if c.evidence else "")
            for c in doc.checks if c.rule == "date_agreement"]


def test_plan_years_spans_and_numbers_agree() -> None:
    got = _dates(REPORT)
    assert ("2025", "consistent", "complete") in got
    assert ("2026", "consistent", "complete") in got
    assert ("五", "consistent", "partial") in got  # 经过五年 / 未来五年 near the plan
    assert ("十五", "consistent", "partial") in got  # 第十五个五年规划 ~ “十五五”
    assert not [g for g in got if g[0] == "一"]  # 过去一年 is the year under review, not the plan


def test_a_wrong_first_year_is_flagged_and_a_loose_span_is_not() -> None:
    got = _dates(REPORT.replace("2026年是“十五五”开局之年", "2027年是“十五五”开局之年")
                 .replace("未来五年", "未来六年"))
    assert ("2027", "inconsistent", "complete") in got
    assert not [g for g in got if g[0] == "六"]  # 未来六年 is not in the plan's sentence: no check


def test_a_count_word_owned_by_the_last_item_is_not_flagged() -> None:
    # the 两项 are 残疾人's subsidies, not the four groups listed before
    doc = parse_text("一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。\n")
    counts = [c for c in doc.checks if c.rule == "enumeration_count"]
    assert counts and all(c.verdict == "unverifiable" for c in counts)
    assert "may count something the last item names" in counts[0].explanation


def test_a_count_that_ends_its_sentence_leads_into_the_points() -> None:
    doc = parse_text("必须着力把握好三点。一是抓住发展。二是推进改革。三是转换动能。四是后话。\n")
    counts = [c for c in doc.checks if c.rule == "enumeration_count"]
    assert [c.verdict for c in counts] == ["inconsistent"]  # the text goes on to a 四是
