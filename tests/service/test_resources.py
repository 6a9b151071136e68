"""Linked Data pages: HTML for people, RDF by content negotiation, 404s, escaping, the ontology."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Dataset, Graph, Literal, URIRef

from critmin.graph.namespaces import CM, CMR, PREFIXES
from critmin.service.app import create_app
from critmin.service.store import LocalStore

# A text written for these tests; the span covers "a memorandum on lithium refining".
TEXT = (
    "Delegations met in Santiago on Tuesday.\n"
    "Chile and Norway signed a memorandum on lithium refining that week. "
    "Details were not published."
)
ANCHOR = "a memorandum on lithium refining"
BEGIN = TEXT.index(ANCHOR)
END = BEGIN + len(ANCHOR)
SHA256 = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
SHA16 = SHA256[:16]
AGREEMENT = CMR["agreement/chile-norway-mou-1a2b3c4d"]
CHILE = CMR["actor/chile"]
HOSTILE = CMR["agreement/hostile-0000aaaa"]
SCRIPT_LABEL = "<script>alert('owned')</script> accord"


def sample_trig() -> str:
    """A small dataset with asserted, inferred, reference and provenance triples."""
    prefixes = "\n".join(f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items())
    doc = f"cmr:doc\\/{SHA16}"
    span = f"<{CMR}doc/{SHA16}#char={BEGIN},{END}>"
    return f"""{prefixes}
