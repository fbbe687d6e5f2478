"""Part–whole structure of real bulletin paragraphs (check/paragraphs.py) and the verdicts it
allows. Excerpts are verbatim from the dev documents copied in tests/fixtures/dev/ (sources in
its SOURCES.md): 卫生健康统计公报 2024, 东莞 and 南京 statistical bulletins, 杭州生态环境公报."""

from __future__ import annotations

from pathlib import Path

from pipeline import parse_text
from pipeline.check.context import Context
from pipeline.check.paragraphs import groups
from pipeline.model import Check

DEV = Path(__file__).parent / "fixtures" / "dev"


def excerpt(doc: str, start: str, end: str) -> str:
    """The text of a dev document from `start` up to and including `end`."""
    text = (DEV / f"{doc}.txt").read_text("utf-8")
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)] + "\n"


def checks(text: str, rule: str) -> list[Check]:
    return [c for c in parse_text(text).checks if c.rule == rule]


def test_partial_qizhong_list_is_unverifiable_with_partial_evidence() -> None:
    # 医院 + 基层 + 专业公共卫生 leave out 其他机构: 1089280 of 1093551
    text = excerpt("weijian_tjgb_2024", "2024年末，全国医疗卫生机构总数", "专业公共卫生机构10547个。")
    (chk,) = checks(text, "sum_of_parts")
    assert chk.verdict == "unverifiable" and chk.computed is not None and chk.computed.value == 1089280
    assert chk.evidence is not None and chk.evidence.strength == "partial"
    assert [f.role for f in chk.evidence.figures] == ["whole", "part", "part", "part"]


def test_bracketed_sub_items_are_not_parts() -> None:
    # 银行类机构49家(含1家代表处,7家信用卡中心和1家…) : 49 + 66 + 53 = 168
    text = excerpt("dongguan_tjgb_2023_2024", "年末全市各类金融机构168家", "证券期货类机构53家。")
    (chk,) = checks(text, "sum_of_parts")
    assert chk.verdict == "consistent" and chk.computed is not None and chk.computed.value == 168


def test_group_in_brackets_hangs_from_the_figure_before_it() -> None:
    text = excerpt("weijian_tjgb_2024", "基层医疗卫生机构中，", "村卫生室570410个。")
    doc = parse_text(text)
    found = [(g.whole.label() if g.whole else None, [p.figure.label() for p in g.parts]) for g in groups(Context(doc))]
    assert ("37301个", ["10228个", "27073个"]) in found
    sums = [c for c in doc.checks if c.rule == "sum_of_parts" and c.verdict == "consistent"]
    assert [c.computed.value for c in sums if c.computed] == [37301]


def test_change_is_no_part_of_a_level() -> None:
    # 水稻总产量69.97万吨,减产0.61万吨: the decrease is not added to the grain output
    text = excerpt("nanjing_tjgb_2021_2024", "全年粮食产量100.29万吨", "减产0.29万吨。")
    assert all(c.verdict != "inconsistent" for c in parse_text(text).checks)
    (g,) = [g for g in groups(Context(parse_text(text))) if g.intro.startswith("分品种看")]
    assert [p.figure.label() for p in g.parts] == ["24.32万吨", "69.97万吨", "2.97万吨"]


def test_shares_in_brackets_are_shares_of_the_list_whole() -> None:
    text = excerpt("weijian_tjgb_2024", "2024年末，全国医疗卫生机构床位", "专业公共卫生机构32.7万张（占3.2%）。")
    doc = parse_text(text)
    shares = [c for c in doc.checks if c.rule == "share"]
    assert [(c.stated, c.verdict) for c in shares] == [(78.8, "consistent"), (17.8, "consistent"), (3.2, "consistent")]
    assert all(c.evidence is not None and c.evidence.strength == "complete" for c in shares)
    # the three listed parts leave out 其他机构: neither their sum nor their shares must be complete
    assert [c.verdict for c in doc.checks if c.rule in ("sum_of_parts", "shares_total")] == ["unverifiable"] * 2


def test_list_ending_with_other_is_complete() -> None:
    text = excerpt("hangzhou_env_gb_2024", "2024年共受理环境信访投诉6354件", "占比10.1%")
    doc = parse_text(text)
    (total,) = [c for c in doc.checks if c.rule == "sum_of_parts"]
    assert total.verdict == "consistent" and total.computed is not None and total.computed.value == 6354
    (shares,) = [c for c in doc.checks if c.rule == "shares_total"]
    assert shares.verdict == "consistent"
    mutated = text.replace("噪声2042件", "噪声2242件")
    (bad,) = [c for c in parse_text(mutated).checks if c.rule == "sum_of_parts"]
    assert bad.verdict == "inconsistent" and bad.evidence is not None and bad.evidence.strength == "complete"


def test_disjoint_parts_cannot_exceed_their_whole() -> None:
    text = excerpt("dongguan_tjgb_2023_2024", "年末全市各类金融机构168家", "证券期货类机构53家。")
    (chk,) = checks(text.replace("保险类机构66家", "保险类机构86家"), "sum_of_parts")
    assert chk.verdict == "inconsistent" and chk.computed is not None and chk.computed.value == 188
    assert chk.evidence is not None and "cannot exceed" in chk.evidence.basis


