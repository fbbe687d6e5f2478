"""A run of long whole-line (一) headings with bodies is a heading series; the same lines one after
the other without bodies are goal sentences (heading_series.py)."""

from __future__ import annotations

from pathlib import Path

from pipeline.api import parse_file

from .sections_support import outline, structure

TASKS = [
    "久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群。",
    "坚持实体经济为本、制造业当家，加快构建更加强大的现代化产业体系和现代化基础设施体系。",
    "打造具有全球影响力的产业科技创新中心，加快培育和发展新质生产力和新兴产业未来产业。",
]
NUMS = "一二三"


def _outline(tmp_path: Path, body: str) -> list[tuple[int, str, str]]:
    src = tmp_path / "report.txt"
    src.write_text("政府工作报告\n" + body, encoding="utf-8")
    return [(s.level, s.marker, s.number) for s in parse_file(src, until="sections").sections]


def test_tasks_with_bodies_are_headings(tmp_path: Path) -> None:
    parts = ["一、2026年工作安排", "今年重点抓好以下3个方面的工作："]
    for n, t in zip(NUMS, TASKS, strict=True):
        parts += [f"（{n}）{t}", "坚持内需主导，促进消费和投资良性互动。"]
    got = _outline(tmp_path, "\n".join(parts) + "\n")
    assert got == [(1, "一、", "一"), (2, "(一)", "一"), (2, "(一)", "二"), (2, "(一)", "三")]


def test_goal_sentences_without_bodies_stay_items(tmp_path: Path) -> None:
    parts = ["一、2026年工作安排", "今年的主要目标是："] + [f"（{n}）{t}" for n, t in zip(NUMS, TASKS, strict=True)]
    parts.append("实现这些目标很不容易。")
    assert _outline(tmp_path, "\n".join(parts) + "\n") == [(1, "一、", "一")]


def test_bound_bulletins_restart_their_series() -> None:
    one = "一、综合\n全年生产总值增长5%。\n二、农业\n粮食增产。\n三、工业\n工业增长。\n"
    text = "某市2024年统计公报\n" + one + "注释\n[1]数据为初步统计数。\n某市2023年统计公报\n" + one
    got = outline(structure(text))
    assert got == [(1, "一", "综合"), (1, "二", "农业"), (1, "三", "工业")] * 2


def test_a_one_without_a_two_does_not_restart() -> None:
    text = "一、综合\n正文。\n二、农业\n正文。\n三、工业\n正文。\n一、其他\n正文。\n"
    assert [n for _, n, _ in outline(structure(text))] == ["一", "二", "三"]


def test_a_skipped_number_and_spaced_heads_keep_the_series() -> None:
    text = "一、综  合\n正文。\n二、农  业\n正文。\n四、服 务 业\n正文。\n五、贸  易\n正文。\n"
    assert outline(structure(text)) == [(1, "一", "综合"), (1, "二", "农业"), (1, "四", "服务业"), (1, "五", "贸易")]


def test_markers_spaced_by_a_layout_are_still_markers() -> None:
    text = "第 一 章 总  则\n正文。\n一 、综  合\n正文。\n( 一 ) 工  业\n正文。\n二 、农  业\n正文。\n第 二 章 附  则\n正文。\n"
    doc = structure(text)
    assert outline(doc) == [(1, "一", "总则"), (2, "一", "综合"), (3, "一", "工业"), (2, "二", "农业"), (1, "二", "附则")]
    assert [s.marker for s in doc.sections] == ["第一章", "一、", "(一)", "一、", "第二章"]
