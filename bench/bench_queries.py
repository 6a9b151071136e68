"""Benchmark: how fast the canned queries answer on a dataset, in process and over HTTP.

Usage: python bench/bench_queries.py [--data FILE] [--store oxigraph|rdflib] [--repeat N]
[--clients C]

Runs every canned query ``--repeat`` times on the embedded store (Oxigraph in memory, or
rdflib's) and prints the median time of each, and the median over all; then starts the real
server (waitress, loopback, free port) and sends the `agreements`
table through /api/queries from ``--clients`` concurrent clients, printing the median and
95th-percentile latency and whether every answer was the same.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from critmin.service.app import create_app
from critmin.service.catalogue import load_catalogue, run
from critmin.service.config import Settings
from critmin.service.server import start_in_thread
from critmin.service.store_choice import STORE_KINDS, open_store

REPO = Path(__file__).resolve().parents[1]


def timed(action) -> float:
    """Milliseconds one call of ``action`` takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "graph" / "seed" / "critmin-seed.trig")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--store", choices=STORE_KINDS, default=STORE_KINDS[0])
    args = parser.parse_args()
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # queueing is the point here
    store = open_store(Settings(data_file=str(args.data), store=args.store, query_timeout=None))
    catalogue = load_catalogue()
    print(f"dataset: {args.data.name}, {store.stats().triples} triples, {args.store} store")
    medians = []
    for query in catalogue.values():
        times = [timed(lambda q=query: list(run(q, store, {}))) for _ in range(args.repeat)]
        medians.append(statistics.median(times))
        print(f"{query.id:>10}: median {medians[-1]:7.1f} ms")
    print(f"median over the {len(medians)} queries: {statistics.median(medians):.1f} ms, "
          f"slowest {max(medians):.1f} ms")

    server, thread = start_in_thread(create_app(store), host="127.0.0.1", port=0)
    url = f"{server.url}/api/queries/agreements.csv"
    try:
        def fetch(_: int) -> tuple[float, bytes]:
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=60) as response:
                body = response.read()
            return (time.perf_counter() - started) * 1000, body

        requests = args.clients * args.repeat
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            answers = list(pool.map(fetch, range(requests)))
    finally:
        server.stop()
        thread.join(timeout=10)
    latencies = sorted(ms for ms, _ in answers)
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    same = len({body for _, body in answers}) == 1
    print(
        f"HTTP agreements.csv, {args.clients} clients, {requests} requests: "
        f"median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, identical answers: {same}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
