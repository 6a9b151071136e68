"""Resources by label: the in-memory index, read from every kind of store, and its ranking."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset

from critmin.graph.base.namespaces import CM, CMR, PREFIXES
from critmin.service.label_search import (
    LabelIndex,
    LabelMatch,
    LazyLabelIndex,
    most_specific_type,
)
from critmin.service.store import LocalStore, Store

SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
PROV_AGENT = "http://www.w3.org/ns/prov#Agent"
STATE, ACTOR, STAGE = str(CM.State), str(CM.Actor), str(CM.SupplyChainStage)
REFINING, PROCESSING = str(CM.refining), str(CM.processing)
NORWAY, NORWEGIAN_FUND = str(CMR["actor/norway"]), str(CMR["actor/norwegian-fund"])
SUPERS = {STATE: frozenset({ACTOR, PROV_AGENT}), ACTOR: frozenset({PROV_AGENT})}

# Labels with invented names; a refinery fund to rank the words "refin..." against.
TRIG = """
cmr:graph\\/reference {
  cm:refining a cm:SupplyChainStage , skos:Concept ; rdfs:label "refining" ;
      skos:altLabel "refinery work" .
  cm:processing a cm:SupplyChainStage ; rdfs:label "processing" .
  cmr:actor\\/norway a cm:State , cm:Actor ; skos:prefLabel "Norway"@en ;
      skos:altLabel "Kingdom of Norway"@en .
  cmr:actor\\/norwegian-fund a cm:Actor ; skos:prefLabel "Norwegian Refinery Fund"@en .
  cm:State rdfs:subClassOf cm:Actor .
}
"""


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    labels = [
        (REFINING, "refining", False), (REFINING, "refinery work", True),
        (PROCESSING, "processing", False), (NORWAY, "Norway", False),
        (NORWAY, "Kingdom of Norway", True), (NORWEGIAN_FUND, "Norwegian Refinery Fund", False),
    ]
    types = {
        REFINING: frozenset({STAGE, SKOS_CONCEPT}), PROCESSING: frozenset({STAGE}),
        NORWAY: frozenset({STATE, ACTOR, PROV_AGENT}), NORWEGIAN_FUND: frozenset({ACTOR}),
    }
    return LabelIndex(labels, types, SUPERS)


def test_labels_that_start_with_the_text_come_first_then_words_then_inside(
    index: LabelIndex,
) -> None:
    """Each group in alphabetical order; a resource is shown by its name when it matches."""
    assert index.search("REFIN") == [
        LabelMatch(REFINING, "refining", STAGE),
        LabelMatch(NORWEGIAN_FUND, "Norwegian Refinery Fund", ACTOR),
    ]
    assert [match.label for match in index.search("way")] == ["Norway"]
    assert [match.label for match in index.search("nor")] == ["Norway", "Norwegian Refinery Fund"]


def test_one_match_per_resource_by_its_best_label(index: LabelIndex) -> None:
    assert index.search("of norway") == [LabelMatch(NORWAY, "Kingdom of Norway", STATE)]
    assert index.search("refinery w") == [LabelMatch(REFINING, "refinery work", STAGE)]
    assert [match.iri for match in index.search("r")].count(REFINING) == 1


def test_a_class_keeps_its_members_and_limit_caps(index: LabelIndex) -> None:
    assert [match.iri for match in index.search("refin", class_iri=ACTOR)] == [NORWEGIAN_FUND]
    assert [match.iri for match in index.search("", class_iri=STAGE)] == [PROCESSING, REFINING]
    assert len(index.search("", limit=2)) == 2
    assert index.search("nothing like it") == []


def test_describe_gives_the_preferred_label(index: LabelIndex) -> None:
    assert index.describe(REFINING) == LabelMatch(REFINING, "refining", STAGE)
    assert index.describe(NORWAY) == LabelMatch(NORWAY, "Norway", STATE)
    assert index.describe(str(CMR["actor/nowhere"])) is None


def test_most_specific_type_prefers_subclasses_and_the_ontology() -> None:
    assert most_specific_type({STATE, ACTOR, PROV_AGENT}, SUPERS) == STATE
    assert most_specific_type({SKOS_CONCEPT, STAGE}, SUPERS) == STAGE
    assert most_specific_type(set(), SUPERS) is None


@pytest.fixture(params=["oxigraph", "rdflib"])
def store(request: pytest.FixtureRequest, trig_store: Callable[[str], Store]) -> Store:
    """The labelled dataset in Oxigraph and in rdflib."""
    if request.param == "oxigraph":
        return trig_store(TRIG)
    dataset = Dataset(default_union=True)
    prefixes = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
    dataset.parse(data=prefixes + TRIG, format="trig")
    return LocalStore(dataset)


def test_the_index_reads_labels_types_and_subclasses_from_a_store(store: Store) -> None:
    index = LazyLabelIndex(store).get()
    assert len(index) == 6
    assert index.search("refin") == [
        LabelMatch(REFINING, "refining", STAGE),
        LabelMatch(NORWEGIAN_FUND, "Norwegian Refinery Fund", ACTOR),
    ]
    assert index.search("nor", class_iri=STATE) == [LabelMatch(NORWAY, "Norway", STATE)]
    assert index.describe(NORWAY) == LabelMatch(NORWAY, "Norway", STATE)
