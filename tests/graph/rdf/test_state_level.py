"""Agreements reported between states and between organisations of those states."""

from graph_helpers import fixture_index

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import DateValue, Entity, Evidence, Span
from critmin.graph.rdf.state_level import party_states, state_level_pairs

EVIDENCE = Evidence(Span(0, 10), Span(0, 4))
CHILE, JAPAN = Entity(CMR["actor/chile"]), Entity(CMR["actor/japan"])
ANDES = Entity(CMR["actor/andes-copper"], "Andes Copper", (CM.Company,),
               ((CM.basedIn, CMR["actor/chile"]),))
OSAKA_FIRM = Entity(CMR["actor/kansai-metals"], "Kansai Metals", (CM.Company,),
                    ((CM.basedIn, CMR["place/osaka"]),))
NOWHERE = Entity(CMR["actor/drifter-ltd"], "Drifter Ltd", (CM.Company,))


def agreement(kind: str, *parties: Entity, date: str = "2024") -> Agreement:
    return Agreement("a", kind, "x", EVIDENCE, parties=parties, date=DateValue(date))


def always(first: Agreement, second: Agreement) -> bool:
    return True


def test_parties_map_to_states_through_the_places_they_are_based_in():
    index = fixture_index()
    assert party_states(agreement("mou", ANDES, OSAKA_FIRM), index) == {CHILE.iri, JAPAN.iri}
    assert party_states(agreement("mou", ANDES, NOWHERE), index) is None


def test_pairs_are_a_state_level_report_and_one_organisation_level_report():
    index = fixture_index()
    entries = [
        (0, agreement("deal", CHILE, JAPAN)),
        (1, agreement("mou", ANDES, OSAKA_FIRM)),
        (1, agreement("partnership", ANDES, OSAKA_FIRM)),  # not a deal, MoU or agreement
        (0, agreement("mou", ANDES, OSAKA_FIRM)),  # same document as the state-level deal
    ]
    assert state_level_pairs(entries, index, always) == [(0, 1)]
    assert state_level_pairs(entries, index, lambda a, b: False) == []
    ambiguous = [*entries[:2], (1, agreement("agreement", ANDES, OSAKA_FIRM))]
    assert state_level_pairs(ambiguous, index, always) == []
