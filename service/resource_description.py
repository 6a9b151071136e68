"""What the store says about one resource, gathered by SPARQL for its Linked Data page.

Every query of this module binds the resource as the typed term ``?this`` (``initBindings``);
the justification's two queries (``justify.about_resource``) write it into their text as a
checked IRI constant instead, since Oxigraph plans a bound variable there as a free one. A
fact is *asserted* when some graph other than the inferred graph holds it (or the default
graph does), *inferred* when only the inferred graph does; each inferred fact comes with its
justification where one is found (``graph.owl.justify``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Identifier

from critmin.graph.base.namespaces import CM, INFERRED_GRAPH, NIF, SCHEMA, bind_prefixes
from critmin.graph.owl.justification import (
    Justification,
    Schema,
    Triple,
    justification_graph,
)
from critmin.graph.owl.justify import justify, justify_resource, read_premises, read_schema
from critmin.service.prefixes import SPARQL_PREFIXES
from critmin.service.store import Store

EXISTS_QUERY = SPARQL_PREFIXES + "\nASK { { ?this ?p ?o } UNION { ?s ?p ?this } }"

OUTGOING_QUERY = (
    SPARQL_PREFIXES
    + "\nSELECT ?p ?o ?g WHERE { ?this ?p ?o OPTIONAL { GRAPH ?g { ?this ?p ?o } } }"
)

INCOMING_QUERY = (
    SPARQL_PREFIXES
    + "\nSELECT ?s ?p ?g WHERE { ?s ?p ?this OPTIONAL { GRAPH ?g { ?s ?p ?this } } }"
)

# Label candidates of the resource and of every neighbour; the best one is picked in Python.
# Every branch binds ?this by a triple pattern of its own, so the query means the same whether
# ?this is substituted (rdflib's initBindings) or joined as a VALUES block (Oxigraph, remote
# stores). Each branch reads its neighbours' properties itself and the label kinds come last:
# Oxigraph then looks labels up per neighbour (one shared lookup after the UNION took 20 s for
# an actor with 17,000 incoming links), and rdflib never scans every label of the dataset.
LABELS_QUERY = (
    SPARQL_PREFIXES
    + """
SELECT DISTINCT ?x ?kind ?label WHERE {
  { ?this ?kind ?label BIND(?this AS ?x) }
  UNION { ?this ?x ?o1 . ?x ?kind ?label }
  UNION { ?this ?p1 ?x . ?x ?kind ?label }
  UNION { ?x ?p2 ?this . ?x ?kind ?label }
  UNION { ?s3 ?x ?this . ?x ?kind ?label }
  UNION { ?this cm:evidence/nif:referenceContext ?x . ?x ?kind ?label }
  UNION { ?this prov:wasDerivedFrom ?x . ?x ?kind ?label }
  VALUES ?kind { skos:prefLabel rdfs:label dcterms:title nif:anchorOf }
  FILTER(isIRI(?x) && isLiteral(?label))
}"""
)

EVIDENCE_QUERY = (
    SPARQL_PREFIXES
    + """
SELECT ?span ?anchor ?begin ?end ?doc WHERE {
  ?this cm:evidence ?span .
  OPTIONAL { ?span nif:anchorOf ?anchor }
  OPTIONAL { ?span nif:beginIndex ?begin }
  OPTIONAL { ?span nif:endIndex ?end }
  OPTIONAL { ?span nif:referenceContext ?doc }
}"""
)

SOURCES_QUERY = SPARQL_PREFIXES + "\nSELECT DISTINCT ?doc WHERE { ?this prov:wasDerivedFrom ?doc }"

DOCUMENT_QUERY = (
    SPARQL_PREFIXES
    + """
SELECT ?sha ?fileName WHERE {
  OPTIONAL { ?this cm:sha256 ?sha } OPTIONAL { ?this cm:fileName ?fileName }
}"""
)

# Machine-readable description: outgoing and incoming triples, and the evidence spans' triples.
CONSTRUCT_QUERY = (
    SPARQL_PREFIXES
    + """
CONSTRUCT { ?this ?p ?o . ?s ?q ?this . ?span ?sp ?so . } WHERE {
  { ?this ?p ?o } UNION { ?s ?q ?this } UNION { ?this cm:evidence ?span . ?span ?sp ?so }
}"""
)

MAX_EXTRA_LABELS = 16
"""Terms a page's justifications name besides its neighbours (a property chain's second
link, a restriction's class) whose labels are looked up; others show their prefixed names."""

