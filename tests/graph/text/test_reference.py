"""Reading reference entities and indexing their aliases."""

from pathlib import Path

import pytest
from graph_helpers import iri
from rdflib import Graph

from critmin.graph.base.namespaces import CM
from critmin.graph.text.reference import (
    REFERENCE_FOLDER,
    ReferenceError,
    ReferenceIndex,
    RoleFact,
    load_reference,
)


def test_short_capital_aliases_match_only_in_that_case(index):
    assert [a.iri for a in index.lookup("US")] == [iri("actor", "united-states")]
    assert index.lookup("us") == ()
    assert index.lookup("Us") == ()
    assert [a.iri for a in index.lookup("U.S.")] == [iri("actor", "united-states")]


def test_long_names_match_regardless_of_case_but_keep_a_capital(index):
    assert [a.iri for a in index.lookup("UNITED STATES")] == [iri("actor", "united-states")]
    assert [a.iri for a in index.lookup("International energy agency")] == [
        iri("actor", "international-energy-agency")
    ]
    assert index.lookup("china") == ()
    assert [a.iri for a in index.lookup("Gallium")] == [iri("mineral", "gallium")]


def test_metonyms_and_demonyms_are_aliases_with_their_form(index):
    (beijing,) = index.lookup("Beijing")
    assert (beijing.iri, beijing.form) == (iri("actor", "china"), "metonym")
    (canadian,) = index.lookup("Canadian")
    assert (canadian.iri, canadian.form) == (iri("actor", "canada"), "demonym")


def test_metonyms_count_only_for_states_and_government_bodies():
    graph = Graph().parse(
        data="""
        @prefix cm: <https://w3id.org/critmin/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/critmin/id/mineral/tin> a cm:ChemicalElement ;
            skos:prefLabel "tin"@en ; cm:metonym "Cornwall"@en .
        """,
        format="turtle",
    )
    assert ReferenceIndex.from_graph(graph).lookup("Cornwall") == ()


def test_types_labels_members_and_roles(index):
    china = iri("actor", "china")
    assert index.is_a(china, CM.State)
    assert not index.is_a(china, CM.Person)
    assert index.label(china) == "People's Republic of China"
    assert index.members[iri("actor", "central-asia")] == (
        iri("actor", "kazakhstan"),
        iri("actor", "uzbekistan"),
    )
    assert index.roles[iri("person", "xi-jinping")] == (RoleFact("President", china),)


def test_state_of_a_person_a_body_and_a_state(index):
    us = iri("actor", "united-states")
    assert index.state_of(iri("person", "donald-trump")) == us
    assert index.state_of(iri("actor", "us-geological-survey")) == us
    assert index.state_of(iri("actor", "frontier-works-organisation")) == iri("actor", "pakistan")
    assert index.state_of(us) == us
    assert index.state_of(iri("mineral", "gallium")) is None


def test_load_reference_reads_every_turtle_file(tmp_path: Path):
    (tmp_path / "a.ttl").write_text(
        "<https://w3id.org/critmin/id/actor/x> a <https://w3id.org/critmin/ontology#State> .\n"
    )
    (tmp_path / "b.ttl").write_text(
        "<https://w3id.org/critmin/id/actor/y> a <https://w3id.org/critmin/ontology#State> .\n"
    )
    assert len(load_reference(tmp_path)) == 2


def test_load_reference_reports_a_bad_file_in_one_line(tmp_path: Path):
    (tmp_path / "broken.ttl").write_text("this is not turtle")
    with pytest.raises(ReferenceError, match=r"^cannot read broken\.ttl: "):
        load_reference(tmp_path)


def test_load_reference_reports_a_missing_folder(tmp_path: Path):
    with pytest.raises(ReferenceError, match="reference folder not found"):
        load_reference(tmp_path / "absent")


def test_shipped_reference_data_loads_when_present():
    if not any(REFERENCE_FOLDER.glob("*.ttl")):
        pytest.skip("graph/reference/*.ttl not written yet")
    index = ReferenceIndex.from_graph(load_reference())
    assert index.aliases
