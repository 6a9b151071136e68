"""The inputs of bench_hostile.py: fuzzed HTTP requests and the runaway queries.

Request ``index`` of a run is built by :func:`fuzz_request` from a random generator seeded with
``seed`` and ``index`` alone, so a run is reproducible and any one request can be rebuilt.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
PREFIXES = (
    "PREFIX cm: <https://w3id.org/critmin/ontology#>\nPREFIX ex: <http://example.org/>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)
SMALL_QUERIES = (
    "ASK { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
    "SELECT ?s ?label WHERE { ?s a cm:Agreement ; <http://www.w3.org/2000/01/rdf-schema#label>"
    " ?label }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s a cm:Agreement ; ?p ?o }",
    "DESCRIBE <https://w3id.org/critmin/id/actor/china>",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
)
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
)
SECOND_RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
    "FILTER(REGEX(STR(?c), STR(?f), 'i')) }"
)
CHEAP = "ASK { ?s ?p ?o }"
SLOW_API = "/api/queries/cq13.json?period=2"
"""A canned query with its broadest parameter: every date starts with 2."""


def slow_to_parse(max_chars: int = 100_000) -> str:
    """``FILTER(1+1+...+1)`` just under ``max_chars``: rdflib's parser takes about 35 s per
    100,000 characters of it (measured here), and no bracket nests deeper than 2."""
    head, tail = "SELECT * WHERE { FILTER(1", ") }"
    return head + "+1" * ((max_chars - len(head) - len(tail)) // 2) + tail


@dataclass(frozen=True)
class FuzzRequest:
    """One HTTP request: ``route`` names what it aims at, ``target`` is path and query string
    (percent-encoded), ``shown`` a short description of the hostile part."""

    route: str
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    shown: str


@dataclass(frozen=True)
class Targets:
    """What the fuzzer aims at: canned query ids with their parameter names, paths of real
    resources under ``/id/``, loopback URLs that SERVICE and FROM may name, and valid queries
    to garble (:func:`valid_queries`)."""

    queries: dict[str, tuple[str, ...]]
    resources: tuple[str, ...]
    loopback: tuple[str, ...]
    valid: tuple[str, ...]


def valid_queries() -> tuple[str, ...]:
    """Queries that parse: the small ones above and every canned query's text."""
    canned = [path.read_text(encoding="utf-8") for path in sorted(QUERIES_DIR.glob("*.rq"))]
    return (*(PREFIXES + text for text in SMALL_QUERIES), *canned)


def _nested(rng: random.Random) -> str:
    depth = rng.choice([5, 19, 20, 21, 26, 60, 400, 5000])
    shape = rng.choice(["(", "{", "[", "open"])
    if shape == "(":
        return f"SELECT * WHERE {{ FILTER({'(' * depth}1{')' * depth}) }}"
    if shape == "{":
        return f"SELECT * WHERE {'{ ' * depth}?s ?p ?o{' }' * depth}"
    if shape == "[":
        return f"SELECT * WHERE {{ ?s ?p {'[ ?p ' * depth}?o{' ]' * depth} }}"
    return "SELECT * WHERE { " + "".join(rng.choice("([{") for _ in range(depth))


def _huge_bounds(rng: random.Random) -> str:
    bound = rng.choice([
        "LIMIT 18446744073709551616", "OFFSET 99999999999999999999999", "LIMIT -1", "LIMIT 0",
        "OFFSET 9223372036854775807 LIMIT 9223372036854775807", "LIMIT 1e9", "LIMIT " + "9" * 5000,
    ])
    return f"SELECT * WHERE {{ ?s ?p ?o }} {bound}"


def _long_filter(rng: random.Random) -> str:
    count = rng.choice([10, 1000, 4000, 9000])
    test = rng.choice(['?o = "v{}"', "?s = <http://example.org/{}>", 'CONTAINS(STR(?o), "{}")',
                       'REGEX(STR(?o), "(a+)+{}$")'])
    terms = " || ".join(test.format(n) for n in range(count))
    return f"SELECT ?s WHERE {{ ?s ?p ?o FILTER({terms}) }} LIMIT 10"


def _odd_terms(rng: random.Random) -> str:
    terms = rng.sample([
        '"a"^^xsd:integer', '"1e999"^^xsd:double', '"x"@en-123456789-abc', "<>", "UNDEF",
        '"2025-13-45"^^xsd:date', '"\\u0000"', "1.5e308", '"""\n"""', "<a:b c>", "_:b0",
        '"x"^^<>', "-0.0", '"999999999999999999999999"^^xsd:long', "<http://[::1]/>",
    ], 4)
    return PREFIXES + f"SELECT * WHERE {{ VALUES ?x {{ {' '.join(terms)} }} }}"


