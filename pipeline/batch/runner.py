"""run_batch: inputs → one JSON per document, index.jsonl, batch-wide CSVs, cross-document checks.

The library half of `gazette batch`: no printing; the caller gets callbacks for progress and a
BatchResult for its summary. Every input ends in exactly one Outcome (ok / error / timeout).
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..errors import Code, GazetteError, UsageError
from ..export import csv_out
from ..export.destination import same_file
from ..export.json_out import write_atomic
from ..review import ReviewRecord
from . import index
from .crossdoc import cross_document_checks
from .folder import merge_earlier
from .inputs import InputFile, collect, display_path, output_names, output_path, sha256_file
from .reviews import apply_reviews
from .work import Outcome, Status, Task, failed

STALL_ENV = "GAZETTE_BATCH_STALL"  # test hook: "NAME_SUBSTRING=SECONDS[,…]" makes those documents sleep
DEFAULT_TIMEOUT = 120.0


class Executor(StrEnum):
    LOCAL = "local"
    DASK = "dask"


@dataclass
class BatchOptions:
    out_dir: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = DEFAULT_TIMEOUT
    resume: bool = True
    globs: Sequence[str] = ()
    executor: Executor = Executor.LOCAL
    scheduler: str | None = None
    parquet: bool = False
    report: bool = False
    max_memory_mb: int | None = None  # local pool only: address-space cap per worker
    stall: dict[str, float] | None = None  # None: read STALL_ENV


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    cross_checks: list[dict[str, Any]]
    files: list[Path]
    notes: list[str]
    seconds: float
    orphaned_reviews: list[ReviewRecord] = field(default_factory=list)
    earlier: int = 0  # of the outcomes, documents already in OUT_DIR that this batch kept

    @property
    def resumed(self) -> int:
        return sum(1 for o in self.outcomes if o.resumed)

    @property
    def statuses(self) -> Counter[str]:
        return Counter(o.status.value for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status is not Status.OK]

    def totals(self) -> Counter[str]:
        totals: Counter[str] = Counter()
        for o in self.outcomes:
            totals.update(o.counts)
        return totals


def _stall_from_env() -> dict[str, float]:
    stall: dict[str, float] = {}
    for item in filter(None, os.environ.get(STALL_ENV, "").split(",")):
        name, _, seconds = item.rpartition("=")
        stall[name] = float(seconds)
    return stall


def _stall_for(path: Path, stall: dict[str, float]) -> float:
    return next((s for name, s in stall.items() if name and name in path.name), 0.0)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _executor(options: BatchOptions, n_tasks: int) -> Any:
    jobs = max(1, min(options.jobs, n_tasks))
    if options.executor == Executor.DASK:
        from .dask_executor import DaskExecutor

        return DaskExecutor(jobs, options.timeout, options.scheduler)
    from .pool import LocalPool

    return LocalPool(jobs, options.timeout, options.max_memory_mb)


def _document_exports(
    out_dir: Path, outcomes: Sequence[Outcome], keep_rows: bool, notes: list[str]
) -> Iterator[Outcome]:
    """Every ok outcome in output order with its export lines: from the worker, or made here
    from the JSON for a resumed document."""
    for o in sorted(outcomes, key=lambda o: o.output or ""):
        if o.status is not Status.OK or not o.output:
            continue
        if o.csv is None or o.rows is None:
            path = out_dir / o.output
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:  # changed by hand since: leave it out, say so
                notes.append(f"{path.name} left out of the exports ({type(exc).__name__}): rerun with --no-resume")
                continue
            rows = csv_out.document_rows(path.stem, data)
            o.csv, o.rows = csv_out.document_csv(rows), rows if keep_rows else {"indicators": rows["indicators"]}
        yield o
        o.csv = o.rows = None  # written once; the batch does not keep every document's rows twice


def _exports(options: BatchOptions, outcomes: Sequence[Outcome], notes: list[str]) -> tuple[list[Path], list[dict[str, Any]]]:
    bodies: dict[str, list[str]] = {name: [] for name in csv_out.COLUMNS}
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in csv_out.COLUMNS}
    for o in _document_exports(options.out_dir, outcomes, options.parquet, notes):
        for name, text in (o.csv or {}).items():
            bodies[name].append(text)
        for name, rows in (o.rows or {}).items():
            tables[name].extend(rows)
    cross = cross_document_checks(tables["indicators"])
    bodies["checks"].append(csv_out.csv_rows(csv_out.COLUMNS["checks"], cross))
    tables["checks"].extend(cross)
    files = csv_out.write_csvs(options.out_dir, bodies)
    if options.parquet:
        if csv_out.parquet_available():
            files += csv_out.write_parquet(options.out_dir, tables)
        else:
            for stale in _parquet_files(options.out_dir):
                stale.unlink()
            notes.append("Parquet skipped: pyarrow is not installed (pip install pyarrow)")
    return files, cross


def _parquet_files(out_dir: Path) -> list[Path]:
    return [p for p in (out_dir / f"{name}.parquet" for name in csv_out.COLUMNS) if p.is_file()]


def _with_earlier_exports(options: BatchOptions, notes: list[str]) -> BatchOptions:
    """Exports an earlier batch left in OUT_DIR are refreshed too, so none describes an older set."""
    report = options.report or (options.out_dir / "report" / "index.html").is_file()
    parquet = options.parquet or bool(_parquet_files(options.out_dir))
    for flag, was, what in (("--report", options.report, report), ("--parquet", options.parquet, parquet)):
        if what and not was:
            notes.append(f"{flag} implied: an earlier batch wrote that export into {options.out_dir}")
    return replace(options, report=report, parquet=parquet)


def _reports(options: BatchOptions, outcomes: Sequence[Outcome], notes: list[str]) -> None:
    """HTML pages (issue #8) in OUT_DIR/report/, one per document plus an index of failures."""
    try:
        from ..export.report import load_document, write_reports
    except ImportError:
        notes.append("HTML reports skipped: pipeline/export/report.py is not available yet")
        return

    def items() -> Iterator[tuple[str, Any]]:  # lazily, so only one Document is in memory at a time
        for o in sorted(outcomes, key=lambda o: o.input):
            if o.status is Status.OK and o.output:
                yield Path(o.output).stem, load_document(options.out_dir / o.output)
            else:
                yield Path(o.input).name, o.message or o.status.value

    pages = options.out_dir / "report"
    for stale in pages.glob("*.html") if pages.is_dir() else ():
        stale.unlink()  # pages of documents no longer in the folder must not outlive them
    try:
        index_html = write_reports(items(), pages)
    except GazetteError as exc:
        notes.append(f"HTML reports failed: {exc.one_line()}")
        return
    notes.append(f"HTML reports: {index_html}")


def run_batch(
    inputs: Sequence[Path],
    options: BatchOptions,
    *,
    on_start: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Convert every input; raises only for usage problems (no inputs, bad options)."""
    if options.scheduler and options.executor != Executor.DASK:
        raise UsageError(Code.BAD_ARGUMENT, "--scheduler needs --executor dask")
    started = time.perf_counter()
    files = collect(inputs, globs=options.globs, exclude=options.out_dir)
    names = output_names(files)
    with index.locked(options.out_dir):
        notes: list[str] = []
        options = _with_earlier_exports(options, notes)
        index.remove_stale_temps(options.out_dir)
        records = index.previous_records(options.out_dir)
        outcomes = _convert(files, names, options, records if options.resume else {}, on_start, on_outcome)
        earlier = merge_earlier(
            options.out_dir, outcomes, records, inputs={display_path(str(f.path)) for f in files},
            outputs={output_path(options.out_dir, names[f.path]).name for f in files},
        )
        outcomes += earlier.outcomes
        notes += earlier.notes
        orphaned = apply_reviews(options.out_dir, outcomes, notes)
        written = [index.write_index(options.out_dir, outcomes, earlier.made_by)]
        exported, cross = _exports(options, outcomes, notes)
        written += exported
        if options.report:
            _reports(options, outcomes, notes)
        result = BatchResult(outcomes, cross, written, notes, round(time.perf_counter() - started, 3),
                             [o.record for o in orphaned], earlier=len(earlier.outcomes))
        summary = json.dumps(summary_dict(result), ensure_ascii=False, indent=2) + "\n"
        write_atomic(options.out_dir / "summary.json", summary)
    return result


def _convert(
    files: Sequence[InputFile],
    names: dict[Path, str],
    options: BatchOptions,
    records: dict[str, dict[str, Any]],
    on_start: Callable[[int], None] | None,
    on_outcome: Callable[[Outcome], None] | None,
) -> list[Outcome]:
    """One Outcome per file: resumed from the earlier `records`, or converted by the executor."""
    out_dir = options.out_dir
    stall = _stall_from_env() if options.stall is None else options.stall
    outcomes: list[Outcome] = []
    tasks: list[tuple[int, Task]] = []
    for f in files:
        out = output_path(out_dir, names[f.path])
        if same_file(out, f.path):  # `batch out/a.json -o out`: the JSON would replace its input
            outcomes.append(failed(Task(input=str(f.path), output=str(out)), Status.ERROR, Code.OUTPUT_IS_INPUT, "rename the input or pick another OUT_DIR"))
            continue
        sha = sha256_file(f.path)
        done = index.resumable(out, sha, records) if options.resume else None
        if done is not None:
            done.input = display_path(str(f.path))
            outcomes.append(done)
        else:
            task = Task(input=str(f.path), output=str(out), sha256=sha, stall=_stall_for(f.path, stall), keep_rows=options.parquet,
                        owner_pid=os.getpid())
            tasks.append((_size(f.path), task))
    if on_start:
        on_start(len(files))
    for o in outcomes:
        if on_outcome:
            on_outcome(o)
    if not tasks:
        return outcomes
    journal = index.Journal(out_dir)
    try:
        with _executor(options, len(tasks)) as executor:
            # largest first, so one big file does not run alone at the end while other workers idle
            for outcome in executor.imap(t for _, t in sorted(tasks, key=lambda st: -st[0])):
                if outcome.json_text is not None and outcome.output:  # made on a cluster worker
                    write_atomic(Path(outcome.output), outcome.json_text)
                    outcome.json_text = None
                if outcome.output:
                    outcome.output = Path(outcome.output).name
                journal.add(outcome)
                outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)
    finally:
        journal.close()
    return outcomes


def summary_dict(result: BatchResult) -> dict[str, Any]:
    """OUT_DIR/summary.json: what the folder holds. Reproducible run to run, so no timings and
    no resume counts (the CLI prints those)."""
    totals = result.totals()
    return {
        "documents": len(result.outcomes),
        **{s.value: result.statuses.get(s.value, 0) for s in Status},
        **{k: totals.get(k, 0) for k in ("sections", "tables", "claims", "checks", "inconsistent")},
        "cross_document_inconsistent": len(result.cross_checks),
        "orphaned_reviews": [{"doc": r.doc, "fingerprint": r.fingerprint, "check": r.check, "state": r.state}
                             for r in result.orphaned_reviews],
        "failed": [{"input": o.input, "status": o.status.value, "code": o.code, "message": o.message} for o in result.failed],
    }
