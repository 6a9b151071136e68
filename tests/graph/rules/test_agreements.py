"""Agreement patterns over sentences written for these tests."""

import pytest
from graph_helpers import actor, extract_text, iri

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import DateValue, Entity


def agreements(text, nlp, index):
    return extract_text(text, nlp, index).agreements


def anchor_of(text, statement):
    anchor = statement.evidence.anchor
    return text[anchor.begin : anchor.end]


def test_binding_memorandum_with_a_partner_date_stage_and_mineral(nlp, index):
    text = (
        "Indonesia signed a binding memorandum of understanding with South Korea "
        "on nickel refining on 3 March."
    )
    (found,) = agreements(text, nlp, index)
    assert (found.kind, found.parties, found.date, found.binding) == (
        "mou",
        (actor("indonesia"), actor("south-korea")),
        DateValue("2025-03-03"),
        True,
    )
    assert (found.stages, found.minerals) == ((CM.refining,), (Entity(iri("mineral", "nickel")),))
    assert found.label == "Indonesia\u2013South Korea memorandum of understanding"
    assert anchor_of(text, found) == (
        "Indonesia signed a binding memorandum of understanding with South Korea on"
    )
    assert len(anchor_of(text, found).split()) <= 11
    assert found.evidence.sentence.begin == 0 and found.evidence.sentence.end == len(text)


def test_an_mou_without_a_binding_word_is_non_binding(nlp, index):
    (found,) = agreements("Canberra and Tokyo signed an MoU on graphite in May.", nlp, index)
    assert (found.kind, set(found.parties), found.binding, found.date) == (
        "mou",
        {actor("australia"), actor("japan")},
        False,
        DateValue("2025-05"),
    )


def test_dashed_pair_amount_and_non_binding(nlp, index):
    text = (
        "A non-binding USD 2 billion Chile\u2013Brazil lithium exploration framework "
        "was finalised on 12 February."
    )
    (found,) = agreements(text, nlp, index)
    assert (found.kind, found.parties, found.binding, found.date) == (
        "framework",
        (actor("chile"), actor("brazil")),
        False,
        DateValue("2025-02-12"),
    )
    assert found.stages == (CM.exploration,)
    assert found.minerals == (Entity(iri("mineral", "lithium")),)
    assert [int(a.value) for a in found.amounts] == [2_000_000_000]
    assert found.label == "Chile\u2013Brazil lithium exploration framework"


def test_agent_and_coordinated_subjects_are_parties(nlp, index):
    (found,) = agreements("Canada and Germany concluded a cobalt partnership in May.", nlp, index)
    assert (found.kind, found.parties, found.date) == (
        "partnership",
        (actor("germany"), actor("canada")),
        DateValue("2025-05"),
    )


def test_person_stands_for_their_state(nlp, index):
    (found,) = agreements("Prabowo signed a deal with Albanese on 1 April.", nlp, index)
    assert found.parties == (actor("indonesia"), actor("australia"))


def test_implied_subject_from_the_previous_clause_of_the_paragraph(nlp, index):
    text = "India has courted new suppliers for years. In April it agreed a deal with Mongolia."
    (found,) = agreements(text, nlp, index)
    assert (found.kind, found.parties, found.date) == (
        "deal",
        (actor("india"), actor("mongolia")),
        DateValue("2025-04"),
    )


def test_semicolon_enumeration_items_take_the_subject_of_the_sentence_before(nlp, index):
    text = (
        "Brazil has pursued several accords this year. These include a non-binding framework "
        "with Japan on 2 June; and G7 cooperation in August."
    )
    first, second = agreements(text, nlp, index)
    assert (first.kind, first.parties, first.binding, first.date) == (
        "framework",
        (actor("brazil"), actor("japan")),
        False,
        DateValue("2025-06-02"),
    )
    assert (second.kind, second.parties, second.date) == (
        "cooperation",
        (actor("brazil"), actor("g7")),
        DateValue("2025-08"),
    )


