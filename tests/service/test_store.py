"""LocalStore: loading files, statistics, running checked queries within limits."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef, Variable
from rdflib.query import Result

from critmin.graph.base.namespaces import CMR, REFERENCE_GRAPH
from critmin.service.query_guard import QueryRejected, QueryRequest
from critmin.service.query_process import QueryTimeout
from critmin.service.store import (
    DataFileError,
    LocalStore,
    QueryAnswer,
    QueryLimits,
    answer_from_result,
)

REFERENCE = REFERENCE_GRAPH
DOC_AA = CMR["graph/doc/00000000000000aa"]
DOC_BB = CMR["graph/doc/00000000000000bb"]
LABELS = (
    "SELECT ?label WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    " ORDER BY ?label"
)
NO_LIMITS = QueryLimits(max_rows=100, timeout=None)


@pytest.fixture(scope="module")
def store(sample_data_file: Path) -> LocalStore:
    """rdflib's store over the sample dataset (the service's default store is Oxigraph's)."""
    return LocalStore.from_file(sample_data_file)


def labels(answer: QueryAnswer) -> list[str]:
    return [str(row[Variable("label")]) for row in answer.rows]


def test_stats_count_distinct_triples_and_each_graph(store: LocalStore) -> None:
    stats = store.stats()
    assert stats.triples == 17
    assert dict(stats.graph_sizes) == {REFERENCE: 7, DOC_AA: 6, DOC_BB: 5}
    assert store.graph_names() == {REFERENCE, DOC_AA, DOC_BB}


def test_missing_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as raised:
        LocalStore.from_file(tmp_path / "absent.trig")
    assert str(raised.value) == f"data file {tmp_path / 'absent.trig'} does not exist"


def test_unparsable_file_is_a_one_line_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.trig"
    path.write_text("<urn:g> { <urn:a> <urn:b> }\n")
    with pytest.raises(DataFileError) as raised:
        LocalStore.from_file(path)
    message = str(raised.value)
    assert message.startswith(f"cannot parse {path} as trig: ")
    assert "\n" not in message


def test_a_file_of_another_type_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_text('<urn:a> <urn:b> "c" .\n')
    with pytest.raises(DataFileError) as raised:
        LocalStore.from_file(path)
    assert str(raised.value) == (
        f"{path}: unsupported dataset file type '.ttl'; use .trig or .nq"
    )


def test_an_undecodable_file_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "data.trig"
    path.write_bytes(b"<urn:g> { <urn:a> <urn:b> \"caf\xe9\" }\n")
    with pytest.raises(DataFileError) as raised:
        LocalStore.from_file(path)
    assert str(raised.value).startswith(f"cannot parse {path} as trig: 'utf-8' codec can't decode")


def test_n_quads_file_is_read_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "data.nq"
    path.write_text('<urn:a> <urn:b> "c" <urn:g> .\n')
    store = LocalStore.from_file(path)
    assert store.stats().triples == 1
    assert store.graph_names() == {URIRef("urn:g")}


def test_run_gives_the_same_answer_with_and_without_a_time_limit(store: LocalStore) -> None:
    query = QueryRequest(LABELS)
    in_thread = store.run(query, NO_LIMITS)
    in_child = store.run(query, QueryLimits(max_rows=100, timeout=30.0))
    assert in_thread == in_child
    assert labels(in_thread) == ["Exampleland", "Testland", "unobtainium"]
    assert in_thread.variables == (Variable("label"),)
    assert not in_thread.truncated


def test_run_cuts_at_max_rows(store: LocalStore) -> None:
    answer = store.run(QueryRequest(LABELS), QueryLimits(max_rows=2, timeout=None))
    assert labels(answer) == ["Exampleland", "Testland"]
    assert answer.truncated


def test_run_cuts_constructed_triples_at_max_rows(store: LocalStore) -> None:
    query = QueryRequest("CONSTRUCT WHERE { ?s ?p ?o }")
    whole = store.run(query, NO_LIMITS)
    cut = store.run(query, QueryLimits(max_rows=5, timeout=None))
    assert (len(whole.triples), whole.truncated) == (17, False)
    assert (cut.triples, cut.truncated) == (whole.triples[:5], True)


def test_run_over_a_requested_dataset(store: LocalStore) -> None:
    only_reference = QueryRequest(LABELS, default_graph_uris=(str(REFERENCE),))
    answer = store.run(only_reference, NO_LIMITS)
    assert labels(answer) == ["Exampleland", "Testland", "unobtainium"]
    only_doc = QueryRequest(LABELS, default_graph_uris=(str(DOC_BB),))
    assert labels(store.run(only_doc, NO_LIMITS)) == ["Exampleland"]


