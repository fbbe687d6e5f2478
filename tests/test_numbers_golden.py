"""Golden expressions (tests/fixtures/numbers/golden.tsv): one row, one expected claim.

Each row's text runs through the claims stage alone (no sections or tables), and the claim whose
raw text is the expected figure must carry the expected value, unit, kind, decimals, qualifier
and extras. A row whose figure is "-" must yield no claim overlapping the given substring.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from pipeline.model import Claim, Document, Source, SourceFormat
from pipeline.numbers.claims import extract_claims

GOLDEN = Path(__file__).parent / "fixtures" / "numbers" / "golden.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in GOLDEN.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return [
        {k: (v or "").replace("\\n", "\n") for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


ROWS = _rows()


def claims_of(text: str) -> list[Claim]:
    source = Source(sha256=hashlib.sha256(text.encode()).hexdigest(), format=SourceFormat.TXT)
    return extract_claims(Document(source=source, text=text)).claims


def _extra(row: dict[str, str]) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in row["extra"].split(";") if kv)


def test_golden_has_enough_rows() -> None:
    assert len([r for r in ROWS if r["raw"] != "-"]) >= 150 or len(ROWS) >= 180
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['text'][:18]}" for i, r in enumerate(ROWS)])
def test_golden(row: dict[str, str]) -> None:
    text = row["text"]
    claims = claims_of(text)
    if row["raw"] == "-":
        needle = row["unit"]
        at = text.index(needle)
        hit = [c.raw for c in claims if c.span.start < at + len(needle) and at < c.span.end
               and c.kind not in ("year", "date")]
        assert hit == [], f"not a quantity, yet claimed: {hit}"
        return
    found = [c for c in claims if c.raw == row["raw"]]
    assert found, f"no claim {row['raw']!r}; got {[c.raw for c in claims]}"
    c = found[0]
    assert text[c.span.start : c.span.end] == c.raw
    if row["value"]:
        assert c.value == pytest.approx(float(row["value"]))
    assert (c.unit or "") == row["unit"] or c.kind in ("year", "ratio", "fraction", "date")
    assert c.kind == row["kind"]
    assert c.decimals == int(row["decimals"])
    assert (c.qualifier or "") == row["qualifier"]
    ex = _extra(row)
    checks = {
        "high": lambda v: c.value_high == pytest.approx(float(v)),
        "bound": lambda v: c.bound == v,
        "neg": lambda v: c.negative is (v == "1"),
        "cum": lambda v: c.cumulative is (v == "1"),
        "approx": lambda v: c.approximate is (v == "1"),
        "target": lambda v: c.target is (v == "1"),
        "scale": lambda v: c.scale == v,
        "norm": lambda v: c.normalized is not None and c.normalized.value == pytest.approx(float(v)),
        "nunit": lambda v: c.normalized is not None and c.normalized.unit == v,
        "year": lambda v: c.year == int(v),
        "pstart": lambda v: c.period is not None and c.period.start == int(v),
        "pend": lambda v: c.period is not None and c.period.end == int(v),
        "subject": lambda v: c.subject == v,
        "metric": lambda v: c.metric == v,
        "per": lambda v: c.per == v,
        "change": lambda v: c.change is (v == "1"),
        "parts": lambda v: c.parts == [float(p) for p in v.split("|")],
    }
    bad = {k: v for k, v in ex.items() if not checks[k](v)}
    assert not bad, f"{bad} — got {c.model_dump(exclude={'span', 'raw', 'id'})}"
