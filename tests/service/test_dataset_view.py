"""DatasetView: the dataset a request chooses, filtered from the shared store, never copied."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef

from critmin.service.dataset_view import restricted_dataset

EX = "http://example.org/"
G1, G2, G3 = (URIRef(EX + name) for name in ("g1", "g2", "g3"))


@pytest.fixture
def dataset() -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(format="trig", data=f"""
        <{G1}> {{ <{EX}a> <{EX}p> "one" . <{EX}s> <{EX}p> "both" . }}
        <{G2}> {{ <{EX}b> <{EX}p> "two" . <{EX}s> <{EX}p> "both" . }}
        <{G3}> {{ <{EX}c> <{EX}p> "three" . }}
    """)
    return dataset


def objects(dataset: Dataset, query: str) -> list[str]:
    return sorted(str(row[0]) for row in dataset.query(query))


def test_default_graph_merges_the_chosen_graphs_once(dataset: Dataset) -> None:
    view = restricted_dataset(dataset, (G1, G2), ())
    assert objects(view, "SELECT ?o WHERE { ?s ?p ?o }") == ["both", "one", "two"]


def test_one_default_graph(dataset: Dataset) -> None:
    view = restricted_dataset(dataset, (G3,), ())
    assert objects(view, "SELECT ?o WHERE { ?s ?p ?o }") == ["three"]


def test_named_graphs_are_only_the_chosen_ones(dataset: Dataset) -> None:
    view = restricted_dataset(dataset, (), (G2,))
    assert objects(view, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") == [str(G2), str(G2)]
    assert objects(view, f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}") == []
    assert objects(view, "SELECT ?o WHERE { ?s ?p ?o }") == []


def test_the_shared_store_is_untouched(dataset: Dataset) -> None:
    view = restricted_dataset(dataset, (G1,), (G2,))
    view.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    with pytest.raises(PermissionError):
        view.add((URIRef(EX + "x"), URIRef(EX + "p"), Literal("x"), G1))
    assert len(dataset) == 4
    assert {graph.identifier: len(graph) for graph in dataset.graphs() if len(graph)} == {
        G1: 2, G2: 2, G3: 1
    }
    assert all(graph.store is dataset.store for graph in dataset.graphs())
