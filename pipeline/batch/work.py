"""The per-document function every executor runs: parse one file, write its JSON, report.

It never raises: a coded error becomes `error` with its code, any other exception becomes
`error` E304 naming the pipeline module it came from (a bug in that stage), so one bad file
cannot stop a batch. Results are small picklable records; the JSON goes straight to disk
(or back to the client, for cluster workers that do not share its file system).
"""

from __future__ import annotations

import json
import os
import resource
import select
import threading
import time
import traceback
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..errors import Code, GazetteError
from .inputs import display_path


class Status(StrEnum):
    OK = "ok"
    ERROR = "error"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class Task:
    input: str  # the path as collected
    output: str  # absolute OUT_DIR/<name>.json
    sha256: str | None = None
    # test-only hook, never set by the CLI: sleep this many seconds before parsing (exercises
    # --timeout); a negative value makes the worker process exit at once (exercises E302)
    stall: float = 0.0
    # set for cluster workers that may not see our disk: the input bytes travel with the task
    # and the JSON comes back in the Outcome for the client to write
    payload: bytes | None = field(default=None, repr=False)
    keep_rows: bool = False  # return every export row (for Parquet), not only the indicator rows
    # the batch process that owns OUT_DIR (and its lock): a worker whose owner is gone writes nothing
    owner_pid: int | None = None


@dataclass
class Outcome:
    input: str
    output: str | None
    status: Status
    code: str | None = None
    message: str | None = None
    stage: str | None = None  # for E304: the pipeline module that raised
    sha256: str | None = None
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    worker_pid: int | None = None
    worker_maxrss_kb: int | None = None
    resumed: bool = False
    # the document's export lines (CSV text by table) and the rows the batch still needs
    # (indicators for cross-document checks; all with keep_rows), made in the worker so the
    # parent neither re-reads every JSON nor holds every row as a dict; never in the index
    csv: dict[str, str] | None = field(default=None, repr=False)
    rows: dict[str, list[dict[str, Any]]] | None = field(default=None, repr=False)
    json_text: str | None = field(default=None, repr=False)  # only for shipped tasks (payload)

    def record(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("rows", "csv", "json_text")}
        data["status"] = self.status.value
        data["counts"] = dict(self.counts)
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Outcome:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["status"] = Status(known["status"])
        return cls(**known)


def failed(task: Task, status: Status, code: Code, detail: str, seconds: float = 0.0) -> Outcome:
    shown = display_path(task.input)
    return Outcome(
        input=shown,
        output=None,
        status=status,
        code=code.value,
        message=GazetteError(code, detail, path=shown).one_line(),
        sha256=task.sha256,
        seconds=round(seconds, 4),
    )


def counts_of(data: dict[str, Any]) -> dict[str, int]:
    """Summary figures of one document JSON (a dict, so resumed files need no model load)."""
    checks = data.get("checks") or []
    return {
        "sections": len(data.get("sections") or []),
        "tables": len(data.get("tables") or []),
        "claims": len(data.get("claims") or []),
        "checks": len(checks),
        "inconsistent": sum(1 for c in checks if c.get("verdict") == "inconsistent"),
    }


def failing_module(exc: BaseException) -> str:
    """Where an uncoded exception came from: the innermost `pipeline.*` frame outside this
    package and the API (the stage at fault), else the innermost frame of all."""
    found = innermost = "unknown"
    for frame in traceback.extract_tb(exc.__traceback__):
        parts = Path(frame.filename).parts
        innermost = f"{parts[-1] if parts else frame.filename}:{frame.lineno}"
        if "pipeline" not in parts:
            continue
        root = len(parts) - 1 - parts[::-1].index("pipeline")  # the package, not a parent folder
        module = ".".join(parts[root:])[: -len(".py")]
        if not module.startswith(("pipeline.batch", "pipeline.api")):
            found = f"{module}:{frame.lineno}"
    return found if found != "unknown" else innermost


def _maxrss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


