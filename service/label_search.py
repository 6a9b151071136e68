"""Resources by label, for the form's autocompletion and parameter pickers (``/api/labels``).

The labels of the dataset (``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``) and the types
of what they label are read once, with two queries through the :class:`Store` interface (so the
search works on Oxigraph, rdflib and remote stores alike), into a :class:`LabelIndex`. A search
then never touches the store: it matches the lower-cased text against the lower-cased labels in
memory, those that start with it first (found by binary search), then those with a word that
starts with it (binary search in the words), then those that contain it (``str.find`` in all
labels joined), each group in alphabetical order; one match per resource, shown by its name
(preferred label) when that matches too, restricted to the members of a class if asked. The
index of an app is built on its first search (:class:`LazyLabelIndex`); the dataset a service
serves does not change.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from critmin.graph.base.namespaces import CM
from critmin.service.store import Store

LABELS_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?iri ?label ?alternative WHERE {
  VALUES (?property ?alternative) {
    (rdfs:label false) (skos:prefLabel false) (skos:altLabel true)
  }
  ?iri ?property ?label .
  FILTER(isIRI(?iri) && isLiteral(?label))
}
"""
TYPES_QUERY = """
SELECT DISTINCT ?iri ?type WHERE {
  ?iri a ?type .
  FILTER(isIRI(?iri) && isIRI(?type))
}
"""
# Every type, those of unlabelled resources too: joined with the labelled resources, the query
# takes rdflib 20 times as long as the types alone (8.4 s against 0.4 s on the seed graph).
MAX_SUBSTRING_HITS = 20_000
"""How many occurrences inside words one search looks at, at most (enough for any text of
three letters or more; shorter texts fill the list with labels that start with them)."""
_WORD_START = re.compile(r"(?<=[^\w])\w")

SUBCLASS_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?class ?super WHERE {
  ?class rdfs:subClassOf ?super .
  FILTER(isIRI(?class) && isIRI(?super) && ?class != ?super)
}
"""


@dataclass(frozen=True)
class LabelMatch:
    """A resource found by one of its labels, with its most specific type (if it has one)."""

    iri: str
    label: str
    type: str | None

    def as_json(self) -> dict[str, str | None]:
        """The match as ``/api/labels`` gives it."""
        return {"iri": self.iri, "label": self.label, "type": self.type}


def most_specific_type(types: Iterable[str], supers: Mapping[str, frozenset[str]]) -> str | None:
    """The type that no other of ``types`` is a subclass of, one of critmin's ontology first
    when several are (``cm:SupplyChainStage`` rather than ``skos:Concept``); None for none."""
    types = set(types)
    covered = {ancestor for kind in types for ancestor in supers.get(kind, ())}
    candidates = sorted(types - covered) or sorted(types)
    ours = [kind for kind in candidates if kind.startswith(str(CM))]
    return (ours or candidates or [None])[0]


class LabelIndex:
    """The labels of a dataset with the types of what they label, searchable in memory."""

    def __init__(
        self,
        labels: Iterable[tuple[str, str, bool]],
        types: Mapping[str, frozenset[str]],
        supers: Mapping[str, frozenset[str]],
    ) -> None:
        """``labels`` as (IRI, label, whether it is an alternative label), ``types`` of each
        IRI (inferred ones included), ``supers`` the superclasses of each class."""
        distinct = set(labels)
        self._labels = sorted({(label.lower(), label, iri) for iri, label, _ in distinct})
        # Every label's words after its first, as (the label from that word on, its place).
        self._word_starts = sorted(
            (lowered[match.start():], entry)
            for entry, (lowered, _, _) in enumerate(self._labels)
            for match in _WORD_START.finditer(lowered)
        )
        # The labels on one line each, for substring search at C speed, and where each starts.
        self._text = "\n".join(lowered for lowered, _, _ in self._labels)
        self._starts = list(itertools.accumulate(
            (len(lowered) + 1 for lowered, _, _ in self._labels[:-1]), initial=0
        ))
        self._names: dict[str, str] = {}
        by_preference = sorted(distinct, key=lambda entry: (entry[2], len(entry[1]), entry[1]))
        for iri, label, _ in by_preference:
            self._names.setdefault(iri, label)
        self._types = types
        self._display_type = {
            iri: most_specific_type(kinds, supers) for iri, kinds in types.items()
        }

    @classmethod
    def from_store(cls, store: Store) -> LabelIndex:
        """Read the labels, types and subclasses of the dataset ``store`` serves."""
        labels = [
            (str(iri), str(label), bool(alternative.toPython()))
            for iri, label, alternative in store.query(LABELS_QUERY)
        ]
        labelled = {iri for iri, _, _ in labels}
        types: defaultdict[str, set[str]] = defaultdict(set)
        for iri, kind in store.query(TYPES_QUERY):
            if str(iri) in labelled:
                types[str(iri)].add(str(kind))
        supers: defaultdict[str, set[str]] = defaultdict(set)
        for kind, ancestor in store.query(SUBCLASS_QUERY):
            supers[str(kind)].add(str(ancestor))
        return cls(
            labels,
            {iri: frozenset(kinds) for iri, kinds in types.items()},
            {kind: frozenset(ancestors) for kind, ancestors in supers.items()},
        )

    def __len__(self) -> int:
        return len(self._labels)

    def describe(self, iri: str) -> LabelMatch | None:
        """``iri`` with its name (a preferred label rather than an alternative one, the
        shortest), or None when it has no label."""
        name = self._names.get(iri)
        return None if name is None else LabelMatch(iri, name, self._display_type.get(iri))

    def search(self, text: str, class_iri: str | None = None, limit: int = 20) -> list[LabelMatch]:
        """At most ``limit`` resources with a label holding ``text`` (any case), best first;
        only members of ``class_iri`` when given. An empty text matches every label."""
        needle = " ".join(text.lower().split())
        found: dict[str, LabelMatch] = {}
        for entry in self._matching_entries(needle):
            _, label, iri = self._labels[entry]
            if iri in found or not self._is_member(iri, class_iri):
                continue
            name = self._names[iri]  # shown rather than another label when it matches too
            shown = name if needle in name.lower() else label
            found[iri] = LabelMatch(iri, shown, self._display_type.get(iri))
            if len(found) == limit:
                break
        return list(found.values())

    def _is_member(self, iri: str, class_iri: str | None) -> bool:
        return class_iri is None or class_iri in self._types.get(iri, ())

    def _matching_entries(self, needle: str) -> Iterator[int]:
        """The labels holding ``needle``, by their place in ``_labels``: those that start with
        it, then those with a word that does, then (among the first MAX_SUBSTRING_HITS
        occurrences) those that hold it elsewhere; each group in alphabetical order."""
        first = bisect.bisect_left(self._labels, (needle,))
        for entry in range(first, len(self._labels)):
            if not self._labels[entry][0].startswith(needle):
                break
            yield entry
        first = bisect.bisect_left(self._word_starts, (needle,))
        for suffix, entry in itertools.islice(self._word_starts, first, None):
            if not suffix.startswith(needle):
                break
            yield entry
        position = self._text.find(needle)
        for _ in range(MAX_SUBSTRING_HITS):
            if position < 0 or not needle:
                return
            yield bisect.bisect_right(self._starts, position) - 1
            position = self._text.find(needle, position + 1)


class LazyLabelIndex:
    """The label index of one store, read on first use (by one thread; the others wait)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._index: LabelIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> LabelIndex:
        """The index, read from the store the first time."""
        with self._lock:
            if self._index is None:
                self._index = LabelIndex.from_store(self._store)
            return self._index
