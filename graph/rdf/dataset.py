"""The critmin dataset: its named graphs, written byte for byte the same way every time.

``write_dataset`` writes TriG (``.trig``) or N-Quads (``.nq``) with graphs, subjects,
predicates and objects in sorted order, blank nodes labelled canonically (the ontology's class
expressions are blank nodes), and only the prefixes of ``namespaces.PREFIXES``. It writes a
temporary file next to the target and renames it, so a failure never leaves a partial file
(and the temporary files of a writer that was killed are removed by the next write).
The file carries a manifest (``manifest``): quads, graphs and sha256, checked when it is read.
"""

from __future__ import annotations

import glob
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import RDF, BNode, Dataset, Graph, Literal
from rdflib.compare import to_canonical_graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from critmin.graph.base.namespaces import (
    CURATION_GRAPH,
    INFERRED_GRAPH,
    IRI_FORBIDDEN,
    ONTOLOGY_GRAPH,
    PREFIXES,
    REFERENCE_GRAPH,
    bind_prefixes,
)
from critmin.graph.rdf.manifest import with_manifest

FORMATS = {".trig": "trig", ".nq": "nquads"}
FILE_MODE = 0o644
"""Permissions of a new dataset file (a rewritten file keeps its own)."""
"""Dataset file types by suffix, with their rdflib parser names."""

_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
"""Local names written as prefixed names; anything else is written as a full IRI."""
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


class DatasetFormatError(ValueError):
    """The dataset file's suffix is not one critmin reads and writes."""


def dataset_format(path: Path) -> str:
    """The rdflib format name for ``path`` (``trig`` or ``nquads``), from its suffix."""
    if path.suffix not in FORMATS:
        raise DatasetFormatError(
            f"{path}: unsupported dataset file type {path.suffix or '(none)'!r}; "
            f"use {' or '.join(FORMATS)}"
        )
    return FORMATS[path.suffix]


def assemble(
    ontology: Graph, reference: Graph, documents: Iterable[Graph], curation: Graph | None = None
) -> Dataset:
    """A dataset of the ontology, reference, document and (non-empty) curation graphs."""
    dataset = Dataset()
    bind_prefixes(dataset)
    _add_graph(dataset, ONTOLOGY_GRAPH, ontology)
    _add_graph(dataset, REFERENCE_GRAPH, reference)
    for document in documents:
        _add_graph(dataset, document.identifier, document)
    if curation is not None and len(curation):
        _add_graph(dataset, CURATION_GRAPH, curation)
    return dataset


def add_inferred(dataset: Dataset, inferred: Graph) -> Graph:
    """Add ``inferred``, the OWL 2 RL closure of all other graphs (``reasoning.infer``), as
    the inferred graph; return that graph."""
    _add_graph(dataset, INFERRED_GRAPH, inferred)
    return dataset.graph(INFERRED_GRAPH)


def graph_sizes(dataset: Dataset) -> dict[str, int]:
    """Triples per non-empty named graph, by graph IRI (sorted)."""
    sizes = {str(graph.identifier): len(graph) for graph in _named_graphs(dataset)}
    return dict(sorted(sizes.items()))


def union_size(dataset: Dataset) -> int:
    """Distinct triples of the union of ``dataset``'s graphs: a triple two graphs hold counts
    once (the size of the service's default graph; ``graph_sizes`` counts it per graph)."""
    return sum(1 for _ in dataset.store.triples((None, None, None), context=None))


def write_dataset(dataset: Dataset, path: Path) -> None:
    """Write ``dataset`` to ``path`` (``.trig`` or ``.nq``) deterministically and atomically."""
    format_name = dataset_format(path)
    body = to_trig(dataset) if format_name == "trig" else to_nquads(dataset)
    graphs = _named_graphs(dataset)
    text = with_manifest(body, sum(len(graph) for graph in graphs), len(graphs))
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_orphans(path)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_orphans(path: Path) -> None:
    """Remove the temporary files a killed writer of ``path`` left (each is named after the
    process that wrote it; a live process's file is left alone)."""
    for orphan in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = orphan.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _is_running(int(pid)):
            orphan.unlink(missing_ok=True)


def _is_running(pid: int) -> bool:
    """Whether a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def read_dataset(path: Path) -> Dataset:
    """Read a TriG or N-Quads dataset file; its default graph is the union of its graphs."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    dataset.parse(str(path), format=dataset_format(path))
    return dataset


def to_trig(dataset: Dataset) -> str:
    """TriG with every graph, subject, predicate and object in sorted order."""
    lines = [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in sorted(PREFIXES.items())]
    for graph in _named_graphs(dataset):
        lines.append("")
        lines.append(f"{_term(graph.identifier)} {{")
        for subject, properties in _grouped(graph):
            lines.append(f"    {_term(subject)}")
            for position, (predicate, objects) in enumerate(properties):
                verb = "a" if predicate == RDF.type else _term(predicate)
                end = " ." if position == len(properties) - 1 else " ;"
                values = ", ".join(_term(obj) for obj in objects)
                lines.append(f"        {verb} {values}{end}")
        lines.append("}")
    return "\n".join(lines) + "\n"


def to_nquads(dataset: Dataset) -> str:
    """N-Quads, one line per quad, lines sorted."""
    lines = [
        f"{_term(s, full=True)} {_term(p, full=True)} {_term(o, full=True)} "
        f"{_term(graph.identifier, full=True)} ."
        for graph in _named_graphs(dataset)
        for s, p, o in _canonical(graph)
    ]
    return "".join(f"{line}\n" for line in sorted(lines))


def _add_graph(dataset: Dataset, identifier: Node, source: Graph) -> None:
    target = dataset.graph(identifier)
    for triple in source:
        target.add(triple)


def _named_graphs(dataset: Dataset) -> list[Graph]:
    graphs = [
        graph
        for graph in dataset.graphs()
        if len(graph) and graph.identifier != DATASET_DEFAULT_GRAPH_ID
    ]
    return sorted(graphs, key=lambda graph: str(graph.identifier))


def _canonical(graph: Graph) -> Graph:
    """``graph`` with canonical blank node labels (unchanged if it has none)."""
    has_blank = any(isinstance(term, BNode) for triple in graph for term in triple)
    return to_canonical_graph(graph) if has_blank else graph


def _grouped(graph: Graph) -> Iterator[tuple[Node, list[tuple[Node, list[Node]]]]]:
    by_subject: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in _canonical(graph):
        by_subject[subject][predicate].append(obj)
    for subject in sorted(by_subject, key=_sort_key):
        properties = by_subject[subject]
        ordered = sorted(properties, key=lambda p: (p != RDF.type, _sort_key(p)))
        yield subject, [(p, sorted(properties[p], key=_sort_key)) for p in ordered]


def _sort_key(term: Node) -> tuple[int, str, str, str]:
    if isinstance(term, Literal):
        return 2, str(term), str(term.datatype or ""), term.language or ""
    return (1 if isinstance(term, BNode) else 0), str(term), "", ""


def _term(term: Node, full: bool = False) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = '"' + _escape(str(term)) + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{_term(term.datatype, full)}" if term.datatype else text
    iri = str(term)
    if IRI_FORBIDDEN.search(iri):
        raise ValueError(f"cannot write IRI {iri!r}: it holds characters IRIs may not")
    if not full:
        for prefix, namespace in _PREFIXES_LONGEST_FIRST:
            if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri[len(namespace) :]):
                return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )

