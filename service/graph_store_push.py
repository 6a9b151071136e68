"""Upload a dataset file to a SPARQL 1.1 Graph Store Protocol endpoint, graph by graph.

Each graph of the file (TriG or N-Quads, as ``critmin build`` writes it) replaces the graph of
the same name in the store: ``PUT URL?graph=IRI`` with an N-Triples body, ``PUT URL?default``
for triples in the default graph. The endpoint is the store's graph store, for example
``http://HOST:7878/store`` (Oxigraph server), ``http://HOST:3030/DATASET/data`` (Fuseki) or
``http://HOST:7200/repositories/REPO/rdf-graphs/service`` (GraphDB).

The whole file is read before the first request, so a bad file changes nothing in the store.
A failure part-way leaves the graphs already sent replaced and the others as they were;
pushing again is safe, since PUT replaces. Graphs of the store that the file does not name are
left alone. The protocol scopes blank nodes to one request, so a blank node shared by two
graphs becomes two in the store (a warning says how many there are).
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from critmin.graph.rdf.dataset import dataset_format
from critmin.service.store import DataFileError, check_loaded, checked_data_file

log = logging.getLogger(__name__)

NTRIPLES = "application/n-triples"
_OXIGRAPH_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
_MESSAGE_CHARS = 200  # enough of a server's error message to see what it refused, on one line


class PushError(Exception):
    """The file cannot be read, or the store cannot be reached or refused a graph."""


@dataclass(frozen=True)
class GraphToPush:
    """One graph of the dataset file: its IRI (``None`` for the default graph) and triples."""

    name: str | None
    triples: list[ox.Triple]

    def label(self) -> str:
        """The graph's name as the progress and error lines show it."""
        return "the default graph" if self.name is None else f"graph <{self.name}>"


@dataclass(frozen=True)
class PushSummary:
    """What a push sent: the graphs, and their triples counted once per graph (quads)."""

    graphs: int
    quads: int


def read_graphs(path: Path) -> list[GraphToPush]:
    """The graphs of a TriG (``.trig``) or N-Quads (``.nq``) file, in the order they appear."""
    try:
        manifest = checked_data_file(path)
    except DataFileError as error:  # no file, a folder, a cut or changed file: nothing is sent
        raise PushError(str(error)) from None
    rdf_format = _OXIGRAPH_FORMATS[dataset_format(path)]
    graphs: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, list[ox.Triple]] = {}
    try:
        for quad in ox.parse(path=str(path), format=rdf_format):
            graphs.setdefault(quad.graph_name, []).append(quad.triple)
    except (SyntaxError, OSError) as error:
        reason = " ".join(str(error).split())
        raise PushError(f"cannot parse {path} as {rdf_format.name}: {reason}") from None
    try:
        check_loaded(path, manifest, sum(map(len, graphs.values())), len(graphs))
    except DataFileError as error:
        raise PushError(str(error)) from None
    read = []
    for name, triples in graphs.items():
        if isinstance(name, ox.BlankNode):
            raise PushError(f"{path} names a graph with a blank node; the store needs IRIs")
        read.append(GraphToPush(None if isinstance(name, ox.DefaultGraph) else name.value,
                                triples))
    return read


def shared_blank_nodes(graphs: list[GraphToPush]) -> int:
    """How many blank nodes occur in more than one graph."""
    holders: dict[ox.BlankNode, set[str | None]] = defaultdict(set)
    for graph in graphs:
        for triple in graph.triples:
            for term in (triple.subject, triple.object):
                if isinstance(term, ox.BlankNode):
                    holders[term].add(graph.name)
    return sum(1 for names in holders.values() if len(names) > 1)


def graph_url(endpoint: str, name: str | None) -> str:
    """The Graph Store Protocol URL of graph ``name`` (``None``: the default graph)."""
    query = "default" if name is None else urllib.parse.urlencode({"graph": name})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def put_graph(endpoint: str, graph: GraphToPush, timeout: float) -> None:
    """Replace ``graph`` in the store at ``endpoint``; PushError, on one line, if that fails."""
    body = ox.serialize(graph.triples, format=ox.RdfFormat.N_TRIPLES) or b""
    request = urllib.request.Request(
        graph_url(endpoint, graph.name), data=body, method="PUT",
        headers={"Content-Type": NTRIPLES},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            pass
    except urllib.error.HTTPError as error:
        message = " ".join(error.read().decode("utf-8", "replace").split())[:_MESSAGE_CHARS]
        raise PushError(
            f"{endpoint} refused {graph.label()}: HTTP {error.code} {error.reason}"
            + (f": {message}" if message else "")
        ) from None
    except TimeoutError:
        raise PushError(f"{endpoint} did not answer within {timeout:g} s") from None
    except urllib.error.URLError as error:
        raise PushError(f"cannot reach {endpoint}: {error.reason}") from None
    except OSError as error:  # the connection dropped part-way
        raise PushError(f"cannot reach {endpoint}: {error}") from None


def check_endpoint(endpoint: str) -> None:
    """PushError unless ``endpoint`` is an absolute http(s) URL."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{endpoint!r} is not an http:// or https:// URL of a graph store")


def push(path: Path, endpoint: str, timeout: float = 300.0) -> PushSummary:
    """Upload every graph of the dataset file ``path`` to the graph store at ``endpoint``,
    logging each graph as it goes; ``timeout`` seconds at most per graph."""
    check_endpoint(endpoint)
    graphs = read_graphs(path)
    shared = shared_blank_nodes(graphs)
    if shared:
        log.warning("%d blank nodes occur in more than one graph: the store will hold a "
                    "separate blank node for each graph", shared)
    for number, graph in enumerate(graphs, start=1):
        name = "(default)" if graph.name is None else f"<{graph.name}>"
        log.info("graph %d/%d %s: %d triples", number, len(graphs), name, len(graph.triples))
        put_graph(endpoint, graph, timeout)
    return PushSummary(len(graphs), sum(len(graph.triples) for graph in graphs))
