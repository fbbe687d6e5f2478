"""gazette batch INPUT… -o OUT_DIR: convert many documents in parallel, safely and resumably."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..batch import BatchOptions, BatchResult, Executor, Outcome, run_batch
from ..batch.runner import DEFAULT_TIMEOUT, summary_dict
from ..errors import Code, ExitCode, UsageError
from .options import add_limit_options
from .stdio import is_stdio

MAX_FAILED_SHOWN = 15


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "batch",
        help="convert many documents into a folder of JSON files, CSV exports and an index",
        description="Convert every supported file (.txt .md .pdf .docx .html) under the inputs into "
        "OUT_DIR/<name>.json, in parallel. Every input ends as ok, error or timeout in OUT_DIR/index.jsonl; "
        "claims.csv, checks.csv, findings.csv, indicators.csv and sections.csv (UTF-8 with BOM) cover the whole batch, with "
        "cross-document checks in checks.csv. Outputs already made from the same input bytes by the same "
        "pipeline code and schema version are skipped (--no-resume to redo them). Into a folder that already "
        "holds outputs the batch merges: the index, CSVs and report describe every document JSON in it; an "
        "earlier output of an input this batch did not convert into it is removed. Timings and resume counts "
        "are printed, never written, so a rerun rewrites the same bytes. Exit code 1 when any document failed.",
        epilog="examples:\n  gazette batch corpus/ -o outputs/\n  gazette batch plans/ reports/*.pdf -o out/ --jobs 4 --timeout 60\n"
        "  gazette batch corpus/ -o out/ --glob '*.html' --glob '*.txt'\n"
        "  gazette batch corpus/ -o out/ --executor dask --scheduler tcp://10.0.0.5:8786",
        formatter_class=formatter,
    )
    p.add_argument("inputs", type=Path, nargs="+", help="files or folders (searched recursively)")
    p.add_argument("-o", "--output-dir", type=Path, required=True, help="where the JSON, index and CSV files go "
                   "(merged with what an earlier batch left there)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: the core count)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per document before its worker is killed (default: %(default)s)")
    p.add_argument("--max-memory", type=int, default=None, metavar="MB", help="address-space cap per local worker; a document over it ends as error E306 (default: none)")
    p.add_argument("--glob", action="append", default=[], metavar="PATTERN", help="pick files in folders by pattern instead of by extension (repeatable)")
    p.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True, help="skip inputs whose output is up to date (default: on)")
    p.add_argument("--executor", choices=[e.value for e in Executor], default=Executor.LOCAL.value, help="local process pool or a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT", help="Dask scheduler address (default with dask: a local cluster)")
    p.add_argument("--parquet", action="store_true", help="also write the exports as Parquet (needs pyarrow)")
    p.add_argument("--report", action="store_true", help="also write HTML fact-check pages into OUT_DIR/report/")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_limit_options(p)
    p.set_defaults(func=run)


class _Progress:
    """A rich progress bar on stderr (count, rate, ETA), or nothing when quiet or not a TTY."""

    def __init__(self, enabled: bool) -> None:
        self._bar: Any = None
        self._task: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn(),
                TextColumn("{task.fields[failed]}"), console=Console(stderr=True), transient=True,
            )
        self._failed = 0

    def start(self, total: int) -> None:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("batch", total=total, rate="", failed="")

    def advance(self, outcome: Outcome) -> None:
        if self._bar is None:
            return
        self._failed += outcome.status.value != "ok"
        speed = self._bar.tasks[0].speed
        self._bar.update(self._task, advance=1, rate=f"{speed:.1f} doc/s" if speed else "",
                         failed=f"[red]{self._failed} failed" if self._failed else "")

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def summary_lines(result: BatchResult, out_dir: Path) -> list[str]:
    s = summary_dict(result)
    earlier = f", kept from earlier batches {result.earlier}" if result.earlier else ""
    lines = [
        f"documents  {s['documents']}: ok {s['ok']} (resumed {result.resumed}{earlier}), error {s['error']}, "
        f"timeout {s['timeout']}  in {result.seconds:.1f} s",
        f"extracted  sections {s['sections']}, tables {s['tables']}, claims {s['claims']}, checks {s['checks']}",
        f"findings   inconsistent checks {s['inconsistent']}, cross-document inconsistencies {s['cross_document_inconsistent']}",
        f"written    {out_dir}/index.jsonl, claims.csv, checks.csv, findings.csv, indicators.csv, sections.csv, summary.json",
    ]
    failed = result.failed
    if failed:
        lines.append(f"failed     {len(failed)}:")
        for o in sorted(failed, key=lambda o: o.input)[:MAX_FAILED_SHOWN]:
            lines.append(f"  {o.status.value:<7} {o.message}")
        if len(failed) > MAX_FAILED_SHOWN:
            lines.append(f"  … and {len(failed) - MAX_FAILED_SHOWN} more: see {out_dir}/index.jsonl")
    lines += [f"note       {n}" for n in result.notes]
    return lines


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1 or args.timeout <= 0:
        raise UsageError(Code.BAD_ARGUMENT, "--jobs must be >= 1 and --timeout > 0")
    if is_stdio(args.output_dir) or any(is_stdio(i) for i in args.inputs):
        raise UsageError(Code.BAD_ARGUMENT, "batch reads files and writes a folder: - is not an input or OUT_DIR here "
                         "(use gazette parse - -o -)")
    options = BatchOptions(
        out_dir=args.output_dir, jobs=args.jobs, timeout=args.timeout, resume=args.resume, globs=tuple(args.glob),
        executor=Executor(args.executor), scheduler=args.scheduler, parquet=args.parquet, report=args.report,
        max_memory_mb=args.max_memory,
    )
    progress = _Progress(enabled=not args.quiet and sys.stderr.isatty())
    try:
        result = run_batch(args.inputs, options, on_start=progress.start, on_outcome=progress.advance)
    finally:
        progress.stop()
    print("\n".join(summary_lines(result, args.output_dir)))
    return ExitCode.FINDINGS if result.failed else ExitCode.OK
