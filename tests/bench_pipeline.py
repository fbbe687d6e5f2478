"""Warm throughput over the dev set and each stage's share of it; the cold start of one `gazette parse`.

- Warm: `parse_text` on every tests/fixtures/dev/*.txt, then the JSON the CLI writes
  (`document_json`: dump + span check), ROUNDS whole runs over the set after a warm-up;
  characters/s of wall and of CPU time (the pipeline is single-threaded; on a shared machine the wall
  figure mostly measures the other processes) as medians with min–max. Target ≥ 1,000,000 characters/s.
- Stage shares: the same runs with every stage timed, so the shares add up to the whole.
- Cold: `gazette parse` of the sample in a fresh interpreter (imports, lazy loads, parse, validation,
  write), COLD_RUNS times: wall and CPU medians. Target ≤ 0.6 s wall, ≤ 0.5 s CPU.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pipeline import parse_text
from pipeline.api import STAGES
from pipeline.export.json_out import document_json
from pipeline.ingest.text import clean_decoded
from pipeline.normalize import normalize

from .benchkit import FIXTURES, ROOT, load, run_child, spread

DEV = sorted((FIXTURES / "dev").glob("*.txt"))
SAMPLE = ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"
ROUNDS = 5
COLD_RUNS = 7


def _whole_run(texts: list[str]) -> None:
    for text in texts:
        document_json(parse_text(text))


def _stage_times(texts: list[str]) -> dict[str, float]:
    """One run over the set with each stage timed (ingest of a string, normalise, stages, export)."""
    from pipeline.ingest import RawDocument
    from pipeline.model import Source, SourceFormat
    from pipeline.provenance import attach_boxes

    times: dict[str, float] = defaultdict(float)
    for text in texts:
        t = time.perf_counter()
        cleaned, warnings = clean_decoded(text)
        source = Source(path=None, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), format=SourceFormat.TXT, encoding=None, engine="string",
                        size_bytes=len(text))
        raw = RawDocument(text=cleaned, source=source, warnings=warnings)
        times["ingest"] += time.perf_counter() - t
        t = time.perf_counter()
        doc = normalize(raw)
        times["normalise"] += time.perf_counter() - t
        for name, stage in STAGES:
            t = time.perf_counter()
            doc = stage(doc)
            times[name] += time.perf_counter() - t
        t = time.perf_counter()
        doc = attach_boxes(doc, doc._boxes)
        document_json(doc)
        times["export"] += time.perf_counter() - t
    return times


def warm() -> None:
    texts = [p.read_text(encoding="utf-8") for p in DEV]
    chars = sum(len(t) for t in texts)
    _whole_run(texts)  # warm-up: lazy loads (jieba, patterns) happen here
    runs, cpu = [], []
    for _ in range(ROUNDS):
        t, c = time.perf_counter(), time.process_time()
        _whole_run(texts)
        runs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"warm parse_text + JSON export, {len(texts)} dev documents, {chars} chars, {ROUNDS} runs: "
          f"{spread([chars / r for r in runs], digits=0)} chars/s wall, "
          f"{spread([chars / r for r in cpu], digits=0)} chars/s of CPU time (target >= 1,000,000); {load()}")
    shares: dict[str, list[float]] = defaultdict(list)
    for _ in range(3):
        times = _stage_times(texts)
        total = sum(times.values())
        for name, t in times.items():
            shares[name].append(t / total)
    print("  share of the whole run: " + "  ".join(f"{k} {spread(v, '%', 100, 0)}" for k, v in shares.items()))


def cold() -> None:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        args = [sys.executable, "-m", "pipeline", "parse", str(SAMPLE), "-o", str(Path(tmp) / "out.json")]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: byte code cached
        run_child(args, env=env)  # writes the byte code, builds the jieba store once
        runs = [run_child(args, env=env) for _ in range(COLD_RUNS)]
    failed = [r.returncode for r in runs if r.returncode != 0]
    print(f"cold `gazette parse` of the sample, {COLD_RUNS} runs: wall {spread([r.wall for r in runs], ' s')} "
          f"(target <= 0.6 s), CPU {spread([r.cpu for r in runs], ' s')} (target <= 0.5 s), "
          f"peak RSS {spread([r.max_rss_mb for r in runs], ' MB', digits=0)}; {load()}"
          + (f"; FAILED exit codes {failed}" if failed else ""))


def main() -> None:
    cold()
    warm()


if __name__ == "__main__":
    main()
