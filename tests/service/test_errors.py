"""One error shape: JSON for machines, escaped HTML for browsers, nothing leaked on a 500."""

from __future__ import annotations

import logging
import re

import pytest
from flask import Flask, abort
from flask.testing import FlaskClient

from critmin.service.errors import ApiError, register_error_handlers
from critmin.service.query_process import QueryFailed, QueryTimeout
from critmin.service.store import StoreError


@pytest.fixture
def client() -> FlaskClient:
    app = Flask(__name__)
    register_error_handlers(app)

    @app.get("/teapot")
    def teapot() -> str:
        raise ApiError(418, "Teapot", "no <coffee> here", extra={"line": 3})

    @app.get("/gone")
    def gone() -> str:
        abort(410)

    @app.get("/slow")
    def slow() -> str:
        raise QueryTimeout(30)

    @app.get("/broken")
    def broken() -> str:
        raise RuntimeError("secret database password")

    @app.get("/store-down")
    def store_down() -> str:
        raise StoreError("the SPARQL endpoint http://127.0.0.1:9/sparql failed: refused")

    @app.get("/failed-query")
    def failed_query() -> str:
        raise QueryFailed(
            "TypeError: bad operand", "TypeError: bad operand\nTraceback (in the worker)\n"
        )

    return app.test_client()


def test_api_error_is_the_json_shape(client: FlaskClient) -> None:
    response = client.get("/teapot")
    assert response.status_code == 418
    assert response.mimetype == "application/json"
    assert response.get_json() == {
        "error": {"status": 418, "title": "Teapot", "message": "no <coffee> here", "line": 3}
    }


def test_http_errors_use_the_shape_and_keep_allow(client: FlaskClient) -> None:
    missing = client.get("/nowhere")
    assert missing.status_code == 404
    assert missing.get_json() == {"error": {
        "status": 404, "title": "Not Found",
        "message": "The requested URL was not found on the server. If you entered the URL "
        "manually please check your spelling and try again.",
    }}
    gone = client.get("/gone")
    assert (gone.status_code, gone.get_json()["error"]["title"]) == (410, "Gone")
    not_allowed = client.post("/teapot")
    assert not_allowed.status_code == 405
    assert set(not_allowed.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert not_allowed.get_json() == {"error": {
        "status": 405, "title": "Method Not Allowed",
        "message": "The method is not allowed for the requested URL.",
    }}


def test_browsers_get_escaped_html(client: FlaskClient) -> None:
    response = client.get("/teapot", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 418
    assert response.mimetype == "text/html"
    assert response.get_data(as_text=True) == (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>418 Teapot</title></head>\n"
        "<body><h1>418 Teapot</h1>\n<p>no &lt;coffee&gt; here</p></body></html>\n"
    )


def test_unexpected_errors_are_logged_under_a_request_id_not_shown(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="critmin.errors"):
        response = client.get("/broken")
    assert response.status_code == 500
    error = response.get_json()["error"]
    request_id = error["request_id"]
    assert re.fullmatch(r"[0-9a-f]{12}", request_id)
    assert error == {
        "status": 500, "title": "Internal Server Error", "request_id": request_id,
        "message": f"The server failed to answer this request (request id {request_id}); the"
                   " error is in the server's log.",
    }
    assert "secret" not in response.get_data(as_text=True)
    [record] = caplog.records
    assert record.message.startswith(f"request {request_id} failed on GET /broken: RuntimeError at")
    assert "RuntimeError: secret database password" in record.message  # the traceback


def test_a_repeated_error_logs_its_traceback_once(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="critmin.errors"):
        ids = [client.get("/failed-query").get_json()["error"]["request_id"] for _ in range(3)]
    assert len(set(ids)) == 3
    messages = [record.message for record in caplog.records]
    assert messages[0] == (
        f"request {ids[0]} failed on GET /failed-query: QueryFailed: TypeError: bad operand\n"
        "TypeError: bad operand\nTraceback (in the worker)"
    )
    assert messages[1:] == [
        f"request {ids[n]} failed on GET /failed-query: QueryFailed: TypeError: bad operand"
        f" ({n + 1} times so far; the traceback was logged the first time)"
        for n in (1, 2)
    ]


def test_a_query_stopped_at_the_time_limit_is_a_503_anywhere(client: FlaskClient) -> None:
    response = client.get("/slow")
    assert response.status_code == 503
    assert response.get_json() == {"error": {
        "status": 503, "title": "Query timeout",
        "message": "the query ran longer than the 30 s limit and was stopped; try again later",
    }}


def test_a_store_that_fails_is_a_502_on_any_route(client: FlaskClient) -> None:
    response = client.get("/store-down")
    assert response.status_code == 502
    assert response.get_json() == {"error": {
        "status": 502, "title": "Store unavailable",
        "message": "the SPARQL endpoint http://127.0.0.1:9/sparql failed: refused",
    }}
