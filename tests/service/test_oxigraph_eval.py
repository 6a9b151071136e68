"""The Oxigraph evaluator: answers, and the guard's verdicts it remembers."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Variable

from critmin.service import oxigraph_eval
from critmin.service.oxigraph_eval import Evaluator, QueryTask
from critmin.service.query_guard import QueryRejected, QueryRequest

EX = "https://example.org/"


def small_store() -> ox.Store:
    """Two triples in the default graph."""
    store = ox.Store()
    for name in ("a", "b"):
        store.add(ox.Quad(ox.NamedNode(EX + name), ox.NamedNode(EX + "p"), ox.Literal(name)))
    return store


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the guard is asked to check, as the evaluator calls it."""
    checked: list[str] = []
    real_check = oxigraph_eval.check_request

    def check(request: QueryRequest, known_graphs: object) -> object:
        checked.append(request.text)
        return real_check(request, known_graphs)

    monkeypatch.setattr(oxigraph_eval, "check_request", check)
    return checked


@pytest.fixture
def evaluator() -> Evaluator:
    """An evaluator over :func:`small_store`."""
    return Evaluator(small_store())


def test_a_request_asked_again_is_answered_without_a_second_check(
    evaluator: Evaluator, checked: list[str]
) -> None:
    query = f"# 'from' sends it to the guard\nSELECT ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?o"
    answers = [evaluator.evaluate(QueryTask(request=QueryRequest(query))) for _ in range(3)]
    rows = [[str(row[Variable("o")]) for row in answer.unpack().rows] for answer in answers]
    assert rows == [["a", "b"]] * 3
    assert checked == [query]


def test_a_query_that_stays_in_the_store_is_not_checked(
    evaluator: Evaluator, checked: list[str]
) -> None:
    query = f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY DESC(?o)"
    answer = evaluator.evaluate(QueryTask(request=QueryRequest(query))).unpack()
    assert [str(row[Variable("o")]) for row in answer.rows] == ["b", "a"]
    assert checked == []


def test_a_malformed_query_gets_the_guards_answer_with_its_place(
    evaluator: Evaluator, checked: list[str]
) -> None:
    query = "SELECT ?o WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}"
    with pytest.raises(QueryRejected) as refused:
        evaluator.evaluate(QueryTask(request=QueryRequest(query)))
    assert (refused.value.status, refused.value.title) == (400, "Malformed query")
    assert refused.value.line == 3
    assert checked == [query]


def test_a_request_naming_a_dataset_is_always_checked(
    evaluator: Evaluator, checked: list[str]
) -> None:
    query = "SELECT ?o WHERE { ?s ?p ?o }"
    request = QueryRequest(query, default_graph_uris=(f"{EX}g",))
    answer = evaluator.evaluate(QueryTask(request=request)).unpack()
    assert answer.rows == ()
    assert checked == [query]


def test_a_refused_request_is_checked_and_refused_each_time(
    evaluator: Evaluator, checked: list[str]
) -> None:
    update = f"INSERT DATA {{ <{EX}a> <{EX}p> 'c' }}"
    for _ in range(2):
        with pytest.raises(QueryRejected) as refused:
            evaluator.evaluate(QueryTask(request=QueryRequest(update)))
        assert refused.value.status == 403
    assert checked == [update, update]
