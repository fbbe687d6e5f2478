"""The fact-check HTML report: content, links, tables, escaping (XSS), index and CLI."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from pipeline.api import parse_text
from pipeline.cli import main
from pipeline.errors import Code, ContractError
from pipeline.export.report import render_report, write_reports
from pipeline.model import Cell, Check, Claim, Column, Document, Row, Section, Span, Table

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "qingpu-excerpt-injected-inconsistency.json"


def has(*classes: str) -> str:
    """XPath predicate: the element has every class (lxml's cssselect needs a package we lack)."""
    return " and ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in classes)


def q(tree: lxml.html.HtmlElement, xpath: str) -> list[lxml.html.HtmlElement]:
    return tree.xpath(xpath)


def doc_hl(tree: lxml.html.HtmlElement, *classes: str) -> list[lxml.html.HtmlElement]:
    return q(tree, f"//section[@id='text']//span[{has('hl', *classes)}]")


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(doc: Document) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_report(doc))


def marks_of(page: lxml.html.HtmlElement, colour: str) -> set[str]:
    found: set[str] = set()
    for el in doc_hl(page, f"v-{colour}"):
        found.update(el.get("data-m").split())
    return found


def test_summary_sentence(page: lxml.html.HtmlElement) -> None:
    assert page.get_element_by_id("summary").text_content() == "7 relations checked, 1 inconsistent, 1 implied figures"


def test_one_red_highlight_per_inconsistent_check(page: lxml.html.HtmlElement) -> None:
    red = doc_hl(page, "v-inconsistent")
    assert [el.text_content() for el in red] == ["8.6%"]
    assert len(marks_of(page, "inconsistent")) == 1
    # its operands are outlined, not red
    assert [el.text_content() for el in doc_hl(page, "involved")] == ["829.92亿元", "10912.97亿元"]


def test_highlight_title_states_the_check(page: lxml.html.HtmlElement) -> None:
    (red,) = doc_hl(page, "v-inconsistent")
    assert red.get("title").startswith("8.6% — share: inconsistent. 829.92 ÷ 10912.97 = 7.605%")


def test_check_card_shows_rule_stated_interval_and_words(page: lxml.html.HtmlElement) -> None:
    card = page.get_element_by_id("k0")
    assert q(card, f".//*[{has('rule')}]")[0].text == "share"
    assert q(card, f".//*[{has('stated')}]")[0].text == "8.6"
    assert q(card, f".//*[{has('computed')}]")[0].text == "7.6049 [7.60456, 7.60525]"
    assert q(card, f".//*[{has('expl')}]")[0].text.endswith("which does not meet it.")
    assert [(a.text, a.getnext().text) for a in q(card, f".//a[{has('fig')}]")] == [
        ("829.92亿元", "(used)"), ("10912.97亿元", "(used)"), ("8.6%", "(stated)")]


def test_every_text_character_is_shown_once_outside_tables(doc: Document, page: lxml.html.HtmlElement) -> None:
    table = doc.tables[0].span
    shown = "".join(el.text_content() for el in q(page, f"//section[@id='text']/div[{has('text')}]"))
    assert shown == doc.text[: table.start] + doc.text[table.end:]


def test_indicator_table_is_rendered_with_coloured_cells(page: lxml.html.HtmlElement) -> None:
    (table,) = q(page, "//table")
    assert table.find("caption").text == "青浦区“十四五”创新经济指标"
    assert [th.text_content() for th in q(table, "thead/tr/th")][:3] == ["序号", "类别", "指标"]
    assert len(q(table, "tbody/tr")) == 15
    cell = q(table, f".//td[{has('c-consistent')}]//span[{has('hl', 'v-consistent')}]")
    assert [el.text_content() for el in cell] == ["829.92", "2000"]


def test_text_vs_table_check_links_the_narrative_figure_and_its_cell(page: lxml.html.HtmlElement) -> None:
    card = page.get_element_by_id("k4")  # text_vs_table 829.92
    targets = [a.get("href")[1:] for a in q(card, f".//a[{has('fig')}]")]
    in_text = page.get_element_by_id(targets[0]).getparent()
    in_cell = page.get_element_by_id(targets[1]).getparent()
    assert "text" in in_text.get("class") and in_cell.tag == "td"


def test_every_internal_link_has_a_target(page: lxml.html.HtmlElement) -> None:
    ids = {el.get("id") for el in page.iter() if el.get("id")}
    hrefs = {a.get("href")[1:] for a in q(page, "//a[starts-with(@href, '#')]")}
    assert hrefs and hrefs <= ids


def test_navigation_is_the_section_tree_with_red_counts(page: lxml.html.HtmlElement) -> None:
    roots = q(page, "//nav/ul[1]/li")
    assert [li.find("a").text for li in roots] == ["一、发展基础与发展机遇", "二、总体思路"]
    assert [li.find("a").text for li in roots[0].find("ul").findall("li")] == ["(一)发展基础", "(二)面临问题"]
    assert q(roots[0], f"./*[{has('red-count')}]")[0].text == "1"


