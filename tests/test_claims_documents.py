"""Claims on real excerpts (tests/fixtures/numbers/*.txt): every stated quantity, nothing else.

Texts are width-folded as the pipeline does, then only the claims stage runs, so these tests do
not depend on the structure stages; sections and tables are given by hand where a test needs them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.model import Claim, Document, Section, Source, SourceFormat, Span, Table
from pipeline.normalize import fold_width
from pipeline.numbers.claims import extract_claims

FIX = Path(__file__).parent / "fixtures" / "numbers"


def doc_of(text: str, **fields: object) -> Document:
    text = fold_width(text)
    src = Source(sha256=hashlib.sha256(text.encode()).hexdigest(), format=SourceFormat.TXT)
    return Document(source=src, text=text, **fields)  # type: ignore[arg-type]


def quantities(claims: list[Claim]) -> list[str]:
    return [c.raw for c in claims if c.kind not in ("year", "date")]


def by_raw(claims: list[Claim], raw: str) -> Claim:
    return next(c for c in claims if c.raw == raw)


def test_national_report_2023_every_figure() -> None:
    claims = extract_claims(doc_of((FIX / "report-2023-excerpt.txt").read_text(encoding="utf-8"))).claims
    assert quantities(claims) == [
        "2.4万亿元", "1万亿元", "7500多亿元", "7400亿元", "9.4%", "9.1%", "5.1%", "93.4%",
        "10.6%", "7.9%", "17%",
    ]
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    big = by_raw(claims, "2.4万亿元")
    assert (big.value, big.unit, big.scale, big.qualifier, big.bound) == (2.4, "万亿元", "万亿", "超过", ">")
    assert big.normalized is not None and big.normalized.value == 2.4e12 and big.normalized.unit == "元"
    more = by_raw(claims, "7500多亿元")
    assert (more.value, more.qualifier, more.bound) == (7500, "多", ">")
    infra, manu = by_raw(claims, "9.4%"), by_raw(claims, "9.1%")
    assert (infra.kind, infra.subject, manu.kind, manu.subject) == ("growth_yoy", "基础设施", "growth_yoy", "制造业")
    hi, eq = by_raw(claims, "10.6%"), by_raw(claims, "7.9%")
    assert (hi.kind, eq.kind) == ("cagr", "cagr")
    assert (hi.subject, eq.subject) == ("高技术制造业", "装备制造业")
    share = by_raw(claims, "17%")
    assert (share.kind, share.qualifier, share.bound) == ("share", "达到…以上", ">=")


def test_pdf_line_breaks_inside_figures_are_joined() -> None:
    text = (FIX / "pdf-linebreaks.txt").read_text(encoding="utf-8")
    claims = extract_claims(doc_of(text)).claims
    assert quantities(claims) == ["4.27\n万人", "5.1%", "2487.09\n万人", "11.6万人", "12345.67亿元", "5.2%"]
    jobs = claims[0]
    assert (jobs.value, jobs.unit, jobs.decimals, jobs.kind) == (4.27, "万人", 2, "count")
    assert jobs.normalized is not None and jobs.normalized.value == 42700
    assert all(text[c.span.start : c.span.end] == c.raw for c in claims)


def test_1985_report_full_width_digits_and_chinese_years() -> None:
    claims = extract_claims(doc_of((FIX / "report-1985-fullwidth.txt").read_text(encoding="utf-8"))).claims
    assert quantities(claims) == ["7780亿元", "12.3%", "37911万吨", "6.9%", "12358万人", "8.8%"]
    years = [c for c in claims if c.kind == "year"]
    assert [c.year for c in years] == [1985, 1985]
    grain = by_raw(claims, "6.9%")
    assert (grain.kind, grain.negative) == ("growth_yoy", True)
    gnp = by_raw(claims, "7780亿元")
    assert (gnp.year, gnp.qualifier) == (1985, "达到")


def test_table_rows_are_left_to_the_tables_stage() -> None:
    text = (FIX / "table-lines.txt").read_text(encoding="utf-8")
    claims = extract_claims(doc_of(text)).claims
    assert quantities(claims) == ["1200亿元"]
    goal = claims[-1]
    assert (goal.kind, goal.target, goal.year) == ("target", True, 2025)
    # a table span from the tables stage hides even a prose-looking line
    last = text.index("到2025年")
    tabled = extract_claims(doc_of(text, tables=[Table(id="t1", span=Span(start=last, end=len(text)))])).claims
    assert quantities(tabled) == []


def test_names_numbers_and_markers_are_not_quantities() -> None:
    claims = extract_claims(doc_of((FIX / "not-quantities.txt").read_text(encoding="utf-8"))).claims
    assert quantities(claims) == ["3.1%", "25微克/立方米"]


def test_section_id_is_the_innermost_section() -> None:
    text = "一、发展基础\n(一)规模\n销售额829.92亿元。\n二、目标\n到2025年达到1000亿元。\n"
    outer = Section(id="s1", level=1, marker="一、", number="一", title="发展基础",
                    span=Span(start=0, end=6), body_span=Span(start=7, end=27))
    inner = Section(id="s2", level=2, marker="(一)", number="一", title="规模", parent_id="s1",
                    span=Span(start=7, end=12), body_span=Span(start=13, end=27))
    goal = Section(id="s3", level=1, marker="二、", number="二", title="目标",
                   span=Span(start=27, end=31), body_span=Span(start=32, end=len(text)))
    claims = extract_claims(doc_of(text, sections=[outer, inner, goal])).claims
    assert [(c.raw, c.section_id) for c in claims if c.kind != "year"] == [("829.92亿元", "s2"), ("1000亿元", "s3")]


def test_clock_times_are_not_ratios() -> None:
    from pipeline import parse_text

    doc = parse_text("发布时间:2026-01-31 07:00:44\n会议于1月5日9:30召开,三次产业结构为2.5:36.7:60.7,配比1:30。")
    ratios = [c.raw for c in doc.claims if c.kind == "ratio"]
    assert ratios == ["2.5:36.7:60.7", "1:30"]


def test_a_unit_starting_with_qian_is_not_swallowed_by_the_numeral() -> None:
    from pipeline import parse_text

    doc = parse_text("新增装机三千万千瓦,建成三万千瓦光伏电站。")
    assert [(c.raw, c.value, c.unit) for c in doc.claims] == [("三千万千瓦", 3000.0, "万千瓦"), ("三万千瓦", 3.0, "万千瓦")]
