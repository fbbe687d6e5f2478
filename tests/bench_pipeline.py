"""Per-stage timings of the whole pipeline on each corpus document (warm, best of N)."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.api import STAGES
from pipeline.ingest import read_path
from pipeline.normalize import normalize
from pipeline.provenance import attach_boxes

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5


def _time_once(path: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    raw = read_path(path)
    times["ingest"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = normalize(raw)
    times["normalise"] = time.perf_counter() - t0
    for name, stage in STAGES:
        t0 = time.perf_counter()
        doc = stage(doc)
        times[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    attach_boxes(doc, doc._boxes)
    times["provenance"] = time.perf_counter() - t0
    return times


def main() -> None:
    files = sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file())
    for path in files:
        _time_once(path)  # warm-up: lazy loads (jieba, patterns) happen here
        runs = [_time_once(path) for _ in range(REPEAT)]
        best = {k: min(r[k] for r in runs) for k in runs[0]}
        total = sum(best.values())
        chars = len(path.read_text(encoding="utf-8", errors="replace"))
        stages = "  ".join(f"{k} {v * 1000:.1f}ms" for k, v in best.items())
        print(f"{path.name}: {chars} chars, total {total * 1000:.1f} ms warm (best of {REPEAT})\n    {stages}")


if __name__ == "__main__":
    main()
