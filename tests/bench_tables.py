"""Time the tables stage on the corpus-dev plans and the sample: `python -m tests.bench_tables`."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import parse_file
from pipeline.structure.tables import extract_tables

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt",
    ROOT.parent / "shared" / "corpus-dev" / "07_changning-shiwuwu-guihua-gangyao.txt",
    ROOT.parent / "shared" / "corpus-dev" / "08_putuo-lvhua-shirong-shiwuwu-guihua.txt",
]


def main() -> None:
    for path in FILES:
        if not path.exists():
            continue
        doc = parse_file(path, until="sections")
        grids = list(doc.tables)
        runs = 20
        t0 = time.perf_counter()
        for _ in range(runs):
            doc.tables = list(grids)
            out = extract_tables(doc.model_copy())
        ms = (time.perf_counter() - t0) * 1000 / runs
        cells = sum(len(r.cells) for t in out.tables for r in t.rows)
        chars = len(doc.text)
        print(f"{path.name[:40]:40} {len(out.tables)} tables {cells:4} cells {ms:7.1f} ms/doc {chars / ms:8.0f} chars/ms")


if __name__ == "__main__":
    main()
