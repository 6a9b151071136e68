"""/sparql: the SPARQL 1.1 Protocol through the Flask test client, and through SPARQLWrapper
against the real waitress server. (The service description it answers without a query is
tested in test_service_description, its refusal of SERVICE in test_query_guard.)"""

from __future__ import annotations

import io
import json
import xml.dom.minidom
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from urllib.error import HTTPError

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from critmin.graph.base.namespaces import CM, CMR, REFERENCE_GRAPH
from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.prefixes import SPARQL_PREFIXES
from critmin.service.service_description import SD
from critmin.service.store import LocalStore

REFERENCE = REFERENCE_GRAPH
DOC_AA = CMR["graph/doc/00000000000000aa"]
DOC_BB = CMR["graph/doc/00000000000000bb"]
PREFIXES = SPARQL_PREFIXES + "\n"
STATE_LABELS = PREFIXES + (
    "SELECT ?state ?label WHERE { ?state a cm:State ; skos:prefLabel ?label } ORDER BY ?label"
)
STATE_TERMS = [
    {"state": CMR["actor/exampleland"], "label": Literal("Exampleland", lang="en")},
    {"state": CMR["actor/testland"], "label": Literal("Testland", lang="en")},
]
STATE_ROWS = [
    {"state": {"type": "uri", "value": str(CMR["actor/exampleland"])},
     "label": {"type": "literal", "value": "Exampleland", "xml:lang": "en"}},
    {"state": {"type": "uri", "value": str(CMR["actor/testland"])},
     "label": {"type": "literal", "value": "Testland", "xml:lang": "en"}},
]
CONSTRUCT_PARTIES = (
    PREFIXES + "CONSTRUCT { ?a cm:party ?p } WHERE { ?a cm:party ?p }"
)
AGREEMENT = CMR["agreement/testland-exampleland-0000aaaa"]
PARTY_TRIPLES = {
    (AGREEMENT, CM.party, CMR["actor/testland"]),
    (AGREEMENT, CM.party, CMR["actor/exampleland"]),
}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def bindings(response) -> list[dict]:
    return json.loads(response.data)["results"]["bindings"]


def count_triples(client: FlaskClient) -> int:
    response = client.get("/sparql", query_string={"query": COUNT_ALL})
    return int(bindings(response)[0]["n"]["value"])


def app_with(store: LocalStore, **settings: object) -> Flask:
    return create_app(store, {"TESTING": True}, settings=Settings().replace(settings))


# --- the query operation -------------------------------------------------------------------

