"""A local process pool with a hard per-document timeout.

`concurrent.futures` cannot kill one stuck task, so each worker is a long-lived process with
its own pipe: it imports the pipeline (and loads jieba) once and then serves document after
document. The parent waits on every pipe and process sentinel at once; a worker past its
deadline is SIGKILLed and replaced, a worker that dies (segfault, OOM killer) is replaced, and
the document is recorded as `timeout` or `error` E302 while the batch goes on.

Workers come from a `forkserver` that has imported and warmed up the pipeline (preload.py):
forking is cheap, every worker starts warm, and the parent's threads (the progress bar) are
never forked.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from ..errors import Code
from .work import Outcome, Status, Task, convert_one, exit_with_owner, failed, limit_memory, warm_up

_PRELOAD = ["pipeline.batch.preload"]


READY = "ready"
STARTUP_TIMEOUT = 120.0  # seconds a new worker may take to import and warm up


def _serve(conn: Connection, max_memory_mb: int | None = None, owner_pid: int | None = None) -> None:
    """Worker main loop: warm up, say ready, then one task in, one Outcome out, until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    exit_with_owner(owner_pid)
    limit_memory(max_memory_mb)
    warm_up()
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(convert_one(task))


def _context() -> mp.context.BaseContext:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, max_memory_mb: int | None) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc: BaseProcess = ctx.Process(target=_serve, args=(child, max_memory_mb, os.getpid()), daemon=True)  # type: ignore[attr-defined]
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.ready = False
        self.started = 0.0
        self.deadline = time.monotonic() + STARTUP_TIMEOUT  # until ready: the start-up deadline

    def stop(self, *, force: bool) -> None:
        if not force and self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class LocalPool:
    """`with LocalPool(jobs=2, timeout=120) as pool: for outcome in pool.imap(tasks): …`"""

    def __init__(self, jobs: int, timeout: float, max_memory_mb: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._start_failures = 0  # workers that died or hung before saying ready, in a row

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(force=exc[0] is not None)

    def close(self, *, force: bool = False) -> None:
        for worker in self._workers:
            worker.stop(force=force or worker.task is not None)
        self._workers = []

    def _replace(self, worker: _Worker) -> None:
        worker.stop(force=True)
        self._workers[self._workers.index(worker)] = _Worker(self._ctx, self.max_memory_mb)

    def imap(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Outcomes in completion order; exactly one per task."""
        pending = deque(tasks)
        if not self._workers:
            self._workers = [_Worker(self._ctx, self.max_memory_mb) for _ in range(min(self.jobs, max(1, len(pending))))]
        while pending or any(w.task for w in self._workers):
            self._dispatch(pending)
            watched = [w for w in self._workers if w.task is not None or not w.ready]
            wait_for = max(0.0, min(w.deadline for w in watched) - time.monotonic())
            wait([w.conn for w in watched] + [w.proc.sentinel for w in watched], timeout=wait_for)
            for worker in watched:
                if worker.ready:
                    outcome = self._collect(worker)
                    if outcome is not None:
                        yield outcome
                else:
                    self._starting(worker)
            if self._start_failures > 2 * self.jobs + 2:  # workers cannot start at all: fail fast
                while pending:
                    yield failed(pending.popleft(), Status.ERROR, Code.BATCH_WORKER_DIED, "no worker could start")

    def _starting(self, worker: _Worker) -> None:
        """A worker that has not said ready: note it, or replace it when it died or hangs."""
        if worker.conn.poll():
            try:
                worker.ready = worker.conn.recv() == READY
                self._start_failures = 0
                return
            except (EOFError, OSError):
                pass
        elif worker.proc.is_alive() and time.monotonic() < worker.deadline:
            return
        self._start_failures += 1
        self._replace(worker)

    def _dispatch(self, pending: deque[Task]) -> None:
        for i in range(len(self._workers)):
            while self._workers[i].ready and self._workers[i].task is None and pending:
                worker, task = self._workers[i], pending.popleft()
                try:
                    worker.conn.send(task)
                except OSError:  # the idle worker died: replace it and try again
                    pending.appendleft(task)
                    self._replace(worker)
                    continue
                worker.task, worker.started = task, time.monotonic()
                worker.deadline = worker.started + self.timeout

    @staticmethod
    def _elapsed(worker: _Worker) -> float:
        return time.monotonic() - worker.started

    def _collect(self, worker: _Worker) -> Outcome | None:
        task = worker.task
        assert task is not None
        if worker.conn.poll():
            try:
                outcome: Outcome = worker.conn.recv()
            except (EOFError, OSError):
                outcome = failed(task, Status.ERROR, Code.BATCH_WORKER_DIED, "the pipe closed mid-result", self._elapsed(worker))
                self._replace(worker)
                return outcome
            worker.task = None
            return outcome
        if not worker.proc.is_alive():
            code = worker.proc.exitcode
            self._replace(worker)
            return failed(task, Status.ERROR, Code.BATCH_WORKER_DIED, f"exit code {code}", self._elapsed(worker))
        if time.monotonic() >= worker.deadline:
            elapsed = self._elapsed(worker)
            self._replace(worker)
            return failed(task, Status.TIMEOUT, Code.BATCH_TIMEOUT, f"killed after {self.timeout:g} s", elapsed)
        return None
