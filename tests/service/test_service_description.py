"""The service description graph, and /sparql answering it without a query."""

from __future__ import annotations

from flask.testing import FlaskClient
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from critmin.graph.base.namespaces import CMR, REFERENCE_GRAPH
from critmin.service.service_description import FORMATS, SD, VOID, service_description
from critmin.service.store import StoreStats

DOC_AA = CMR["graph/doc/00000000000000aa"]
DOC_BB = CMR["graph/doc/00000000000000bb"]

ENDPOINT = URIRef("http://127.0.0.1:8000/sparql")
GRAPH = URIRef("https://w3id.org/critmin/id/graph/reference")


def test_describes_endpoint_formats_and_dataset() -> None:
    graph = service_description(str(ENDPOINT), StoreStats(triples=9, graph_sizes={GRAPH: 9}))
    assert (ENDPOINT, RDF.type, SD.Service) in graph
    assert set(graph.objects(ENDPOINT, SD.resultFormat)) == {
        FORMATS[name] for name in (
            "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")
    }
    dataset = graph.value(ENDPOINT, SD.defaultDataset)
    assert graph.value(graph.value(dataset, SD.defaultGraph), VOID.triples) == Literal(9)
    (named,) = graph.objects(dataset, SD.namedGraph)
    assert graph.value(named, SD.name) == GRAPH


def test_federation_is_a_feature_only_with_an_allow_list() -> None:
    stats = StoreStats(triples=0, graph_sizes={})
    without = service_description(str(ENDPOINT), stats)
    with_list = service_description(str(ENDPOINT), stats, ("http://127.0.0.1:9/sparql",))
    assert set(without.objects(ENDPOINT, SD.feature)) == {SD.UnionDefaultGraph}
    assert set(with_list.objects(ENDPOINT, SD.feature)) == {
        SD.UnionDefaultGraph, SD.BasicFederatedQuery
    }


def test_get_without_query_is_the_service_description(client: FlaskClient) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    endpoint = URIRef("http://localhost/sparql")
    assert (endpoint, RDF.type, SD.Service) in graph
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert set(graph.objects(endpoint, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert set(graph.objects(endpoint, SD.feature)) == {SD.UnionDefaultGraph}
    dataset = graph.value(endpoint, SD.defaultDataset)
    assert graph.value(graph.value(dataset, SD.defaultGraph), VOID.triples) == Literal(17)
    sizes = {
        graph.value(named, SD.name): graph.value(graph.value(named, SD.graph), VOID.triples)
        for named in graph.objects(dataset, SD.namedGraph)
    }
    assert sizes == {REFERENCE_GRAPH: Literal(7), DOC_AA: Literal(6), DOC_BB: Literal(5)}


def test_service_description_by_accept(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert response.mimetype == "application/ld+json"
    graph = Graph().parse(data=response.data, format="json-ld")
    turtle = Graph().parse(data=client.get("/sparql").data, format="turtle")
    assert (URIRef("http://localhost/sparql"), RDF.type, SD.Service) in graph
    assert isomorphic(graph, turtle)
