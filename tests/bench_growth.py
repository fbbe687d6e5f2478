"""Growth of the whole run (parse_text + JSON export) on adversarial inputs at 10k, 100k and 1M
characters (tests/adversarial.py): the exponent k of t ∝ n^k between sizes; target ≤ 1.15 for every
shape. t is the CPU time of the run (the pipeline is single-threaded; on a shared machine wall time
mostly measures the other processes), wall time is printed beside it. Each size runs in a fresh
process with a time limit, so one slow shape cannot hang the bench.

`python -m tests.bench_growth [SHAPE…] [--sizes 10000,100000]`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from .adversarial import SHAPES
from .benchkit import ROOT, growth_exponent, load

SIZES = (10_000, 100_000, 1_000_000)
LIMIT = 600.0  # wall seconds per input (a shared machine stretches wall time)
REPEATS = {10_000: 5, 100_000: 3}  # small inputs: the median of a few runs


def _one(shape: str, n: int) -> None:
    """In the child: build the input, warm up on a small one, time the run, print JSON."""
    from pipeline import parse_text
    from pipeline.export.json_out import document_json

    document_json(parse_text(SHAPES[shape](1000)))
    text = SHAPES[shape](n)
    cpu, wall = [], []
    for _ in range(REPEATS.get(n, 1)):
        start, start_cpu = time.perf_counter(), time.process_time()
        document_json(parse_text(text))
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    print(json.dumps({"chars": len(text), "cpu": statistics.median(cpu), "wall": statistics.median(wall)}))


def measure(shape: str, n: int) -> tuple[int, float, float] | None:
    try:
        proc = subprocess.run([sys.executable, "-m", "tests.bench_growth", "--one", shape, str(n)], cwd=ROOT,
                              capture_output=True, text=True, timeout=LIMIT, check=True)
    except subprocess.TimeoutExpired:
        return None
    got = json.loads(proc.stdout.splitlines()[-1])
    return int(got["chars"]), float(got["cpu"]), float(got["wall"])


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    sizes = SIZES
    if "--sizes" in args:
        i = args.index("--sizes")
        sizes = tuple(int(x) for x in args[i + 1].split(","))
        del args[i : i + 2]
    shapes = [a for a in args if a in SHAPES] or list(SHAPES)
    print(f"adversarial inputs, whole run with export, sizes {', '.join(f'{n:,}' for n in sizes)} chars; "
          f"exponent k of CPU time t ∝ n^k (target <= 1.15); {load()}")
    worst = 0.0
    for shape in shapes:
        points: list[tuple[int, float]] = []
        cells = []
        for n in sizes:
            got = measure(shape, n)
            if got is None:
                cells.append(f"{n:>9,}: > {LIMIT:.0f} s wall")
                break
            points.append(got[:2])
            cells.append(f"{got[0]:>9,}: {got[1]:7.2f} s CPU ({got[2]:.1f} wall)")
        exps = [growth_exponent(*points[i], *points[i + 1]) for i in range(len(points) - 1)]
        worst = max([worst, *exps])
        print(f"  {shape:14} " + "  ".join(cells) + "   k = " + ", ".join(f"{k:.2f}" for k in exps))
    print(f"worst exponent: {worst:.2f} (target <= 1.15)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        _one(sys.argv[2], int(sys.argv[3]))
    else:
        main()
