"""Agents of clauses: who a mention stands for, implied agents and listed actors."""

import pytest
from graph_helpers import iri

from critmin.graph.base.values import Entity
from critmin.graph.rules.agents import (
    DocumentAgents,
    agent_before,
    counted_states,
    in_agent_position,
    listed_after,
    state_for,
)
from critmin.graph.text.dates import find_dates
from critmin.graph.text.mentions import Clause, make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences


def clauses_of(text: str, nlp, index) -> list[Clause]:
    mentions = mention_finder(nlp, index).find(text)
    return make_clauses(text, split_sentences(text, nlp), mentions, find_dates(text, 2025), [])


def state(name: str) -> Entity:
    return Entity(iri("actor", name))


def test_a_person_and_an_administration_stand_for_their_state(nlp, index):
    text = "Prabowo praised the Albanese government and the Japanese administration."
    (clause,) = clauses_of(text, nlp, index)
    prabowo, albanese, japanese = clause.mentions
    assert state_for(prabowo, text, index) == state("indonesia")
    assert state_for(albanese, text, index) == state("australia")
    assert state_for(japanese, text, index) == state("japan")


def test_objects_of_prepositions_and_dashed_halves_are_not_agents(nlp, index):
    text = "Talks with Chile, Brazil and India stalled as the Canada-Germany pact was signed."
    (clause,) = clauses_of(text, nlp, index)
    chile, brazil, india, canada, germany = clause.mentions
    assert not any(in_agent_position(m, clause) for m in (chile, brazil, india, canada, germany))
    assert agent_before(clause, len(text), index) is None


def test_the_agent_is_implied_by_the_previous_clause_of_the_paragraph(nlp, index):
    text = "Chile named a new envoy. It then signed a pact with Japan.\nThe pact was renewed."
    first, second, third = clauses_of(text, nlp, index)
    assert agent_before(second, len(text), index) is None
    assert DocumentAgents([first, second, third], index).implied(second) == state("chile")
    # another paragraph: the state most often named as an agent in the document
    assert DocumentAgents([first, second, third], index).implied(third) == state("chile")


def test_items_of_a_semicolon_enumeration_lend_each_other_no_agent(nlp, index):
    text = "Brazil signed three accords. They include a pact with Chile; a deal with India."
    clauses = clauses_of(text, nlp, index)
    assert [c.words for c in clauses][1:] == [
        "They include a pact with Chile",
        "a deal with India.",
    ]
    assert DocumentAgents(clauses, index).implied(clauses[2]) == state("brazil")


def test_listed_actors_after_a_position(nlp, index):
    text = "The bloc courted Chile, Brazil and India, then Japan."
    (clause,) = clauses_of(text, nlp, index)
    listed = listed_after(clause, text.index("Chile"), index)
    assert [m.iri for m in listed] == [iri("actor", n) for n in ("chile", "brazil", "india")]
    assert listed_after(clause, 0, index, max_lead_words=1) == []


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Japan courted two Southern Cone countries.", ("brazil", "chile")),
        ("Japan courted the 2 Southern Cone nations.", ("brazil", "chile")),
        ("Japan courted three Southern Cone countries.", ()),
        ("Japan courted Southern Cone states.", ()),
        ("Japan courted two Southern Cone miners.", ()),
    ],
)
def test_counted_states_of_a_region(text, states, nlp, index):
    (clause,) = clauses_of(text, nlp, index)
    region = clause.mentions[-1]
    assert region.iri == iri("place", "southern-cone")
    assert counted_states(region, text, index) == tuple(state(s) for s in states)