cmr:graph\\/ontology {{
  cm:party rdfs:label "party"@en .
  cm:MemorandumOfUnderstanding rdfs:label "memorandum of understanding"@en .
  cm:refining rdfs:label "refining"@en .
  cm:processing rdfs:label "processing"@en .
}}
cmr:graph\\/reference {{
  cmr:actor\\/chile a cm:State ; skos:prefLabel "Chile"@en, "Chili"@fr ;
    cm:wikidataId "Q298" ; skos:exactMatch wd:Q298 ; cm:iso3166Alpha2 "CL" .
  cmr:actor\\/norway a cm:State ; skos:prefLabel "Norway"@en .
}}
cmr:graph\\/doc\\/{SHA16} {{
  {doc} a cm:SourceDocument ; dcterms:title "Andean lithium diplomacy" ;
    cm:sha256 "{SHA256}" ; cm:fileName "andes.txt" .
  <{AGREEMENT}> a cm:MemorandumOfUnderstanding ;
    rdfs:label "Chile-Norway lithium refining memorandum" ;
    cm:party cmr:actor\\/chile, cmr:actor\\/norway ; cm:coversStage cm:refining ;
    cm:date "2024-03-05"^^xsd:date ; prov:wasDerivedFrom {doc} ; cm:evidence {span} .
  {span} a nif:String, nif:OffsetBasedString ; nif:anchorOf "{ANCHOR}" ;
    nif:beginIndex {BEGIN} ; nif:endIndex {END} ; nif:referenceContext {doc} .
  <{HOSTILE}> a cm:Agreement ; rdfs:label "{SCRIPT_LABEL}" ; cm:party cmr:actor\\/chile .
}}
cmr:graph\\/inferred {{
  <{AGREEMENT}> a cm:NonBindingAgreement, cm:Agreement ;
    cm:involvesStage cm:refining, cm:processing .
  cmr:actor\\/chile cm:partyTo <{AGREEMENT}> .
}}
"""


def make_app(**config: object) -> Flask:
    """The critmin app over the sample dataset, with the web and resource blueprints."""
    dataset = Dataset(default_union=True)
    dataset.parse(data=sample_trig(), format="trig")
    return create_app(LocalStore(dataset), {"TESTING": True, **config})


@pytest.fixture
def client() -> FlaskClient:
    return make_app().test_client()


def page_path(iri: URIRef) -> str:
    return "/id/" + str(iri).removeprefix(str(CMR))


def test_html_page_shows_label_types_and_facts_marked_asserted_or_inferred(client):
    response = client.get(page_path(AGREEMENT), headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert '<h1 id="resource-label">Chile-Norway lithium refining memorandum</h1>' in html
    assert "memorandum of understanding</a></li>" in html
    # cm:processing is only in the inferred graph; cm:refining is asserted (and inferred).
    assert (
        '<span class="value"><a href="/ontology#processing" '
        'title="https://w3id.org/critmin/ontology#processing">processing</a></span> '
        '<span class="badge inferred">inferred</span>'
    ) in html
    assert (
        '<span class="value"><a href="/ontology#refining" '
        'title="https://w3id.org/critmin/ontology#refining">refining</a></span> '
        '<span class="badge asserted">asserted</span>'
    ) in html
    assert f'href="/id/actor/chile" title="{CHILE}">Chile</a>' in html
    assert (
        '<span class="literal">2024-03-05</span> <small class="datatype">xsd:date</small>'
    ) in html


def test_html_page_shows_evidence_anchor_and_source_without_a_corpus(client):
    html = client.get(page_path(AGREEMENT)).get_data(as_text=True)
    assert f"“<mark>{ANCHOR}</mark>”" in html
    assert f"characters {BEGIN}\u2013{END}" in html
    assert f'href="/id/doc/{SHA16}" title="{CMR}doc/{SHA16}">Andean lithium diplomacy</a>' in html
    assert f'<a href="/id/doc/{SHA16}#char={BEGIN},{END}">span</a>' in html
    assert "Delegations met" not in html


def test_html_page_shows_the_whole_sentence_when_the_corpus_is_at_hand(tmp_path: Path):
    (tmp_path / "renamed.txt").write_text(TEXT, encoding="utf-8")
    client = make_app(CORPUS_DIR=str(tmp_path)).test_client()
    html = client.get(page_path(AGREEMENT)).get_data(as_text=True)
    assert (
        "<blockquote>Chile and Norway signed <mark>a memorandum on lithium refining</mark>"
        " that week.</blockquote>"
    ) in html


def test_reference_entity_page_links_to_wikidata_and_lists_incoming_links(client):
    html = client.get(page_path(CHILE)).get_data(as_text=True)
    assert '<h1 id="resource-label">Chile</h1>' in html
    external = 'rel="noopener noreferrer external"'
    assert f'<a href="http://www.wikidata.org/entity/Q298" {external}>' in html
    assert f'<a href="https://www.wikidata.org/wiki/Q298" {external}>Q298</a>' in html
    assert "<code>CL</code>" in html
    incoming = html.split('id="incoming-title"', 1)[1]
    assert f'title="{AGREEMENT}">Chile-Norway lithium refining memorandum</a>' in incoming


def test_document_page_gives_each_span_its_fragment_id(client):
    html = client.get(f"/id/doc/{SHA16}").get_data(as_text=True)
    assert f'id="char={BEGIN},{END}"' in html


def test_a_script_in_a_literal_is_escaped(client):
    html = client.get(page_path(HOSTILE)).get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; accord" in html


@pytest.mark.parametrize(
    ("accept", "media", "rdf_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/json", "application/ld+json", "json-ld"),
    ],
)
def test_content_negotiation_returns_parseable_rdf(client, accept, media, rdf_format):
    response = client.get(page_path(AGREEMENT), headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media
    assert "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.get_data(as_text=True), format=rdf_format)
    assert (AGREEMENT, CM.party, CHILE) in graph
    assert (AGREEMENT, CM.involvesStage, CM.processing) in graph
    assert (CHILE, CM.partyTo, AGREEMENT) in graph
    span = URIRef(f"{CMR}doc/{SHA16}#char={BEGIN},{END}")
    assert (span, URIRef(PREFIXES["nif"] + "anchorOf"), Literal(ANCHOR)) in graph


@pytest.mark.parametrize(
    ("extension", "media", "rdf_format"),
    [("ttl", "text/turtle", "turtle"), ("jsonld", "application/ld+json", "json-ld"),
     ("nt", "application/n-triples", "nt")],
)
def test_extension_chooses_the_format(client, extension, media, rdf_format):
    response = client.get(f"{page_path(CHILE)}.{extension}", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == media
    graph = Graph().parse(data=response.get_data(as_text=True), format=rdf_format)
    assert set(graph.objects(CHILE, URIRef(PREFIXES["skos"] + "prefLabel"))) == {
        Literal("Chile", lang="en"), Literal("Chili", lang="fr")
    }


def test_unknown_resource_is_a_json_404_for_machines(client):
    response = client.get("/id/actor/atlantis", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert response.get_json() == {
        "error": {
            "status": 404, "title": "Not Found",
            "message": f"no resource <{CMR}actor/atlantis>",
        }
    }


def test_unknown_resource_is_an_html_404_for_browsers(client):
    response = client.get("/id/actor/atlantis", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert f"no resource &lt;{CMR}actor/atlantis&gt;" in response.get_data(as_text=True)


def test_a_path_that_is_no_iri_is_a_404(client):
    response = client.get("/id/actor/a%3Eb", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert json.loads(response.data)["error"]["status"] == 404


def test_the_public_base_is_configurable():
    client = make_app(PUBLIC_BASE_IRI="https://example.org/kg/").test_client()
    assert client.get(page_path(CHILE)).status_code == 404


def test_ontology_serves_html_and_turtle_by_content_negotiation(tmp_path: Path):
    (tmp_path / "critmin.html").write_text("<html><body>critmin ontology</body></html>")
    (tmp_path / "critmin.ttl").write_text(
        "<https://w3id.org/critmin/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n"
    )
    client = make_app(ONTOLOGY_DIR=str(tmp_path)).test_client()
    html = client.get("/ontology", headers={"Accept": "text/html"})
    assert html.status_code == 200
    assert html.mimetype == "text/html"
    assert html.get_data(as_text=True) == "<html><body>critmin ontology</body></html>"
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    graph = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    assert len(graph) == 1


def test_missing_ontology_file_is_a_404(tmp_path: Path):
    client = make_app(ONTOLOGY_DIR=str(tmp_path)).test_client()
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == (
        "the ontology file critmin.ttl has not been generated"
    )