def test_page_is_self_contained(doc: Document) -> None:
    html = render_report(doc)
    tree = lxml.html.fromstring(html)
    assert not q(tree, "//link | //img | //iframe | //script[@src]")
    assert "http://" not in html and "https://" not in html
    assert len(q(tree, "//style")) == 1 and "@media print" in q(tree, "//style")[0].text


def test_span_outside_the_text_is_an_error(doc: Document) -> None:
    broken = doc.model_copy(deep=True)
    broken.claims[0].span = Span(start=len(doc.text) - 1, end=len(doc.text) + 5)
    with pytest.raises(ContractError) as err:
        render_report(broken)
    assert err.value.code is Code.SPAN_OUT_OF_RANGE


# ----------------------------------------------------------------------------- escaping

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def hostile_document() -> Document:
    text = f"一、总则{SCRIPT}\n本年投资{IMG}增长12.5%,共计3项。\n序号 | 指标 | 目标\n1 | {SCRIPT} | 12\n"
    doc = parse_text(text, name=f"{SCRIPT}.txt", until="metadata")
    t = doc.text
    s = t.index(SCRIPT)
    doc.metadata.title = SCRIPT
    doc.sections = [Section(id='x"y', level=1, marker="一、", number="一", title=f"总则{SCRIPT}",
                            span=Span(start=0, end=s + len(SCRIPT)), body_span=Span(start=s + len(SCRIPT), end=len(t)))]
    img = t.index(IMG)
    pct = t.index("12.5%")
    doc.claims = [
        Claim(id="c1", span=Span(start=img, end=img + len(IMG)), raw=IMG, value=1, kind="count", unit=SCRIPT),
        Claim(id="c2", span=Span(start=pct, end=pct + 5), raw="12.5%", value=12.5, kind="growth_yoy", unit="%"),
    ]
    doc.checks = [Check(id=f"k{SCRIPT}", rule=SCRIPT, verdict="inconsistent", claim_ids=["c1", "c2"], stated=IMG,
                        explanation=f"{IMG} {SCRIPT}", exemption=SCRIPT)]
    row_at = t.index("1 | ")
    cell_at = t.index(SCRIPT, row_at)
    doc.tables = [Table(id="t1", kind="indicator", title=SCRIPT, span=Span(start=t.index("序号"), end=len(t) - 1),
                        columns=[Column(name=IMG)],
                        rows=[Row(cells=[Cell(text=SCRIPT, column=0, span=Span(start=cell_at, end=cell_at + len(SCRIPT)))])])]
    return doc


def test_document_text_is_escaped_everywhere() -> None:
    html = render_report(hostile_document())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert SCRIPT not in html and "<img" not in html
    tree = lxml.html.fromstring(html)
    assert not q(tree, "//img")
    scripts = q(tree, "//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert "alert" not in scripts[1].text
    assert not [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]
    # the text survives as text: in the title, the heading, a highlight, the table cell and the check card
    assert tree.findtext(".//title").startswith(SCRIPT)
    assert q(tree, f"//section[@id='text']//span[{has('h')}]")[0].text_content() == f"一、总则{SCRIPT}"
    assert [el.text_content() for el in doc_hl(tree, "v-inconsistent")] == [IMG]
    assert q(tree, "//table//td")[0].text_content() == SCRIPT
    assert q(tree, f"//li[{has('check')}]/*[{has('expl')}]")[0].text_content() == f"{IMG} {SCRIPT}"


def test_json_island_cannot_close_its_script() -> None:
    html = render_report(hostile_document())
    island = html[html.index('id="gz-data">'):]
    island = island[: island.index("</script>")]
    assert "<" not in island[len('id="gz-data">'):] and "\\u003cscript\\u003e" in island


# ----------------------------------------------------------------------------- batch and CLI


def test_write_reports_writes_pages_and_index(doc: Document, tmp_path: Path) -> None:
    other = doc.model_copy(deep=True)
    other.checks = []
    index = write_reports([doc, ("qingpu-excerpt-injected-inconsistency", other), ("bad.pdf", "E101 no text")],
                          tmp_path)
    assert index == tmp_path / "index.html"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "index.html", "qingpu-excerpt-injected-inconsistency-2.html", "qingpu-excerpt-injected-inconsistency.html"]
    tree = lxml.html.fromstring(index.read_text(encoding="utf-8"))
    rows = q(tree, "//table[@class='index']/tbody/tr")
    assert [r.findall("td")[0].text_content().strip()[:12] for r in rows] == ["青浦区创新经济“十四五”"] * 2 + ["bad.pdf"]
    assert [a.get("href") for a in q(tree, "//table[@class='index']/tbody//a")] == [
        "qingpu-excerpt-injected-inconsistency.html", "qingpu-excerpt-injected-inconsistency-2.html"]
    # the findings table lists the first document's inconsistent check, anchored at its figure
    findings = q(tree, "//table[@id='findings-table']/tbody/tr")
    inconsistent = [c for c in doc.checks if c.kind == "check" and c.verdict == "inconsistent"]
    assert len(q(tree, "//table[@id='findings-table']/tbody/tr[@data-verdict='inconsistent']")) == len(inconsistent) == 1
    assert all(r.get("data-doc") == "qingpu-excerpt-injected-inconsistency" for r in findings)
    href = q(findings[0], ".//a")[0].get("href")
    assert href.startswith("qingpu-excerpt-injected-inconsistency.html#m")
    assert q(rows[0], f"td[{has('bad')}]")[0].text == "1"
    assert rows[2].findall("td")[1].text == "E101 no text"


