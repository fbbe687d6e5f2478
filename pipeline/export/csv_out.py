"""Batch-wide tables for analysis: sections, claims, checks and indicator rows as CSV (and Parquet).

One row per item, keyed by the document id (the output file stem) and carrying the item's span,
so any figure can be found again in the document text. CSVs are UTF-8 with a BOM because Excel
otherwise opens Chinese as mojibake; they are written atomically like every other output.
Rows are built from the document JSON (dicts), so resumed outputs need no re-parse.
"""

from __future__ import annotations

import bisect
import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .json_out import write_atomic

Row = dict[str, Any]

COLUMNS: dict[str, list[str]] = {
    "sections": ["doc_id", "section_id", "level", "marker", "number", "title", "parent_id",
                 "start", "end", "body_start", "body_end", "page"],
    "claims": ["doc_id", "claim_id", "raw", "value", "value_high", "decimals", "unit", "scale",
               "normalized_value", "normalized_unit", "kind", "qualifier", "bound", "year",
               "period", "period_start", "period_end", "subject", "metric", "section_id",
               "table_id", "start", "end", "page"],
    "checks": ["doc_id", "check_id", "rule", "kind", "verdict", "severity", "claim_ids", "stated",
               "computed_value", "computed_low", "computed_high", "explanation", "exemption", "spans",
               "fingerprint", "evidence", "review", "review_note"],
    # what a fact-checker goes through: inconsistent and unverifiable checks (implied figures left out)
    "findings": ["doc_id", "check_id", "fingerprint", "section_id", "section", "rule", "verdict", "severity",
                 "stated", "computed_value", "computed_low", "computed_high", "evidence", "evidence_basis",
                 "evidence_reason", "review", "review_note", "review_by", "review_at", "explanation", "spans"],
    "indicators": ["doc_id", "jurisdiction", "table_id", "table_title", "seq", "category", "indicator", "attribute",
                   "unit", "base_value", "base_decimals", "base_year", "base_raw", "target_value",
                   "target_decimals", "target_year", "target_relation", "target_kind", "target_raw",
                   "start", "end", "page"],
}


def _span(span: Mapping[str, Any] | None, prefix: str = "") -> Row:
    span = span or {}
    out = {f"{prefix}start": span.get("start"), f"{prefix}end": span.get("end")}
    if not prefix:
        out["page"] = span.get("page")
    return out


def format_spans(spans: Iterable[Mapping[str, Any]], doc_id: str | None = None) -> str:
    """`12-18;40-47`, or `doc:12-18` when the spans belong to several documents."""
    where = f"{doc_id}:" if doc_id else ""
    return ";".join(f"{where}{s.get('start')}-{s.get('end')}" for s in spans)


def _value(prefix: str, value: Mapping[str, Any] | None, fields: Sequence[str]) -> Row:
    value = value or {}
    return {f"{prefix}_{f}": value.get(f) for f in fields}


def document_rows(doc_id: str, data: Mapping[str, Any]) -> dict[str, list[Row]]:
    """Every CSV row of one document JSON, by table name."""
    rows: dict[str, list[Row]] = {name: [] for name in COLUMNS}
    for s in data.get("sections") or []:
        rows["sections"].append({
            "doc_id": doc_id, "section_id": s.get("id"), "level": s.get("level"), "marker": s.get("marker"),
            "number": s.get("number"), "title": s.get("title"), "parent_id": s.get("parent_id"),
            **_span(s.get("span")), **_span(s.get("body_span"), "body_"),
        })
    for c in data.get("claims") or []:
        period = c.get("period") or {}
        norm = c.get("normalized") or {}
        rows["claims"].append({
            "doc_id": doc_id, "claim_id": c.get("id"),
            **{k: c.get(k) for k in ("raw", "value", "value_high", "decimals", "unit", "scale", "kind",
                                     "qualifier", "bound", "year", "subject", "metric", "section_id", "table_id")},
            "normalized_value": norm.get("value"), "normalized_unit": norm.get("unit"),
            "period": period.get("label"), "period_start": period.get("start"), "period_end": period.get("end"),
            **_span(c.get("span")),
        })
    where = SectionFinder(data.get("sections") or [])
    for k in data.get("checks") or []:
        rows["checks"].append(check_row(doc_id, k))
        if k.get("kind", "check") == "check" and k.get("verdict") in ("inconsistent", "unverifiable"):
            rows["findings"].append(finding_row(doc_id, k, where))
    for t in data.get("tables") or []:
        if t.get("kind") != "indicator":
            continue
        for r in t.get("rows") or []:
            rows["indicators"].append({
                "doc_id": doc_id, "jurisdiction": (data.get("metadata") or {}).get("jurisdiction"),
                "table_id": t.get("id"), "table_title": t.get("title"),
                **{k: r.get(k) for k in ("seq", "category", "indicator", "attribute", "unit")},
                **_value("base", r.get("base"), ("value", "decimals", "year", "raw")),
                **_value("target", r.get("target"), ("value", "decimals", "year", "relation", "kind", "raw")),
                **_span(r.get("span")),
            })
    return rows


