"""create_app: layered settings, /health, CORS, request size."""

from __future__ import annotations

import pytest
from flask import Blueprint, Flask
from flask.testing import FlaskClient

from critmin.service.app import create_app
from critmin.service.config import SETTINGS_KEY, STORE_KEY, Settings
from critmin.service.store import LocalStore, StoreError, StoreStats


def test_test_config_overrides_settings_and_flask_config(store: LocalStore) -> None:
    app = create_app(store, {"TESTING": True, "max_rows": 3, "PUBLIC_BASE_IRI": "https://x/"},
                     settings=Settings(port=9000))
    settings = app.extensions[SETTINGS_KEY]
    assert (settings.max_rows, settings.port) == (3, 9000)
    assert app.config["TESTING"] is True
    assert app.config["PUBLIC_BASE_IRI"] == "https://x/"
    assert app.extensions[STORE_KEY] is store


def test_settings_default_to_the_environment(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRITMIN_MAX_ROWS", "12")
    monkeypatch.setenv("CRITMIN_PUBLIC_BASE_IRI", "https://example.org/kg/")
    app = create_app(store)
    assert app.extensions[SETTINGS_KEY].max_rows == 12
    assert app.config["PUBLIC_BASE_IRI"] == "https://example.org/kg/"


def test_health_reports_the_store(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    # 18 quads in 3 graphs; Exampleland's label is in two of them: 17 distinct triples.
    assert response.get_json() == {
        "status": "ok", "quads": 18, "triples": 17, "graphs": 3, "version": "0.1.0"
    }
    assert response.headers["Access-Control-Allow-Origin"] == "*"


class UnreachableStore(LocalStore):
    def stats(self) -> StoreStats:
        raise StoreError("the SPARQL endpoint http://127.0.0.1:9/sparql failed: refused")


def test_health_is_a_503_when_the_store_fails(rdflib_store: LocalStore) -> None:
    app = create_app(UnreachableStore(rdflib_store.dataset), {"TESTING": True})
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json() == {
        "status": "unavailable", "version": "0.1.0",
        "message": "the SPARQL endpoint http://127.0.0.1:9/sparql failed: refused",
    }


def test_api_paths_allow_other_origins(app: Flask) -> None:
    api = Blueprint("api_probe", __name__)
    api.add_url_rule("/api/probe", "probe", lambda: {"ok": True})
    app.register_blueprint(api)
    response = app.test_client().get("/api/probe", headers={"Origin": "https://other.example"})
    assert response.get_json() == {"ok": True}
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Expose-Headers"] == (
        "Content-Location, ETag, Link, X-Critmin-Max-Rows, X-Critmin-Truncated"
    )


def test_oversized_request_is_a_413(client: FlaskClient) -> None:
    response = client.post("/sparql", data=b"#" * 1_000_001,
                           content_type="application/sparql-query")
    assert response.status_code == 413
    assert response.get_json() == {"error": {
        "status": 413, "title": "Request Entity Too Large",
        "message": "The data value transmitted exceeds the capacity limit.",
    }}
