"""The SPARQL 1.1 Service Description of the endpoint (answered on GET without a query).

It names the endpoint, the language (SPARQL 1.1 Query only: the endpoint is read-only), the
result formats, the union default graph, and the default dataset: the size of the default
graph and each named graph (VoID ``void:triples``).
"""

from __future__ import annotations

from collections.abc import Collection

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from critmin.graph.base.namespaces import bind_prefixes
from critmin.service.sparql_formats import GRAPH_FORMATS, SOLUTION_FORMATS
from critmin.service.store import StoreStats

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
VOID = Namespace("http://rdfs.org/ns/void#")
SIMPLE_ENTAILMENT = URIRef("http://www.w3.org/ns/entailment/Simple")


def service_description(
    endpoint: str, stats: StoreStats, federation_allowlist: Collection[str] = ()
) -> Graph:
    """The description of the SPARQL service at ``endpoint`` over a dataset with ``stats``."""
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    graph.bind("void", VOID)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    if federation_allowlist:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    graph.add((service, SD.defaultEntailmentRegime, SIMPLE_ENTAILMENT))
    for result_format in (*SOLUTION_FORMATS, *GRAPH_FORMATS):
        graph.add((service, SD.resultFormat, FORMATS[result_format.w3c_name]))

    dataset, default_graph = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(stats.triples)))
    for name, size in sorted(stats.graph_sizes.items()):
        named_graph, described = BNode(), BNode()
        graph.add((dataset, SD.namedGraph, named_graph))
        graph.add((named_graph, RDF.type, SD.NamedGraph))
        graph.add((named_graph, SD.name, name))
        graph.add((named_graph, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
        graph.add((described, VOID.triples, Literal(size)))
    return graph
