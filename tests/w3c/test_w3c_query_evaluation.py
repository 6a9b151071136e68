"""The W3C SPARQL 1.1 query-evaluation tests, through critmin's endpoint, on every store.

One test per W3C test and store (``rdflib:aggregates/agg01``); the known failures
(``w3c_known_failures``) are strict xfails, so a new failure and a new pass both fail the run.
Skipped where ``../shared/w3c-sparql11`` is absent.
"""

from __future__ import annotations

import pytest
from w3c_harness import STORE_CONFIGS, EndpointRunner
from w3c_in_process import outcome as in_process_outcome
from w3c_known_failures import CAUSES, OXIGRAPH_CAUSES, PASS_FLOORS, expected_failures
from w3c_manifest import SUITE_DIR, query_evaluation_tests

if not SUITE_DIR.is_dir():
    pytest.skip(
        f"the W3C SPARQL 1.1 test suite is not at {SUITE_DIR}", allow_module_level=True
    )

TESTS = query_evaluation_tests(SUITE_DIR)
STORES = sorted(STORE_CONFIGS)


def _cases() -> list:
    cases = []
    for store in STORES:
        failures = expected_failures(store)
        for test in TESTS:
            marks = (
                [pytest.mark.xfail(reason=failures[test.name], strict=True)]
                if test.name in failures else []
            )
            cases.append(pytest.param(store, test, id=f"{store}:{test.name}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def runners(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EndpointRunner]:
    """A runner per store, each writing its dataset files in a folder of its own."""
    return {
        store: EndpointRunner(tmp_path_factory.mktemp(f"w3c-{store}"), STORE_CONFIGS[store])
        for store in STORES
    }


@pytest.mark.parametrize(("store", "test"), _cases())
def test_query_evaluation(runners: dict[str, EndpointRunner], store: str, test) -> None:
    outcome = runners[store].outcome(test)
    assert outcome.passed, f"{test.title}: {outcome.detail}"


@pytest.mark.parametrize("store", STORES)
def test_pass_count_stays_above_its_floor(
    runners: dict[str, EndpointRunner], store: str
) -> None:
    passed = sum(runners[store].outcome(test).passed for test in TESTS)
    assert store in PASS_FLOORS, f"no pass floor for {store}: {passed} tests pass"
    assert passed >= PASS_FLOORS[store]


def test_the_endpoint_fails_no_test_that_pyoxigraph_passes_in_process(
    runners: dict[str, EndpointRunner],
) -> None:
    engine_passes = {test.name for test in TESTS if in_process_outcome(test).passed}
    endpoint_passes = {test.name for test in TESTS if runners["oxigraph"].outcome(test).passed}
    assert sorted(engine_passes - endpoint_passes) == []
    assert len(engine_passes) >= PASS_FLOORS["oxigraph"]


def test_the_suite_has_235_query_evaluation_tests() -> None:
    assert len(TESTS) == 235
    assert len({test.name for test in TESTS}) == 235
    folders = {test.folder for test in TESTS}
    assert folders == {
        "aggregates", "bind", "bindings", "cast", "construct", "exists", "functions",
        "grouping", "negation", "project-expression", "property-path", "subquery",
        "csv-tsv-res", "json-res",
    }


def test_known_failures_name_tests_of_the_suite() -> None:
    names = {test.name for test in TESTS}
    for causes in (CAUSES, OXIGRAPH_CAUSES):
        for store in STORE_CONFIGS:
            listed = [
                name for cause in causes if cause.holds_for(store) for name in cause.tests
            ]
            assert sorted(set(listed) - names) == []
            assert len(listed) == len(set(listed)), f"a test is listed twice for {store}"
