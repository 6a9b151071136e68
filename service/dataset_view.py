"""A read-only view of an rdflib store restricted to the RDF dataset a request asks for.

The SPARQL protocol's ``default-graph-uri``/``named-graph-uri`` (and a query's ``FROM``/
``FROM NAMED``) choose which graphs make the default graph and which named graphs ``GRAPH``
sees. rdflib implements ``FROM`` by copying each graph into a fresh in-memory graph (and by
fetching from the web any graph it does not have); this view filters the shared store instead,
so no triple is copied and nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.store import Store
from rdflib.term import Node


def _name(context: Any) -> Any:
    return context.identifier if isinstance(context, Graph) else context


class DatasetView(Store):
    """The dataset whose default graph merges ``default_graphs`` and whose named graphs are
    ``named_graphs``, read from ``inner``. Writes raise; namespace bindings are not stored."""

    context_aware = True
    graph_aware = True

    def __init__(
        self, inner: Store, default_graphs: tuple[URIRef, ...], named_graphs: tuple[URIRef, ...]
    ) -> None:
        super().__init__()
        self.inner = inner
        self.default_graphs = frozenset(default_graphs)
        self.named_graphs = frozenset(named_graphs)

    def triples(  # type: ignore[override]
        self, triple_pattern: tuple[Any, Any, Any], context: Any = None
    ) -> Generator[tuple[tuple[Node, Node, Node], Iterator[Any]], None, None]:
        name = _name(context)
        if name is None or name == DATASET_DEFAULT_GRAPH_ID:
            yield from self._default_graph_triples(triple_pattern)
        elif name in self.named_graphs:
            yield from self.inner.triples(triple_pattern, context=self._inner_graph(name))

    def _inner_graph(self, name: URIRef) -> Graph:
        # The memory store remembers the graph object last passed for each name and hands it
        # out again, so it must be one bound to the inner store itself.
        return Graph(store=self.inner, identifier=name)

    def _default_graph_triples(
        self, triple_pattern: tuple[Any, Any, Any]
    ) -> Generator[tuple[tuple[Node, Node, Node], Iterator[Any]], None, None]:
        if not self.default_graphs:
            return
        if len(self.default_graphs) == 1:
            (name,) = self.default_graphs
            yield from self.inner.triples(triple_pattern, context=self._inner_graph(name))
            return
        for triple, contexts in self.inner.triples(triple_pattern, context=None):
            chosen = [c for c in contexts if _name(c) in self.default_graphs]
            if chosen:
                yield triple, iter(chosen)

    def contexts(self, triple: Any = None) -> Generator[Any, None, None]:  # type: ignore[override]
        for context in self.inner.contexts(triple):
            if _name(context) in self.named_graphs:
                yield context

    def __len__(self, context: Any = None) -> int:
        return sum(1 for _ in self.triples((None, None, None), context=context))

    def add_graph(self, graph: Graph) -> None:
        """rdflib registers the default graph when it lists graphs: nothing to store."""

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        """Namespace bindings are per view and not kept (the shared store is not written)."""

    def prefix(self, namespace: Any) -> str | None:
        return self.inner.prefix(namespace)

    def namespace(self, prefix: str) -> URIRef | None:
        return self.inner.namespace(prefix)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        return self.inner.namespaces()

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        raise PermissionError("a dataset view is read-only")

    def remove(self, triple: Any, context: Any = None) -> None:
        raise PermissionError("a dataset view is read-only")


def restricted_dataset(
    dataset: Dataset, default_graphs: tuple[URIRef, ...], named_graphs: tuple[URIRef, ...]
) -> Dataset:
    """A read-only rdflib Dataset over ``dataset``'s store restricted to the graphs named."""
    return Dataset(
        store=DatasetView(dataset.store, default_graphs, named_graphs), default_union=True
    )
