"""Who agrees: the actors an agreement's words name as its parties."""

import pytest
from graph_helpers import REFERENCE_TTL, iri
from rdflib import Graph

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.parties import (
    actors_of,
    entities,
    first_agent,
    listed_from,
    noun_modifiers,
    objects_after,
    relative_subject,
    represented,
    subject,
)
from critmin.graph.text.date_context import document_dates
from critmin.graph.text.mentions import Clause, EntityMention, make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences
from critmin.graph.text.reference import ReferenceIndex

# People with roles in a body and in an international organisation, and one without a role.
PEOPLE_TTL = """
@prefix cm: <https://w3id.org/critmin/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix a: <https://w3id.org/critmin/id/actor/> .
@prefix p: <https://w3id.org/critmin/id/person/> .
p:ada-quill a cm:Person ; skos:prefLabel "Ada Quill"@en ;
  cm:hasRole [ a cm:Role ; cm:roleTitle "Secretary"@en ; cm:roleIn a:department-of-energy ] .
p:lena-marsh a cm:Person ; skos:prefLabel "Lena Marsh"@en ;
  cm:hasRole [ a cm:Role ; cm:roleTitle "Director"@en ;
               cm:roleIn a:international-energy-agency ] .
p:ivo-brandt a cm:Person ; skos:prefLabel "Ivo Brandt"@en .
"""


@pytest.fixture(scope="module")
def people() -> ReferenceIndex:
    """The fixture reference data with three more people."""
    graph = Graph().parse(data=REFERENCE_TTL + PEOPLE_TTL, format="turtle")
    return ReferenceIndex.from_graph(graph)


def actor(slug: str):
    return iri("actor", slug)


def company(text: str, name: str) -> EntityMention:
    begin = text.index(name)
    slug = name.lower().replace(" ", "-")
    entity = Entity(actor(slug), name, (CM.Company,))
    return EntityMention(Span(begin, begin + len(name)), entity, "minted")


def clause_of(text: str, nlp, index, companies=()) -> Clause:
    found = mention_finder(nlp, index).find(text)
    mentions = sorted([*found, *companies], key=lambda m: m.span)
    dates = document_dates(text, "2025-06-20")
    (clause,) = make_clauses(text, split_sentences(text, nlp), mentions, dates, [])
    return clause


def names(clause: Clause, mentions) -> list[str]:
    return [clause.text[m.span.begin : m.span.end] for m in mentions]


def test_actors_leave_out_demonyms_and_places(nlp, index):
    text = "Chinese and Japanese firms met China in Busan."
    assert [m.iri for m in actors_of(mention_finder(nlp, index).find(text), index)] == [
        actor("china")
    ]


def test_a_person_stands_for_the_state_or_organisation_of_their_role(people):
    assert represented(iri("person", "ada-quill"), people) == actor("united-states")  # via body
    assert represented(iri("person", "lena-marsh"), people) == actor("international-energy-agency")
    assert represented(iri("person", "donald-trump"), people) == actor("united-states")
    assert represented(iri("person", "ivo-brandt"), people) is None


def test_entities_of_parties_without_repeats(nlp, people):
    text = (
        "Ada Quill, Ivo Brandt, President Ivo Brandt, Commissioner Ivo Brandt, Japan, "
        "the Albanese government, Japan and Lena Marsh."
    )
    mentions = mention_finder(nlp, people).find(text)
    with_home = ["united-states", "chile", "european-union", "japan", "australia"]
    with_home.append("international-energy-agency")
    assert entities(mentions, text, people, home=actor("chile")) == [
        Entity(actor(slug)) for slug in with_home
    ]
    # without a home state, a head of state the data lacks stands for nothing
    assert entities(mentions, text, people) == [
        Entity(actor(slug)) for slug in with_home if slug != "chile"
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The US-Japan pact was renewed.", "pact", ["US", "Japan"]),
        ("The Chile\u2013Japan pact was renewed.", "pact", ["Chile", "Japan"]),
        ("Chile's lease ran out.", "lease", ["Chile"]),
        ("The G7 Battery Metals Action Plan was adopted.", "Action Plan", ["G7"]),
        ("The Japanese-Chilean pact was renewed.", "pact", ["Japanese", "Chilean"]),
        ("The Japanese pact was renewed.", "pact", []),
        ("Japan signed the pact.", "pact", []),
    ],
)
def test_actors_modifying_the_trigger_are_parties(text, trigger, expected, nlp, index):
    clause = clause_of(text, nlp, index)
    assert names(clause, noun_modifiers(clause, text.index(trigger), index)) == expected


