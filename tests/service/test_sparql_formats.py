"""Answer formats: choosing one by format= or Accept, and serializing answers in them."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from critmin.service.errors import ApiError
from critmin.service.sparql_formats import (
    CSV,
    GRAPH_FORMATS,
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    choose_format,
    content_type,
    formats_for,
    graph_format_of,
    preferred_media_type,
    serialize_answer,
)
from critmin.service.store import QueryAnswer


def accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


@pytest.mark.parametrize(
    ("form", "format_name", "expected"),
    [
        ("SELECT", "csv", CSV), ("SELECT", "tsv", TSV), ("SELECT", "xml", XML),
        ("SELECT", "text/csv", CSV), ("ASK", "json", JSON),
        ("CONSTRUCT", "turtle", TURTLE), ("CONSTRUCT", "ttl", TURTLE),
        ("CONSTRUCT", "n3", NTRIPLES), ("DESCRIBE", "json-ld", JSONLD),
        ("CONSTRUCT", "json", JSONLD), ("CONSTRUCT", "xml", RDFXML), ("DESCRIBE", "rdfxml", RDFXML),
    ],
)
def test_format_names_aliases_and_media_types(form: str, format_name: str, expected) -> None:
    assert choose_format(formats_for(form), format_name, accept("image/png")) == (
        expected, expected.media_types[0]
    )


def test_no_accept_gives_the_first_format_of_the_kind() -> None:
    assert choose_format(formats_for("SELECT"), None, MIMEAccept()) == (
        JSON, "application/sparql-results+json"
    )
    assert choose_format(GRAPH_FORMATS, None, MIMEAccept()) == (TURTLE, "text/turtle")


def test_q_values_decide() -> None:
    solutions = formats_for("SELECT")
    assert choose_format(
        solutions, None, accept("text/csv;q=0.2, text/tab-separated-values;q=0.8")
    ) == (TSV, "text/tab-separated-values")
    assert choose_format(
        GRAPH_FORMATS, None, accept("text/*;q=0.1, application/ld+json;q=0.5")
    ) == (JSONLD, "application/ld+json")


def test_nothing_acceptable_is_a_406_and_a_bad_format_a_400() -> None:
    with pytest.raises(ApiError) as not_acceptable:
        choose_format(formats_for("ASK"), None, accept("text/csv"))
    assert (not_acceptable.value.status, not_acceptable.value.message) == (
        406, "none of the media types in Accept is available for this answer; use one of: "
             "application/sparql-results+json, application/sparql-results+xml",
    )
    with pytest.raises(ApiError) as bad_format:
        choose_format(formats_for("ASK"), "csv", MIMEAccept())
    assert (bad_format.value.status, bad_format.value.message) == (
        400, "format=csv is not available for this answer; use one of: json, xml",
    )


def test_preferred_media_type() -> None:
    offered = ["text/html", "text/turtle"]
    assert preferred_media_type(MIMEAccept(), offered) == "text/html"
    assert preferred_media_type(accept("text/turtle, text/html;q=0.5"), offered) == "text/turtle"
    assert preferred_media_type(accept("image/png"), offered) is None


def test_graph_formats_by_media_type() -> None:
    assert graph_format_of("application/x-turtle") is TURTLE
    assert graph_format_of("text/plain") is NTRIPLES
    assert graph_format_of("application/rdf+xml") is RDFXML
    assert graph_format_of("application/octet-stream") is TURTLE


def test_content_type_says_utf_8_for_text() -> None:
    assert content_type("text/csv") == "text/csv; charset=utf-8"
    assert content_type("application/sparql-results+json") == "application/sparql-results+json"


X, Y = Variable("x"), Variable("y")
SOLUTIONS = QueryAnswer("SELECT", (X, Y), (
    {X: URIRef("urn:a"), Y: Literal('tab\there "q"\nline', lang="en")},
    {X: BNode("b0")},
    {Y: Literal(3)},
))


def test_tsv_writes_terms_in_n_triples_form() -> None:
    assert serialize_answer(SOLUTIONS, TSV).decode() == (
        "?x\t?y\n"
        '<urn:a>\t"tab\\there \\"q\\"\\nline"@en\n'
        "_:b0\t\n"
        '\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
    )


def test_csv_writes_plain_values() -> None:
    assert serialize_answer(SOLUTIONS, CSV).decode() == (
        'x,y\r\nurn:a,"tab\there ""q""\nline"\r\n_:b0,\r\n,3\r\n'
    )


def test_json_and_xml_parse_back_to_the_same_solutions() -> None:
    for fmt, parser in ((JSON, "json"), (XML, "xml")):
        parsed = Result.parse(io.BytesIO(serialize_answer(SOLUTIONS, fmt)), format=parser)
        assert list(parsed.vars) == [X, Y]
        assert [dict(row.asdict()) for row in parsed] == [
            {"x": URIRef("urn:a"), "y": Literal('tab\there "q"\nline', lang="en")},
            {"x": BNode("b0")},
            {"y": Literal(3)},
        ], fmt.name


def test_ask_answers_in_json() -> None:
    answer = QueryAnswer("ASK", boolean=True)
    assert json.loads(serialize_answer(answer, JSON)) == {"head": {}, "boolean": True}


def test_graph_answers_parse_back_in_every_graph_format() -> None:
    triple = (URIRef("urn:a"), URIRef("urn:b"), Literal("c", lang="en"))
    answer = QueryAnswer("CONSTRUCT", triples=(triple,))
    for fmt in GRAPH_FORMATS:
        graph = Graph().parse(data=serialize_answer(answer, fmt), format=fmt.rdflib_name)
        assert set(graph) == {triple}, fmt.name
