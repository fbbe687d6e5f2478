"""Batch throughput: 200 documents with 1 worker and with 2, the speed-up, and worker memory.

Variants of the sample and of the corpus-dev texts (each with a distinct closing line, so no
two inputs share a hash) are generated into a temporary folder; both runs start cold (no
resume) and include worker start-up, exports and the index. `make bench` runs main().
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.batch import BatchOptions, BatchResult, run_batch

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt", *sorted((ROOT.parent / "shared" / "corpus-dev").glob("*.txt"))]
N_DOCS = 200


def make_corpus(folder: Path, n: int = N_DOCS) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"variant-{i:03d}.txt"
        path.write_text(texts[i % len(texts)] + f"\n(第{i}份)\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(inp: Path, out: Path, jobs: int) -> tuple[float, BatchResult]:
    started = time.perf_counter()
    result = run_batch([inp], BatchOptions(out_dir=out, jobs=jobs, resume=False, stall={}))
    return time.perf_counter() - started, result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        inp = Path(tmp) / "in"
        paths = make_corpus(inp)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{len(paths)} documents, {size_mb:.1f} MB, from {len(SOURCES)} sources")
        t1, r1 = timed(inp, Path(tmp) / "out1", 1)
        t2, r2 = timed(inp, Path(tmp) / "out2", 2)
        for jobs, t, r in ((1, t1, r1), (2, t2, r2)):
            peak = max((o.worker_maxrss_kb or 0) for o in r.outcomes) / 1024
            busy = sum(o.seconds for o in r.outcomes)
            print(f"jobs={jobs}: {t:6.2f} s  {len(paths) / t:6.1f} doc/s  ok {r.statuses.get('ok', 0)}  "
                  f"worker busy {busy:.2f} s  peak RSS per worker {peak:.0f} MB")
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"speed-up 2 vs 1 workers: {t1 / t2:.2f}x   (parent peak RSS {parent:.0f} MB)")


if __name__ == "__main__":
    main()
    sys.exit(0)
