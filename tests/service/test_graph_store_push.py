"""critmin push: reading a dataset file graph by graph, and uploading it to a real Oxigraph
server's graph store (in memory, on a loopback port)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from oxigraph_server import running_oxigraph
from rdflib import URIRef

from critmin.graph.base.namespaces import CMR, REFERENCE_GRAPH
from critmin.service.cli import main
from critmin.service.graph_store_push import (
    PushError,
    PushSummary,
    graph_url,
    push,
    read_graphs,
    shared_blank_nodes,
)
from critmin.service.remote_store import RemoteStore
from critmin.service.store import LocalStore

DOC_AA = str(CMR["graph/doc/00000000000000aa"])
DOC_BB = str(CMR["graph/doc/00000000000000bb"])


def test_read_graphs_gives_each_graph_with_its_triples(sample_data_file: Path) -> None:
    graphs = read_graphs(sample_data_file)
    assert [(graph.name, len(graph.triples)) for graph in graphs] == [
        (str(REFERENCE_GRAPH), 7), (DOC_AA, 6), (DOC_BB, 5)
    ]


def test_default_graph_and_shared_blank_nodes(tmp_path: Path) -> None:
    path = tmp_path / "data.nq"
    path.write_text(
        "<urn:a> <urn:p> _:b .\n"
        "_:b <urn:p> <urn:c> <urn:g1> .\n"
        "_:b <urn:q> <urn:d> <urn:g2> .\n"
        "_:e <urn:q> <urn:d> <urn:g2> .\n",
        encoding="utf-8",
    )
    graphs = read_graphs(path)
    assert [(graph.name, len(graph.triples)) for graph in graphs] == [
        (None, 1), ("urn:g1", 1), ("urn:g2", 2)
    ]
    assert shared_blank_nodes(graphs) == 1


@pytest.mark.parametrize(
    ("endpoint", "name", "url"),
    [
        ("http://h/store", "urn:g?x=1", "http://h/store?graph=urn%3Ag%3Fx%3D1"),
        ("http://h/rdf-graphs/service?x=1", "urn:g", "http://h/rdf-graphs/service?x=1&graph=urn%3Ag"),
        ("http://h/store", None, "http://h/store?default"),
    ],
)
def test_graph_urls(endpoint: str, name: str | None, url: str) -> None:
    assert graph_url(endpoint, name) == url


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("absent.trig", None, "data file {path} does not exist"),
        ("data.ttl", "", "{path}: unsupported dataset file type '.ttl'; use .trig or .nq"),
        ("", None, "data file {path} is a folder; give the dataset file in it"),
        ("data.nq", "_:s <urn:p> <urn:o> _:g .\n",
         "{path} names a graph with a blank node; the store needs IRIs"),
        ("data.nq", "", "data file {path} holds no triples (build it: critmin build)"),
        ("data.nq", "# critmin dataset: its manifest (quads, graphs, sha256) is the last line\n"
                    "<urn:s> <urn:p> <urn:o> <urn:g> .\n",
         "{path} was cut short: it has no manifest line at its end (rebuild it)"),
    ],
)
def test_bad_files_are_refused_before_any_request(
    tmp_path: Path, file_name: str, content: str | None, message: str
) -> None:
    path = tmp_path / file_name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PushError) as raised:
        push(path, "http://127.0.0.1:9/store")  # nothing is sent: the file fails first
    assert str(raised.value) == message.format(path=path)


def test_an_unparsable_file_is_one_line_naming_the_place(tmp_path: Path) -> None:
    path = tmp_path / "data.nq"
    path.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(PushError) as raised:
        push(path, "http://127.0.0.1:9/store")
    message = str(raised.value)
    assert message.startswith(f"cannot parse {path} as N-Quads: Parser error at line 1 ")
    assert message.endswith("(data.nq, line 1)") and "\n" not in message


@pytest.mark.parametrize("endpoint", ["ftp://host/store", "localhost:7878/store", "store"])
def test_the_endpoint_must_be_an_http_url(sample_data_file: Path, endpoint: str) -> None:
    with pytest.raises(PushError) as raised:
        push(sample_data_file, endpoint)
    assert str(raised.value) == f"{endpoint!r} is not an http:// or https:// URL of a graph store"


@pytest.fixture
def oxigraph() -> Iterator[str]:
    """A fresh, empty Oxigraph server whose default graph is the union of its graphs."""
    with running_oxigraph("--union-default-graph") as url:
        yield url


@pytest.mark.server
def test_push_replaces_every_graph_in_the_store(
    oxigraph: str, sample_data_file: Path, rdflib_store: LocalStore
) -> None:
    assert push(sample_data_file, f"{oxigraph}/store") == PushSummary(graphs=3, quads=18)
    assert push(sample_data_file, f"{oxigraph}/store") == PushSummary(graphs=3, quads=18)
    remote = RemoteStore(f"{oxigraph}/query", timeout=30.0)
    assert remote.stats() == rdflib_store.stats()  # replaced, not added twice
    pushed = remote.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_BB}> {{ ?s ?p ?o }} }}")
    assert set(pushed.graph or ()) == set(rdflib_store.dataset.graph(URIRef(DOC_BB)))


@pytest.mark.server
def test_push_command_reports_progress_and_a_summary(
    oxigraph: str, sample_data_file: Path, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="critmin")
    status = main(["push", "--data", str(sample_data_file), "--to", f"{oxigraph}/store"])
    assert status == 0
    assert capsys.readouterr().out == f"pushed 3 graphs, 18 quads to {oxigraph}/store\n"
    assert [record.getMessage() for record in caplog.records] == [
        f"graph 1/3 <{REFERENCE_GRAPH}>: 7 triples",
        f"graph 2/3 <{DOC_AA}>: 6 triples",
        f"graph 3/3 <{DOC_BB}>: 5 triples",
    ]


@pytest.mark.server
def test_an_http_error_is_one_line_and_exit_2(
    oxigraph: str, sample_data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["push", "--data", str(sample_data_file), "--to", f"{oxigraph}/nowhere"])
    assert status == 2
    assert capsys.readouterr().err == (
        f"critmin push: error: {oxigraph}/nowhere refused graph <{REFERENCE_GRAPH}>: "
        "HTTP 404 Not Found: PUT /nowhere is not supported by this server\n"
    )


def test_an_unreachable_store_is_one_line_and_exit_2(
    sample_data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    status = main(["push", "--data", str(sample_data_file), "--to", f"http://127.0.0.1:{port}/"])
    assert status == 2
    error = capsys.readouterr().err
    assert error.startswith(f"critmin push: error: cannot reach http://127.0.0.1:{port}/: ")
    assert error.count("\n") == 1 and error.endswith("\n")
