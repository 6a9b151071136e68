"""Latency and throughput of `critmin serve` on a dataset file, side by side with Oxigraph's own
server on the same file and the same query.

    python bench/bench_service.py --data build/critmin.trig [--clients 8] [--seconds 20]

Prints, each measured over HTTP on loopback, every request but the repeated query's asking
for a fresh answer (``Cache-Control: no-cache``, which critmin's answer cache obeys):
- resource pages: p50 and p99 over every agreement, control, actor and mineral page (at most
  ``--pages``), HTML as a browser asks for it;
- canned queries: the median of three runs of each (``/api/queries/ID.json``);
- throughput: ``--clients`` threads sending one SPARQL query for ``--seconds``, to critmin and
  to ``oxigraph serve-read-only --union-default-graph`` over the same file; then the same with
  a new query each time (a growing ``LIMIT``), which critmin's answer cache has not seen;
- time limit: a runaway query sent while another client sends cheap ASK queries: when the
  runaway was stopped, and the cheap queries' p99 meanwhile.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
PAGE_QUERY = """
SELECT ?page WHERE {
  VALUES ?class {
    <https://w3id.org/critmin/ontology#Agreement> <https://w3id.org/critmin/ontology#Control>
    <https://w3id.org/critmin/ontology#State> <https://w3id.org/critmin/ontology#Mineral>
  }
  ?page a ?class
} ORDER BY ?page"""
THROUGHPUT_QUERY = """
SELECT ?agreement ?party WHERE {
  ?agreement a <https://w3id.org/critmin/ontology#NonBindingAgreement> ;
             <https://w3id.org/critmin/ontology#party> ?party .
} ORDER BY ?agreement ?party LIMIT 100"""
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
)
CHEAP = "ASK { ?s a <https://w3id.org/critmin/ontology#Agreement> }"
TIME_LIMIT = 5.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(
    url: str, accept: str = "application/json", timeout: float = 120.0, fresh: bool = True
) -> tuple[int, bytes]:
    """Status and body of GET ``url``; ``fresh`` asks for an answer made now, not one critmin's
    answer cache kept (``Cache-Control: no-cache``), so that latencies are the work's."""
    headers = {"Accept": accept, **({"Cache-Control": "no-cache"} if fresh else {})}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def sparql_url(endpoint: str, query: str) -> str:
    return f"{endpoint}?{urllib.parse.urlencode({'query': query})}"


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 600.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode}")
        try:
            get(url, timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


@contextmanager
def server(
    command: list[str], probe: str, env: dict[str, str] | None = None
) -> Iterator[float]:
    """Run ``command`` (with ``env`` added to the environment) until the block ends; yields its
    start-up time in seconds."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, **(env or {})})
    try:
        wait_until_up(probe, process)
        yield time.monotonic() - started
    finally:
        process.terminate()
        process.wait(30)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def page_latencies(base: str, limit: int) -> list[float]:
    _, body = get(sparql_url(f"{base}/sparql", PAGE_QUERY))
    pages = [row["page"]["value"] for row in json.loads(body)["results"]["bindings"]][:limit]
    local = [base + "/id/" + page.split("/id/", 1)[1] for page in pages]
    return [timed(lambda url=url: get(url, accept="text/html")) for url in local]


def canned_latencies(base: str) -> dict[str, float]:
    _, body = get(f"{base}/api/queries")
    ids = [query["id"] for query in json.loads(body)]
    return {
        query_id: statistics.median(
            timed(lambda url=f"{base}/api/queries/{query_id}.json": get(url)) for _ in range(3)
        )
        for query_id in ids
    }


def throughput(
    url_of: Callable[[int], str], clients: int, seconds: float, fresh: bool
) -> tuple[float, Counter[int]]:
    """Answers per second and the statuses of the failed requests, ``clients`` threads
    sending GET ``url_of(n)`` for ``seconds``, ``n`` counting the requests (``fresh``: see
    :func:`get`)."""
    done: list[int] = []
    errors: Counter[int] = Counter()
    stop = time.monotonic() + seconds
    numbers = itertools.count()

    def client() -> None:
        while time.monotonic() < stop:
            status, _ = get(url_of(next(numbers)), fresh=fresh)
            if status == 200:
                done.append(1)
            else:
                errors[status] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(done) / seconds, errors


def new_query(number: int) -> str:
    """The throughput query made new: its ``LIMIT`` raised by ``number`` + 1."""
    return THROUGHPUT_QUERY.replace("LIMIT 100", f"LIMIT {101 + number}")


def both_workloads(
    endpoint: str, clients: int, seconds: float
) -> list[tuple[float, Counter[int]]]:
    """:func:`throughput` of the same query sent again and again (critmin's answer cache may
    replay it), then of a new query each time (the same query with a growing ``LIMIT``)."""
    same = sparql_url(endpoint, THROUGHPUT_QUERY)
    return [
        throughput(lambda _: same, clients, seconds, fresh=False),
        throughput(lambda n: sparql_url(endpoint, new_query(n)), clients, seconds, fresh=True),
    ]


def runaway_and_cheap(base: str) -> tuple[int, float, list[float]]:
    """The runaway's status and seconds, and the latencies of cheap queries meanwhile."""
    outcome: list[tuple[int, float]] = []

    def runaway() -> None:
        started = time.monotonic()
        status, _ = get(sparql_url(f"{base}/sparql", RUNAWAY))
        outcome.append((status, time.monotonic() - started))

    thread = threading.Thread(target=runaway)
    thread.start()
    cheap: list[float] = []
    while thread.is_alive():
        cheap.append(timed(lambda: get(sparql_url(f"{base}/sparql", CHEAP))))
    thread.join()
    return outcome[0][0], outcome[0][1], cheap


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="dataset file (.trig or .nq)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each load run")
    parser.add_argument("--pages", type=int, default=200, help="resource pages at most")
    parser.add_argument("--threads", type=int, default=8, help="critmin serve --threads")
    parser.add_argument("--rate-limit", type=float, default=0.0,
                        help="CRITMIN_RATE_LIMIT of the server, requests a second per client "
                             "(default 0, no limit: every client here shares one address)")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "critmin"), "serve", "--data", str(args.data), "--port", str(port),
               "--threads", str(args.threads), "--query-timeout", str(TIME_LIMIT)]
    rate = {"CRITMIN_RATE_LIMIT": f"{args.rate_limit:g}"}
    with server(command, f"{base}/health", rate) as startup:
        _, health = get(f"{base}/health")
        counts = json.loads(health)
        print(f"critmin serve: {counts['quads']} quads, {counts['triples']} distinct triples, "
              f"up in {startup:.1f} s")
        pages = page_latencies(base, args.pages)
        print(f"resource pages ({len(pages)}): p50 {ms(percentile(pages, 0.5))}, "
              f"p99 {ms(percentile(pages, 0.99))}")
        canned = canned_latencies(base)
        slowest = max(canned, key=canned.__getitem__)
        print(f"canned queries ({len(canned)}): median {ms(statistics.median(canned.values()))},"
              f" slowest {slowest} {ms(canned[slowest])}")
        for query_id, seconds in sorted(canned.items()):
            print(f"  {query_id:11} {ms(seconds)}")
        critmin_rates = both_workloads(f"{base}/sparql", args.clients, args.seconds)
        status, stopped_after, cheap = runaway_and_cheap(base)
        print(f"runaway query: {status} after {stopped_after:.2f} s (limit {TIME_LIMIT:g} s); "
              f"{len(cheap)} cheap queries meanwhile, p50 {ms(percentile(cheap, 0.5))}, "
              f"p99 {ms(percentile(cheap, 0.99))}")

    with tempfile.TemporaryDirectory(prefix="bench-oxigraph-") as location:
        subprocess.run([str(BIN / "oxigraph"), "load", "--location", location, "--file",
                        str(args.data)], check=True, capture_output=True)
        oxigraph_port = free_port()
        endpoint = f"http://127.0.0.1:{oxigraph_port}/query"
        command = [str(BIN / "oxigraph"), "serve-read-only", "--location", location,
                   "--bind", f"127.0.0.1:{oxigraph_port}", "--union-default-graph"]
        with server(command, sparql_url(endpoint, CHEAP)):
            oxigraph_rates = both_workloads(endpoint, args.clients, args.seconds)
    for workload, (critmin_rate, critmin_errors), (oxigraph_rate, oxigraph_errors) in zip(
        ("one query, sent again and again", "a new query each time"),
        critmin_rates, oxigraph_rates, strict=True,
    ):
        print(f"throughput, {args.clients} clients, {args.seconds:g} s, {workload}: critmin "
              f"{critmin_rate:.1f} req/s (errors {dict(critmin_errors)}), oxigraph "
              f"serve-read-only {oxigraph_rate:.1f} req/s (errors {dict(oxigraph_errors)}), "
              f"ratio {critmin_rate / oxigraph_rate:.2f}")


if __name__ == "__main__":
    main()
