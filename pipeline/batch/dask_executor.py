"""Run the same per-document function on a Dask distributed cluster.

`scheduler=None` starts a LocalCluster on loopback (processes, one thread each); otherwise the
client connects to `tcp://HOST:PORT`. The workers need the `gazette` package installed but no
shared file system: each task carries its input bytes and returns its JSON, which this client
writes atomically into OUT_DIR like the local pool does. At
most one task per worker thread is in flight, so a task starts as soon as it is submitted and its
deadline can be counted from submission; a task past the deadline is recorded as `timeout`,
cancelled, and its worker restarted through its nanny (Dask cannot kill one running task).
"""

from __future__ import annotations

import queue
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import Code
from .work import Outcome, Status, Task, convert_one, failed, warm_up


class DaskExecutor:
    def __init__(self, jobs: int, timeout: float, scheduler: str | None = None) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.scheduler = scheduler
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskExecutor:
        from distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler, set_as_default=False)
        else:
            self._cluster = LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
            )
            self._client = Client(self._cluster, set_as_default=False)
        self._client.run(warm_up)  # jieba and grammars load once per worker, outside any deadline
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _slots(self) -> int:
        threads = sum(self._client.nthreads().values())
        return max(1, threads)

    def _abandon(self, future: Any) -> None:
        """Cancel a stuck task and restart the worker running it."""
        try:
            workers = [w for w, keys in self._client.processing().items() if future.key in keys]
            future.cancel()
            if workers:
                self._client.restart_workers(workers, timeout=30)
        except Exception:  # noqa: BLE001 - no nanny (external workers): the thread finishes on its own
            pass

    def imap(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        pending = list(tasks)[::-1]
        running: dict[Any, tuple[Task, float]] = {}
        finished: queue.Queue[Any] = queue.Queue()  # done callbacks run on the client's thread
        slots = self._slots()
        while pending or running:
            while pending and len(running) < slots:
                task = pending.pop()
                try:  # ship the bytes: cluster workers need not share our file system
                    shipped = replace(task, payload=Path(task.input).read_bytes())
                except OSError as exc:
                    yield failed(task, Status.ERROR, Code.UNREADABLE, exc.strerror or str(exc))
                    continue
                future = self._client.submit(convert_one, shipped, pure=False, key=f"gazette-{uuid.uuid4().hex}")
                running[future] = (task, time.monotonic() + self.timeout)
                future.add_done_callback(finished.put)
            next_deadline = min(d for _, d in running.values())
            try:
                finished.get(timeout=max(0.05, next_deadline - time.monotonic()))
            except queue.Empty:
                pass  # a deadline passed: handled below
            for future, (task, deadline) in list(running.items()):
                if future.done():
                    del running[future]
                    yield self._result(future, task)
                elif time.monotonic() >= deadline:
                    del running[future]
                    self._abandon(future)
                    yield failed(task, Status.TIMEOUT, Code.BATCH_TIMEOUT, f"over {self.timeout:g} s on the cluster")

    @staticmethod
    def _result(future: Any, task: Task) -> Outcome:
        try:
            outcome: Outcome = future.result()
            return outcome
        except Exception as exc:  # noqa: BLE001 - a worker lost mid-task (KilledWorker and the like)
            return failed(task, Status.ERROR, Code.BATCH_WORKER_DIED, f"{type(exc).__name__}: {str(exc)[:200]}")
