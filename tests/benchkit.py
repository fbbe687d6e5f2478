"""What every benchmark shares: interleaved A/B pairs, medians with their range, the machine's load.

The machine is shared, so a figure is a median over repeated runs with its min–max beside it, and a
comparison runs its two sides in alternating order (AB, BA, AB …) so that a change of load hits both
alike; the ratio is taken per pair and its median reported, never best-of-N of each side.
"""

from __future__ import annotations

import math
import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CACHE = Path(os.environ.get("GAZETTE_BENCH_CACHE") or Path.home() / ".cache" / "gazette-bench")


def spread(values: Sequence[float], unit: str = "", scale: float = 1.0, digits: int = 3) -> str:
    """`median (min–max)` of the values times `scale`."""
    vals = [v * scale for v in values]
    med, lo, hi = statistics.median(vals), min(vals), max(vals)
    return f"{med:.{digits}f}{unit} ({lo:.{digits}f}–{hi:.{digits}f})"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} on {os.cpu_count()} cores"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@dataclass
class Pairs:
    """Times of sides A and B over interleaved pairs; ratio = B / A per pair (how much faster A is)."""

    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [b / a for a, b in zip(self.a, self.b, strict=True) if a > 0]


def paired(side_a: Callable[[], object], side_b: Callable[[], object], pairs: int) -> Pairs:
    """Run the sides in alternating order, `pairs` times each."""
    out = Pairs()
    for i in range(pairs):
        if i % 2 == 0:
            out.a.append(timed(side_a))
            out.b.append(timed(side_b))
        else:
            out.b.append(timed(side_b))
            out.a.append(timed(side_a))
    return out


@dataclass(frozen=True)
class ChildRun:
    wall: float
    cpu: float
    max_rss_mb: float
    returncode: int | None  # None: killed at the time limit


def run_child(
    args: Sequence[str], timeout: float | None = None, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> ChildRun:
    """One subprocess: its wall time, CPU time (user + system) and peak RSS, from wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(args), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = None if timeout is None else start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return ChildRun(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
                            usage.ru_maxrss / 1024, None)
        time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ChildRun(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                    proc.returncode)


def growth_exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    """k in t ∝ n^k between two sizes."""
    return math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 else float("nan")


def self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
