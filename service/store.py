"""Where the service reads its triples from: a small interface so that other stores can slot in."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from rdflib import Dataset
from rdflib.query import Result
from rdflib.term import Identifier


class Store(Protocol):
    """A read-only SPARQL view of a critmin dataset whose default graph is the union."""

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query; ``bindings`` are typed RDF terms bound to its variables."""
        ...


class LocalStore:
    """A dataset file loaded into rdflib's in-memory store (the embedded default)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_file(cls, path: Path) -> LocalStore:
        """Load a TriG or N-Quads dataset file."""
        dataset = Dataset(default_union=True)
        dataset.parse(str(path), format="nquads" if path.suffix == ".nq" else "trig")
        return cls(dataset)

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        return self.dataset.query(sparql, initBindings=bindings or {})
