"""Hostile input and heavy load on `critmin serve` (issue 9): fuzzing, runaways, redirects,
load and memory.

    python bench/bench_hostile.py [--data FILE] [--fuzz 10000] [--clients 64] [--seconds 60]
                                  [--only SECTION ...]

Starts ``critmin serve --query-timeout 5`` (``--limit``) on a free loopback port, its log in a
file under ``--logs``, and prints, each measured over HTTP:

- fuzz: ``--fuzz`` requests built from a seeded generator (``hostile_inputs``) over /sparql,
  /api/queries, /id and other paths: answers by status, the 500s grouped by the error the
  server logged, the slowest answer, the answers slower than the limit + 1 s, the requests
  left unanswered (socket timeout at the limit + 10 s); those requests whole in
  ``fuzz-failures.txt`` under ``--logs``;
- runaways: four runaway requests at once (a query, a query slow to parse, the slowest page if
  it takes a second alone, else a second runaway query, and a broad canned query), each sent
  again when answered for
  ``--runaway-seconds``, while one client sends a cheap ASK: when each was answered, and the
  cheap query's p50/p99;
- redirects: a second server, whose federation allow-list names two loopback listeners that
  answer every request with a 302 (to a third listener, and to file:///etc/passwd), sent
  SERVICE and FROM queries naming them: the statuses, and the connections the third received;
- load: ``--clients`` clients sending small canned queries in a closed loop for ``--seconds``:
  requests/s, p50/p99/max latency, statuses;
- rss: the summed VmRSS of ``critmin serve`` and its worker processes at start and after each
  section, and its peak during each (with the largest single process), sampled every 0.5 s
  from /proc.

It prints figures and fails on nothing but a server that does not start.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from hostile_inputs import (
    CHEAP,
    RUNAWAY,
    SECOND_RUNAWAY,
    SLOW_API,
    FuzzRequest,
    Targets,
    fuzz_request,
    slow_to_parse,
    valid_queries,
)
from hostile_net import Listener, Outcome, RssSampler, free_port, get, send

BIN = Path(sys.executable).parent
SEED_BUILD = Path(__file__).resolve().parents[1] / "graph" / "seed" / "critmin-seed.trig"
SECTIONS = ("fuzz", "runaways", "redirects", "load", "rss")
LOAD_QUERIES = ("cq07", "cq12", "cq18", "cq20", "cq03", "cq01", "cq08")
RESOURCES_QUERY = """SELECT DISTINCT ?s WHERE {
  VALUES ?class {
    <https://w3id.org/critmin/ontology#State> <https://w3id.org/critmin/ontology#Mineral>
    <https://w3id.org/critmin/ontology#Agreement> <https://w3id.org/critmin/ontology#Control>
  }
  ?s a ?class
} LIMIT 300"""
EXAMPLES = 5


@dataclass(frozen=True)
class Server:
    """A running ``critmin serve``: its port, process and log file."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path


