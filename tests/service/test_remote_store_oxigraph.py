"""RemoteStore against a real Oxigraph server holding the seed dataset (sent by ``critmin push``):
every canned query and resource page answers as the embedded store does, and a store whose
default graph is not the union of its graphs is refused at start-up.

The canned queries are written to give the same rows on both engines (queries/README.md), and
the canned-query runner absorbs the lexical forms of numbers; resource pages compare triples
with Oxigraph's integer subtypes read as xsd:integer (it stores them so).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from oxigraph_server import running_oxigraph
from rdflib import PROV, RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.graph.base.namespaces import CM, CMR
from critmin.service import server
from critmin.service.app import create_app
from critmin.service.catalogue import load_catalogue, run
from critmin.service.cli import main
from critmin.service.graph_store_push import push
from critmin.service.remote_store import UNION_DEFAULT_GRAPH_HINT, RemoteStore
from critmin.service.store import LocalStore, StoreError

SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"
CATALOGUE = load_catalogue()
TIMEOUT = 60.0

pytestmark = pytest.mark.server

Row = tuple[Identifier | None, ...]


def _as_integer(term: Identifier | None) -> Identifier | None:
    if isinstance(term, Literal) and term.datatype == XSD.nonNegativeInteger:
        return Literal(str(term), datatype=XSD.integer)
    return term




@pytest.fixture(scope="module")
def local() -> LocalStore:
    return LocalStore.from_file(SEED)


@pytest.fixture(scope="module")
def oxigraph() -> Iterator[str]:
    """An Oxigraph server with the union default graph, holding the seed dataset."""
    with running_oxigraph("--union-default-graph") as url:
        push(SEED, f"{url}/store")
        yield url


@pytest.fixture(scope="module")
def remote(oxigraph: str) -> RemoteStore:
    return RemoteStore(f"{oxigraph}/query", timeout=TIMEOUT)


def _rows(result: Result) -> list[Row]:
    return [tuple(row.get(name) for name in result.vars) for row in result.bindings]


def test_the_union_store_is_accepted_and_counts_as_the_embedded_one(
    remote: RemoteStore, local: LocalStore
) -> None:
    remote.check_default_graph()
    assert remote.stats() == local.stats()
    assert remote.graph_names() == local.graph_names()


@pytest.mark.parametrize("query_id", list(CATALOGUE))
def test_every_canned_query_answers_as_on_the_embedded_store(
    query_id: str, remote: RemoteStore, local: LocalStore
) -> None:
    """With its default parameters, bound in the query text for the remote store."""
    query = CATALOGUE[query_id]
    expected, answered = _rows(run(query, local)), _rows(run(query, remote))
    assert expected, f"{query_id} has no rows on the seed: nothing is compared"
    assert answered == expected


def _seed_resources(local: LocalStore) -> dict[str, URIRef]:
    """An agreement, a control, a source document, a reference state and a mineral."""
    dataset = local.dataset
    agreement = min(dataset.subjects(RDF.type, CM.Agreement))
    return {
        "agreement": agreement,
        "control": min(dataset.subjects(RDF.type, CM.ExportControl)),
        "document": min(dataset.objects(agreement, PROV.wasDerivedFrom)),
        "state": CMR["actor/china"],
        "mineral": CMR["mineral/neodymium-oxide"],
    }


@pytest.fixture(scope="module")
def clients(local: LocalStore, remote: RemoteStore) -> tuple[FlaskClient, FlaskClient]:
    """Test clients of the app over the embedded store and over the Oxigraph server."""
    return (create_app(local, {"TESTING": True}).test_client(),
            create_app(remote, {"TESTING": True}).test_client())


@pytest.mark.parametrize("kind", ["agreement", "control", "mineral"])
def test_resource_pages_are_the_same(
    kind: str, local: LocalStore, clients: tuple[FlaskClient, FlaskClient]
) -> None:
    path = "/id/" + str(_seed_resources(local)[kind]).removeprefix(str(CMR))
    embedded, served = (client.get(path) for client in clients)
    assert (embedded.status_code, served.status_code) == (200, 200)
    assert served.text == embedded.text


@pytest.mark.parametrize("kind", ["agreement", "control", "document", "state", "mineral"])
def test_resource_descriptions_are_the_same_triples(
    kind: str, local: LocalStore, clients: tuple[FlaskClient, FlaskClient]
) -> None:
    """Up to Oxigraph's xsd:integer for the spans' xsd:nonNegativeInteger offsets, and to
    the names of the blank nodes (the justifications' statements and class expressions)."""
    path = "/id/" + str(_seed_resources(local)[kind]).removeprefix(str(CMR)) + ".ttl"
    embedded, served = (
        Graph().parse(data=client.get(path).text, format="turtle") for client in clients
    )
    for graph in (embedded, served):
        for s, p, o in list(graph):
            graph.remove((s, p, o))
            graph.add((s, p, _as_integer(o)))
    assert isomorphic(served, embedded)
    assert len(served) > 5


@pytest.fixture(scope="module")
def separate_default_graph(sample_data_file: Path) -> Iterator[str]:
    """An Oxigraph server without the union default graph, holding the sample dataset."""
    with running_oxigraph() as url:
        push(sample_data_file, f"{url}/store")
        yield f"{url}/query"


def test_a_store_without_union_default_graph_is_refused(separate_default_graph: str) -> None:
    with pytest.raises(StoreError) as raised:
        RemoteStore(separate_default_graph, timeout=TIMEOUT).check_default_graph()
    assert str(raised.value) == (
        f"the default graph of the SPARQL endpoint {separate_default_graph} does not hold the "
        f"triples of its named graphs: {UNION_DEFAULT_GRAPH_HINT}"
    )


def test_serve_refuses_to_start_on_it_with_one_line(
    separate_default_graph: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(*args: object) -> None:
        raise AssertionError("critmin serve started on a store it should refuse")

    monkeypatch.setattr(server, "serve", never)
    status = main(["serve", "--remote-endpoint", separate_default_graph, "--port", "0"])
    assert status == 2
    error = capsys.readouterr().err
    assert error == (
        f"critmin serve: error: the default graph of the SPARQL endpoint "
        f"{separate_default_graph} does not hold the triples of its named graphs: "
        f"{UNION_DEFAULT_GRAPH_HINT}\n"
    )
    assert "oxigraph serve --union-default-graph" in error


def test_an_empty_store_is_refused() -> None:
    with running_oxigraph("--union-default-graph") as url, pytest.raises(StoreError) as raised:
        RemoteStore(f"{url}/query", timeout=TIMEOUT).check_default_graph()
    assert str(raised.value) == (
        f"the SPARQL endpoint {url}/query holds no triples: load a dataset into it first "
        "(critmin push --data FILE --to GRAPH_STORE_URL)"
    )
