"""Bulletin forms the second round of the checker reads: exemptions, rounding notes, wholes
stated earlier, negative rates, and forms that must not be judged."""

from __future__ import annotations

from pipeline import parse_text
from pipeline.model import Check


def checks(text: str, rule: str) -> list[Check]:
    return [c for c in parse_text(text).checks if c.rule == rule]


def test_comparable_prices_make_growth_unverifiable() -> None:
    text = "全年工业增加值从1000.0亿元增加到1100.0亿元,按可比价格计算,增长7.5%。\n"
    (chk,) = checks(text, "growth_yoy")
    assert chk.verdict == "unverifiable" and chk.exemption and "可比价格" in chk.exemption


def test_from_to_growth_is_recomputed() -> None:
    (chk,) = checks("一般公共预算收入从4567亿元提高到5432亿元,增长17.9%。\n", "growth_yoy")
    assert chk.verdict == "inconsistent" and chk.stated == 17.9
    assert chk.computed is not None and round(chk.computed.value or 0, 2) == 18.94


def test_rounding_note_widens_sums_of_rounded_parts() -> None:
    body = "全年地区生产总值100.0亿元。其中,第一产业增加值10.0亿元,第二产业增加值40.0亿元,第三产业增加值50.3亿元。\n"
    assert checks(body, "sum_of_parts")[0].verdict == "inconsistent"
    note = "注:本公报中部分数据因四舍五入的原因,存在总计与分项合计不等的情况。\n"
    (chk,) = checks(body + note, "sum_of_parts")
    assert chk.verdict == "consistent" and chk.exemption and "四舍五入" in chk.exemption


def test_per_capita_breakdown_is_not_a_sum() -> None:
    text = ("全年全省居民人均可支配收入45678元,比上年增长5.4%。按常住地分,城镇居民人均可支配收入56789元,"
            "增长4.6%;农村居民人均可支配收入28765元,增长6.5%。\n")
    assert all(c.verdict != "inconsistent" for c in parse_text(text).checks)


def test_whole_named_twice_with_different_values_is_not_guessed() -> None:
    text = ("全年全市地区生产总值5000.00亿元。\n全市地区生产总值4800.00亿元。\n"
            "全年研究与试验发展经费支出150.00亿元,相当于地区生产总值的3.00%。\n")
    (chk,) = checks(text, "share")
    assert chk.kind == "implied" and chk.verdict == "unverifiable"


def test_whole_of_another_year_is_not_the_whole() -> None:
    text = ("全年全市地区生产总值5000.00亿元。\n2023年全市地区生产总值4800.00亿元。\n"
            "全年研究与试验发展经费支出150.00亿元,相当于地区生产总值的3.00%。\n")
    (chk,) = checks(text, "share")
    assert chk.verdict == "consistent" and "5000.00亿元" in chk.explanation


def test_whole_in_the_same_paragraph_wins() -> None:
    text = ("年末全市常住人口540.12万人,比上年末增加3.45万人。其中,城镇人口432.10万人,"
            "占常住人口的比重为81.0%。\n")
    (chk,) = checks(text, "share")
    assert chk.verdict == "inconsistent" and chk.stated == 81.0
    assert "540.12万人" in chk.explanation


def test_negative_natural_growth() -> None:
    text = "全年出生率为5.20‰;死亡率为7.10‰;人口自然增长率为-1.90‰。\n"
    (chk,) = checks(text, "rate_difference")
    assert chk.verdict == "consistent" and chk.stated == -1.9
    bad = text.replace("-1.90‰", "1.90‰")
    assert checks(bad, "rate_difference")[0].verdict == "inconsistent"


def test_level_change_without_rate_implies_the_earlier_level() -> None:
    (chk,) = checks("中央财政预算拟安排补助资金1030亿元,比上年增加265亿元。\n", "growth_yoy")
    assert chk.kind == "implied" and chk.computed is not None and chk.computed.value == 765


def test_annual_growth_without_a_period_is_not_guessed() -> None:
    (chk,) = checks("居民人均可支配收入由2.57万元增加到3.52万元、年均增长6.5%。\n", "cagr_vs_levels")
    assert chk.verdict == "unverifiable"


def test_implied_whole_only_for_the_numerators_own_share() -> None:
    # the share is of villages, not of 50万元; the 14% is the earlier share of a from-to
    assert checks("村集体经济经营性收入50万元以上的行政村占比达68%。\n", "share") == []
    assert checks("出口规模4万亿元,占全国份额从14%提升到15.5%。\n", "share") == []
    (chk,) = checks("完成产值392.38亿元,占全区规模工业产值比重24.7%。\n", "share")
    assert chk.kind == "implied" and chk.computed is not None and round(chk.computed.value, 2) == 1588.58
