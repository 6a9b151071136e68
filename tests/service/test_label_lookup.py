"""Resources by label, prefixed name or IRI, on both embedded stores."""

from __future__ import annotations

import pytest
from conftest import TRIG_PREFIXES
from rdflib import Dataset, URIRef

from critmin.graph.base.namespaces import CM
from critmin.service.label_lookup import expand_name, of_same_kind, resolve_iri, resolve_label
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore, Store

ID = "https://w3id.org/critmin/id/"
ACTOR = URIRef(f"{ID}actor/exampleland")
PLACE = URIRef(f"{ID}place/exampleland")
OTHER_ACTOR = URIRef(f"{ID}actor/testland")
MINERAL = URIRef(f"{ID}mineral/unobtainium")

TRIG = TRIG_PREFIXES + """
cmr:graph\\/ontology {
    cm:processing skos:prefLabel "processing"@en ; rdfs:label "processing"@en .
}
cmr:graph\\/reference {
    cmr:actor\\/exampleland a cm:State, cm:Actor ; skos:prefLabel "Exampleland"@en ;
        skos:altLabel "EL" .
    cmr:actor\\/testland a cm:State, cm:Actor ; skos:prefLabel "Testland"@en .
    cmr:place\\/exampleland a cm:Place ; rdfs:label "Exampleland" .
    cmr:mineral\\/unobtainium a cm:Mineral ; skos:prefLabel 'Unobtainium "U" (rare)'@en .
    _:nameless rdfs:label "processing" .
}
"""


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def store(request: pytest.FixtureRequest) -> Store:
    dataset = Dataset(default_union=True)
    dataset.parse(data=TRIG, format="trig")
    return OxigraphStore.from_dataset(dataset) if request.param == "oxigraph" else LocalStore(
        dataset
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("processing", [CM.processing]),  # a blank node with the label is not a resource
        ("PROCESSING", [CM.processing]),
        ("  Testland ", [OTHER_ACTOR]),
        ("el", [ACTOR]),  # skos:altLabel
        ("exampleland", [ACTOR, PLACE]),  # in IRI order
        ('unobtainium "u"   (rare)', [MINERAL]),  # quotes are data, white space folded
        ("Atlantis", []),
        ("   ", []),
    ],
)
def test_resolve_label(store: Store, text: str, expected: list[URIRef]) -> None:
    assert resolve_label(store, text) == expected


def test_a_class_narrows_the_candidates(store: Store) -> None:
    assert resolve_label(store, "Exampleland", CM.Place) == [PLACE]
    assert resolve_label(store, "Exampleland", CM.State) == [ACTOR]
    assert resolve_label(store, "Exampleland", CM.Mineral) == []


def test_of_same_kind_keeps_the_candidates_sharing_a_type_with_an_example(store: Store) -> None:
    assert of_same_kind(store, [ACTOR, PLACE], OTHER_ACTOR) == [ACTOR]
    assert of_same_kind(store, [ACTOR, PLACE], PLACE) == [PLACE]
    assert of_same_kind(store, [ACTOR, PLACE], MINERAL) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cm:processing", CM.processing),
        ("cmr:actor/exampleland", ACTOR),
        ("<https://w3id.org/critmin/id/actor/exampleland>", ACTOR),
        ("https://example.org/thing", URIRef("https://example.org/thing")),
        ("urn:isbn:0451450523", URIRef("urn:isbn:0451450523")),
        ("processing", None),
        ("United States", None),
        ("Note: a label", None),
    ],
)
def test_expand_name(text: str, expected: URIRef | None) -> None:
    assert expand_name(text) == expected


def test_resolve_iri_takes_iris_as_they_are_and_labels_from_the_store(store: Store) -> None:
    assert resolve_iri(store, "cm:processing") == [CM.processing]
    assert resolve_iri(store, "https://example.org/absent") == [URIRef("https://example.org/absent")]
    assert resolve_iri(store, "Exampleland") == [ACTOR, PLACE]
    assert resolve_iri(store, "Exampleland", CM.Place) == [PLACE]
