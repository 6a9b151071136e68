"""Named sources of minerals: mines, reserves, deposits, sites and projects, and where they are."""

import pytest
from test_reference import fixture_index, iri, make_document

from critmin.graph.extract import extract
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


def test_supply_sources_in_an_enumeration(nlp, index):
    text = (
        "Alternative sources include the Mount Weld mine, Chilean deposits, Brazilian sites "
        "and new projects in Africa and Greenland."
    )
    sources = run(text, nlp, index).supply_sources
    assert [(s.label, s.located_in) for s in sources] == [
        ("Mount Weld mine", entity("actor", "australia")),
        ("Chilean deposits", entity("actor", "chile")),
        ("Brazilian sites", entity("actor", "brazil")),
        ("new projects in Africa", entity("place", "africa")),
        ("new projects in Greenland", entity("place", "greenland")),
    ]
    assert len({s.key for s in sources}) == 5


def test_a_state_holding_reserves_of_a_mineral(nlp, index):
    (found,) = run(
        "Mongolia holds vast reserves of cobalt, most of it unmined.", nlp, index
    ).supply_sources
    assert (found.label, found.located_in, found.minerals) == (
        "Mongolia reserves",
        entity("actor", "mongolia"),
        (entity("mineral", "cobalt"),),
    )


def test_projects_without_talk_of_supply_are_not_sources(nlp, index):
    assert (
        run("Canada has launched four graphite projects since March.", nlp, index).supply_sources
        == ()
    )
