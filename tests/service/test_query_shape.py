"""A query's size and nesting depth, measured before parsing."""

from __future__ import annotations

import pytest

from critmin.service.query_guard import QueryRejected, check_query
from critmin.service.query_shape import check_shape, nesting_depth


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("ASK {}", 1),
        ("SELECT * WHERE { ?s ?p ?o FILTER((?o > 1)) }", 3),
        ("SELECT * WHERE { { ?s ?p [ ?q ?r ] } }", 3),
        ('SELECT * WHERE { ?s ?p "((({{{" }', 1),
        ("SELECT * WHERE { ?s ?p '''\n(((\n''' }", 1),
        ('SELECT * WHERE { ?s ?p "say \\"(((\\"" }', 1),
        ("SELECT * WHERE { ?s <http://example.org/a(b> ?o }", 1),
        ("SELECT * WHERE { ?s ?p ?o # ((((\n }", 1),
        ("SELECT * WHERE { ?s ?p ?o } }}}", 1),
    ],
)
def test_depth_counts_brackets_outside_strings_iris_and_comments(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth


def test_a_long_or_deep_query_is_a_400_before_parsing() -> None:
    with pytest.raises(QueryRejected) as raised:
        check_shape("ASK {}" + " " * 100, max_chars=100, max_depth=20)
    assert (raised.value.status, raised.value.title, raised.value.detail) == (
        400, "Query too long", "the query has 106 characters; this endpoint takes 100 at most"
    )
    deep = "SELECT * WHERE { FILTER(" + "(" * 25 + "1" + ")" * 25 + ") }"
    with pytest.raises(QueryRejected) as raised:
        check_shape(deep, max_chars=1000, max_depth=20)
    assert (raised.value.status, raised.value.title, raised.value.detail) == (
        400, "Query too deeply nested", "the query nests brackets 27 deep; this endpoint takes"
        " 20 at most",
    )


def test_the_deepest_query_allowed_parses() -> None:
    for braces in range(1, 20):
        parens = 20 - braces
        query = (
            "SELECT * WHERE " + "{ " * braces + "?s ?p ?o FILTER" + "(" * parens + "?o"
            + ")" * parens + " }" * braces
        )
        assert nesting_depth(query) == 20
        check_shape(query, max_chars=100_000, max_depth=20)
        assert check_query(query).form == "SELECT"
