"""Adversarial inputs of any length (issue #13): shapes that made a scanner quadratic once.

Shared by the growth benchmark (tests/bench_growth.py) and the fuzz suite (tests/test_fuzz.py).
Each shape takes a target length in characters and returns a text of about that length;
`parse_within` is the check every generated input must pass.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from pipeline import parse_text
from pipeline.errors import Code, GazetteError

PLAN = Path(__file__).resolve().parent.parent / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"


def _repeat(unit: str, n: int, head: str = "") -> str:
    return head + unit * max(1, (n - len(head)) // len(unit))


def numeral_run(n: int) -> str:
    return _repeat("一二三四", n)


def list_of_rates(n: int) -> str:
    return _repeat("1%、", n, "分别增长")


def year_run(n: int) -> str:
    return _repeat("年", n)


def repeated_cues(n: int) -> str:
    return _repeat("比上年增长占全市的比重为同比", n) + "5%"


def long_sentence(n: int) -> str:
    """One sentence of figures with no stop: every clause-level look-back meets all of it."""
    return _repeat("地区生产总值829.92亿元和", n, "到2025年")


def deep_brackets(n: int) -> str:
    half = max(1, n // 2 - 2)
    return "(" * half + "12%" + ")" * half


def deep_headings(n: int) -> str:
    """Every numbering style nested, again and again: 一、 (一) 1. (1) ① 第一章 …"""
    unit = "第一章 总则\n第一节 目标\n一、发展基础\n(一)产业规模\n1.增长情况\n(1)增长12%\n①产值8亿元\n"
    return _repeat(unit, n)


def plan_concat(n: int) -> str:
    """A real plan with its indicator table, concatenated to the length (64× ≈ 1M characters)."""
    plan = PLAN.read_text(encoding="utf-8")
    return "\n".join([plan] * max(1, round(n / len(plan))))


SHAPES: dict[str, Callable[[int], str]] = {
    "numeral_run": numeral_run,
    "list_of_rates": list_of_rates,
    "year_run": year_run,
    "repeated_cues": repeated_cues,
    "long_sentence": long_sentence,
    "deep_brackets": deep_brackets,
    "deep_headings": deep_headings,
    "plan_concat": plan_concat,
}


def _timeout(seconds: float) -> None:
    """SIGPROF after `seconds` of this process's CPU time: a bound that a loaded machine does not trip."""

    def hung(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"parse_text took over {seconds} s of CPU time")

    signal.signal(signal.SIGPROF, hung)
    signal.setitimer(signal.ITIMER_PROF, seconds)


def parse_within(text: str, seconds: float) -> None:
    """Parse under a CPU-time bound; only a coded error may escape, and spans must fit the text."""
    previous = signal.getsignal(signal.SIGPROF)
    _timeout(seconds)
    try:
        doc = parse_text(text, name="fuzz")
    except GazetteError as exc:
        assert exc.code is not Code.BATCH_STAGE_FAILED
        return
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    n = len(doc.text)
    for claim in doc.claims:
        assert 0 <= claim.span.start <= claim.span.end <= n, claim
    for sec in doc.sections:
        assert 0 <= sec.span.start <= sec.span.end <= n, sec
    assert not [w for w in doc.warnings if w.code == Code.CHECK_RULE_FAILED.value], doc.warnings
