"""PDF renditions of other documents parse like the plain text they were made from (issue #6).

Fixtures (tests/fixtures/formats/, regenerate with make_gbt_pdfs.py): the first 145 lines of the
长宁 15th five-year plan outline (a two-line title, 一、/(一) headings in 黑体/楷体, run-in `1.标题。`,
a 20-row indicator table over three pages, `— N —` folios at the outer corner) and a statistical
bulletin (a table, `- N -` folios). Both are set in the GB/T 9704 look with justified long
paragraphs and a running header. The comparisons are those of test_cross_format.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from pipeline import parse_file, parse_text
from pipeline.ingest import read_path
from pipeline.ingest.base import RawDocument
from pipeline.model import Document
from tests.fixtures.formats.make_gbt_pdfs import RENDITIONS, Rendition, excerpt, reference_text, split_tables
from tests.test_cross_format import claims_of, indicator_rows_of, metadata_of, sections_of, verdicts_of

FORMATS = Path(__file__).parent / "fixtures" / "formats"
BY_NAME = {r.pdf: r for r in RENDITIONS}


@cache
def _pair(name: str) -> tuple[Document, Document]:
    r: Rendition = BY_NAME[name]
    return parse_file(FORMATS / name), parse_text(reference_text(r))


@cache
def _raw(name: str) -> RawDocument:
    return read_path(FORMATS / name)


@pytest.mark.parametrize("name", BY_NAME)
def test_same_metadata_and_sections(name: str) -> None:
    pdf, txt = _pair(name)
    assert metadata_of(pdf) == metadata_of(txt)
    assert sections_of(pdf) == sections_of(txt)


@pytest.mark.parametrize("name", BY_NAME)
def test_same_indicator_rows_claims_and_verdicts(name: str) -> None:
    pdf, txt = _pair(name)
    assert indicator_rows_of(pdf) == indicator_rows_of(txt)
    assert (claims_of(pdf) - claims_of(txt), claims_of(txt) - claims_of(pdf)) == (Counter(), Counter())
    assert (verdicts_of(pdf) - verdicts_of(txt), verdicts_of(txt) - verdicts_of(pdf)) == (Counter(), Counter())


@pytest.mark.parametrize("name", BY_NAME)
def test_same_paragraphs(name: str) -> None:
    """Every wrapped paragraph is one line again, in order; running heads and folios are gone."""
    r = BY_NAME[name]
    body = [ln for ln in _raw(name).text.splitlines() if " | " not in ln]
    paragraphs = [p for p in split_tables(excerpt(r)) if isinstance(p, str)]
    assert body == paragraphs


def test_title_over_two_centred_lines_is_one_line() -> None:
    text = _raw("changning-gbt.pdf").text
    assert text.startswith("《上海市长宁区国民经济和社会发展第十五个五年规划纲要》\n")


def test_table_over_three_pages_is_one_grid() -> None:
    raw = _raw("changning-gbt.pdf")
    assert len(raw.tables) == 1
    table = raw.tables[0]
    cells = {(c.row, c.col): raw.text[c.start : c.end] for c in table.cells}
    assert max(r for r, _ in cells) == 20
    assert cells[(15, 1)] == "筹措供应新时代城市建设者管理者之家床位"  # the row the second page break split
    assert cells[(20, 4)] == "≥50"
    assert table.title == "长宁区“十五五”经济社会发展主要指标"


def test_heading_hints_in_gbt_fonts() -> None:
    raw = _raw("changning-gbt.pdf")
    hints = {raw.text[k : raw.text.index("\n", k)]: v for k, v in raw.heading_hints.items()}
    assert hints["一、发展新阶段新起点"] == 1  # 黑体 stand-in, indented two characters like the body
    assert hints["(二)发展目标和主要指标"] == 2  # 楷体
    assert not any(h.startswith("1.") for h in hints)  # a bold run-in heading in the body font
