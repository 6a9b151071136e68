"""Named sources of minerals: mines, reserves, deposits, sites and projects, and where they are."""

from graph_helpers import entity, extract_text


def test_supply_sources_in_an_enumeration(nlp, index):
    text = (
        "Alternative sources include the Mount Weld mine, Chilean deposits, Brazilian sites "
        "and new projects in Africa and Greenland."
    )
    sources = extract_text(text, nlp, index).supply_sources
    assert [(s.label, s.located_in) for s in sources] == [
        ("Mount Weld mine", entity("actor", "australia")),
        ("Chilean deposits", entity("actor", "chile")),
        ("Brazilian sites", entity("actor", "brazil")),
        ("new projects in Africa", entity("place", "africa")),
        ("new projects in Greenland", entity("place", "greenland")),
    ]
    assert len({s.key for s in sources}) == 5


def test_a_state_holding_reserves_of_a_mineral(nlp, index):
    (found,) = extract_text(
        "Mongolia holds vast reserves of cobalt, most of it unmined.", nlp, index
    ).supply_sources
    assert (found.label, found.located_in, found.minerals) == (
        "Mongolia reserves",
        entity("actor", "mongolia"),
        (entity("mineral", "cobalt"),),
    )


def test_projects_without_talk_of_supply_are_not_sources(nlp, index):
    text = "Canada has launched four graphite projects since March."
    assert extract_text(text, nlp, index).supply_sources == ()
