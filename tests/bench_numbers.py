"""Claims stage time on the sample, warm (jieba and the grammar already loaded): target ≤ 20 ms;
then the recall/precision audit (tests/audit_numbers.py) over corpus-dev: covered quantities / all
quantities the audit finds, and claims that read as names."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.api import parse_file
from pipeline.model import Document
from pipeline.numbers.claims import extract_claims
from tests.audit_numbers import audit_document

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"
CORPUS_DEV = Path(__file__).resolve().parent / "fixtures" / "corpus-dev"


def _time(doc: Document, repeat: int = 20) -> float:
    extract_claims(doc)  # warm-up: jieba dictionary, compiled patterns
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract_claims(doc)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    doc = parse_file(SAMPLE, until="tables")
    ms = _time(doc) * 1000
    print(f"claims stage, sample ({len(doc.text)} chars): {ms:.1f} ms warm, {len(doc.claims)} claims (target <= 20 ms)")
    if CORPUS_DEV.is_dir():
        total_chars = total_ms = 0.0
        n = quantities = covered = suspects = 0
        for path in sorted(CORPUS_DEV.glob("*.txt")):
            d = parse_file(path, until="tables")
            ms = _time(d, repeat=3) * 1000
            audit = audit_document(d, str(path))
            quantities, covered, suspects = (quantities + audit.quantities, covered + audit.covered,
                                             suspects + len(audit.suspects))
            if not path.name.startswith("0"):
                continue  # speed over the long reports and plans only, as before
            total_ms += ms
            total_chars += len(d.text)
            n += len(d.claims)
        print(f"audit, corpus-dev: recall {covered}/{quantities} = {covered / max(quantities, 1):.3f} "
              f"stated quantities inside a claim; {suspects} claims read as names")
        print(f"claims stage, corpus-dev work reports and plans: {total_ms:.0f} ms for {total_chars / 1000:.0f}k chars, "
              f"{n} claims ({total_chars / total_ms:.0f} chars/ms)")


if __name__ == "__main__":
    main()
