"""Organisations and people named once, and the roles people hold."""

import pytest
from rdflib import URIRef
from test_reference import fixture_index, iri, make_document

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


def entity(kind, name):
    return Entity(iri(kind, name))


def run(text, nlp, index):
    return extract(make_document(text), nlp, index)


def test_company_introduced_by_an_apposition_is_minted_and_is_a_party(nlp, index):
    text = (
        "A Chile-based company, Andes Lithium Corp, signed an MoU with the Indonesian FWO on 2 May."
    )
    extraction = run(text, nlp, index)
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
    (found,) = run(text, nlp, index).new_entities
    assert (found.label, found.types) == (
        "Lahore Engineering Organisation",
        (CM.MilitaryRunOrganisation,),
    )
    assert found.iri == URIRef("https://w3id.org/critmin/id/actor/lahore-engineering-organisation")


def test_armed_group_by_its_name(nlp, index):
    (found,) = run("Fighters of the Shan Liberation Army hold the mines.", nlp, index).new_entities
    assert (found.label, found.types) == ("Shan Liberation Army", (CM.ArmedGroup,))


def test_roles_from_titles_with_the_state_before_or_in_the_reference_data(nlp, index):
    text = (
        "Indonesian President Prabowo Subianto met Prime Minister Anthony Albanese "
        "and General Ayub Khan."
    )
    extraction = run(text, nlp, index)
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
    extraction = run("Chilean Foreign Minister Ana van der Berg spoke.", nlp, index)
    (role,) = extraction.roles
    assert (role.person.label, role.title, role.organisation) == (
        "Ana van der Berg",
        "Foreign Minister",
        entity("actor", "chile"),
    )


def test_byline_person_and_a_pronoun_fellow_at_an_institute(nlp, index):
    text = "Maria Lopez is an economist. She is a Senior Fellow at the Andes Policy Institute."
    extraction = run(text, nlp, index)
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
