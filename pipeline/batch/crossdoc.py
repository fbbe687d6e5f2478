"""Cross-document checks: one indicator, one year, one unit, different values in two documents
of the same jurisdiction (two districts' plans may state different 人均公园绿地面积 for 2025 with
no contradiction; the metadata stage reads `jurisdiction` from the issuer or title).

Works on indicator-table rows (base and target cells). Names are compared after folding what
documents vary in without changing meaning (width, spaces, a unit or note in brackets, footnote
marks). Two printed values agree when their rounding intervals overlap (`829.9` and `829.92`
agree; `829.92` and `830.5` do not), as in DESIGN §3. Targets are compared only with targets of
the same relation (a `>=` goal is not a level).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..export.csv_out import Row

RULE = "cross_document"
_BRACKETED = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_NOISE = re.compile(r"[\s*※△▲☆★#①-⑳\d、.,;:\"“”'‘’]+$|^[\s\d、.]+|[\s\u3000]")


def normalize_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = _BRACKETED.sub("", text)
    return _NOISE.sub("", text)


def _interval(value: float, decimals: int | None) -> tuple[float, float]:
    half = 0.5 * 10 ** -(decimals or 0)
    return value - half, value + half


def _observations(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, ...], list[Row]]:
    groups: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for r in rows:
        name = normalize_name(str(r.get("indicator") or ""))
        unit = unicodedata.normalize("NFKC", str(r.get("unit") or "")).strip()
        if not name:
            continue
        for side in ("base", "target"):
            value, year = r.get(f"{side}_value"), r.get(f"{side}_year")
            if value is None or year is None:
                continue
            if side == "target" and r.get("target_kind") not in (None, "level"):
                continue
            relation = "=" if side == "base" else str(r.get("target_relation") or "=")
            key = (str(r.get("jurisdiction") or ""), name, str(year), unit, relation)
            groups[key].append({"doc_id": r["doc_id"], "value": float(value), "decimals": r.get(f"{side}_decimals"),
                                "raw": r.get(f"{side}_raw") or value, "start": r.get("start"), "end": r.get("end")})
    return groups


def _agree(a: list[Row], b: list[Row]) -> bool:
    """Two documents agree when some value of one fits some value of the other after rounding.

    A document may state one indicator twice (a district and a sub-area table); that is its own
    affair, so only documents with no value in common are in conflict."""
    for x in a:
        lo_x, hi_x = _interval(x["value"], x["decimals"])
        for y in b:
            lo_y, hi_y = _interval(y["value"], y["decimals"])
            if lo_x <= hi_y and lo_y <= hi_x:
                return True
    return False


def cross_document_checks(indicator_rows: Iterable[Mapping[str, Any]]) -> list[Row]:
    """checks.csv rows, one per (indicator, year, unit, relation) on which documents disagree."""
    checks: list[Row] = []
    for (place, name, year, unit, relation), obs in sorted(_observations(indicator_rows).items()):
        by_doc: dict[str, list[Row]] = defaultdict(list)
        for o in obs:
            by_doc[o["doc_id"]].append(o)
        docs = sorted(by_doc)
        pairs = [(a, b) for i, a in enumerate(docs) for b in docs[i + 1 :] if not _agree(by_doc[a], by_doc[b])]
        if not pairs:
            continue
        involved = sorted({d for pair in pairs for d in pair})
        shown = [o for d in involved for o in by_doc[d]]
        stated = "; ".join(f"{o['doc_id']}: {o['raw']}" for o in shown)
        relation_word = "" if relation == "=" else f" {relation}"
        checks.append({
            "doc_id": ";".join(involved),
            "check_id": f"X{len(checks) + 1}",
            "rule": RULE, "kind": "check", "verdict": "inconsistent", "severity": "major",
            "stated": stated,
            "explanation": f"{place + ' ' if place else ''}{name} ({year}{', ' + unit if unit else ''}){relation_word} "
            f"is stated as {stated}: "
            f"{len(pairs)} pair(s) of documents have no value in common after rounding",
            "spans": ";".join(f"{o['doc_id']}:{o['start']}-{o['end']}" for o in shown),
        })
    return checks
