"""Benchmark: how fast the canned queries answer on a dataset, in process and over HTTP.

Usage: python bench/bench_queries.py [--data FILE] [--store oxigraph|rdflib] [--in-memory]
[--workers N] [--repeat N] [--clients C]

Runs every canned query ``--repeat`` times through ``catalogue.run`` and prints the median
time of each, the median over all and the slowest. By default the Oxigraph store is the one
``critmin serve`` runs: on disk, each query answered by a query worker process under the
default time limit (``--workers`` of them); ``--in-memory`` times Oxigraph in this process's
memory instead, and ``--store rdflib`` rdflib's store. Then, unless ``--clients`` is 0, it
starts the real server (waitress, loopback, free port) on the same store and sends the
`agreements` table through /api/queries from ``--clients`` concurrent clients, printing the
median and 95th-percentile latency and whether every answer was the same.
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
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.query_process import QueryTimeout
from critmin.service.server import start_in_thread
from critmin.service.store import Store
from critmin.service.store_choice import STORE_KINDS, open_store

REPO = Path(__file__).resolve().parents[1]


def timed(action) -> float:
    """Milliseconds one call of ``action`` takes."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def count(minimum: int):
    """An argparse type: an integer of at least ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is less than {minimum}")
        return value
    return parse


def opened(args: argparse.Namespace) -> tuple[Store, str]:
    """The store to time, and how it runs (for the report)."""
    if args.store == "oxigraph" and not args.in_memory:
        timeout = Settings().query_timeout
        store = OxigraphStore.from_file(args.data, workers=args.workers, timeout=timeout)
        return store, f"oxigraph on disk, {args.workers} query worker(s), {timeout:g} s limit"
    store = open_store(Settings(data_file=str(args.data), store=args.store, query_timeout=None))
    return store, f"{args.store} in memory"


def time_queries(store: Store, repeat: int) -> None:
    """Print each canned query's median time, then the median over all and the slowest."""
    medians = []
    for query in load_catalogue().values():
        times = []
        for _ in range(repeat):
            try:
                times.append(timed(lambda q=query: list(run(q, store, {}))))
            except QueryTimeout:
                times.append(float("inf"))
        medians.append(statistics.median(times))
        print(f"{query.id:>10}: median {medians[-1]:7.1f} ms", flush=True)
    print(f"median over the {len(medians)} queries: {statistics.median(medians):.1f} ms, "
          f"slowest {max(medians):.1f} ms")


def time_http(store: Store, clients: int, repeat: int) -> None:
    """Send `agreements.csv` ``clients * repeat`` times from ``clients`` threads; print the
    latencies and whether every answer was the same."""
    server, thread = start_in_thread(create_app(store), host="127.0.0.1", port=0)
    url = f"{server.url}/api/queries/agreements.csv"
    try:
        def fetch(_: int) -> tuple[float, bytes]:
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=60) as response:
                body = response.read()
            return (time.perf_counter() - started) * 1000, body

        requests = clients * repeat
        with ThreadPoolExecutor(max_workers=clients) as pool:
            answers = list(pool.map(fetch, range(requests)))
    finally:
        server.stop()
        thread.join(timeout=10)
    latencies = sorted(ms for ms, _ in answers)
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    same = len({body for _, body in answers}) == 1
    print(
        f"HTTP agreements.csv, {clients} clients, {requests} requests: "
        f"median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, identical answers: {same}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "graph" / "seed" / "critmin-seed.trig")
    parser.add_argument("--repeat", type=count(1), default=5)
    parser.add_argument("--clients", type=count(0), default=8,
                        help="concurrent HTTP clients; 0 skips the HTTP part")
    parser.add_argument("--store", choices=STORE_KINDS, default=STORE_KINDS[0])
    parser.add_argument("--in-memory", action="store_true",
                        help="Oxigraph in this process's memory, not on disk behind a worker")
    parser.add_argument("--workers", type=count(1), default=1,
                        help="query worker processes of the on-disk store (default 1)")
    args = parser.parse_args()
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # queueing is the point here
    print(f"loading {args.data} ...", flush=True)
    store, how = opened(args)
    try:
        print(f"dataset: {args.data.name}, {store.stats().triples} triples, {how}", flush=True)
        time_queries(store, args.repeat)
        if args.clients:
            time_http(store, args.clients, args.repeat)
    finally:
        if isinstance(store, OxigraphStore):
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
