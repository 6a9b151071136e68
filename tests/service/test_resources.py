"""Linked Data pages: HTML for people, RDF by content negotiation, 404s, escaping, the ontology."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from sample_texts import WrittenText

from critmin.graph.base.namespaces import CM, CMR, NIF
from critmin.graph.owl.justification import why_id
from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore

AGREEMENT = CMR["agreement/chile-norway-mou-1a2b3c4d"]
CHILE = CMR["actor/chile"]
HOSTILE = CMR["agreement/hostile-0000aaaa"]
SCRIPT_LABEL = "<script>alert('owned')</script> accord"
HOSTILE_LINK = CMR["actor/hostile-link"]


def sample_trig(text: WrittenText) -> str:
    """A small dataset with asserted, inferred, reference and provenance triples; the agreement
    rests on the span of ``text``."""
    sha16 = text.sha256[:16]
    doc = f"cmr:doc\\/{sha16}"
    span = f"<{CMR}doc/{sha16}#char={text.begin},{text.end}>"
    return f"""
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
  <{HOSTILE_LINK}> skos:prefLabel "Hostile link" ; skos:exactMatch <javascript:alert(1)> .
}}
cmr:graph\\/doc\\/{sha16} {{
  {doc} a cm:SourceDocument ; dcterms:title "Andean lithium diplomacy" ;
    cm:sha256 "{text.sha256}" ; cm:fileName "andes.txt" .
  <{AGREEMENT}> a cm:MemorandumOfUnderstanding ;
    rdfs:label "Chile-Norway lithium refining memorandum" ;
    cm:party cmr:actor\\/chile, cmr:actor\\/norway ; cm:coversStage cm:refining ;
    cm:date "2024-03-05"^^xsd:date ; prov:wasDerivedFrom {doc} ; cm:evidence {span} .
  {span} a nif:String, nif:OffsetBasedString ; nif:anchorOf "{text.anchor}" ;
    nif:beginIndex {text.begin} ; nif:endIndex {text.end} ; nif:referenceContext {doc} .
  <{HOSTILE}> a cm:Agreement ; rdfs:label "{SCRIPT_LABEL}" ; cm:party cmr:actor\\/chile .
}}
cmr:graph\\/inferred {{
  <{AGREEMENT}> a cm:NonBindingAgreement, cm:Agreement ;
    cm:involvesStage cm:refining, cm:processing .
  cmr:actor\\/chile cm:partyTo <{AGREEMENT}> .
}}
"""


@pytest.fixture
def make_app(
    trig_store: Callable[[str], LocalStore], written_text: WrittenText
) -> Callable[..., Flask]:
    """Make the critmin app over the sample dataset, with Flask configuration ``config``."""

    def make(**config: object) -> Flask:
        store = trig_store(sample_trig(written_text))
        return create_app(store, {"TESTING": True, **config}, settings=Settings())

    return make


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    """The app of this module's tests (conftest's ``client`` uses it)."""
    return make_app()


def page_path(iri: URIRef) -> str:
    """The path of a resource's page."""
    return "/id/" + str(iri).removeprefix(str(CMR))


def test_html_page_shows_label_types_and_facts_marked_asserted_or_inferred(
    client: FlaskClient,
) -> None:
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


def test_html_page_links_its_machine_readable_descriptions(client: FlaskClient) -> None:
    html = client.get(page_path(CHILE)).get_data(as_text=True)
    for media_type, extension in (
        ("text/turtle", "ttl"), ("application/ld+json", "jsonld"), ("application/n-triples", "nt"),
        ("application/rdf+xml", "rdf"),
    ):
        assert f'<link rel="alternate" type="{media_type}" href="/id/actor/chile.{extension}">' \
            in html
    formats = html.split('<p class="formats">', 1)[1].split("</p>", 1)[0]
    assert [line.strip() for line in formats.splitlines() if "<a " in line] == [
        '<a href="/id/actor/chile.ttl">Turtle</a>',
        '<a href="/id/actor/chile.jsonld">JSON-LD</a>',
        '<a href="/id/actor/chile.nt">N-Triples</a>',
        '<a href="/id/actor/chile.rdf">RDF/XML</a>',
    ]


