"""Running the W3C query-evaluation tests through critmin's SPARQL endpoint.

For each test: its data goes into a dataset file (TriG) that the service serves; the
query is POSTed to ``/sparql`` of the Flask app (``create_app``, the real WSGI app, through
its test client) asking for SPARQL Results JSON (SELECT, ASK), N-Triples (CONSTRUCT,
DESCRIBE), or CSV or TSV where the test expects them; the answer is parsed and compared with
the expected result (``w3c_results``, ``w3c_compare``).

- critmin's dataset file holds named graphs only (its default graph is their union), so a
  test's default graph (``qt:data``, merged) is the named graph :data:`DEFAULT_GRAPH`, and each
  ``qt:graphData`` file is a named graph named by the file's IRI. The request names the test's
  RDF dataset as the protocol allows: ``default-graph-uri`` :data:`DEFAULT_GRAPH` and a
  ``named-graph-uri`` per ``qt:graphData`` file, unless the query has its own ``FROM`` or
  ``FROM NAMED`` (which the tests use to choose their dataset themselves). An empty dataset
  file holds one triple in :data:`PLACEHOLDER_GRAPH` instead, as critmin serves no empty file.
- A query's relative IRIs resolve against the query file's IRI (the suite's convention);
  the protocol carries no base IRI, so the query is sent with a ``BASE`` line in front.
- Data files are converted to TriG by pyoxigraph, which keeps literals' lexical forms and
  renames blank nodes apart (an RDF merge).
- One app serves every test, with the store of each test's dataset in turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
from flask import Flask
from flask.testing import FlaskClient
from pyparsing import ParseBaseException
from rdflib import Graph, URIRef
from rdflib.plugins.sparql.parser import parseQuery
from w3c_compare import difference
from w3c_manifest import SUITE_DIR, QueryTest, file_iri
from w3c_results import Answer, read_answer_file, read_csv, read_srj, read_tsv

from critmin.service import store_choice
from critmin.service.app import create_app
from critmin.service.config import STORE_KEY, Settings
from critmin.service.store import Store

STORE_CONFIGS: Mapping[str, Mapping[str, Any]] = {
    "oxigraph": {"store": "oxigraph", "query_timeout": None},
    "rdflib": {"store": "rdflib"},
}
"""The stores the tests run on, by name: the settings that select each (added to the app's).
Oxigraph runs without a time limit here, so in memory and without worker processes: one
store per test dataset, opened as ``critmin serve`` opens it (``store_choice.open_store``)."""

DEFAULT_GRAPH = URIRef("urn:x-critmin-w3c:default-graph")
"""The named graph that holds a test's default graph."""

PLACEHOLDER_GRAPH = URIRef("urn:x-critmin-w3c:placeholder")
"""The graph of the one triple a test's empty dataset file holds (critmin serves no empty file);
no test's dataset names it."""

JSON_RESULTS = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
MEDIA_TYPES_BY_SUFFIX = {".csv": "text/csv", ".tsv": "text/tab-separated-values"}
"""The format asked for when the test expects a result in that format (else JSON)."""


@dataclass(frozen=True)
class Outcome:
    """Whether a test passed, and if not why (one line)."""

    passed: bool
    detail: str = ""


def dataset_trig(test: QueryTest, suite_dir: Path = SUITE_DIR) -> str:
    """A test's dataset as TriG (see the module docstring)."""
    parsed: dict[Path, list[pyoxigraph.Triple]] = {}

    def triples(path: Path) -> list[pyoxigraph.Triple]:
        if path not in parsed:  # a file both in qt:data and qt:graphData keeps its blank nodes
            parsed[path] = [
                quad.triple for quad in pyoxigraph.parse(
                    path=path, base_iri=str(file_iri(suite_dir, path)), rename_blank_nodes=True
                )
            ]
        return parsed[path]

    graphs = [(DEFAULT_GRAPH, test.data)]
    graphs += [(file_iri(suite_dir, path), (path,)) for path in test.graph_data]
    quads = [
        pyoxigraph.Quad(triple.subject, triple.predicate, triple.object,
                        pyoxigraph.NamedNode(str(name)))
        for name, paths in graphs for path in paths for triple in triples(path)
    ]
    if not quads:  # critmin refuses an empty data file; the request's dataset leaves this out
        quads = [pyoxigraph.Quad(*(pyoxigraph.NamedNode(str(PLACEHOLDER_GRAPH)),) * 4)]
    return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG).decode("utf-8")


def is_ordered(query_text: str) -> bool:
    """Whether the query's solutions are in the order of an ORDER BY (of the query itself,
    not of a sub-query); ``False`` for a query that does not parse."""
    try:
        tree = parseQuery(query_text)
    except ParseBaseException:
        return False
    return "orderby" in tree[1]