def _path(rng: random.Random) -> str:
    path = rng.choice(["!^ex:p", "!(ex:p|^ex:q)", "(ex:p|^ex:q)*", "ex:p{2,5}", "^^ex:p",
                       "(!ex:p)+/(^!ex:q)*", "!(^ex:p|^ex:q|ex:r)", "((((ex:p)*)*)*)*"])
    return PREFIXES + f"SELECT * WHERE {{ ?s {path} ?o }} LIMIT 100"


def _outbound(rng: random.Random, loopback: tuple[str, ...]) -> str:
    where = rng.choice([*loopback, "http://127.0.0.1:1/", "file:///etc/passwd",
                        "http://169.254.169.254/latest/meta-data/", "gopher://127.0.0.1/"])
    return rng.choice([
        f"SELECT * WHERE {{ SERVICE <{where}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{where}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { BIND(<" + where + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        f"SELECT * FROM <{where}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{where}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"ASK {{ {{ SELECT * WHERE {{ SERVICE <{where}> {{ ?s ?p ?o }} }} }} }}",
    ])


def _update(rng: random.Random) -> str:
    return rng.choice([
        "INSERT DATA { <a:b> <a:c> <a:d> }", "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:1/>", "CLEAR ALL", "DROP GRAPH <a:b>", "CREATE GRAPH <a:b>",
        "WITH <a:b> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "ASK {} ; INSERT DATA {}",
        "COPY DEFAULT TO <a:b>", "LOAD <file:///etc/passwd> INTO GRAPH <a:b>",
    ])


def _random_text(rng: random.Random) -> str:
    alphabet = "SELECT WHERE{}()[]?<>\"'#.;,|^!*+/\\ \n\t\u00e9\u2028\ud7ff\U0001f600"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400)))


def hostile_query(rng: random.Random, targets: Targets) -> bytes:
    """The bytes of a hostile query: a valid query cut or garbled, or one of the shapes above."""
    base = rng.choice(targets.valid).encode("utf-8")
    makers: list[Callable[[], bytes]] = [
        lambda: base[: rng.randrange(len(base))],
        lambda: base,
        lambda: _nested(rng).encode(),
        lambda: _huge_bounds(rng).encode(),
        lambda: _long_filter(rng).encode(),
        lambda: _odd_terms(rng).encode(),
        lambda: _path(rng).encode(),
        lambda: _outbound(rng, targets.loopback).encode(),
        lambda: _update(rng).encode(),
        lambda: rng.randbytes(rng.randrange(1, 2000)),
        lambda: _random_text(rng).encode("utf-8"),
        lambda: _invalid_utf8(rng, base),
        lambda: b"SELECT * WHERE { ?s nope:p ?o . ?s a zz:Thing }",
        lambda: b"ASK { ?s ?p ?o } #" + b"x" * rng.choice([99_900, 100_001, 600_000, 1_100_000]),
    ]
    return rng.choice(makers)()


def _invalid_utf8(rng: random.Random, base: bytes) -> bytes:
    cut = rng.randrange(len(base))
    bad = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xc0\xaf", b"\xf4\x90\x80\x80"])
    return base[:cut] + bad + base[cut:]


ODD_ACCEPT = (
    "*/*", "application/sparql-results+json", "text/csv", "text/html", "application/xml",
    "image/png", "", "text/turtle;q=0.1, */*;q=0", "application/json;q=abc", "a/b/c",
    "*/*;q=1.5", ",,,,", "application/ld+json", "text/tab-separated-values", "x" * 5000,
)
FORM = "application/x-www-form-urlencoded"
WRONG_BODY_TYPES = (
    "text/plain", "application/json", "multipart/form-data; boundary=x",
    "application/sparql-query; charset=latin-1", "application/sparql-query; charset=utf-16",
    f"{FORM}; charset=iso-8859-1", "application/sparql-update", "", "application/sparql-query;;",
)


def _sparql_extras(rng: random.Random, targets: Targets) -> str:
    """Extra protocol parameters, now and then: graphs, formats, a second query, an update."""
    extras = rng.sample([
        f"default-graph-uri={quote(rng.choice([*targets.loopback, 'file:///etc/passwd']))}",
        "named-graph-uri=urn%3Ax", "format=" + rng.choice(["json", "xml", "csv", "nope", "%00"]),
        "query=ASK%7B%7D", "update=CLEAR%20ALL", "format=" + "j" * 3000,
    ], rng.choice([0, 0, 0, 1, 2]))
    return "&".join(extras)


