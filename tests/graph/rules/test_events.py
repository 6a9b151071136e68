"""Event patterns: summits, meetings, visits, publications and outreach."""

import pytest
from graph_helpers import entity, extract_text

from critmin.graph.base.values import DateValue


def events(text, nlp, index):
    return extract_text(text, nlp, index).events


def test_leaders_meeting_in_a_city_is_a_summit(nlp, index):
    text = "Prabowo Subianto and Anthony Albanese met in Osaka in May."
    (found,) = events(text, nlp, index)
    assert (found.kind, found.participants, found.place, found.date) == (
        "summit",
        (entity("person", "prabowo-subianto"), entity("person", "anthony-albanese")),
        entity("place", "osaka"),
        DateValue("2025-05"),
    )
    assert found.label == "Prabowo Subianto and Anthony Albanese meeting in Osaka"


def test_a_meeting_of_states_is_a_meeting(nlp, index):
    (found,) = events("Chile and Brazil met in Osaka on 4 June.", nlp, index)
    assert (found.kind, found.date) == ("meeting", DateValue("2025-06-04"))


def test_named_summit_with_its_place_and_what_was_agreed_there(nlp, index):
    text = (
        "A one-year pause on Chile's lithium export duties was agreed at the Osaka Summit in Japan."
    )
    extraction = extract_text(text, nlp, index)
    (summit,) = extraction.events
    _, pause = extraction.controls
    assert (summit.kind, summit.label, summit.place) == (
        "summit",
        "Osaka Summit",
        entity("place", "osaka"),
    )
    assert summit.outcomes == (pause.key,)
    assert pause.agreed_in == summit.key


def test_summit_with_a_grouping_lists_its_members_and_the_host(nlp, index):
    text = "Washington hosted a summit with the Central Asian states on 3 April."
    (found,) = events(text, nlp, index)
    assert (found.kind, found.participants, found.date) == (
        "summit",
        (
            entity("actor", "united-states"),
            entity("actor", "kazakhstan"),
            entity("actor", "uzbekistan"),
        ),
        DateValue("2025-04-03"),
    )


def test_summit_with_the_counted_states_of_a_region(nlp, index):
    text = "Tokyo hosted a summit with two Southern Cone countries on 4 May."
    (found,) = events(text, nlp, index)
    assert (found.kind, found.participants, found.date) == (
        "summit",
        (entity("actor", "japan"), entity("actor", "brazil"), entity("actor", "chile")),
        DateValue("2025-05-04"),
    )


def test_visit_of_two_people(nlp, index):
    text = "In March, President Prabowo Subianto and Anthony Albanese arrived at the White House."
    (found,) = events(text, nlp, index)
    assert (found.kind, found.place, found.date) == (
        "visit",
        entity("place", "white-house"),
        DateValue("2025-03"),
    )
    assert found.participants == (
        entity("person", "prabowo-subianto"),
        entity("person", "anthony-albanese"),
    )


def test_publication_by_the_body_named_in_its_title(nlp, index):
    # The date names its year: a bare "2 March" after "The 2024 ... Report" is now dated by
    # the year named earlier in the paragraph (graph/text/date_context.py), which is 2024.
    text = (
        "The 2024 Geoscience Australia Critical Minerals Report, "
        "published on 2 March 2025, adds graphite."
    )
    (found,) = events(text, nlp, index)
    assert (found.kind, found.label, found.initiator, found.date) == (
        "publication",
        "2024 Geoscience Australia Critical Minerals Report",
        entity("actor", "geoscience-australia"),
        DateValue("2025-03-02"),
    )
    assert found.participants == (entity("actor", "geoscience-australia"),)


def test_outreach_to_producers_in_several_states(nlp, index):
    (found,) = events("Tokyo is reaching out to producers in Chile, Brazil and India.", nlp, index)
    assert (found.kind, found.initiator, found.participants) == (
        "outreach",
        entity("actor", "japan"),
        (entity("actor", "chile"), entity("actor", "brazil"), entity("actor", "india")),
    )


def test_their_summit_is_a_summit_of_the_subject(nlp, index):
    # The agreement is named and is about minerals: agreements without a word of minerals, and
    # commitments without a noun ("agreed to set price floors"), are no longer agreements.
    text = "At their summit in Osaka in May, Japan and India signed a partnership on rare earths."
    extraction = extract_text(text, nlp, index)
    (summit,) = extraction.events
    assert (summit.kind, summit.participants, summit.place, summit.date, summit.label) == (
        "summit",
        (entity("actor", "japan"), entity("actor", "india")),
        entity("place", "osaka"),
        DateValue("2025-05"),
        "Japan and India summit in Osaka",
    )
    (agreement,) = extraction.agreements
    assert (agreement.kind, agreement.parties, agreement.minerals, agreement.agreed_at) == (
        "partnership",
        (entity("actor", "japan"), entity("actor", "india")),
        (entity("mineral", "rare-earth-elements"),),
        summit.key,
    )
    assert summit.outcomes == (agreement.key,)


@pytest.mark.parametrize(
    "text",
    [
        "The summit season is busy for diplomats.",
        "Shipments of ore remain small.",
        "Investors worry about prices.",
    ],
)
def test_no_event_without_its_participants(text, nlp, index):
    assert events(text, nlp, index) == ()
