"""Events in which goods or money move: shipments, investments and financing."""

from graph_helpers import entity, extract_text

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import DateValue


def events(text, nlp, index):
    return extract_text(text, nlp, index).events


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


def test_financing_issued_to_a_partner_is_an_investment(nlp, index):
    text = "Geoscience Australia issued more than $3 million in research grants to Chile."
    (found,) = events(text, nlp, index)
    assert (found.kind, found.initiator, found.recipients, found.label) == (
        "investment",
        entity("actor", "geoscience-australia"),
        (entity("actor", "chile"),),
        "Geoscience Australia research grants",
    )
    (amount,) = found.amounts
    assert (amount.value, amount.currency, amount.qualifier) == (3_000_000, "USD", "more than")
    assert extract_text(text, nlp, index).measurements == ()


def test_amounts_of_a_clause_with_its_own_subject_stay_in_it(nlp, index):
    text = (
        "The Export Bank lent $2 billion in loans to Chile, while the Department of Energy "
        "invested in a Canadian graphite mine."
    )
    loans, mine = events(text, nlp, index)
    assert [(e.label, len(e.amounts)) for e in (loans, mine)] == [
        ("Export Bank loans", 1),
        ("Department of Energy investment in a Canadian graphite mine", 0),
    ]