def _sparql_request(rng: random.Random, targets: Targets) -> FuzzRequest:
    raw = hostile_query(rng, targets)
    accept = ("Accept", rng.choice(ODD_ACCEPT))
    extras = _sparql_extras(rng, targets)
    form = "query=" + quote_from_bytes(raw) + (f"&{extras}" if extras else "")
    shown = repr(raw[:80]) + (f" +{len(raw) - 80} bytes" if len(raw) > 80 else "")
    kind = rng.choice(["GET", "GET", "form", "form", "body", "body", "wrong", "method"])
    if kind == "GET":
        return FuzzRequest("/sparql GET", "GET", f"/sparql?{form}", (accept,), b"", shown)
    if kind == "form":
        headers = (accept, ("Content-Type", FORM))
        return FuzzRequest("/sparql POST form", "POST", "/sparql", headers, form.encode(), shown)
    target = "/sparql" + (f"?{extras}" if extras else "")
    if kind == "body":
        headers = (accept, ("Content-Type", "application/sparql-query"))
        return FuzzRequest("/sparql POST query", "POST", target, headers, raw, shown)
    if kind == "wrong":
        media = rng.choice(WRONG_BODY_TYPES)
        body = raw.decode("utf-8", "replace").encode("utf-16") if "utf-16" in media else raw
        headers = (accept, ("Content-Type", media)) if media else (accept,)
        return FuzzRequest("/sparql POST other type", "POST", target, headers, body,
                           f"{media!r} {shown}")
    method = rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND"])
    return FuzzRequest("/sparql other method", method, f"/sparql?{form}", (accept,), raw, shown)


def _odd_value(rng: random.Random) -> bytes:
    return rng.choice([
        b"9" * rng.choice([10, 2000, 2001, 4301]), b"2025-02-30", b"0000-00-00", b"-2025-01-01",
        b"https://w3id.org/critmin/id/actor/china", b"javascript:alert(1)", b"http://x/<script>",
        b"a b", b"", b"x" * 3000, "\u00e9\u2028\U0001f600".encode(), b"\x00", b"\xff\xfe",
        b"1e999", b"NaN", b"2025-10", b"_:b0", b"<urn:x>", b"\"; DROP GRAPH <a:b> #",
    ])


def _api_request(rng: random.Random, targets: Targets) -> FuzzRequest:
    known = list(targets.queries)
    query_id = rng.choice([*known, *known, "nope", "CQ01", "../cq01", "", "cq01.json.csv",
                           "%00", "x" * 500, quote_from_bytes(rng.randbytes(8))])
    extension = rng.choice(["", ".json", ".csv", ".tsv", ".xml", ".", ".JSON"])
    names = [*targets.queries.get(query_id, ()), "nope", "format", "query", ""]
    pairs = [(rng.choice(names), _odd_value(rng)) for _ in range(rng.choice([0, 1, 1, 2, 3]))]
    query = "&".join(quote(name) + "=" + quote_from_bytes(value) for name, value in pairs)
    target = f"/api/queries/{query_id}{extension}" + (f"?{query}" if query else "")
    headers = (("Accept", rng.choice(ODD_ACCEPT)),)
    return FuzzRequest("/api/queries", "GET", target, headers, b"", target[:100])


def _id_request(rng: random.Random, targets: Targets) -> FuzzRequest:
    known = rng.choice(targets.resources) if targets.resources else "actor/china"
    rest = rng.choice([
        known, known + rng.choice([".ttl", ".jsonld", ".nt", ".xml", ".", ".ttl.ttl"]),
        known + "/" + quote_from_bytes(rng.randbytes(6)), quote_from_bytes(rng.randbytes(20)),
        "..%2f..%2fetc%2fpasswd", "", "%00", "a%20b", "x/" * 3000, known + "%0d%0aX-Injected:%201",
        known.upper(), known + "#frag", "actor/%3Cscript%3E", "%ff%fe%fd",
    ])
    headers = (("Accept", rng.choice(ODD_ACCEPT)),)
    return FuzzRequest("/id", "GET", f"/id/{rest}", headers, b"", rest[:100])


def _other_request(rng: random.Random, targets: Targets) -> FuzzRequest:
    path = rng.choice([
        "/", "/ontology", "/health", "/static/", "/static/../../etc/passwd", "/api", "/api/queries",
        "/api/queries/", "/sparql/", "/favicon.ico", "/%00", "//etc/passwd", "/..%2f..%2fetc",
        "/" + quote_from_bytes(rng.randbytes(30)), "/" + "a" * 8000, "/ontology.ttl", "/id",
    ])
    method = rng.choice(["GET", "GET", "GET", "POST", "HEAD", "OPTIONS", "DELETE", "BREW"])
    headers = (("Accept", rng.choice(ODD_ACCEPT)),)
    return FuzzRequest("other paths", method, path, headers, b"", f"{method} {path[:90]}")


def fuzz_request(seed: int, index: int, targets: Targets) -> FuzzRequest:
    """Request ``index`` of the run seeded ``seed``: mostly /sparql, then /api, /id and the rest."""
    rng = random.Random(seed * 1_000_003 + index)
    route = rng.choices([_sparql_request, _api_request, _id_request, _other_request],
                        weights=[55, 20, 15, 10])[0]
    return route(rng, targets)