def test_html_page_shows_evidence_anchor_and_source_without_a_corpus(
    client: FlaskClient, written_text: WrittenText
) -> None:
    html = client.get(page_path(AGREEMENT)).get_data(as_text=True)
    sha16, begin, end = written_text.sha256[:16], written_text.begin, written_text.end
    assert f"“<mark>{written_text.anchor}</mark>”" in html
    assert f"characters {begin}\u2013{end}" in html
    assert f'href="/id/doc/{sha16}" title="{CMR}doc/{sha16}">Andean lithium diplomacy</a>' in html
    assert f'<a href="/id/doc/{sha16}#char={begin},{end}">span</a>' in html
    assert "Delegations met" not in html


def test_html_page_shows_the_whole_sentence_when_the_corpus_is_at_hand(
    tmp_path: Path, make_app: Callable[..., Flask], written_text: WrittenText
) -> None:
    (tmp_path / "renamed.txt").write_text(written_text.text, encoding="utf-8")
    client = make_app(CORPUS_DIR=str(tmp_path)).test_client()
    html = client.get(page_path(AGREEMENT)).get_data(as_text=True)
    assert (
        "<blockquote>Chile and Norway signed <mark>a memorandum on lithium refining</mark>"
        " that week.</blockquote>"
    ) in html


def test_reference_entity_page_links_to_wikidata_and_lists_incoming_links(
    client: FlaskClient,
) -> None:
    html = client.get(page_path(CHILE)).get_data(as_text=True)
    assert '<h1 id="resource-label">Chile</h1>' in html
    external = 'rel="noopener noreferrer external"'
    assert (
        f'<li>skos:exactMatch: <a href="http://www.wikidata.org/entity/Q298" {external}>'
        "http://www.wikidata.org/entity/Q298</a></li>"
    ) in html
    assert f'<a href="https://www.wikidata.org/wiki/Q298" {external}>Q298</a>' in html
    assert "<code>CL</code>" in html
    incoming = html.split('id="incoming-title"', 1)[1]
    assert f'title="{AGREEMENT}">Chile-Norway lithium refining memorandum</a>' in incoming


def test_a_link_to_another_scheme_is_shown_as_text_never_as_a_link(client: FlaskClient) -> None:
    html = client.get(page_path(HOSTILE_LINK)).get_data(as_text=True)
    assert '<li>skos:exactMatch: <span class="iri">javascript:alert(1)</span></li>' in html
    assert 'href="javascript' not in html


def test_document_page_gives_each_span_its_fragment_id(
    client: FlaskClient, written_text: WrittenText
) -> None:
    sha16 = written_text.sha256[:16]
    html = client.get(f"/id/doc/{sha16}").get_data(as_text=True)
    assert f'id="char={written_text.begin},{written_text.end}"' in html


