"""Event patterns (summits, meetings, visits, shipments, publications, investments, outreach)."""

import pytest
from test_reference import fixture_index, iri, make_document

from critmin.graph.dates import DateValue
from critmin.graph.extract import extract
from critmin.graph.namespaces import CM
from critmin.graph.nlp import make_pipeline
from critmin.graph.statements import Entity


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


@pytest.fixture(scope="module")
def index():
    return fixture_index()


def entity(kind, slug):
    return Entity(iri(kind, slug))


def events(text, nlp, index):
    return extract(make_document(text), nlp, index).events


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
    extraction = extract(make_document(text), nlp, index)
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


def test_shipment_by_the_actor_of_the_paragraph_to_a_recipient(nlp, index):
    text = (
        "Mongolia wanted new buyers. "
        "By late May, it had shipped its first cargo of cobalt to Germany."
    )
    (found,) = events(text, nlp, index)
    assert (found.kind, found.initiator, found.recipients, found.minerals, found.date) == (
        "shipment",
        entity("actor", "mongolia"),
        (entity("actor", "germany"),),
        (entity("mineral", "cobalt"),),
        DateValue("2025-05", approximate=True, qualifier="by late"),
    )


def test_publication_by_the_body_named_in_its_title(nlp, index):
    text = (
        "The 2024 Geoscience Australia Critical Minerals Report, "
        "published on 2 March, adds graphite."
    )
    (found,) = events(text, nlp, index)
    assert (found.kind, found.label, found.initiator, found.date) == (
        "publication",
        "2024 Geoscience Australia Critical Minerals Report",
        entity("actor", "geoscience-australia"),
        DateValue("2025-03-02"),
    )


def test_investment_in_a_facility_of_a_state(nlp, index):
    text = "The Department of Energy invested in a Canadian graphite processing plant."
    (found,) = events(text, nlp, index)
    assert (found.kind, found.initiator, found.place, found.minerals, found.stages) == (
        "investment",
        entity("actor", "department-of-energy"),
        entity("actor", "canada"),
        (entity("mineral", "graphite"),),
        (CM.processing,),
    )
    assert found.label == "Department of Energy investment in a Canadian graphite processing plant"


def test_outreach_to_producers_in_several_states(nlp, index):
    (found,) = events("Tokyo is reaching out to producers in Chile, Brazil and India.", nlp, index)
    assert (found.kind, found.initiator, found.participants) == (
        "outreach",
        entity("actor", "japan"),
        (entity("actor", "chile"), entity("actor", "brazil"), entity("actor", "india")),
    )


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
