"""The service's answer formats, how a request chooses one, and the serializers.

Solutions (SELECT) as SPARQL 1.1 Query Results JSON, XML, CSV and TSV; a boolean (ASK) as JSON
or XML (the CSV/TSV results formats define no boolean); graphs (CONSTRUCT, DESCRIBE, the
service description and resource descriptions) as Turtle, N-Triples, JSON-LD (compacted with a
``@context`` of critmin's prefixes) and RDF/XML. A request chooses with the ``format``
parameter (for links; it wins; a name such as ``csv`` or ``ttl``, an alias such as ``turtle``
or ``json-ld``, or a media type) or with ``Accept`` (q-values honoured by werkzeug's parser;
``*/*`` or no ``Accept`` gives the first format offered; a 406 when it names none). The
endpoint and the canned-query API choose this way; the Linked Data pages add HTML
(``negotiation``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph
from rdflib.compare import to_canonical_graph
from rdflib.query import Result
from werkzeug.datastructures import MIMEAccept

from critmin.graph.base.namespaces import PREFIXES
from critmin.service.errors import ApiError
from critmin.service.results import write_result
from critmin.service.store import QueryAnswer


@dataclass(frozen=True)
class ResultFormat:
    """A format: its ``format`` parameter value, its media types (the first is the one sent
    unless the client asked for another of them), rdflib's name for it, its name in the W3C
    format IRIs (``http://www.w3.org/ns/formats/``), and the other values of ``format`` that
    mean it (the names SPARQLWrapper and other clients send)."""

    name: str
    media_types: tuple[str, ...]
    rdflib_name: str
    w3c_name: str
    aliases: tuple[str, ...] = ()

    def is_named(self, format_name: str) -> bool:
        """Whether ``format_name`` (a name, an alias or a media type) means this format."""
        return format_name in (self.name, *self.aliases, *self.media_types)


JSON = ResultFormat(
    "json", ("application/sparql-results+json", "application/json"), "json", "SPARQL_Results_JSON"
)
XML = ResultFormat(
    "xml", ("application/sparql-results+xml", "application/xml"), "xml", "SPARQL_Results_XML"
)
CSV = ResultFormat("csv", ("text/csv",), "csv", "SPARQL_Results_CSV")
TSV = ResultFormat("tsv", ("text/tab-separated-values",), "tsv", "SPARQL_Results_TSV")
TURTLE = ResultFormat(
    "ttl", ("text/turtle", "application/x-turtle"), "turtle", "Turtle", ("turtle",)
)
# N-Triples is also valid N3, which SPARQLWrapper asks for as "n3".
NTRIPLES = ResultFormat(
    "nt", ("application/n-triples", "text/plain"), "nt", "N-Triples",
    ("ntriples", "n-triples", "n3"),
)
JSONLD = ResultFormat("jsonld", ("application/ld+json",), "json-ld", "JSON-LD", ("json-ld", "json"))
RDFXML = ResultFormat(
    "rdfxml", ("application/rdf+xml",), "xml", "RDF_XML", ("rdf+xml", "rdf", "xml")
)

# A dataset format: a named graph's download (``/id/graph/...``), never a query's answer.
TRIG = ResultFormat("trig", ("application/trig",), "trig", "TriG")

SOLUTION_FORMATS = (JSON, XML, CSV, TSV)
BOOLEAN_FORMATS = (JSON, XML)
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, RDFXML)


def formats_for(form: str) -> tuple[ResultFormat, ...]:
    """The formats an answer of query form ``form`` (SELECT, ASK, CONSTRUCT, DESCRIBE) can be
    sent in."""
    if form == "SELECT":
        return SOLUTION_FORMATS
    if form == "ASK":
        return BOOLEAN_FORMATS
    return GRAPH_FORMATS


def graph_format_of(media_type: str) -> ResultFormat:
    """The graph format sent as ``media_type`` (Turtle when it is none of them)."""
    return next((fmt for fmt in GRAPH_FORMATS if media_type in fmt.media_types), TURTLE)


def content_type(media_type: str) -> str:
    """The Content-Type header value for ``media_type`` (text types say they are UTF-8)."""
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def preferred_media_type(accept: MIMEAccept, media_types: Sequence[str]) -> str | None:
    """The one of ``media_types`` that ``accept`` prefers (q-values honoured), the first when
    ``accept`` is empty, ``None`` when it accepts none of them."""
    return accept.best_match(media_types) if accept else media_types[0]


def not_acceptable(media_types: Sequence[str]) -> ApiError:
    """The 406 for an ``Accept`` that names none of ``media_types``, listing them."""
    return ApiError(
        406, "Not Acceptable",
        "none of the media types in Accept is available for this answer; use one of: "
        + ", ".join(media_types),
    )


def choose_format(
    offered: Sequence[ResultFormat], format_name: str | None, accept: MIMEAccept
) -> tuple[ResultFormat, str]:
    """The format of ``offered`` and the media type to answer in; :class:`ApiError` 400 for a
    ``format`` that is not offered, 406 when nothing in ``Accept`` is."""
    if format_name:
        named = [fmt for fmt in offered if fmt.is_named(format_name.strip().lower())]
        if not named:
            names = ", ".join(fmt.name for fmt in offered)
            raise ApiError(
                400, "Unsupported format",
                f"format={format_name} is not available for this answer; use one of: {names}",
            )
        return named[0], named[0].media_types[0]
    best = preferred_media_type(accept, [media for fmt in offered for media in fmt.media_types])
    if best is None:
        raise not_acceptable([fmt.media_types[0] for fmt in offered])
    return next(fmt for fmt in offered if best in fmt.media_types), best


def serialize_graph(graph: Graph, fmt: ResultFormat) -> bytes:
    """``graph`` in graph format ``fmt``, UTF-8; JSON-LD compacted with critmin's prefixes as
    its ``@context``. A 406 when RDF/XML cannot write a predicate (one whose IRI ends in no
    XML name, such as ``http://example.org/p/1``)."""
    options = {"context": PREFIXES} if fmt is JSONLD else {}
    try:
        data = graph.serialize(format=fmt.rdflib_name, encoding="utf-8", **options)
    except ValueError as error:
        if fmt is not RDFXML:
            raise
        others = [other.media_types[0] for other in GRAPH_FORMATS if other is not RDFXML]
        raise ApiError(
            406, "Not Acceptable",
            f"this graph cannot be written as RDF/XML ({error}); use one of: {', '.join(others)}",
        ) from None
    return data if isinstance(data, bytes) else data.encode("utf-8")


def with_stable_blank_nodes(graph: Graph) -> Graph:
    """``graph`` with its blank nodes labelled by what they say (rdflib's canonical labelling)
    and its prefixes, so that the same description is always written as the same bytes (and
    gets the same ETag); a description built with fresh ``BNode()`` would differ every time."""
    stable = Graph()
    for prefix, namespace in graph.namespaces():
        stable.bind(prefix, namespace, override=True, replace=True)
    for triple in to_canonical_graph(graph):
        stable.add(triple)
    return stable


def serialize_result(result: Result, fmt: ResultFormat) -> bytes:
    """A SELECT or ASK ``result`` in solution format ``fmt``, UTF-8: JSON, CSV and TSV by
    ``results``' writers, XML by rdflib's."""
    if fmt is XML:
        buffer = io.BytesIO()
        result.serialize(destination=buffer, format=fmt.rdflib_name, encoding="utf-8")
        return buffer.getvalue()
    return write_result(result, fmt.name).encode("utf-8")


def serialize_answer(answer: QueryAnswer, fmt: ResultFormat) -> bytes:
    """``answer`` in ``fmt`` (one of :func:`formats_for` its form), UTF-8."""
    if answer.form in ("CONSTRUCT", "DESCRIBE"):
        return serialize_graph(answer.graph(), fmt)
    return serialize_result(answer.to_result(), fmt)
