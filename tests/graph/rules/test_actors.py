"""People named once (rules/actors.py) and the roles people hold.

Organisations the reference data lacks are minted by the text layer: see
tests/graph/text/test_organisations.py.
"""

from graph_helpers import entity, extract_text, fixture_index
from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.actors import find_new_actors
from critmin.graph.text.mentions import mention_finder


def person(slug: str, label: str) -> Entity:
    return Entity(URIRef(f"https://w3id.org/critmin/id/person/{slug}"), label, (CM.Person,))


def test_roles_from_titles_with_the_state_before_or_in_the_reference_data(nlp, index):
    text = (
        "Indonesian President Prabowo Subianto met Prime Minister Anthony Albanese "
        "and General Ayub Khan."
    )
    extraction = extract_text(text, nlp, index)
    roles = [(r.person, r.title, r.organisation) for r in extraction.roles]
    khan = person("ayub-khan", "Ayub Khan")
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
    assert (role.person, role.title, role.organisation) == (
        person("ana-van-der-berg", "Ana van der Berg"),
        "Foreign Minister",
        entity("actor", "chile"),
    )
    assert extraction.new_entities == (role.person,)


def test_byline_person_and_a_pronoun_fellow_at_an_institute(nlp, index):
    text = "Maria Lopez is an economist. She is a Senior Fellow at the Andes Policy Institute."
    extraction = extract_text(text, nlp, index)
    lopez = person("maria-lopez", "Maria Lopez")
    institute_iri = URIRef("https://w3id.org/critmin/id/actor/andes-policy-institute")
    assert [e.iri for e in extraction.new_entities] == [lopez.iri, institute_iri]
    assert extraction.new_entities[0] == lopez
    ((found, title, organisation),) = [
        (r.person, r.title, r.organisation) for r in extraction.roles
    ]
    assert (found, title, organisation.iri, organisation.label) == (
        lopez,
        "Senior Fellow",
        institute_iri,
        "Andes Policy Institute",
    )


def test_find_new_actors_mints_people_by_title_byline_and_fellowship(nlp):
    index = fixture_index()
    text = "Jon Pereira is the editor. General Ayub Khan spoke. Ana Ruiz is a Fellow at the IEA."
    reference = mention_finder(nlp, index).find(text)
    found = [
        (text[m.span.begin : m.span.end], m.form, m.entity)
        for begin, end in ((0, 26), (27, 51), (52, len(text)))
        for m in find_new_actors(text, Span(begin, end), reference, index)
    ]
    assert found == [
        ("Jon Pereira", "minted", person("jon-pereira", "Jon Pereira")),
        ("Ayub Khan", "minted", person("ayub-khan", "Ayub Khan")),
        ("Ana Ruiz", "minted", person("ana-ruiz", "Ana Ruiz")),
    ]


def test_a_reference_person_is_not_minted_and_a_pronoun_is_the_person_named_last(nlp, index):
    text = "President Prabowo Subianto spoke. She is a Senior Fellow at the IEA."
    extraction = extract_text(text, nlp, index)
    assert extraction.new_entities == ()
    prabowo = entity("person", "prabowo-subianto")
    assert [(r.person, r.title, r.organisation) for r in extraction.roles] == [
        (prabowo, "President", entity("actor", "indonesia")),
        (prabowo, "Senior Fellow", entity("actor", "international-energy-agency")),
    ]
