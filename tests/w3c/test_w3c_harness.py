"""The harness: a test's dataset as TriG, ORDER BY detection, one test run through the endpoint.

These use a small suite written here, so they run without ``../shared/w3c-sparql11``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph
import pytest
from w3c_harness import (
    DEFAULT_GRAPH,
    STORE_CONFIGS,
    EndpointRunner,
    Outcome,
    dataset_trig,
    is_ordered,
    protocol_dataset,
)
from w3c_manifest import QueryTest, file_iri

XSD_INTEGER = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    """A suite folder with two data files, a query and its expected result."""
    folder = tmp_path / "suite" / "folder"
    folder.mkdir(parents=True)
    (folder / "data.ttl").write_text(
        '_:n <http://example.org/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
    (folder / "other.ttl").write_text("<other-node> <http://example.org/q> _:n .\n")
    (folder / "query.rq").write_text("SELECT ?s WHERE { GRAPH <other.ttl> { ?s ?p ?o } }")
    (folder / "result.srj").write_text(
        '{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri",'
        ' "value": "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/folder/other-node"}}]}}'
    )
    return tmp_path / "suite"


def make_test(suite: Path, data: tuple[str, ...], graph_data: tuple[str, ...]) -> QueryTest:
    folder = suite / "folder"
    return QueryTest(
        name="folder/test", title="a test", query=folder / "query.rq",
        data=tuple(folder / name for name in data),
        graph_data=tuple(folder / name for name in graph_data),
        result=folder / "result.srj",
    )


def test_dataset_keeps_lexical_forms_and_names_graphs_by_file(suite: Path) -> None:
    trig = dataset_trig(make_test(suite, ("data.ttl",), ("other.ttl",)), suite)
    quads = list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))
    by_graph = {str(quad.graph_name.value): quad for quad in quads}
    assert set(by_graph) == {str(DEFAULT_GRAPH), str(file_iri(suite, suite / "folder/other.ttl"))}
    assert by_graph[str(DEFAULT_GRAPH)].object == pyoxigraph.Literal("01", datatype=XSD_INTEGER)
    other = by_graph[str(file_iri(suite, suite / "folder/other.ttl"))]
    assert other.subject.value.endswith("/folder/other-node")
    # two files: two blank nodes, though both files call theirs _:n
    assert other.object != by_graph[str(DEFAULT_GRAPH)].subject


def test_the_request_names_the_tests_dataset_unless_the_query_does(suite: Path) -> None:
    test = make_test(suite, ("data.ttl",), ("other.ttl",))
    assert protocol_dataset(test, "SELECT * { ?s ?p ?o }", suite) == {
        "default-graph-uri": [str(DEFAULT_GRAPH)],
        "named-graph-uri": [str(file_iri(suite, suite / "folder/other.ttl"))],
    }
    assert protocol_dataset(test, "SELECT * FROM <x:g> { ?s ?p ?o }", suite) == {}
    assert protocol_dataset(test, "SELECT * FROM NAMED <x:g> { ?s ?p ?o }", suite) == {}


def test_a_file_both_default_and_named_keeps_its_blank_nodes(suite: Path) -> None:
    trig = dataset_trig(make_test(suite, ("data.ttl",), ("data.ttl",)), suite)
    quads = list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))
    assert len(quads) == 2
    assert quads[0].triple == quads[1].triple


def test_only_the_query_s_own_order_by_orders_its_solutions() -> None:
    assert is_ordered("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s")
    assert not is_ordered("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s } }")
    assert not is_ordered("SELECT * WHERE { ?s ?p ?o } GROUP BY ?s")
    assert not is_ordered("not a query")


@pytest.mark.parametrize("store", sorted(STORE_CONFIGS))
def test_a_test_runs_through_the_endpoint(suite: Path, tmp_path: Path, store: str) -> None:
    runner = EndpointRunner(tmp_path, STORE_CONFIGS[store], suite)
    assert runner.outcome(make_test(suite, ("data.ttl",), ("other.ttl",))) == Outcome(True)
    # without that named graph, GRAPH <other.ttl> (the query's IRI, relative) matches nothing
    without_graph = dataclasses.replace(make_test(suite, ("data.ttl",), ()), name="folder/b")
    assert runner.outcome(without_graph) == Outcome(
        False,
        "0 rows instead of 1: missing {?s=<http://www.w3.org/2009/sparql/docs/tests/"
        "data-sparql11/folder/other-node>}",
    )
