"""Result formats: choosing one by format= or Accept, and the TSV serializer."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef, Variable
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from critmin.service.errors import ApiError
from critmin.service.sparql_formats import (
    CSV,
    JSON,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    choose_format,
    content_type,
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
        ("CONSTRUCT", "json", JSONLD), ("CONSTRUCT", "xml", RDFXML), ("GRAPH", "rdfxml", RDFXML),
    ],
)
def test_format_names_aliases_and_media_types(form: str, format_name: str, expected) -> None:
    assert choose_format(form, format_name, accept("image/png")) == (
        expected, expected.media_types[0]
    )


def test_no_accept_gives_the_first_format_of_the_kind() -> None:
    assert choose_format("SELECT", None, MIMEAccept()) == (JSON, "application/sparql-results+json")
    assert choose_format("DESCRIBE", None, MIMEAccept()) == (TURTLE, "text/turtle")


def test_q_values_decide() -> None:
    assert choose_format("SELECT", None, accept("text/csv;q=0.2, text/tab-separated-values;q=0.8")
                         ) == (TSV, "text/tab-separated-values")
    assert choose_format("CONSTRUCT", None, accept("text/*;q=0.1, application/ld+json;q=0.5")
                         ) == (JSONLD, "application/ld+json")


def test_nothing_acceptable_is_a_406_and_a_bad_format_a_400() -> None:
    with pytest.raises(ApiError) as not_acceptable:
        choose_format("ASK", None, accept("text/csv"))
    assert (not_acceptable.value.status, not_acceptable.value.message) == (
        406, "none of the media types in Accept is available for this answer; use one of: "
             "application/sparql-results+json, application/sparql-results+xml",
    )
    with pytest.raises(ApiError) as bad_format:
        choose_format("ASK", "csv", MIMEAccept())
    assert bad_format.value.status == 400


def test_content_type_says_utf_8_for_text() -> None:
    assert content_type("text/csv") == "text/csv; charset=utf-8"
    assert content_type("application/sparql-results+json") == "application/sparql-results+json"


def test_tsv_writes_terms_in_n_triples_form() -> None:
    x, y = Variable("x"), Variable("y")
    answer = QueryAnswer("SELECT", (x, y), (
        {x: URIRef("urn:a"), y: Literal('tab\there "q"\nline', lang="en")},
        {x: BNode("b0")},
        {y: Literal(3)},
    ))
    assert serialize_answer(answer, TSV).decode() == (
        "?x\t?y\n"
        '<urn:a>\t"tab\\there \\"q\\"\\nline"@en\n'
        "_:b0\t\n"
        '\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
    )
