"""Limits (issue #13): oversized inputs are refused fast and in little memory; the largest text
accepted by default finishes in bounded time and memory.

Each case runs `gazette parse` in a fresh process; wall time and that process's peak RSS are
printed against the targets: 50 MB of real text finishes or is refused in < 120 s with peak RSS
≤ 2 GiB; a DOCX of ~1 MB on disk holding 200 MB of XML is refused in < 5 s.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from pipeline.limits import CHARS

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev"
DOCX = ROOT / "tests" / "fixtures" / "formats" / "notice12.docx"
GIB = 1024**3


def _real_text(chars: int) -> str:
    """Real development documents, repeated until `chars` characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    block = "\n".join(texts)
    return (block * (chars // len(block) + 1))[:chars]


def _bomb_docx(xml_bytes: int) -> bytes:
    """A real DOCX whose body repeats one paragraph until document.xml has `xml_bytes`."""
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start, end = text.index("<w:body>") + len("<w:body>"), text.rindex("<w:sectPr")
                para = "<w:p><w:r><w:t>全区生产总值达到829.92亿元,年均增长8.0%。</w:t></w:r></w:p>"
                data = (text[:start] + para * (xml_bytes // len(para.encode())) + text[end:]).encode("utf-8")
            dst.writestr(info.filename, data)
    return out.getvalue()


def _run(path: Path, *flags: str) -> tuple[float, int, str]:
    """Seconds, peak RSS in bytes and the last stderr line of `gazette parse PATH`."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "parse", str(path), "-o", str(path.with_suffix(".out.json")), "--force", *flags],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped by wait4
    seconds = time.perf_counter() - started
    lines = err.strip().splitlines()
    return seconds, usage.ru_maxrss * 1024, lines[-1] if lines else ""


def _show(label: str, seconds: float, rss: int, said: str, max_seconds: float) -> None:
    ok = seconds < max_seconds and rss <= 2 * GIB
    print(f"{label:<44} {seconds:6.1f} s  peak RSS {rss / 2**20:7.0f} MB  "
          f"[{'ok' if ok else 'OVER'}: < {max_seconds:g} s, ≤ 2048 MB]  {said[:110]}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-limits-") as tmp:
        folder = Path(tmp)
        big = folder / "50mb.txt"
        sample = _real_text(100_000)
        per_char = len(sample.encode("utf-8")) / len(sample)
        text = _real_text(int(52 * 2**20 / per_char))  # a little over 50 MB
        big.write_text(text, encoding="utf-8")
        size = big.stat().st_size / 2**20
        _show(f"{size:.0f} MB of real text", *_run(big), max_seconds=120)
        largest = folder / "largest.txt"
        largest.write_text(text[: CHARS.default], encoding="utf-8")
        _show(f"largest accepted text ({CHARS.default:,} chars)", *_run(largest), max_seconds=120)
        bomb = folder / "bomb.docx"
        bomb.write_bytes(_bomb_docx(200 * 2**20))
        _show(f"DOCX {bomb.stat().st_size / 2**20:.1f} MB holding 200 MB of XML", *_run(bomb), max_seconds=5)


if __name__ == "__main__":
    main()
