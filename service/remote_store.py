"""A store that queries any SPARQL 1.1 endpoint (Fuseki, GraphDB, Virtuoso, Oxigraph server,
Neptune...) through SPARQLWrapper, read-only.

Queries are sent as POST ``query=`` forms; the request's dataset goes as ``default-graph-uri``/
``named-graph-uri`` (a dataset of no graph as :data:`EMPTY_GRAPH`). The time limit is the HTTP
client's: past it, critmin stops waiting and answers 503, but the remote store may go on
working unless it has a limit of its own. At most
``max_rows`` solutions are kept, but the remote store still computes and sends them all: give
it a result limit of its own too. Trusted queries with ``bindings`` get them as ``VALUES``
blocks in their groups (``sparql_bindings``), which bind them as rdflib's ``initBindings``
does for the local store.
"""

from __future__ import annotations

import functools
import io
import time
import urllib.error

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from critmin.service.query_guard import (
    QUERY_FORMS,
    DatasetSpec,
    QueryRejected,
    QueryRequest,
    check_dataset,
    check_query,
    parse_query,
    requested_dataset,
)
from critmin.service.query_process import QueryTimeout, run_with_time_limit
from critmin.service.sparql_bindings import with_bindings
from critmin.service.sparql_formats import graph_format_of
from critmin.service.store import (
    QueryAnswer,
    QueryLimits,
    StoreError,
    StoreStats,
    answer_from_result,
)

# One triple of a named graph, and whether the default graph holds it too.
_SAMPLE_QUERY = (
    "SELECT (EXISTS { ?s ?p ?o } AS ?inDefault) WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"
)
UNION_DEFAULT_GRAPH_HINT = (
    "start the store with the union of its graphs as default graph (oxigraph serve "
    "--union-default-graph; Fuseki: tdb2:unionDefaultGraph true)"
)

EMPTY_GRAPH = "urn:x-critmin:empty-graph"
"""A graph no store holds, named as the default graph of a request's empty dataset."""


class RemoteStore:
    """A read-only store over the SPARQL 1.1 endpoint at ``endpoint``."""

    def __init__(self, endpoint: str, timeout: float | None = None) -> None:
        self.endpoint = endpoint
        self.timeout = timeout

    def _request(self, sparql: str, dataset: DatasetSpec | None, graph_answer: bool,
                 timeout: float | None) -> tuple[bytes, str]:
        """POST ``sparql`` to the endpoint: the response body and its media type; a past
        ``timeout`` is :class:`QueryTimeout`, any other failure :class:`StoreError`."""
        client = SPARQLWrapper(self.endpoint)
        client.setMethod(POST)
        client.setQuery(sparql)
        client.setReturnFormat(TURTLE if graph_answer else JSON)
        if timeout is not None:
            client.setTimeout(max(1, round(timeout)))
        if dataset is not None and not (dataset.default_graphs or dataset.named_graphs):
            client.addDefaultGraph(EMPTY_GRAPH)  # naming no graph would ask for the whole store
        for iri in dataset.default_graphs if dataset else ():
            client.addDefaultGraph(str(iri))
        for iri in dataset.named_graphs if dataset else ():
            client.addNamedGraph(str(iri))
        try:
            response = client.query().response
            media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
            return response.read(), media_type
        except TimeoutError as error:
            raise QueryTimeout(timeout or 0) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise QueryTimeout(timeout or 0) from error
            raise StoreError(f"the SPARQL endpoint {self.endpoint} failed: {error}") from error
        except SPARQLWrapperException as error:
            first_line = str(error).strip().splitlines()[0]
            raise StoreError(f"the SPARQL endpoint {self.endpoint} failed: {first_line}") from error

    def _result(self, sparql: str, form: str, dataset: DatasetSpec | None,
                timeout: float | None) -> Result:
        """The endpoint's answer to ``sparql`` (of query form ``form``) as an rdflib Result."""
        graph_answer = form in ("CONSTRUCT", "DESCRIBE")
        body, media_type = self._request(sparql, dataset, graph_answer, timeout)
        if not graph_answer:
            return Result.parse(io.BytesIO(body), format="json")
        result = Result(form)
        result.graph = Graph().parse(data=body, format=graph_format_of(media_type).rdflib_name)
        return result

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        text = with_bindings(sparql, bindings or {})
        form = QUERY_FORMS[parse_query(text)[1].name]
        return self._result(text, form, None, self.timeout)

    def run(self, request: QueryRequest, limits: QueryLimits) -> QueryAnswer:
        """The guard checks ``request`` in a forked child killed at the time limit (parsing
        can take minutes); the endpoint gets what is left of the limit."""
        started = time.monotonic()
        check = functools.partial(_form_and_dataset, request)
        if limits.timeout is None:
            form, dataset = check()
            remaining = None
        else:
            form, dataset = run_with_time_limit(check, limits.timeout, expected=(QueryRejected,))
            remaining = max(0.001, limits.timeout - (time.monotonic() - started))
        if dataset is not None:
            dataset = check_dataset(dataset, self.graph_names(), request.allowlist)
        try:
            result = self._result(request.text, form, dataset, remaining)
        except QueryTimeout:
            raise QueryTimeout(limits.timeout or 0) from None  # the request's limit, not the rest
        return answer_from_result(result, limits.max_rows)

    def check_default_graph(self) -> None:
        """StoreError unless the endpoint answers and its default graph holds the triples of
        its named graphs (critmin's queries read the default graph as their union).

        One triple of a named graph is looked up in the default graph: a store either makes
        its default graph the union of the others or it does not. A store that holds no
        triple at all is refused too, as it could only answer nothing.
        """
        try:
            sample = list(self._result(_SAMPLE_QUERY, "SELECT", None, self.timeout))
            empty = not sample and not self._result("ASK { ?s ?p ?o }", "ASK", None,
                                                    self.timeout).askAnswer
        except QueryTimeout as error:
            raise StoreError(f"the SPARQL endpoint {self.endpoint} failed: {error}") from None
        if sample and sample[0].inDefault != Literal(True):  # type: ignore[union-attr]
            raise StoreError(
                f"the default graph of the SPARQL endpoint {self.endpoint} does not hold the "
                f"triples of its named graphs: {UNION_DEFAULT_GRAPH_HINT}"
            )
        if empty:
            raise StoreError(
                f"the SPARQL endpoint {self.endpoint} holds no triples: load a dataset into it "
                "first (critmin push --data FILE --to GRAPH_STORE_URL)"
            )

    def graph_names(self) -> frozenset[URIRef]:
        result = self._result("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", "SELECT", None,
                              self.timeout)
        return frozenset(URIRef(row.g) for row in result)  # type: ignore[union-attr]

    def stats(self) -> StoreStats:
        # Distinct: some stores' union default graph repeats a triple held by two graphs.
        union = self._result(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
            "SELECT", None, self.timeout,
        )
        graphs = self._result(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            "SELECT", None, self.timeout,
        )
        triples = int(next(iter(union)).n)  # type: ignore[union-attr]
        sizes = {URIRef(row.g): int(row.n) for row in graphs}  # type: ignore[union-attr]
        return StoreStats(triples=triples, graph_sizes=sizes)

    def close(self) -> None:
        """Nothing to release: each query opens and closes its own connection."""


def _form_and_dataset(request: QueryRequest) -> tuple[str, DatasetSpec | None]:
    """The form of the query ``request`` carries and the dataset it asks for (graphs not
    checked yet); QueryRejected when the guard refuses it."""
    checked = check_query(request.text, request.allowlist)
    return checked.form, requested_dataset(
        checked, request.default_graph_uris, request.named_graph_uris
    )
