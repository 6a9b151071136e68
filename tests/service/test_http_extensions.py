"""CORS on every read-only route (flask-cors) and compressed answers (flask-compress), through
the test client and through the real waitress server."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from critmin.service import web
from critmin.service.app import create_app
from critmin.service.assets import CODEMIRROR_SCRIPTS, CODEMIRROR_STYLESHEETS
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore

STATIC = Path(web.__file__).parent / "static"
ONTOLOGY_PAGE = "<html><body>" + "<p>critmin ontology term</p>\n" * 100 + "</body></html>"
ALL_TRIPLES = quote("SELECT * WHERE { ?s ?p ?o }")
EXPOSED = "Content-Location, ETag, Link, X-Critmin-Max-Rows, X-Critmin-Truncated"
READ_ONLY_ROUTES = [
    "/id/actor/testland", "/ontology", "/ontology.ttl", "/health", "/context.jsonld",
    "/sparql", "/api/queries",
]


@pytest.fixture
def node_modules(tmp_path: Path) -> Path:
    """A node_modules folder whose CodeMirror stand-ins are long enough to compress."""
    for name in CODEMIRROR_STYLESHEETS + CODEMIRROR_SCRIPTS:
        path = tmp_path / "node_modules" / "codemirror" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {name} */\n" + "var editor = 1;\n" * 200)
    return tmp_path / "node_modules"


@pytest.fixture
def app(store: OxigraphStore, settings: Settings, tmp_path: Path, node_modules: Path) -> Flask:
    """The app over the sample dataset, with an ontology page and CodeMirror installed."""
    (tmp_path / "critmin.html").write_text(ONTOLOGY_PAGE)
    (tmp_path / "critmin.ttl").write_text(
        "<https://w3id.org/critmin/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n"
    )
    config = {"TESTING": True, "ONTOLOGY_DIR": str(tmp_path),
              "NODE_MODULES_DIR": str(node_modules)}
    return create_app(store, config, settings)


# --- CORS -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", READ_ONLY_ROUTES)
def test_every_read_only_route_may_be_read_from_another_origin(
    client: FlaskClient, path: str
) -> None:
    response = client.get(path, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Expose-Headers"] == EXPOSED
    assert "Access-Control-Allow-Credentials" not in response.headers


@pytest.mark.parametrize("path", READ_ONLY_ROUTES)
def test_every_read_only_route_answers_a_preflight(client: FlaskClient, path: str) -> None:
    preflight = client.options(path, headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "Accept"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Headers"] == "Accept"
    assert preflight.headers["Access-Control-Max-Age"] == "86400"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


def test_only_the_endpoint_and_the_api_allow_post(client: FlaskClient) -> None:
    def methods(path: str) -> str:
        return client.options(path, headers={
            "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET",
        }).headers["Access-Control-Allow-Methods"]

    assert methods("/sparql") == methods("/api/queries") == "GET, OPTIONS, POST"
    assert methods("/id/actor/testland") == methods("/health") == "GET, HEAD, OPTIONS"


def test_the_form_is_not_shared_with_other_origins(client: FlaskClient) -> None:
    response = client.get("/", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_errors_of_read_only_routes_are_readable_from_other_origins(client: FlaskClient) -> None:
    response = client.get("/id/actor/atlantis", headers={
        "Origin": "https://elsewhere.example", "Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"


# --- compression ----------------------------------------------------------------------------

def body_of(response) -> bytes:
    """The response's body, decompressed where it says it is gzip."""
    data = response.get_data()
    return gzip.decompress(data) if response.headers.get("Content-Encoding") == "gzip" else data


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/ontology", "text/html"),
        ("/id/actor/testland", "text/html"),
        (f"/sparql?query={ALL_TRIPLES}", "application/sparql-results+json"),
        (f"/sparql?query={ALL_TRIPLES}", "text/csv"),
        ("/api/queries", "application/json"),
        ("/context.jsonld", "application/ld+json"),
        ("/assets/web/form.js", "*/*"),
        ("/assets/web/critmin.css", "*/*"),
        ("/assets/codemirror/lib/codemirror.js", "*/*"),
        ("/assets/codemirror/lib/codemirror.css", "*/*"),
    ],
)
def test_text_answers_are_gzipped_for_clients_that_accept_it(
    client: FlaskClient, path: str, accept: str
) -> None:
    plain = client.get(path, headers={"Accept": accept})
    compressed = client.get(path, headers={"Accept": accept, "Accept-Encoding": "gzip"})
    assert plain.status_code == compressed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed.vary
    assert gzip.decompress(compressed.get_data()) == plain.get_data()
    assert len(compressed.get_data()) < len(plain.get_data())


def test_static_files_are_the_files_once_decompressed(client: FlaskClient) -> None:
    response = client.get("/assets/web/form.js", headers={"Accept-Encoding": "gzip"})
    assert gzip.decompress(response.get_data()) == (STATIC / "form.js").read_bytes()


def test_a_compressed_static_file_revalidates_with_its_encoded_etag(client: FlaskClient) -> None:
    headers = {"Accept-Encoding": "gzip"}
    first = client.get("/assets/web/form.js", headers=headers)
    etag = first.headers["ETag"]
    assert etag.endswith(':gzip"')
    again = client.get("/assets/web/form.js", headers={**headers, "If-None-Match": etag})
    assert (again.status_code, again.get_data()) == (304, b"")


def test_short_answers_and_errors_are_not_compressed(client: FlaskClient) -> None:
    short = client.get("/health", headers={"Accept-Encoding": "gzip"})
    assert short.status_code == 200 and len(short.get_data()) < 500
    assert "Content-Encoding" not in short.headers
    error = client.get("/id/actor/atlantis" + "x" * 600, headers={
        "Accept-Encoding": "gzip", "Accept": "text/turtle"})
    assert error.status_code == 404
    assert "Content-Encoding" not in error.headers


def test_brotli_is_preferred_when_offered(client: FlaskClient) -> None:
    response = client.get("/", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "br"


@pytest.mark.server
def test_waitress_serves_compressed_pages_files_and_304s(live_server: str) -> None:
    def fetch(path: str, **headers: str):
        request = urllib.request.Request(live_server + path, headers=headers)
        return urllib.request.urlopen(request, timeout=60)

    for path in ("/ontology", "/assets/web/form.js", "/assets/codemirror/lib/codemirror.js",
                 f"/sparql?query={ALL_TRIPLES}"):
        with fetch(path) as plain, fetch(path, **{"Accept-Encoding": "gzip"}) as compressed:
            assert compressed.headers["Content-Encoding"] == "gzip", path
            assert gzip.decompress(compressed.read()) == plain.read(), path
            etag = compressed.headers["ETag"]
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            fetch(path, **{"Accept-Encoding": "gzip", "If-None-Match": etag})
        assert not_modified.value.code == 304, path
