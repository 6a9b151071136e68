"""The service description graph."""

from __future__ import annotations

from rdflib import RDF, Literal, URIRef

from critmin.service.service_description import FORMATS, SD, VOID, service_description
from critmin.service.store import StoreStats

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
