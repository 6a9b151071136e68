"""`SELECT *` columns in the order their variables first appear, on both embedded stores."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from rdflib import Variable

from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.query_guard import QueryRequest
from critmin.service.select_star import star_order
from critmin.service.store import LocalStore, QueryLimits

ID = "https://w3id.org/critmin/id/"
LABELS = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX cm: <https://w3id.org/critmin/ontology#>\n"
    "SELECT * WHERE { ?thing skos:prefLabel ?name OPTIONAL { ?thing cm:wikidataId ?qid } }"
)


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", ("s", "p", "o")),
        ("select distinct * { ?z ?a ?m }", ("z", "a", "m")),
        ("PREFIX x: <urn:x#> BASE <urn:b> SELECT REDUCED * { ?b x:p ?a }", ("b", "a")),
        # comments, strings and IRIs do not count as appearances
        ("SELECT * # ?o first?\n{ ?s <urn:?o> ?p . ?p ?x '?o' . ?s ?y ?o }", ("s", "p", "o")),
        ("SELECT * { { SELECT ?o ?s { ?s ?p ?o } } }", ("o", "s")),
    ],
)
def test_star_order_is_the_order_of_first_appearance(
    sparql: str, expected: tuple[str, ...]
) -> None:
    assert star_order(sparql, sorted(expected)) == expected


def test_names_the_text_does_not_show_come_last_and_other_queries_keep_their_order() -> None:
    assert star_order("SELECT * { ?b ?a ?c }", ["z", "c", "a", "b"]) == ("b", "a", "c", "z")
    assert star_order("SELECT ?o ?s { ?s ?p ?o }", ["o", "s"]) == ("o", "s")
    assert star_order("ASK { ?s ?p ?o }", []) == ()
    assert star_order("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", ["n"]) == ("n",)


def test_rdflib_variables_keep_their_type() -> None:
    ordered = star_order("SELECT * { ?s ?p ?o }", [Variable("o"), Variable("s"), Variable("p")])
    assert ordered == (Variable("s"), Variable("p"), Variable("o"))
    assert all(isinstance(name, Variable) for name in ordered)


@pytest.fixture(params=["oxigraph", "rdflib"])
def any_store(
    request: pytest.FixtureRequest, store: OxigraphStore, rdflib_store: LocalStore
) -> OxigraphStore | LocalStore:
    return store if request.param == "oxigraph" else rdflib_store


@pytest.fixture
def any_client(any_store: OxigraphStore | LocalStore, settings: Settings) -> FlaskClient:
    return create_app(any_store, {"TESTING": True}, settings=settings).test_client()


def test_the_endpoint_gives_select_star_columns_in_order(any_client: FlaskClient) -> None:
    for sparql, head in [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", ["s", "p", "o"]),
        (LABELS, ["thing", "name", "qid"]),
    ]:
        response = any_client.get("/sparql", query_string={"query": sparql},
                                  headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200
        assert response.get_json()["head"]["vars"] == head


def test_the_endpoint_csv_header_is_in_order(any_client: FlaskClient) -> None:
    response = any_client.get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
        headers={"Accept": "text/csv"},
    )
    assert response.status_code == 200
    assert response.get_data(as_text=True).splitlines()[0] == "s,p,o"


def test_trusted_queries_and_requests_agree_on_both_stores(
    any_store: OxigraphStore | LocalStore,
) -> None:
    expected = [Variable("thing"), Variable("name"), Variable("qid")]
    assert list(any_store.query(LABELS).vars) == expected
    answer = any_store.run(QueryRequest(LABELS), QueryLimits(max_rows=10, timeout=None))
    assert list(answer.variables) == expected
    rows = sorted(tuple(str(row.get(name, "")) for name in expected) for row in answer.rows)
    assert rows == [
        (f"{ID}actor/exampleland", "Exampleland", ""),
        (f"{ID}actor/testland", "Testland", "Q1000001"),
        (f"{ID}mineral/unobtainium", "unobtainium", ""),
    ]
