"""The SPARQL 1.1 Service Description of the endpoint (answered on GET without a query).

It names the endpoint, the language (SPARQL 1.1 Query only: the endpoint is read-only), the
result formats, the union default graph, and the default dataset: the size of the default
graph (distinct triples of the union) and of each named graph (VoID ``void:triples``; they add
up to the quads). The default dataset is the ``void:Dataset`` that ``/.well-known/void``
describes, when its IRI is given, with a link to that description.
"""

from __future__ import annotations

from collections.abc import Collection

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from critmin.graph.base.namespaces import bind_prefixes
from critmin.service.sparql_formats import GRAPH_FORMATS, SOLUTION_FORMATS
from critmin.service.store import StoreStats

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
VOID = Namespace("http://rdfs.org/ns/void#")
SIMPLE_ENTAILMENT = URIRef("http://www.w3.org/ns/entailment/Simple")


def service_description(
    endpoint: str,
    stats: StoreStats,
    federation_allowlist: Collection[str] = (),
    dataset_iri: URIRef | None = None,
    void_url: URIRef | None = None,
) -> Graph:
    """The description of the SPARQL service at ``endpoint`` over a dataset with ``stats``;
    the dataset is ``dataset_iri`` (else a blank node), described in VoID at ``void_url``."""
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

    dataset, default_graph = dataset_iri or BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, RDF.type, VOID.Dataset))
    if void_url is not None:
        graph.add((dataset, RDFS.seeAlso, void_url))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(stats.triples)))
    graph.add((default_graph, RDFS.comment, Literal(
        f"The union of the named graphs: {stats.triples} distinct triples; the named graphs "
        f"hold {stats.quads} quads, a triple counted once per graph that holds it.",
        lang="en",
    )))
    for name, size in sorted(stats.graph_sizes.items()):
        named_graph, described = BNode(), BNode()
        graph.add((dataset, SD.namedGraph, named_graph))
        graph.add((named_graph, RDF.type, SD.NamedGraph))
        graph.add((named_graph, SD.name, name))
        graph.add((named_graph, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
        graph.add((described, VOID.triples, Literal(size)))
    return graph
