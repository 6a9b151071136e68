"""/api/queries: the catalogue as JSON, and each canned query run as JSON, CSV or TSV."""

from __future__ import annotations

import json
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from critmin.graph.base.namespaces import CMR
from critmin.service.app import create_app
from critmin.service.catalogue import CELL_SEPARATOR, load_catalogue
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore

# Two agreements of Peru, with the types the OWL 2 RL closure would add written out.
DATASET = """
cmr:graph\\/reference {
  cmr:actor\\/peru a cm:State ; skos:prefLabel "Peru"@en .
  cmr:actor\\/norway a cm:State ; skos:prefLabel "Norway"@en .
  cmr:actor\\/ghana a cm:State ; skos:prefLabel "Ghana"@en .
}
cmr:graph\\/doc\\/dddd000000000001 {
  cmr:agreement\\/peru-norway-mou-01010101 a cm:MemorandumOfUnderstanding ;
      rdfs:label "Peru-Norway MoU" ; cm:party cmr:actor\\/peru , cmr:actor\\/norway ;
      cm:date "2024-04-02"^^xsd:date .
  cmr:agreement\\/peru-ghana-deal-02020202 a cm:Deal ; rdfs:label "Peru-Ghana deal" ;
      cm:party cmr:actor\\/peru , cmr:actor\\/ghana ; cm:date "2023"^^xsd:gYear .
}
cmr:graph\\/inferred {
  cmr:agreement\\/peru-norway-mou-01010101 a cm:Agreement , cm:NonBindingAgreement .
  cmr:agreement\\/peru-ghana-deal-02020202 a cm:Agreement .
}
"""
R = str(CMR)
MOU = R + "agreement/peru-norway-mou-01010101"
DEAL = R + "agreement/peru-ghana-deal-02020202"
SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"
QUERY_IDS = ["agreements", "controls", *(f"cq{number:02d}" for number in range(1, 21))]
CQ03_CSV = (
    "binding,label,agreement\r\n"
    f"false,Peru-Norway MoU,{MOU}\r\n"
    f"unknown,Peru-Ghana deal,{DEAL}\r\n"
)
CQ03_TSV = (
    "?binding\t?label\t?agreement\n"
    f'"false"\t"Peru-Norway MoU"\t<{MOU}>\n'
    f'"unknown"\t"Peru-Ghana deal"\t<{DEAL}>\n'
)
CQ03_ROWS = [
    {"binding": "false", "label": "Peru-Norway MoU", "agreement": MOU},
    {"binding": "unknown", "label": "Peru-Ghana deal", "agreement": DEAL},
]


@pytest.fixture(scope="module")
def catalogue_app(trig_store: Callable[[str], LocalStore]) -> Flask:
    """One app per module: loading the catalogue parses every .rq file."""
    return create_app(trig_store(DATASET), {"TESTING": True}, settings=Settings())


@pytest.fixture
def app(catalogue_app: Flask) -> Flask:
    """The app of this module's tests (conftest's ``client`` uses it)."""
    return catalogue_app


def bindings(body: bytes) -> list[dict[str, str]]:
    """The rows of a SPARQL JSON results document, each cell as its value."""
    document = json.loads(body)
    return [
        {name: term["value"] for name, term in row.items()}
        for row in document["results"]["bindings"]
    ]


def test_the_catalogue_lists_every_query_in_id_order(client: FlaskClient) -> None:
    response = client.get("/api/queries")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    listed = response.get_json()
    assert [entry["id"] for entry in listed] == QUERY_IDS
    assert listed[3] == {
        "id": "cq02",
        "title": "Agreements an actor made in a year",
        "question": "Which critical-minerals agreements did the United States (or another "
        "actor) make in 2025 (or another year), with whom, and when?",
        "cq": "CQ02",
        "parameters": [
            {
                "name": "actor", "type": "iri", "default": R + "actor/united-states",
                "class": "https://w3id.org/critmin/ontology#Actor",
            },
            {"name": "year", "type": "integer", "default": "2025", "class": None},
        ],
        "url": "/api/queries/cq02",
        "text_url": "/api/queries/cq02.rq",
    }
    assert listed[0]["cq"] is None


