"""Timings of the metadata and sections stages on the sample and every corpus-dev text (warm, best of N)."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.ingest import read_path
from pipeline.normalize import normalize
from pipeline.structure.metadata import extract_metadata
from pipeline.structure.sections import extract_sections

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "corpus-dev"
REPEAT = 5


def _best(path: Path) -> tuple[int, int, float, float]:
    base = normalize(read_path(path))
    best_md = best_sec = float("inf")
    sections = 0
    for _ in range(REPEAT):
        doc = base.model_copy(deep=True)
        t0 = time.perf_counter()
        doc = extract_metadata(doc)
        t1 = time.perf_counter()
        doc = extract_sections(doc)
        t2 = time.perf_counter()
        best_md, best_sec = min(best_md, t1 - t0), min(best_sec, t2 - t1)
        sections = len(doc.sections)
    return len(base.text), sections, best_md, best_sec


def main() -> None:
    paths = [ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt", *sorted(DEV.glob("*.txt"))]
    total_chars = 0
    total_time = 0.0
    print(f"{'file':44} {'chars':>7} {'sections':>8} {'metadata ms':>11} {'sections ms':>11}")
    for path in paths:
        if not path.exists():
            continue
        chars, n, t_md, t_sec = _best(path)
        total_chars += chars
        total_time += t_md + t_sec
        print(f"{path.name[:44]:44} {chars:7d} {n:8d} {t_md * 1000:11.2f} {t_sec * 1000:11.2f}")
    if total_time:
        print(f"metadata+sections: {total_chars / total_time / 1e6:.2f} M chars/s over {total_chars} chars")


if __name__ == "__main__":
    main()
