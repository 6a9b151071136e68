"""Organisations and people named once, and the roles people hold."""

from graph_helpers import entity, extract_text, iri
from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity


def test_company_introduced_by_an_apposition_is_minted_and_is_a_party(nlp, index):
    text = (
        "A Chile-based company, Andes Lithium Corp, signed an MoU with the Indonesian FWO on 2 May."
    )
    extraction = extract_text(text, nlp, index)
    company = Entity(
        URIRef("https://w3id.org/critmin/id/actor/andes-lithium-corp"),
        "Andes Lithium Corp",
        (CM.Company,),
        ((CM.basedIn, iri("actor", "chile")),),
    )
    assert extraction.new_entities == (company,)
    (mou,) = extraction.agreements
    assert (mou.kind, mou.parties, mou.binding) == (
        "mou",
        (company, entity("actor", "frontier-works-organisation")),
        False,
    )


def test_organisation_typed_by_its_description(nlp, index):
    text = "The Lahore Engineering Organisation, a military-run body, builds roads."
    (found,) = extract_text(text, nlp, index).new_entities
    assert (found.label, found.types) == (
        "Lahore Engineering Organisation",
        (CM.MilitaryRunOrganisation,),
    )
    assert found.iri == URIRef("https://w3id.org/critmin/id/actor/lahore-engineering-organisation")


def test_armed_group_by_its_name(nlp, index):
    text = "Fighters of the Shan Liberation Army hold the mines."
    (found,) = extract_text(text, nlp, index).new_entities
    assert (found.label, found.types) == ("Shan Liberation Army", (CM.ArmedGroup,))


def test_roles_from_titles_with_the_state_before_or_in_the_reference_data(nlp, index):
    text = (
        "Indonesian President Prabowo Subianto met Prime Minister Anthony Albanese "
        "and General Ayub Khan."
    )
    extraction = extract_text(text, nlp, index)
    roles = [(r.person, r.title, r.organisation) for r in extraction.roles]
    khan = Entity(URIRef("https://w3id.org/critmin/id/person/ayub-khan"), "Ayub Khan", (CM.Person,))
    assert roles == [
        (entity("person", "prabowo-subianto"), "President", entity("actor", "indonesia")),
        (entity("person", "anthony-albanese"), "Prime Minister", entity("actor", "australia")),
        (khan, "General", None),
    ]
    assert extraction.new_entities == (khan,)
    role = extraction.roles[0]
    assert text[role.evidence.anchor.begin : role.evidence.anchor.end].startswith(
        "Indonesian President"
    )


def test_names_with_particles_after_a_title(nlp, index):
    extraction = extract_text("Chilean Foreign Minister Ana van der Berg spoke.", nlp, index)
    (role,) = extraction.roles
    assert (role.person.label, role.title, role.organisation) == (
        "Ana van der Berg",
        "Foreign Minister",
        entity("actor", "chile"),
    )


def test_byline_person_and_a_pronoun_fellow_at_an_institute(nlp, index):
    text = "Maria Lopez is an economist. She is a Senior Fellow at the Andes Policy Institute."
    extraction = extract_text(text, nlp, index)
    person = Entity(
        URIRef("https://w3id.org/critmin/id/person/maria-lopez"), "Maria Lopez", (CM.Person,)
    )
    institute = Entity(
        URIRef("https://w3id.org/critmin/id/actor/andes-policy-institute"),
        "Andes Policy Institute",
        (CM.Actor,),
    )
    assert extraction.new_entities == (person, institute)
    assert [(r.person, r.title, r.organisation) for r in extraction.roles] == [
        (person, "Senior Fellow", institute)
    ]
