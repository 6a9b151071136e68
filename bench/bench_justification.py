"""Benchmark: what justifying inferred facts costs a resource page, on a dataset file.

Usage: python bench/bench_justification.py --data FILE [--store oxigraph|rdflib] [--pages N]

Loads the file as the service does (Oxigraph with two query workers and the default time
limit, or rdflib's store), reads the ontology's axioms once (printing how long that took),
then for every agreement, control, state and mineral page (at most ``--pages``) times the
whole HTML page (in process, Flask's test client) and, apart, the justification of its
inferred facts (``justify_resource``: its three queries and the rules). Prints p50 and p99 of
each and the slowest justification.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_service import PAGE_QUERY, percentile
from rdflib import URIRef

from critmin.graph.base.namespaces import CMR
from critmin.graph.owl.justify import justify_resource, read_schema
from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore, Store


def open_store(path: Path, kind: str) -> Store:
    if kind == "rdflib":
        return LocalStore.from_file(path)
    return OxigraphStore.from_file(path, workers=2, timeout=Settings().query_timeout)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="dataset file (.trig or .nq)")
    parser.add_argument("--store", choices=("oxigraph", "rdflib"), default="oxigraph")
    parser.add_argument("--pages", type=int, default=200, help="resource pages at most")
    args = parser.parse_args()
    store = open_store(args.data, args.store)
    try:
        started = time.perf_counter()
        schema = read_schema(store)
        print(f"axioms read once: {ms(time.perf_counter() - started)}")
        iris = [URIRef(row.page) for row in store.query(PAGE_QUERY)][: args.pages]
        client = create_app(store, {"TESTING": True}, settings=Settings()).test_client()
        pages, justifications, found = [], [], []
        for iri in iris:
            started = time.perf_counter()
            assert client.get("/id/" + iri.removeprefix(str(CMR))).status_code == 200
            pages.append(time.perf_counter() - started)
            started = time.perf_counter()
            found.append(len(justify_resource(store, iri, schema)))
            justifications.append(time.perf_counter() - started)
        slowest = max(range(len(iris)), key=justifications.__getitem__)
        print(f"{args.store}, {len(iris)} pages: whole page p50 {ms(percentile(pages, 0.5))}, "
              f"p99 {ms(percentile(pages, 0.99))}; justifications alone p50 "
              f"{ms(percentile(justifications, 0.5))}, p99 {ms(percentile(justifications, 0.99))}"
              f"; {sum(found)} facts justified")
        print(f"slowest justification: {iris[slowest]} ({found[slowest]} facts, "
              f"{ms(justifications[slowest])})")
    finally:
        store.close()


if __name__ == "__main__":
    main()
