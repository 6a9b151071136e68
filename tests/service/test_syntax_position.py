"""The place of a SPARQL syntax error: where the text stops making sense, not where rdflib's
parser backtracked to."""

from __future__ import annotations

import pytest
from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery

from critmin.service.syntax_position import located_error


def rdflib_error(text: str) -> ParseBaseException:
    with pytest.raises(ParseBaseException) as raised:
        parseQuery(text)
    return raised.value


@pytest.mark.parametrize(
    ("text", "reported", "located"),
    [
        pytest.param(
            "SELECT ?s WHERE {\n  ?s ?p ?o .\n  OPTIONAL {\n    ?s ?q ?r .\n    ?r ?x\n  }\n}",
            (3, 3), (6, 3), id="object missing inside OPTIONAL",
        ),
        pytest.param(
            "SELECT ?s\nWHERE { ?s ?p }", (2, 9), (2, 15), id="object missing",
        ),
        pytest.param(
            "ASK {\n  ?s ?p ?o .\n  FILTER(\n}", (3, 3), (4, 1), id="FILTER cut short",
        ),
        pytest.param(
            "SELECT ?s WHERE {\n  ?s ?p ?o .\n  {\n    SELECT ?r WHERE {\n      ?s ?q ?r .\n"
            "      FILTER(?r > )\n    }\n  }\n}",
            (3, 3), (6, 17), id="comparison cut short in a subquery",
        ),
        pytest.param(
            "CONSTRUCT {\n ?s ?p\n} WHERE { ?s ?p ?o }", (2, 2), (3, 1), id="template",
        ),
    ],
)
def test_error_moves_to_where_the_text_stops_making_sense(
    text: str, reported: tuple[int, int], located: tuple[int, int]
) -> None:
    error = rdflib_error(text)
    assert (error.lineno, error.col) == reported
    moved = located_error(text, error)
    assert (moved.lineno, moved.col) == located


@pytest.mark.parametrize(
    ("text", "position"),
    [
        pytest.param("SELECT ?s\nWHERE {\n  ?s ?p ?o\n}\nLIMT 10\n", (5, 1), id="misspelt LIMIT"),
        pytest.param("SELEC ?s WHERE { ?s ?p ?o }", (1, 1), id="misspelt SELECT"),
        pytest.param(
            "SELECT (COUNT(?s) AS ?n\nWHERE { ?s ?p ?o }", (2, 1), id="parenthesis not closed"
        ),
    ],
)
def test_a_bare_word_at_the_reported_place_is_the_error(
    text: str, position: tuple[int, int]
) -> None:
    error = rdflib_error(text)
    moved = located_error(text, error)
    assert moved is error
    assert (moved.lineno, moved.col) == position
