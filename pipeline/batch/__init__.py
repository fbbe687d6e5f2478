"""Batch conversion (issue #7): many files → OUT_DIR of JSON, index.jsonl and CSV exports.

`run_batch(inputs, BatchOptions(out_dir=…))` is the API; `gazette batch` is its CLI.
"""

from __future__ import annotations

from .runner import BatchOptions, BatchResult, Executor, run_batch
from .work import Outcome, Status, Task, convert_one

__all__ = ["BatchOptions", "BatchResult", "Executor", "Outcome", "Status", "Task", "convert_one", "run_batch"]