@contextmanager
def critmin_serve(
    args: argparse.Namespace, log: Path, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """``critmin serve`` on ``args.data`` until the block ends, its output in ``log``."""
    port = free_port()
    command = [str(BIN / "critmin"), "serve", "--data", str(args.data), "--port", str(port),
               "--threads", str(args.threads), "--query-timeout", f"{args.limit:g}"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
    try:
        deadline = time.monotonic() + 600
        while get(port, "/health").status != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"critmin serve did not start; see {log}")
            time.sleep(0.3)
        yield Server(port, process, log)
    finally:
        process.terminate()
        process.wait(30)


def sparql_get(query: str) -> str:
    """The /sparql target of a GET of ``query``."""
    return "/sparql?" + urlencode({"query": query})


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def statuses(outcomes: list[Outcome]) -> str:
    """Counts by status, ``none`` for no answer, in status order."""
    counts = Counter("none" if o.status is None else str(o.status) for o in outcomes)
    return ", ".join(f"{status} x{counts[status]}" for status in sorted(counts))


def error_kinds(log: Path) -> dict[str, str]:
    """The kind of error the server's error log gives for each request id it names."""
    text = log.read_text(encoding="utf-8", errors="replace")
    found = re.finditer(r"request (\w{12}) failed on .*?: (QueryFailed: .*?|\w+ at \S+:\d+)"
                        r"(?: \(\d+ times so far;.*)?$", text, re.MULTILINE)
    return {match[1]: match[2] for match in found}


def discover(server: Server) -> Targets:
    """Canned queries with their parameter names and some resource paths, asked of the server."""
    listed, found = get(server.port, "/api/queries"), get(server.port, sparql_get(RESOURCES_QUERY))
    if listed.status != 200 or found.status != 200:
        raise SystemExit(f"cannot list the canned queries ({listed.status}) or the resources "
                         f"({found.status}); see {server.log}")
    listing, found = json.loads(listed.body), json.loads(found.body)
    resources = [row["s"]["value"].split("/id/", 1)[1] for row in found["results"]["bindings"]]
    return Targets(
        queries={q["id"]: tuple(p["name"] for p in q["parameters"]) for q in listing},
        resources=tuple(quote(rest, safe="/") for rest in resources),
        loopback=(f"http://127.0.0.1:{server.port}/sparql", f"http://127.0.0.1:{free_port()}/"),
        valid=valid_queries(),
    )


def fuzz(
    server: Server, targets: Targets, args: argparse.Namespace, logs: Path, sampler: RssSampler
) -> None:
    """Section fuzz: ``args.fuzz`` requests from ``args.fuzz_clients`` threads."""

    def one(index: int) -> tuple[int, FuzzRequest, Outcome]:
        request = fuzz_request(args.seed, index, targets)
        return index, request, send(server.port, request, args.limit + 10)

    started = time.monotonic()
    results: list[tuple[int, FuzzRequest, Outcome]] = []
    memory = [sampler.sample()]
    with ThreadPoolExecutor(args.fuzz_clients) as pool:
        for done, result in enumerate(pool.map(one, range(args.fuzz)), 1):
            results.append(result)
            if done % 1000 == 0:
                memory.append(sampler.sample())
                print(f"  ... {done} fuzzed requests", file=sys.stderr, flush=True)
    outcomes = [outcome for _, _, outcome in results]
    print(f"fuzz: {len(results)} requests (seed {args.seed}, {args.fuzz_clients} clients) in "
          f"{time.monotonic() - started:.1f} s; statuses: {statuses(outcomes)}")
    for route in sorted({request.route for _, request, _ in results}):
        print(f"  {route}: {statuses([o for _, r, o in results if r.route == route])}")
    print(f"  rss before and every 1000 requests: {', '.join(mb(kb) for kb in memory)}")
    _, slow_request, slowest = max(results, key=lambda result: result[2].seconds)
    print(f"  slowest answer: {slowest.seconds:.2f} s ({slow_request.route} {slow_request.shown})"
          f"; median {ms(percentile([o.seconds for o in outcomes], .5))}")
    failed = [result for result in results if result[2].status == 500]
    late = [result for result in results
            if result[2].status is not None and result[2].seconds > args.limit + 1]
    unanswered = [result for result in results if result[2].status is None]
    report_500s(failed, error_kinds(server.log))
    print(f"  answered later than {args.limit + 1:g} s (limit + 1 s): {len(late)}")
    for index, request, outcome in late[:EXAMPLES]:
        print(f"    #{index} {outcome.seconds:.2f} s {outcome.status} {request.route} "
              f"{request.shown}")
    print(f"  no answer (socket timeout {args.limit + 10:g} s or connection error): "
          f"{len(unanswered)}")
    for index, request, outcome in unanswered[:EXAMPLES]:
        print(f"    #{index} {outcome.error} after {outcome.seconds:.2f} s: {request.route} "
              f"{request.shown}")
    if failed or late or unanswered:
        write_inputs(logs / "fuzz-failures.txt", failed + late + unanswered)
        print(f"  their whole requests: {logs / 'fuzz-failures.txt'}")


def report_500s(failed: list[tuple[int, FuzzRequest, Outcome]], kinds: dict[str, str]) -> None:
    """The 500s grouped by the error the server logged for them, with an example of each."""
    by_kind: dict[str, list[tuple[int, FuzzRequest]]] = {}
    for index, request, outcome in failed:
        found = re.search(rb"request id ([0-9a-f]{12})", outcome.body)
        kind = kinds.get(found[1].decode(), "(not in the log)") if found else "(no request id)"
        by_kind.setdefault(kind, []).append((index, request))
    print(f"  500s: {len(failed)}, {len(by_kind)} distinct errors in the server log")
    for kind, examples in list(by_kind.items())[:EXAMPLES]:
        index, request = examples[0]
        print(f"    x{len(examples)} {kind}\n      e.g. #{index} {request.route} "
              f"{request.method} {request.target[:100]} {request.shown}")


def write_inputs(path: Path, results: list[tuple[int, FuzzRequest, Outcome]]) -> None:
    """The requests of ``results`` in full (bodies cut at 2,000 bytes), one block each."""
    with path.open("w", encoding="utf-8") as out:
        for index, request, outcome in results:
            out.write(f"#{index} {request.route}: {outcome.status} {outcome.error} in "
                      f"{outcome.seconds:.2f} s\n{request.method} {request.target[:2000]}\n"
                      f"headers {request.headers!r}\nbody {request.body[:2000]!r}\n"
                      f"answer {outcome.body[:300]!r}\n\n")


def slow_page(server: Server, targets: Targets) -> tuple[str, float]:
    """The slowest resource page (HTML) of ``targets`` and its seconds."""
    timed = [(get(server.port, f"/id/{rest}", "text/html", keep=0).seconds, rest)
             for rest in targets.resources]
    seconds, rest = max(timed)
    return f"/id/{rest}", seconds


def runaways(server: Server, targets: Targets, args: argparse.Namespace) -> None:
    """Section runaways: four runaways at once, and a client sending cheap queries meanwhile."""
    page, page_seconds = slow_page(server, targets)
    query_type = (("Content-Type", "application/sparql-query"),)
    form_type = (("Content-Type", "application/x-www-form-urlencoded"),)
    parse = slow_to_parse()
    third = (FuzzRequest(f"page {page} (HTML)", "GET", page, (("Accept", "text/html"),), b"", "")
             if page_seconds >= 1 else
             FuzzRequest("second runaway query (POST form)", "POST", "/sparql", form_type,
                         urlencode({"query": SECOND_RUNAWAY}).encode(), ""))
    print(f"runaways: the slowest of {len(targets.resources)} pages, {page}, took "
          f"{page_seconds:.2f} s alone" + ("" if page_seconds >= 1 else
                                           "; a second runaway query instead"))
    requests = [
        FuzzRequest("runaway query (GET)", "GET", sparql_get(RUNAWAY), (), b"", ""),
        FuzzRequest(f"slow parse ({len(parse):,} chars, POST)", "POST", "/sparql", query_type,
                    parse.encode(), ""),
        third,
        FuzzRequest(f"canned query {SLOW_API}", "GET", SLOW_API, (), b"", ""),
    ]
    answers: dict[str, list[tuple[float, Outcome]]] = {r.route: [] for r in requests}
    started = time.monotonic()

    def keep_sending(request: FuzzRequest) -> None:
        while (sent := time.monotonic() - started) < args.runaway_seconds:
            answers[request.route].append((sent, send(server.port, request, args.limit + 10)))

    threads = [threading.Thread(target=keep_sending, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    cheap: list[Outcome] = []
    while any(thread.is_alive() for thread in threads):
        cheap.append(get(server.port, sparql_get(CHEAP), timeout=args.limit + 10, keep=0))
    for route, sent in answers.items():
        first = sent[0][1]
        slowest = max(outcome.seconds for _, outcome in sent)
        late = sum(outcome.seconds > args.limit + 1 for _, outcome in sent)
        print(f"  {route}: first answered {first.status} after {first.seconds:.2f} s; "
              f"{len(sent)} sent, {statuses([o for _, o in sent])}, slowest {slowest:.2f} s, "
              f"{late} later than {args.limit + 1:g} s")
    seconds = [o.seconds for o in cheap]
    print(f"  cheap {CHEAP!r} meanwhile: {len(cheap)} answers ({statuses(cheap)}), p50 "
          f"{ms(percentile(seconds, .5))}, p99 {ms(percentile(seconds, .99))}, max "
          f"{ms(max(seconds))}, over {time.monotonic() - started:.1f} s")


def outbound_requests(endpoint: str) -> list[tuple[str, str]]:
    """GETs of /sparql that name ``endpoint`` as a SERVICE, a graph, or a protocol graph."""
    return [
        ("SERVICE", sparql_get(f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}")),
        ("FROM", sparql_get(f"SELECT * FROM <{endpoint}> WHERE {{ ?s ?p ?o }}")),
        ("FROM NAMED",
         sparql_get(f"SELECT * FROM NAMED <{endpoint}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")),
        ("default-graph-uri", sparql_get("SELECT * WHERE { ?s ?p ?o }")
         + "&" + urlencode({"default-graph-uri": endpoint})),
    ]


def redirects(args: argparse.Namespace, logs: Path) -> None:
    """Section redirects: allow-listed endpoints that redirect, and where the requests went."""
    target = Listener(None)
    to_listener, to_file = Listener(target.url), Listener("file:///etc/passwd")
    allowlist = f"{to_listener.url} {to_file.url}"
    print(f"redirects: allow-list {allowlist}; {to_listener.url} answers 302 to {target.url}, "
          f"{to_file.url} 302 to file:///etc/passwd")
    env = {"CRITMIN_FEDERATION_ALLOWLIST": allowlist}
    outcomes: list[Outcome] = []
    with Listener.running(target, to_listener, to_file), \
            critmin_serve(args, logs / "serve-redirects.log", env) as server:
        for endpoint in (to_listener.url, to_file.url):
            for label, target_path in outbound_requests(endpoint):
                outcome = get(server.port, target_path, timeout=args.limit + 10)
                outcomes.append(outcome)
                message = outcome.body.decode("utf-8", "replace").replace("\n", " ")[:150]
                print(f"  {label} <{endpoint}>: {outcome.status} in {outcome.seconds:.2f} s "
                      f"{message}")
    leaked = sum(b"root:" in outcome.body for outcome in outcomes)
    print(f"  requests reaching the redirecting listeners: {to_listener.connections} and "
          f"{to_file.connections}; connections to the redirect target {target.url}: "
          f"{target.connections}; answers holding /etc/passwd lines: {leaked}")


def load(server: Server, args: argparse.Namespace) -> None:
    """Section load: closed-loop clients sending small canned queries."""
    outcomes: list[Outcome] = []
    started = time.monotonic()

    def client(offset: int) -> None:
        sent = offset
        while time.monotonic() - started < args.seconds:
            query_id = LOAD_QUERIES[sent % len(LOAD_QUERIES)]
            outcomes.append(get(server.port, f"/api/queries/{query_id}.json",
                                timeout=args.limit + 10, keep=0))
            sent += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    seconds = [o.seconds for o in outcomes]
    errors = sum(o.status != 200 for o in outcomes)
    print(f"load: {args.clients} clients, {elapsed:.1f} s, canned queries "
          f"{', '.join(LOAD_QUERIES)}: {len(outcomes)} requests, {len(outcomes) / elapsed:.1f} "
          f"req/s; p50 {ms(percentile(seconds, .5))}, p99 {ms(percentile(seconds, .99))}, max "
          f"{ms(max(seconds))}; statuses: {statuses(outcomes)}; errors {errors}")


def measure(args: argparse.Namespace, sections: set[str], logs: Path) -> None:
    """The sections run on one server (all but redirects), with its RSS sampled throughout."""
    rate = {"CRITMIN_RATE_LIMIT": f"{args.rate_limit:g}"}
    with critmin_serve(args, logs / "serve.log", rate) as server, \
            RssSampler.running(server.process.pid) as sampler:
        marks = {"start": sampler.sample()}
        peaks: dict[str, tuple[int, int]] = {}
        targets = discover(server)
        for section in ("fuzz", "runaways", "load"):
            if section not in sections:
                continue
            started = time.monotonic()
            if section == "fuzz":
                fuzz(server, targets, args, logs, sampler)
            elif section == "runaways":
                runaways(server, targets, args)
            else:
                load(server, args)
            peaks[section] = sampler.peak(started)
            marks[f"after {section}"] = sampler.sample()
        shown = ", ".join(f"{name} {mb(kb)}" for name, kb in marks.items())
        during = "".join(f"; during {name} {mb(total)} (largest process {mb(largest)})"
                         for name, (total, largest) in peaks.items())
        print(f"rss (critmin serve and its {sampler.processes() - 1} child processes, sampled "
              f"every {sampler.interval:g} s): {shown}; peak {mb(sampler.peak(0)[0])}{during}")


def main(argv: list[str] | None = None) -> None:
    """Run the sections asked for and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SEED_BUILD, help="dataset file served "
                        "(default: the shipped seed build)")
    parser.add_argument("--limit", type=float, default=5.0, help="critmin serve --query-timeout")
    parser.add_argument("--threads", type=int, default=4, help="critmin serve --threads")
    parser.add_argument("--fuzz", type=int, default=10_000, help="fuzzed requests")
    parser.add_argument("--fuzz-clients", type=int, default=4, help="threads sending them")
    parser.add_argument("--seed", type=int, default=1, help="seed of the fuzzed requests")
    parser.add_argument("--runaway-seconds", type=float, default=8.0,
                        help="how long each runaway is sent again when answered")
    parser.add_argument("--clients", type=int, default=64, help="clients of the load section")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load section")
    parser.add_argument("--rate-limit", type=float, default=0.0,
                        help="CRITMIN_RATE_LIMIT of the server (default 0, none: every client"
                        " here shares one loopback address, which the per-client limit would"
                        " count as one client)")
    parser.add_argument("--only", action="append", choices=SECTIONS,
                        help="run this section only (repeatable; default all)")
    parser.add_argument("--logs", type=Path, help="folder of the server logs (default: a new "
                        "temporary folder)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"no dataset file {args.data}")
    if min(args.fuzz, args.fuzz_clients, args.clients, args.threads) < 1 or min(
        args.limit, args.seconds, args.runaway_seconds
    ) <= 0:
        parser.error("counts must be at least 1, and --limit and the durations positive")
    sections = set(args.only or SECTIONS)
    logs = args.logs or Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    logs.mkdir(parents=True, exist_ok=True)
    print(f"critmin serve --data {args.data} --query-timeout {args.limit:g} --threads "
          f"{args.threads}, CRITMIN_RATE_LIMIT={args.rate_limit:g}; server logs in {logs};"
          f" {os.cpu_count()} CPUs")
    if sections & {"fuzz", "runaways", "load", "rss"}:
        measure(args, sections, logs)
    if "redirects" in sections:
        redirects(args, logs)


if __name__ == "__main__":
    main()
