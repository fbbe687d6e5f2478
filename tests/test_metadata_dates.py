"""Date helpers (pipeline/structure/dates.py), which the checker reuses."""

from __future__ import annotations

import pytest

from pipeline.structure.dates import chinese_int, find_dates, parse_date


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2022年3月27日", "2022-03-27"),
        ("2022年03月07日", "2022-03-07"),
        ("二〇二二年三月二十七日", "2022-03-27"),
        ("二〇二一年十二月三十一日", "2021-12-31"),
        ("二○二○年十月一日", "2020-10-01"),
        ("2022.03.27", "2022-03-27"),
        ("2022-03-27", "2022-03-27"),
        ("2022/3/27", "2022-03-27"),
        (" 2024年 7月10日 ", "2024-07-10"),
    ],
)
def test_parse_date(written: str, iso: str) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize("bad", ["2022年2月30日", "2022.3-27", "2022年3月", "二千零二十二年三月一日", "2026-01-31 07:00:44", "1.5"])
def test_not_a_date(bad: str) -> None:
    assert parse_date(bad) is None


def test_find_dates_gives_spans() -> None:
    text = "经市政府同意,于2024年7月19日起维持收费,2020年以来"
    got = find_dates(text)
    assert [(d.iso, text[d.start : d.end]) for d in got] == [("2024-07-19", "2024年7月19日")]


@pytest.mark.parametrize(("s", "n"), [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十七", 27), ("一百零五", 105), ("12", 12), ("x", None), ("", None)])
def test_chinese_int(s: str, n: int | None) -> None:
    assert chinese_int(s) == n
