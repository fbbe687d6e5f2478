"""A run of long whole-line (一) headings with bodies is a heading series; the same lines one after
the other without bodies are goal sentences (heading_series.py)."""

from __future__ import annotations

from pathlib import Path

from pipeline.api import parse_file

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
