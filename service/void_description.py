"""The VoID and DCAT description of the served dataset (``/.well-known/void``, RFC 5785 as VoID
registers it).

One ``void:Dataset`` (also a ``dcat:Dataset``) with its licence, sources, sizes, SPARQL endpoint,
example resources, URI space and vocabularies; one subset per named graph (``sd:name`` gives
the graph, ``void:triples`` its size, ``void:dataDump`` its TriG); one ``void:Linkset`` per
property that links to Wikidata, with its count. ``void:triples`` of the dataset counts the
distinct triples of the union (the endpoint's default graph); the subsets' counts add up to the
quads, which differ where two graphs hold the same triple.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import DCAT, DCTERMS, FOAF, RDF, RDFS, BNode, Graph, Literal, URIRef

from critmin.graph.base.namespaces import (
    CURATION_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    WD,
    bind_prefixes,
)
from critmin.service.dataset_facts import DatasetFacts, SourceDocument
from critmin.service.service_description import FORMATS, SD, VOID

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
"""The derived data's licence (CC BY 4.0; see the README for why)."""
TRIG_MEDIA_TYPE = URIRef("https://www.iana.org/assignments/media-types/application/trig")
WIKIDATA = WD["Q2013"]
"""Wikidata itself, the target of the linksets."""

TITLE = "critmin: the geopolitics of critical minerals"
DESCRIPTION = (
    "Agreements, control measures, events and measurements about critical minerals, extracted "
    "from news and analysis texts, each linked to its source document and text span; with the "
    "critmin ontology, reference entities linked to Wikidata, and the OWL 2 RL inferences."
)

_GRAPH_TITLES = {
    ONTOLOGY_GRAPH: "The critmin ontology",
    REFERENCE_GRAPH: "Reference entities: states, organisations, people, minerals, places",
    CURATION_GRAPH: "Analysts' corrections",
    INFERRED_GRAPH: "Inferred facts: the OWL 2 RL closure of the other graphs",
}


@dataclass(frozen=True)
class ServiceLinks:
    """The dataset's IRI and URI space (the public base), and where the service answers: the
    endpoint, the form, each named graph's TriG download."""

    dataset: URIRef
    uri_space: str
    endpoint: URIRef
    landing_page: URIRef
    dumps: Mapping[URIRef, URIRef]


def document_of(graph: URIRef, facts: DatasetFacts) -> SourceDocument | None:
    """The source document whose facts ``graph`` holds, if it is a document's graph."""
    return next((doc for doc in facts.documents if doc.graph == graph), None)


def graph_title(graph: URIRef, facts: DatasetFacts) -> str:
    """What the named graph ``graph`` holds, in a few words."""
    if graph in _GRAPH_TITLES:
        return _GRAPH_TITLES[graph]
    document = document_of(graph, facts)
    if document is not None:
        name = document.title or document.name or document.iri
        return f"Facts stated by the document “{name}”"
    return f"Named graph {graph}"


