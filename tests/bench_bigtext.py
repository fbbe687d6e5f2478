"""50 MB of real text in one file: `gazette parse` must finish or refuse it in under 2 minutes with
a peak RSS of at most 2 GiB (issue #13). The file is the dev-set and corpus-dev texts concatenated
to SIZE_MB, built in a temporary folder; the run is a fresh process killed at LIMIT seconds.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .benchkit import FIXTURES, load, run_child

SIZE_MB = 50
LIMIT = 120.0


def make_text(dest: Path, size_mb: int = SIZE_MB) -> int:
    texts = [p.read_text(encoding="utf-8") for d in ("dev", "corpus-dev") for p in sorted((FIXTURES / d).glob("*.txt"))]
    block = "\n\n".join(texts)
    copies = size_mb * 1_000_000 // len(block.encode("utf-8")) + 1
    dest.write_text("\n\n".join([block] * copies), encoding="utf-8")
    return dest.stat().st_size


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        src = Path(tmp) / "big.txt"
        size = make_text(src)
        run = run_child([sys.executable, "-m", "pipeline", "parse", str(src), "-o", str(Path(tmp) / "big.json")],
                        timeout=LIMIT)
    verdict = ("killed at the limit" if run.returncode is None
               else "finished" if run.returncode == 0 else f"refused or failed (exit {run.returncode})")
    ok = run.returncode is not None and run.wall < LIMIT and run.max_rss_mb <= 2048
    print(f"{size / 1e6:.0f} MB of real text: {verdict} in {run.wall:.1f} s wall, {run.cpu:.1f} s CPU, "
          f"peak RSS {run.max_rss_mb:.0f} MB (target: finish or refuse < {LIMIT:.0f} s, <= 2048 MB): "
          f"{'OK' if ok else 'NOT MET'}; {load()}")


if __name__ == "__main__":
    main()
