"""A PDF that LibreOffice printed from a plain text keeps the text's sections, claims and checks.

Office suites print a text without first-line indents, one blank paragraph between paragraphs,
Latin characters in a monospaced face (a period's ink is a dot in a wide cell): the paragraph
rules must read that layout too. Every dev and corpus-dev text is compared with its rendition
(tests/fixtures/pdf-renditions/, built by `make fixtures`; the test skips when they were not built).
"""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline import parse_file
from pipeline.ingest.pdf_chars import Char, PageChars_
from pipeline.ingest.pdf_lines import Line, drop_running, group_lines
from tests.fixtures.formats.make_pdf_renditions import OUT, sources
from tests.test_cross_format import claims_of, sections_of, verdicts_of

PAIRS = [(src, OUT / f"{src.stem}.pdf") for src in sources()]
BUILT = [(src, pdf) for src, pdf in PAIRS if pdf.exists()]


def _kept(original: Counter, rendition: Counter) -> tuple[int, int]:  # type: ignore[type-arg]
    return sum((original & rendition).values()), sum(original.values())


@pytest.mark.skipif(len(BUILT) < len(PAIRS), reason="PDF renditions not built: `make fixtures` (needs libreoffice-writer)")
def test_office_pdf_renditions_keep_sections_claims_and_checks() -> None:
    totals = {"sections": [0, 0], "claims": [0, 0], "checks": [0, 0]}
    for src, pdf in BUILT:
        original, rendition = parse_file(src), parse_file(pdf)
        assert rendition.source.engine == "pdfium", pdf.name
        assert not [w for w in rendition.warnings if w.code in ("W103", "W104")], pdf.name  # no page left out
        for key, of in (("sections", lambda d: Counter(sections_of(d))), ("claims", claims_of), ("checks", verdicts_of)):
            kept, total = _kept(of(original), of(rendition))
            totals[key][0] += kept
            totals[key][1] += total
            if key == "sections":
                assert kept >= 0.9 * total, f"{pdf.name}: {kept} of {total} sections"
    share = {key: kept / total for key, (kept, total) in totals.items()}
    assert share["sections"] >= 0.98 and share["claims"] >= 0.98 and share["checks"] >= 0.95, share


def _page_lines(number: int, rows: list[tuple[float, str]]) -> tuple[PageChars_, list[Line]]:
    chars = [Char(number, 60 + 10 * k, top, 70 + 10 * k, top + 10, ch, 10.0, "Song", top + 5) for top, text in rows for k, ch in enumerate(text)]
    return PageChars_(number, 595, 842, chars, []), group_lines(number, chars)


def test_a_margin_number_is_a_folio_only_in_a_document_with_folios() -> None:
    body = [(400.0, "正文一行正文一行")]
    plain = [_page_lines(1, body), _page_lines(2, [(60.0, "4"), *body]), _page_lines(3, body)]
    kept = drop_running([p for p, _ in plain], [ls for _, ls in plain])
    assert [ln.text for ln in kept[1]] == ["4", "正文一行正文一行"]  # a table's row number at the page top
    folioed = [_page_lines(n, [*body, (800.0, f"- {n} -")]) for n in (1, 2, 3)]
    kept = drop_running([p for p, _ in folioed], [ls for _, ls in folioed])
    assert all([ln.text for ln in page] == ["正文一行正文一行"] for page in kept)