def void_description(facts: DatasetFacts, links: ServiceLinks) -> Graph:
    """The VoID/DCAT description of the dataset with ``facts``, served at ``links``."""
    graph = Graph()
    bind_prefixes(graph)
    for prefix, namespace in (("void", VOID), ("dcat", DCAT), ("sd", SD), ("formats", FORMATS)):
        graph.bind(prefix, namespace)
    dataset = links.dataset
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    graph.add((dataset, DCTERMS.license, LICENSE))
    graph.add((dataset, DCAT.landingPage, links.landing_page))
    stats = facts.stats
    graph.add((dataset, RDFS.comment, Literal(
        f"{stats.triples} distinct triples in the union of the named graphs (void:triples); "
        f"{stats.quads} quads, counting a triple once per named graph that holds it.",
        lang="en",
    )))
    for predicate, value in (
        (VOID.triples, stats.triples),
        (VOID.distinctSubjects, facts.distinct_subjects),
        (VOID.distinctObjects, facts.distinct_objects),
        (VOID.properties, facts.properties),
        (VOID.classes, facts.classes),
    ):
        graph.add((dataset, predicate, Literal(value)))
    graph.add((dataset, VOID.sparqlEndpoint, links.endpoint))
    graph.add((dataset, VOID.uriSpace, Literal(links.uri_space)))
    graph.add((dataset, VOID.feature, FORMATS.TriG))
    for vocabulary in facts.vocabularies:
        graph.add((dataset, VOID.vocabulary, vocabulary))
    for example in facts.examples:
        graph.add((dataset, VOID.exampleResource, example))
    for document in facts.documents:
        graph.add((dataset, DCTERMS.source, document.iri))
        _add_source(graph, document)
    _add_endpoint(graph, dataset, links.endpoint)
    for name, size in sorted(stats.graph_sizes.items()):
        _add_subset(graph, dataset, name, size, facts, links.dumps.get(name))
    for linkset in facts.linksets:
        node = BNode()
        graph.add((dataset, VOID.subset, node))
        graph.add((node, RDF.type, VOID.Linkset))
        graph.add((node, VOID.linkPredicate, linkset.predicate))
        graph.add((node, VOID.subjectsTarget, dataset))
        graph.add((node, VOID.objectsTarget, WIKIDATA))
        graph.add((node, VOID.target, dataset))
        graph.add((node, VOID.target, WIKIDATA))
        graph.add((node, VOID.triples, Literal(linkset.triples)))
    if facts.linksets:
        graph.add((WIKIDATA, RDF.type, VOID.Dataset))
        graph.add((WIKIDATA, DCTERMS.title, Literal("Wikidata", lang="en")))
        graph.add((WIKIDATA, VOID.uriSpace, Literal(str(WD))))
        graph.add((WIKIDATA, FOAF.homepage, URIRef("https://www.wikidata.org/")))
    return graph


def _add_source(graph: Graph, document: SourceDocument) -> None:
    """What the build recorded about a source document: title, date, publisher, name."""
    for predicate, value in (
        (DCTERMS.title, document.title),
        (DCTERMS.date, document.date),
        (DCTERMS.publisher, document.publisher),
        (RDFS.label, document.name),
    ):
        if value is not None:
            graph.add((document.iri, predicate, value))


def _add_endpoint(graph: Graph, dataset: URIRef, endpoint: URIRef) -> None:
    """The SPARQL endpoint as a DCAT data service and as the dataset's distribution."""
    graph.add((endpoint, RDF.type, DCAT.DataService))
    graph.add((endpoint, RDF.type, SD.Service))
    graph.add((endpoint, SD.endpoint, endpoint))
    graph.add((endpoint, DCAT.endpointURL, endpoint))
    graph.add((endpoint, DCAT.endpointDescription, endpoint))
    graph.add((endpoint, DCAT.servesDataset, dataset))
    distribution = BNode()
    graph.add((dataset, DCAT.distribution, distribution))
    graph.add((distribution, RDF.type, DCAT.Distribution))
    graph.add((distribution, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    graph.add((distribution, DCAT.accessURL, endpoint))
    graph.add((distribution, DCAT.accessService, endpoint))
    graph.add((distribution, DCTERMS.license, LICENSE))


def _add_subset(
    graph: Graph, dataset: URIRef, name: URIRef, size: int, facts: DatasetFacts,
    dump: URIRef | None,
) -> None:
    """One named graph as a subset: its name, title, size, source, and TriG download."""
    subset = BNode()
    graph.add((dataset, VOID.subset, subset))
    graph.add((subset, RDF.type, VOID.Dataset))
    graph.add((subset, RDF.type, DCAT.Dataset))
    graph.add((subset, SD.name, name))
    graph.add((subset, DCTERMS.title, Literal(graph_title(name, facts), lang="en")))
    graph.add((subset, VOID.triples, Literal(size)))
    graph.add((subset, DCTERMS.license, LICENSE))
    document = document_of(name, facts)
    if document is not None:
        graph.add((subset, DCTERMS.source, document.iri))
    if dump is not None:
        graph.add((dataset, VOID.dataDump, dump))
        graph.add((subset, VOID.dataDump, dump))
        distribution = BNode()
        graph.add((subset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.downloadURL, dump))
        graph.add((distribution, DCAT.mediaType, TRIG_MEDIA_TYPE))
        graph.add((distribution, DCTERMS.license, LICENSE))
