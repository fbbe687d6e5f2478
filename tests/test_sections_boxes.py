"""专栏 boxes: their own 一、/(一) items are no headings, the real headings after a box are."""

from __future__ import annotations

from tests.sections_support import structure

HEAD = "一、主要任务\n\n"


def _outline(body: str) -> list[tuple[str, str]]:
    doc = structure(HEAD + body)
    return [(s.marker, s.title) for s in doc.sections]


def test_box_items_on_the_next_line_are_dropped() -> None:
    body = ("专栏1 重点项目\n(一)防汛工程\n建设堤防。\n(二)供水工程\n改造管网。\n"
            "(一)完善排水体系\n\n推进雨污分流。\n")
    assert ("(一)", "防汛工程") not in _outline(body)


def test_headings_after_a_box_of_prose_survive() -> None:
    body = ("专栏1 “三堤三网两生态”\n三堤:建设三岛79公里大堤。三网:整治疏浚190公里骨干河网。\n\n"
            "(一)强化防洪除涝体系建设,保障防汛安全\n\n1.海塘达标。协调推进79公里海塘达标建设。\n\n"
            "(二)推进生态环境体系建设,创建幸福河湖\n\n1.滩涂保护。滩涂面积占全市一半以上。\n")
    assert _outline(body) == [
        ("一、", "主要任务"),
        ("(一)", "强化防洪除涝体系建设,保障防汛安全"),
        ("1.", "海塘达标"),
        ("(一)", "推进生态环境体系建设,创建幸福河湖"),
        ("1.", "滩涂保护"),
    ]