_WARM_UP_TEXT = "关于印发《创新经济“十四五”规划》的通知\n一、发展基础\n(一)总体情况\n全区生产总值达到829.92亿元,年均增长8.0%。\n"


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space, so a runaway document raises MemoryError (E306)
    instead of pushing the machine into swap or the OOM killer."""
    if megabytes:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def exit_with_owner(pid: int | None) -> None:
    """End this worker the moment the batch process that started it dies, so a batch killed
    with SIGKILL leaves no worker behind to write into OUT_DIR outside the lock. (The kernel's
    PR_SET_PDEATHSIG cannot do it: the workers' parent is the forkserver, which lives on while
    any worker does.) A pidfd wakes on the exit at once; without one, the owner is polled."""
    if pid is None:
        return

    def watch() -> None:
        try:
            fd = os.pidfd_open(pid)
        except (AttributeError, OSError):  # not Linux ≥ 5.3, or the owner is gone already
            while owner_alive(pid):
                time.sleep(0.25)
        else:
            select.select([fd], [], [])  # readable when the process has exited
        os._exit(0)

    threading.Thread(target=watch, name="gazette-owner-watch", daemon=True).start()


def owner_alive(pid: int | None) -> bool:
    """Is the batch process that handed out this task still running?"""
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else (the pid was reused: rare, and harmless here)
        return True
    return True


def warm_up() -> int:
    """Load what the stages load lazily (jieba, grammars) once per worker, before any deadline runs."""
    try:
        from ..api import parse_text

        parse_text(_WARM_UP_TEXT, name="warm-up")
    except Exception:  # noqa: BLE001 - a stage bug shows up again, recorded, on the first real document
        pass
    return os.getpid()


def _parse_shipped(name: str, payload: bytes) -> Any:
    """Parse input bytes sent with the task under the input's own file name (formats are sniffed
    by name too); the Document and any error name the original path."""
    from ..api import parse_bytes

    return parse_bytes(payload, name)


# an `ok` document that lost pages for want of the OCR extra: its index line carries the warning
_TEXT_LEFT_OUT = (Code.PDF_TEXT_LAYER_UNUSABLE.value, Code.PDF_PAGES_WITHOUT_TEXT.value)


def convert_one(task: Task) -> Outcome:
    """Parse `task.input`, write `task.output` atomically, and say how it went."""
    from ..api import parse_file
    from ..export.csv_out import document_csv, document_rows
    from ..export.json_out import document_json, write_atomic

    started = time.perf_counter()
    shown = display_path(task.input)
    outcome = Outcome(input=shown, output=None, status=Status.OK, sha256=task.sha256, worker_pid=os.getpid())
    try:
        if task.stall < 0:
            os._exit(70)
        if task.stall:
            time.sleep(task.stall)
        if task.payload is None:
            doc = parse_file(task.input)
        else:
            doc = _parse_shipped(task.input, task.payload)
        doc.source.path = shown  # a non-UTF-8 file name would make the JSON unwritable
        text = document_json(doc)
        if task.payload is None:
            if not owner_alive(task.owner_pid):  # the batch died: its OUT_DIR is no longer ours to write
                return failed(task, Status.ERROR, Code.BATCH_WORKER_DIED, "the batch that started this worker is gone")
            write_atomic(Path(task.output), text)
        else:
            outcome.json_text = text
        outcome.output = task.output
        outcome.sha256 = doc.source.sha256
        for warning in (w for w in doc.warnings if w.code in _TEXT_LEFT_OUT):
            outcome.code, outcome.message = warning.code, f"{warning.code} {shown}: {warning.message}"
        data = json.loads(text)
        outcome.counts = counts_of(data)
        rows = document_rows(Path(task.output).stem, data)
        outcome.csv = document_csv(rows)
        outcome.rows = rows if task.keep_rows else {"indicators": rows["indicators"]}
    except GazetteError as exc:
        exc.path = shown  # contract errors (E2xx) come without a path; a non-UTF-8 one is not printable
        outcome.status, outcome.code, outcome.message = Status.ERROR, exc.code.value, exc.one_line()
    except MemoryError:  # over --max-memory: the document's objects are gone now, the worker lives on
        outcome.status, outcome.code = Status.ERROR, Code.BATCH_MEMORY.value
        outcome.message = GazetteError(Code.BATCH_MEMORY, path=shown).one_line()
    except Exception as exc:  # noqa: BLE001 - any uncoded failure is a stage bug; record it, keep going
        outcome.status, outcome.code = Status.ERROR, Code.BATCH_STAGE_FAILED.value
        outcome.stage = failing_module(exc)
        detail = f"{type(exc).__name__}: {str(exc)[:300]}"
        outcome.message = GazetteError(Code.BATCH_STAGE_FAILED, f"{outcome.stage}: {detail}", path=shown).one_line()
    outcome.seconds = round(time.perf_counter() - started, 4)
    outcome.worker_maxrss_kb = _maxrss_kb()
    return outcome