def test_a_query_answers_sparql_json_by_default(client: FlaskClient) -> None:
    response = client.get("/api/queries/cq03")
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert json.loads(response.data)["head"] == {"vars": ["binding", "label", "agreement"]}
    assert bindings(response.data) == CQ03_ROWS


def test_the_accept_header_chooses_csv_or_json(client: FlaskClient) -> None:
    response = client.get("/api/queries/cq03", headers={"Accept": "text/csv"})
    assert (response.status_code, response.content_type) == (200, "text/csv; charset=utf-8")
    assert response.data.decode() == CQ03_CSV
    assert "Accept" in response.headers["Vary"]
    response = client.get("/api/queries/cq03", headers={"Accept": "text/tab-separated-values"})
    assert response.content_type == "text/tab-separated-values; charset=utf-8"
    assert response.data.decode() == CQ03_TSV
    response = client.get("/api/queries/cq03", headers={"Accept": "application/json"})
    assert response.mimetype == "application/json"
    assert bindings(response.data) == CQ03_ROWS
    browser = "text/html,application/xhtml+xml,*/*;q=0.8"
    response = client.get("/api/queries/cq03", headers={"Accept": browser})
    assert response.mimetype == "application/sparql-results+json"
    assert bindings(response.data) == CQ03_ROWS


def test_the_extension_chooses_the_format(client: FlaskClient) -> None:
    response = client.get("/api/queries/cq03.csv", headers={"Accept": "application/json"})
    assert (response.status_code, response.mimetype) == (200, "text/csv")
    assert response.data.decode() == CQ03_CSV
    response = client.get("/api/queries/cq03.json", headers={"Accept": "text/csv"})
    assert response.mimetype == "application/sparql-results+json"
    assert bindings(response.data) == CQ03_ROWS
    response = client.get("/api/queries/cq03.tsv")
    assert response.mimetype == "text/tab-separated-values"
    assert response.data.decode() == CQ03_TSV


def test_parameters_come_from_the_query_string(client: FlaskClient) -> None:
    url = f"/api/queries/cq02.csv?actor={R}actor/peru"
    assert client.get(url + "&year=2024").data.decode() == (
        "agreement,label,date,binding,partners\r\n"
        f"{MOU},Peru-Norway MoU,2024-04-02,false,Norway\r\n"
    )
    assert client.get(url + "&year=2023").data.decode() == (
        "agreement,label,date,binding,partners\r\n"
        f"{DEAL},Peru-Ghana deal,2023,unknown,Ghana\r\n"
    )
    assert client.get(url + "&year=").data.decode() == "agreement,label,date,binding,partners\r\n"


@pytest.mark.parametrize(
    ("query_string", "message", "parameter"),
    [
        ("year=soon", "parameter year: 'soon' is not an integer", "year"),
        ("actor=peru", "parameter actor: 'peru' is not an absolute IRI such as "
                       "https://example.org/x", "actor"),
        ("country=peru", "unknown parameter country for query cq02 (parameters: actor, year)",
         "country"),
        ("year=2024&year=2025", "parameter year is given 2 times", "year"),
        ("year=" + "9" * 5000, "parameter year: 5,000 characters; 2,000 at most", "year"),
    ],
)
def test_a_bad_parameter_is_a_400_in_the_error_shape(
    client: FlaskClient, query_string: str, message: str, parameter: str
) -> None:
    response = client.get(f"/api/queries/cq02?{query_string}")
    assert response.status_code == 400
    assert response.get_json() == {
        "error": {"status": 400, "title": "Bad Request", "message": message,
                  "parameter": parameter}
    }


@pytest.mark.parametrize("name", ["cq99", "cq03.xml", "agreements.csv.csv"])
def test_an_unknown_query_is_a_404_in_the_error_shape(client: FlaskClient, name: str) -> None:
    response = client.get(f"/api/queries/{name}")
    assert response.status_code == 404
    assert response.get_json() == {"error": {
        "status": 404, "title": "Not Found",
        "message": f"unknown query {name!r} (known: {', '.join(QUERY_IDS)})",
    }}


