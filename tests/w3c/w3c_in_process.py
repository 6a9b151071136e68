"""Count the W3C query-evaluation tests pyoxigraph passes in process, with no endpoint between.

Usage: python tests/w3c/w3c_in_process.py [--failures]

The engine's own figure, to set against the endpoint's (``w3c_report.py``): each test's
``qt:data`` goes into the store's true default graph and each ``qt:graphData`` file into a
named graph, the query runs with ``Store.query``, and its answer is serialised by pyoxigraph
in the format the endpoint would send and compared by the same code as the endpoint's
answers. A test the endpoint fails and this passes is critmin's failure, not the engine's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from w3c_compare import difference
from w3c_harness import MEDIA_TYPES_BY_SUFFIX, Outcome, is_ordered
from w3c_manifest import SUITE_DIR, QueryTest, file_iri, query_evaluation_tests
from w3c_results import read_answer_file, read_csv, read_srj, read_tsv

RESULT_FORMATS = {
    "text/csv": (ox.QueryResultsFormat.CSV, read_csv),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, read_tsv),
}


def _load(store: ox.Store, path: Path, graph: ox.NamedNode | ox.DefaultGraph) -> None:
    store.load(
        path=path, format=ox.RdfFormat.from_extension(path.suffix[1:]),
        base_iri=str(file_iri(SUITE_DIR, path)), to_graph=graph,
    )


def outcome(test: QueryTest) -> Outcome:
    """Run ``test`` on pyoxigraph in process and compare its answer with the expected one."""
    store = ox.Store()
    for path in test.data:
        _load(store, path, ox.DefaultGraph())
    for path in test.graph_data:
        _load(store, path, ox.NamedNode(str(file_iri(SUITE_DIR, path))))
    expected = read_answer_file(test.result, str(file_iri(SUITE_DIR, test.result)))
    query_text = test.query.read_text(encoding="utf-8")
    try:
        result = store.query(query_text, base_iri=str(file_iri(SUITE_DIR, test.query)))
    except (SyntaxError, OSError) as error:
        return Outcome(False, f"error: {error}")
    if isinstance(result, ox.QueryBoolean):
        actual: object = bool(result)
    elif isinstance(result, ox.QuerySolutions):
        media_type = MEDIA_TYPES_BY_SUFFIX.get(test.result.suffix)
        results_format, reader = RESULT_FORMATS.get(
            media_type or "", (ox.QueryResultsFormat.JSON, read_srj)
        )
        body = result.serialize(format=results_format)
        actual = reader(body) if reader is read_srj else reader(body.decode("utf-8"))
    else:
        body = result.serialize(format=ox.RdfFormat.N_TRIPLES)
        actual = Graph().parse(data=body.decode("utf-8"), format="nt")
    detail = difference(expected, actual, ordered=is_ordered(query_text))  # type: ignore[arg-type]
    return Outcome(detail is None, detail or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list each failing test")
    args = parser.parse_args(argv)
    tests = query_evaluation_tests()
    outcomes = {test.name: outcome(test) for test in tests}
    passed = sum(result.passed for result in outcomes.values())
    print(f"pyoxigraph {ox.__version__} in process: {passed} of {len(tests)} passed")
    if args.failures:
        for name, result in outcomes.items():
            if not result.passed:
                print(f"- {name}: {result.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
