"""HTML nested deeper than libxml2's limit (256, or 2048 with huge_tree): nothing is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import Code
from pipeline.ingest.html import read_html
from pipeline.ingest.html_deep import MAX_DEPTH, flatten


def _page(depth: int) -> str:
    return (
        "<html><head><style>.hide{display:none}</style></head><body><div><p>前文一段。</p>"
        + "<div>" * depth + "<p>深处的一段正文。</p><p class=hide>隐藏</p><p>第二段&amp;结尾。</p>" + "</div>" * depth
        + "<p>后文一段很长的正文。</p></div></body></html>"
    )


@pytest.mark.parametrize("depth", [300, 2100, 20_000])
def test_deep_page_keeps_every_paragraph_after_the_deep_part(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text(_page(depth), encoding="utf-8")
    raw = read_html(path)
    assert raw.text == "前文一段。\n深处的一段正文。\n第二段&结尾。\n后文一段很长的正文。\n"
    flattened = [w for w in raw.warnings if w.code == Code.HTML_DEEP_NESTING.value]
    assert len(flattened) == (depth > 2048)  # huge_tree reaches 2048 without flattening


def test_flatten_caps_depth_and_keeps_text_and_breaks() -> None:
    page = "<body>" + "<div>" * (MAX_DEPTH + 10) + "甲<br>乙<span>丙</span><p>丁</p>" + "</div>" * (MAX_DEPTH + 10) + "戊</body>"
    out = flatten(page, frozenset({"div", "p"}), lambda tag, attrs: False)
    assert out.count("<div>") == MAX_DEPTH - 1  # <body> is the first level
    assert out.replace("<br>", "|").split("<div>")[-1].split("</div>")[0] == "|甲|乙丙|丁|"
    assert out.endswith("</div>戊</body>")
