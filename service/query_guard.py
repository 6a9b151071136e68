"""What the public endpoint accepts: read-only queries that make no outbound request.

A query is parsed with rdflib's SPARQL parser before anything runs. Refused:

- SPARQL Update of any kind (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD):
  the endpoint is read-only;
- ``SERVICE`` (anywhere, sub-queries included) unless its endpoint IRI is in the allow-list;
  ``SERVICE ?var`` always;
- fetching a graph from the web for ``FROM``/``FROM NAMED`` or the protocol's
  ``default-graph-uri``/``named-graph-uri``, unless the allow-list names it (rdflib would
  otherwise fetch it). A graph the dataset lacks and the allow-list does not name is an empty
  graph: it adds nothing to the default graph and is not among the named graphs.

Nothing else in rdflib's query evaluation dereferences a URL.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Container, Sequence
from dataclasses import dataclass

from pyparsing import ParseBaseException, ParseResults
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from critmin.service.syntax_position import located_error

QUERY_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


_PARSER_LOCK = threading.Lock()
"""Held while rdflib's (not thread-safe) SPARQL grammar parses: see :func:`parse_query`."""


class QueryRejected(Exception):
    """The query is malformed (400) or not allowed here (403)."""

    def __init__(
        self, status: int, title: str, detail: str, line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[type[QueryRejected], tuple[object, ...]]:
        """Pickled whole, so that a query worker can send it back."""
        return QueryRejected, (self.status, self.title, self.detail, self.line, self.column)


def update_refused() -> QueryRejected:
    """The refusal of any SPARQL Update request."""
    return QueryRejected(
        403, "Read-only endpoint",
        "This endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused.",
    )


def evaluation_failed(error: Exception) -> QueryRejected:
    """A 400 for a query the engine raised on (the query's fault, or a gap in the engine:
    ``LIMIT`` past any index, ``!^ex:p`` paths in rdflib), with the error on one line."""
    reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    return QueryRejected(400, "Query cannot be evaluated", reason)


@dataclass(frozen=True)
class QueryRequest:
    """A query as the endpoint received it, not yet checked: its text, the protocol's
    ``default-graph-uri``/``named-graph-uri`` and the federation allow-list.

    Stores check it (:func:`check_request`) where its time limit holds, since parsing alone
    can take minutes.
    """

    text: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    allowlist: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the guard: its text, its form and rdflib's translation of it."""

    text: str
    form: str
    parsed: Query
    from_graphs: tuple[URIRef, ...]
    from_named_graphs: tuple[URIRef, ...]


@dataclass(frozen=True)
class DatasetSpec:
    """An RDF dataset chosen by the request: a default graph that is the merge of
    ``default_graphs`` (empty when none is named) and the ``named_graphs``.

    ``fetch_remote`` is true when an allow-listed IRI is not a graph of the dataset, so the
    graphs must be dereferenced (rdflib's own FROM handling does it).
    """

    default_graphs: tuple[URIRef, ...]
    named_graphs: tuple[URIRef, ...]
    fetch_remote: bool = False


def _syntax_error(error: ParseBaseException, text: str) -> QueryRejected:
    """A 400 for a parse error of ``text``, with its line and column where the text stops
    making sense (``syntax_position``), not where rdflib's parser backtracked to."""
    with _PARSER_LOCK:
        error = located_error(text, error)
    return QueryRejected(
        400, "Malformed query",
        " ".join(str(error).split()),
        line=error.lineno, column=error.col,
    )


def parse_query(text: str) -> ParseResults:
    """rdflib's parse of a SPARQL query, one thread at a time: its pyparsing grammar is shared
    by every thread and fails at random when two use it at once."""
    with _PARSER_LOCK:
        return parseQuery(text)


def _parse_update(text: str) -> ParseResults:
    with _PARSER_LOCK:
        return parseUpdate(text)


def _parse(text: str) -> Query:
    """``text`` parsed and translated; a 403 when it is an update, a 400 when malformed."""
    try:
        tree = parse_query(text)
    except RecursionError:  # query_shape's depth limit keeps the endpoint's queries from this
        raise QueryRejected(400, "Query too deeply nested", "the parser ran out of stack") from None
    except ParseBaseException as query_error:
        try:
            _parse_update(text)
        except Exception:  # not an update either (ParseBaseException, or one rdflib cannot read)
            raise _syntax_error(query_error, text) from None
        raise update_refused() from None
    except Exception as error:  # rdflib's parser raises on some input ("?s ?p -1.5" TypeError)
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        raise QueryRejected(
            400, "Query cannot be checked", f"rdflib's parser failed on it: {reason}"
        ) from None
    try:
        return translateQuery(tree)
    except ParseBaseException as error:
        raise _syntax_error(error, text) from None
    except Exception as error:  # rdflib reports semantic errors (unknown prefix...) as Exception
        raise QueryRejected(400, "Malformed query", str(error)) from None


def _service_endpoints(parsed: Query) -> list[Identifier]:
    """The endpoint terms of every ``SERVICE`` pattern (IRIs or variables)."""
    found: list[Identifier] = []

    def visit(node: object) -> None:
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            found.append(node.term)

    traverse(parsed.algebra, visitPre=visit)
    return found


def check_query(text: str, allowlist: Collection[str] = ()) -> CheckedQuery:
    """Parse ``text`` and refuse what the endpoint does not run (see the module docstring)."""
    parsed = _parse(text)
    for endpoint in _service_endpoints(parsed):
        if not (isinstance(endpoint, URIRef) and str(endpoint) in allowlist):
            raise QueryRejected(
                403, "Outbound request refused",
                f"SERVICE {endpoint.n3()} is refused: "
                "this endpoint does not query other endpoints unless its federation "
                "allow-list names them.",
            )
    clauses = parsed.algebra.datasetClause or []
    return CheckedQuery(
        text=text,
        form=QUERY_FORMS[parsed.algebra.name],
        parsed=parsed,
        from_graphs=tuple(URIRef(clause.default) for clause in clauses if clause.default),
        from_named_graphs=tuple(URIRef(clause.named) for clause in clauses if clause.named),
    )


def requested_dataset(
    query: CheckedQuery, default_graph_uris: Sequence[str], named_graph_uris: Sequence[str]
) -> DatasetSpec | None:
    """The dataset a request asks for, or ``None`` for the store's default dataset (the union
    of all graphs as default graph, every graph as a named graph).

    The protocol's ``default-graph-uri``/``named-graph-uri`` take precedence over the query's
    ``FROM``/``FROM NAMED`` (SPARQL 1.1 Protocol, section 2.1.4).
    """
    if default_graph_uris or named_graph_uris:
        return DatasetSpec(
            tuple(URIRef(iri) for iri in default_graph_uris),
            tuple(URIRef(iri) for iri in named_graph_uris),
        )
    if query.from_graphs or query.from_named_graphs:
        return DatasetSpec(query.from_graphs, query.from_named_graphs)
    return None


def check_dataset(
    dataset: DatasetSpec, known_graphs: Container[URIRef], allowlist: Collection[str] = ()
) -> DatasetSpec:
    """``dataset`` without the graphs that are neither in ``known_graphs`` nor in the allow-list
    (empty graphs: nothing is fetched for them), marked ``fetch_remote`` when it names an
    allow-listed graph that ``known_graphs`` lacks."""

    def kept(graphs: tuple[URIRef, ...]) -> tuple[URIRef, ...]:
        return tuple(iri for iri in graphs if iri in known_graphs or str(iri) in allowlist)

    default_graphs, named_graphs = kept(dataset.default_graphs), kept(dataset.named_graphs)
    remote = any(iri not in known_graphs for iri in (*default_graphs, *named_graphs))
    return DatasetSpec(default_graphs, named_graphs, fetch_remote=remote)


def check_request(
    request: QueryRequest, known_graphs: Container[URIRef]
) -> tuple[CheckedQuery, DatasetSpec | None]:
    """The checked query of ``request`` and the dataset it asks for (``None``: the store's
    default one); :class:`QueryRejected` when the guard refuses it."""
    checked = check_query(request.text, request.allowlist)
    dataset = requested_dataset(checked, request.default_graph_uris, request.named_graph_uris)
    if dataset is not None:
        dataset = check_dataset(dataset, known_graphs, request.allowlist)
    return checked, dataset
