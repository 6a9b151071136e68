"""graph/owl/justify.py: the queries read what the rules need, the best justification is
chosen, and on the shipped seed build every inferred triple about a minted resource is
justified by premises that lead down to stated facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from justification_helpers import DatasetSource, example_dataset, shown
from rdflib import RDF, SKOS, Dataset, Graph, URIRef

from critmin.graph.base.namespaces import CM, CMR, INFERRED_GRAPH
from critmin.graph.owl.justification import Justification, Schema, Triple
from critmin.graph.owl.justify import (
    ABOUT_QUERY,
    about_resource,
    justify,
    justify_resource,
    read_premises,
    read_schema,
)
from critmin.graph.rdf.dataset import read_dataset

SEED = Path(__file__).resolve().parents[3] / "graph" / "seed" / "critmin-seed.trig"
PROV_ENTITY = URIRef("http://www.w3.org/ns/prov#Entity")
MOU = CMR["agreement/us-strategic-metals-frontier-works-organisation-mou-73a7f1ed"]


@pytest.fixture(scope="module")
def seed() -> Dataset:
    return read_dataset(SEED)


@pytest.fixture(scope="module")
def seed_schema(seed: Dataset) -> Schema:
    return read_schema(DatasetSource(seed))


def test_the_seed_mou_is_non_binding_by_its_class_and_involves_processing_by_the_chain(
    seed: Dataset, seed_schema: Schema
) -> None:
    found = justify_resource(DatasetSource(seed), MOU, seed_schema)
    mou = "cmr:agreement/us-strategic-metals-frontier-works-organisation-mou-73a7f1ed"
    assert shown(found[(MOU, RDF.type, CM.NonBindingAgreement)]) == (
        ("cax-sco",), "subclass",
        ["cm:MemorandumOfUnderstanding ⊑ cm:NonBindingAgreement"],
        [(f"{mou} rdf:type cm:MemorandumOfUnderstanding", False)],
    )
    assert shown(found[(MOU, CM.involvesStage, CM.processing)]) == (
        ("prp-spo2",), "property chain",
        ["cm:coversStage ∘ cm:narrowerStageOf ⊑ cm:involvesStage"],
        [(f"{mou} cm:coversStage cm:beneficiation", False),
         ("cm:beneficiation cm:narrowerStageOf cm:processing", False)],
    )
    assert {(conclusion[1], conclusion[2]): found[conclusion].rules for conclusion in found} == {
        (RDF.type, CM.Agreement): ("cax-sco",),
        (RDF.type, CM.NonBindingAgreement): ("cax-sco",),
        (RDF.type, CM.ProcessingAgreement): ("cls-int1", "cax-eqc2"),
        (RDF.type, PROV_ENTITY): ("cax-sco",),
        (CM.bindingStatus, CM.nonBinding): ("cax-eqc1", "cls-hv1"),
        (CM.involvesStage, CM.beneficiation): ("prp-spo1",),
        (CM.involvesStage, CM.exploration): ("prp-spo1",),
        (CM.involvesStage, CM.refining): ("prp-spo1",),
        (CM.involvesStage, CM.processing): ("prp-spo2",),
        (CM.partyTo, MOU): ("prp-inv1",),
    }
    assert len(found) == 11  # the two parties' partyTo links share a key above


def test_every_inferred_triple_about_a_minted_resource_is_justified_down_to_stated_facts(
    seed: Dataset, seed_schema: Schema
) -> None:
    facts: dict[Triple, bool] = {}
    for subject, predicate, obj, graph in seed.quads((None, None, None, None)):
        inferred_here = graph == INFERRED_GRAPH
        facts[(subject, predicate, obj)] = facts.get((subject, predicate, obj), True) and (
            inferred_here
        )
    found = justify(None, facts, seed_schema)
    minted = [
        triple for triple, inferred in facts.items()
        if inferred and (str(triple[0]).startswith(CMR) or str(triple[2]).startswith(CMR))
    ]
    assert len(minted) > 1500
    assert [triple for triple in minted if triple not in found] == []
    for triple in minted:
        assert _depth(triple, found, set()) < 6


def _depth(triple: Triple, found: dict[Triple, Justification], seen: set[Triple]) -> int:
    """How many steps the chosen justifications take from ``triple`` down to stated facts;
    fails on a circle."""
    assert triple not in seen, f"circular justification through {triple}"
    inferred = [premise.triple for premise in found[triple].premises if premise.inferred]
    return 1 + max((_depth(t, found, seen | {triple}) for t in inferred), default=0)


def test_premises_one_step_away_are_read_with_their_flags(ontology: Graph) -> None:
    dataset = example_dataset(
        ontology,
        """stage:heap-leaching cm:narrowerStageOf cm:beneficiation .
        agreement:x cm:coversStage stage:heap-leaching .""",
    )
    premises = read_premises(DatasetSource(dataset), CMR["agreement/x"])
    leaching = CMR["stage/heap-leaching"]
    assert {
        (triple[1], triple[2]): inferred for triple, inferred in premises.items()
        if triple[0] == leaching
    } == {
        (CM.narrowerStageOf, CM.processing): True,
        (CM.narrowerStageOf, CM.beneficiation): False,
        (SKOS.broaderTransitive, CM.processing): True,
        (SKOS.broaderTransitive, CM.beneficiation): True,
    }


def test_a_triple_only_the_inferred_graph_holds_for_no_reason_is_left_unjustified(
    ontology: Graph, schema: Schema
) -> None:
    dataset = example_dataset(ontology, "agreement:x a cm:Deal .")
    dataset.graph(INFERRED_GRAPH).add((CMR["agreement/x"], CM.coversMineral, CMR["mineral/y"]))
    found = justify_resource(DatasetSource(dataset), CMR["agreement/x"], schema)
    assert (CMR["agreement/x"], CM.coversMineral, CMR["mineral/y"]) not in found
    assert (CMR["agreement/x"], RDF.type, CM.Agreement) in found


def test_nothing_inferred_nothing_to_justify(ontology: Graph, schema: Schema) -> None:
    dataset = example_dataset(ontology, "agreement:x a cm:Agreement .")
    assert justify_resource(DatasetSource(dataset), CMR["actor/nobody"], schema) == {}


def test_premises_into_the_resource_are_the_first_links_of_inferred_paths_only(
    ontology: Graph,
) -> None:
    dataset = example_dataset(
        ontology,
        """place:pit cm:locatedIn place:province .
        place:province cm:locatedIn actor:peru .
        <https://w3id.org/critmin/id/event/visit> cm:place place:province .""",
    )
    premises = read_premises(DatasetSource(dataset), CMR["actor/peru"])
    assert premises == {(CMR["place/pit"], CM.locatedIn, CMR["place/province"]): False}


def test_the_resource_and_the_inferred_graph_are_written_as_constants() -> None:
    query = "SELECT ?inferredOnly WHERE { GRAPH ?inferred { ?this ?p ?o } BIND(?this AS ?s) }"
    assert about_resource(query, CMR["agreement/x"]) == (
        "SELECT ?inferredOnly WHERE { GRAPH <https://w3id.org/critmin/id/graph/inferred> "
        "{ <https://w3id.org/critmin/id/agreement/x> ?p ?o } "
        "BIND(<https://w3id.org/critmin/id/agreement/x> AS ?s) }"
    )


@pytest.mark.parametrize("iri", ["https://example.org/a> } ?s ?p <x", "https://example.org/a b"])
def test_a_term_that_is_not_an_iri_is_refused(iri: str) -> None:
    with pytest.raises(ValueError, match="not an IRI"):
        about_resource(ABOUT_QUERY, URIRef(iri))