def test_an_unacceptable_format_is_a_406(client: FlaskClient) -> None:
    response = client.get("/api/queries/cq03", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json() == {"error": {
        "status": 406, "title": "Not Acceptable",
        "message": "none of the media types in Accept is available for this answer; use one "
        "of: application/sparql-results+json, text/csv, text/tab-separated-values",
    }}


@pytest.mark.server
def test_the_real_server_serves_a_csv_export(live_server: str) -> None:
    with urllib.request.urlopen(f"{live_server}/api/queries/cq03.csv", timeout=30) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert response.read().decode() == CQ03_CSV


def test_the_rq_extension_gives_the_query_with_its_parameters_bound(
    client: FlaskClient,
) -> None:
    params = {"actor": R + "actor/peru", "year": "2024"}
    response = client.get("/api/queries/cq02.rq", query_string=params)
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-query"
    text = response.get_data(as_text=True)
    assert text.startswith("# id: cq02\n")
    values = f'VALUES (?actor ?year) {{ (<{R}actor/peru> "2024"^^xsd:integer) }}'.replace(
        "xsd:integer", "<http://www.w3.org/2001/XMLSchema#integer>"
    )
    assert values in text
    answer = client.post(
        "/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"}
    )
    assert [row["label"] for row in bindings(answer.data)] == ["Peru-Norway MoU"]


def test_the_rq_extension_refuses_a_bad_parameter(client: FlaskClient) -> None:
    response = client.get("/api/queries/cq02.rq", query_string={"year": "soon"})
    assert response.status_code == 400
    assert response.get_json()["error"]["parameter"] == "year"


@pytest.fixture(scope="module")
def seed_client() -> Iterator[FlaskClient]:
    """The app over the seed graph in the default store (Oxigraph)."""
    store = OxigraphStore.from_file(SEED)
    yield create_app(store, {"TESTING": True}, settings=Settings()).test_client()
    store.close()


def tidy_rows(body: bytes, multivalued: tuple[str, ...]) -> Counter[tuple[tuple[str, str], ...]]:
    """The rows of a SPARQL JSON results document as a multiset, with the parts of the
    multi-valued cells sorted and empty parts dropped (as ``catalogue.run`` does)."""
    rows: Counter[tuple[tuple[str, str], ...]] = Counter()
    for row in bindings(body):
        for name in multivalued:
            parts = [part for part in row.get(name, "").split(CELL_SEPARATOR) if part]
            row[name] = CELL_SEPARATOR.join(sorted(parts))
        rows[tuple(sorted(row.items()))] += 1
    return rows


@pytest.mark.parametrize("query_id", QUERY_IDS)
def test_the_bound_text_gives_the_canned_answer_on_the_seed_graph(
    seed_client: FlaskClient, query_id: str
) -> None:
    """What the form runs from its editor answers as the canned query does."""
    query = load_catalogue()[query_id]
    text = seed_client.get(f"/api/queries/{query_id}.rq").get_data(as_text=True)
    from_editor = seed_client.post(
        "/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"}
    )
    canned = seed_client.get(f"/api/queries/{query_id}")
    assert (from_editor.status_code, canned.status_code) == (200, 200)
    expected = tidy_rows(canned.data, query.multivalued)
    assert tidy_rows(from_editor.data, query.multivalued) == expected
    assert expected


def test_the_bound_text_takes_other_parameter_values(seed_client: FlaskClient) -> None:
    params = {"actor": R + "actor/china"}
    text = seed_client.get("/api/queries/cq07.rq", query_string=params).get_data(as_text=True)
    from_editor = seed_client.post("/sparql", data={"query": text})
    canned = seed_client.get("/api/queries/cq07", query_string=params)
    multivalued = load_catalogue()["cq07"].multivalued
    assert tidy_rows(from_editor.data, multivalued) == tidy_rows(canned.data, multivalued)
