"""The classes and properties a query may use, with their labels, for the form's autocompletion
(``/api/vocabulary``).

They are what the dataset declares (the ontology's ``owl:Class`` and properties, read through
the :class:`Store` interface), plus the everyday terms of RDF, RDFS, OWL and SKOS that the data
uses without declaring them (``rdfs:label``, ``skos:prefLabel``...). Only terms in a namespace
of critmin's prefixes are given: the editor completes them as prefixed names.
"""

from __future__ import annotations

from dataclasses import dataclass

from critmin.graph.base.namespaces import PREFIXES
from critmin.service.store import Store

DECLARED_QUERY = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?term ?kind (SAMPLE(?name) AS ?label) WHERE {
  VALUES (?declared ?kind) {
    (owl:Class "class") (rdfs:Class "class")
    (owl:ObjectProperty "property") (owl:DatatypeProperty "property")
    (owl:AnnotationProperty "property") (rdf:Property "property")
  }
  ?term a ?declared .
  FILTER(isIRI(?term))
  OPTIONAL { ?term rdfs:label|skos:prefLabel ?name }
}
GROUP BY ?term ?kind
"""

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
EVERYDAY_PROPERTIES = (
    f"{_RDF}type", f"{_RDFS}label", f"{_RDFS}comment", f"{_RDFS}subClassOf",
    f"{_RDFS}subPropertyOf", f"{_OWL}sameAs", f"{_SKOS}prefLabel", f"{_SKOS}altLabel",
    f"{_SKOS}definition", f"{_SKOS}broader", f"{_SKOS}exactMatch",
)
"""Standard properties the data uses without declaring them."""


@dataclass(frozen=True)
class Term:
    """A class or property of the vocabulary, with its label if it has one."""

    iri: str
    label: str | None

    def as_json(self) -> dict[str, str | None]:
        """The term as ``/api/vocabulary`` gives it."""
        return {"iri": self.iri, "label": self.label}


@dataclass(frozen=True)
class Vocabulary:
    """The classes and the properties, each in IRI order."""

    classes: tuple[Term, ...]
    properties: tuple[Term, ...]

    def as_json(self) -> dict[str, list[dict[str, str | None]]]:
        """The vocabulary as ``/api/vocabulary`` gives it."""
        return {
            "classes": [term.as_json() for term in self.classes],
            "properties": [term.as_json() for term in self.properties],
        }


def _has_prefix(iri: str) -> bool:
    return any(iri.startswith(namespace) and iri != namespace for namespace in PREFIXES.values())


def read_vocabulary(store: Store) -> Vocabulary:
    """The classes and properties the dataset of ``store`` declares, and the everyday ones."""
    found: dict[str, dict[str, str | None]] = {"class": {}, "property": {}}
    for term, kind, label in store.query(DECLARED_QUERY):
        if _has_prefix(str(term)):
            found[str(kind)][str(term)] = None if label is None else str(label)
    for iri in EVERYDAY_PROPERTIES:
        found["property"].setdefault(iri, None)
    return Vocabulary(
        classes=tuple(Term(iri, label) for iri, label in sorted(found["class"].items())),
        properties=tuple(Term(iri, label) for iri, label in sorted(found["property"].items())),
    )
