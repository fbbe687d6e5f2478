"""HTML ingest: charset, furniture, hidden duplicates, icon glyphs, tables; real portal pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import Code, InputError
from pipeline.ingest import read_path

FORMATS = Path(__file__).parent / "fixtures" / "formats"
DEV = Path(__file__).parent / "fixtures" / "corpus-dev"


def test_gbk_page_article_without_furniture() -> None:
    raw = read_path(FORMATS / "qingpu-gbk.html")
    assert (raw.source.encoding, raw.source.encoding_confidence) == ("gb18030", "declared")
    lines = raw.text.splitlines()
    assert lines[:2] == ["索引号：QA120100020220046", "发文字号：青府发〔2022〕25号"]  # the metadata box
    assert lines[4] == "关于印发《青浦区创新经济“十四五”规划》的通知"
    for furniture in ("首页", "当前位置", "【字号", "打印本页", "关闭窗口", "主办单位", "siteId"):
        assert furniture not in raw.text
    assert raw.text.count("发展基础与发展机遇") == 1  # the display:none copy is gone
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in raw.text)
    assert lines[-1].startswith("加大科普力度")


def test_table_rowspan() -> None:
    raw = read_path(FORMATS / "qingpu-gbk.html")
    (table,) = raw.tables
    cells = {(c.row, c.col): (raw.text[c.start : c.end], c.rowspan) for c in table.cells}
    assert cells[(6, 1)] == ("能力", 10)
    assert cells[(7, 2)] == ("高新技术企业", 1)  # after the rowspan the columns stay aligned
    assert cells[(15, 6)] == ("10.5", 1)
    assert table.layout == "html"


def test_hidden_duplicate_and_metadata_box_of_a_real_page() -> None:
    raw = read_path(DEV / "13_guangzhou-linshi-jiuzhu-shishi-xize.html")
    assert raw.text.count("第一条 为完善广州市社会救助体系") == 1
    assert "文 号：穗府办规〔2021〕19号" in raw.text.splitlines()
    assert "搜索热词" not in raw.text and "当前位置" not in raw.text


def test_body_set_invisible_until_a_script_runs() -> None:
    # page 14 has <body style="visibility: hidden">: still the text a reader sees
    raw = read_path(DEV / "14_guangzhou-laonianren-zhucan-peican-banfa.html")
    assert "第三十八条 本办法自2024年4月1日起实施,有效期5年。" in raw.text.replace("，", ",")
    assert "【字体" not in raw.text and "高级搜索" not in raw.text


def test_page_without_text(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var a=1;</script><div style='display:none'>隐藏</div></body></html>")
    with pytest.raises(InputError) as err:
        read_path(page)
    assert err.value.code is Code.HTML_NO_BODY
