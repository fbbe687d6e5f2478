"""Text ↔ table: bulletin tables written as `| a | b |` rows, 分别 lists, and rows that must not
match (a narrower subject, another year's table)."""

from __future__ import annotations

from pipeline import parse_text

BULLETIN = (
    "2022年,全市经济平稳运行。\n\n"
    "全年居民消费价格比上年上涨2.2%。分类别看,食品烟酒类上涨2.7%,衣着类上涨1.4%。\n\n"
    "新能源汽车、锂离子电池产量分别比上年增长184.3%、43.0%。\n\n"
    "年末私人汽车保有量达248.67万辆。全年进出口总额6292.13亿元。\n\n"
    "表1  2022年居民消费价格涨跌幅度(单位:%)\n\n"
    "| 指标名称 | 2021年 | 2022年 |\n"
    "| 居民消费价格 | 1.5 | 2.2 |\n"
    "| 一、食品烟酒 | 1.4 | 2.7 |\n"
    "| 二、衣着 | 1.0 | 1.4 |\n\n"
    "表2  2022年主要工业产品产量情况\n\n"
    "| 产品名称 | 计量单位 | 2022年 | 比上年增长(%) |\n"
    "| 汽车 | 辆 | 363399 | 2.1 |\n"
    "| #新能源汽车 | 辆 | 154999 | 184.3 |\n"
    "| 锂离子电池 | 只 | 2549856565 | 43.0 |\n\n"
    "表3  2022年南京进出口情况\n\n"
    "| 指标 | 金额(亿元) | 比上年增长(%) |\n"
    "| 进出口总额 | 6292.1 | 0.3 |\n"
)


def _tvt(text: str) -> list[tuple[str, str, str]]:
    doc = parse_text(text)
    return [(doc.text[c.spans[0].start : c.spans[0].end], c.verdict, c.evidence.strength if c.evidence else "")
            for c in doc.checks if c.rule == "text_vs_table"]


def test_bulletin_rows_match_the_text_by_indicator_year_and_kind() -> None:
    got = _tvt(BULLETIN)
    said = {fig: verdict for fig, verdict, _ in got}
    # the 2022 column, not the 2021 one; growth against growth columns; 分别 pairs by position
    assert said["2.2%"] == "consistent" and said["2.7%"] == "consistent" and said["1.4%"] == "consistent"
    assert said["184.3%"] == "consistent" and said["43.0%"] == "consistent"
    # one decimal in the table, two in the text: the intervals meet
    assert said["6292.13亿元"] == "consistent"
    # 私人汽车保有量 is not the production row 汽车
    assert "248.67万辆" not in said


def test_a_changed_text_figure_is_flagged_with_complete_evidence() -> None:
    got = _tvt(BULLETIN.replace("进出口总额6292.13亿元", "进出口总额8292.13亿元"))
    flagged = [(fig, strength) for fig, verdict, strength in got if verdict == "inconsistent"]
    assert flagged == [("8292.13亿元", "complete")]


def test_another_years_table_is_not_judged() -> None:
    # the 2023 part of a bound file states other CPI figures: the 2022 table is not theirs
    text = BULLETIN + "\n\n2023年,全市经济回升向好。\n\n全年居民消费价格比上年上涨0.6%。衣着类上涨1.9%。\n"
    got = _tvt(text)
    assert not [g for g in got if g[0] in ("0.6%", "1.9%")]


PLAN = (
    "一、发展基础\n\n全区河湖水面率达3.86%。\n\n"
    "二、发展目标\n\n完成老大楼商业化改造利用面积11.4万平方米。\n\n"
    "三、保障措施\n\n加强组织领导。\n\n"
    "“十四五”指标完成情况\n\n"
    "| 序号 | 指标 | 单位 | 目标值(2025年) | 现状值(2025年) |\n"
    "| 1 | 河湖水面率 | % | 3.76% | 3.86% |\n\n"
    "“十五五”主要指标\n\n"
    "| 序号 | 指标 | 单位 | 现状值(2025年) | 目标值(2030年) |\n"
    "| 1 | 河湖水面率 | % | 3.86% | 3.95% |\n"
    "| 2 | 老大楼商业化改造利用面积 | 万平方米 | - | 11.4 |\n"
)


def test_a_goal_section_speaks_of_targets_and_each_table_gets_its_check() -> None:
    got = _tvt(PLAN)
    # 发展目标 makes 11.4 a target though the sentence has no 到2030年
    assert ("11.4万平方米", "consistent") in [(g[0], g[1]) for g in got]
    # 3.86% is stated in both tables
    assert [g[1] for g in got if g[0] == "3.86%"] == ["consistent", "consistent"]
