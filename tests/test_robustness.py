"""Robustness: random, mutated and hostile inputs end in a Document or a coded error, in time.

Property tests drive `parse_text` directly (only GazetteError may escape); hostile files go
through the batch, where every input must end as ok, a coded error or a timeout.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.batch import BatchOptions, Status, run_batch
from pipeline.errors import Code

from .adversarial import parse_within

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
FORMATS = Path(__file__).parent / "fixtures" / "formats"
SEED_TEXT = (FIXTURES / "plan-excerpt.txt").read_text(encoding="utf-8")
PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# characters that official documents are built from, so random text reaches the grammars
_ALPHABET = st.sampled_from(list("一二三四五六七八九十百千万亿第章节条、。，,.:;()（）%％元亿年月日增长倍占比达\n 0123456789.-—〔〕《》“”"))


PARSE_LIMIT = 20  # seconds; a stage that hangs on an example fails the test instead of the suite


def _parse_or_coded(text: str) -> None:
    parse_within(text, PARSE_LIMIT)


@PROPERTY
@given(st.text(max_size=400))
def test_any_unicode_text_parses_or_raises_a_coded_error(text: str) -> None:
    _parse_or_coded(text)


@PROPERTY
@given(st.text(alphabet=_ALPHABET, max_size=600))
def test_document_like_noise_parses_or_raises_a_coded_error(text: str) -> None:
    _parse_or_coded(text)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(0, 40), st.text(max_size=8)), max_size=12))
def test_mutated_real_document_parses_or_raises_a_coded_error(edits: list[tuple[int, int, str]]) -> None:
    text = SEED_TEXT
    for at, cut, insert in edits:  # delete a run and insert junk: truncated lines, torn tables, split numbers
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    _parse_or_coded(text)


# ---------------------------------------------------------------- hostile files through the batch

_MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 300]/Contents 4 0 R/Resources<<>>>>endobj\n"
    b"4 0 obj<</Length 30>>stream\nBT /F1 12 Tf 50 250 Td (x) Tj ET\nendstream endobj\n"
    b"xref\n0 5\n0000000000 65535 f \ntrailer<</Size 5/Root 1 0 R>>\nstartxref\n0\n%%EOF\n"
)


# texts that once made a pattern backtrack or a scanner quadratic
REGEX_BAIT = {
    "digits.txt": "增长" + "9" * 100_000 + "%。\n" + "1." * 50_000 + "\n",
    "markers.txt": "一、" * 100_000 + "\n" + "(一)" * 30_000 + "\n",
    "long-line.txt": "我国经济总量达到" + "1,234," * 30_000 + "亿元",
}
BAIT_CPU_BOUND = 15.0  # CPU seconds; each takes ~1-2 s


@pytest.mark.parametrize("name", sorted(REGEX_BAIT))
def test_regex_bait_parses_within_a_cpu_time_bound(name: str) -> None:
    """Measured in CPU time: the batch's wall-clock timeout also counts the machine's other jobs."""
    parse_within(REGEX_BAIT[name], BAIT_CPU_BOUND)


def _hostile_files(folder: Path) -> dict[str, bytes]:
    rng = random.Random(7)
    block = SEED_TEXT.encode("utf-8")
    files = {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\n" * 100,
        "binary.txt": bytes(rng.getrandbits(8) for _ in range(20000)),
        "truncated.pdf": _MINIMAL_PDF[: len(_MINIMAL_PDF) // 2],
        "not-a-docx.docx": b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(2000)),
        "nested.html": b"<html><body>" + b"<div>" * 100_000 + "深".encode() + b"</div>" * 100_000 + b"</body></html>",
        **{name: text.encode() for name, text in REGEX_BAIT.items()},
        "huge.txt": block * (50 * 1024 * 1024 // len(block) + 1),  # ~50 MB, built here, never committed
    }
    # real PDF and DOCX files cut short at several points (the ingest fixtures, when present)
    for source in (FORMATS / "qingpu.pdf", FORMATS / "qingpu.docx"):
        if source.exists():
            data = source.read_bytes()
            for share in (25, 50, 90):
                files[f"cut{share}-{source.name}"] = data[: len(data) * share // 100]
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def test_hostile_files_end_in_a_result_or_a_coded_error_in_time(tmp_path: Path) -> None:
    files = _hostile_files(tmp_path / "in")
    # 15 s: generous for a loaded machine; what must not hang is also timed in CPU above
    result = run_batch([tmp_path / "in"], BatchOptions(out_dir=tmp_path / "out", jobs=2, timeout=15, stall={}))
    by_name = {Path(o.input).name: o for o in result.outcomes}
    assert sorted(by_name) == sorted(files)
    for name, outcome in by_name.items():
        assert outcome.status in (Status.OK, Status.ERROR, Status.TIMEOUT), name
        if outcome.status is not Status.OK:
            assert outcome.code and outcome.message and outcome.message.startswith(outcome.code), name
    assert by_name["empty.txt"].code == Code.EMPTY_INPUT.value
    assert by_name["whitespace.txt"].code == Code.EMPTY_INPUT.value
    assert by_name["binary.txt"].code in (Code.BINARY_INPUT.value, Code.UNDECODABLE.value)
    assert by_name["truncated.pdf"].status is Status.ERROR
    assert by_name["truncated.pdf"].code != Code.BATCH_STAGE_FAILED.value
    # small hostile files must not hang a stage nor crash it (the regex bait is timed in CPU above)
    for bait in ("nested.html", *(n for n in files if n.startswith("cut"))):
        assert by_name[bait].status is not Status.TIMEOUT, by_name[bait].message
        assert by_name[bait].code != Code.BATCH_STAGE_FAILED.value, by_name[bait].message

