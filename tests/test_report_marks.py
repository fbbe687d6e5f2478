"""Highlight layout for the HTML report: text pieces at span boundaries, mark colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.export.report_marks import Colour, MarkIndex, pieces, worst
from pipeline.model import Document

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "qingpu-excerpt-injected-inconsistency.json"


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


def cuts(start: int, end: int, layers: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    return [(p.start, p.end, sorted(p.layers)) for p in pieces(start, end, layers)]


def test_pieces_without_layers_is_one_piece() -> None:
    assert cuts(0, 10, []) == [(0, 10, [])]


def test_pieces_split_nested_and_overlapping_spans_into_flat_runs() -> None:
    # [2, 8) holds [4, 6); [7, 12) overlaps the outer one's end
    assert cuts(0, 14, [(2, 8), (4, 6), (7, 12)]) == [
        (0, 2, []), (2, 4, [0]), (4, 6, [0, 1]), (6, 7, [0]), (7, 8, [0, 2]), (8, 12, [2]), (12, 14, []),
    ]


def test_pieces_clip_layers_to_the_range() -> None:
    # a layer starting before the range and one ending after it
    assert cuts(5, 10, [(3, 7), (9, 20), (0, 2), (12, 15)]) == [(5, 7, [0]), (7, 9, []), (9, 10, [1])]


def test_pieces_ignore_empty_layers() -> None:
    assert cuts(0, 4, [(2, 2)]) == [(0, 2, []), (2, 4, [])]


def test_worst_colour_order() -> None:
    assert worst([Colour.CONSISTENT, Colour.INCONSISTENT]) is Colour.INCONSISTENT
    assert worst([Colour.UNVERIFIABLE, Colour.CONSISTENT]) is Colour.CONSISTENT
    assert worst([]) is Colour.UNCHECKED


def test_inconsistent_check_paints_its_stated_figure_red_and_outlines_operands(doc: Document) -> None:
    index = MarkIndex(doc)
    by_raw = {m.raw: m for m in index.marks if m.claim and m.claim.id in {"c7", "c8", "c9"}}
    assert by_raw["8.6%"].colour is Colour.INCONSISTENT
    assert by_raw["8.6%"].primary_of == [0]
    # the operands are not wrong themselves: grey, outlined
    assert (by_raw["829.92亿元"].colour, by_raw["829.92亿元"].involved) == (Colour.UNVERIFIABLE, True)
    assert (by_raw["10912.97亿元"].colour, by_raw["10912.97亿元"].involved) == (Colour.UNVERIFIABLE, True)


def test_primary_is_the_claim_whose_value_is_the_stated_one(doc: Document) -> None:
    index = MarkIndex(doc)
    links = index.links[3]  # k4: 3.7倍 vs 30.1%, stated 30.1
    assert index.marks[links.primary].raw == "30.1%"
    assert [index.marks[m].raw for m in links.marks] == ["3.7倍", "30.1%"]


def test_colours_of_every_claim(doc: Document) -> None:
    index = MarkIndex(doc)
    colours = {m.claim.id: m.colour.value for m in index.marks if m.claim}
    assert colours == {
        "c1": "consistent", "c2": "consistent", "c3": "consistent", "c4": "consistent", "c5": "consistent",
        "c6": "unchecked", "c7": "unverifiable", "c8": "unverifiable", "c9": "inconsistent",
        "c10": "consistent", "c11": "consistent", "c12": "consistent", "c13": "unchecked",
        "c14": "consistent", "c15": "consistent", "c16": "consistent", "c17": "unverifiable",
    }


def test_implied_checks_do_not_colour_figures(doc: Document) -> None:
    index = MarkIndex(doc)
    c2 = next(m for m in index.marks if m.claim and m.claim.id == "c2")
    assert c2.implied_by == [6] and c2.primary_of == [] and c2.operand_of == [2]


def test_check_span_without_claim_becomes_its_own_mark(doc: Document) -> None:
    from pipeline.model import Check, Span

    start = doc.text.index("三所高校")
    extra = doc.model_copy(deep=True)
    extra.checks.append(Check(id="k9", rule="enumeration_count", verdict="inconsistent",
                              spans=[Span(start=start, end=start + 4)], stated=4.0, explanation="x"))
    index = MarkIndex(extra)
    mark = index.marks[index.links[-1].primary or 0]
    assert (mark.raw, mark.claim, mark.colour) == ("三所高校", None, Colour.INCONSISTENT)
    assert index.marks_within_range(start, start + 4) == sorted(
        [i for i, m in enumerate(index.marks) if m.raw in {"三所", "三所高校"}],
        key=lambda i: (index.marks[i].start, -index.marks[i].end))
