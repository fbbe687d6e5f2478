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