def test_collective_arrangement_with_several_partners_is_a_group(nlp, index):
    text = (
        "Ottawa announced an arrangement with Chile, Brazil, India and the Philippines "
        "on 9 September."
    )
    (found,) = agreements(text, nlp, index)
    assert found.kind == "group"
    assert found.parties == tuple(
        actor(slug) for slug in ("canada", "chile", "brazil", "india", "philippines")
    )
    assert found.label == "Canada arrangement with Chile, Brazil, India and Philippines"
    assert found.date == DateValue("2025-09-09")


def test_an_undated_agreement_among_a_group_just_described_takes_its_date(nlp, index):
    text = (
        "Ottawa announced an arrangement with Chile, Brazil, India and the Philippines "
        "on 9 September. The accords set price floors.\n"
        "The Canada-Chile partnership stands out. Later, Japan and Brazil signed a pact."
    )
    group, partnership, pact = agreements(text, nlp, index)
    assert (group.kind, group.date) == ("group", DateValue("2025-09-09"))
    assert (partnership.kind, partnership.parties, partnership.date) == (
        "partnership",
        (actor("canada"), actor("chile")),
        DateValue("2025-09-09", approximate=True),
    )
    assert (pact.parties, pact.date) == ((actor("brazil"), actor("japan")), DateValue("2025"))


def test_agreements_with_the_counted_states_of_a_region(nlp, index):
    text = "India signed mining agreements with two Southern Cone countries on 2 June."
    (found,) = agreements(text, nlp, index)
    assert (found.kind, found.parties, found.date) == (
        "agreement",
        (actor("india"), actor("brazil"), actor("chile")),
        DateValue("2025-06-02"),
    )


def test_proper_name_in_title_case_is_the_label(nlp, index):
    (found,) = agreements(
        "The US\u2013India Strategic Partnership on Battery Metals was signed on 4 July.",
        nlp,
        index,
    )
    assert found.label == "United States\u2013India Strategic Partnership on Battery Metals"
    assert (found.kind, found.date) == ("partnership", DateValue("2025-07-04"))


def test_coordinated_agreements_in_one_sentence_are_separate(nlp, index):
    text = "Chile signed an MoU with Japan in March and a framework with Brazil in May."
    first, second = agreements(text, nlp, index)
    assert (first.kind, first.parties, first.date) == (
        "mou",
        (actor("chile"), actor("japan")),
        DateValue("2025-03"),
    )
    assert (second.kind, second.parties, second.date) == (
        "framework",
        (actor("chile"), actor("brazil")),
        DateValue("2025-05"),
    )


def test_a_later_mention_adds_obligations_and_binding_to_the_agreement(nlp, index):
    text = (
        "Jakarta signed an investment agreement with Canberra on 1 May. The agreement committed "
        "Australia to investment in smelting and recycling, set price floors and created firm "
        "obligations against export restrictions."
    )
    (found,) = agreements(text, nlp, index)
    assert (found.kind, found.binding) == ("investment", True)
    assert [(o.kind, o.label) for o in found.obligations] == [
        (CM.InvestmentCommitment, "investment in smelting and recycling"),
        (CM.PriceFloor, "price floors"),
        (CM.ObligationAgainstExportRestrictions, "obligations against export restrictions"),
    ]
    assert found.obligations[0].party == actor("australia")
    assert found.stages == (CM.recycling,)


def test_undated_agreement_takes_the_context_year(nlp, index):
    (found,) = agreements("The Canada\u2013Chile partnership is the most ambitious.", nlp, index)
    assert (found.parties, found.date) == ((actor("canada"), actor("chile")), DateValue("2025"))


@pytest.mark.parametrize(
    "text",
    [
        "Many of the agreements remain vulnerable to political shifts.",
        "Short-term deals with China provide some relief.",
        "Critics argue that diplomacy alone will not secure supply.",
        "Brazil has launched four lithium partnerships since March.",
        "No amount of rapid deal-making can replace a supply chain.",
        "Japan and Canada met in Osaka on 3 March to discuss a graphite partnership.",
        "India could sign a cobalt pact with Chile in May.",
    ],
)
def test_general_talk_of_agreements_makes_none(text, nlp, index):
    assert agreements(text, nlp, index) == ()
