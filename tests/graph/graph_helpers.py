"""Shared by the graph tests: a small reference data set, IRIs, test documents and articles.

The fixtures ``nlp`` and ``index`` built from these live in conftest.py.
"""

import re
from hashlib import sha256
from pathlib import Path

from rdflib import Graph, URIRef

from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Extraction
from critmin.graph.base.values import Entity
from critmin.graph.rules.extract import extract
from critmin.graph.text.corpus import find_noise
from critmin.graph.text.reference import ReferenceIndex

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


DATA = Path(__file__).resolve().parent / "data"
"""Invented articles in other publishers' styles (no corpus text)."""

HEADED = """\
Cobalt Corridor: Zambia Courts Gulf Investors
By Lena Okafor and Piet de Vries | Copperbelt Post
Published: 14 March 2024 at 09:30 GMT
Lusaka signed three accords.
Lena Okafor is a senior analyst with the Southern Minerals Institute.
"""
"""A text with a headline, a byline, a dateline and a closing bio."""


def words(text: str) -> list[str]:
    """The words of ``text`` as the corpus leak check counts them ("one-year" is two)."""
    return re.findall(r"[a-z0-9]+", text.lower())


def fixture_index() -> ReferenceIndex:
    """The index of the fixture reference data."""
    return ReferenceIndex.from_graph(Graph().parse(data=REFERENCE_TTL, format="turtle"))


def iri(kind: str, slug: str) -> URIRef:
    """The IRI of a reference entity: ``iri("actor", "chile")``."""
    return URIRef(f"https://w3id.org/critmin/id/{kind}/{slug}")


def entity(kind: str, slug: str) -> Entity:
    """A reference entity as extraction names it (IRI only)."""
    return Entity(iri(kind, slug))


def actor(slug: str) -> Entity:
    return entity("actor", slug)


def mineral(slug: str) -> Entity:
    return entity("mineral", slug)


def make_document(text: str, date: str | None = "2025-12-31") -> Document:
    """A document of one test text (its metadata dated so that bare months fall in 2025)."""
    return Document("test.txt", text, sha256(text.encode()).hexdigest(), date=date)


def extract_text(text: str, nlp, index: ReferenceIndex) -> Extraction:
    """The extraction of one test text (see ``make_document``)."""
    return extract(make_document(text), nlp, index)


def read_article(name: str, date: str) -> Document:
    """An invented article of ``DATA`` as the corpus reader would give it, with its noise."""
    text = (DATA / name).read_text(encoding="utf-8")
    digest = sha256(text.encode()).hexdigest()
    return Document(name, text, digest, date=date, noise=find_noise(text))
