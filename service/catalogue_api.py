"""The canned queries over HTTP: ``/api/queries`` lists them, ``/api/queries/<id>`` runs one.

A query's parameters come from the query string (``?year=2024``); an empty value means the
default. The answer is SPARQL JSON results, CSV or TSV, chosen by the file extension
(``/api/queries/agreements.csv``) or else by the ``Accept`` header (JSON by default). With the
``.rq`` extension the answer is the query itself with its parameters bound
(``application/sparql-query``): plain SPARQL that the endpoint answers with the same rows, which
the form shows in its editor. A bad parameter is a 400 and an unknown query a 404, both in the
application's one error shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask.blueprints import BlueprintSetupState

from critmin.service.catalogue import Catalogue, ParameterError, load_catalogue, run
from critmin.service.config import STORE_KEY
from critmin.service.errors import ApiError
from critmin.service.sparql_formats import (
    CSV,
    JSON,
    TSV,
    choose_format,
    content_type,
    serialize_result,
)
from critmin.service.store import Store

CATALOGUE_KEY = "critmin.catalogue"
"""Where the loaded catalogue lives: ``current_app.extensions[CATALOGUE_KEY]``."""

API_FORMATS = (JSON, CSV, TSV)
"""The formats of canned-query answers; their names are the URL extensions."""

QUERY_TEXT_EXTENSION = "rq"
QUERY_TEXT_TYPE = "application/sparql-query"
"""The extension and media type of a canned query's bound text."""

T = TypeVar("T")

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
    extensions = [fmt.name for fmt in API_FORMATS] + [QUERY_TEXT_EXTENSION]
    if query_id not in catalogue or (extension and extension not in extensions):
        known = ", ".join(catalogue)
        raise ApiError(404, "Not Found", f"unknown query {name!r} (known: {known})")
    params = _single_values()
    if extension == QUERY_TEXT_EXTENSION:
        text = _parameter_checked(catalogue[query_id].bound_text, params)
        return Response(text, content_type=f"{QUERY_TEXT_TYPE}; charset=utf-8")
    result_format, media_type = choose_format(
        API_FORMATS, extension or None, request.accept_mimetypes
    )
    store: Store = current_app.extensions[STORE_KEY]
    result = _parameter_checked(lambda values: run(catalogue[query_id], store, values), params)
    response = Response(
        serialize_result(result, result_format), content_type=content_type(media_type)
    )
    response.vary.add("Accept")
    return response


def _parameter_checked(task: Callable[[dict[str, str]], T], params: dict[str, str]) -> T:
    """``task(params)``, a 400 naming the parameter when one is unknown or malformed."""
    try:
        return task(params)
    except ParameterError as error:
        raise ApiError(400, "Bad Request", str(error), {"parameter": error.parameter}) from None


def _describe(query_id: str) -> dict[str, Any]:
    """A canned query's metadata as the listing gives it."""
    query = app_catalogue()[query_id]
    return {
        **query.description(),
        "url": url_for("catalogue_api.run_query", name=query.id),
        "text_url": url_for(
            "catalogue_api.run_query", name=f"{query.id}.{QUERY_TEXT_EXTENSION}"
        ),
    }


def _single_values() -> dict[str, str]:
    """The query string as one value per parameter; a 400 for a parameter given twice."""
    params: dict[str, str] = {}
    for name, values in request.args.lists():
        if len(values) > 1:
            raise ApiError(
                400, "Bad Request", f"parameter {name} is given {len(values)} times",
                {"parameter": name},
            )
        params[name] = values[0]
    return params
