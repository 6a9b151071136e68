"""A small pool of worker processes that answer queries on an on-disk Oxigraph store.

Each worker opens the store read-only (Oxigraph lets several processes read one store) and
answers one query at a time. A query is sent to an idle worker; when its time limit passes,
the worker is killed, which really stops the work, and a fresh one takes its place in the
background, so the request that hit the limit answers at once. Workers are started with
``spawn``: nothing of the serving process (its threads, locks or heap) is copied into them.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
import traceback
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from critmin.service.oxigraph_eval import Evaluator, QueryTask
from critmin.service.query_guard import QueryRejected
from critmin.service.query_process import QueryFailed, QueryTimeout
from critmin.service.store import QueryAnswer

log = logging.getLogger(__name__)

_SPAWN = multiprocessing.get_context("spawn")
_START_SECONDS = 120.0  # a worker imports pyoxigraph and rdflib, then opens the store
_RESTART_PAUSE_SECONDS = 1.0


def _serve(store_path: str, connection: Connection) -> None:
    """A worker's life: open the store, say so, then answer tasks until the pipe closes."""
    import pyoxigraph

    try:
        store = pyoxigraph.Store.read_only(store_path)
    except OSError as error:  # the parent reports it (the store was removed, say)
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", None))
    evaluator = Evaluator(store)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[str, object] = ("ok", evaluator.evaluate(task))
        except QueryRejected as error:
            outcome = ("rejected", error)
        except Exception as error:  # the parent answers QueryFailed, and logs it
            outcome = ("error", f"{type(error).__name__}: {error}\n{traceback.format_exc()}")
        connection.send(outcome)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, store_path: Path) -> None:
        self.connection, child_end = _SPAWN.Pipe()
        self.process: BaseProcess = _SPAWN.Process(
            target=_serve, args=(str(store_path), child_end), daemon=True,
            name="critmin-query-worker",
        )
        self.process.start()
        child_end.close()

    def wait_ready(self) -> None:
        """Block until the worker has opened the store; QueryFailed if it could not."""
        if not self.connection.poll(_START_SECONDS):
            self.stop()
            raise QueryFailed("a query worker did not start in time")
        try:
            status, _ = self.connection.recv()
        except EOFError:
            status = "died"
        if status != "ready":
            self.stop()
            raise QueryFailed("a query worker could not open the store")

    def stop(self) -> None:
        """Kill the process and close the pipe."""
        self.process.kill()
        self.process.join()
        self.connection.close()


class WorkerPool:
    """``size`` workers over the on-disk store at ``store_path``; see the module docstring."""

    def __init__(self, store_path: Path, size: int) -> None:
        if size < 1:
            raise ValueError(f"a worker pool needs at least one worker, not {size}")
        self.store_path = store_path
        self.size = size
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._closed = threading.Event()
        workers = [_Worker(store_path) for _ in range(size)]
        for worker in workers:
            worker.wait_ready()
            self._idle.put(worker)

    def submit(self, task: QueryTask, timeout: float | None) -> QueryAnswer:
        """``task``'s answer from an idle worker; QueryTimeout past ``timeout`` seconds (waiting
        for a worker included), QueryRejected or QueryFailed when it cannot be answered."""
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(timeout or 0) from None
        try:
            worker.connection.send(task)
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not worker.connection.poll(remaining):
                self._replace(worker)
                raise QueryTimeout(timeout or 0)
            status, payload = worker.connection.recv()
        except (EOFError, OSError) as error:
            self._replace(worker)
            raise QueryFailed("a query worker ended without an answer") from error
        if self._closed.is_set():
            worker.stop()
        else:
            self._idle.put(worker)
        if status == "rejected":
            raise payload  # type: ignore[misc]
        if status == "error":
            raise QueryFailed(str(payload).splitlines()[0], str(payload))
        return payload.unpack()  # type: ignore[attr-defined]

    def close(self) -> None:
        """Stop every idle worker; a busy one is stopped when its query returns."""
        self._closed.set()
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start its successor in the background."""
        worker.stop()
        threading.Thread(target=self._start_one, daemon=True, name="critmin-restart").start()

    def _start_one(self) -> None:
        """Start a worker and add it to the idle ones; retry until it starts or the pool closes."""
        while not self._closed.is_set():
            try:
                worker = _Worker(self.store_path)
                worker.wait_ready()
            except (QueryFailed, OSError) as error:
                if self._closed.is_set():
                    return
                log.error("could not start a query worker: %s", error)
                time.sleep(_RESTART_PAUSE_SECONDS)
                continue
            if self._closed.is_set():
                worker.stop()
            else:
                self._idle.put(worker)
            return
