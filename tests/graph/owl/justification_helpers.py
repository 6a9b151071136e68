"""Helpers of the justification tests: a small example reasoned over with the ontology and laid
out as critmin's datasets are, a SPARQL source over it, and justifications in short names."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node

from critmin.graph.base.namespaces import (
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    PREFIXES,
    document_graph,
)
from critmin.graph.owl.justification import Justification
from critmin.graph.owl.reasoning import infer

TURTLE_PREFIXES = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
EXAMPLE_PREFIXES = TURTLE_PREFIXES + """
@prefix actor: <https://w3id.org/critmin/id/actor/> .
@prefix agreement: <https://w3id.org/critmin/id/agreement/> .
@prefix control: <https://w3id.org/critmin/id/control/> .
@prefix measurement: <https://w3id.org/critmin/id/measurement/> .
@prefix place: <https://w3id.org/critmin/id/place/> .
@prefix stage: <https://w3id.org/critmin/id/stage/> .
"""
_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


class DatasetSource:
    """An rdflib dataset answering SPARQL with bindings, as critmin's stores do."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        return self.dataset.query(sparql, initBindings=bindings or {})


def short(term: Node | str) -> str:
    """A term as ``prefix:rest`` (``cmr:actor/x`` too), a word as it is."""
    if isinstance(term, URIRef):
        for prefix, namespace in _LONGEST_FIRST:
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace):]}"
    return str(term)


def shown(justification: Justification) -> tuple[object, ...]:
    """A justification in short names: rules, name, axioms, premises with their flag."""
    return (
        justification.rules,
        justification.name,
        [" ".join(short(part) for part in axiom.parts) for axiom in justification.axioms],
        [(" ".join(short(t) for t in premise.triple), premise.inferred)
         for premise in justification.premises],
    )


def example_dataset(ontology: Graph, turtle: str) -> Dataset:
    """The ontology, the example as one document's graph and their published closure."""
    example = Graph().parse(data=EXAMPLE_PREFIXES + turtle, format="turtle")
    dataset = Dataset(default_union=True)
    for name, graph in (
        (ONTOLOGY_GRAPH, ontology),
        (document_graph("00000000000000aa"), example),
        (INFERRED_GRAPH, infer(ontology + example)),
    ):
        target = dataset.graph(name)
        for triple in graph:
            target.add(triple)
    return dataset
