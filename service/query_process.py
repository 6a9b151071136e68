"""Run a query in a forked child process so that a time limit really stops it (rdflib's store;
the Oxigraph store has a pool of worker processes instead, ``query_workers``).

rdflib evaluates SPARQL in pure Python and cannot be interrupted inside a thread, so a query
that runs past its limit is evaluated in a child process that is killed at the limit. The child
is forked from the serving process: it shares the loaded dataset copy-on-write (nothing is
copied or re-read up front), and sends back its answer, a small picklable value, over a pipe.

Costs, stated plainly: one ``fork`` per query, which copies the page tables (measured here:
about 20 ms per query with 200,000 triples loaded, 0.4 GB; it grows with the heap). Pages the
child touches are copied, so a query scanning the whole dataset can use memory up to the
dataset's size while it runs; at most one child per serving thread runs at once. A pool of
pre-forked workers would save the fork but, as refcounts touch pages, end up holding one copy
of the dataset each (Oxigraph's on-disk store avoids that: its workers share the files).
Works where ``fork`` exists (Linux, macOS).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

Answer = TypeVar("Answer")

_FORK = multiprocessing.get_context("fork")
_EXIT_GRACE_SECONDS = 5.0


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the query ran longer than the {seconds:g} s limit and was stopped")
        self.seconds = seconds


class QueryFailed(Exception):
    """The query raised an error while it was evaluated: the message is one line, ``details``
    the traceback from the process that ran it (the service's error log writes it)."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def _child(
    task: Callable[[], object], sender: Connection, expected: tuple[type[Exception], ...]
) -> None:
    try:
        answer = task()
    except expected as error:
        sender.send(("raised", error))
    except Exception as error:  # reported to the parent, which logs it and raises QueryFailed
        sender.send(("error", f"{type(error).__name__}: {error}\n{traceback.format_exc()}"))
    else:
        sender.send(("ok", answer))
    finally:
        sender.close()


def run_with_time_limit(
    task: Callable[[], Answer], seconds: float | None,
    expected: tuple[type[Exception], ...] = (),
) -> Answer:
    """``task()`` evaluated in a forked child; :class:`QueryTimeout` if it takes longer than
    ``seconds`` (the child is killed; ``None``: no limit), :class:`QueryFailed` if it raises or
    dies. An error of an ``expected`` type (it must pickle) is raised again here as it was."""
    receiver, sender = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_child, args=(task, sender, expected), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            child.kill()
            raise QueryTimeout(seconds or 0)
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise QueryFailed("the query process ended without an answer") from None
    finally:
        receiver.close()
        child.join(_EXIT_GRACE_SECONDS)
        if child.is_alive():
            child.kill()
            child.join()
    if status == "raised":
        raise payload
    if status == "error":
        raise QueryFailed(payload.splitlines()[0], payload)
    return payload
