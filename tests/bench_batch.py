"""Batch throughput: 100 documents with 1 worker and with 2 in interleaved pairs, the speed-up per
pair (median, min–max) with the load average, and worker memory.

Variants of the sample and of the corpus-dev texts (tests/fixtures/corpus-dev) (each with a distinct closing line, so no
two inputs share a hash) are generated into a temporary folder. Each run is a fresh process
(as `gazette batch` would be: interpreter, forkserver and worker start-up, exports and index
included) with resume off. `make bench` runs main().
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline.batch import BatchOptions, BatchResult, run_batch

from .benchkit import load, spread

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt",
           *sorted((ROOT / "tests" / "fixtures" / "corpus-dev").glob("*.txt"))]
N_DOCS = 100
PAIRS = 3


def make_corpus(folder: Path, n: int = N_DOCS) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"variant-{i:03d}.txt"
        path.write_text(texts[i % len(texts)] + f"\n(第{i}份)\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(inp: Path, out: Path, jobs: int) -> dict[str, Any]:
    """One cold batch in a fresh interpreter; returns its figures."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "tests.bench_batch", "--run", str(inp), str(out), str(jobs)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    figures["wall"] = time.perf_counter() - started
    return figures


def _run(inp: str, out: str, jobs: str) -> None:
    result: BatchResult = run_batch([Path(inp)], BatchOptions(out_dir=Path(out), jobs=int(jobs), resume=False, stall={}))
    print(json.dumps({
        "ok": result.statuses.get("ok", 0),
        "busy": sum(o.seconds for o in result.outcomes),
        "peak_worker_mb": max((o.worker_maxrss_kb or 0) for o in result.outcomes) / 1024,
        "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        inp = Path(tmp) / "in"
        paths = make_corpus(inp)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{len(paths)} documents, {size_mb:.1f} MB, from {len(SOURCES)} sources; {load()} before")
        runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for i in range(PAIRS):
            for jobs in ((1, 2) if i % 2 == 0 else (2, 1)):
                runs[jobs].append(timed(inp, Path(tmp) / f"out{jobs}-{i}", jobs))
        for jobs, fs in runs.items():
            print(f"jobs={jobs}: wall {spread([f['wall'] for f in fs], ' s', digits=2)}  "
                  f"{spread([len(paths) / f['wall'] for f in fs], ' doc/s', digits=1)}  ok {fs[-1]['ok']}  "
                  f"worker busy {spread([f['busy'] for f in fs], ' s', digits=2)}  "
                  f"peak RSS per worker {max(f['peak_worker_mb'] for f in fs):.0f} MB  "
                  f"parent {max(f['parent_mb'] for f in fs):.0f} MB")
        ratios = [a["wall"] / b["wall"] for a, b in zip(runs[1], runs[2], strict=True)]
        print(f"speed-up 2 vs 1 workers per pair: {spread(ratios, 'x', digits=2)}; {load()} after "
              "(other processes on the cores lower it; compare worker busy)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        _run(*sys.argv[2:5])
    else:
        main()
