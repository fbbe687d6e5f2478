"""Numerals, units and periods: the pieces under the claim grammar."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Document, Source, SourceFormat
from pipeline.numbers.claims import extract_claims
from pipeline.numbers.figures import scan
from pipeline.numbers.numerals import parse_arabic, parse_chinese, parse_numeral
from pipeline.numbers.periods import find_periods, fyp_years
from pipeline.numbers.units import dimension_of, normalize


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [
        ("三", 3, 0), ("十", 10, 0), ("十四", 14, 0), ("二十", 20, 0), ("一百零五", 105, 0),
        ("两千零四十三", 2043, 0), ("两千零四十三点二八", 2043.28, 2), ("三千五百", 3500, 0),
        ("二〇二五", 2025, 0), ("一九八五", 1985, 0), ("七千七百八十", 7780, 0),
        ("三万", 30000, 0), ("十二万三千", 123000, 0), ("一百十八", 118, 0), ("四百十二万", 4_120_000, 0), ("一亿零五百万", 105_000_000, 0), ("零点五", 0.5, 1),
    ],
)
def test_chinese_numerals(raw: str, value: float, decimals: int) -> None:
    n = parse_chinese(raw)
    assert n is not None and n.value == pytest.approx(value) and n.decimals == decimals


@pytest.mark.parametrize("raw", ["十三五", "三五", "万", "亿", "千", "一百五", "零部", "点五", "三点", "三千十"])
def test_malformed_chinese_numerals_read_as_none(raw: str) -> None:
    assert parse_chinese(raw) is None


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [("109.30", 109.3, 2), ("80.8", 80.8, 1), ("1,234.5", 1234.5, 1), ("4,679", 4679, 0), ("64.0", 64.0, 1)],
)
def test_arabic_keeps_printed_precision(raw: str, value: float, decimals: int) -> None:
    n = parse_arabic(raw)
    assert (n.value, n.decimals, n.chinese) == (value, decimals, False)
    assert parse_numeral(raw) == n


@pytest.mark.parametrize(
    ("value", "scale", "unit", "expected"),
    [
        (829.92, "亿", "元", (82992000000.0, "元")),
        (31.6, "万", "人", (316000.0, "人")),
        (27.7, "万", "平方米", (277000.0, "平方米")),
        (1.5, None, "平方公里", (1500000.0, "平方米")),
        (3, None, "成", (30.0, "%")),
        (4.79, None, "‰", (0.479, "%")),
        (3000, "万", None, (30000000.0, "1")),
        (1.2, "万亿", "元", (1.2e12, "元")),
        (5, None, "公斤", (0.005, "吨")),
    ],
)
def test_normalize_to_base_units(value: float, scale: str | None, unit: str | None, expected: tuple) -> None:
    got = normalize(value, scale, unit)
    assert got is not None and got[0] == pytest.approx(expected[0]) and got[1] == expected[1]


def test_normalize_without_unit_or_scale_is_none() -> None:
    assert normalize(12, None, None) is None
    assert normalize(12, None, "不是单位") is None


def test_dimensions() -> None:
    assert [dimension_of(u) for u in ("元", "人", "家", "%", "个百分点", "倍", "亩", None)] == [
        "money", "people", "count", "percent", "pp", "multiple", "area_mu", None
    ]


def test_five_year_plans() -> None:
    assert fyp_years(11) == (2006, 2010)
    assert fyp_years(13) == (2016, 2020)
    assert fyp_years(14) == (2021, 2025)
    assert fyp_years(15) == (2026, 2030)


def test_periods_in_text() -> None:
    text = "“十三五”期间,“十二五”期末,到2025年,2020年,上年,十四五时期,第十五届"
    refs = find_periods(text, 0, len(text), doc_year=2022)
    assert [(r.label, r.first, r.last, r.future_marker) for r in refs] == [
        ("“十三五”期间", 2016, 2020, False),
        ("“十二五”期末", 2015, 2015, False),
        ("到2025年", 2025, 2025, True),
        ("2020年", 2020, 2020, False),
        ("上年", 2021, 2021, False),
        ("十四五时期", 2021, 2025, False),
    ]


def test_scan_reads_every_form_once() -> None:
    text = "3~5万元、2016-2020年、三分之一、2.5:36.7:60.7、百分之三十、翻两番、14.3/10万、1-11月"
    forms = [(f.form, text[f.start : f.end]) for f in scan(text)]
    assert forms == [
        ("range", "3~5万元"), ("year_range", "2016-2020年"), ("fraction", "三分之一"),
        ("ratio", "2.5:36.7:60.7"), ("percent_words", "百分之三十"), ("doubling", "翻两番"),
        ("number", "14.3/10万"), ("month", "1-11月"),
    ]


_ALPHABET = list("一二三四五六七八九十百千万亿零〇两点分之第、。,.:;()%‰元亿年月日个家人倍成番翻增长下降占比达约以上\n 0123456789-—~/“”《》")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300))
def test_claims_stage_never_crashes_and_spans_fit(text: str) -> None:
    src = Source(sha256="0" * 64, format=SourceFormat.TXT)
    doc = extract_claims(Document(source=src, text=text))
    for c in doc.claims:
        assert 0 <= c.span.start < c.span.end <= len(text)
        assert text[c.span.start : c.span.end] == c.raw
