"""OUT_DIR/index.jsonl: one line per document with its final status, and what --resume trusts.

The index holds only what the inputs and the code determine (no timings, no resume flags, no code
hash), so rerunning a batch rewrites it byte for byte and a committed outputs/ stays clean. What
--resume needs beyond it, the hash of the pipeline code that made each output, lives in a hidden
machine-local file beside it (`.resume.jsonl`): a fresh clone has none and redoes everything.

While a batch runs, each outcome is appended to a hidden journal and flushed, so a batch killed
with SIGKILL leaves at worst one torn last line (ignored on read). At the end the index and the
resume file are written atomically and the journal removed. On resume an input is skipped when
its output JSON exists and its record shows the same input bytes (sha256), schema version and
pipeline code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..errors import Code, UsageError
from ..export.json_out import ensure_folder, unwritable, write_atomic
from ..model import SCHEMA_VERSION
from .work import Outcome, Status

INDEX = "index.jsonl"
JOURNAL = ".index.journal.jsonl"
RESUME = ".resume.jsonl"  # output name → the pipeline code hash that made it
VOLATILE = ("seconds", "resumed", "worker_pid", "worker_maxrss_kb")  # vary run to run: terminal only
LOCK = ".batch.lock"


def _read_jsonl(path: Path, keys: tuple[str, ...] = ("input", "status")) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return records
    for line in lines:
        try:
            data = json.loads(line)
        except ValueError:
            continue  # a line torn by a kill
        if isinstance(data, dict) and all(k in data for k in keys):
            records.append(data)
    return records


def previous_records(out_dir: Path) -> dict[str, dict[str, Any]]:
    """Output file name → the last record written for it (index first, then the newer journal),
    with the code hash of the resume file added to index records."""
    made_by = {r["output"]: r.get("pipeline") for r in _read_jsonl(out_dir / RESUME, ("output",))}
    latest: dict[str, dict[str, Any]] = {}
    for rec in _read_jsonl(out_dir / INDEX):
        if rec.get("output"):
            latest[rec["output"]] = {**rec, "pipeline": made_by.get(rec["output"])}
    for rec in _read_jsonl(out_dir / JOURNAL):
        if rec.get("output"):
            latest[rec["output"]] = rec
    return latest


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold OUT_DIR for one batch at a time (E307 otherwise). The kernel drops the lock when the
    process dies, so a batch killed with SIGKILL leaves no stale lock behind."""
    import fcntl

    ensure_folder(out_dir)
    try:
        fh = (out_dir / LOCK).open("w")
    except OSError as exc:  # a read-only folder
        raise unwritable(exc, out_dir / LOCK) from None
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(Code.BATCH_LOCKED, str(out_dir)) from None
        yield


def remove_stale_temps(out_dir: Path) -> int:
    """Delete temp files that a killed write_atomic left behind (`.<name>.<random>.tmp`)."""
    removed = 0
    if out_dir.is_dir():
        for tmp in out_dir.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the pipeline's own files and of the PDF extraction path (with or without the OCR
    extra): outputs made by other code or another path are not trusted on resume, so `make run`
    after a change to a stage, or after installing `gazette-gov[ocr]`, redoes the corpus."""
    from ..ingest.ocr import extraction_path

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(extraction_path().encode() + b"\0")
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def resumable(output: Path, sha256: str | None, records: dict[str, dict[str, Any]]) -> Outcome | None:
    """An `ok` Outcome when the index says `output` was made from these input bytes by this
    code and schema version and the file is there; else None (the document is redone).

    Atomic writes mean an existing output is whole; an output whose index line was lost to a
    kill is simply redone, which costs one document per worker at most."""
    rec = records.get(output.name)
    if sha256 is None or rec is None or not output.is_file():
        return None
    current = (Status.OK.value, sha256, SCHEMA_VERSION, code_fingerprint())
    if (rec.get("status"), rec.get("sha256"), rec.get("schema_version"), rec.get("pipeline")) != current:
        return None
    outcome = Outcome.from_record(rec)
    outcome.resumed, outcome.seconds = True, 0.0
    return outcome


def to_record(outcome: Outcome) -> dict[str, Any]:
    """The index line of an outcome: reproducible run to run."""
    rec = outcome.record()
    for volatile in VOLATILE:
        rec.pop(volatile, None)
    rec["schema_version"] = SCHEMA_VERSION
    return rec


class Journal:
    """Append-only, flushed per line: the crash-safe trail of a running batch."""

    def __init__(self, out_dir: Path) -> None:
        ensure_folder(out_dir)
        self.path = out_dir / JOURNAL
        try:
            self._fh: IO[str] = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            raise unwritable(exc, self.path) from None

    def add(self, outcome: Outcome) -> None:
        rec = {**to_record(outcome), "pipeline": code_fingerprint()}
        self._fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _jsonl(records: Iterable[dict[str, Any]]) -> str:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n" if lines else ""


def write_index(out_dir: Path, outcomes: Iterable[Outcome], made_by: dict[str, str | None] | None = None) -> Path:
    """The final index, sorted by input, and the resume file, written atomically; the journal is
    then dropped. `made_by` gives the code hash of outputs this batch did not make (kept from an
    earlier one); every other ok output was made or verified by the current code."""
    ordered = sorted(outcomes, key=lambda o: (o.input, o.output or ""))
    path = out_dir / INDEX
    write_atomic(path, _jsonl(to_record(o) for o in ordered))
    made_by = made_by or {}
    resume = [{"output": o.output, "pipeline": made_by.get(o.output, code_fingerprint())}
              for o in ordered if o.status is Status.OK and o.output]
    write_atomic(out_dir / RESUME, _jsonl(resume))
    (out_dir / JOURNAL).unlink(missing_ok=True)
    return path
