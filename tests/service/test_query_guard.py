"""The query guard: parse errors, updates, SERVICE and dataset IRIs; and through /sparql, that
a refused SERVICE makes no connection while an allow-listed one is queried."""

from __future__ import annotations

import concurrent.futures
import json
import select
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError

import pytest
from flask.testing import FlaskClient
from rdflib import XSD, URIRef

from critmin.service.app import create_app
from critmin.service.config import Settings, SettingsError
from critmin.service.query_guard import (
    DatasetSpec,
    QueryRejected,
    check_dataset,
    check_query,
    requested_dataset,
)
from critmin.service.store import LocalStore, Store

G1 = URIRef("https://w3id.org/critmin/id/graph/reference")
G2 = URIRef("https://w3id.org/critmin/id/graph/doc/00000000000000aa")
REMOTE = "http://127.0.0.1:9/sparql"


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("ASK {}", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <urn:x>", "DESCRIBE"),
    ],
)
def test_each_query_form_is_accepted(query: str, form: str) -> None:
    checked = check_query(query)
    assert (checked.text, checked.form) == (query, form)
    assert checked.from_graphs == checked.from_named_graphs == ()


def test_from_and_from_named_are_read_with_prefixes_expanded() -> None:
    checked = check_query(
        "PREFIX graph: <https://w3id.org/critmin/id/graph/>\n"
        f"SELECT * FROM graph:reference FROM NAMED <{G2}> WHERE {{ ?s ?p ?o }}"
    )
    assert checked.from_graphs == (G1,)
    assert checked.from_named_graphs == (G2,)


def test_malformed_query_reports_line_and_column() -> None:
    with pytest.raises(QueryRejected) as raised:
        check_query("ASK {\n  ?s ?p ?o .\n  FILTER(\n}")
    error = raised.value
    assert (error.status, error.title) == (400, "Malformed query")
    assert (error.line, error.column) == (4, 1)
    assert error.detail == "Expected Filter, found '}' (at char 29), (line:4, col:1)"


def test_unknown_prefix_is_malformed() -> None:
    with pytest.raises(QueryRejected) as raised:
        check_query("SELECT * WHERE { ex:a ?p ?o }")
    assert (raised.value.status, raised.value.detail) == (400, "Unknown namespace prefix : ex")
    assert raised.value.line is None


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "INSERT { ?s <urn:b> 1 } WHERE { ?s ?p ?o }",
        f"LOAD <{REMOTE}>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "CREATE GRAPH <urn:g>",
        "ADD DEFAULT TO <urn:g>",
        "MOVE <urn:g> TO <urn:h>",
        "COPY <urn:g> TO <urn:h>",
    ],
)
def test_every_update_is_refused(update: str) -> None:
    with pytest.raises(QueryRejected) as raised:
        check_query(update)
    assert (raised.value.status, raised.value.title) == (403, "Read-only endpoint")


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * WHERE {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{REMOTE}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }} }}",
    ],
)
def test_service_is_refused_wherever_it_is(query: str) -> None:
    with pytest.raises(QueryRejected) as raised:
        check_query(query)
    assert (raised.value.status, raised.value.title) == (403, "Outbound request refused")
    assert raised.value.detail.startswith(f"SERVICE <{REMOTE}> is refused")


def test_allow_listed_service_passes_but_not_another_nor_a_variable() -> None:
    query = f"SELECT * WHERE {{ SERVICE <{REMOTE}> {{ ?s ?p ?o }} }}"
    assert check_query(query, allowlist=(REMOTE,)).form == "SELECT"
    with pytest.raises(QueryRejected):
        check_query(query, allowlist=("http://127.0.0.1:9/other",))
    with pytest.raises(QueryRejected) as raised:
        check_query("SELECT * WHERE { SERVICE ?e { ?s ?p ?o } }", allowlist=(REMOTE,))
    assert raised.value.detail.startswith("SERVICE ?e is refused")


def test_protocol_graphs_take_precedence_over_from() -> None:
    checked = check_query(f"SELECT * FROM <{G1}> WHERE {{ ?s ?p ?o }}")
    assert requested_dataset(checked, [], []) == DatasetSpec((G1,), ())
    assert requested_dataset(checked, [str(G2)], []) == DatasetSpec((G2,), ())
    assert requested_dataset(checked, [], [str(G2)]) == DatasetSpec((), (G2,))
    assert requested_dataset(check_query("ASK {}"), [], []) is None


def test_graphs_outside_the_dataset_are_empty_unless_allow_listed() -> None:
    known = {G1, G2}
    local = DatasetSpec((G1,), (G2,))
    assert check_dataset(local, known) == local
    remote = DatasetSpec((G1, URIRef(REMOTE)), (URIRef(REMOTE),))
    assert check_dataset(remote, known) == DatasetSpec((G1,), ())
    assert check_dataset(remote, known, allowlist=(REMOTE,)) == DatasetSpec(
        (G1, URIRef(REMOTE)), (URIRef(REMOTE),), fetch_remote=True
    )
    assert check_dataset(DatasetSpec((URIRef(REMOTE),), ()), known) == DatasetSpec((), ())


# --- SERVICE through /sparql ---------------------------------------------------------------

@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP socket listening on a free loopback port; connections wait in its backlog."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server


def has_pending_connection(server: socket.socket) -> bool:
    """Whether a connection to ``server`` waits to be accepted."""
    readable, _, _ = select.select([server], [], [], 0)
    return bool(readable)


def service_query(server: socket.socket) -> tuple[str, str]:
    """An endpoint URL on ``server`` and a query that names it in SERVICE."""
    endpoint = f"http://127.0.0.1:{server.getsockname()[1]}/sparql"
    return endpoint, f"SELECT ?o WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"