def has_dataset_clause(query_text: str) -> bool:
    """Whether the query names its own dataset (``FROM``, ``FROM NAMED``); ``False`` for a
    query that does not parse."""
    try:
        tree = parseQuery(query_text)
    except ParseBaseException:
        return False
    return "datasetClause" in tree[1]


def protocol_dataset(test: QueryTest, query_text: str, suite_dir: Path = SUITE_DIR) -> dict[
    str, list[str]
]:
    """The protocol parameters that name ``test``'s RDF dataset (none when the query names
    its own)."""
    if has_dataset_clause(query_text):
        return {}
    return {
        "default-graph-uri": [str(DEFAULT_GRAPH)],
        "named-graph-uri": [str(file_iri(suite_dir, path)) for path in test.graph_data],
    }


def read_response(media_type: str, body: bytes) -> Answer:
    """The answer in an endpoint's response of ``media_type``."""
    if media_type == JSON_RESULTS:
        return read_srj(body)
    if media_type == "text/csv":
        return read_csv(body.decode("utf-8"))
    if media_type == "text/tab-separated-values":
        return read_tsv(body.decode("utf-8"))
    if media_type == N_TRIPLES:
        return Graph().parse(data=body.decode("utf-8"), format="nt")
    raise ValueError(f"unexpected answer type {media_type}")


def open_store(data_file: Path, store_config: Mapping[str, Any]) -> tuple[Store, Settings]:
    """The store for ``data_file`` with ``store_config``'s settings, opened as ``critmin
    serve`` opens it, and those settings."""
    settings = Settings(data_file=str(data_file)).replace(store_config)
    return store_choice.open_store(settings), settings


class EndpointRunner:
    """Runs tests through the endpoint over one store (``STORE_CONFIGS``' settings for it),
    writing dataset files in ``work_dir``; remembers each test's outcome.

    Creating an app takes seconds (it parses every canned query), so one app serves every
    test, its store (``app.extensions[STORE_KEY]``) being the store of the test's dataset.
    """

    def __init__(
        self, work_dir: Path, store_config: Mapping[str, Any], suite_dir: Path = SUITE_DIR
    ) -> None:
        self.work_dir = work_dir
        self.store_config = store_config
        self.suite_dir = suite_dir
        self._app: Flask | None = None
        self._stores: dict[tuple[tuple[Path, ...], tuple[Path, ...]], Store] = {}
        self._outcomes: dict[str, Outcome] = {}

    def _client(self, test: QueryTest) -> FlaskClient:
        """A test client of the app, serving the test's dataset."""
        key = (test.data, test.graph_data)
        if key not in self._stores:
            data_file = self.work_dir / f"dataset-{len(self._stores)}.trig"
            data_file.write_text(dataset_trig(test, self.suite_dir), encoding="utf-8")
            store, settings = open_store(data_file, self.store_config)
            self._stores[key] = store
            if self._app is None:
                self._app = create_app(store, {"TESTING": True}, settings=settings)
        assert self._app is not None
        self._app.extensions[STORE_KEY] = self._stores[key]
        return self._app.test_client()

    def outcome(self, test: QueryTest) -> Outcome:
        """Run ``test`` (once) and compare its answer with the expected one."""
        if test.name not in self._outcomes:
            self._outcomes[test.name] = self._run(test)
        return self._outcomes[test.name]

    def _run(self, test: QueryTest) -> Outcome:
        expected = read_answer_file(test.result, str(file_iri(self.suite_dir, test.result)))
        query_text = (
            f"BASE <{file_iri(self.suite_dir, test.query)}>\n"
            + test.query.read_text(encoding="utf-8")
        )
        accept = MEDIA_TYPES_BY_SUFFIX.get(
            test.result.suffix, N_TRIPLES if isinstance(expected, Graph) else JSON_RESULTS
        )
        response = self._client(test).post(
            "/sparql", query_string=protocol_dataset(test, query_text, self.suite_dir),
            data=query_text.encode("utf-8"),
            content_type="application/sparql-query", headers={"Accept": accept},
        )
        if response.status_code != 200:
            error = (response.get_json(silent=True) or {}).get("error", {})
            return Outcome(False, f"HTTP {response.status_code}: {error.get('message', '')}")
        try:
            actual = read_response(response.mimetype, response.get_data())
        except (ValueError, SyntaxError) as error:
            return Outcome(False, f"unreadable {response.mimetype} answer: {error}")
        detail = difference(expected, actual, ordered=is_ordered(query_text))
        return Outcome(detail is None, detail or "")