def check_row(doc_id: str, k: Mapping[str, Any], *, spans: str | None = None) -> Row:
    computed = k.get("computed") or {}
    review = k.get("review") or {}
    return {
        "doc_id": doc_id, "check_id": k.get("id"),
        **{f: k.get(f) for f in ("rule", "kind", "verdict", "severity", "stated", "explanation", "exemption",
                                 "fingerprint")},
        "claim_ids": ";".join(k.get("claim_ids") or []),
        "computed_value": computed.get("value"), "computed_low": computed.get("low"), "computed_high": computed.get("high"),
        "spans": spans if spans is not None else format_spans(k.get("spans") or []),
        "evidence": (k.get("evidence") or {}).get("strength"),
        "review": review.get("state"), "review_note": review.get("note"),
    }


class SectionFinder:
    """The innermost section around a text position, by bisection over the sections in text order."""

    def __init__(self, sections: Sequence[Mapping[str, Any]]) -> None:
        self.sections = sorted(sections, key=lambda s: (s.get("span") or {}).get("start", 0))
        self.starts = [(s.get("span") or {}).get("start", 0) for s in self.sections]
        self.by_id = {s.get("id"): s for s in self.sections}

    def at(self, pos: int | None) -> Mapping[str, Any] | None:
        if pos is None:
            return None
        i = bisect.bisect_right(self.starts, pos) - 1
        section = self.sections[i] if i >= 0 else None
        while section is not None and pos >= max((section.get("body_span") or {}).get("end", 0),
                                                 (section.get("span") or {}).get("end", 0)):
            section = self.by_id.get(section.get("parent_id"))
        return section


def finding_row(doc_id: str, k: Mapping[str, Any], where: SectionFinder) -> Row:
    base = check_row(doc_id, k)
    evidence = k.get("evidence") or {}
    review = k.get("review") or {}
    section = where.at(min((s.get("start", 0) for s in k.get("spans") or []), default=None))
    return {
        **{c: base.get(c) for c in COLUMNS["findings"] if c in base},
        "section_id": section.get("id") if section else None,
        "section": " ".join(filter(None, (section.get("number"), section.get("title")))) if section else None,
        "evidence_basis": evidence.get("basis"), "evidence_reason": evidence.get("reason"),
        "review_by": review.get("by"), "review_at": review.get("at"),
    }


def csv_rows(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """CSV lines for `rows` (no header, no BOM): a document's share of a batch-wide table."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()


def document_csv(rows: Mapping[str, list[Row]]) -> dict[str, str]:
    """One document's CSV lines for every table, rendered where the document was parsed."""
    return {name: csv_rows(columns, rows.get(name, [])) for name, columns in COLUMNS.items()}


def csv_text(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """A whole CSV file: the BOM Excel needs to read UTF-8, the header, the rows."""
    return "\ufeff" + ",".join(columns) + "\r\n" + csv_rows(columns, rows)


def write_csvs(out_dir: Path, bodies: Mapping[str, Iterable[str]]) -> list[Path]:
    """Every table from its documents' CSV lines (in the order given), written atomically."""
    written = []
    for name, columns in COLUMNS.items():
        path = out_dir / f"{name}.csv"
        write_atomic(path, csv_text(columns, []) + "".join(bodies.get(name, [])))
        written.append(path)
    return written


def parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _arrow_column(values: list[Any]) -> Any:
    """A typed column when the values agree on a type, else text (e.g. `stated` is 3.7 or 翻一番)."""
    import pyarrow as pa

    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def write_parquet(out_dir: Path, tables: Mapping[str, list[Row]]) -> list[Path]:
    """The same tables as Parquet (needs pyarrow; check parquet_available() first), written atomically."""
    import os

    import pyarrow as pa
    import pyarrow.parquet as pq

    written = []
    for name, columns in COLUMNS.items():
        rows = tables.get(name, [])
        table = pa.table({c: _arrow_column([r.get(c) for r in rows]) for c in columns})
        path = out_dir / f"{name}.parquet"
        tmp = out_dir / f".{name}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, path)
        written.append(path)
    return written
