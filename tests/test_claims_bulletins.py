"""Claims on statistical bulletins, a 1980s report and PDF line breaks (tests/fixtures/numbers/).

The expected claims are data (bulletin_expected.tsv, checked by hand): every stated figure in text
order with its value, unit, kind, printed precision, qualifier and sign — nothing more, nothing less.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.model import Claim
from pipeline.numbers.claims import extract_claims
from tests.test_claims_documents import doc_of, quantities

FIX = Path(__file__).parent / "fixtures" / "numbers"
EXPECTED = FIX / "bulletin_expected.tsv"


def _expected() -> dict[str, list[tuple[str, ...]]]:
    lines = [ln for ln in EXPECTED.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        out.setdefault(row["file"], []).append(
            (row["raw"].replace("\\n", "\n"), row["value"], row["unit"], row["kind"], row["decimals"],
             row["qualifier"], row["negative"])
        )
    return out


EXPECTED_ROWS = _expected()


def _row(c: Claim) -> tuple[str, ...]:
    value = "" if c.value is None else f"{c.value:g}"
    return (c.raw, value, c.unit or "", str(c.kind), str(c.decimals), c.qualifier or "", "1" if c.negative else "0")


def claims_of(name: str) -> list[Claim]:
    return extract_claims(doc_of((FIX / name).read_text(encoding="utf-8"))).claims


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_fixture_claims_match_the_expected_table(name: str) -> None:
    claims = claims_of(name)
    got = [_row(c) for c in claims if c.kind not in ("year", "date")]
    assert got == EXPECTED_ROWS[name]
    text = doc_of((FIX / name).read_text(encoding="utf-8")).text
    assert all(text[c.span.start : c.span.end] == c.raw for c in claims)


def test_expected_table_is_substantial() -> None:
    assert len(EXPECTED_ROWS["bulletin_city-2023.txt"]) >= 60
    assert len(EXPECTED_ROWS["bulletin_province-2022.txt"]) >= 70
    assert {r[3] for rows in EXPECTED_ROWS.values() for r in rows} >= {
        "amount", "count", "percent", "share", "growth_yoy", "pp_change", "ratio"
    }


def test_bulletin_scales_and_normalisation() -> None:
    claims = claims_of("bulletin_city-2023.txt")
    area = next(c for c in claims if c.raw == "152.38千公顷")
    assert (area.scale, area.unit, area.dimension) == ("千", "千公顷", "area")
    assert area.normalized is not None and area.normalized.value == pytest.approx(152.38e3 * 1e4)
    ratio = next(c for c in claims if c.kind == "ratio")
    assert ratio.parts == [2.4, 38.8, 58.8]
    province = claims_of("bulletin_province-2022.txt")
    gap = next(c for c in province if c.raw == "0.06")
    assert (gap.negative, gap.change) == (True, True)


def test_1983_report_chinese_numerals_and_old_units() -> None:
    claims = claims_of("report-1983-fullwidth.txt")
    cotton = next(c for c in claims if c.raw == "九千二百七十万担")
    assert (cotton.value, cotton.scale, cotton.unit) == (9270, "万", "万担")
    assert cotton.normalized is not None and cotton.normalized.value == pytest.approx(9270e4 * 0.05)
    assert [c.year for c in claims if c.kind == "year"] == [1983, 1983]
    rate = next(c for c in claims if c.raw == "千分之十一点五四")
    assert (rate.value, rate.decimals, rate.unit) == (11.54, 2, "‰")


def test_pdf_breaks_join_only_one_numeral() -> None:
    claims = claims_of("pdf-breaks-2.txt")
    revenue = claims[0]
    assert (revenue.raw, revenue.value, revenue.decimals) == ("1,2\n34.56亿元", 1234.56, 2)
    # 表1 / 2024年 and 见附件3 / 5万元 are a label and a new line, never one figure
    assert [c.year for c in claims if c.kind == "year"] == [2024, 2023]
    small = next(c for c in claims if c.unit == "万元")
    assert (small.raw, small.value, small.qualifier) == ("5万元", 5, "以下")


def test_political_formulas_plans_and_codes_are_not_quantities() -> None:
    claims = extract_claims(doc_of((FIX / "not-quantities-2.txt").read_text(encoding="utf-8"))).claims
    # 5A级景区1个 is a count of scenic areas; 会期2天 and 24小时内 are durations
    assert quantities(claims) == ["1个", "2天", "24小时"]
