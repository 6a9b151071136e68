"""``/sparql``: the SPARQL 1.1 Protocol query operation, read-only.

- ``GET /sparql?query=...``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=``)
  or with ``application/sparql-query`` (the query as the body); ``default-graph-uri`` and
  ``named-graph-uri`` (repeatable) choose the dataset, else the default graph is the union.
- ``GET /sparql`` without a query: the service description; a browser (``Accept`` preferring
  HTML) is sent to the query form instead (303).
- Answers in the format chosen by ``format=`` or ``Accept`` (see ``sparql_formats``); more
  than ``max_rows`` solutions are cut, saying so in ``X-Critmin-Truncated: true``
  (``X-Critmin-Max-Rows`` always gives the limit).
- Errors (one JSON shape, see ``errors``): 400 malformed query (with line and column), 403 an
  update or an outbound request, 406 no acceptable format, 415 an unknown POST body type, 503
  past the time limit, 502 the remote store failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Request, Response, current_app, redirect, request, url_for
from rdflib import URIRef

from critmin.service.config import SETTINGS_KEY, STORE_KEY, Settings
from critmin.service.dataset_pages import dataset_iri
from critmin.service.errors import ApiError
from critmin.service.jsonld_context import JSONLD_MEDIA_TYPE, context_link
from critmin.service.query_guard import QueryRejected, QueryRequest, update_refused
from critmin.service.query_process import QueryTimeout
from critmin.service.query_shape import check_shape
from critmin.service.service_description import service_description
from critmin.service.sparql_formats import (
    GRAPH_FORMATS,
    choose_format,
    content_type,
    formats_for,
    preferred_media_type,
    serialize_answer,
    serialize_graph,
    with_stable_blank_nodes,
)
from critmin.service.store import QueryAnswer, QueryLimits, Store, StoreError

bp = Blueprint("sparql", __name__)

FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
HTML = "text/html"


@dataclass(frozen=True)
class ProtocolRequest:
    """What a request asks: a query (``None``: the service description) over a dataset."""

    query: str | None
    default_graph_uris: tuple[str, ...]
    named_graph_uris: tuple[str, ...]
    format_name: str | None


def _rejected(error: QueryRejected) -> ApiError:
    """The API error for a refused query, with the line and column of a syntax error."""
    position = {"line": error.line, "column": error.column} if error.line is not None else {}
    return ApiError(error.status, error.title, error.detail, extra=position)


def _single_query(values: list[str]) -> str | None:
    """The one ``query`` value given (``None`` when none); a 400 for several."""
    if len(values) > 1:
        raise ApiError(400, "Bad Request", "give exactly one query parameter, not several")
    return values[0] if values else None


def read_protocol_request(http: Request) -> ProtocolRequest:
    """The protocol operation of ``http``; refuses updates and unknown request bodies."""
    graphs = http.args
    if "update" in http.args:  # on any method: an update named in the URL is still an update
        raise _rejected(update_refused())
    if http.method == "GET":
        query = _single_query(http.args.getlist("query"))
    elif http.mimetype == FORM_TYPE:
        if "update" in http.form:
            raise _rejected(update_refused())
        query = _single_query(http.form.getlist("query"))
        if query is None:
            raise ApiError(400, "Bad Request", "the form has no query parameter")
        graphs = http.values
    elif http.mimetype == QUERY_TYPE:
        charset = http.mimetype_params.get("charset", "utf-8")
        if charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise ApiError(
                400, "Bad Request",
                f"a {QUERY_TYPE} body is UTF-8 (SPARQL 1.1 Protocol), not {charset}",
            )
        try:
            query = http.get_data().decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "Bad Request", "the query is not valid UTF-8") from None
    elif http.mimetype == UPDATE_TYPE:
        raise _rejected(update_refused())
    else:
        raise ApiError(
            415, "Unsupported Media Type",
            f"POST a query as {FORM_TYPE} (query=...) or as {QUERY_TYPE}",
        )
    return ProtocolRequest(
        query=query,
        default_graph_uris=tuple(graphs.getlist("default-graph-uri")),
        named_graph_uris=tuple(graphs.getlist("named-graph-uri")),
        format_name=http.values.get("format"),
    )


def _answer(
    query_text: str, operation: ProtocolRequest, store: Store, settings: Settings
) -> tuple[QueryAnswer, bytes, str]:
    """Check, run and serialize a query: the answer, its bytes and their media type."""
    try:
        check_shape(query_text, settings.max_query_chars, settings.max_query_depth)
    except QueryRejected as error:
        raise _rejected(error) from None
    query_request = QueryRequest(
        query_text, operation.default_graph_uris, operation.named_graph_uris,
        tuple(settings.federation_allowlist),
    )
    try:
        answer = store.run(query_request, QueryLimits(settings.max_rows, settings.query_timeout))
    except QueryRejected as error:
        raise _rejected(error) from None
    except QueryTimeout as error:
        message = f"{error}; simplify the query or add a LIMIT"
        raise ApiError(503, "Query timeout", message) from None
    except StoreError as error:
        raise ApiError(502, "Store unavailable", str(error)) from None
    fmt, media_type = choose_format(
        formats_for(answer.form), operation.format_name, request.accept_mimetypes
    )
    return answer, serialize_answer(answer, fmt), media_type


def _wants_the_form(operation: ProtocolRequest) -> bool:
    """Whether a request without a query prefers HTML to every format of the service
    description (a browser following a link to the endpoint)."""
    if operation.query is not None or operation.format_name:
        return False
    offered = [media for fmt in GRAPH_FORMATS for media in fmt.media_types]
    return preferred_media_type(request.accept_mimetypes, [*offered, HTML]) == HTML


@bp.route("/sparql", methods=["GET", "POST"])
def sparql_endpoint() -> Response:
    """The SPARQL 1.1 Protocol query operation (see the module docstring)."""
    store: Store = current_app.extensions[STORE_KEY]
    settings: Settings = current_app.extensions[SETTINGS_KEY]
    operation = read_protocol_request(request)
    if _wants_the_form(operation):
        response = redirect(url_for("web.form"), 303)
    elif operation.query is None:
        fmt, media_type = choose_format(
            GRAPH_FORMATS, operation.format_name, request.accept_mimetypes
        )
        try:
            stats = store.stats()
        except StoreError as error:
            raise ApiError(502, "Store unavailable", str(error)) from None
        graph = with_stable_blank_nodes(
            service_description(
                request.base_url, stats, settings.federation_allowlist,
                dataset_iri=dataset_iri(),
                void_url=URIRef(url_for("dataset.void", _external=True)),
            )
        )
        response = Response(serialize_graph(graph, fmt), content_type=content_type(media_type))
    else:
        answer, body, media_type = _answer(operation.query, operation, store, settings)
        response = Response(body, content_type=content_type(media_type))
        response.headers["X-Critmin-Max-Rows"] = str(settings.max_rows)
        if answer.truncated:
            response.headers["X-Critmin-Truncated"] = "true"
    if response.mimetype == JSONLD_MEDIA_TYPE:
        response.headers["Link"] = context_link()
    response.vary.add("Accept")
    return response
