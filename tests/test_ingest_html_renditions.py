"""Portal-style HTML renditions of other documents parse like their text (issue #6).

Fixtures from tests/fixtures/formats/make_portal.py: the Changning plan as a UTF-8 page with a BOM
(TRS_Editor, `&nbsp;` indents, `<br>` inside a title and between two paragraphs, numbers split by
<span>, a rowspan table with <td><p> cells), the bulletin declared gb2312 but using GBK-only
characters, and the same page with no charset declared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_path
from tests.test_cross_format import (
    _parsed,
    claims_of,
    indicator_rows_of,
    metadata_of,
    sections_of,
    verdicts_of,
)

FORMATS = Path(__file__).parent / "fixtures" / "formats"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CHANGNING = CORPUS / "changning-shiwuwu-guihua-gangyao.md"
BULLETIN = CORPUS / "shili-2024-tongji-gongbao.txt"
CASES = [("changning-bom.html", CHANGNING), ("bulletin-gbk.html", BULLETIN), ("bulletin-nometa.html", BULLETIN)]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_same_as_the_text(name: str, text: Path) -> None:
    got, want = _parsed(str(FORMATS / name)), _parsed(str(text))
    assert sections_of(got) == sections_of(want)
    assert indicator_rows_of(got) == indicator_rows_of(want)
    assert claims_of(got) == claims_of(want)
    assert verdicts_of(got) == verdicts_of(want)
    meta_got, meta_want = metadata_of(got), metadata_of(want)
    if name == "changning-bom.html":
        # the plan's issuer exists only in the Markdown front matter (发布单位), not on the page
        assert (meta_got.pop("issuer"), meta_want.pop("issuer")) == (None, "上海市长宁区发展和改革委员会")
    assert meta_got == meta_want


def test_encodings() -> None:
    assert (read_path(FORMATS / "changning-bom.html").source.encoding) == "utf-8-bom"
    gbk = read_path(FORMATS / "bulletin-gbk.html")
    assert (gbk.source.encoding, gbk.source.encoding_confidence) == ("gb18030", "declared")
    bare = read_path(FORMATS / "bulletin-nometa.html")
    assert bare.source.encoding == "gb18030" and bare.text == gbk.text


def test_breaks_split_numbers_and_rowspan() -> None:
    raw = read_path(FORMATS / "changning-bom.html")
    lines = raw.text.splitlines()
    assert lines[0] == "《上海市长宁区国民经济和社会发展第十五个五年规划纲要》"  # <br> in the title joined
    assert "区级一般公共预算收入年均增速达到8.8%。" in raw.text  # <span>8</span>.8%
    dash = [ln for ln in lines if ln.startswith("——")]
    assert len(dash) == 12 and all(ln.endswith("。") for ln in dash)  # two paragraphs in one <p> stay two
    (table,) = raw.tables
    cells = {(c.row, c.col): (raw.text[c.start : c.end], c.rowspan) for c in table.cells}
    assert cells[(1, 3)] == ("预期性", 15) and cells[(16, 3)] == ("约束性", 5)
    assert cells[(1, 4)] == ("与全市经济增速保持同步", 1)  # <br> inside a cell
    assert cells[(16, 4)][0] == "≥7.82"
    gbk = read_path(FORMATS / "bulletin-gbk.html")
    assert "示例市统计局" in gbk.text.splitlines() and "2025年3月20日" in gbk.text.splitlines()  # <br> before a date
    assert "喆堃" not in gbk.text  # footer furniture outside the article
