"""The query worker pool: answers from worker processes, a worker killed at the time limit
and replaced, syntax errors and failures reported apart."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, Variable

from critmin.service.oxigraph_eval import QueryTask
from critmin.service.query_guard import QueryRejected, QueryRequest
from critmin.service.query_process import QueryTimeout
from critmin.service.query_workers import WorkerPool

ENDLESS = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o ."
    " ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RESTART_WAIT_SECONDS = 120.0


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerPool]:
    """Two workers over an on-disk store of 20 triples in the default graph."""
    folder = tmp_path_factory.mktemp("store")
    store = ox.Store(str(folder))
    store.extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                ox.Literal(str(i)))
        for i in range(20)
    )
    store.flush()
    del store
    workers = WorkerPool(Path(folder), 2)
    yield workers
    workers.close()


def count(answer_rows: tuple[dict[Variable, object], ...]) -> int:
    return int(answer_rows[0][Variable("n")])  # type: ignore[call-overload]


def test_a_worker_answers_a_query(pool: WorkerPool) -> None:
    answer = pool.submit(QueryTask(COUNT), timeout=60)
    assert answer.form == "SELECT"
    assert answer.variables == (Variable("n"),)
    assert count(answer.rows) == 20


def test_a_query_past_the_limit_kills_its_worker_and_another_takes_its_place(
    pool: WorkerPool,
) -> None:
    before = worker_pids()
    with pytest.raises(QueryTimeout) as raised:
        pool.submit(QueryTask(ENDLESS), timeout=1.0)
    assert str(raised.value) == "the query ran longer than the 1 s limit and was stopped"
    assert len(worker_pids()) == len(before) - 1  # killed, and not yet replaced
    deadline = time.monotonic() + RESTART_WAIT_SECONDS
    while len(worker_pids()) < len(before) and time.monotonic() < deadline:
        time.sleep(0.1)
    after = worker_pids()
    assert len(after) == len(before)
    assert len(after - before) == 1
    answers = [pool.submit(QueryTask(COUNT), timeout=RESTART_WAIT_SECONDS) for _ in range(3)]
    assert [count(answer.rows) for answer in answers] == [20, 20, 20]


def worker_pids() -> set[int | None]:
    """The process ids of the live query workers (of every pool of this test session)."""
    return {
        child.pid for child in multiprocessing.active_children()
        if child.name == "critmin-query-worker"
    }


def test_a_syntax_error_is_reported_as_such(pool: WorkerPool) -> None:
    with pytest.raises(QueryRejected) as raised:
        pool.submit(QueryTask("SELECT * WHERE { ?s ?p }"), timeout=60)
    assert (raised.value.status, raised.value.title) == (400, "Malformed query")
    assert "\n" not in raised.value.detail
    assert count(pool.submit(QueryTask(COUNT), timeout=60).rows) == 20


def test_the_worker_checks_an_endpoint_request_and_sends_back_the_refusal(
    pool: WorkerPool,
) -> None:
    update = QueryRequest("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryRejected) as raised:
        pool.submit(QueryTask(request=update), timeout=60)
    assert (raised.value.status, raised.value.title) == (403, "Read-only endpoint")
    malformed = QueryRequest("SELECT ?s\nWHERE { ?s ?p }")
    with pytest.raises(QueryRejected) as raised:
        pool.submit(QueryTask(request=malformed), timeout=60)
    # The object is missing: the error is at the closing brace.
    assert (raised.value.status, raised.value.line, raised.value.column) == (400, 2, 15)
    answer = pool.submit(QueryTask(request=QueryRequest(COUNT)), timeout=60)
    assert count(answer.rows) == 20


def test_parsing_that_runs_past_the_limit_is_stopped(pool: WorkerPool) -> None:
    # rdflib's parser takes seconds per thousand terms of one expression; the guard parses a
    # query with FROM (query_prescreen).
    slow_to_parse = QueryRequest(
        "SELECT * FROM <http://example.org/g> WHERE { FILTER("
        + "+".join(["1"] * 20_000) + ") }"
    )
    before = worker_pids()
    with pytest.raises(QueryTimeout):
        pool.submit(QueryTask(request=slow_to_parse), timeout=1)
    assert count(pool.submit(QueryTask(COUNT), timeout=120).rows) == 20
    assert worker_pids() != before


def test_bindings_and_max_rows_reach_the_worker(pool: WorkerPool) -> None:
    task = QueryTask(
        "SELECT ?s WHERE { ?s <http://example.org/p> ?o }", (("o", Literal("7")),)
    )
    answer = pool.submit(task, timeout=60)
    assert [str(row[Variable("s")]) for row in answer.rows] == ["http://example.org/s7"]
    cut = pool.submit(QueryTask("SELECT ?s WHERE { ?s ?p ?o }", max_rows=5), timeout=60)
    assert len(cut.rows) == 5
    assert cut.truncated


def test_a_pool_needs_a_worker(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one worker"):
        WorkerPool(tmp_path, 0)