# The label kinds LABELS_QUERY lists, best first.
_LABEL_PRIORITY = {SKOS.prefLabel: 0, RDFS.label: 1, DCTERMS.title: 2, NIF.anchorOf: 3}
_LINK_PREDICATES = {SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs, SCHEMA.sameAs}
_IDENTIFIER_PREDICATES = {
    CM.wikidataId, CM.iso3166Alpha2, CM.iso3166Alpha3, CM.elementSymbol, CM.atomicNumber
}


@dataclass(frozen=True)
class Fact:
    """One triple about the resource: ``value`` is its object (outgoing) or subject (incoming)."""

    predicate: URIRef
    value: Identifier
    asserted: bool


@dataclass(frozen=True)
class Evidence:
    """A text span behind the resource: its anchor, offsets and the document holding it."""

    span: URIRef
    anchor: str | None
    begin: int | None
    end: int | None
    document: URIRef


@dataclass(frozen=True)
class Description:
    """Everything the resource page shows; ``labels`` maps IRIs to their display labels."""

    iri: URIRef
    types: list[Fact]
    facts: list[Fact]
    incoming: list[Fact]
    links: list[Fact]
    identifiers: list[Fact]
    sources: list[URIRef]
    evidence: list[Evidence]
    labels: dict[URIRef, str] = field(default_factory=dict)
    justifications: dict[Triple, Justification] = field(default_factory=dict)

    @property
    def label(self) -> str | None:
        """The resource's own label, if it has one."""
        return self.labels.get(self.iri)

    def why(self, fact: Fact, incoming: bool = False) -> Justification | None:
        """The justification of an inferred ``fact`` (of ``incoming``, when it links here)."""
        triple = (fact.value, fact.predicate, self.iri) if incoming else (
            self.iri, fact.predicate, fact.value)
        return self.justifications.get(triple)


def resource_exists(store: Store, iri: URIRef) -> bool:
    """Whether the store holds any triple with ``iri`` as subject or object."""
    return bool(store.query(EXISTS_QUERY, {"this": iri}).askAnswer)


def describe(store: Store, iri: URIRef, schema: Schema | None = None) -> Description | None:
    """Gather the page's data about ``iri``; ``None`` when the store knows nothing of it.

    ``schema`` is the ontology's axioms (``justify.read_schema``), read here when not given.
    """
    if not resource_exists(store, iri):
        return None
    outgoing = _facts(store.query(OUTGOING_QUERY, {"this": iri}), "o")
    incoming = _facts(store.query(INCOMING_QUERY, {"this": iri}), "s")
    types = [fact for fact in outgoing if fact.predicate == RDF.type]
    links = [fact for fact in outgoing if fact.predicate in _LINK_PREDICATES]
    identifiers = [fact for fact in outgoing if fact.predicate in _IDENTIFIER_PREDICATES]
    sources = sorted(row.doc for row in store.query(SOURCES_QUERY, {"this": iri}))
    facts = {(iri, fact.predicate, fact.value): not fact.asserted for fact in outgoing}
    facts.update({(fact.value, fact.predicate, iri): not fact.asserted for fact in incoming})
    justifications = (
        justify(iri, {**read_premises(store, iri), **facts}, schema or read_schema(store))
        if any(facts.values()) else {}
    )
    labels = _labels(store, iri)
    labels.update(_labels_of(store, _named_terms(justifications.values()) - set(labels)))
    return Description(
        iri=iri,
        types=types,
        facts=[fact for fact in outgoing if fact.predicate != RDF.type],
        incoming=incoming,
        links=links,
        identifiers=identifiers,
        sources=sources,
        evidence=_evidence(store, iri),
        labels=labels,
        justifications=justifications,
    )


def describe_as_graph(store: Store, iri: URIRef, schema: Schema | None = None) -> Graph:
    """The triples served to machines for ``iri`` (empty when it is unknown), with the
    justification of each inferred triple (``cm:Justification``, see
    ``justification.justification_graph``)."""
    graph = Graph()
    bind_prefixes(graph)
    result = store.query(CONSTRUCT_QUERY, {"this": iri})
    for triple in result.graph or ():
        graph.add(triple)
    if len(graph):
        found = justify_resource(store, iri, schema or read_schema(store))
        graph += justification_graph(iri, found.values())
    return graph


