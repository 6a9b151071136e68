"""The embedded default store: a dataset file loaded into Oxigraph, queried under a time limit.

The file is bulk-loaded once. Without a time limit the store lives in memory and queries run
in the calling thread. With one, it is written to an on-disk store in a temporary folder that
a pool of worker processes opens read-only (``query_workers``): every query, the service's own
(canned queries, resource pages) as well as the endpoint's, is answered by a worker that is
killed when the limit passes.

The default graph of every query is the union of the named graphs, as the service's contract
says, unless the request names a dataset of its own. Oxigraph's own union default graph keeps
a triple once per graph that holds it, so the merge (each triple once) is written into the
store's default graph when the file is loaded.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.graph.rdf.dataset import dataset_format
from critmin.graph.rdf.manifest import Manifest
from critmin.service.oxigraph_eval import Evaluator, QueryTask
from critmin.service.query_guard import QueryRequest
from critmin.service.query_workers import WorkerPool
from critmin.service.store import (
    DataFileError,
    QueryAnswer,
    QueryLimits,
    StoreStats,
    check_loaded,
    checked_data_file,
)

_REASON_CHARS = 300
_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}

_UNION_SIZE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


class OxigraphStore:
    """A read-only dataset in Oxigraph; see the module docstring.

    ``timeout`` limits the service's own queries (:meth:`query`); the endpoint's queries
    (:meth:`run`) get the limit of their request. Both need ``pool`` to be enforced.
    """

    def __init__(
        self,
        store: ox.Store,
        pool: WorkerPool | None = None,
        timeout: float | None = None,
        folder: tempfile.TemporaryDirectory[str] | None = None,
    ) -> None:
        self._evaluator = Evaluator(store)
        self._pool = pool
        self._timeout = timeout
        self._folder = folder
        self._stats = _read_stats(store)

    @classmethod
    def from_file(
        cls, path: Path, workers: int = 0, timeout: float | None = None
    ) -> OxigraphStore:
        """Load a dataset file, TriG or N-Quads; with ``workers`` > 0, on disk for that many
        query worker processes. DataFileError if it is missing or cannot be parsed."""
        manifest = checked_data_file(path)
        rdf_format = _FORMATS[dataset_format(path)]
        if workers < 1:
            return cls(_loaded(ox.Store(), path, rdf_format, manifest), timeout=timeout)
        folder = tempfile.TemporaryDirectory(prefix="critmin-store-")
        try:
            _loaded(ox.Store(folder.name), path, rdf_format, manifest).flush()
            reader = ox.Store.read_only(folder.name)
            pool = WorkerPool(Path(folder.name), workers)
        except BaseException:
            folder.cleanup()
            raise
        return cls(reader, pool, timeout, folder)

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> OxigraphStore:
        """An in-memory store of an rdflib dataset (no time limit): for tests and tools."""
        store = ox.Store()
        store.load(dataset.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
        return cls(_with_merged_default_graph(store))

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        task = QueryTask(sparql, tuple((bindings or {}).items()))
        return self._answer(task, self._timeout).to_result()

    def run(self, request: QueryRequest, limits: QueryLimits) -> QueryAnswer:
        return self._answer(QueryTask(request=request, max_rows=limits.max_rows), limits.timeout)

    @property
    def folder(self) -> Path | None:
        """Where the on-disk copy for the query workers lives (``None`` in memory)."""
        return None if self._folder is None else Path(self._folder.name)

    def graph_names(self) -> frozenset[URIRef]:
        return frozenset(self._stats.graph_sizes)

    def stats(self) -> StoreStats:
        return self._stats

    def close(self) -> None:
        """Stop the worker processes and remove the on-disk copy (nothing to do in memory)."""
        if self._pool is not None:
            self._pool.close()
        if self._folder is not None:
            self._folder.cleanup()

    def _answer(self, task: QueryTask, timeout: float | None) -> QueryAnswer:
        """``task`` answered by a worker under ``timeout``, or here when there is no limit."""
        if timeout is None or self._pool is None:
            return self._evaluator.evaluate(task).unpack()
        return self._pool.submit(task, timeout)


def _loaded(
    store: ox.Store, path: Path, rdf_format: ox.RdfFormat, manifest: Manifest | None
) -> ox.Store:
    """``store`` with the file at ``path`` bulk-loaded; DataFileError when it does not parse,
    holds nothing, or holds other counts than its ``manifest``."""
    try:
        store.bulk_load(path=str(path), format=rdf_format)
    except (SyntaxError, ValueError, OSError) as error:
        reason = " ".join(str(error).split())[:_REASON_CHARS] or type(error).__name__
        raise DataFileError(
            f"cannot parse {path} as {dataset_format(path)}: {reason}"
        ) from error
    check_loaded(path, manifest, len(store), sum(1 for _ in store.named_graphs()))
    return _with_merged_default_graph(store)


def _with_merged_default_graph(store: ox.Store) -> ox.Store:
    """``store`` with every triple of its named graphs also in its default graph (one bulk
    write from a snapshot of the store: many smaller writes take ten times longer)."""
    store.bulk_extend(
        ox.Quad(quad.subject, quad.predicate, quad.object)
        for quad in store.quads_for_pattern(None, None, None)
        if not isinstance(quad.graph_name, ox.DefaultGraph)
    )
    return store


def _read_stats(store: ox.Store) -> StoreStats:
    """Distinct triples of the union graph and the size of each named graph."""
    union = next(iter(store.query(_UNION_SIZE)))
    sizes = {
        URIRef(row["g"].value): int(row["n"].value) for row in store.query(_GRAPH_SIZES)
    }
    return StoreStats(triples=int(union["n"].value), graph_sizes=sizes)
