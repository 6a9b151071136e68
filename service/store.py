"""Where the service reads its triples from: a small interface so that other stores can slot in.

Three stores implement it: ``OxigraphStore`` (the default: a dataset file in Oxigraph, in
``oxigraph_store``), :class:`LocalStore` (a dataset file in rdflib's memory, the reference
engine) and ``RemoteStore`` (any SPARQL 1.1 endpoint, in ``remote_store``). ``query`` is for
the service's own trusted queries (canned queries, resource pages); ``run`` is for queries
from the public endpoint: each store checks them with ``query_guard`` inside the request's
time limit (rdflib's parser alone can take minutes on a crafted query), then runs them over the
request's dataset.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import Dataset, Graph, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier, Node

from critmin.graph.base.namespaces import bind_prefixes
from critmin.graph.rdf.dataset import DatasetFormatError, dataset_format, read_dataset
from critmin.graph.rdf.manifest import Manifest, ManifestError, check_counts, check_manifest
from critmin.service.dataset_view import restricted_dataset
from critmin.service.outbound import refuse_redirects_in_this_process
from critmin.service.query_guard import (
    DatasetSpec,
    QueryRejected,
    QueryRequest,
    check_request,
    evaluation_failed,
)
from critmin.service.query_process import run_with_time_limit
from critmin.service.select_star import star_order

_REASON_CHARS = 300  # enough of a parser's message to find the error, on one line

Triple = tuple[Node, Node, Node]


class DataFileError(ValueError):
    """A dataset file is missing or cannot be parsed (the message says which and why)."""


def checked_data_file(path: Path) -> Manifest | None:
    """The manifest of the dataset file at ``path`` (``None`` for a file critmin did not
    write), checked; DataFileError if the path is no file, or the file was cut or changed."""
    if path.is_dir():
        raise DataFileError(f"data file {path} is a folder; give the dataset file in it")
    if not path.is_file():
        raise DataFileError(f"data file {path} does not exist")
    try:
        dataset_format(path)
        return check_manifest(path)
    except (DatasetFormatError, ManifestError) as error:
        raise DataFileError(str(error)) from None


def check_loaded(path: Path, manifest: Manifest | None, quads: int, graphs: int) -> None:
    """DataFileError if the file at ``path`` held no quad, or other counts than its manifest."""
    if quads == 0:
        raise DataFileError(f"data file {path} holds no triples (build it: critmin build)")
    if manifest is not None:
        try:
            check_counts(path, manifest, quads, graphs)
        except ManifestError as error:
            raise DataFileError(str(error)) from None


class StoreError(Exception):
    """The store could not answer (a remote endpoint failed or is unreachable)."""


@dataclass(frozen=True)
class QueryLimits:
    """``max_rows`` solutions (or triples) at most; ``timeout`` seconds at most, or none."""

    max_rows: int
    timeout: float | None


@dataclass(frozen=True)
class StoreStats:
    """How much the dataset holds: ``triples``, the distinct triples of the default graph (the
    union: a triple held by two graphs counts once), and the size of each named graph."""

    triples: int
    graph_sizes: Mapping[URIRef, int]

    @property
    def quads(self) -> int:
        """Triples counted per named graph that holds them (what the dataset file lists and
        ``critmin build`` writes); at least :attr:`triples`."""
        return sum(self.graph_sizes.values())


@dataclass(frozen=True)
class QueryAnswer:
    """A query's answer as plain values (picklable, so a child process can send it)."""

    form: str
    variables: tuple[Variable, ...] = ()
    rows: tuple[dict[Variable, Identifier], ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()
    truncated: bool = False

    def to_result(self) -> Result:
        """The answer as an rdflib Result, ready for rdflib's result serializers."""
        result = Result(self.form)
        if self.form == "SELECT":
            result.vars = list(self.variables)
            result.bindings = list(self.rows)
        elif self.form == "ASK":
            result.askAnswer = self.boolean
        else:
            result.graph = self.graph()
        return result

    def graph(self) -> Graph:
        """The triples of a CONSTRUCT or DESCRIBE answer, with critmin's prefixes bound."""
        graph = Graph()
        bind_prefixes(graph)
        for triple in self.triples:
            graph.add(triple)
        return graph


def _solutions(result: Result) -> Iterator[Mapping[Variable, Identifier]]:
    """Every solution of a SELECT ``result``, those that bind no variable too.

    Iterating an rdflib Result drops the solutions that bind nothing (``SELECT * {}`` has
    one, ``SELECT (MAX(?x) AS ?m) {}`` too), and its ``bindings`` evaluates all solutions
    first; the Result of a query keeps them as a generator until then, which this reads
    lazily. Without that generator (an answer parsed from a remote store) ``bindings`` is
    a list already.
    """
    pending = getattr(result, "_genbindings", None)
    return iter(result.bindings) if pending is None else pending


def answer_from_result(result: Result, max_rows: int) -> QueryAnswer:
    """Take at most ``max_rows`` solutions or triples from ``result`` (lazily, for SELECT)."""
    if result.type == "ASK":
        return QueryAnswer("ASK", boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        variables = tuple(result.vars or ())
        taken = list(itertools.islice(_solutions(result), max_rows + 1))
        rows = tuple(
            {name: term for name in variables if (term := row.get(name)) is not None}
            for row in taken[:max_rows]
        )
        return QueryAnswer("SELECT", variables, rows, truncated=len(taken) > max_rows)
    triples = sorted(result.graph or ())
    return QueryAnswer(
        result.type, triples=tuple(triples[:max_rows]), truncated=len(triples) > max_rows
    )


class Store(Protocol):
    """A read-only SPARQL view of a critmin dataset whose default graph is the union."""

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        """Run a trusted SPARQL query; ``bindings`` are typed RDF terms bound to its variables."""
        ...

    def run(self, request: QueryRequest, limits: QueryLimits) -> QueryAnswer:
        """Check a query from the endpoint and run it over the dataset it asks for, both within
        ``limits``; QueryRejected when the guard refuses it or it cannot be evaluated."""
        ...

    def graph_names(self) -> frozenset[URIRef]:
        """The names of the dataset's named graphs."""
        ...

    def stats(self) -> StoreStats:
        """How many triples and graphs the dataset holds."""
        ...

    def close(self) -> None:
        """Release what the store holds (worker processes, files); nothing for most stores."""
        ...


_SOLUTION_MODIFIERS = frozenset(
    ("Project", "Slice", "Distinct", "Reduced", "OrderBy", "Filter", "Extend")
)
"""Algebra operators between a query and its own GROUP BY (``Filter`` is HAVING)."""


def _groups_explicitly(query: Query) -> bool:
    """Whether ``query`` itself (not a sub-query) has a GROUP BY clause."""
    node = query.algebra.p
    while isinstance(node, CompValue) and node.name in _SOLUTION_MODIFIERS:
        node = node.p
    return (
        isinstance(node, CompValue) and node.name == "AggregateJoin"
        and node.p.expr is not None
    )


def _without_invented_group(answer: QueryAnswer, query: Query) -> QueryAnswer:
    """``answer`` without the solution binding nothing that rdflib gives a GROUP BY query
    when no solution matches (it should give none: no solution, no group)."""
    if answer.rows == ({},) and _groups_explicitly(query):
        return dataclasses.replace(answer, rows=())
    return answer


def _with_dataset_clause(query: Query, dataset: DatasetSpec | None) -> Query:
    """``query`` with its FROM/FROM NAMED replaced by ``dataset``'s (none when ``None``)."""
    algebra = query.algebra.clone()
    algebra["datasetClause"] = None if dataset is None else [
        *(CompValue("DatasetClause", default=iri) for iri in dataset.default_graphs),
        *(CompValue("DatasetClause", named=iri) for iri in dataset.named_graphs),
    ]
    return Query(query.prologue, algebra)


def _reaching_out(task: Callable[[], QueryAnswer]) -> QueryAnswer:
    """``task()`` with redirects refused by urllib, in the child process that runs it."""
    refuse_redirects_in_this_process()
    return task()


class LocalStore:
    """A dataset file loaded into rdflib's in-memory store (the embedded default).

    The time limit of :meth:`run` is enforced by evaluating the query in a forked child
    process that is killed at the limit (see ``query_process``); without a limit the query
    runs in the calling thread. :meth:`query` (trusted queries) has no time limit.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_file(cls, path: Path) -> LocalStore:
        """Load a dataset file, TriG (``.trig``) or N-Quads (``.nq``), as ``critmin build``
        writes it (``graph.dataset.read_dataset``)."""
        manifest = checked_data_file(path)
        try:
            dataset = read_dataset(path)
        except Exception as error:  # rdflib's parsers raise all kinds on a bad file
            # (BadSyntax, ParserError, ValueError; IndexError on a TriG file cut short)
            reason = " ".join(str(error).split())[:_REASON_CHARS] or type(error).__name__
            raise DataFileError(
                f"cannot parse {path} as {dataset_format(path)}: {reason}"
            ) from error
        sizes = [
            len(graph) for graph in dataset.graphs()
            if graph.identifier != DATASET_DEFAULT_GRAPH_ID and len(graph)
        ]
        check_loaded(path, manifest, sum(sizes), len(sizes))
        return cls(dataset)

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        result = self.dataset.query(sparql, initBindings=bindings or {})
        if result.type == "SELECT":
            result.vars = list(star_order(sparql, result.vars or ()))
        return result

    def run(self, request: QueryRequest, limits: QueryLimits) -> QueryAnswer:
        """A query that may reach out (the allow-list names endpoints) always runs in a child
        process, which refuses redirects (``outbound``); others only under a time limit."""
        task = functools.partial(self._evaluate, request, limits.max_rows)
        if request.allowlist:
            task = functools.partial(_reaching_out, task)
        elif limits.timeout is None:
            return task()
        return run_with_time_limit(task, limits.timeout, expected=(QueryRejected,))

    def _evaluate(self, request: QueryRequest, max_rows: int) -> QueryAnswer:
        query, dataset = check_request(request, self.graph_names())
        try:
            if dataset is None:
                result = self.dataset.query(query.parsed)
            elif dataset.fetch_remote:  # allow-listed graphs: rdflib's FROM fetches them
                result = self.dataset.query(_with_dataset_clause(query.parsed, dataset))
            else:
                view = restricted_dataset(
                    self.dataset, dataset.default_graphs, dataset.named_graphs
                )
                result = view.query(_with_dataset_clause(query.parsed, None))
            answer = answer_from_result(result, max_rows)
        except Exception as error:  # rdflib's evaluator raises all kinds, even bare Exception
            raise evaluation_failed(error) from None
        in_order = dataclasses.replace(answer, variables=star_order(query.text, answer.variables))
        return _without_invented_group(in_order, query.parsed)

    def graph_names(self) -> frozenset[URIRef]:
        return frozenset(self.stats().graph_sizes)

    def stats(self) -> StoreStats:
        sizes = {
            URIRef(graph.identifier): len(graph)
            for graph in self.dataset.graphs()
            if graph.identifier != DATASET_DEFAULT_GRAPH_ID
        }
        return StoreStats(triples=len(self.dataset), graph_sizes=sizes)

    def close(self) -> None:
        """Nothing to release: the dataset is freed with the store."""
