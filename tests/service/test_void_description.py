"""The VoID/DCAT graph built from the dataset's facts: dataset, subsets, linksets, sources."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import DCAT, DCTERMS, RDF, RDFS, SKOS, Graph, Literal, URIRef
from void_sample import DOC_AA, DOC_BB, GRAPH_AA, GRAPH_BB, sample_dataset

from critmin.graph.base.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH
from critmin.service.dataset_facts import DatasetFacts, read_facts
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.void_description import (
    LICENSE,
    SD,
    VOID,
    WIKIDATA,
    ServiceLinks,
    graph_title,
    void_description,
)

BASE = "https://w3id.org/critmin/id/"
DATASET = URIRef(BASE + "dataset")
ENDPOINT = URIRef("http://127.0.0.1:8000/sparql")


@pytest.fixture(scope="module")
def facts() -> DatasetFacts:
    return read_facts(OxigraphStore.from_dataset(sample_dataset()), BASE)


def links(dumps: dict[URIRef, URIRef]) -> ServiceLinks:
    return ServiceLinks(DATASET, BASE, ENDPOINT, URIRef("http://127.0.0.1:8000/"), dumps)


def subsets_by_graph(graph: Graph) -> dict[URIRef, URIRef]:
    return {
        graph.value(subset, SD.name): subset  # type: ignore[misc]
        for subset in graph.objects(DATASET, VOID.subset)
        if (subset, RDF.type, VOID.Dataset) in graph
    }


def test_the_dataset_has_its_licence_sizes_endpoint_and_sources(facts: DatasetFacts) -> None:
    graph = void_description(facts, links({}))
    assert {DCAT.Dataset, VOID.Dataset} <= set(graph.objects(DATASET, RDF.type))
    assert graph.value(DATASET, DCTERMS.license) == LICENSE
    assert graph.value(DATASET, VOID.triples) == Literal(facts.stats.triples)
    assert graph.value(DATASET, VOID.sparqlEndpoint) == ENDPOINT
    assert graph.value(DATASET, VOID.uriSpace) == Literal(BASE)
    assert (ENDPOINT, DCAT.servesDataset, DATASET) in graph
    assert set(graph.objects(DATASET, DCTERMS.source)) == {DOC_AA, DOC_BB}
    assert graph.value(DOC_AA, DCTERMS.publisher) == Literal("The Test Gazette")
    assert graph.value(DOC_BB, RDFS.label) == Literal("bb.txt")
    comment = str(graph.value(DATASET, RDFS.comment))
    assert f"{facts.stats.triples} distinct triples" in comment
    assert f"{facts.stats.quads} quads" in comment


def test_one_subset_per_named_graph_with_its_size_title_and_dump(facts: DatasetFacts) -> None:
    dump = URIRef("http://127.0.0.1:8000/id/graph/inferred.trig")
    graph = void_description(facts, links({INFERRED_GRAPH: dump}))
    subsets = subsets_by_graph(graph)
    assert set(subsets) == set(facts.stats.graph_sizes)
    for name, subset in subsets.items():
        assert graph.value(subset, VOID.triples) == Literal(facts.stats.graph_sizes[name])
    assert graph.value(subsets[GRAPH_AA], DCTERMS.title) == Literal(
        "Facts stated by the document “Unobtainium in Testland”", lang="en"
    )
    assert graph.value(subsets[GRAPH_AA], DCTERMS.source) == DOC_AA
    assert list(graph.objects(DATASET, VOID.dataDump)) == [dump]
    assert list(graph.objects(subsets[INFERRED_GRAPH], VOID.dataDump)) == [dump]
    assert graph.value(subsets[ONTOLOGY_GRAPH], VOID.dataDump) is None


def test_each_linking_property_is_a_linkset_to_wikidata(facts: DatasetFacts) -> None:
    graph = void_description(facts, links({}))
    linksets = {
        graph.value(node, VOID.linkPredicate): node
        for node in graph.subjects(RDF.type, VOID.Linkset)
    }
    assert set(linksets) == {SKOS.exactMatch, URIRef("https://schema.org/sameAs")}
    exact = linksets[SKOS.exactMatch]
    assert graph.value(exact, VOID.triples) == Literal(3)
    assert set(graph.objects(exact, VOID.target)) == {DATASET, WIKIDATA}
    assert graph.value(exact, VOID.objectsTarget) == WIKIDATA
    assert (DATASET, VOID.subset, exact) in graph
    assert (WIKIDATA, RDF.type, VOID.Dataset) in graph
    alone = void_description(dataclasses.replace(facts, linksets=()), links({}))
    assert not set(alone.subjects(RDF.type, VOID.Linkset))
    assert (WIKIDATA, RDF.type, VOID.Dataset) not in alone


def test_graph_titles_say_what_each_graph_holds(facts: DatasetFacts) -> None:
    assert graph_title(REFERENCE_GRAPH, facts).startswith("Reference entities")
    assert graph_title(GRAPH_BB, facts) == "Facts stated by the document “bb.txt”"
    assert graph_title(URIRef(BASE + "graph/other"), facts) == f"Named graph {BASE}graph/other"
