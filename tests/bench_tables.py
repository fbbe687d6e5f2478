"""Time the tables stage on the corpus-dev plans and the sample, and print the cell accuracy over
every table fixture with expected rows: `python -m tests.bench_tables`."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pipeline import parse_file
from pipeline.structure.tables import extract_tables

from .test_tables_accuracy import score_all
from .test_tables_lists import LISTS, score_list

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt",
    ROOT / "tests" / "fixtures" / "corpus-dev" / "07_changning-shiwuwu-guihua-gangyao.txt",
    ROOT / "tests" / "fixtures" / "corpus-dev" / "08_putuo-lvhua-shirong-shiwuwu-guihua.txt",
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
    with tempfile.TemporaryDirectory() as tmp:
        total, per = score_all(Path(tmp))
    for name, score in per.items():
        print(f"{name[:40]:40} {score.right:4}/{score.total:<4} cells right {score.accuracy:7.2%}")
    print(f"{'all table fixtures':40} {total.right:4}/{total.total:<4} cells right {total.accuracy:7.2%}")
    for miss in total.misses:
        print("  miss:", miss)
    for path in LISTS:  # project and task lists (generic tables): every cell of every row
        right, cells, misses = score_list(path)
        print(f"{'list ' + path.stem:40.40} {right:4}/{cells:<4} cells right {right / cells:7.2%}")
        for miss in misses:
            print("  miss:", miss)


if __name__ == "__main__":
    main()
