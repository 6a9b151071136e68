"""What the served dataset holds, counted through the store: the figures of its VoID description.

Every figure comes from SPARQL (and ``Store.stats``), so it is the same on the Oxigraph, rdflib
and remote stores; counts over the default graph count each triple once, even on a store whose
union default graph repeats a triple held by two graphs. The dataset does not change while the
service runs, so :class:`FactsCache` reads the figures once per app.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from critmin.graph.base.namespaces import CM, CMR, INFERRED_GRAPH, PREFIXES, WD
from critmin.service.prefixes import SPARQL_PREFIXES
from critmin.service.store import Store, StoreStats

SIZES_QUERY = """SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
  (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }"""

CLASSES_QUERY = "SELECT (COUNT(DISTINCT ?c) AS ?classes) WHERE { ?s a ?c }"

TERMS_QUERY = "SELECT DISTINCT ?term WHERE { { ?s ?term ?o } UNION { ?s a ?term } }"
"""The properties and classes used, to name the vocabularies they come from."""

LINKS_QUERY = f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{
    ?s ?p ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), "{WD}"))
  }}
}} GROUP BY ?p ORDER BY ?p"""
"""Links to Wikidata entities, by the property that makes them."""

DOCUMENTS_QUERY = SPARQL_PREFIXES + f"""
SELECT ?doc ?g (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date) (SAMPLE(?pub) AS ?publisher)
  (SAMPLE(?label) AS ?name) WHERE {{
  GRAPH ?g {{ ?doc a cm:SourceDocument }}
  FILTER(?g != <{INFERRED_GRAPH}>)
  OPTIONAL {{ ?doc dcterms:title ?t }}
  OPTIONAL {{ ?doc dcterms:date ?d }}
  OPTIONAL {{ ?doc dcterms:publisher ?pub }}
  OPTIONAL {{ ?doc skos:prefLabel ?label }}
}} GROUP BY ?doc ?g ORDER BY ?g ?doc"""
"""Each source document, the named graph of its facts and what the build recorded about it."""

EXAMPLE_CLASSES = (
    CM.Agreement, CM.ControlMeasure, CM.Event, CM.Measurement, CM.State, CM.Mineral,
    CM.SourceDocument,
)
"""The kinds of resource the VoID description gives an example of, in this order."""

EXAMPLES_QUERY = f"""SELECT ?class (MIN(STR(?x)) AS ?first) WHERE {{
  VALUES ?class {{ {" ".join(f"<{iri}>" for iri in EXAMPLE_CLASSES)} }}
  ?x a ?class FILTER(isIRI(?x) && STRSTARTS(STR(?x), ?base))
}} GROUP BY ?class"""
"""The first resource of each example class (by IRI) minted under the public base ``?base``."""

ONTOLOGY_VERSIONS_QUERY = SPARQL_PREFIXES + """
SELECT DISTINCT ?version WHERE { ?ontology a owl:Ontology ; owl:versionIRI ?version }"""

_DATA_NAMESPACE = str(CMR)


@dataclass(frozen=True)
class SourceDocument:
    """A source document, its named graph, and its title, date, publisher and name as recorded."""

    iri: URIRef
    graph: URIRef
    title: Literal | None
    date: Literal | None
    publisher: Literal | None
    name: Literal | None


@dataclass(frozen=True)
class Linkset:
    """The links to Wikidata entities made by one property: ``triples`` distinct triples."""

    predicate: URIRef
    triples: int


@dataclass(frozen=True)
class DatasetFacts:
    """The figures of the VoID description: sizes, vocabularies, sources, links, examples."""

    stats: StoreStats
    distinct_subjects: int
    distinct_objects: int
    properties: int
    classes: int
    vocabularies: tuple[URIRef, ...]
    documents: tuple[SourceDocument, ...]
    linksets: tuple[Linkset, ...]
    examples: tuple[URIRef, ...]
    ontology_versions: frozenset[URIRef]


def _int(value: Identifier | None) -> int:
    return int(value) if isinstance(value, Literal) else 0


def _optional_literal(value: Identifier | None) -> Literal | None:
    return value if isinstance(value, Literal) else None


def vocabularies_of(terms: Iterable[str]) -> tuple[URIRef, ...]:
    """The namespaces (of critmin's prefixes, the data's own left out) that ``terms`` come
    from, sorted."""
    namespaces = sorted(
        (iri for iri in PREFIXES.values() if iri != _DATA_NAMESPACE), key=len, reverse=True
    )
    used = {
        next((namespace for namespace in namespaces if term.startswith(namespace)), None)
        for term in terms
    }
    return tuple(URIRef(namespace) for namespace in sorted(used - {None}))


def read_facts(store: Store, public_base: str) -> DatasetFacts:
    """Count and collect the figures of the dataset ``store`` serves; its minted resources are
    under ``public_base``."""
    (sizes,) = store.query(SIZES_QUERY)
    (classes,) = store.query(CLASSES_QUERY)
    terms = (str(row.term) for row in store.query(TERMS_QUERY))
    documents = tuple(
        SourceDocument(
            row.doc, row.g, _optional_literal(row.title), _optional_literal(row.date),
            _optional_literal(row.publisher), _optional_literal(row.name),
        )
        for row in store.query(DOCUMENTS_QUERY)
    )
    linksets = tuple(Linkset(row.p, _int(row.n)) for row in store.query(LINKS_QUERY))
    firsts = {
        row["class"]: URIRef(str(row.first))
        for row in store.query(EXAMPLES_QUERY, {"base": Literal(public_base)})
        if row.first is not None
    }
    versions = frozenset(row.version for row in store.query(ONTOLOGY_VERSIONS_QUERY))
    return DatasetFacts(
        stats=store.stats(),
        distinct_subjects=_int(sizes.subjects),
        distinct_objects=_int(sizes.objects),
        properties=_int(sizes.properties),
        classes=_int(classes.classes),
        vocabularies=vocabularies_of(terms),
        documents=documents,
        linksets=linksets,
        examples=tuple(firsts[iri] for iri in EXAMPLE_CLASSES if iri in firsts),
        ontology_versions=versions,
    )


class FactsCache:
    """The facts of one app's store, read on first use (the dataset does not change while the
    service runs); a failed read (a remote store down) is tried again on the next use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._facts: DatasetFacts | None = None

    def get(self, store: Store, public_base: str) -> DatasetFacts:
        """The facts of ``store``, read the first time and kept."""
        with self._lock:
            if self._facts is None:
                self._facts = read_facts(store, public_base)
            return self._facts
