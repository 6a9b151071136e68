"""The result formats of the SPARQL endpoint, how a request chooses one, and the serializers.

Solutions (SELECT) as SPARQL 1.1 Query Results JSON, XML, CSV and TSV; a boolean (ASK) as JSON
or XML (the CSV/TSV results formats define no boolean); graphs (CONSTRUCT, DESCRIBE and the
service description) as Turtle, N-Triples, JSON-LD and RDF/XML. A request chooses with the
``format`` parameter (for links; it wins; a name such as ``csv`` or ``ttl``, an alias such as
``turtle`` or ``json-ld``, or a media type) or with ``Accept`` (q-values honoured; ``*/*`` or no
``Accept`` gives the first format listed for the answer's kind).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.query import Result
from rdflib.term import Identifier
from werkzeug.datastructures import MIMEAccept

from critmin.service.errors import ApiError
from critmin.service.store import QueryAnswer


@dataclass(frozen=True)
class ResultFormat:
    """A format: its ``format`` parameter value, its media types (the first is the one sent
    unless the client asked for another of them), rdflib's name for it, and the other values
    of ``format`` that mean it (the names SPARQLWrapper and other clients send)."""

    name: str
    media_types: tuple[str, ...]
    rdflib_name: str
    aliases: tuple[str, ...] = ()

    def is_named(self, format_name: str) -> bool:
        """Whether ``format_name`` (a name, an alias or a media type) means this format."""
        return format_name in (self.name, *self.aliases, *self.media_types)


JSON = ResultFormat("json", ("application/sparql-results+json", "application/json"), "json")
XML = ResultFormat("xml", ("application/sparql-results+xml", "application/xml"), "xml")
CSV = ResultFormat("csv", ("text/csv",), "csv")
TSV = ResultFormat("tsv", ("text/tab-separated-values",), "tsv")
TURTLE = ResultFormat("ttl", ("text/turtle", "application/x-turtle"), "turtle", ("turtle",))
# N-Triples is also valid N3, which SPARQLWrapper asks for as "n3".
NTRIPLES = ResultFormat("nt", ("application/n-triples", "text/plain"), "nt",
                        ("ntriples", "n-triples", "n3"))
JSONLD = ResultFormat("jsonld", ("application/ld+json",), "json-ld", ("json-ld", "json"))
RDFXML = ResultFormat("rdfxml", ("application/rdf+xml",), "xml", ("rdf+xml", "rdf", "xml"))

SOLUTION_FORMATS = (JSON, XML, CSV, TSV)
BOOLEAN_FORMATS = (JSON, XML)
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, RDFXML)


def formats_for(form: str) -> tuple[ResultFormat, ...]:
    """The formats an answer of query form ``form`` (or ``"GRAPH"``) can be sent in."""
    if form == "SELECT":
        return SOLUTION_FORMATS
    if form == "ASK":
        return BOOLEAN_FORMATS
    return GRAPH_FORMATS


def content_type(media_type: str) -> str:
    """The Content-Type header value for ``media_type`` (text types say they are UTF-8)."""
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def choose_format(
    form: str, format_name: str | None, accept: MIMEAccept
) -> tuple[ResultFormat, str]:
    """The format and media type to answer in; :class:`ApiError` 400 for a ``format`` that does
    not exist or does not fit the answer, 406 when nothing in ``Accept`` is available."""
    offered = formats_for(form)
    if format_name:
        named = [fmt for fmt in offered if fmt.is_named(format_name.strip().lower())]
        if not named:
            names = ", ".join(fmt.name for fmt in offered)
            raise ApiError(
                400, "Unsupported format",
                f"format={format_name} is not available for this answer; use one of: {names}",
            )
        return named[0], named[0].media_types[0]
    media_types = [media for fmt in offered for media in fmt.media_types]
    if not accept:
        return offered[0], offered[0].media_types[0]
    best = accept.best_match(media_types)
    if best is None:
        listed = ", ".join(fmt.media_types[0] for fmt in offered)
        raise ApiError(
            406, "Not Acceptable",
            f"none of the media types in Accept is available for this answer; use one of: {listed}",
        )
    return next(fmt for fmt in offered if best in fmt.media_types), best


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: Identifier | None) -> str:
    """A term as the TSV results format writes it (N-Triples form; empty when unbound)."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_TSV_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return term.n3()


def _tsv(result: Result) -> bytes:
    variables = list(result.vars or ())
    lines = ["\t".join(variable.n3() for variable in variables)]
    lines.extend(
        "\t".join(_tsv_term(row.get(variable)) for variable in variables)
        for row in result.bindings
    )
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_graph(graph: Graph, fmt: ResultFormat) -> bytes:
    """``graph`` in graph format ``fmt``, UTF-8."""
    data = graph.serialize(format=fmt.rdflib_name, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def serialize_answer(answer: QueryAnswer, fmt: ResultFormat) -> bytes:
    """``answer`` in ``fmt`` (one of :func:`formats_for` its form), UTF-8."""
    if answer.form in ("CONSTRUCT", "DESCRIBE"):
        return serialize_graph(answer.graph(), fmt)
    result = answer.to_result()
    if fmt is TSV:
        return _tsv(result)
    buffer = io.BytesIO()
    result.serialize(destination=buffer, format=fmt.rdflib_name, encoding="utf-8")
    return buffer.getvalue()
