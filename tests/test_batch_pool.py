"""The local pool: hard per-document timeout, dead workers, and SIGKILL of the whole batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, Status, Task, run_batch
from pipeline.batch.pool import LocalPool
from pipeline.errors import Code

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
ROOT = Path(__file__).resolve().parent.parent


def _variants(folder: Path, n: int) -> list[Path]:
    """n distinct small documents (distinct bytes, so distinct hashes) from the fixtures."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(FIXTURES.glob("*.txt"))
    paths = []
    for i in range(n):
        text = sources[i % len(sources)].read_text(encoding="utf-8") + f"\n附件{i}\n"
        path = folder / f"doc-{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_timeout_kills_the_stuck_worker_and_the_batch_goes_on(tmp_path: Path) -> None:
    _variants(tmp_path / "in", 4)
    started = time.monotonic()
    result = run_batch(
        [tmp_path / "in"], BatchOptions(out_dir=tmp_path / "out", jobs=2, timeout=2.5, stall={"doc-01": 60})
    )
    assert time.monotonic() - started < 30  # the 60 s sleeper was killed, not waited for
    by_name = {Path(o.input).name: o for o in result.outcomes}
    assert by_name["doc-01.txt"].status is Status.TIMEOUT and by_name["doc-01.txt"].code == Code.BATCH_TIMEOUT.value
    assert [by_name[f"doc-0{i}.txt"].status for i in (0, 2, 3)] == [Status.OK] * 3
    assert not (tmp_path / "out" / "doc-01.json").exists()


def test_a_dying_worker_is_replaced(tmp_path: Path) -> None:
    paths = _variants(tmp_path / "in", 3)
    tasks = [Task(str(p), str(tmp_path / f"{p.stem}.json"), stall=-1 if i == 0 else 0) for i, p in enumerate(paths)]
    with LocalPool(jobs=1, timeout=30) as pool:
        outcomes = list(pool.imap(tasks))
    assert len(outcomes) == 3
    assert outcomes[0].status is Status.ERROR and outcomes[0].code == Code.BATCH_WORKER_DIED.value
    assert [o.status for o in outcomes[1:]] == [Status.OK, Status.OK]


def test_workers_are_reused_across_documents(tmp_path: Path) -> None:
    paths = _variants(tmp_path / "in", 6)
    tasks = [Task(str(p), str(tmp_path / f"{p.stem}.json")) for p in paths]
    with LocalPool(jobs=2, timeout=30) as pool:
        pids = {o.worker_pid for o in pool.imap(tasks)}
    assert 1 <= len(pids) <= 2


def _batch_cmd(inp: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "batch", str(inp), "-o", str(out), "-j", "2", "-q"]


def _slow_batch(tmp_path: Path, n: int, stall: float, wait_for: int) -> subprocess.Popen[str]:
    """`gazette batch` in its own process group over n slowed-down documents, once `wait_for`
    outputs exist (so a signal lands mid-batch)."""
    _variants(tmp_path / "in", n)
    env = {**os.environ, "GAZETTE_BATCH_STALL": f"doc-={stall}"}
    proc = subprocess.Popen(_batch_cmd(tmp_path / "in", tmp_path / "out"), cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(list((tmp_path / "out").glob("doc-*.json"))) < wait_for:
        time.sleep(0.05)
    return proc


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
def test_sigkill_then_resume_completes_with_no_torn_files(tmp_path: Path) -> None:
    proc = _slow_batch(tmp_path, 10, 0.4, wait_for=3)
    out = tmp_path / "out"
    paths = sorted((tmp_path / "in").iterdir())
    os.killpg(proc.pid, signal.SIGKILL)  # parent, forkserver and workers at once
    proc.communicate()
    written_at = {p.name: p.stat().st_mtime_ns for p in out.glob("doc-*.json")}
    done_before = set(written_at)
    assert 3 <= len(done_before) < 10, "the batch should have been killed half-way"
    assert not (out / "index.jsonl").exists()
    for p in done_before:
        json.loads((out / p).read_text(encoding="utf-8"))  # every visible output is whole

    again = subprocess.run(_batch_cmd(tmp_path / "in", out), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    index = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["input"]).name for r in index) == sorted(p.name for p in paths)
    assert all(r["status"] == "ok" for r in index)
    resumed = {name for name, at in written_at.items() if (out / name).stat().st_mtime_ns == at}  # not rewritten
    # an output renamed into place just before the kill, without its journal line, is redone
    assert len(resumed) >= len(done_before) - 2
    assert f"(resumed {len(resumed)})" in again.stdout
    for r in index:
        data = json.loads((out / r["output"]).read_text(encoding="utf-8"))
        assert data["source"]["sha256"] == r["sha256"]
    assert sorted(p.name for p in out.glob(".*")) == [".batch.lock", ".resume.jsonl"]



def test_memory_limit_turns_a_runaway_document_into_e306(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    probe = "from pipeline.batch.work import limit_memory\nlimit_memory(300)\ntry:\n    bytearray(600 * 2**20)\nexcept MemoryError:\n    print('capped')\n"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT).stdout == "capped\n"

    import pipeline.api
    from pipeline.batch import convert_one

    def runaway(path: str) -> None:
        raise MemoryError

    monkeypatch.setattr(pipeline.api, "parse_file", runaway)
    paths = _variants(tmp_path / "in", 1)
    outcome = convert_one(Task(str(paths[0]), str(tmp_path / "x.json")))
    assert (outcome.status, outcome.code) == (Status.ERROR, Code.BATCH_MEMORY.value)
    assert not (tmp_path / "x.json").exists()


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
def test_ctrl_c_ends_the_batch_with_one_line_and_keeps_the_journal(tmp_path: Path) -> None:
    proc = _slow_batch(tmp_path, 6, 0.5, wait_for=1)
    out = tmp_path / "out"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole foreground group
    stdout, stderr = proc.communicate(timeout=30)
    assert (proc.returncode, stdout, stderr) == (130, "", "gazette: interrupted\n")
    assert (out / ".index.journal.jsonl").exists() and not (out / "index.jsonl").exists()
