"""Agreements implied by acts on controls negotiated in exchange for concessions."""

import pytest
from graph_helpers import actor, extract_text, iri, mineral

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Obligation
from critmin.graph.base.values import DateValue, Entity


def test_the_imposer_of_the_tariffs_reduced_is_the_counterpart(nlp, index):
    text = (
        "Jakarta restricted exports of nickel in March, after Australian tariffs on Indonesian "
        "steel. A six-month suspension of Indonesia's nickel export ban was agreed at the "
        "Osaka Summit in exchange for tariff cuts and wheat purchases."
    )
    extraction = extract_text(text, nlp, index)
    ban, tariffs, suspension = extraction.controls
    (summit,) = extraction.events
    (framework,) = extraction.agreements
    assert (framework.kind, framework.parties, framework.date, framework.binding) == (
        "framework",
        (actor("indonesia"), actor("australia")),
        DateValue("2025-03", approximate=True),
        None,
    )
    assert framework.label == "Indonesia\u2013Australia framework (Osaka Summit)"
    assert framework.obligations == (
        Obligation(CM.Obligation, "suspension of Indonesia controls (P6M)", actor("indonesia")),
        Obligation(CM.TariffReduction, "tariff cuts", actor("australia")),
        Obligation(CM.PurchaseCommitment, "wheat purchases"),
    )
    assert (suspension.acts_on, suspension.agreed_in) == ((ban.key,), framework.key)
    assert (tariffs.imposer, framework.agreed_at, summit.outcomes) == (
        actor("australia"),
        summit.key,
        (framework.key, suspension.key),
    )


def test_the_other_participant_of_the_meeting_is_the_counterpart(nlp, index):
    text = (
        "Prabowo Subianto and Anthony Albanese met in Osaka in May, where a pause on "
        "Indonesia's export controls was negotiated in return for wheat purchases."
    )
    (framework,) = extract_text(text, nlp, index).agreements
    assert (framework.parties, framework.date) == (
        (actor("indonesia"), actor("australia")),
        DateValue("2025-05"),
    )


@pytest.mark.parametrize(
    "text",
    [
        # not negotiated: an act with conditions, no bargain
        "Indonesia announced a pause on its export controls in exchange for investment pledges.",
        # negotiated, but nothing named in exchange
        "A pause on Indonesia's export controls was agreed with Japan in May.",
        # no counterpart named anywhere
        "A pause on Indonesia's export controls was agreed in exchange for tariff cuts.",
    ],
)
def test_no_agreement_without_a_bargain_and_a_counterpart(text, nlp, index):
    assert extract_text(text, nlp, index).agreements == ()


def test_a_commitment_agreed_is_an_agreement_of_those_who_agreed(nlp, index):
    text = (
        "The G7 agreed on price floors for gallium in July. "
        "Brazil committed to price floors with Canada and India. Chile agreed to talks."
    )
    floors, trio = extract_text(text, nlp, index).agreements
    assert (floors.kind, floors.parties, floors.date, floors.minerals, floors.obligations) == (
        "agreement",
        (actor("g7"),),  # a grouping alone: its members agreeing among themselves
        DateValue("2025-07"),
        (Entity(iri("mineral", "gallium")),),
        (Obligation(CM.PriceFloor, "price floors"),),
    )
    assert floors.label == "G7 agreement on price floors"
    assert (trio.parties, trio.date) == (
        (actor("brazil"), actor("canada"), actor("india")),
        DateValue("2025"),
    )


def test_a_plan_a_grouping_adopted_is_its_agreement(nlp, index):
    text = "In March, G7 ministers adopted a Battery Metals Roadmap, a non-binding text on cobalt."
    (roadmap,) = extract_text(text, nlp, index).agreements
    assert (roadmap.kind, roadmap.parties, roadmap.date, roadmap.binding, roadmap.label) == (
        "agreement", (actor("g7"),), DateValue("2025-03"), False, "G7 Battery Metals Roadmap",
    )  # fmt: skip
    assert roadmap.minerals == (mineral("cobalt"),)


def test_a_plan_named_after_its_grouping_and_adopted_is_its_agreement(nlp, index):
    text = "The European Union Raw Materials Charter, endorsed in Brussels in May, binds no one."
    (charter,) = extract_text(text, nlp, index).agreements
    assert (charter.kind, charter.parties, charter.date, charter.binding, charter.label) == (
        "agreement", (actor("european-union"),), DateValue("2025-05"), None,
        "European Union Raw Materials Charter",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Japan adopted a National Graphite Plan in April.",  # a state's own plan
        "G7 ministers discussed a Battery Metals Roadmap in April.",  # not adopted
    ],
)
def test_no_agreement_from_a_states_plan_or_one_only_discussed(text, nlp, index):
    assert extract_text(text, nlp, index).agreements == ()