def test_actors_in_the_triggers_own_words_are_parties(nlp, index):
    text = "The G7 Battery Metals Action Plan was adopted."
    clause = clause_of(text, nlp, index)
    begin, end = text.index("G7"), text.index(" was")
    assert names(clause, noun_modifiers(clause, begin, index, end)) == ["G7"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Chile signed a pact with Japan, India and Brazil.", "pact", ["Japan", "India", "Brazil"]),
        ("A pact between Chile and Japan took effect.", "pact", ["Chile", "Japan"]),
        ("A pact was signed on Tuesday by Chile and Japan.", "pact", ["Chile", "Japan"]),
        ("A pact was welcomed by Chile.", "pact", []),  # not who signed
        ("Chile agreed to buy a stake from Japan.", "agreed to buy a stake", ["Japan"]),
        ("Chile signed a deal to sell ore from Japan.", "deal", []),  # nothing bought
        ("Japan took a stake in Chile.", "stake", ["Chile"]),
        ("Japan opened an office in Chile.", "office", []),  # no money goes in
        ("Chile signed a deal in partnership with Japan.", "deal", []),
        ("Japan signed a pact with Chile as host and Brazil.", "pact", ["Brazil"]),
        ("Chile signed a pact, its first in a decade of talks with Japan.", "pact", []),  # far
    ],
)
def test_actors_listed_after_an_object_preposition_are_parties(text, trigger, expected, nlp, index):
    clause = clause_of(text, nlp, index)
    begin = text.index(trigger)
    found = objects_after(clause, begin, begin + len(trigger), clause.span.end, index)
    assert names(clause, found) == expected


def test_a_list_holds_brackets_and_descriptions(nlp, index):
    text = (
        "Japan signed a deal with the Department of Energy (acting through the USGS), "
        "Kestrel Mining and Osprey Metals."
    )
    clause = clause_of(
        text, nlp, index, [company(text, "Kestrel Mining"), company(text, "Osprey Metals")]
    )
    start = text.index("the Department")
    assert names(clause, listed_from(clause, start, clause.span.end, index)) == [
        "Department of Energy",
        "Kestrel Mining",
        "Osprey Metals",
    ]
    text = "Chile signed a pact with Mongolia's state-owned mining firm, Kestrel Mining."
    clause = clause_of(text, nlp, index, [company(text, "Kestrel Mining")])
    start = text.index("Mongolia")
    assert names(clause, listed_from(clause, start, clause.span.end, index)) == ["Kestrel Mining"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile, a copper giant, signed a pact with Japan.", ["Chile"]),
        ("At the G7 summit, Chile signed a pact with Japan.", ["Chile"]),
        ("According to the IEA, Chile signed a pact.", ["Chile"]),
        ("In Washington, Chile and Japan signed a pact.", ["Chile", "Japan"]),
        ("On 24 November Chile and Japan signed a pact.", ["Chile", "Japan"]),
        ("Japan said Chile and Brazil signed a pact.", ["Chile", "Brazil"]),
        ("Chile signed a pact under Japan's presidency.", ["Chile"]),
        ("The European Union Commissioner Ivo Brandt signed a pact.", ["Ivo Brandt"]),
    ],
)
def test_the_subject_of_the_verb_names_parties(text, expected, nlp, people):
    clause = clause_of(text, nlp, people)
    assert names(clause, subject(clause, text.index("pact"), people)) == expected


def test_the_subject_skips_relative_clauses_and_a_possessive_owner(nlp, index):
    text = "Australia's Kestrel Mining, which owns mines in Chile, signed a pact."
    clause = clause_of(text, nlp, index, [company(text, "Kestrel Mining")])
    assert names(clause, subject(clause, text.index("pact"), index)) == ["Kestrel Mining"]


def test_it_in_the_subject_is_the_antecedent(nlp, index):
    text = "Chile said it signed a pact with Japan."
    clause = clause_of(text, nlp, index)
    chile = clause.mentions[0]
    assert subject(clause, text.index("pact"), index) == []
    assert subject(clause, text.index("pact"), index, chile) == [chile]


def test_two_leaders_as_the_subject(nlp, index):
    text = "Xi and Trump signed a pact."
    clause = clause_of(text, nlp, index)
    assert names(clause, subject(clause, text.index("pact"), index)) == ["Xi", "Trump"]


def test_a_relative_clause_after_the_trigger_says_who_signed(nlp, index):
    text = "The pact that Japan and Chile signed was renewed."
    clause = clause_of(text, nlp, index)
    end = text.index(" that")
    assert names(clause, relative_subject(clause, end, index, None)) == ["Japan", "Chile"]
    text = "Chile renewed the arrangements it signed."
    clause = clause_of(text, nlp, index)
    chile = clause.mentions[0]
    end = text.index(" it signed")
    assert relative_subject(clause, end, index, chile) == [chile]
    assert relative_subject(clause, end, index, None) == []
    text = "Chile renewed the pact with Japan."
    clause = clause_of(text, nlp, index)
    assert relative_subject(clause, text.index(" with"), index, None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At the G7 summit, Chile signed a pact with Japan.", "Chile"),
        ("According to the IEA, Chile signed a pact.", "Chile"),
        ("Japan said Chile signed a pact.", "Japan"),
        ("In Washington, a pact was signed.", None),
    ],
)
def test_the_first_agent_is_not_in_a_place_or_time_phrase(text, expected, nlp, index):
    clause = clause_of(text, nlp, index)
    found = first_agent(clause, text.index("pact"), index)
    assert (found and text[found.span.begin : found.span.end]) == expected
