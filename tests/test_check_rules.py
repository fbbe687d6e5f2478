"""Interval arithmetic and rule families on small statistical-bulletin style fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from pipeline import parse_text
from pipeline.check.interval import Interval
from pipeline.check.rules.multiple import cagr_interval

from .conftest import SAMPLE

BULLETIN = (
    "全年地区生产总值5000.00亿元,比上年增长5.0%。其中,第一产业增加值100.00亿元,增长3.0%;"
    "第二产业增加值1900.00亿元,增长4.5%;第三产业增加值3000.00亿元,增长5.5%。三次产业结构为2.0:38.0:60.0。"
    "全市共有普通高校43所,其中本科院校20所、专科院校23所。"
    "全年软件业务收入829.92亿元,占全省软件业务收入(10912.97亿元)的7.6%。\n"
)


def checks_of(text: str) -> list[tuple[str, str]]:
    return [(c.rule, c.verdict) for c in parse_text(text).checks if c.kind == "check"]


def test_printed_interval_and_boundary_is_exact() -> None:
    assert Interval.printed(Decimal("7.6"), 1) == Interval(Decimal("7.55"), Decimal("7.65"))
    # 80.75 printed to two decimals meets 80.8 printed to one exactly at 80.75
    assert Interval.printed(Decimal("80.75"), 2).intersects(Interval.printed(Decimal("80.8"), 1))
    assert not Interval.printed(Decimal("80.74"), 2).intersects(Interval.printed(Decimal("80.8"), 1))


def test_cagr_from_rounded_multiple() -> None:
    iv = cagr_interval(Interval.printed(Decimal("3.7"), 1), 5)
    assert Decimal("29.5") < iv.lo < Decimal("29.6") and Decimal("30.2") < iv.hi < Decimal("30.3")
    assert iv.intersects(Interval.printed(Decimal("30.1"), 1))


def test_bulletin_is_consistent() -> None:
    got = checks_of(BULLETIN)
    assert ("sum_of_parts", "consistent") in got
    assert ("structure_ratio", "consistent") in got
    assert ("share", "consistent") in got
    assert all(v != "inconsistent" for _, v in got)


@pytest.mark.parametrize(("old", "new", "rule"), [
    ("3000.00亿元", "3010.00亿元", "sum_of_parts"),
    ("2.0:38.0:60.0", "2.0:39.0:60.0", "structure_ratio"),
    ("专科院校23所", "专科院校24所", "sum_of_parts"),
    ("的7.6%", "的7.8%", "share"),
])
def test_bulletin_mutations_are_flagged(old: str, new: str, rule: str) -> None:
    assert (rule, "inconsistent") in checks_of(BULLETIN.replace(old, new))


def test_counts_are_exact_not_rounded() -> None:
    text = "全区共有企业4159家,其中国有企业231家、民营企业3846家、外资企业61家、其他企业22家。\n"
    doc = parse_text(text)
    (chk,) = [c for c in doc.checks if c.rule == "sum_of_parts"]
    assert chk.verdict == "inconsistent" and chk.computed is not None and chk.computed.value == 4160
    assert "231家 + 3846家 + 61家 + 22家 = 4160家" in chk.explanation


def test_partial_list_with_deng_is_not_an_error() -> None:
    assert checks_of("重点推进“智能制造、生物医药等”十大产业。\n") == []


def test_quoted_slogans_are_not_lists() -> None:
    text = "深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n"
    assert all(v != "inconsistent" for _, v in checks_of(text))


def test_comparable_price_exemption_available() -> None:
    from pipeline.check.context import Context

    doc = parse_text("按可比价格计算,全年地区生产总值增长5.0%。\n")
    ctx = Context(doc)
    assert ctx.exemption_near(doc.text.index("5.0%")) is not None


def test_sample_implied_figures() -> None:
    doc = parse_text(SAMPLE.read_text("utf-8"))
    implied = [c for c in doc.checks if c.kind == "implied"]
    base = next(c for c in implied if "829.92亿元 / 4.4倍" in c.explanation)
    assert base.verdict == "unverifiable" and base.computed is not None
    assert round(base.computed.value, 2) == 188.62
    level = next(c for c in implied if "(1 + 15%)^5" in c.explanation)
    assert level.computed is not None and round(level.computed.value, 2) == 1669.27


def test_cli_json_and_strict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_text(BULLETIN.replace("专科院校23所", "专科院校24所"), encoding="utf-8")
    run = [sys.executable, "-m", "pipeline", "check", str(bad)]
    out = subprocess.run([*run, "--json"], capture_output=True, text=True, check=True)
    checks = json.loads(out.stdout)
    assert checks[0]["verdict"] == "inconsistent"  # inconsistent first
    assert subprocess.run([*run, "--strict"], capture_output=True, text=True).returncode == 1
    table = subprocess.run(run, capture_output=True, text=True)
    assert table.returncode == 0 and "1 inconsistent" in table.stdout


def _enum(text: str) -> list[tuple[str, str]]:
    return [(c.verdict, c.explanation) for c in parse_text(text).checks if c.rule == "enumeration_count"]


def test_ordinal_points_follow_the_count() -> None:
    text = "五年来,我们干好三件大事:一是稳增长。\n二是促改革;三是惠民生。\n"
    ((verdict, expl),) = _enum(text)
    assert verdict == "consistent" and "3 points" in expl
    ((verdict, _),) = _enum(text.replace("三件", "四件"))
    assert verdict == "inconsistent"
    ((verdict, _),) = _enum(text.replace("三是惠民生", "三是惠民生;四是保安全"))
    assert verdict == "inconsistent"


def test_ordinal_points_at_least_and_a_new_list() -> None:
    # 至少有: more points are no error; a new 一是 starts another list
    assert _enum("至少有两个亮点:一是甲;二是乙;三是丙。\n")[0][0] == "consistent"
    text = "采取两方面措施:一是甲;二是乙。\n另有安排:一是丙;二是丁;三是戊。\n"
    assert [v for v, _ in _enum(text)] == ["consistent"]


def test_arabic_count_before_a_list_of_names() -> None:
    ok = "绍兴黄酒、金华火腿、西湖龙井茶3个历史经典产业入围名单。\n"
    assert [v for v, _ in _enum(ok)] == ["consistent"]
    # a miss is unverifiable: the items may be places, not the things counted
    assert [v for v, _ in _enum("加快格尔木、德令哈3座光热电站建设。\n")] == ["unverifiable"]
    # items that carry figures or brackets are no list of names
    assert _enum("新增国家级2个、市级3个重点项目。\n") == []
    assert _enum("街道(乡镇)、区民政部门应当在3个工作日内完成审核。\n") == []


def _rule(text: str, rule: str) -> list[tuple[str, str]]:
    return [(c.verdict, c.explanation) for c in parse_text(text).checks if c.rule == rule and c.kind == "check"]


def test_grown_by_x_times_is_x_plus_one() -> None:
    text = "全市专利授权量由2020年的1000件增加到2025年的3000件,增长2倍。\n"
    assert [v for v, _ in _rule(text, "multiple")] == ["consistent"]
    assert [v for v, _ in _rule(text.replace("增长2倍", "增长3倍"), "multiple")] == ["inconsistent"]
    assert [v for v, _ in _rule(text.replace("增长2倍", "是2020年的3倍"), "multiple")] == ["consistent"]
    assert _rule(text.replace("增长2倍", "提高2倍"), "multiple") == []  # 提高x倍 is read both ways


def test_doubling_between_two_levels_is_loose() -> None:
    text = "研发经费由100亿元增加到210亿元,实现翻一番。\n"
    assert [v for v, _ in _rule(text, "doubling")] == ["consistent"]
    assert [v for v, _ in _rule(text.replace("210亿元", "180亿元"), "doubling")] == ["inconsistent"]
    assert _rule(text.replace("210亿元", "210亿元以上"), "doubling") == []
