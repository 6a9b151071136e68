"""Justify the inferred triples about one resource from what the store holds.

Three small SPARQL queries read what the rules of ``justification_rules`` need: the ontology's
axioms (:func:`read_schema`, the same for every resource: read it once), the triples with the
resource as subject or object, and the few premises one step away (:func:`read_premises`).
The rules then run in Python, so the SPARQL stays short enough for every store, rdflib's
included (its parser takes a second over one query of all the rules).

Of the ways a triple can be derived, :func:`justify` keeps the one that uses the fewest
entailed (not stated) axioms, then the fewest steps down to stated facts. Costs only grow
along a derivation, so following the chosen premises always ends at stated facts and never
goes round in a circle. A premise about another resource counts as one step: it is justified
on that resource's page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Protocol

from rdflib import URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.graph.base.namespaces import INFERRED_GRAPH, IRI_FORBIDDEN, PREFIXES
from critmin.graph.owl.justification import Facts, Justification, Premise, Schema, Triple
from critmin.graph.owl.justification_rules import candidates

_PROLOGUE = "\n".join(f"PREFIX {prefix}: <{iri}>" for prefix, iri in PREFIXES.items())

SCHEMA_QUERY = _PROLOGUE + """
SELECT ?s ?p ?o ?entailed WHERE {
  { VALUES ?p { rdfs:subClassOf rdfs:subPropertyOf rdfs:domain rdfs:range owl:equivalentClass
      owl:inverseOf owl:propertyChainAxiom owl:onProperty owl:hasValue owl:someValuesFrom
      owl:intersectionOf rdf:first rdf:rest } ?s ?p ?o }
  UNION { VALUES ?o { owl:TransitiveProperty owl:SymmetricProperty } ?s a ?o BIND(rdf:type AS ?p) }
  BIND(EXISTS { GRAPH ?inferred { ?s ?p ?o } } AS ?entailed)
}"""
"""The axioms the rules apply, each flagged entailed when the inferred graph holds it."""

ABOUT_QUERY = _PROLOGUE + """
SELECT ?s ?p ?o ?inferredOnly WHERE {
  { ?this ?p ?o BIND(?this AS ?s) } UNION { ?s ?p ?this BIND(?this AS ?o) }
  BIND(NOT EXISTS { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?inferred) } AS ?inferredOnly)
}"""
"""The triples with ``?this`` as subject or object, each flagged inferred when no graph but
the inferred graph holds it (as resource pages mark facts)."""

PREMISES_QUERY = _PROLOGUE + """
SELECT DISTINCT ?s ?p ?o ?inferredOnly WHERE {
  { GRAPH ?inferred { ?this ?p0 ?o } FILTER(?p0 != rdf:type) ?this ?p1 ?s . ?s ?p ?o }
  UNION { GRAPH ?inferred { ?s ?p0 ?this } ?s ?p ?o . ?o ?p1 ?this }
  UNION { ?r owl:someValuesFrom ?o ; owl:onProperty ?p1 . ?this ?p1 ?s . ?s a ?o
    BIND(rdf:type AS ?p) }
  UNION { ?this owl:sameAs ?s . ?s ?p ?o }
  BIND(EXISTS { GRAPH ?inferred { ?s ?p ?o } } AS ?inferredOnly)
}"""
"""Triples one step away from ``?this`` that two-premise rules need: the second link of a
path from ``?this`` to a term it has an inferred link to, the first link of such a path into
``?this`` (transitive properties, property chains, owl:sameAs), the types that
someValuesFrom restrictions ask of its neighbours, and what holds of the terms it is
owl:sameAs. Each is flagged inferred when the inferred graph holds it (the build never puts
a stated triple there)."""

_THIS_VARIABLE = re.compile(r"\?this\b")
_INFERRED_VARIABLE = re.compile(r"\?inferred\b")

Cost = tuple[int, int]
_UNREACHED: Cost = (1 << 30, 1 << 30)


class SparqlSource(Protocol):
    """Anything that answers SPARQL with typed bindings, as critmin's stores do."""

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        """Run ``sparql`` with ``bindings`` bound to its variables."""
        ...