def test_a_script_in_a_literal_is_escaped(client: FlaskClient) -> None:
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
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("text/plain", "application/n-triples", "nt"),
        ("text/html;q=0.5, application/rdf+xml;q=0.9", "application/rdf+xml", "xml"),
    ],
)
def test_content_negotiation_returns_parseable_rdf(
    client: FlaskClient, written_text: WrittenText, accept: str, media: str, rdf_format: str
) -> None:
    response = client.get(page_path(AGREEMENT), headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media
    assert "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.get_data(as_text=True), format=rdf_format)
    assert (AGREEMENT, CM.party, CHILE) in graph
    assert (AGREEMENT, CM.involvesStage, CM.processing) in graph
    assert (CHILE, CM.partyTo, AGREEMENT) in graph
    sha16 = written_text.sha256[:16]
    span = CMR[f"doc/{sha16}#char={written_text.begin},{written_text.end}"]
    assert (span, NIF.anchorOf, Literal(written_text.anchor)) in graph


OFFERED = (
    "text/html, text/turtle, application/ld+json, application/n-triples, application/rdf+xml"
)


@pytest.mark.parametrize("accept", ["image/png", "application/sparql-results+json", "text/csv"])
def test_an_accept_header_that_names_nothing_offered_is_a_406_listing_the_offer(
    client: FlaskClient, accept: str
) -> None:
    response = client.get(page_path(CHILE), headers={"Accept": accept})
    assert (response.status_code, response.mimetype) == (406, "application/json")
    assert response.get_json() == {"error": {
        "status": 406, "title": "Not Acceptable",
        "message": f"none of the media types in Accept is available for this answer; use one of:"
        f" {OFFERED}",
    }}


@pytest.mark.parametrize("accept", [None, "*/*", "text/*", "text/html"])
def test_a_browser_or_a_client_accepting_anything_gets_the_html_page(
    client: FlaskClient, accept: str | None
) -> None:
    response = client.get(page_path(CHILE), headers={"Accept": accept} if accept else {})
    assert (response.status_code, response.mimetype) == (200, "text/html")
    assert '<h1 id="resource-label">Chile</h1>' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("extension", "media", "rdf_format"),
    [("ttl", "text/turtle", "turtle"), ("jsonld", "application/ld+json", "json-ld"),
     ("nt", "application/n-triples", "nt"), ("rdf", "application/rdf+xml", "xml")],
)
def test_extension_chooses_the_format(
    client: FlaskClient, extension: str, media: str, rdf_format: str
) -> None:
    response = client.get(f"{page_path(CHILE)}.{extension}", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == media
    assert "Accept" not in response.vary
    graph = Graph().parse(data=response.get_data(as_text=True), format=rdf_format)
    assert set(graph.objects(CHILE, SKOS.prefLabel)) == {
        Literal("Chile", lang="en"), Literal("Chili", lang="fr")
    }


def test_unknown_resource_is_a_json_404_for_machines(client: FlaskClient) -> None:
    response = client.get("/id/actor/atlantis", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert response.get_json() == {
        "error": {
            "status": 404, "title": "Not Found",
            "message": f"no resource <{CMR}actor/atlantis>",
        }
    }


def test_unknown_resource_is_an_html_404_for_browsers(client: FlaskClient) -> None:
    response = client.get("/id/actor/atlantis", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert f"<p>no resource &lt;{CMR}actor/atlantis&gt;</p>" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "decoded"),
    [("a%3Eb", "a>b"), ("%25", "%"), ("x%7F", "x\x7f"), ("x%FF", "x\ufffd"), ("a%20b", "a b")],
)
@pytest.mark.parametrize("accept", ["application/json", "text/turtle"])
def test_a_path_that_is_no_iri_is_a_404(
    client: FlaskClient, path: str, decoded: str, accept: str
) -> None:
    response = client.get(f"/id/actor/{path}", headers={"Accept": accept})
    assert response.status_code == 404
    assert response.get_json() == {
        "error": {
            "status": 404, "title": "Not Found",
            "message": f"no resource {CMR + 'actor/' + decoded!r}",
        }
    }


def test_the_public_base_is_configurable(make_app: Callable[..., Flask]) -> None:
    client = make_app(PUBLIC_BASE_IRI="https://example.org/kg/").test_client()
    response = client.get(page_path(CHILE), headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == (
        "no resource <https://example.org/kg/actor/chile>"
    )
    html = client.get("/id/x", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<p>no resource &lt;https://example.org/kg/x&gt;</p>" in html


def test_ontology_serves_html_and_turtle_by_content_negotiation(
    tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    (tmp_path / "critmin.html").write_text("<html><body>critmin ontology</body></html>")
    (tmp_path / "critmin.ttl").write_text(
        "<https://w3id.org/critmin/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n"
    )
    client = make_app(ONTOLOGY_DIR=str(tmp_path)).test_client()
    html = client.get("/ontology", headers={"Accept": "text/html"})
    assert html.status_code == 200
    assert html.mimetype == "text/html"
    page = html.get_data(as_text=True)
    assert page.startswith('<html><body>\n<nav class="critmin-way-back"')
    assert page.endswith("</nav>critmin ontology</body></html>")
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    assert "Accept" in turtle.headers["Vary"]
    graph = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    assert set(graph) == {(
        URIRef("https://w3id.org/critmin/ontology"),
        URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        URIRef("http://www.w3.org/2002/07/owl#Ontology"),
    )}


def test_missing_ontology_file_is_a_404(tmp_path: Path, make_app: Callable[..., Flask]) -> None:
    client = make_app(ONTOLOGY_DIR=str(tmp_path)).test_client()
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == (
        "the ontology file critmin.ttl has not been generated"
    )


ONTOLOGY_TURTLE = """@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/critmin/ontology> a owl:Ontology .
<https://w3id.org/critmin/ontology#State> a owl:Class ; rdfs:label "state"@en .
"""
ONTOLOGY_TRIPLES = {
    (URIRef("https://w3id.org/critmin/ontology"), RDF.type, OWL.Ontology),
    (CM.State, RDF.type, OWL.Class),
    (CM.State, RDFS.label, Literal("state", lang="en")),
}


@pytest.fixture
def ontology_client(tmp_path: Path, make_app: Callable[..., Flask]) -> FlaskClient:
    """A client of the app serving a small ontology page and Turtle file."""
    (tmp_path / "critmin.html").write_text("<html><body>critmin ontology</body></html>")
    (tmp_path / "critmin.ttl").write_text(ONTOLOGY_TURTLE)
    return make_app(ONTOLOGY_DIR=str(tmp_path)).test_client()


@pytest.mark.parametrize(
    ("accept", "media", "rdf_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
    ],
)
def test_ontology_in_every_rdf_format_by_accept_and_by_extension(
    ontology_client: FlaskClient, accept: str, media: str, rdf_format: str
) -> None:
    extension = {"turtle": "ttl", "xml": "rdf", "json-ld": "jsonld", "nt": "nt"}[rdf_format]
    for response in (
        ontology_client.get("/ontology", headers={"Accept": accept}),
        ontology_client.get(f"/ontology.{extension}", headers={"Accept": "text/html"}),
    ):
        assert response.status_code == 200
        assert response.mimetype == media
        assert response.headers["Content-Location"] == f"/ontology.{extension}"
        assert set(Graph().parse(data=response.data, format=rdf_format)) == ONTOLOGY_TRIPLES


def test_ontology_page_by_extension_and_406_for_what_is_not_offered(
    ontology_client: FlaskClient,
) -> None:
    page = ontology_client.get("/ontology.html", headers={"Accept": "text/turtle"})
    assert (page.status_code, page.mimetype) == (200, "text/html")
    assert page.get_data(as_text=True).endswith("</nav>critmin ontology</body></html>")
    refused = ontology_client.get("/ontology", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.get_json()["error"]["message"].endswith(f"use one of: {OFFERED}")
    unknown = ontology_client.get("/ontology.png", headers={"Accept": "application/json"})
    assert unknown.status_code == 404
    assert unknown.get_json()["error"]["message"] == "the ontology has no .png format"


def test_ontology_links_its_alternates(ontology_client: FlaskClient) -> None:
    response = ontology_client.get("/ontology", headers={"Accept": "text/html"})
    assert response.headers["Content-Location"] == "/ontology.html"
    assert response.headers["Link"].split(", ") == [
        '</ontology.ttl>; rel="alternate"; type="text/turtle"',
        '</ontology.jsonld>; rel="alternate"; type="application/ld+json"',
        '</ontology.nt>; rel="alternate"; type="application/n-triples"',
        '</ontology.rdf>; rel="alternate"; type="application/rdf+xml"',
    ]
    assert "Accept" in response.vary


@pytest.mark.parametrize(
    ("accept", "location"),
    [("text/html", "/id/actor/chile.html"), ("application/rdf+xml", "/id/actor/chile.rdf")],
)
def test_a_resource_says_where_its_representation_and_the_others_are(
    client: FlaskClient, accept: str, location: str
) -> None:
    response = client.get(page_path(CHILE), headers={"Accept": accept})
    assert response.headers["Content-Location"] == location
    links = response.headers["Link"].split(", ")
    every = {
        "/id/actor/chile.html": "text/html", "/id/actor/chile.ttl": "text/turtle",
        "/id/actor/chile.jsonld": "application/ld+json",
        "/id/actor/chile.nt": "application/n-triples",
        "/id/actor/chile.rdf": "application/rdf+xml",
    }
    assert links == [
        f'<{url}>; rel="alternate"; type="{media}"'
        for url, media in every.items() if url != location
    ]
    followed = client.get(links[0].split(">", 1)[0][1:])
    assert followed.status_code == 200
    assert followed.mimetype == links[0].rsplit('type="', 1)[1].rstrip('"')


def test_the_html_page_by_extension(client: FlaskClient) -> None:
    response = client.get(f"{page_path(CHILE)}.html", headers={"Accept": "text/turtle"})
    assert (response.status_code, response.mimetype) == (200, "text/html")
    assert '<h1 id="resource-label">Chile</h1>' in response.get_data(as_text=True)


# --- Why inferred: each inferred fact's justification, on the page and in the description

SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"
SEED_MOU = CMR["agreement/us-strategic-metals-frontier-works-organisation-mou-73a7f1ed"]
MOU_NAME = "US Strategic Metals \u2013 Frontier Works Organisation MoU"


@pytest.fixture(scope="module")
def seed_client() -> FlaskClient:
    """A client of the app over the shipped seed build (Oxigraph, in memory)."""
    store = OxigraphStore.from_file(SEED)
    return create_app(store, {"TESTING": True}, settings=Settings()).test_client()


def why_text(html: str, conclusion: tuple[URIRef, URIRef, URIRef]) -> str:
    """The text of the "why" of ``conclusion`` on a page, tags dropped, spaces collapsed."""
    start = html.index(f'<details class="why" id="{why_id(conclusion)}">')
    block = html[start : html.index("</details>", start)]
    return " ".join(re.sub(r"<[^>]+>", "", block).split())


def test_the_seed_mou_page_says_why_it_is_non_binding_and_involves_processing(
    seed_client: FlaskClient,
) -> None:
    html = seed_client.get(page_path(SEED_MOU)).get_data(as_text=True)
    assert why_text(html, (SEED_MOU, RDF.type, CM.NonBindingAgreement)) == (
        "Why non-binding agreement? OWL 2 RL: subclass cax-sco "
        "Axiom: memorandum of understanding ⊑ non-binding agreement "
        f"From: {MOU_NAME} · rdf:type · memorandum of understanding asserted"
    )
    assert why_text(html, (SEED_MOU, CM.involvesStage, CM.processing)) == (
        "why? OWL 2 RL: property chain prp-spo2 "
        "Axiom: covers stage ∘ narrower stage of ⊑ involves stage "
        f"From: {MOU_NAME} · covers stage · beneficiation asserted "
        "beneficiation · narrower stage of · processing asserted"
    )
    assert why_text(html, (SEED_MOU, CM.bindingStatus, CM.nonBinding)) == (
        "why? OWL 2 RL: value restriction: the class gives the value cax-eqc1 + cls-hv1 "
        "Axiom: non-binding agreement ≡ (binding status value non-binding) "
        f"From: {MOU_NAME} · rdf:type · non-binding agreement inferred why?"
    )
    # An inferred premise links to its own "why" on the page; the axiom's terms to the ontology.
    premise = why_id((SEED_MOU, RDF.type, CM.NonBindingAgreement))
    assert f'<a class="why-link" href="#{premise}">why?</a>' in html
    assert ('<a href="/ontology#narrowerStageOf" title="https://w3id.org/critmin/ontology#'
            'narrowerStageOf">narrower stage of</a>') in html
    assert html.count('<details class="why"') == 11  # every inferred fact of the page
    assert "no justification found" not in html


def test_the_seed_mou_description_carries_its_justifications(seed_client: FlaskClient) -> None:
    graph = Graph().parse(data=seed_client.get(page_path(SEED_MOU) + ".ttl").text,
                          format="turtle")
    rows = graph.query(
        """SELECT ?why ?rule ?axiom ?subject ?link ?value WHERE {
          ?why a cm:Justification ; cm:rule ?rule ;
            cm:conclusion [ rdf:subject ?this ; rdf:predicate cm:involvesStage ;
                            rdf:object cm:processing ] ;
            cm:axiom [ rdf:subject cm:involvesStage ; rdf:predicate owl:propertyChainAxiom ;
                       rdf:object ( ?first ?second ) ] ;
            cm:premise [ rdf:subject ?subject ; rdf:predicate ?link ; rdf:object ?value ] .
          BIND(CONCAT(STR(?first), " ", STR(?second)) AS ?axiom)
        } ORDER BY ?subject""",
        initNs={"cm": CM, "rdf": RDF, "owl": OWL},
        initBindings={"this": SEED_MOU},
    )
    why = URIRef(f"{SEED_MOU}#{why_id((SEED_MOU, CM.involvesStage, CM.processing))}")
    chain = f"{CM.coversStage} {CM.narrowerStageOf}"
    assert [(row.why, str(row.rule), str(row.axiom), row.subject, row.link, row.value)
            for row in rows] == [
        (why, "prp-spo2", chain, SEED_MOU, CM.coversStage, CM.beneficiation),
        (why, "prp-spo2", chain, CM.beneficiation, CM.narrowerStageOf, CM.processing),
    ]
    assert len(set(graph.subjects(RDF.type, CM.Justification))) == 11
    assert (SEED_MOU, CM.coversStage, CM.refining) in graph  # the description itself is kept


def test_an_inferred_fact_without_the_axioms_to_justify_it_says_so(client: FlaskClient) -> None:
    """The sample's ontology graph holds labels only: nothing can be justified, and the page
    says so rather than inventing a reason."""
    html = client.get(page_path(AGREEMENT)).get_data(as_text=True)
    assert html.count('<small class="muted why-none">(no justification found)</small>') == 5
    assert '<details class="why"' not in html


def test_labels_in_a_justification_are_escaped(
    trig_store: Callable[[str], LocalStore],
) -> None:
    store = trig_store(f"""
cmr:graph\\/ontology {{ cm:party owl:inverseOf cm:partyTo . }}
cmr:graph\\/doc\\/00000000000000aa {{
  <{HOSTILE}> rdfs:label "{SCRIPT_LABEL}" ; cm:party cmr:actor\\/chile .
}}
cmr:graph\\/inferred {{ cmr:actor\\/chile cm:partyTo <{HOSTILE}> . }}
""")
    client = create_app(store, {"TESTING": True}, settings=Settings()).test_client()
    html = client.get(page_path(CHILE)).get_data(as_text=True)
    assert why_text(html, (CHILE, CM.partyTo, HOSTILE)) == (
        "why? OWL 2 RL: inverse property prp-inv1 Axiom: cm:party inverse of cm:partyTo "
        "From: &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; accord · cm:party · "
        "cmr:actor/chile asserted"
    )
    assert "<script>alert" not in html


def test_the_ontology_page_leads_back_to_the_form_and_the_endpoint(
    tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    (tmp_path / "critmin.html").write_text("<html><body>critmin ontology</body></html>")
    page = make_app(ONTOLOGY_DIR=str(tmp_path)).test_client().get("/ontology").get_data(
        as_text=True
    )
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', page)
    assert links == [
        ("/", "critmin"), ("/", "Query"), ("/sparql", "SPARQL endpoint"),
        ("/ontology.ttl", "Turtle"),
    ]


def test_a_resource_page_links_a_query_of_what_the_graph_says_about_it(
    client: FlaskClient,
) -> None:
    page = client.get(page_path(AGREEMENT), headers={"Accept": "text/html"})
    href = re.search(r'<a id="query-resource" href="([^"]+)"', page.get_data(as_text=True))
    assert href is not None
    path, _, query_string = html.unescape(href[1]).partition("?")
    assert path == "/"
    iri = str(AGREEMENT)
    assert parse_qs(query_string)["query"] == [
        f"# What the graph says about <{iri}>\n"
        f"SELECT ?property ?value WHERE {{\n  <{iri}> ?property ?value\n}}\n"
        "ORDER BY ?property ?value\n"
    ]
