"""The classes and properties offered to the editor's completion."""

from __future__ import annotations

from collections.abc import Callable

from critmin.graph.base.namespaces import CM
from critmin.service.store import Store
from critmin.service.vocabulary import EVERYDAY_PROPERTIES, Term, read_vocabulary

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

# Declared terms with and without labels, and one in a namespace critmin has no prefix for.
TRIG = """
cmr:graph\\/ontology {
  cm:Agreement a owl:Class ; rdfs:label "agreement"@en .
  cm:Deal a owl:Class .
  cm:party a owl:ObjectProperty ; rdfs:label "party"@en .
  cm:date a owl:DatatypeProperty ; rdfs:label "date"@en .
  <https://example.org/elsewhere#Thing> a owl:Class .
}
"""


def test_declared_terms_with_labels_and_the_everyday_properties(
    trig_store: Callable[[str], Store],
) -> None:
    vocabulary = read_vocabulary(trig_store(TRIG))
    assert vocabulary.classes == (
        Term(str(CM.Agreement), "agreement"), Term(str(CM.Deal), None),
    )
    properties = {term.iri: term.label for term in vocabulary.properties}
    assert properties == {
        str(CM.party): "party", str(CM.date): "date",
        **{iri: None for iri in EVERYDAY_PROPERTIES},
    }
    assert [term.iri for term in vocabulary.properties] == sorted(properties)
    assert {"iri": RDFS_LABEL, "label": None} in vocabulary.as_json()["properties"]
