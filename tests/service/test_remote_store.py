"""RemoteStore against the real critmin server as the remote SPARQL endpoint."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from rdflib import Literal, Variable

from critmin.graph.base.namespaces import CMR, REFERENCE_GRAPH
from critmin.service.config import Settings
from critmin.service.query_guard import QueryRequest
from critmin.service.query_process import QueryTimeout
from critmin.service.remote_store import RemoteStore
from critmin.service.store import LocalStore, QueryLimits, StoreError

REFERENCE = REFERENCE_GRAPH
DOC_BB = CMR["graph/doc/00000000000000bb"]
LABELS = (
    "SELECT ?label WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    " ORDER BY ?label"
)
LIMITS = QueryLimits(max_rows=100, timeout=10.0)

pytestmark = pytest.mark.server


@pytest.fixture
def settings(sample_data_file: Path) -> Settings:
    """The served endpoint stops its own queries after 2 s (the remote-timeout test)."""
    return Settings(data_file=str(sample_data_file), query_timeout=2.0)


@pytest.fixture
def remote(live_server: str) -> RemoteStore:
    return RemoteStore(f"{live_server}/sparql", timeout=10.0)


def test_remote_stats_and_graph_names_match_the_local_store(
    remote: RemoteStore, store: LocalStore
) -> None:
    assert remote.stats() == store.stats()
    assert remote.graph_names() == store.graph_names()


def test_remote_run_select_and_construct(remote: RemoteStore, store: LocalStore) -> None:
    select = QueryRequest(LABELS)
    assert remote.run(select, LIMITS) == store.run(select, LIMITS)
    construct = QueryRequest("CONSTRUCT WHERE { ?s ?p ?o }")
    assert remote.run(construct, LIMITS).triples == store.run(
        construct, LIMITS).triples


def test_remote_run_sends_the_dataset_and_cuts_at_max_rows(remote: RemoteStore) -> None:
    answer = remote.run(QueryRequest(LABELS, default_graph_uris=(str(DOC_BB),)), LIMITS)
    assert [str(row[Variable("label")]) for row in answer.rows] == ["Exampleland"]
    cut = remote.run(QueryRequest(LABELS), QueryLimits(max_rows=1, timeout=10.0))
    assert (len(cut.rows), cut.truncated) == (1, True)


def test_remote_run_over_a_dataset_of_no_graph_sees_no_triple(remote: RemoteStore) -> None:
    count = QueryRequest("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    empty = remote.run(
        QueryRequest(count.text, default_graph_uris=("urn:x-test:absent",)), LIMITS
    )
    assert [row[Variable("n")] for row in empty.rows] == [Literal(0)]
    whole = remote.run(count, LIMITS)
    assert [row[Variable("n")] for row in whole.rows] != [Literal(0)]


def test_remote_trusted_query_binds_typed_terms(remote: RemoteStore) -> None:
    result = remote.query(
        "SELECT ?x WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
        {"label": Literal("Testland", lang="en")},
    )
    assert [row[0] for row in result] == [CMR["actor/testland"]]


def test_remote_past_the_time_limit_raises(live_server: str, endless_query: str) -> None:
    remote = RemoteStore(f"{live_server}/sparql", timeout=1.0)
    with pytest.raises(QueryTimeout) as raised:
        remote.run(QueryRequest(endless_query), QueryLimits(max_rows=10, timeout=1.0))
    assert raised.value.seconds == 1.0


def test_unreachable_endpoint_is_a_store_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(StoreError) as raised:
        RemoteStore(f"http://127.0.0.1:{port}/sparql").stats()
    endpoint = f"http://127.0.0.1:{port}/sparql"
    assert str(raised.value).startswith(f"the SPARQL endpoint {endpoint} failed")
