"""Fixtures for the justification tests: the ontology, its axioms, and the justifications of
a small example written in Turtle."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from justification_helpers import DatasetSource, example_dataset
from rdflib import Graph, URIRef

from critmin.graph.owl.justification import Justification, Schema, Triple
from critmin.graph.owl.justify import justify_resource, read_schema
from critmin.graph.owl.ontology import load_ontology


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="session")
def schema(ontology: Graph) -> Schema:
    """The axioms of the ontology and their closure (the same whatever the example)."""
    return read_schema(DatasetSource(example_dataset(ontology, "")))


@pytest.fixture(scope="session")
def explain(ontology: Graph, schema: Schema) -> Callable[[str, str], dict[Triple, Justification]]:
    """The justifications of the inferred triples about a resource (``prefix:name``) of an
    example written in Turtle."""

    def run(turtle: str, resource: str) -> dict[Triple, Justification]:
        prefix, name = resource.split(":", 1)
        iri = URIRef(f"https://w3id.org/critmin/id/{prefix}/{name}")
        return justify_resource(DatasetSource(example_dataset(ontology, turtle)), iri, schema)

    return run