def document_file(store: Store, document: URIRef) -> tuple[str | None, str | None]:
    """A source document's ``cm:sha256`` and ``cm:fileName``, where the store has them."""
    for row in store.query(DOCUMENT_QUERY, {"this": document}):
        return _text(row.sha), _text(row.fileName)
    return None, None


def _facts(rows: Iterable[ResultRow], value_name: str) -> list[Fact]:
    """Group rows of (predicate, value, graph) into facts marked asserted or inferred only."""
    graphs: dict[tuple[URIRef, Identifier], set[Identifier | None]] = defaultdict(set)
    for row in rows:
        graphs[(row.p, row[value_name])].add(row.g)
    facts = [
        Fact(predicate, value, asserted=any(graph != INFERRED_GRAPH for graph in in_graphs))
        for (predicate, value), in_graphs in graphs.items()
    ]
    return sorted(facts, key=lambda fact: (str(fact.predicate), not fact.asserted, fact.value))


def _labels(store: Store, iri: URIRef) -> dict[URIRef, str]:
    """The best label of the resource and of each neighbour: prefLabel, label, title, anchor."""
    return _best_labels(store.query(LABELS_QUERY, {"this": iri}))


def _labels_of(store: Store, terms: Iterable[URIRef]) -> dict[URIRef, str]:
    """The best label of each of ``terms`` (at most :data:`MAX_EXTRA_LABELS` of them), by one
    query that binds each term to a variable of its own."""
    chosen = sorted(terms)[:MAX_EXTRA_LABELS]
    if not chosen:
        return {}
    branches = " UNION ".join(
        f"{{ ?t{number} ?kind ?label BIND(?t{number} AS ?x) }}" for number in range(len(chosen))
    )
    query = (
        SPARQL_PREFIXES
        + f"\nSELECT ?x ?kind ?label WHERE {{ {branches}"
        + " VALUES ?kind { skos:prefLabel rdfs:label dcterms:title } FILTER(isLiteral(?label)) }"
    )
    return _best_labels(store.query(query, {f"t{n}": term for n, term in enumerate(chosen)}))


def _named_terms(justifications: Iterable[Justification]) -> set[URIRef]:
    """The IRIs that ``justifications`` show: in their axioms and premises."""
    return {
        term
        for justification in justifications
        for terms in (
            *(axiom.parts for axiom in justification.axioms),
            *(premise.triple for premise in justification.premises),
        )
        for term in terms
        if isinstance(term, URIRef)
    }


def _best_labels(rows: Iterable[ResultRow]) -> dict[URIRef, str]:
    """The best label of each ``?x`` among rows of (``?x``, ``?kind``, ``?label``)."""
    best: dict[URIRef, tuple[int, int, str]] = {}
    for row in rows:
        label: Literal = row.label
        language = (label.language or "").lower()
        rank = (_LABEL_PRIORITY[row.kind], 0 if language in ("", "en") else 1, str(label))
        if row.x not in best or rank < best[row.x]:
            best[row.x] = rank
    return {subject: rank[2] for subject, rank in best.items()}


def _evidence(store: Store, iri: URIRef) -> list[Evidence]:
    """The spans the resource's facts rest on, in document and offset order."""
    spans = [
        Evidence(
            span=row.span,
            anchor=_text(row.anchor),
            begin=_integer(row.begin),
            end=_integer(row.end),
            document=row.doc or URIRef(str(row.span).split("#", 1)[0]),
        )
        for row in store.query(EVIDENCE_QUERY, {"this": iri})
    ]
    unique = {span.span: span for span in spans}
    return sorted(unique.values(), key=lambda span: (str(span.document), span.begin or 0))


def _text(term: Identifier | None) -> str | None:
    """A term's lexical form, or None where unbound."""
    return None if term is None else str(term)


def _integer(term: Identifier | None) -> int | None:
    """A literal's integer value, or None where unbound or not an integer."""
    if isinstance(term, Literal):
        try:
            return int(term)
        except ValueError:
            return None
    return None