def test_run_past_the_time_limit_raises(store: LocalStore, endless_query: str) -> None:
    with pytest.raises(QueryTimeout) as raised:
        store.run(QueryRequest(endless_query), QueryLimits(max_rows=10, timeout=0.5))
    assert raised.value.seconds == 0.5


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_run_checks_the_request_where_it_runs(store: LocalStore, timeout: float | None) -> None:
    limits = QueryLimits(max_rows=10, timeout=timeout)
    with pytest.raises(QueryRejected) as raised:
        store.run(QueryRequest("SELECT ?s WHERE { ?s ?p }"), limits)
    assert (raised.value.status, raised.value.title, raised.value.line) == (
        400, "Malformed query", 1,
    )
    with pytest.raises(QueryRejected) as raised:
        store.run(QueryRequest("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), limits)
    assert raised.value.status == 403


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_an_error_of_rdflib_s_evaluator_is_a_400(store: LocalStore, timeout: float | None) -> None:
    limits = QueryLimits(max_rows=10, timeout=timeout)
    with pytest.raises(QueryRejected) as raised:
        store.run(QueryRequest("SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999"), limits)
    assert (raised.value.status, raised.value.title) == (400, "Query cannot be evaluated")
    assert "\n" not in raised.value.detail


def test_trusted_query_binds_typed_terms(store: LocalStore) -> None:
    result = store.query(
        "SELECT ?x WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
        {"label": Literal("Testland", lang="en")},
    )
    assert [row[0] for row in result] == [CMR["actor/testland"]]


def test_answer_converts_to_an_rdflib_result() -> None:
    answer = QueryAnswer("SELECT", (Variable("x"),), ({Variable("x"): Literal(1)},))
    result = answer.to_result()
    assert (result.type, result.vars, list(result.bindings)) == (
        "SELECT", [Variable("x")], [{Variable("x"): Literal(1)}]
    )
    assert QueryAnswer("ASK", boolean=False).to_result().askAnswer is False


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_run_keeps_solutions_that_bind_no_variable(
    store: LocalStore, timeout: float | None
) -> None:
    limits = QueryLimits(max_rows=100, timeout=timeout)
    empty_pattern = store.run(QueryRequest("SELECT * WHERE {}"), limits)
    assert (empty_pattern.variables, empty_pattern.rows) == ((), ({},))
    nothing_to_max = QueryRequest("SELECT (MAX(?x) AS ?max) WHERE { ?x <urn:absent> ?y }")
    assert store.run(nothing_to_max, limits).rows == ({},)
    unbound = QueryRequest(
        "SELECT ?x ?y WHERE { VALUES (?x ?y) { (UNDEF UNDEF) (1 UNDEF) (UNDEF UNDEF) } }"
    )
    assert store.run(unbound, limits).rows == ({}, {Variable("x"): Literal(1)}, {})


def test_run_gives_no_group_when_a_grouped_query_matches_nothing(store: LocalStore) -> None:
    # rdflib invents one group binding nothing; SPARQL has no solution, so no group.
    grouped = QueryRequest(
        "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x <urn:absent> ?y } GROUP BY ?x ORDER BY ?x"
    )
    assert store.run(grouped, NO_LIMITS).rows == ()
    in_sub_query = QueryRequest(
        "SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?x <urn:absent> ?y } } }"
    )
    assert store.run(in_sub_query, NO_LIMITS).rows == (
        {Variable("n"): Literal(0)},
    )


def test_answer_from_a_parsed_result_keeps_solutions_that_bind_no_variable() -> None:
    document = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{}, {}]}}'
    result = Result.parse(source=io.BytesIO(document), format="json")
    answer = answer_from_result(result, max_rows=1)
    assert (answer.variables, answer.rows, answer.truncated) == ((Variable("x"),), ({},), True)


def test_answer_from_result_reads_no_more_solutions_than_it_needs() -> None:
    def solutions() -> Iterator[dict[Variable, Literal]]:
        yield {Variable("x"): Literal(1)}
        yield {}
        raise AssertionError("read past max_rows + 1 solutions")

    result = Result("SELECT")
    result.vars = [Variable("x")]
    result.bindings = solutions()  # type: ignore[assignment]
    answer = answer_from_result(result, max_rows=1)
    assert (answer.rows, answer.truncated) == (({Variable("x"): Literal(1)},), True)
