"""Coordinated figures sharing one unit printed after the last (real bulletin sentences)."""

from __future__ import annotations

import pytest

from pipeline import parse_text
from pipeline.model import ClaimKind


def _claims(text: str) -> list[tuple[str, float | None, str | None, str]]:
    doc = parse_text(text, name="t.txt")
    return [(c.raw, c.value, c.unit, ClaimKind(c.kind).value) for c in doc.claims]


def test_pp_list_shares_the_unit() -> None:
    # 国家统计局 2017年4月份国民经济运行情况
    text = "高技术产业和装备制造业增加值同比分别增长12.3%和10.3%，增速分别比规模以上工业快5.8和3.8个百分点。"
    got = _claims(text)
    assert got[2:] == [("5.8", 5.8, "个百分点", "pp_change"), ("3.8个百分点", 3.8, "个百分点", "pp_change")]
    doc = parse_text(text, name="t.txt")
    first = doc.claims[2]
    assert text[first.span.start : first.span.end] == "5.8" and first.decimals == 1


def test_scale_and_unit_are_shared() -> None:
    got = _claims("三次产业增加值分别为1.20、3.4和5.6亿元。")
    assert [(r, v, u) for r, v, u, _ in got] == [("1.20", 1.2, "亿元"), ("3.4", 3.4, "亿元"), ("5.6亿元", 5.6, "亿元")]
    doc = parse_text("三次产业增加值分别为1.20、3.4和5.6亿元。", name="t.txt")
    assert doc.claims[0].decimals == 2 and doc.claims[0].normalized is not None
    assert doc.claims[0].normalized.value == pytest.approx(1.2e8)


@pytest.mark.parametrize("text", ["2019、2020年两年", "第1、2个批次", "地铁1、2号线", "共1、2个"])
def test_labels_take_no_unit(text: str) -> None:
    assert not any(raw in {"1", "2019"} for raw, *_ in _claims(text))
