"""The two real Guangzhou pages parse like their visible text (corpus-dev 13, 14; issue #6).

The `.txt` beside each page is everything a browser shows, navigation included; the HTML reader
keeps the article and its metadata box only. What differs, and why, is asserted explicitly.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.test_cross_format import _parsed, claims_of, metadata_of, sections_of, verdicts_of

DEV = Path(__file__).parent / "fixtures" / "corpus-dev"
PAGES = ["13_guangzhou-linshi-jiuzhu-shishi-xize", "14_guangzhou-laonianren-zhucan-peican-banfa"]
# dates in the page furniture the reader drops: 相关链接 (2021-12-16 ×4) and 发布日期 … 浏览次数
FURNITURE_DATES = {PAGES[0]: 4, PAGES[1]: 1}


def _pair(stem: str) -> tuple[object, object]:
    return _parsed(str(DEV / f"{stem}.html")), _parsed(str(DEV / f"{stem}.txt"))


@pytest.mark.parametrize("stem", PAGES)
def test_same_metadata(stem: str) -> None:
    got, want = (metadata_of(d) for d in _pair(stem))  # type: ignore[arg-type]
    # the page spaces the co-issuers with two &nbsp;; the reader keeps one space between words
    want["issuer"] = " ".join(str(want["issuer"]).split())
    assert got == want
    assert got["notice_title"] and not str(got["notice_title"]).startswith("名称")  # the box label is not the title


@pytest.mark.parametrize("stem", PAGES)
def test_same_sections_and_verdicts(stem: str) -> None:
    got, want = _pair(stem)
    assert sections_of(got) == sections_of(want)  # type: ignore[arg-type]
    assert len(sections_of(got)) >= 18  # type: ignore[arg-type]
    assert verdicts_of(got) == verdicts_of(want)  # type: ignore[arg-type]


@pytest.mark.parametrize("stem", PAGES)
def test_same_claims_but_the_furniture_dates(stem: str) -> None:
    got, want = (claims_of(d) for d in _pair(stem))  # type: ignore[arg-type]
    assert got - want == Counter()
    assert want - got == Counter({(None, None): FURNITURE_DATES[stem]})
