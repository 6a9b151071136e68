"""The hostile-use benchmark's inputs: reproducible fuzzed requests over every route, and a
query slow to parse that the endpoint's size and depth checks let through."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

from critmin.service.query_shape import check_shape, nesting_depth

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def inputs(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # the bench scripts import each other by name
    return importlib.import_module("hostile_inputs")


@pytest.fixture
def targets(inputs: ModuleType) -> object:
    return inputs.Targets(
        queries={"cq02": ("actor", "year"), "agreements": ()},
        resources=("actor/china", "doc/abc"),
        loopback=("http://127.0.0.1:9/sparql",),
        valid=inputs.valid_queries(),
    )


def test_same_seed_same_requests_other_seed_others(inputs: ModuleType, targets: object):
    first = [inputs.fuzz_request(7, index, targets) for index in range(300)]
    assert first == [inputs.fuzz_request(7, index, targets) for index in range(300)]
    assert first != [inputs.fuzz_request(8, index, targets) for index in range(300)]


def test_requests_reach_every_route(inputs: ModuleType, targets: object):
    requests = [inputs.fuzz_request(1, index, targets) for index in range(1000)]
    assert {request.route for request in requests} == {
        "/sparql GET", "/sparql POST form", "/sparql POST query", "/sparql POST other type",
        "/sparql other method", "/api/queries", "/id", "other paths",
    }
    assert all(request.target.startswith("/") for request in requests)
    assert all(value.isascii() for request in requests for _, value in request.headers)


def test_valid_queries_include_every_canned_query(inputs: ModuleType):
    canned = sorted((BENCH.parent / "queries").glob("*.rq"))
    assert len(inputs.valid_queries()) == len(inputs.SMALL_QUERIES) + len(canned)


def test_slow_parse_query_passes_the_size_and_depth_checks(inputs: ModuleType):
    query = inputs.slow_to_parse(100_000)
    assert 99_990 < len(query) <= 100_000
    assert nesting_depth(query) == 2
    check_shape(query, 100_000, 20)  # raises QueryRejected if refused before parsing
    assert query.startswith("SELECT * WHERE { FILTER(1+1+1") and query.endswith("+1) }")
