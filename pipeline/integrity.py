"""What the JSON Schema cannot say about a document, checked on its JSON data.

Every span lies inside `text` with start ≤ end (E201); ids are unique per kind and every
reference resolves — a section's `parent_id` (without cycles), `section_id`, `table_id`, a
check's `claim_ids` and its evidence figures' `claim_id` (E205); every number is finite, since
Python's json reads NaN and Infinity that no other reader accepts (E205); `source.sha256` is 64
lowercase hex digits (E205). Linear in the size of the JSON.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from .errors import Code, ContractError
from .schema import validate_json

Problem = tuple[Code, str]
SPAN_KEYS = ("span", "body_span")  # a Span object; under "spans", a list or a dict of them
_SHA256 = re.compile(r"[0-9a-f]{64}")
SHOWN = 3  # problems spelled out in an error; the count says how many more


def validate_document(data: Any) -> None:
    """ContractError unless `data` fits the schema (E202/E203) and every rule below (E201/E205)."""
    validate_json(data)
    found = problems(data)
    if found:
        shown = "; ".join(text for _, text in found[:SHOWN])
        more = f" (and {len(found) - SHOWN} more)" if len(found) > SHOWN else ""
        raise ContractError(found[0][0], f"{len(found)} problem{'s' if len(found) > 1 else ''}: {shown}{more}")


def problems(data: dict[str, Any]) -> list[Problem]:
    """Every problem found, in document order of the checks above; [] for a sound document."""
    found = list(_span_problems(data))
    found += _id_problems(data)
    found += [(Code.INTEGRITY, f"{where}: {value} is not a finite number") for where, value in _non_finite(data, "")]
    sha = (data.get("source") or {}).get("sha256")
    if not (isinstance(sha, str) and _SHA256.fullmatch(sha)):
        found.append((Code.INTEGRITY, f"source.sha256: {str(sha)[:80]!r} is not 64 lowercase hex digits"))
    return found


def _spans(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    """(location, span) for every span in the data, iteratively (documents can be large)."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, list):
            stack.extend((v, f"{at}[{i}]") for i, v in enumerate(item))
        elif isinstance(item, dict):
            for key, v in item.items():
                if key in SPAN_KEYS and isinstance(v, dict):
                    yield f"{at}.{key}".lstrip("."), v
                elif key == "spans" and isinstance(v, (list, dict)):
                    pairs = v.items() if isinstance(v, dict) else enumerate(v)
                    yield from ((f"{at}.spans[{k!r}]".lstrip("."), s) for k, s in pairs)
                else:
                    stack.append((v, f"{at}.{key}"))


def _span_problems(data: dict[str, Any]) -> Iterator[Problem]:
    n = len(data.get("text") or "")
    ranges = list(_spans({k: v for k, v in data.items() if k != "provenance"}, ""))
    ranges += [(f"provenance[{i}]", p) for i, p in enumerate(data.get("provenance") or [])]
    for where, span in ranges:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            yield Code.SPAN_OUT_OF_RANGE, f"{where}: [{start}, {end}) in a text of {n} characters"


def _unique_ids(items: list[Any], kind: str) -> tuple[set[str], list[Problem]]:
    seen: set[str] = set()
    found: list[Problem] = []
    for i, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        if ident in seen:
            found.append((Code.INTEGRITY, f"{kind}[{i}].id {ident!r} repeats"))
        if isinstance(ident, str):
            seen.add(ident)
    return seen, found


def _dangling(items: list[Any], kind: str, field: str, known: set[str], target: str) -> list[Problem]:
    return [
        (Code.INTEGRITY, f"{kind}[{i}].{field} {ref!r} names no {target}")
        for i, item in enumerate(items)
        if isinstance(item, dict) and (ref := item.get(field)) is not None and ref not in known
    ]


def _id_problems(data: dict[str, Any]) -> list[Problem]:
    lists = {kind: data.get(kind) or [] for kind in ("sections", "tables", "claims", "checks")}
    ids: dict[str, set[str]] = {}
    found: list[Problem] = []
    for kind, items in lists.items():
        ids[kind], repeated = _unique_ids(items, kind)
        found += repeated
    found += _dangling(lists["sections"], "sections", "parent_id", ids["sections"], "section")
    found += _parent_cycles(lists["sections"])
    for kind in ("tables", "claims"):
        found += _dangling(lists[kind], kind, "section_id", ids["sections"], "section")
    found += _dangling(lists["claims"], "claims", "table_id", ids["tables"], "table")
    for i, check in enumerate(lists["checks"]):
        if not isinstance(check, dict):
            continue
        refs = [(f"checks[{i}].claim_ids", r) for r in check.get("claim_ids") or []]
        figures = (check.get("evidence") or {}).get("figures") or []
        refs += [(f"checks[{i}].evidence.figures[{j}].claim_id", f.get("claim_id")) for j, f in enumerate(figures) if isinstance(f, dict)]
        found += [(Code.INTEGRITY, f"{where} {ref!r} names no claim") for where, ref in refs if ref is not None and ref not in ids["claims"]]
    return found


def _parent_cycles(sections: list[Any]) -> list[Problem]:
    """Sections whose parent chain comes back to itself; each section is walked once."""
    parent = {s["id"]: s.get("parent_id") for s in sections if isinstance(s, dict) and isinstance(s.get("id"), str)}
    settled: set[str] = set()
    found: list[Problem] = []
    for start in parent:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in parent and node not in settled:
            if node in on_path:
                found.append((Code.INTEGRITY, f"section {node!r} is its own ancestor (parent_id cycle)"))
                break
            path.append(node)
            on_path.add(node)
            node = parent[node]
        settled.update(path)
    return found


def _non_finite(value: Any, where: str) -> Iterator[tuple[str, float]]:
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            yield at.lstrip(".") or "(root)", item
        elif isinstance(item, list):
            stack.extend((v, f"{at}[{i}]") for i, v in enumerate(item))
        elif isinstance(item, dict):
            stack.extend((v, f"{at}.{k}") for k, v in item.items())
