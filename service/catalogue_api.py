"""The canned queries over HTTP: ``/api/queries`` lists them, ``/api/queries/<id>`` runs one.

A query's parameters come from the query string (``?year=2024``); an empty value means the
default. The answer is SPARQL JSON results, CSV or TSV, chosen by the file extension
(``/api/queries/agreements.csv``) or else by the ``Accept`` header (JSON by default). A bad
parameter is a 400 and an unknown query a 404, both in the application's one error shape.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask.blueprints import BlueprintSetupState

from critmin.service.catalogue import Catalogue, ParameterError, load_catalogue, run
from critmin.service.config import STORE_KEY
from critmin.service.errors import ApiError
from critmin.service.results import FORMATS, ResultFormat
from critmin.service.store import Store, StoreError

CATALOGUE_KEY = "critmin.catalogue"
"""Where the loaded catalogue lives: ``current_app.extensions[CATALOGUE_KEY]``."""

NEGOTIABLE = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
EXTENSIONS = ("json", "csv", "tsv")

bp = Blueprint("catalogue_api", __name__)


@bp.record_once
def _load(state: BlueprintSetupState) -> None:
    """Load and check every .rq file once, when the blueprint joins an app."""
    state.app.extensions[CATALOGUE_KEY] = load_catalogue()


def app_catalogue() -> Catalogue:
    """The catalogue of the current app."""
    return current_app.extensions[CATALOGUE_KEY]


@bp.get("/api/queries")
def list_queries() -> Response:
    """Every canned query with its metadata and parameters, in id order."""
    return jsonify([_describe(query_id) for query_id in app_catalogue()])


@bp.get("/api/queries/<name>")
def run_query(name: str) -> Response:
    """Run one canned query with the query string's parameters, in the chosen format."""
    query_id, _, extension = name.partition(".")
    catalogue = app_catalogue()
    if query_id not in catalogue or (extension and extension not in EXTENSIONS):
        known = ", ".join(catalogue)
        raise ApiError(404, "Not Found", f"unknown query {name!r} (known: {known})")
    if extension:
        result_format = FORMATS[extension]
        media_type = result_format.media_type
    else:
        result_format, media_type = _negotiated()
    params = _single_values()
    store: Store = current_app.extensions[STORE_KEY]
    try:
        result = run(catalogue[query_id], store, params)
    except ParameterError as error:
        raise ApiError(400, "Bad Request", str(error), {"parameter": error.parameter}) from None
    except StoreError as error:
        raise ApiError(503, "Service Unavailable", str(error)) from None
    response = Response(result_format.write(result), mimetype=media_type)
    response.vary.add("Accept")
    return response


def _describe(query_id: str) -> dict[str, Any]:
    query = app_catalogue()[query_id]
    return {
        "id": query.id,
        "title": query.title,
        "question": query.question,
        "cq": query.cq,
        "parameters": [
            {"name": parameter.name, "type": parameter.type, "default": parameter.default}
            for parameter in query.parameters
        ],
        "url": url_for("catalogue_api.run_query", name=query.id),
    }


def _negotiated() -> tuple[ResultFormat, str]:
    """The format and media type the Accept header prefers (SPARQL JSON without a header)."""
    accept = request.accept_mimetypes
    best = accept.best_match(list(NEGOTIABLE)) if accept else "application/sparql-results+json"
    if best is None:
        offered = ", ".join(NEGOTIABLE)
        raise ApiError(406, "Not Acceptable", f"results are available as {offered}")
    return FORMATS[NEGOTIABLE[best]], best


def _single_values() -> dict[str, str]:
    params: dict[str, str] = {}
    for name, values in request.args.lists():
        if len(values) > 1:
            raise ApiError(
                400, "Bad Request", f"parameter {name} is given {len(values)} times",
                {"parameter": name},
            )
        params[name] = values[0]
    return params
