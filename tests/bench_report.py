"""`make bench`: time the HTML report on every corpus document (parsing is not timed)."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.api import parse_file
from pipeline.errors import GazetteError
from pipeline.export.report import render_report

ROOT = Path(__file__).resolve().parents[1]
DIRS = [ROOT / "corpus", ROOT / "tests" / "fixtures" / "corpus-dev"]
SUFFIXES = {".txt", ".md", ".html", ".pdf", ".docx"}


def main() -> None:
    files = [p for d in DIRS if d.is_dir() for p in sorted(d.iterdir())
             if p.suffix in SUFFIXES and p.name != "SOURCES.md"]
    total_chars = total_s = 0.0
    print(f"{'document':48} {'chars':>7} {'figures':>7} {'checks':>6} {'ms':>7} {'KB':>6}")
    for path in files:
        try:
            doc = parse_file(path)
        except GazetteError:
            continue
        start = time.perf_counter()
        html = render_report(doc)
        elapsed = time.perf_counter() - start
        total_chars += len(doc.text)
        total_s += elapsed
        print(f"{path.name[:48]:48} {len(doc.text):7} {len(doc.claims):7} {len(doc.checks):6} "
              f"{elapsed * 1000:7.1f} {len(html.encode()) / 1024:6.0f}")
    if total_s:
        print(f"render speed: {total_chars / total_s / 1000:.0f} k chars/s over {total_chars:.0f} chars")


if __name__ == "__main__":
    main()
