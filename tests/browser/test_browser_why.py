"""A resource page in headless Chromium says why each inferred fact holds: the seed MoU is
non-binding by its class and involves processing through the stage hierarchy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from browser_scenario import Scenario
from rdflib import RDF

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.owl.justification import why_id

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

MOU = CMR["agreement/us-strategic-metals-frontier-works-organisation-mou-73a7f1ed"]
NON_BINDING = why_id((MOU, RDF.type, CM.NonBindingAgreement))
PROCESSING = why_id((MOU, CM.involvesStage, CM.processing))
STATUS = why_id((MOU, CM.bindingStatus, CM.nonBinding))


def text(locator: Locator) -> str:
    """The locator's text as written in the page (not as CSS transforms it), spaces collapsed."""
    return " ".join((locator.text_content() or "").split())


def open_why(page: Page, anchor: str) -> Locator:
    """The "why" of an inferred fact, opened by clicking its summary."""
    why = page.locator(f"details#{anchor}")
    assert why.get_attribute("open") is None
    assert not why.locator(".why-axiom").is_visible()
    why.locator("summary").click()
    assert why.locator(".why-axiom").is_visible()
    return why


def test_the_mou_page_says_why_it_is_non_binding_and_involves_processing(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    page.goto(server_url + "/id/" + MOU.removeprefix(str(CMR)))
    assert page.locator("h1").inner_text() == scenario.row_label

    why = open_why(page, NON_BINDING)
    assert text(why.locator("summary")) == "Why non-binding agreement?"
    assert text(why.locator(".why-rule")) == "OWL 2 RL: subclass cax-sco"
    assert text(why.locator(".why-axiom")) == (
        "Axiom: memorandum of understanding ⊑ non-binding agreement"
    )
    assert [text(item) for item in why.locator(".why-premises > li").all()] == [
        f"{scenario.row_label} · rdf:type · memorandum of understanding asserted"
    ]

    why = open_why(page, PROCESSING)
    assert text(why.locator(".why-rule")) == "OWL 2 RL: property chain prp-spo2"
    assert text(why.locator(".why-axiom")) == (
        "Axiom: covers stage ∘ narrower stage of ⊑ involves stage"
    )
    assert [text(item) for item in why.locator(".why-premises > li").all()] == [
        f"{scenario.row_label} · covers stage · beneficiation asserted",
        "beneficiation · narrower stage of · processing asserted",
    ]
    stage = why.locator(".why-premises > li").nth(1).locator("a").first
    assert stage.get_attribute("href") == "/ontology#beneficiation"


def test_an_inferred_premise_leads_to_its_own_why(page: Page, server_url: str) -> None:
    page.goto(server_url + "/id/" + MOU.removeprefix(str(CMR)))
    why = open_why(page, STATUS)
    assert text(why.locator(".why-axiom")) == (
        "Axiom: non-binding agreement ≡ (binding status value non-binding)"
    )
    why.locator("a.why-link").click()
    page.wait_for_url(f"**#{NON_BINDING}")
    assert page.evaluate("document.querySelector(':target').id") == NON_BINDING
    assert page.locator(f"details#{NON_BINDING}").is_visible()
