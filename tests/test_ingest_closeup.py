"""Spaced-out digits of newspaper layouts are closed up; the offset map of two removals in a row
still leads every character back to the source."""

from __future__ import annotations

import random

from pipeline.api import parse_text
from pipeline.ingest.closeup import close_spaced_digits, compose
from pipeline.ingest.plain import source_offset

NEWS = ("据统计，2 0 0 5 年全市生产总值1 2 3 4 . 5 亿元，比上年增长1 2 . 5 %。\n"
        "全市常住人口1 0 2 4 万人，比上年末增加1 2 万人。\n"
        "表1  分组    1 2 3\n")


def test_spaced_runs_close_up_and_table_cells_stay() -> None:
    closed, removed = close_spaced_digits(NEWS)
    assert closed.splitlines() == ["据统计，2005年全市生产总值1234.5亿元，比上年增长12.5%。",
                                   "全市常住人口1024万人，比上年末增加1 2 万人。", "表1  分组    1 2 3"]
    assert all(NEWS[source_offset(removed, i)] == ch for i, ch in enumerate(closed))


def test_one_spaced_run_is_left_alone() -> None:
    text = "项目编号 1 2 3 号。\n正文。\n"
    assert close_spaced_digits(text) == (text, [])


def test_claims_read_closed_up_numbers_and_point_at_the_source() -> None:
    doc = parse_text(NEWS, "news.txt")
    amounts = {c.raw: c.value for c in doc.claims}
    assert amounts["1234.5亿元"] == 1234.5 and amounts["12.5%"] == 12.5
    assert any(w.code == "W004" for w in doc.warnings)
    c = next(c for c in doc.claims if c.raw == "1234.5亿元")
    start = source_offset(doc.source.offset_map, c.span.start)
    end = source_offset(doc.source.offset_map, c.span.end, end=True)
    assert NEWS[start:end] == "1 2 3 4 . 5 亿元"


def _remove_some(text: str, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    kept: list[str] = []
    removed: list[tuple[int, int]] = []
    for ch in text:
        if rng.random() < 0.25:
            if removed and removed[-1][0] == len(kept):
                removed[-1] = (len(kept), removed[-1][1] + 1)
            else:
                removed.append((len(kept), 1))
        else:
            kept.append(ch)
    return "".join(kept), removed


def test_composed_maps_lead_back_to_the_source() -> None:
    rng = random.Random(12)
    for _ in range(200):
        source = "".join(rng.choice("甲乙丙 \n12") for _ in range(rng.randint(0, 40)))
        middle, inner = _remove_some(source, rng)
        final, outer = _remove_some(middle, rng)
        both = compose(inner, outer)
        assert all(source[source_offset(both, i)] == ch for i, ch in enumerate(final))
