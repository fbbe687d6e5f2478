"""OUT_DIR/index.jsonl: one line per input with its final status, and what --resume trusts.

While a batch runs, each outcome is appended to a hidden journal and flushed, so a batch killed
with SIGKILL leaves at worst one torn last line (ignored on read). At the end the full index is
written atomically and the journal removed. On resume an input is skipped when its output JSON
exists and was made from the same input bytes (sha256) under the same schema version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..export.json_out import write_atomic
from ..model import SCHEMA_VERSION
from .work import Outcome, Status, counts_of

INDEX = "index.jsonl"
JOURNAL = ".index.journal.jsonl"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
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
        if isinstance(data, dict) and "input" in data and "status" in data:
            records.append(data)
    return records


def previous_records(out_dir: Path) -> dict[str, dict[str, Any]]:
    """Output file name → the last record written for it (index first, then the newer journal)."""
    latest: dict[str, dict[str, Any]] = {}
    for name in (INDEX, JOURNAL):
        for rec in _read_jsonl(out_dir / name):
            if rec.get("output"):
                latest[rec["output"]] = rec
    return latest


def remove_stale_temps(out_dir: Path) -> int:
    """Delete temp files that a killed write_atomic left behind (`.<name>.<random>.tmp`)."""
    removed = 0
    if out_dir.is_dir():
        for tmp in out_dir.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


def resumable(output: Path, sha256: str | None, records: dict[str, dict[str, Any]]) -> Outcome | None:
    """An `ok` Outcome for an output that is already up to date, else None."""
    if sha256 is None or not output.is_file():
        return None
    rec = records.get(output.name)
    if rec and rec.get("status") == "ok" and rec.get("sha256") == sha256 and rec.get("schema_version") == SCHEMA_VERSION:
        outcome = Outcome.from_record(rec)
        outcome.resumed, outcome.seconds = True, 0.0
        return outcome
    # no trustworthy record (killed before the journal line): ask the file itself
    try:
        data = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    source = data.get("source") or {}
    if source.get("sha256") != sha256 or data.get("schema_version") != SCHEMA_VERSION:
        return None
    return Outcome(
        input=str(source.get("path")), output=output.name, status=Status.OK, sha256=sha256, counts=counts_of(data), resumed=True
    )


def to_record(outcome: Outcome) -> dict[str, Any]:
    rec = outcome.record()
    for volatile in ("worker_pid", "worker_maxrss_kb"):  # keep the index reproducible run to run
        rec.pop(volatile, None)
    rec["schema_version"] = SCHEMA_VERSION
    return rec


class Journal:
    """Append-only, flushed per line: the crash-safe trail of a running batch."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / JOURNAL
        self._fh: IO[str] = self.path.open("a", encoding="utf-8")

    def add(self, outcome: Outcome) -> None:
        self._fh.write(json.dumps(to_record(outcome), ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def write_index(out_dir: Path, outcomes: Iterable[Outcome]) -> Path:
    """The final index, sorted by input, written atomically; the journal is then dropped."""
    lines = [json.dumps(to_record(o), ensure_ascii=False) for o in sorted(outcomes, key=lambda o: o.input)]
    path = out_dir / INDEX
    write_atomic(path, "\n".join(lines) + "\n" if lines else "")
    (out_dir / JOURNAL).unlink(missing_ok=True)
    return path
