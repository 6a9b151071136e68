"""Evaluate one query on an Oxigraph store and return its answer as plain rdflib values.

This is what a query worker process runs (``query_workers``), and what the store runs in its
own process when there is no time limit. The guard's check of an endpoint request (rdflib's
parser) and Oxigraph's parsing happen here too, so the time limit covers them.
"""

from __future__ import annotations

import functools
import itertools
import re
import urllib.request
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef, Variable
from rdflib.term import Identifier

from critmin.service.outbound import NO_REDIRECTS
from critmin.service.oxigraph_terms import OxTerm, PackedTerm, from_oxigraph, pack, unpack
from critmin.service.query_guard import DatasetSpec, QueryRejected, QueryRequest, check_request
from critmin.service.query_prescreen import stays_in_dataset
from critmin.service.select_star import star_order
from critmin.service.sparql_bindings import with_bindings
from critmin.service.store import QueryAnswer

_FETCH_SECONDS = 30
_GRAPH_FORM = re.compile(r"\b(?:CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_GRAPH_MEDIA_TYPES = "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.8"


@dataclass(frozen=True)
class QueryTask:
    """One query for an Oxigraph store, picklable so that a worker process can take it.

    Either a trusted query of the service (``text`` with typed ``bindings`` for its variables,
    over the store's default graph: the merge of all graphs, see ``oxigraph_store``) or a
    ``request`` from the endpoint, checked by the guard where it runs. ``max_rows`` cuts the
    answer (``None``: all of it).
    """

    text: str = ""
    bindings: tuple[tuple[str, Identifier], ...] = ()
    request: QueryRequest | None = None
    max_rows: int | None = None


class _NamedGraphs:
    """The store's named graphs, as the guard asks about them (``iri in graphs``)."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store

    def __contains__(self, iri: object) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(str(iri)))


GUARD_VERDICTS_KEPT = 256
"""How many endpoint requests an :class:`Evaluator` remembers the guard's verdict on."""


class Evaluator:
    """Evaluates tasks on one read-only Oxigraph store.

    A request that names no dataset and whose text cannot name another endpoint or graph
    (``query_prescreen``) goes to Oxigraph unchecked; the guard sees it only if Oxigraph
    refuses it, to say why. Of the others, it remembers the guard's verdict on the last
    :data:`GUARD_VERDICTS_KEPT` requests it passed: rdflib's parse takes about 15 ms even
    for a short query, and the same queries come again and again (dashboards, pagers). The
    verdict depends only on the request and the store's named graphs, which a read-only store
    never changes.
    """

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._verdict = functools.lru_cache(maxsize=GUARD_VERDICTS_KEPT)(self._check)

    def evaluate(self, task: QueryTask) -> PackedAnswer:
        """The answer of ``task``; QueryRejected when the guard refuses the request or
        Oxigraph cannot parse the query."""
        dataset: DatasetSpec | None = None
        request = task.request
        unchecked = request is not None and _stays_in_store(request)
        if request is None:
            text = with_bindings(task.text, dict(task.bindings))
        else:
            text = request.text
            if not unchecked:
                dataset = self._verdict(request)
        try:
            target, options = _dataset_options(self.store, dataset)
            result = target.query(text, **options)
            return _answer(result, task.max_rows, _graph_form(text), text)
        except SyntaxError as error:
            if unchecked:  # the guard's refusal (an update, a 400 that says where) if it has one
                self._verdict(request)  # type: ignore[arg-type]
            raise QueryRejected(400, "Malformed query", " ".join(str(error).split())) from None
        except RuntimeError as error:  # what Oxigraph cannot evaluate (an unknown function)
            reason = " ".join(str(error).split())[:300]
            raise QueryRejected(400, "Query cannot be evaluated", reason) from None
        except (OSError, ValueError) as error:  # a graph or SERVICE endpoint that failed
            reason = " ".join(str(error).split())[:300]
            raise QueryRejected(502, "Remote source failed", reason) from None

    def _check(self, request: QueryRequest) -> DatasetSpec | None:
        """The guard's verdict: the dataset the request asks for (a refusal raises, and is not
        remembered)."""
        return check_request(request, _NamedGraphs(self.store))[1]


def _stays_in_store(request: QueryRequest) -> bool:
    """Whether ``request`` may skip the guard: it names no dataset and its text can name no
    other endpoint or graph (``query_prescreen``)."""
    return (
        not request.default_graph_uris
        and not request.named_graph_uris
        and stays_in_dataset(request.text)
    )


def _graph_form(text: str) -> str:
    """What a graph answer to ``text`` is called: ``DESCRIBE`` when that keyword comes before
    any ``CONSTRUCT``, else ``CONSTRUCT``."""
    first = _GRAPH_FORM.search(text)
    return "DESCRIBE" if first is not None and first.group().upper() == "DESCRIBE" else "CONSTRUCT"


def _dataset_options(
    store: ox.Store, dataset: DatasetSpec | None
) -> tuple[ox.Store, dict[str, Any]]:
    """The store to query and the options that make its dataset the one requested."""
    if dataset is None:  # the store's default graph holds the merge of the named graphs
        return store, {}
    named = [ox.NamedNode(str(iri)) for iri in dataset.named_graphs]
    if len(dataset.default_graphs) > 1 or dataset.fetch_remote:
        return _scratch_dataset(store, dataset), {"named_graphs": named}
    default = [ox.NamedNode(str(iri)) for iri in dataset.default_graphs]
    return store, {"default_graph": default, "named_graphs": named}


def _scratch_dataset(store: ox.Store, dataset: DatasetSpec) -> ox.Store:
    """A store whose default graph is the merge of ``dataset``'s default graphs (each triple
    once: Oxigraph's own list of default graphs keeps a triple once per graph) and whose named
    graphs are ``dataset``'s. Graphs the store lacks are fetched from the web; the query guard
    let only allow-listed ones through (``query_guard.check_dataset``)."""
    scratch = ox.Store()
    for iri in dict.fromkeys((*dataset.default_graphs, *dataset.named_graphs)):
        graph = ox.NamedNode(str(iri))
        if store.contains_named_graph(graph):
            scratch.extend(store.quads_for_pattern(None, None, None, graph))
        else:
            scratch.load(*_fetch_graph(iri), to_graph=graph)
    for iri in dataset.default_graphs:
        scratch.extend(
            ox.Quad(quad.subject, quad.predicate, quad.object)
            for quad in scratch.quads_for_pattern(None, None, None, ox.NamedNode(str(iri)))
        )
    return scratch


def _fetch_graph(iri: URIRef) -> tuple[bytes, ox.RdfFormat]:
    """The body of the RDF document at ``iri`` and its format (from the media type)."""
    request = urllib.request.Request(str(iri), headers={"Accept": _GRAPH_MEDIA_TYPES})
    with NO_REDIRECTS.open(request, timeout=_FETCH_SECONDS) as response:
        media_type = response.headers.get_content_type()
        body = response.read()
    rdf_format = ox.RdfFormat.from_media_type(media_type)
    if rdf_format is None:
        raise ValueError(f"{iri} answered {media_type}, which is not an RDF format")
    return body, rdf_format


@dataclass(frozen=True)
class PackedAnswer:
    """A QueryAnswer as a worker sends it: each distinct term packed once (``terms``), and the
    rows and triples as indexes into them (``None`` for an unbound value)."""

    form: str
    variables: tuple[str, ...] = ()
    terms: tuple[PackedTerm, ...] = ()
    rows: tuple[tuple[int | None, ...], ...] = ()
    triples: tuple[tuple[int, int, int], ...] = ()
    boolean: bool | None = None
    truncated: bool = False

    def unpack(self) -> QueryAnswer:
        """The QueryAnswer: each distinct term made an rdflib term once."""
        terms = [unpack(term) for term in self.terms]
        if self.form == "ASK":
            return QueryAnswer("ASK", boolean=self.boolean)
        if self.form == "SELECT":
            variables = tuple(Variable(name) for name in self.variables)
            rows = tuple(
                {
                    variable: terms[index]
                    for variable, index in zip(variables, row, strict=True)
                    if index is not None
                }
                for row in self.rows
            )
            return QueryAnswer("SELECT", variables, rows, truncated=self.truncated)
        triples = tuple(
            (terms[s], terms[p], terms[o]) for s, p, o in self.triples  # type: ignore[misc]
        )
        return QueryAnswer(self.form, triples=triples, truncated=self.truncated)


class _TermTable:
    """The distinct terms of one answer, packed, each with its index."""

    def __init__(self) -> None:
        self.index: dict[OxTerm, int] = {}
        self.packed: list[PackedTerm] = []

    def __call__(self, term: OxTerm | None) -> int | None:
        if term is None:
            return None
        found = self.index.get(term)
        if found is None:
            found = self.index[term] = len(self.packed)
            self.packed.append(pack(term))
        return found

    def row(self, values: tuple[OxTerm | None, ...], columns: list[int]) -> tuple[int | None, ...]:
        """The indexes of a solution's ``values`` (all of them at once: a tuple of a solution
        costs two thirds of reading its values one by one), taken in ``columns`` order."""
        return tuple(self(values[column]) for column in columns)


def _answer(result: object, max_rows: int | None, form: str, text: str) -> PackedAnswer:
    """Oxigraph's result as a PackedAnswer of at most ``max_rows`` rows or triples; ``form``
    names a graph answer (``CONSTRUCT`` or ``DESCRIBE``); the columns of ``SELECT *`` in the
    order ``text`` first shows them (Oxigraph sorts them by name)."""
    if isinstance(result, ox.QueryBoolean):
        return PackedAnswer("ASK", boolean=bool(result))
    table = _TermTable()
    if isinstance(result, ox.QuerySolutions):
        engine_order = [variable.value for variable in result.variables]
        variables = star_order(text, engine_order)
        columns = [engine_order.index(name) for name in variables]
        taken = list(itertools.islice(result, _past_limit(max_rows)))
        rows = tuple(table.row(tuple(solution), columns) for solution in taken[: max_rows])
        return PackedAnswer(
            "SELECT", variables, tuple(table.packed), rows, truncated=len(taken) > len(rows)
        )
    triples = sorted(  # in rdflib's order of terms, as the other stores cut them
        ((t.subject, t.predicate, t.object) for t in result),  # type: ignore[attr-defined]
        key=lambda triple: tuple(from_oxigraph(term) for term in triple),
    )
    kept = tuple(
        (table(s), table(p), table(o)) for s, p, o in triples[: max_rows]
    )
    return PackedAnswer(
        form, terms=tuple(table.packed), triples=kept,  # type: ignore[arg-type]
        truncated=len(triples) > len(kept),
    )


def _past_limit(max_rows: int | None) -> int | None:
    """How many solutions to take to know whether there are more than ``max_rows``."""
    return None if max_rows is None else max_rows + 1
