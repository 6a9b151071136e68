"""Reading reference entities and indexing their aliases (the fixture doubles for other tests)."""

from hashlib import sha256
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from critmin.graph.corpus import Document
from critmin.graph.namespaces import CM
from critmin.graph.reference import (
    REFERENCE_FOLDER,
    ReferenceError,
    ReferenceIndex,
    RoleFact,
    load_reference,
)

ACTOR = "https://w3id.org/critmin/id/actor/"
PERSON = "https://w3id.org/critmin/id/person/"
MINERAL = "https://w3id.org/critmin/id/mineral/"
PLACE = "https://w3id.org/critmin/id/place/"

# A small reference data set in the shape of graph/reference/*.ttl, used by the extraction tests.
REFERENCE_TTL = """
@prefix cm: <https://w3id.org/critmin/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix a: <https://w3id.org/critmin/id/actor/> .
@prefix p: <https://w3id.org/critmin/id/person/> .
@prefix m: <https://w3id.org/critmin/id/mineral/> .
@prefix pl: <https://w3id.org/critmin/id/place/> .

a:united-states a cm:State ; skos:prefLabel "United States"@en ; rdfs:label "United States"@en ;
  skos:altLabel "US"@en , "U.S."@en , "USA"@en , "United States of America"@en , "America"@en ;
  cm:metonym "Washington"@en ; cm:demonym "American"@en .
a:china a cm:State ; skos:prefLabel "People's Republic of China"@en ;
  skos:altLabel "China"@en , "PRC"@en ; cm:metonym "Beijing"@en ; cm:demonym "Chinese"@en .
a:japan a cm:State ; skos:prefLabel "Japan"@en ; cm:metonym "Tokyo"@en ;
  cm:demonym "Japanese"@en .
a:indonesia a cm:State ; skos:prefLabel "Indonesia"@en ; cm:metonym "Jakarta"@en ;
  cm:demonym "Indonesian"@en .
a:south-korea a cm:State ; skos:prefLabel "South Korea"@en ;
  skos:altLabel "Republic of Korea"@en ; cm:metonym "Seoul"@en ; cm:demonym "South Korean"@en .
a:australia a cm:State ; skos:prefLabel "Australia"@en ; cm:metonym "Canberra"@en ;
  cm:demonym "Australian"@en .
a:chile a cm:State ; skos:prefLabel "Chile"@en ; cm:demonym "Chilean"@en ;
  cm:locatedIn pl:southern-cone .
a:canada a cm:State ; skos:prefLabel "Canada"@en ; cm:metonym "Ottawa"@en ;
  cm:demonym "Canadian"@en .
a:brazil a cm:State ; skos:prefLabel "Brazil"@en ; cm:demonym "Brazilian"@en ;
  cm:locatedIn pl:southern-cone .
a:india a cm:State ; skos:prefLabel "India"@en ; cm:metonym "New Delhi"@en ;
  cm:demonym "Indian"@en .
a:germany a cm:State ; skos:prefLabel "Germany"@en ; cm:metonym "Berlin"@en ;
  cm:demonym "German"@en .
a:vietnam a cm:State ; skos:prefLabel "Vietnam"@en ; skos:altLabel "Viet Nam"@en .
a:philippines a cm:State ; skos:prefLabel "Philippines"@en ; cm:demonym "Filipino"@en .
a:kazakhstan a cm:State ; skos:prefLabel "Kazakhstan"@en .
a:uzbekistan a cm:State ; skos:prefLabel "Uzbekistan"@en .
a:mongolia a cm:State ; skos:prefLabel "Mongolia"@en ; cm:demonym "Mongolian"@en .
a:g7 a cm:Grouping ; skos:prefLabel "G7"@en ; skos:altLabel "Group of Seven"@en .
a:european-union a cm:IntergovernmentalOrganisation ; skos:prefLabel "European Union"@en ;
  skos:altLabel "EU"@en ; cm:metonym "Brussels"@en .
a:central-asia a cm:Grouping ; skos:prefLabel "Central Asia"@en ; cm:demonym "Central Asian"@en ;
  cm:hasMember a:kazakhstan , a:uzbekistan .
a:international-energy-agency a cm:IntergovernmentalOrganisation ;
  skos:prefLabel "International Energy Agency"@en ; skos:altLabel "IEA"@en .
a:us-geological-survey a cm:GovernmentBody ; skos:prefLabel "United States Geological Survey"@en ;
  skos:altLabel "USGS"@en ; cm:partOfOrganisation a:united-states .
a:department-of-energy a cm:GovernmentBody ; skos:prefLabel "Department of Energy"@en ;
  cm:partOfOrganisation a:united-states .
a:geoscience-australia a cm:GovernmentBody ; skos:prefLabel "Geoscience Australia"@en ;
  cm:partOfOrganisation a:australia .
a:frontier-works-organisation a cm:MilitaryRunOrganisation ;
  skos:prefLabel "Frontier Works Organisation"@en ; skos:altLabel "FWO"@en ;
  cm:basedIn a:pakistan .
a:pakistan a cm:State ; skos:prefLabel "Pakistan"@en ; cm:metonym "Islamabad"@en ;
  cm:demonym "Pakistani"@en .
a:myanmar a cm:State ; skos:prefLabel "Myanmar"@en ; skos:altLabel "Burma"@en ;
  cm:demonym "Burmese"@en .
p:donald-trump a cm:Person ; skos:prefLabel "Donald Trump"@en ; skos:altLabel "Trump"@en ;
  cm:hasRole [ a cm:Role ; cm:roleTitle "President"@en ; cm:roleIn a:united-states ] .
p:xi-jinping a cm:Person ; skos:prefLabel "Xi Jinping"@en ; skos:altLabel "Xi"@en ;
  cm:hasRole [ a cm:Role ; cm:roleTitle "President"@en ; cm:roleIn a:china ] .
p:prabowo-subianto a cm:Person ; skos:prefLabel "Prabowo Subianto"@en ;
  skos:altLabel "Prabowo"@en ;
  cm:hasRole [ a cm:Role ; cm:roleTitle "President"@en ; cm:roleIn a:indonesia ] .
p:anthony-albanese a cm:Person ; skos:prefLabel "Anthony Albanese"@en ;
  skos:altLabel "Albanese"@en ;
  cm:hasRole [ a cm:Role ; cm:roleTitle "Prime Minister"@en ; cm:roleIn a:australia ] .
m:rare-earth-elements a cm:MineralGroup ; skos:prefLabel "rare-earth elements"@en ;
  skos:altLabel "rare earth elements"@en , "rare earths"@en , "REE"@en , "REEs"@en ,
  "rare-earth metals"@en , "rare earth"@en .
m:gallium a cm:ChemicalElement , cm:CriticalMineral ; skos:prefLabel "gallium"@en .
m:germanium a cm:ChemicalElement , cm:CriticalMineral ; skos:prefLabel "germanium"@en .
m:lithium a cm:ChemicalElement , cm:CriticalMineral ; skos:prefLabel "lithium"@en .
m:nickel a cm:ChemicalElement , cm:CriticalMineral ; skos:prefLabel "nickel"@en .
m:cobalt a cm:ChemicalElement , cm:CriticalMineral ; skos:prefLabel "cobalt"@en .
m:graphite a cm:CriticalMineral ; skos:prefLabel "graphite"@en .
m:dysprosium a cm:HeavyRareEarthElement ; skos:prefLabel "dysprosium"@en .
m:dysprosium-oxide a cm:MineralProduct ; skos:prefLabel "dysprosium oxide"@en .
pl:busan a cm:City ; skos:prefLabel "Busan"@en ; cm:locatedIn a:south-korea .
pl:osaka a cm:City ; skos:prefLabel "Osaka"@en ; cm:locatedIn a:japan .
pl:white-house a cm:Place ; skos:prefLabel "White House"@en ; cm:locatedIn a:united-states .
pl:greenland a cm:Region ; skos:prefLabel "Greenland"@en .
pl:southern-cone a cm:Region ; skos:prefLabel "Southern Cone"@en .
pl:africa a cm:Region ; skos:prefLabel "Africa"@en ; cm:demonym "African"@en .
pl:mount-weld-mine a cm:Mine ; skos:prefLabel "Mount Weld mine"@en ;
  skos:altLabel "Mount Weld"@en ; cm:locatedIn a:australia .
"""


def fixture_index() -> ReferenceIndex:
    """The index of the fixture reference data."""
    return ReferenceIndex.from_graph(Graph().parse(data=REFERENCE_TTL, format="turtle"))


@pytest.fixture(scope="module")
def index() -> ReferenceIndex:
    return fixture_index()


def iri(kind: str, slug: str) -> URIRef:
    return URIRef(f"https://w3id.org/critmin/id/{kind}/{slug}")


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


def make_document(text: str, date: str | None = "2025-12-31") -> Document:
    """A document of one test text (its metadata dated so that bare months fall in 2025)."""
    return Document("test.txt", text, sha256(text.encode()).hexdigest(), date=date)
