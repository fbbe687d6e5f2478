"""Cell accuracy over every table fixture with a hand-checked expected row set (issue #4).

A cell is one of the 11 fields of an indicator row (seq, category, indicator, attribute, unit,
base value, base year, target value, target year, target relation, target kind); rows are
matched by indicator name. The acceptance asks for ≥ 97 % on plans we do not have, so every
fixture must come out right here and the whole set must stay above that line.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline import parse_file
from pipeline.model import Document, Relation, Row

FIX = Path(__file__).parent / "fixtures" / "tables"
EXPECTED = FIX / "expected"
FIELDS = ("seq", "category", "indicator", "attribute", "unit", "base", "base_year",
          "target", "target_year", "relation", "kind")
SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"
DOCX = "i_docx_vmerge.docx"  # written at test time by build_docx (python-docx)


def fold(s: object) -> str:
    return re.sub(r"[\s“”\"'‘’《》]", "", unicodedata.normalize("NFKC", str(s or "")))


def row_fields(row: Row) -> list[object]:
    b, t = row.base, row.target
    return [row.seq, row.category, row.indicator, row.attribute, row.unit,
            b.value if b else None, b.year if b else None, t.value if t else None, t.year if t else None,
            Relation(t.relation).value if t else None, t.kind if t else None]


def same(got: object, want: object) -> bool:
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        return abs(float(got) - float(want)) < 1e-9
    if want is None or got is None:
        return want is None and got is None
    return fold(got) == fold(want)


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def score_document(doc: Document, expected: dict, name: str) -> Score:
    score = Score()
    indicator = [t for t in doc.tables if t.kind == "indicator"]
    for k, want_table in enumerate(expected["tables"]):
        rows = indicator[k].rows if k < len(indicator) else []
        by_name = {fold(r.indicator): r for r in rows}
        for want in want_table["rows"]:
            got_row = by_name.get(fold(want[2]))
            got = row_fields(got_row) if got_row else [None] * len(FIELDS)
            for f, g, w in zip(FIELDS, got, want, strict=True):
                score.total += 1
                ok = got_row is not None and same(g, w)
                score.right += ok
                if not ok:
                    score.misses.append(f"{name} t{k + 1} {want[2]} {f}: got {g!r}, want {w!r}")
        extra = len(rows) - len(want_table["rows"])
        if extra > 0:  # a row the table does not have costs its cells too
            score.total += extra * len(FIELDS)
            score.misses.append(f"{name} t{k + 1}: {extra} rows too many")
    return score


def build_docx(path: Path) -> None:
    """A Word indicator table whose 类别 cells are merged vertically (w:vMerge)."""
    import docx

    rows = [["类别", "序号", "指标", "单位", "2025年", "2030年", "属性"],
            ["科技创新", "1", "全社会研发经费支出相当于地区生产总值比例", "%", "4.2", "4.8左右", "预期性"],
            ["", "2", "每万人口高价值发明专利拥有量", "件", "50", "80", "预期性"],
            ["", "3", "技术合同成交额", "亿元", "120", "年均增长8%", "预期性"],
            ["社会民生", "4", "人均预期寿命", "岁", "85.2", "85.5以上", "预期性"],
            ["", "5", "新增就业岗位", "万个", "—", "[20]", "预期性"]]
    d = docx.Document()
    d.add_paragraph("杨浦区“十五五”经济社会发展主要指标")
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, cells in enumerate(rows):
        for j, text in enumerate(cells):
            if text:
                table.cell(i, j).text = text
    table.cell(1, 0).merge(table.cell(3, 0)).text = "科技创新"
    table.cell(4, 0).merge(table.cell(5, 0)).text = "社会民生"
    d.add_paragraph("二、重点任务")
    d.save(str(path))


def fixtures(tmp: Path) -> list[Path]:
    out = sorted(p for p in FIX.iterdir() if (EXPECTED / f"{p.stem}.json").exists() and p.suffix != ".json")
    build_docx(tmp / DOCX)
    return [*out, SAMPLE, tmp / DOCX]


def score_all(tmp: Path) -> tuple[Score, dict[str, Score]]:
    total, per = Score(), {}
    for path in fixtures(tmp):
        expected = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
        s = score_document(parse_file(path, until="tables"), expected, path.name)
        per[path.name] = s
        total.right, total.total = total.right + s.right, total.total + s.total
        total.misses += s.misses
    return total, per


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Score, dict[str, Score]]:
    return score_all(tmp_path_factory.mktemp("tables"))


def test_cell_accuracy_at_least_97_percent(scored: tuple[Score, dict[str, Score]]) -> None:
    total, per = scored
    assert len(per) >= 14 and total.total >= 1500
    assert total.accuracy >= 0.97, "\n".join(total.misses)


def test_every_fixture_comes_out_right(scored: tuple[Score, dict[str, Score]]) -> None:
    _, per = scored
    assert {n: s.misses for n, s in per.items() if s.misses} == {}


def test_layouts_and_notes(tmp_path: Path) -> None:
    for path in fixtures(tmp_path):
        expected = json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8"))
        tables = [t for t in parse_file(path, until="tables").tables if t.kind == "indicator"]
        assert [t.layout for t in tables] == [t["layout"] for t in expected["tables"]], path.name
        for got, want in zip(tables, expected["tables"], strict=True):
            if "notes" in want:
                assert got.notes == want["notes"], path.name