def read_schema(source: SparqlSource) -> Schema:
    """The axioms of the dataset behind ``source`` that the rules apply."""
    rows = source.query(SCHEMA_QUERY, {"inferred": INFERRED_GRAPH})
    return Schema(((row.s, row.p, row.o), bool(row.entailed.toPython())) for row in rows)


def about_resource(query: str, iri: URIRef) -> str:
    """``query`` with ``?this`` written as ``iri`` and ``?inferred`` as the inferred graph,
    constants rather than bound variables: Oxigraph plans a variable bound by a ``VALUES`` block
    (how a binding reaches it) as free in the patterns it joins, and read the whole store for
    the premises of a busy resource (82 s at a million triples, against 0.4 s with constants).
    ValueError when ``iri`` holds a character an IRI may not (it would end the IRI early)."""
    if IRI_FORBIDDEN.search(str(iri)):
        raise ValueError(f"not an IRI: {str(iri)!r}")
    with_graph = _INFERRED_VARIABLE.sub(f"<{INFERRED_GRAPH}>", query)
    return _THIS_VARIABLE.sub(lambda _: f"<{iri}>", with_graph)


def read_premises(source: SparqlSource, iri: URIRef) -> dict[Triple, bool]:
    """The premises one step away from ``iri`` (:data:`PREMISES_QUERY`), each mapped to
    whether it is inferred."""
    rows = source.query(about_resource(PREMISES_QUERY, iri))
    return {(row.s, row.p, row.o): bool(row.inferredOnly.toPython()) for row in rows}


def justify_resource(
    source: SparqlSource, iri: URIRef, schema: Schema
) -> dict[Triple, Justification]:
    """The best justification of each inferred triple with ``iri`` as subject or object."""
    about = {
        (row.s, row.p, row.o): bool(row.inferredOnly.toPython())
        for row in source.query(about_resource(ABOUT_QUERY, iri))
    }
    if not any(about.values()):
        return {}
    return justify(iri, {**read_premises(source, iri), **about}, schema)


def justify(
    iri: URIRef | None, facts: Mapping[Triple, bool], schema: Schema
) -> dict[Triple, Justification]:
    """The best justification of each inferred triple of ``facts`` that has ``iri`` as
    subject or object (of every inferred triple when ``iri`` is None), where there is one.

    ``facts`` maps triples that hold to whether they are inferred: at least every triple with
    ``iri`` as subject or object, and those :func:`read_premises` reads.
    """

    def about_iri(triple: Triple) -> bool:
        return iri is None or iri in (triple[0], triple[2])

    known = Facts(facts)
    found = [
        candidate
        for triple in sorted(facts)
        if facts[triple] and about_iri(triple)
        for candidate in candidates(triple, known, schema)
    ]
    return _cheapest(found, about_iri)


def _cheapest(
    found: list[Justification], about_iri: Callable[[Triple], bool]
) -> dict[Triple, Justification]:
    """For each conclusion, the candidate of least cost (entailed axioms used, then depth),
    to a fixpoint; a premise about another resource costs one step, an unexplained one
    about this resource rules its candidate out."""
    best: dict[Triple, tuple[Cost, Justification]] = {}

    def cost_of(premise: Premise) -> Cost:
        if not premise.inferred:
            return (0, 0)
        if not about_iri(premise.triple):
            return (0, 1)
        return best[premise.triple][0] if premise.triple in best else _UNREACHED

    changed = True
    while changed:
        changed = False
        for candidate in found:
            costs = [cost_of(premise) for premise in candidate.premises]
            if _UNREACHED in costs:
                continue
            cost = (
                sum(axiom.entailed for axiom in candidate.axioms) + sum(c[0] for c in costs),
                1 + max((c[1] for c in costs), default=0),
            )
            if candidate.conclusion not in best or cost < best[candidate.conclusion][0]:
                best[candidate.conclusion] = (cost, candidate)
                changed = True
    return {conclusion: chosen for conclusion, (_, chosen) in best.items()}
