"""Checker figures: coverage, errors caught and false alarms on the check fixtures (one
mutation per hand-listed relation) and on the hand-annotated excerpts of real documents
(tests/fixtures/check/real/); inconsistent verdicts on the real corpus-dev documents (all clean
originals: any is a false alarm); an error-injection run that mutates up to MUTANTS random
figures of each corpus-dev document that no judged check uses (a new inconsistent verdict is a
false alarm caused elsewhere); and the check stage's time, alone and on a 16× concatenation of a corpus plan (linearity).

`python -m tests.bench_check [MUTANTS]` (default 50; 0 skips the injection run, ~1 min on 2 cores).
"""

from __future__ import annotations

import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline import parse_file, parse_text
from pipeline.check.checker import run_checks
from pipeline.check.figures import DIGITS_RE
from pipeline.model import ClaimKind, Document

from .test_check_coverage import CASES, FIXTURES, Score, score_case
from .test_check_real import REAL

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DEV = ROOT / "tests" / "fixtures" / "corpus-dev"
SCALING_DOC = ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"
SCALE = 16
MUTANTS = 50


def _scores(title: str, folder: Path, stems: list[str]) -> None:
    total = Score()
    for stem in stems:
        sc = score_case(stem, folder)
        print(f"  {stem:26} relations {sc.relations:2}  covered {sc.covered:2}  caught {sc.caught:2}  "
              f"not checkable {sc.not_checkable:2}  false alarms {len(sc.false_alarms)}")
        total.add(sc)
    n = max(1, total.relations)
    print(f"{title}: {total.relations} checkable relations (+{total.not_checkable} annotated not checkable), "
          f"coverage {100 * total.covered / n:.1f}%, errors caught {100 * total.caught / n:.1f}%, "
          f"false alarms {len(total.false_alarms)}")
    for m in total.missed + total.false_alarms:
        print("   ", m[:160])


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS_DEV.iterdir() if p.suffix in (".txt", ".html")) if CORPUS_DEV.is_dir() else []


def corpus_dev() -> None:
    files = corpus_files()
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


def check_seconds(text: str, repeat: int = 3) -> float:
    """CPU time of the checks stage alone (best of `repeat`; the machine may be shared) on a
    document parsed up to its claims."""
    doc = parse_text(text, until="claims")
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        run_checks(doc)
        best = min(best, time.process_time() - t0)
    return best


def scaling() -> None:
    """The checks stage must stay linear: a SCALE× concatenation of a corpus plan may take at
    most SCALE + 1 times its 1× time."""
    text = SCALING_DOC.read_text("utf-8")
    one = check_seconds(text, repeat=7)
    many = check_seconds("\n".join([text] * SCALE))
    print(f"checks stage on {SCALING_DOC.name}: 1× {1000 * one:.0f} ms, {SCALE}× {1000 * many:.0f} ms, "
          f"ratio {many / one:.1f}× (target ≤ {SCALE + 1}×)")


def mutate(raw: str) -> str:
    """The leading digit moved by 4 (5.5 → 9.5, 7 → 3): beyond any rounding."""
    d = int(raw[0])
    return str(d + 4 if d <= 5 else d - 4) + raw[1:]


def unused_figures(doc: Document) -> list[tuple[int, int]]:
    """[start, end) of the printed digits of every claim no judged check uses."""
    judged = [c for c in doc.checks if c.verdict != "unverifiable"]
    used_ids = {i for c in judged for i in c.claim_ids}
    used = [(s.start, s.end) for c in judged for s in c.spans]
    out = []
    for cl in doc.claims:
        m = DIGITS_RE.match(cl.raw)
        if m is None or cl.kind in (ClaimKind.YEAR, ClaimKind.DATE) or cl.id in used_ids:
            continue
        lo, hi = cl.span.start, cl.span.start + m.end()
        if not any(a < hi and lo < b for a, b in used):
            out.append((lo, hi))
    return out


def _inject(path: Path, n: int) -> tuple[str, int, int, list[str]]:
    text = path.read_text("utf-8")
    doc = parse_text(text, name=path.name)
    figures = unused_figures(doc)
    picked = random.Random(path.name).sample(figures, min(n, len(figures)))
    alarms: list[str] = []
    for lo, hi in picked:
        raw = doc.text[lo:hi]
        bad = [c for c in parse_text(text[:lo] + mutate(raw) + text[hi:], name=path.name).checks
               if c.verdict == "inconsistent"]
        alarms += [f"{raw}→{mutate(raw)} at {lo}: {c.explanation[:120]}" for c in bad]
    return path.name, len(picked), len(alarms), alarms


def injection(n: int) -> None:
    files = [p for p in corpus_files() if p.suffix == ".txt"]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_inject, files, [n] * len(files)))
    mutants = sum(r[1] for r in results)
    alarms = sum(r[2] for r in results)
    for name, count, bad, lines in results:
        print(f"  {name[:40]:40} mutated {count:3}  new inconsistent {bad}")
        for line in lines[:5]:
            print("     ", line)
    print(f"injection: {mutants} figures no judged check uses, mutated one at a time: {alarms} new inconsistent "
          f"verdicts (false alarms) in {time.perf_counter() - t0:.0f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else MUTANTS
    scaling()
    _scores("fixtures", FIXTURES, CASES)
    _scores("real excerpts", REAL, sorted(p.stem for p in REAL.glob("*.txt")))
    bulletins = REAL.parent / "realbulletin"
    _scores("real bulletin excerpts", bulletins, sorted(p.stem for p in bulletins.glob("*.txt")))
    corpus_dev()
    if n:
        injection(n)


if __name__ == "__main__":
    main()
