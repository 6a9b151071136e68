"""Agreements implied by acts on controls negotiated in exchange for concessions.

Commitments agreed and plans adopted are no longer implied agreements: where the words state
one ("adopted the G7 Cobalt Security Action Plan"), the agreement rules find it (see
test_agreements.py).
"""

import pytest
from graph_helpers import actor, extract_text

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Obligation
from critmin.graph.base.values import DateValue

SUMMIT_BARGAIN = (
    "Jakarta restricted exports of nickel in March, after Australian tariffs on Indonesian "
    "steel. A six-month suspension of Indonesia's nickel export ban was agreed at the "
    "Osaka Summit in exchange for tariff cuts and wheat purchases."
)


def test_the_imposer_of_the_tariffs_reduced_is_the_counterpart(nlp, index):
    extraction = extract_text(SUMMIT_BARGAIN, nlp, index)
    ban, tariffs, suspension = extraction.controls
    (summit,) = extraction.events
    (framework,) = extraction.agreements
    assert (ban.kind, tariffs.kind, suspension.kind) == ("export-control", "tariff", "pause")
    assert (
        framework.kind,
        framework.parties,
        framework.date,
        framework.binding,
        framework.modality,
    ) == (
        "framework",
        (actor("indonesia"), actor("australia")),
        DateValue("2025-03", approximate=True),  # the suspension's date
        None,
        "stated",
    )
    assert framework.obligations == (
        Obligation(CM.Obligation, "pause of Indonesia controls (P6M)", actor("indonesia")),
        Obligation(CM.TariffReduction, "tariff cuts", actor("australia")),
        Obligation(CM.PurchaseCommitment, "wheat purchases"),
    )
    assert framework.label.endswith(" framework (Osaka Summit)")
    assert (suspension.acts_on, suspension.agreed_in) == ((ban.key,), framework.key)
    assert (tariffs.imposer, framework.agreed_at, summit.kind, summit.outcomes) == (
        actor("australia"),
        summit.key,
        "summit",
        (framework.key, suspension.key),
    )


def test_the_other_participant_of_the_meeting_is_the_counterpart(nlp, index):
    text = (
        "Prabowo Subianto and Anthony Albanese met in Osaka in May, where a pause on "
        "Indonesia's export controls was negotiated in return for wheat purchases."
    )
    extraction = extract_text(text, nlp, index)
    (framework,) = extraction.agreements
    (pause,) = [c for c in extraction.controls if c.kind == "pause"]
    assert (framework.kind, framework.parties, framework.date, framework.modality) == (
        "framework",
        (actor("indonesia"), actor("australia")),
        DateValue("2025-05"),
        "stated",
    )
    assert framework.obligations == (
        Obligation(CM.Obligation, "pause of Indonesia controls", actor("indonesia")),
        Obligation(CM.PurchaseCommitment, "wheat purchases"),
    )
    assert pause.agreed_in == framework.key


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


def test_no_agreement_is_implied_where_the_sentence_states_one(nlp, index):
    text = (
        "Jakarta restricted exports of nickel in March, after Australian tariffs on Indonesian "
        "steel. In May Indonesia and Australia signed a nickel framework; a six-month "
        "suspension of Indonesia's nickel export ban was agreed in exchange for tariff cuts."
    )
    extraction = extract_text(text, nlp, index)
    (framework,) = extraction.agreements  # the stated one, not a second, implied one
    (suspension,) = [c for c in extraction.controls if c.kind == "pause"]
    assert (framework.kind, framework.parties, framework.date, framework.label) == (
        "framework",
        (actor("indonesia"), actor("australia")),
        DateValue("2025-05"),
        "Indonesia \u2013 Australia framework",
    )
    assert framework.obligations == ()
    assert suspension.agreed_in == framework.key


def test_the_label_joins_the_parties_as_stated_agreements_do(nlp, index):
    (framework,) = extract_text(SUMMIT_BARGAIN, nlp, index).agreements
    assert framework.label == "Indonesia \u2013 Australia framework (Osaka Summit)"