def test_get_select_answers_sparql_json(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": STATE_LABELS})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(response.data)["head"] == {"vars": ["state", "label"]}
    assert bindings(response) == STATE_ROWS
    assert response.headers["X-Critmin-Max-Rows"] == "10000"
    assert "X-Critmin-Truncated" not in response.headers


def test_post_form_and_post_query_body_answer_like_get(client: FlaskClient) -> None:
    form = client.post("/sparql", data={"query": STATE_LABELS})
    direct = client.post(
        "/sparql", data=STATE_LABELS.encode(), content_type="application/sparql-query"
    )
    assert form.status_code == direct.status_code == 200
    assert bindings(form) == bindings(direct) == STATE_ROWS


def test_default_graph_is_the_union_of_distinct_triples(client: FlaskClient) -> None:
    assert count_triples(client) == 17


@pytest.mark.parametrize(
    ("accept", "media_type", "parser"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
        ("text/csv", "text/csv", "csv"),
        ("text/tab-separated-values", "text/tab-separated-values", "tsv"),
        ("application/json", "application/json", "json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml",
         "xml"),
        ("text/csv;q=0.9, text/tab-separated-values", "text/tab-separated-values", "tsv"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
         "application/xml", "xml"),
        ("*/*", "application/sparql-results+json", "json"),
    ],
)
def test_accept_chooses_the_results_format(
    client: FlaskClient, accept: str, media_type: str, parser: str
) -> None:
    response = client.get("/sparql", query_string={"query": STATE_LABELS},
                          headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert set(response.vary) == {"Accept", "Accept-Encoding"}
    parsed = Result.parse(io.BytesIO(response.data), format=parser)
    rows = [{str(name): term for name, term in row.asdict().items()} for row in parsed]
    if parser == "csv":  # CSV keeps no term types: compare the plain values
        assert [{name: str(term) for name, term in row.items()} for row in rows] == [
            {name: str(term) for name, term in row.items()} for row in STATE_TERMS
        ]
    else:
        assert rows == STATE_TERMS


def test_csv_and_tsv_bodies(client: FlaskClient) -> None:
    csv = client.get("/sparql", query_string={"query": STATE_LABELS, "format": "csv"})
    tsv = client.get("/sparql", query_string={"query": STATE_LABELS, "format": "tsv"})
    assert csv.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.get_data(as_text=True) == (
        f"state,label\r\n{CMR['actor/exampleland']},Exampleland\r\n"
        f"{CMR['actor/testland']},Testland\r\n"
    )
    assert tsv.headers["Content-Type"] == "text/tab-separated-values; charset=utf-8"
    assert tsv.get_data(as_text=True) == (
        f"?state\t?label\n<{CMR['actor/exampleland']}>\t\"Exampleland\"@en\n"
        f"<{CMR['actor/testland']}>\t\"Testland\"@en\n"
    )


def test_format_parameter_wins_over_accept(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": STATE_LABELS, "format": "xml"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.mimetype == "application/sparql-results+xml"
    document = xml.dom.minidom.parseString(response.data)
    assert [node.getAttribute("name") for node in document.getElementsByTagName("variable")] \
        == ["state", "label"]


def test_format_that_does_not_fit_the_query_is_a_400(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": STATE_LABELS, "format": "ttl"})
    assert response.status_code == 400
    assert response.get_json() == {"error": {
        "status": 400, "title": "Unsupported format",
        "message": "format=ttl is not available for this answer; use one of: json, xml, csv, tsv",
    }}


def test_unsupported_accept_is_a_406(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": STATE_LABELS},
                          headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.mimetype == "application/json"
    assert response.get_json() == {"error": {
        "status": 406, "title": "Not Acceptable",
        "message": "none of the media types in Accept is available for this answer; use one "
        "of: application/sparql-results+json, application/sparql-results+xml, text/csv, "
        "text/tab-separated-values",
    }}


def test_ask_answers_a_boolean_and_has_no_csv(client: FlaskClient) -> None:
    yes = client.get("/sparql", query_string={"query": PREFIXES + "ASK { ?x a cm:State }"})
    no = client.get("/sparql", query_string={"query": PREFIXES + "ASK { ?x a cm:Sanction }"})
    assert yes.get_json()["boolean"] is True
    assert no.get_json()["boolean"] is False
    csv = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert csv.status_code == 406
    assert csv.get_json()["error"]["message"] == (
        "none of the media types in Accept is available for this answer; use one of: "
        "application/sparql-results+json, application/sparql-results+xml"
    )


@pytest.mark.parametrize(
    ("accept", "media_type", "rdf_format"),
    [
        (None, "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_construct_in_each_graph_format_parses_back(
    client: FlaskClient, accept: str | None, media_type: str, rdf_format: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": CONSTRUCT_PARTIES}, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert set(Graph().parse(data=response.data, format=rdf_format)) == PARTY_TRIPLES


def test_describe_gives_the_resource_s_triples(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={
        "query": f"DESCRIBE <{CMR['mineral/unobtainium']}>", "format": "nt"})
    assert set(Graph().parse(data=response.data, format="nt")) == {
        (CMR["mineral/unobtainium"], RDF.type, CM.Mineral),
        (CMR["mineral/unobtainium"], SKOS.prefLabel, Literal("unobtainium", lang="en")),
    }


def test_a_script_in_a_literal_comes_back_as_data(client: FlaskClient) -> None:
    query = (
        "SELECT ?l WHERE { ?c a <https://w3id.org/critmin/ontology#ExportControl> ;"
        " <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    )
    response = client.get("/sparql", query_string={"query": query})
    assert bindings(response) == [{"l": {"type": "literal", "value": "<script>alert(1)</script>"}}]


@pytest.mark.parametrize("media_type", ["application/sparql-results+xml", "application/xml"])
def test_ask_in_xml_parses_back(client: FlaskClient, media_type: str) -> None:
    response = client.get("/sparql", query_string={"query": PREFIXES + "ASK { ?x a cm:State }"},
                          headers={"Accept": media_type})
    assert (response.status_code, response.mimetype) == (200, media_type)
    assert Result.parse(io.BytesIO(response.data), format="xml").askAnswer is True


GRAPH_OFFER = "text/turtle, application/n-triples, application/ld+json, application/rdf+xml"
SOLUTION_OFFER = (
    "application/sparql-results+json, application/sparql-results+xml, text/csv, "
    "text/tab-separated-values"
)


@pytest.mark.parametrize(
    ("query", "accept", "offer"),
    [
        (STATE_LABELS, "application/rdf+xml", SOLUTION_OFFER),
        (STATE_LABELS, "text/turtle", SOLUTION_OFFER),
        ("ASK {}", "application/ld+json", "application/sparql-results+json, "
         "application/sparql-results+xml"),
        (CONSTRUCT_PARTIES, "application/sparql-results+json", GRAPH_OFFER),
        (CONSTRUCT_PARTIES, "image/png", GRAPH_OFFER),
        (None, "text/csv", GRAPH_OFFER),
    ],
)
def test_an_accept_that_does_not_fit_the_answer_is_a_406_listing_the_offer(
    client: FlaskClient, query: str | None, accept: str, offer: str
) -> None:
    response = client.get("/sparql", query_string={"query": query} if query else {},
                          headers={"Accept": accept})
    assert response.status_code == 406
    assert response.get_json()["error"]["message"] == (
        f"none of the media types in Accept is available for this answer; use one of: {offer}"
    )


def test_a_graph_rdf_xml_cannot_write_is_a_406_naming_the_other_formats(
    client: FlaskClient,
) -> None:
    query = PREFIXES + "CONSTRUCT { ?s <http://example.org/p/1> ?l } WHERE { ?s skos:prefLabel ?l }"
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "application/rdf+xml"})
    assert response.status_code == 406
    message = response.get_json()["error"]["message"]
    assert message.startswith("this graph cannot be written as RDF/XML (")
    assert message.endswith(
        "use one of: text/turtle, application/n-triples, application/ld+json"
    )
    turtle = client.get("/sparql", query_string={"query": query},
                        headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_browser_asking_the_endpoint_for_nothing_is_sent_to_the_form(
    client: FlaskClient,
) -> None:
    response = client.get("/sparql", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert "Accept" in response.vary


@pytest.mark.parametrize(
    ("accept", "format_name", "media_type"),
    [
        (None, None, "text/turtle"),
        ("*/*", None, "text/turtle"),
        ("application/rdf+xml", None, "application/rdf+xml"),
        ("text/html;q=0.5, text/turtle", None, "text/turtle"),
        (BROWSER_ACCEPT, "ttl", "text/turtle"),
    ],
)
def test_rdf_clients_still_get_the_service_description(
    client: FlaskClient, accept: str | None, format_name: str | None, media_type: str
) -> None:
    response = client.get(
        "/sparql", query_string={"format": format_name} if format_name else {},
        headers={"Accept": accept} if accept else {},
    )
    assert (response.status_code, response.mimetype) == (200, media_type)
    graph = Graph().parse(data=response.data, format="xml" if "xml" in media_type else "turtle")
    assert (URIRef("http://localhost/sparql"), RDF.type, SD.Service) in graph


# --- the dataset ---------------------------------------------------------------------------

def test_default_graph_uri_restricts_the_default_graph(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={
        "query": COUNT_ALL, "default-graph-uri": [str(REFERENCE), str(DOC_BB)]})
    # 7 + 5 triples, one of them in both graphs
    assert bindings(response)[0]["n"]["value"] == "11"


def test_named_graph_uri_alone_gives_an_empty_default_graph(client: FlaskClient) -> None:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    response = client.get("/sparql", query_string={"query": query, "named-graph-uri": str(DOC_AA)})
    assert [(row["g"]["value"], row["n"]["value"]) for row in bindings(response)] == [
        (str(DOC_AA), "6")
    ]
    empty = client.get("/sparql", query_string={"query": COUNT_ALL, "named-graph-uri": str(DOC_AA)})
    assert bindings(empty)[0]["n"]["value"] == "0"


def test_from_in_the_query_restricts_and_the_protocol_takes_precedence(
    client: FlaskClient,
) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{DOC_AA}> WHERE {{ ?s ?p ?o }}"
    from_query = client.get("/sparql", query_string={"query": query})
    overridden = client.get("/sparql", query_string={
        "query": query, "default-graph-uri": str(REFERENCE)})
    assert bindings(from_query)[0]["n"]["value"] == "6"
    assert bindings(overridden)[0]["n"]["value"] == "7"


# --- errors and refusals -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999", "Malformed query"),
        ("SELECT * WHERE { ?s ?p ?o } OFFSET 99999999999999999999", "Malformed query"),
    ],
)
def test_a_limit_past_any_index_is_a_400(client: FlaskClient, query: str, title: str) -> None:
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert (error["status"], error["title"]) == (400, title)
    assert "non negative integer" in error["message"]


@pytest.mark.parametrize(
    ("query", "title", "message"),
    [
        # The guard parses a query that has FROM (query_prescreen), and rdflib's parser fails.
        ("SELECT * FROM <https://example.org/g> WHERE { ?s ?p -1.5 }", "Query cannot be checked",
         "rdflib's parser failed on it: TypeError: Not a number;"),
        ("SELECT * WHERE { BIND(<http://example.org/f>(1) AS ?x) }", "Query cannot be evaluated",
         "The custom function <http://example.org/f> is not supported"),
    ],
)
def test_a_query_an_engine_fails_on_is_a_400(
    client: FlaskClient, query: str, title: str, message: str
) -> None:
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert (error["title"], error["message"].startswith(message)) == (title, True)


def test_a_query_rdflib_cannot_parse_is_answered_when_oxigraph_can(client: FlaskClient) -> None:
    query = "SELECT ?s WHERE { ?s ?p -1.5 }"
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.get_json() == {"head": {"vars": ["s"]}, "results": {"bindings": []}}


def test_a_deep_or_long_query_is_a_400_before_it_is_parsed(client: FlaskClient) -> None:
    deep = "SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }"
    response = client.post("/sparql", data={"query": deep})
    assert response.status_code == 400
    assert response.get_json()["error"] == {
        "status": 400, "title": "Query too deeply nested",
        "message": "the query nests brackets 42 deep; this endpoint takes 20 at most",
    }
    long = "ASK {}" + " " * 100_000
    response = client.post("/sparql", data={"query": long})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == (
        "the query has 100,006 characters; this endpoint takes 100,000 at most"
    )


def test_the_deepest_query_allowed_is_answered(client: FlaskClient) -> None:
    query = "SELECT ?x WHERE { BIND(" + "(" * 18 + "7" + ")" * 18 + " AS ?x) }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "7", "datatype": str(XSD.integer)}}
    ]


def test_malformed_query_is_a_400_with_the_parse_error(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    assert response.get_json() == {"error": {
        "status": 400, "title": "Malformed query",
        "message": "Expected triples, found '}' (at char 24), (line:2, col:15)",
        "line": 2, "column": 15,
    }}


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "POST", "data": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
         "content_type": "application/sparql-update"},
        {"method": "POST", "data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "GET", "query_string": {"query": "DELETE WHERE { ?s ?p ?o }"}},
        {"method": "GET", "query_string": {"update": "CLEAR ALL"}},
        {"method": "POST", "query_string": {"update": "CLEAR ALL"}, "data": {"query": "ASK {}"}},
        {"method": "POST", "data": {"query": "LOAD <http://127.0.0.1:9/data.ttl>"}},
    ],
)
def test_updates_are_refused_and_change_nothing(
    client: FlaskClient, request_kwargs: dict
) -> None:
    assert count_triples(client) == 17
    response = client.open("/sparql", **request_kwargs)
    assert response.status_code == 403
    assert response.get_json()["error"]["title"] == "Read-only endpoint"
    assert count_triples(client) == 17


def test_unknown_post_body_is_a_415_and_a_form_needs_a_query(client: FlaskClient) -> None:
    plain = client.post("/sparql", data=b"ASK {}", content_type="text/plain")
    assert (plain.status_code, plain.get_json()) == (415, {"error": {
        "status": 415, "title": "Unsupported Media Type",
        "message": "POST a query as application/x-www-form-urlencoded (query=...) or as "
        "application/sparql-query",
    }})
    no_query = client.post("/sparql", data={"format": "json"})
    assert (no_query.status_code, no_query.get_json()) == (400, {"error": {
        "status": 400, "title": "Bad Request", "message": "the form has no query parameter",
    }})


def test_two_queries_are_a_400(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": ["ASK {}", "ASK {}"]})
    assert (response.status_code, response.get_json()) == (400, {"error": {
        "status": 400, "title": "Bad Request",
        "message": "give exactly one query parameter, not several",
    }})


@pytest.mark.parametrize("charset", ["UTF-16", "ISO-8859-1"])
def test_a_query_body_in_another_charset_is_a_400(client: FlaskClient, charset: str) -> None:
    response = client.post(
        "/sparql", data="ASK {}".encode(charset),
        content_type=f"application/sparql-query; charset={charset}",
    )
    assert (response.status_code, response.get_json()) == (400, {"error": {
        "status": 400, "title": "Bad Request",
        "message": f"a application/sparql-query body is UTF-8 (SPARQL 1.1 Protocol), not {charset}",
    }})
    utf_8 = client.post(
        "/sparql", data=b"ASK {}", content_type="application/sparql-query; charset=utf-8"
    )
    assert (utf_8.status_code, utf_8.get_json()) == (200, {"head": {}, "boolean": True})


def test_a_query_body_that_is_not_utf_8_is_a_400(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"ASK { \xff }", content_type="application/sparql-query")
    assert (response.status_code, response.get_json()) == (400, {"error": {
        "status": 400, "title": "Bad Request", "message": "the query is not valid UTF-8",
    }})


# --- limits --------------------------------------------------------------------------------

def test_results_past_max_rows_are_cut_and_flagged(store: LocalStore) -> None:
    client = app_with(store, max_rows=2).test_client()
    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5"
    response = client.get("/sparql", query_string={"query": query})
    assert len(bindings(response)) == 2
    assert response.headers["X-Critmin-Truncated"] == "true"
    assert response.headers["X-Critmin-Max-Rows"] == "2"
    exact = client.get("/sparql", query_string={"query": STATE_LABELS})
    assert bindings(exact) == STATE_ROWS
    assert "X-Critmin-Truncated" not in exact.headers


@pytest.mark.parametrize("store_kind", ["oxigraph", "rdflib"])
def test_a_query_past_the_time_limit_is_stopped_with_a_503(
    store: OxigraphStore, rdflib_store: LocalStore, endless_query: str, store_kind: str,
    forked_children: Callable[[], list[BaseProcess]],
) -> None:
    chosen = store if store_kind == "oxigraph" else rdflib_store
    client = app_with(chosen, query_timeout=1.0).test_client()
    response = client.get("/sparql", query_string={"query": endless_query})
    assert response.status_code == 503
    assert response.get_json()["error"]["message"] == (
        "the query ran longer than the 1 s limit and was stopped; "
        "simplify the query or add a LIMIT"
    )
    assert forked_children() == []
    assert count_triples(client) == 17


def test_without_a_time_limit_queries_run_in_the_serving_thread(store: LocalStore) -> None:
    client = app_with(store, query_timeout=None).test_client()
    assert bindings(client.get("/sparql", query_string={"query": STATE_LABELS})) == STATE_ROWS


# --- CORS -----------------------------------------------------------------------------------

def test_cors_allows_any_origin_and_answers_preflight(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK {}"},
                          headers={"Origin": "https://elsewhere.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/sparql", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type, Accept"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, OPTIONS, POST"
    assert preflight.headers["Access-Control-Allow-Headers"] == "Accept, Content-Type"
    assert preflight.headers["Access-Control-Max-Age"] == "86400"


# --- SPARQLWrapper against the real server -------------------------------------------------

def wrapper(base_url: str, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{base_url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


@pytest.mark.server
def test_sparqlwrapper_select_in_json_xml_csv_and_tsv(live_server: str) -> None:
    as_json = wrapper(live_server, STATE_LABELS, JSON).query().convert()
    assert as_json["results"]["bindings"] == STATE_ROWS
    as_xml = wrapper(live_server, STATE_LABELS, XML).query().convert()
    assert [node.firstChild.data for node in as_xml.getElementsByTagName("literal")] == [
        "Exampleland", "Testland"]
    as_csv = wrapper(live_server, STATE_LABELS, CSV).query().convert()
    assert as_csv.decode() == (
        f"state,label\r\n{CMR['actor/exampleland']},Exampleland\r\n"
        f"{CMR['actor/testland']},Testland\r\n"
    )
    as_tsv = wrapper(live_server, STATE_LABELS, TSV).query().convert()
    assert as_tsv.decode().splitlines() == [
        "?state\t?label",
        f"<{CMR['actor/exampleland']}>\t\"Exampleland\"@en",
        f"<{CMR['actor/testland']}>\t\"Testland\"@en",
    ]


@pytest.mark.server
def test_sparqlwrapper_ask_and_construct(live_server: str) -> None:
    ask = wrapper(live_server, PREFIXES + "ASK { ?x a cm:Mineral }", JSON).query().convert()
    assert ask["boolean"] is True
    turtle = wrapper(live_server, CONSTRUCT_PARTIES, TURTLE).query().convert()
    assert set(Graph().parse(data=turtle, format="turtle")) == PARTY_TRIPLES
    jsonld = wrapper(live_server, CONSTRUCT_PARTIES, JSONLD).query().convert()
    assert set(jsonld) == PARTY_TRIPLES


@pytest.mark.server
def test_sparqlwrapper_malformed_query_gets_the_parse_error(live_server: str) -> None:
    with pytest.raises(QueryBadFormed) as raised:
        wrapper(live_server, "SELECT ?s\nWHERE { ?s ?p }", JSON).query()
    assert "Expected triples, found" in str(raised.value)
    assert "(at char 24), (line:2, col:15)" in str(raised.value)


@pytest.mark.server
def test_sparqlwrapper_insert_is_refused_and_data_unchanged(live_server: str) -> None:
    count = wrapper(live_server, COUNT_ALL, JSON)
    assert count.query().convert()["results"]["bindings"][0]["n"]["value"] == "17"
    update = wrapper(live_server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON)
    update.setMethod(POST)
    with pytest.raises(HTTPError) as raised:
        update.query()
    assert raised.value.code == 403
    assert count.query().convert()["results"]["bindings"][0]["n"]["value"] == "17"
