"""Linked Data about the dataset: /.well-known/void, named graph IRIs, the dataset's IRI, ontology
version IRIs, and the Service Description's link to the VoID description."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from oxigraph_server import running_oxigraph
from rdflib import DCAT, DCTERMS, RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from void_sample import (
    DOC_AA,
    DOC_BB,
    GRAPH_AA,
    RETIRED,
    sample_dataset,
)

from critmin.graph.base.namespaces import CM, CMR, INFERRED_GRAPH, REFERENCE_GRAPH, WD
from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.graph_store_push import push
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.remote_store import RemoteStore
from critmin.service.service_description import SD, VOID
from critmin.service.store import LocalStore
from critmin.service.void_description import LICENSE, WIKIDATA

DATASET = CMR["dataset"]
VOID_PATH = "/.well-known/void"
SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def app(request: pytest.FixtureRequest) -> Flask:
    """The app over the sample dataset, on the Oxigraph store, then on the rdflib store (made
    once for the module: making an app takes seconds, and the dataset is read-only)."""
    dataset = sample_dataset()
    store = OxigraphStore.from_dataset(dataset) if request.param == "oxigraph" else LocalStore(
        dataset
    )
    return create_app(store, {"TESTING": True}, settings=Settings())


def expected_graph_sizes() -> dict[URIRef, int]:
    """Triples per named graph, counted here from the sample."""
    return {
        URIRef(graph.identifier): len(graph)
        for graph in sample_dataset().graphs()
        if len(graph) and isinstance(graph.identifier, URIRef)
        and str(graph.identifier).startswith(str(CMR))
    }


def expected_links() -> dict[URIRef, int]:
    """Distinct triples that link to a Wikidata entity, by property, counted here."""
    triples = {(s, p, o) for s, p, o, _ in sample_dataset().quads((None, None, None, None))}
    counts: dict[URIRef, int] = {}
    for _, predicate, obj in triples:
        if isinstance(obj, URIRef) and str(obj).startswith(str(WD)):
            counts[URIRef(predicate)] = counts.get(URIRef(predicate), 0) + 1
    return counts


def void_graph(client: FlaskClient, accept: str = "", rdf_format: str = "turtle") -> Graph:
    response = client.get(VOID_PATH, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    return Graph().parse(data=response.get_data(as_text=True), format=rdf_format)


def test_void_counts_equal_the_dataset_s(client: FlaskClient) -> None:
    response = client.get(VOID_PATH)
    assert (response.status_code, response.mimetype) == (200, "text/turtle")
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    distinct = {(s, p, o) for s, p, o, _ in sample_dataset().quads((None, None, None, None))}
    assert graph.value(DATASET, VOID.triples) == Literal(len(distinct))
    subsets = {
        graph.value(subset, SD.name): graph.value(subset, VOID.triples)
        for subset in graph.objects(DATASET, VOID.subset)
        if (subset, RDF.type, VOID.Linkset) not in graph
    }
    sizes = expected_graph_sizes()
    assert subsets == {name: Literal(size) for name, size in sizes.items()}
    assert sum(sizes.values()) == len(distinct) + 3
    linksets = {
        graph.value(node, VOID.linkPredicate): graph.value(node, VOID.triples)
        for node in graph.subjects(RDF.type, VOID.Linkset)
    }
    assert linksets == {predicate: Literal(n) for predicate, n in expected_links().items()}
    assert linksets[SKOS.exactMatch] == Literal(3)


def test_void_names_types_licence_endpoint_sources_and_examples(client: FlaskClient) -> None:
    graph = void_graph(client)
    assert {VOID.Dataset, DCAT.Dataset} <= set(graph.objects(DATASET, RDF.type))
    assert graph.value(DATASET, DCTERMS.license) == LICENSE
    assert graph.value(DATASET, VOID.sparqlEndpoint) == URIRef("http://localhost/sparql")
    assert graph.value(DATASET, VOID.uriSpace) == Literal(str(CMR))
    assert set(graph.objects(DATASET, DCTERMS.source)) == {DOC_AA, DOC_BB}
    assert graph.value(DOC_AA, DCTERMS.title) == Literal("Unobtainium in Testland")
    assert URIRef(str(CM)) in set(graph.objects(DATASET, VOID.vocabulary))
    assert CMR["agreement/testland-exampleland-0000aaaa"] in set(
        graph.objects(DATASET, VOID.exampleResource)
    )
    for node in graph.subjects(RDF.type, VOID.Linkset):
        assert set(graph.objects(node, VOID.target)) == {DATASET, WIKIDATA}
    for example in graph.objects(DATASET, VOID.exampleResource):
        assert client.get("/id/" + str(example).removeprefix(str(CMR))).status_code == 200
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_every_data_dump_is_the_graph_s_trig(client: FlaskClient) -> None:
    graph = void_graph(client)
    dumps = set(graph.objects(DATASET, VOID.dataDump))
    assert len(dumps) == len(expected_graph_sizes())
    sample = sample_dataset()
    for dump in dumps:
        response = client.get(urlsplit(str(dump)).path)
        assert (response.status_code, response.mimetype) == (200, "application/trig")
        served = Dataset()
        served.parse(data=response.get_data(as_text=True), format="trig")
        (name,) = [g.identifier for g in served.graphs() if len(g)]
        assert isomorphic(served.graph(name), sample.graph(name))


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [("application/ld+json", "json-ld"), ("application/n-triples", "nt")],
)
def test_void_by_content_negotiation(client: FlaskClient, accept: str, rdf_format: str) -> None:
    response = client.get(VOID_PATH, headers={"Accept": accept})
    assert (response.status_code, response.mimetype) == (200, accept)
    assert "Accept" in response.headers["Vary"]
    assert isomorphic(void_graph(client, accept, rdf_format), void_graph(client))


def test_the_dataset_iri_redirects_to_its_description(client: FlaskClient) -> None:
    for accept in (None, "text/turtle", "*/*"):
        response = client.get("/id/dataset", headers={"Accept": accept} if accept else {})
        assert response.status_code == 303
        assert response.headers["Location"] == VOID_PATH


def test_the_dataset_iri_sends_a_browser_to_the_form(client: FlaskClient) -> None:
    response = client.get("/id/dataset", headers={"Accept": "text/html,*/*;q=0.8"})
    assert (response.status_code, response.headers["Location"]) == (303, "/")


def test_the_service_description_names_the_void_dataset(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    service = URIRef("http://localhost/sparql")
    assert graph.value(service, SD.defaultDataset) == DATASET
    assert (DATASET, RDF.type, VOID.Dataset) in graph
    assert graph.value(DATASET, RDFS.seeAlso) == URIRef("http://localhost" + VOID_PATH)
    default_graph = graph.value(DATASET, SD.defaultGraph)
    assert graph.value(default_graph, VOID.triples) == void_graph(client).value(
        DATASET, VOID.triples
    )


def test_a_graph_page_says_what_it_holds_and_links_downloads_and_a_query(
    client: FlaskClient,
) -> None:
    response = client.get("/id/graph/doc/00000000000000aa", headers={"Accept": "text/html"})
    assert (response.status_code, response.mimetype) == (200, "text/html")
    html = response.get_data(as_text=True)
    size = expected_graph_sizes()[GRAPH_AA]
    assert f"<p id=\"graph-size\"><strong>{size}</strong> triples in this graph.</p>" in html
    assert "Facts stated by the document “Unobtainium in Testland”" in html
    assert '<a href="/id/doc/00000000000000aa">Unobtainium in Testland</a> (2031-04-02)' in html
    assert '<a href="/ontology#MemorandumOfUnderstanding">cm:MemorandumOfUnderstanding</a>' in html
    for extension in ("trig", "ttl", "jsonld", "nt"):
        assert f'href="/id/graph/doc/00000000000000aa.{extension}"' in html
    query_href = html.split('id="graph-query" href="', 1)[1].split('"', 1)[0]
    query = parse_qs(urlsplit(query_href.replace("&amp;", "&")).query)["query"][0]
    answer = client.get("/sparql", query_string={"query": query},
                        headers={"Accept": "application/sparql-results+json"})
    assert len(answer.get_json()["results"]["bindings"]) == size


@pytest.mark.parametrize(
    ("path", "accept", "media", "rdf_format"),
    [
        ("/id/graph/reference", "application/trig", "application/trig", "trig"),
        ("/id/graph/reference", "text/turtle", "text/turtle", "turtle"),
        ("/id/graph/reference.nt", "text/html", "application/n-triples", "nt"),
        ("/id/graph/reference.jsonld", "", "application/ld+json", "json-ld"),
    ],
)
def test_a_graph_s_triples_by_accept_or_extension(
    client: FlaskClient, path: str, accept: str, media: str, rdf_format: str
) -> None:
    response = client.get(path, headers={"Accept": accept} if accept else {})
    assert (response.status_code, response.mimetype) == (200, media)
    served = Dataset()
    served.parse(data=response.get_data(as_text=True), format=rdf_format)
    expected = sample_dataset().graph(REFERENCE_GRAPH)
    named = served.graph(REFERENCE_GRAPH) if rdf_format == "trig" else served.default_graph
    assert isomorphic(named, expected)


def test_a_path_under_graph_that_names_no_graph_is_a_resource_or_a_404(
    client: FlaskClient,
) -> None:
    page = client.get("/id/graph/retired", headers={"Accept": "text/turtle"})
    assert page.status_code == 200
    graph = Graph().parse(data=page.get_data(as_text=True), format="turtle")
    assert (RETIRED, RDFS.label, None) in graph
    missing = client.get("/id/graph/nosuch.trig", headers={"Accept": "text/turtle"})
    assert missing.status_code == 404
    assert missing.get_json()["error"]["message"] == (
        f"no resource <{CMR}graph/nosuch.trig>"
    )
    assert client.get(f"/id/graph/{INFERRED_GRAPH.rsplit('/', 1)[1]}").status_code == 200


def test_an_ontology_version_the_dataset_holds_redirects_to_the_ontology(
    client: FlaskClient,
) -> None:
    response = client.get("/ontology/9.1.0")
    assert (response.status_code, response.headers["Location"]) == (303, "/ontology")
    missing = client.get("/ontology/0.0.1", headers={"Accept": "application/json"})
    assert missing.status_code == 404
    assert missing.get_json()["error"]["message"] == (
        "no ontology version <https://w3id.org/critmin/ontology/0.0.1>"
    )


@pytest.mark.server
def test_a_remote_store_gets_the_same_void_and_graph_pages_as_the_embedded_one() -> None:
    embedded = OxigraphStore.from_file(SEED)
    expected = create_app(embedded, {"TESTING": True}, settings=Settings()).test_client()
    with running_oxigraph("--union-default-graph") as url:
        push(SEED, f"{url}/store")
        remote = RemoteStore(f"{url}/query", timeout=60.0)
        client = create_app(remote, {"TESTING": True}, settings=Settings()).test_client()
        assert isomorphic(void_graph(client), void_graph(expected))
        for path in ("/id/graph/reference.ttl", "/id/graph/inferred.ttl"):
            served, local = client.get(path), expected.get(path)
            assert served.status_code == local.status_code == 200
            assert isomorphic(
                Graph().parse(data=served.get_data(as_text=True), format="turtle"),
                Graph().parse(data=local.get_data(as_text=True), format="turtle"),
            )
