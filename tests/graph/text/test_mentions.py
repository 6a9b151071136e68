"""Finding mentions of reference entities; stages; clauses with what they contain."""

import pytest
from graph_helpers import iri

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import DateValue, Entity, Mention, Quantity, Span
from critmin.graph.text.dates import DateMention
from critmin.graph.text.mentions import find_mentions, find_stages, make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences


def found(text, nlp, index, noise=()):
    return [
        (text[m.span.begin : m.span.end], m.iri, m.form, m.possessive)
        for m in mention_finder(nlp, index).find(text, noise)
    ]


def test_names_metonyms_demonyms_and_possessives(nlp, index):
    text = "Jakarta\u2019s plan worried Chinese buyers, and Canada's minister met the IEA."
    assert found(text, nlp, index) == [
        ("Jakarta", iri("actor", "indonesia"), "metonym", True),
        ("Chinese", iri("actor", "china"), "demonym", False),
        ("Canada", iri("actor", "canada"), "name", True),
        ("IEA", iri("actor", "international-energy-agency"), "name", False),
    ]


def test_longest_match_wins(nlp, index):
    text = "The United States Geological Survey listed gallium and dysprosium oxide."
    assert [m[:2] for m in found(text, nlp, index)] == [
        ("United States Geological Survey", iri("actor", "us-geological-survey")),
        ("gallium", iri("mineral", "gallium")),
        ("dysprosium oxide", iri("mineral", "dysprosium-oxide")),
    ]


def test_dashed_compounds_give_both_names(nlp, index):
    text = "the U.S.-India and EU\u2013Japan talks, and a US-Mongolian pact"
    assert [m[:2] for m in found(text, nlp, index)] == [
        ("U.S.", iri("actor", "united-states")),
        ("India", iri("actor", "india")),
        ("EU", iri("actor", "european-union")),
        ("Japan", iri("actor", "japan")),
        ("US", iri("actor", "united-states")),
        ("Mongolian", iri("actor", "mongolia")),
    ]


def test_case_rules_keep_common_words_out(nlp, index):
    assert found("let us see what china plates cost", nlp, index) == []


def test_mentions_in_noise_are_ignored_and_contract_mentions_returned(nlp, index):
    text = "Also Read: Chile. Brazil acted."
    assert find_mentions(text, nlp, index, noise=((0, 17),)) == [
        Mention(Span(18, 24), Entity(iri("actor", "brazil")))
    ]


def test_stage_words():
    assert find_stages("to work together on exploration, beneficiation and a later refinery") == (
        CM.exploration,
        CM.beneficiation,
        CM.refining,
    )
    assert find_stages("magnet making and recycling of processed ore") == (
        CM.magnetMaking,
        CM.recycling,
        CM.processing,
    )
    assert find_stages("a deal on prices") == ()


def test_clauses_carry_their_mentions_dates_and_quantities(nlp, index):
    text = "Chile signed a deal on 3 May; Brazil signed two pacts."
    sentences = split_sentences(text, nlp)
    mentions = mention_finder(nlp, index).find(text)
    date = DateMention(23, 28, DateValue("2025-05-03"))
    count = Quantity(44, 53, "count", value=2, counted="pacts")
    first, second = make_clauses(text, sentences, mentions, [date], [count])
    assert (first.words, [m.iri for m in first.mentions], first.dates, first.quantities) == (
        "Chile signed a deal on 3 May",
        [iri("actor", "chile")],
        (date,),
        (),
    )
    assert (second.words, [m.iri for m in second.mentions], second.quantities) == (
        "Brazil signed two pacts.",
        [iri("actor", "brazil")],
        (count,),
    )
    assert second.sentence == first.sentence == Span(0, len(text))


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Chile lent $4 million, while the Department of Energy invested in mines.",
            ["Chile lent $4 million", "while the Department of Energy invested in mines."],
        ),
        (
            "Brazil set quotas in May, and Canada approved a loan.",
            ["Brazil set quotas in May", "and Canada approved a loan."],
        ),
        (
            "Brazil hailed the accord, while stressing its limits.",
            ["Brazil hailed the accord, while stressing its limits."],
        ),
        (
            "Japan funded Chile, Brazil and Canada, and India signs deals.",
            ["Japan funded Chile, Brazil and Canada, and India signs deals."],
        ),
    ],
)
def test_a_clause_with_its_own_subject_is_cut_off(text, parts, nlp, index):
    sentences = split_sentences(text, nlp)
    mentions = mention_finder(nlp, index).find(text)
    assert [c.words for c in make_clauses(text, sentences, mentions, [], [])] == parts
