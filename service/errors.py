"""One error shape for the whole application.

Every error answers ``{"error": {"status": 400, "title": "Bad Request", "message": "..."}}``
as ``application/json`` (a malformed query adds ``"line"`` and ``"column"``), except that a
client preferring HTML (a browser) gets a small HTML page saying the same, every value escaped.
Blueprints raise :class:`ApiError` (or call ``flask.abort``); unexpected exceptions and failed
queries become a 500 whose message reveals nothing but a request id; the error goes to the log,
its traceback once per kind (``error_log``).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from critmin.service.error_log import ErrorLog
from critmin.service.query_process import QueryTimeout
from critmin.service.store import StoreError

ERROR_LOG_KEY = "critmin.error_log"

# Headers of an HTTP exception that must survive into the error response.
_KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


class ApiError(Exception):
    """An error to answer with ``status``, a short ``title`` and a one-line ``message``."""

    def __init__(
        self, status: int, title: str, message: str, extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})


def _prefers_html() -> bool:
    """Whether the request's ``Accept`` prefers HTML to JSON (a browser's does)."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html"


def error_response(
    status: int, title: str, message: str, extra: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error response: JSON, or HTML where the client prefers HTML."""
    if _prefers_html():
        page = (
            f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{status} {escape(title)}</title></head>\n"
            f"<body><h1>{status} {escape(title)}</h1>\n<p>{escape(message)}</p></body></html>\n"
        )
        response = Response(page, status=status, mimetype="text/html")
    else:
        body = {"status": status, "title": title, "message": message, **(extra or {})}
        response = jsonify({"error": body})
        response.status_code = status
    response.headers.update(headers or {})
    return response


def _api_error(error: ApiError) -> Response:
    """The response to an :class:`ApiError`."""
    return error_response(error.status, error.title, error.message, error.extra, error.headers)


def _http_exception(error: HTTPException) -> Response:
    """The response to a werkzeug HTTP exception (404, 405, 413...), its headers kept."""
    status = error.code or 500
    kept = {name: value for name, value in error.get_headers() if name in _KEPT_HEADERS}
    return error_response(status, error.name, error.description or error.name, headers=kept)


def internal_error(error: BaseException, title: str = "Internal Server Error") -> Response:
    """A 500 that says nothing of ``error`` but the request id under which the error log
    (``error_log``) writes it."""
    errors: ErrorLog = current_app.extensions[ERROR_LOG_KEY]
    request_id = errors.report(error, f"{request.method} {request.path}")
    return error_response(
        500, title,
        f"The server failed to answer this request (request id {request_id}); the error is in"
        " the server's log.",
        extra={"request_id": request_id},
    )


def _store_error(error: StoreError) -> Response:
    """A 502 when the store behind the service (a remote SPARQL endpoint) failed, on any route."""
    return error_response(502, "Store unavailable", str(error))


def _query_timeout(error: QueryTimeout) -> Response:
    """A 503 for a page or canned query stopped at the time limit (``/sparql`` says more)."""
    return error_response(503, "Query timeout", f"{error}; try again later")


def register_error_handlers(app: Flask) -> None:
    """Make every error of ``app`` (raised, aborted or unexpected) use the one shape."""
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(QueryTimeout, _query_timeout)
    app.register_error_handler(StoreError, _store_error)
    app.register_error_handler(HTTPException, _http_exception)
    app.extensions[ERROR_LOG_KEY] = ErrorLog()
    app.register_error_handler(Exception, internal_error)
