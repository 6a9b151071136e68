"""Definite descriptions of actors: "the company", "the Department", "the government"."""

import pytest
from graph_helpers import iri

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Span
from critmin.graph.text.anaphora import find_anaphora
from critmin.graph.text.layout import Layout
from critmin.graph.text.mentions import EntityMention, mention_finder

KESTREL = iri("actor", "kestrel-mining")
OSPREY = iri("actor", "osprey-metals")


def company(text: str, name: str, subject) -> EntityMention:
    begin = text.index(name)
    entity = Entity(subject, name, (CM.Company,))
    return EntityMention(Span(begin, begin + len(name)), entity, "minted")


NO_LAYOUT = Layout()


def resolved(text, nlp, index, companies=(), layout=NO_LAYOUT):
    """The anaphora of ``text`` as (words, IRI, label, form)."""
    found = mention_finder(nlp, index).find(text)
    mentions = sorted([*found, *companies], key=lambda m: m.span)
    return [
        (text[m.span.begin : m.span.end], m.iri, m.entity.label, m.form)
        for m in find_anaphora(text, mentions, layout, index)
    ]


def test_a_description_of_a_company_is_the_company_named_last_before(nlp, index):
    text = "Kestrel Mining signed a pact with Japan. The Perth-based developer said the miner grew."
    kestrel = company(text, "Kestrel Mining", KESTREL)
    assert resolved(text, nlp, index, [kestrel]) == [
        ("The Perth-based developer", KESTREL, "Kestrel Mining", "anaphor"),
        ("the miner", KESTREL, "Kestrel Mining", "anaphor"),
    ]


def test_the_last_company_named_wins(nlp, index):
    text = "Kestrel Mining met Osprey Metals. The firm said the group would grow."
    companies = [company(text, "Kestrel Mining", KESTREL), company(text, "Osprey Metals", OSPREY)]
    assert [(words, subject) for words, subject, *_ in resolved(text, nlp, index, companies)] == [
        ("The firm", OSPREY),
        ("the group", OSPREY),
    ]


def test_the_companys_shares_and_board_are_not_the_company(nlp, index):
    text = "Kestrel Mining listed. The company's shares rose and the company's board met."
    assert resolved(text, nlp, index, [company(text, "Kestrel Mining", KESTREL)]) == []


def test_no_company_named_and_no_topic_leaves_the_company_unresolved(nlp, index):
    assert resolved("Japan met Chile. The company said so.", nlp, index) == []


def test_the_topic_of_the_section_wins_over_the_company_named_last(nlp, index):
    text = "Osprey Metals bid. Kestrel Mining signed. The company grew."
    companies = [company(text, "Osprey Metals", OSPREY), company(text, "Kestrel Mining", KESTREL)]
    topic = Layout(company=OSPREY)
    assert resolved(text, nlp, index, companies, topic) == [
        ("The company", OSPREY, "Osprey Metals", "anaphor")
    ]
    # a topic the text does not name is its IRI alone
    text = "Kestrel Mining signed. The company grew."
    kestrel = company(text, "Kestrel Mining", KESTREL)
    assert resolved(text, nlp, index, [kestrel], topic) == [
        ("The company", OSPREY, None, "anaphor")
    ]


def test_words_already_a_mention_are_not_covered(nlp, index):
    text = "Kestrel Mining signed. The Kestrel group grew."
    mentions = [company(text, "Kestrel Mining", KESTREL)]
    begin = text.index("Kestrel group")
    mentions.append(EntityMention(Span(begin, begin + 7), mentions[0].entity, "minted"))
    assert resolved(text, nlp, index, mentions) == []


@pytest.mark.xfail(
    strict=True,
    reason="the demonym mention 'Chinese' blocks 'The Chinese company' (docstring example)",
)
def test_a_company_described_with_a_demonym(nlp, index):
    text = "Kestrel Mining signed a pact. The Chinese company said it would grow."
    kestrel = company(text, "Kestrel Mining", KESTREL)
    assert resolved(text, nlp, index, [kestrel]) == [
        ("The Chinese company", KESTREL, "Kestrel Mining", "anaphor")
    ]


def test_a_capitalised_body_is_the_actor_named_last_whose_name_holds_it(nlp, index):
    text = (
        "The Department of Energy and the IEA met Chile. "
        "The Department said the Agency would help. The Ministry was silent."
    )
    assert resolved(text, nlp, index) == [
        ("The Department", iri("actor", "department-of-energy"), None, "anaphor"),
        ("the Agency", iri("actor", "international-energy-agency"), None, "anaphor"),
    ]


def test_the_government_is_the_home_state(nlp, index):
    text = (
        "Chile and Brazil sent envoys. The government said the country would host them; "
        "the kingdom and the Prime Minister agreed. The administration paid."
    )
    japan = iri("actor", "japan")
    assert [
        (words, subject)
        for words, subject, *_ in resolved(text, nlp, index, (), Layout(home=japan))
    ] == [
        ("The government", japan),
        ("the country", japan),
        ("the kingdom", japan),
        ("the Prime Minister", japan),
        ("The administration", japan),
    ]


def test_without_a_home_the_government_is_the_state_named_last_in_the_paragraph(nlp, index):
    text = "Chile met Japan. The government said so.\n\nThe administration waited."
    assert resolved(text, nlp, index) == [
        ("The government", iri("actor", "japan"), None, "anaphor")
    ]


def test_plurals_and_governments_of_a_named_state_are_not_the_home_state(nlp, index):
    text = "The governments met; the President of Chile and the President Xi spoke."
    assert resolved(text, nlp, index, (), Layout(home=iri("actor", "japan"))) == []