def test_structure_forced_to_total_100_is_caught_by_its_levels() -> None:
    # 11174.65 / 17421.40 = 64.144%: the printed term 64.2 was forced so that the terms total 100
    text = excerpt("nanjing_tjgb_2021_2024", "初步核算，全市全年实现地区生产总值[2]17421.40亿元", "调整为1.8:34.0:64.2，")
    doc = parse_text(text)
    terms = [(c.stated, c.verdict) for c in doc.checks if c.rule == "share" and "structure" in c.explanation]
    assert terms == [(1.8, "consistent"), (34.0, "consistent"), (64.2, "inconsistent")]
    assert all(c.verdict == "consistent" for c in doc.checks if c.rule == "structure_ratio")


def test_shares_of_one_whole_in_one_sentence_total_100() -> None:
    text = excerpt("weijian_tjgb_2024", "2024年，公立医院诊疗人次37.7亿", "总诊疗人次的16.3%）。")
    (chk,) = checks(text, "shares_total")
    assert chk.verdict == "consistent" and chk.computed is not None and chk.computed.value == 100
    # shares that miss 100 may leave a part out: no check rather than a guess
    assert checks(text.replace("16.3%", "12.3%"), "shares_total") == []


def test_whole_named_with_a_qualifier_is_partial_evidence() -> None:
    # 占全市进出口总额的41.7% of 全年货物进出口总额5459.2亿元: 2276.5 / 5459.2 = 41.70%
    text = excerpt("nanjing_tjgb_2021_2024", "据海关统计，全市全年货物进出口总额5459.2亿元", "总额的41.7%。")
    (chk,) = [c for c in checks(text, "share") if c.kind == "check"]
    assert chk.verdict == "consistent" and chk.computed is not None and round(chk.computed.value, 2) == 41.70
    assert chk.evidence is not None and chk.evidence.strength == "partial"
    (bad,) = [c for c in checks(text.replace("41.7%", "45.7%"), "share") if c.kind == "check"]
    assert bad.verdict == "unverifiable"  # a qualifier may name a subset: no error on partial evidence


def test_run_on_list_of_achievements_is_no_breakdown() -> None:
    # a work report's 其中 names one part, then moves on to other achievements of the same unit
    text = excerpt("gwr_xizang_2026", "新增营造林148万亩", "治理水土流失23万亩。")
    assert [c.verdict for c in checks(text, "sum_of_parts")] == ["unverifiable"]
    text = ("五年建成铁路新线1.6万公里，新增公路63.9万公里，其中高速公路3.3万公里，新建、改扩建机场33个，"
            "新建和加固堤防1.7万公里。\n")  # 2011年国务院政府工作报告 (tests/fixtures/corpus-dev/05_…)
    assert all(c.verdict != "inconsistent" for c in parse_text(text).checks)


def test_table_rows_that_add_up_to_the_row_above() -> None:
    # 表5: 合计 3827.9 = the six numbered continents (# rows and 韩国 under 亚洲 are sub-items)
    text = excerpt("nanjing_tjgb_2021_2024", "| 国别和地区 | 出口额（亿元）", "| 六、大洋洲 | 100.5 | 1.0 | 156.4 | -17.0 |")
    sums = [c for c in checks(text, "sum_of_parts") if c.computed is not None]
    assert [(c.stated, round(c.computed.value, 1)) for c in sums] == [(3827.9, 3828.0)]  # imports: 2462.0, no sum
    assert all(c.verdict == "consistent" and c.evidence is not None and c.evidence.strength == "complete" for c in sums)
    # a run that misses its total may list the main items only: no check, never an error
    assert all(c.verdict == "consistent" for c in checks(text.replace("| 213.5 |", "| 263.5 |"), "sum_of_parts"))


def test_a_list_of_clauses_that_passes_its_whole_late_may_run_on_to_siblings() -> None:
    # 渑池县2022年统计公报: the 其中 list runs on from grains (小麦, 玉米) to 油料, 烟叶, 蔬菜
    text = ("全年粮食种植面积43907公顷,比上年增加63公顷。其中,小麦种植面积21500公顷,比上年增加39公顷;"
            "玉米种植面积11118公顷,比上年减少11265公顷;油料种植面积6284.3公顷,比上年减少76.7公顷;"
            "烟叶种植面积3087公顷,比上年减少23公顷;蔬菜种植面积10168公顷,比上年增加143公顷。")
    (check,) = checks(text, "sum_of_parts")
    assert check.verdict == "unverifiable" and check.evidence is not None
    assert check.evidence.strength == "partial" and "run on" in (check.evidence.reason or "")
    # a list that passes its whole from its first clause on is still an error
    early = text.replace("小麦种植面积21500公顷", "小麦种植面积51500公顷")
    (check,) = checks(early, "sum_of_parts")
    assert check.verdict == "inconsistent"