def test_cli_report_from_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(FIXTURE), "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"wrote {out}: 17 figures, 7 relations checked, 1 inconsistent, 1 implied figures\n"
    assert len(doc_hl(lxml.html.fromstring(out.read_text(encoding="utf-8")), "v-inconsistent")) == 1


def test_cli_report_from_a_source_document(tmp_path: Path) -> None:
    src = tmp_path / "notice.txt"
    src.write_text("关于做好专项资金工作的通知\n一、总体要求\n共安排资金3亿元。\n", encoding="utf-8")
    assert main(["report", str(src)]) == 0
    tree = lxml.html.fromstring((tmp_path / "notice.report.html").read_text(encoding="utf-8"))
    shown = "".join(el.text_content() for el in q(tree, f"//section[@id='text']/div[{has('text')}]"))
    assert shown == "关于做好专项资金工作的通知\n一、总体要求\n共安排资金3亿元。\n"


def test_cli_report_on_unreadable_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["report", str(bad)]) == 4
    assert capsys.readouterr().err.startswith(f"gazette: error E204 {bad}: the JSON file could not be read")


# ----------------------------------------------------------------------------- layout corner cases


def test_overlapping_figures_render_as_flat_runs() -> None:
    doc = parse_text("增长12.5%以上。\n", name="overlap.txt", until="metadata")
    start = doc.text.index("12.5%")
    doc.claims = [
        Claim(id="a", span=Span(start=start - 2, end=start + 4), raw="增长12.5", value=12.5, kind="growth_yoy"),
        Claim(id="b", span=Span(start=start, end=start + 7), raw="12.5%以上", value=12.5, kind="percent"),
    ]
    doc.checks = [Check(id="k", rule="growth", verdict="inconsistent", claim_ids=["b"], stated=12.5, explanation="x")]
    tree = lxml.html.fromstring(render_report(doc))
    runs = [(el.text_content(), el.get("data-m"), el.get("class")) for el in doc_hl(tree)]
    assert runs == [("增长", "m0", "hl v-unchecked"), ("12.5", "m0 m1", "hl v-inconsistent"),
                    ("%以上", "m1", "hl v-inconsistent")]
    assert not q(tree, f"//span[{has('hl')}]//span[{has('hl')}]")
    assert [el.get("id") for el in q(tree, "//section[@id='text']//span[@class='anchor']")] == ["m0", "m1"]


def test_merged_cells_use_rowspan_and_gaps_keep_columns() -> None:
    text = "指标表\n类别 | 指标 | 目标\n规模 | 收入 | 100\n | 产值 | 200\n | | 300\n"
    doc = parse_text(text, name="merged.txt", until="metadata")
    t = doc.text

    def cell(s: str, col: int, after: int, **kw: object) -> Cell:
        at = t.index(s, after)
        return Cell(text=s, column=col, span=Span(start=at, end=at + len(s)), **kw)  # type: ignore[arg-type]

    r1, r2, r3 = (t.index(x) for x in ("规模 |", " | 产值", " | | 300"))
    doc.tables = [Table(id="t", title="指标表", span=Span(start=t.index("类别"), end=len(t) - 1), rows=[
        Row(cells=[cell("规模", 0, r1, rowspan=2), cell("收入", 1, r1), cell("100", 2, r1)]),
        Row(cells=[Cell(text="规模", column=0, filled=True), cell("产值", 1, r2), cell("200", 2, r2)]),
        Row(cells=[cell("300", 2, r3)]),
    ])]
    tree = lxml.html.fromstring(render_report(doc))
    rows = q(tree, "//table/tbody/tr")
    assert [[(td.text_content(), td.get("rowspan")) for td in tr.findall("td")] for tr in rows] == [
        [("规模", "2"), ("收入", None), ("100", None)],
        [("产值", None), ("200", None)],
        [("", None), ("", None), ("300", None)],
    ]


def test_cells_are_placed_by_column_when_nothing_is_merged() -> None:
    doc = parse_text("甲 | 乙 | 丙\n | 2 | 3\n", name="gap.txt", until="metadata")
    t = doc.text
    two, three = t.index("2"), t.index("3")
    doc.tables = [Table(id="t", span=Span(start=0, end=len(t) - 1), rows=[Row(cells=[
        Cell(text="2", column=1, span=Span(start=two, end=two + 1)),
        Cell(text="3", column=2, span=Span(start=three, end=three + 1))])])]
    tree = lxml.html.fromstring(render_report(doc))
    assert [td.text_content() for td in q(tree, "//table/tbody/tr/td")] == ["", "2", "3"]
