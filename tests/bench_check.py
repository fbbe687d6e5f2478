"""Checker figures: coverage, errors caught and false alarms on the check fixtures (one
mutation per hand-listed relation), inconsistent verdicts on the real corpus-dev documents
(all clean originals: any is a false alarm), and the check stage's time."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import parse_file
from pipeline.check.checker import run_checks

from .test_check_coverage import CASES, Score, score_case

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DEV = ROOT.parent / "shared" / "corpus-dev"


def fixtures() -> None:
    total = Score()
    for stem in CASES:
        sc = score_case(stem)
        print(f"  {stem:24} relations {sc.relations:2}  covered {sc.covered:2}  caught {sc.caught:2}  "
              f"false alarms {len(sc.false_alarms)}")
        total.relations += sc.relations
        total.covered += sc.covered
        total.caught += sc.caught
        total.false_alarms += sc.false_alarms
        total.missed += sc.missed
    n = max(1, total.relations)
    print(f"fixtures: {total.relations} relations, coverage {100 * total.covered / n:.1f}%, "
          f"errors caught {100 * total.caught / n:.1f}%, false alarms {len(total.false_alarms)}")
    for m in total.missed + total.false_alarms:
        print("   ", m[:160])


def corpus_dev() -> None:
    if not CORPUS_DEV.is_dir():
        return
    files = sorted(p for p in CORPUS_DEV.iterdir() if p.suffix in (".txt", ".html"))
    checks = bad = 0
    elapsed = 0.0
    for path in files:
        doc = parse_file(path, until="claims")
        t0 = time.perf_counter()
        doc = run_checks(doc)
        elapsed += time.perf_counter() - t0
        judged = [c for c in doc.checks if c.kind == "check" and c.verdict != "unverifiable"]
        checks += len(judged)
        alarms = [c for c in doc.checks if c.verdict == "inconsistent"]
        bad += len(alarms)
        for c in alarms:
            print(f"    false alarm in {path.name}: {c.explanation[:140]}")
    print(f"corpus-dev: {len(files)} documents, {checks} relations judged, {bad} inconsistent "
          f"(false alarms), check stage {1000 * elapsed:.0f} ms in all")


def main() -> None:
    fixtures()
    corpus_dev()


if __name__ == "__main__":
    main()
