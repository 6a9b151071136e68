"""with_bindings: bound terms as VALUES blocks in the query text, with rdflib's initBindings
answers: on shapes written here (sample dataset) and on every query the service runs (seed)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.graph.base.namespaces import CMR
from critmin.graph.owl import justify
from critmin.service import resource_description
from critmin.service.catalogue import load_catalogue, run
from critmin.service.sparql_bindings import with_bindings
from critmin.service.store import LocalStore

SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"
X = {"x": URIRef("urn:x")}
V = "VALUES (?x) { (<urn:x>) } "


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?l WHERE { ?x <urn:p> ?l }", f"SELECT ?l WHERE {{ {V} ?x <urn:p> ?l }}"),
        ("SELECT ?l { ?x <urn:p> ?l }", f"SELECT ?l {{ {V} ?x <urn:p> ?l }}"),
        # Every group that mentions ?x, however deep; not the groups that do not.
        ("SELECT ?l { { BIND(?x AS ?y) } UNION { ?y <urn:p> ?l } OPTIONAL { ?l ?p ?x } }",
         f"SELECT ?l {{ {V} {{ {V} BIND(?x AS ?y) }} UNION {{ ?y <urn:p> ?l }}"
         f" OPTIONAL {{ {V} ?l ?p ?x }} }}"),
        # A CONSTRUCT template and VALUES data are not groups.
        ("CONSTRUCT { ?x <urn:p> 1 } WHERE { ?x ?p ?o VALUES ?o { 1 } }",
         f"CONSTRUCT {{ ?x <urn:p> 1 }} WHERE {{ {V} ?x ?p ?o VALUES ?o {{ 1 }} }}"),
        # A group holding only a subquery gets its VALUES block around the subquery.
        ("SELECT ?y WHERE { SELECT ?y WHERE { ?x ?p ?y } }",
         f"SELECT ?y WHERE {{ {V}{{  SELECT ?y WHERE {{ {V} ?x ?p ?y }}  }} }}"),
        # Braces and variables in comments, strings and IRIs are no groups and no mentions.
        ('SELECT ("where {" AS ?w) # WHERE { ?x\n'
         'WHERE { ?s ?p "{ ?x }" OPTIONAL { ?s ?q <urn:q?x> } }',
         f'SELECT ("where {{" AS ?w) # WHERE {{ ?x\nWHERE {{ {V} ?s ?p "{{ ?x }}"'
         ' OPTIONAL { ?s ?q <urn:q?x> } }'),
        # A variable whose name starts with the bound one's is another variable.
        ("ASK { ?x ?p ?o OPTIONAL { ?xy ?p ?o } }",
         f"ASK {{ {V} ?x ?p ?o OPTIONAL {{ ?xy ?p ?o }} }}"),
    ],
)
def test_values_open_the_top_group_and_every_group_that_mentions_a_bound_variable(
    query: str, expected: str
) -> None:
    assert with_bindings(query, X) == expected


def test_bound_literals_are_escaped() -> None:
    assert with_bindings("ASK { ?x ?p ?o }", {"o": Literal('"} DROP ALL {"')}) == (
        'ASK { VALUES (?o) { ("\\"} DROP ALL {\\"") }  ?x ?p ?o }'
    )


def test_no_bindings_leave_the_text_alone() -> None:
    assert with_bindings("DESCRIBE ?x", {}) == "DESCRIBE ?x"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("DESCRIBE ?x", "the query has no group to bind variables in"),
        ("CONSTRUCT WHERE { ?x ?p ?o }",
         "a CONSTRUCT WHERE query has no group to bind variables in"),
        ("SELECT * { ?x ?p ?o ", "unbalanced braces in the query"),
    ],
)
def test_queries_without_a_group_for_the_bindings_are_refused(query: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        with_bindings(query, X)
    assert str(raised.value) == message


def _answer(result: Result) -> object:
    """A result as a comparable value: rows as a multiset, the boolean, or the triples."""
    if result.type == "ASK":
        return result.askAnswer
    if result.type == "SELECT":
        return Counter(tuple(row.get(name) for name in result.vars) for row in result.bindings)
    return set(result.graph or ())


class TextBoundStore:
    """``store`` queried with the bindings in the query text, as the remote store sends them."""

    def __init__(self, store: LocalStore) -> None:
        self.store = store

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        return self.store.dataset.query(with_bindings(sparql, bindings or {}))


SKOS = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
SHAPES = {
    "bind in a union branch": SKOS + "SELECT ?y ?l WHERE { { BIND(?this AS ?y) } UNION"
    " { ?this ?p ?y } ?y skos:prefLabel ?l }",
    "optional graph": "SELECT ?p ?o ?g WHERE { ?this ?p ?o OPTIONAL { GRAPH ?g { ?this ?p ?o } } }",
    "filter not exists": "SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s ?q ?this } }",
    "minus": "SELECT ?s WHERE { ?s ?p ?o MINUS { ?s ?q ?this } }",
    "subquery": "SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?this } } }",
    "projection only": "SELECT ?s (?this AS ?t) WHERE { ?s a ?c }",
    "construct": "CONSTRUCT { ?this ?p ?o } WHERE { { ?this ?p ?o } UNION { ?o ?p ?this } }",
    "ask": "ASK { { ?this ?p ?o } UNION { ?o ?p ?this } }",
    **{name: getattr(resource_description, name)
       for name in dir(resource_description) if name.endswith("_QUERY")},
    **{name: getattr(justify, name) for name in dir(justify) if name.endswith("_QUERY")},
}
"""Query shapes, and every query of the resource pages and of their justifications."""
SAMPLE_RESOURCES = [
    CMR[name] for name in ("actor/exampleland", "agreement/testland-exampleland-0000aaaa",
                           "control/exampleland-unobtainium-0000bbbb", "graph/doc/00000000000000bb")
]


@pytest.mark.parametrize("shape", SHAPES)
def test_query_shapes_answer_as_with_init_bindings(rdflib_store: LocalStore, shape: str) -> None:
    for iri in SAMPLE_RESOURCES:
        bindings: dict[str, Identifier] = {"this": iri}
        expected = _answer(rdflib_store.query(SHAPES[shape], bindings))
        assert _answer(TextBoundStore(rdflib_store).query(SHAPES[shape], bindings)) == expected


@pytest.fixture(scope="module")
def seed() -> LocalStore:
    return LocalStore.from_file(SEED)


CATALOGUE = load_catalogue()


@pytest.mark.parametrize("query_id", [query.id for query in CATALOGUE.values()
                                      if query.bindings({})])
def test_canned_queries_answer_as_with_init_bindings(seed: LocalStore, query_id: str) -> None:
    """Every canned query with parameters, run with their defaults on the seed dataset."""
    query = CATALOGUE[query_id]
    expected = run(query, seed)
    assert _answer(run(query, TextBoundStore(seed))) == _answer(expected)
    assert len(expected) > 0


def test_a_term_that_would_read_as_query_syntax_is_refused() -> None:
    with pytest.raises(ValueError, match="not an IRI"):
        with_bindings("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://a> } ?x <http://b")})
    with pytest.raises(ValueError, match="blank node"):
        with_bindings("SELECT * WHERE { ?s ?p ?o }", {"s": BNode("b0")})
    quoted = with_bindings("SELECT * WHERE { ?s ?p ?o }", {"o": Literal('say "} DROP', lang="en")})
    assert '"say \\"} DROP"@en' in quoted
