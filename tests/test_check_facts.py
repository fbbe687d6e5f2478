"""The statement layer (pipeline/check/facts) and the change relations it carries: a level with
its changes in one phrase, last year's rate in parentheses, and this year's change against last
year's level stated in the earlier bulletin bound in the same file.

bound_bulletins.txt: paragraphs of 南京市2024年 and 2023年国民经济和社会发展统计公报 (the DOCX that
binds 2021–2024, rachelwhy/Respond-in-90-seconds 测试集/word/南京市2021~2024年国民经济和社会发展统计公报汇总.docx),
verbatim, with their section headings.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import parse_text
from pipeline.check.context import Context
from pipeline.check.facts import Role, facts_of
from pipeline.check.facts.labels import key_of
from pipeline.model import Check

BOUND = (Path(__file__).parent / "fixtures" / "check" / "facts" / "bound_bulletins.txt").read_text(encoding="utf-8")


def _touching(checks: list[Check], text: str, *figures: str) -> list[Check]:
    spans = [(text.index(f), text.index(f) + len(f)) for f in figures]
    return [c for c in checks if all(any(s.start < e and b < s.end for s in c.spans) for b, e in spans)]


def test_keys_drop_fillers_and_keep_scope() -> None:
    assert key_of("年末全市常住人口") == ("常住人口", frozenset())
    assert key_of("全年粮食总产量") == key_of("粮食产量")
    assert key_of("全年东莞居民人均可支配收入", ("东莞市", "东莞"))[0] == key_of("全市居民人均可支配收入")[0]
    key, scope = key_of("城镇居民人均可支配收入")
    assert scope == {"城镇"} and key != key_of("居民人均可支配收入")[0]


def test_bound_bulletins_get_their_years_and_index() -> None:
    doc = parse_text(BOUND)
    facts = facts_of(Context(doc))
    pop = [f for f in facts.levels if f.key == "常住人口"]
    assert [(f.year, str(f.figure.value)) for f in pop] == [(2024, "957.70"), (2023, "954.70")]
    assert [c.role for c in pop[0].changes] == [Role.CHANGE, Role.RATE]
    prev, _ = facts.index.same_indicator(pop[0], 2023)
    assert prev is not None and str(prev.figure.value) == "954.70"


def test_growth_against_last_years_bulletin_is_consistent() -> None:
    doc = parse_text(BOUND)
    (chk,) = _touching([c for c in doc.checks if c.rule == "growth_yoy" and "2023→2024" in c.explanation],
                       doc.text, "957.70万人", "954.70万人")
    assert chk.verdict == "consistent" and chk.stated == 0.31
    assert chk.computed is not None and round(chk.computed.value or 0, 4) == 0.3142
    assert chk.evidence is not None and {f.role for f in chk.evidence.figures} == {"rate", "level", "base"}


def test_a_later_rate_that_misses_the_preliminary_level_is_a_revision() -> None:
    doc = parse_text(BOUND)
    (chk,) = _touching([c for c in doc.checks if c.rule == "growth_yoy"], doc.text, "1996.5亿元", "2326.8亿元")
    assert chk.verdict == "unverifiable" and "2329.64亿元" in chk.explanation  # 1996.5 / (1 − 14.3%)
    assert chk.evidence is not None and chk.evidence.reason


def test_a_mismatch_by_a_power_of_ten_is_a_unit_misprint() -> None:
    doc = parse_text(BOUND)
    (chk,) = _touching([c for c in doc.checks if c.rule == "growth_yoy"], doc.text, "3.05亿美元", "2.43万美元")
    assert chk.verdict == "inconsistent" and "unit misprint" in chk.explanation
    assert chk.evidence is not None and chk.evidence.strength == "complete"


def test_change_amount_against_last_year_and_the_level_it_implies() -> None:
    doc = parse_text(BOUND)
    amounts = [c for c in doc.checks if c.rule == "change_amount"]
    (chk,) = _touching(amounts, doc.text, "957.70万人", "954.70万人", "3.0万人")
    assert chk.verdict == "consistent"
    # 夏粮产量24.50万吨、增产10.4%: the 2023 bulletin prints the level as 总产量22.19万吨
    (chk,) = _touching([c for c in doc.checks if c.rule == "growth_yoy"], doc.text, "24.50万吨", "22.19万吨")
    assert chk.verdict == "consistent" and chk.evidence is not None and chk.evidence.strength == "partial"


def test_year_start_balance_and_rate_may_differ() -> None:
    doc = parse_text(BOUND)
    (chk,) = _touching([c for c in doc.checks if c.rule == "growth_yoy"], doc.text, "54337.89亿元", "5537.68亿元")
    assert chk.verdict == "unverifiable" and "年初" in (chk.exemption or "")


def test_rate_change_and_amount_in_either_order() -> None:
    text = "全年粮食播种面积204.88万亩，比上年增长1.2%，增加2.5万亩。\n"  # 南京2021年公报
    (chk,) = [c for c in parse_text(text).checks if c.rule == "growth_yoy"]
    assert chk.verdict == "consistent" and chk.stated == 1.2
    wrong = [c for c in parse_text(text.replace("1.2%", "3.2%")).checks if c.rule == "growth_yoy"]
    assert [c.verdict for c in wrong] == ["inconsistent"]


def test_last_years_rate_in_parentheses() -> None:
    # 2024年我国卫生健康事业发展统计公报, 医院次均门诊费用
    text = "医院次均门诊药费156.4元，占次均门诊费用的36.8%，比上年（36.9%）下降0.1个百分点。\n"
    (chk,) = [c for c in parse_text(text).checks if c.rule == "pp_change"]
    assert chk.verdict == "consistent" and chk.stated == -0.1
    (bad,) = [c for c in parse_text(text.replace("（36.9%）", "（38.9%）")).checks if c.rule == "pp_change"]
    assert bad.verdict == "inconsistent" and bad.evidence is not None and bad.evidence.strength == "complete"


def test_single_bulletin_compares_nothing_across_years() -> None:
    text = "2024年某市国民经济和社会发展统计公报\n\n一、综合\n\n年末全市常住人口957.70万人，比上年末增长0.31%。\n"
    assert not [c for c in parse_text(text).checks if "→" in c.explanation]


def test_rate_in_parentheses_after_the_change() -> None:
    # 2024年我国卫生健康事业发展统计公报: the rate follows the change in parentheses
    text = "2024年末，全国卫生人员总数1578.0万人，比上年增加54.2万人（增长3.6%）。\n"
    (chk,) = [c for c in parse_text(text).checks if c.rule == "growth_yoy"]
    assert chk.verdict == "consistent" and chk.stated == 3.6
    (bad,) = [c for c in parse_text(text.replace("54.2万人", "74.2万人")).checks if c.rule == "growth_yoy"]
    assert bad.verdict == "inconsistent"


def test_unit_word_before_a_scaled_number() -> None:
    text = "2024年，全国医疗卫生机构总诊疗人次101.5亿，比上年增加6.0亿人次（增长6.2%）。\n"
    (chk,) = [c for c in parse_text(text).checks if c.rule == "growth_yoy"]
    assert chk.verdict == "consistent" and "95.50亿人次" in chk.explanation


def test_change_stated_apart_finds_its_level_by_name() -> None:
    text = ("# 2024年我国卫生健康事业发展统计公报\n\n2024年末卫生人员总数中，卫生技术人员1302.0万人。"
            "与上年比较，卫生技术人员增加53.1万人（增长4.3%）。\n")
    (chk,) = [c for c in parse_text(text).checks if c.rule == "growth_yoy" and c.kind == "check"]
    assert chk.verdict == "consistent" and chk.evidence is not None and chk.evidence.strength == "partial"
    wrong = parse_text(text.replace("53.1万人", "73.1万人"))
    assert [c.verdict for c in wrong.checks if c.rule == "growth_yoy" and c.kind == "check"] == ["unverifiable"]


def test_table_rows_meet_last_years_table() -> None:
    # 表2 主要工业产品产量情况 of the 2022 and 2021 bulletins bound in the same file
    text = (Path(__file__).parent / "fixtures" / "check" / "facts" / "bound_tables.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    growth = [c for c in doc.checks if c.rule == "growth_yoy" and "2021→2022" in c.explanation]
    assert len(growth) == 5 and all(c.verdict == "consistent" for c in growth)
    (cement,) = _touching(growth, doc.text, "6400703", "7316292")
    assert cement.stated == -12.5
    wrong = parse_text(text.replace("| 6400703 |", "| 8400703 |"))
    (chk,) = _touching([c for c in wrong.checks if c.rule == "growth_yoy"], wrong.text, "8400703", "7316292")
    assert chk.verdict == "unverifiable" and "revised" in chk.explanation  # a revision, never an alarm


def test_real_growth_from_nominal_growth_and_the_price_index() -> None:
    # 2024年我国卫生健康事业发展统计公报: 医院次均门诊费用 and note ② 居民消费价格指数为100.2
    text = ("2024年，医院次均门诊费用361.0元，按当年价格比上年下降0.2%，按可比价格下降0.4%。\n"
            "注：①绝对数按当年价格计算。②2024年居民消费价格指数为100.2。\n")
    (chk,) = [c for c in parse_text(text).checks if "price index" in c.explanation]
    assert chk.verdict == "consistent" and chk.computed is not None and round(chk.computed.value or 0, 2) == -0.40
    (off,) = [c for c in parse_text(text.replace("下降0.4%", "下降2.4%")).checks if "price index" in c.explanation]
    assert off.verdict == "unverifiable"  # which index deflates the figure is not said: never an alarm


def test_from_to_without_a_change_checks_its_direction() -> None:
    # 2026年广东省政府工作报告: 每万人口发明专利拥有量从28件提高到70件
    text = "每万人口发明专利拥有量从28件提高到70件。\n"
    (chk,) = [c for c in parse_text(text).checks if c.rule == "growth_yoy"]
    assert chk.verdict == "consistent" and "150.00%" in chk.explanation
    (bad,) = [c for c in parse_text(text.replace("从28件", "从98件")).checks if c.rule == "growth_yoy"]
    assert bad.verdict == "inconsistent"
    # 2016年政府工作报告: a per-head word between 从 and the figure
    (chk,) = [c for c in parse_text("财政补助标准从人均40元提高到45元。\n").checks if c.rule == "growth_yoy"]
    assert chk.verdict == "consistent" and "12.50%" in chk.explanation


def test_the_levels_name_said_again_before_its_change() -> None:
    # 南京市2023年公报: 成交额1001.57亿元，成交额增长16.91%
    doc = parse_text("全市共认定登记技术合同35585份，成交额1001.57亿元，成交额增长16.91%。\n")
    (level,) = facts_of(Context(doc)).levels
    assert level.key == "成交额" and [c.role for c in level.changes] == [Role.RATE]


def test_a_base_year_in_figures_is_a_comparison_like_shang_nian() -> None:
    # NBS grain releases write the base year out: 比2011年增产…,增长… (2012 and 2017 releases)
    ok = parse_text("2012年全国粮食总产量58957万吨,比2011年增产1836万吨,增长3.2%。")
    (check,) = [c for c in ok.checks if c.rule == "growth_yoy"]
    assert check.verdict == "consistent"
    assert "58957万吨 − 1836万吨 = 57121.00万吨" in check.explanation
    wrong = parse_text("全国粮食总产量61791万吨,比2016年增加1660万吨,增长0.3%。")
    (check,) = [c for c in wrong.checks if c.rule == "growth_yoy"]
    assert check.verdict == "inconsistent" and check.computed is not None
    assert round(check.computed.value, 2) == 2.76