def test_service_is_refused_and_no_connection_is_made(
    client: FlaskClient, listener: socket.socket
) -> None:
    endpoint, query = service_query(listener)
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 403
    assert response.get_json()["error"]["message"] == (
        f"SERVICE <{endpoint}> is refused: this endpoint does not query other endpoints "
        "unless its federation allow-list names them."
    )
    assert not has_pending_connection(listener)


@pytest.mark.parametrize(
    "query, protocol_graph",
    [
        ("SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}", False),
        ("SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
         False),
        ("SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}", True),
    ],
)
def test_graphs_outside_the_dataset_are_answered_as_empty_and_never_fetched(
    client: FlaskClient, listener: socket.socket, query: str, protocol_graph: bool
) -> None:
    graph = f"http://127.0.0.1:{listener.getsockname()[1]}/data.ttl"
    params = {"query": query.format(graph=graph)}
    if protocol_graph:
        params["default-graph-uri"] = graph
    response = client.get("/sparql", query_string=params)
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"] == [
        {"n": {"type": "literal", "value": "0", "datatype": str(XSD.integer)}}
    ]
    assert not has_pending_connection(listener)


def answer_one_sparql_request(server: socket.socket, body: bytes) -> threading.Thread:
    """Answer the next connection to ``server`` with ``body`` as SPARQL JSON results."""

    def respond() -> None:
        connection, _ = server.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n"
                + body
            )

    thread = threading.Thread(target=respond, daemon=True)
    thread.start()
    return thread


def redirect_every_request(server: socket.socket, location: str) -> None:
    """Answer each connection to ``server`` with a redirect to ``location`` (rdflib tries a
    graph in several formats, one request each) until the socket closes."""

    def respond() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:  # closed: the test is over
                return
            with connection:
                connection.recv(65536)
                connection.sendall(
                    b"HTTP/1.1 302 Found\r\nLocation: " + location.encode()
                    + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )

    threading.Thread(target=respond, daemon=True).start()


@pytest.fixture(params=["oxigraph", "rdflib"])
def any_store(request: pytest.FixtureRequest, sample_data_file: Path) -> Store:
    """Each embedded store over the sample dataset."""
    if request.param == "rdflib":
        return LocalStore.from_file(sample_data_file)
    return request.getfixturevalue("store")


@pytest.mark.parametrize("form", ["SERVICE", "FROM"])
@pytest.mark.parametrize("target", ["loopback", "file:///etc/passwd"])
def test_an_allow_listed_endpoint_cannot_redirect_elsewhere(
    any_store: Store, listener: socket.socket, form: str, target: str
) -> None:
    allowed = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    with socket.create_server(("127.0.0.1", 0)) as elsewhere:
        location = (
            f"http://127.0.0.1:{elsewhere.getsockname()[1]}/" if target == "loopback" else target
        )
        query = (
            f"SELECT * WHERE {{ SERVICE <{allowed}> {{ ?s ?p ?o }} }}" if form == "SERVICE"
            else f"SELECT * FROM <{allowed}> WHERE {{ ?s ?p ?o }}"
        )
        redirect_every_request(listener, location)
        settings = Settings(federation_allowlist=(allowed,), query_timeout=30.0)
        client = create_app(any_store, {"TESTING": True}, settings=settings).test_client()
        response = client.get("/sparql", query_string={"query": query})
        assert not has_pending_connection(elsewhere)
    error = response.get_json()["error"]
    assert (response.status_code, error["title"]) in {
        (502, "Remote source failed"), (400, "Query cannot be evaluated")
    }
    assert "secret" not in response.get_data(as_text=True)
    assert "root:" not in response.get_data(as_text=True)


def test_the_allow_list_names_http_endpoints_only() -> None:
    with pytest.raises(SettingsError, match="HTTP\\(S\\) endpoints only, not 'file:///etc/passwd'"):
        Settings(federation_allowlist=("file:///etc/passwd",))


def test_allow_listed_service_is_queried(store: LocalStore, listener: socket.socket) -> None:
    endpoint, query = service_query(listener)
    remote = {"head": {"vars": ["o"]},
              "results": {"bindings": [{"o": {"type": "literal", "value": "from afar"}}]}}
    responder = answer_one_sparql_request(listener, json.dumps(remote).encode())
    settings = Settings(federation_allowlist=(endpoint,), query_timeout=10.0)
    client = create_app(store, {"TESTING": True}, settings=settings).test_client()
    response = client.get("/sparql", query_string={"query": query})
    responder.join(timeout=10)
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"] == [
        {"o": {"type": "literal", "value": "from afar"}}
    ]


@pytest.mark.server
def test_the_real_server_refuses_service_to_a_loopback_listener(
    live_server: str, listener: socket.socket
) -> None:
    endpoint, query = service_query(listener)
    url = f"{live_server}/sparql?{urllib.parse.urlencode({'query': query})}"
    with pytest.raises(HTTPError) as raised:
        urllib.request.urlopen(url, timeout=30)
    assert raised.value.code == 403
    assert json.loads(raised.value.read())["error"]["message"] == (
        f"SERVICE <{endpoint}> is refused: this endpoint does not query other endpoints "
        "unless its federation allow-list names them."
    )
    assert not has_pending_connection(listener)


def test_queries_checked_in_many_threads_at_once_all_parse() -> None:
    """rdflib's grammar is shared by all threads; without the lock some parses fail."""
    query = "SELECT ?s ?o WHERE { ?s a ?type ; ?p ?o } ORDER BY ?s LIMIT 10"
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        forms = list(pool.map(lambda _: check_query(query).form, range(400)))
    assert forms == ["SELECT"] * 400
