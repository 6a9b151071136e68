"""A fast OWL 2 RL closure that reproduces owlrl's: reasonable, property chains and owlrl's
own closure of the schema.

``reasonable`` (a Rust reasoner) computes the OWL 2 RL closure of instance data much faster
than owlrl but lacks two things owlrl has: the property chain rule (prp-spo2) and some schema
rules (inherited domains and ranges, scm-dom1/scm-rng1, the superclasses of an intersection,
scm-int). This module runs owlrl on the schema triples alone (a few hundred, whatever the
size of the data), gives its entailments to reasonable with the data, and adds the property
chains to reasonable's closure until nothing new follows. On critmin's ontology and data the
result, reduced to what ``reasoning.infer`` publishes, is exactly owlrl's (tests compare both).

Where this cannot promise owlrl's result it raises :class:`NeedsOwlrl` instead: when the
closure may be inconsistent (owlrl's error reports carry its exact wording), or when two
literals of the input are one term to reasonable (``"x"`` and ``"x"^^xsd:string``).
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import defaultdict
from collections.abc import Collection, Iterable

import owlrl
import reasonable
from owlrl.DatatypeHandling import AltXSDToPYTHON
from owlrl.Namespaces import ERRNS
from owlrl.XsdDatatypes import OWL_RL_Datatypes
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Node

log = logging.getLogger("critmin.reasoning")

Triple = tuple[Node, Node, Node]

SCHEMA_PREDICATES = frozenset(
    {
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.inverseOf,
        OWL.propertyChainAxiom,
        OWL.disjointWith,
        OWL.propertyDisjointWith,
        OWL.onProperty,
        OWL.onClass,
        OWL.hasValue,
        OWL.someValuesFrom,
        OWL.allValuesFrom,
        OWL.intersectionOf,
        OWL.unionOf,
        OWL.complementOf,
        OWL.oneOf,
        OWL.members,
        OWL.hasKey,
        OWL.maxCardinality,
        OWL.maxQualifiedCardinality,
        RDF.first,
        RDF.rest,
    }
)
"""Predicates of axioms, class expressions and their lists: the schema owlrl closes."""

SCHEMA_NAMESPACES = (str(OWL), str(RDFS))
"""``x rdf:type T`` is a schema triple when T is one of these vocabularies' terms."""

POSSIBLY_INCONSISTENT_PREDICATES = frozenset(
    {
        OWL.differentFrom,
        OWL.propertyDisjointWith,
        OWL.sourceIndividual,
        OWL.complementOf,
        OWL.maxCardinality,
        OWL.maxQualifiedCardinality,
    }
)
"""Predicates of the axioms owlrl checks for contradictions, besides owl:disjointWith (which
is checked here, since critmin's ontology uses it)."""

POSSIBLY_INCONSISTENT_TYPES = frozenset(
    {
        OWL.Nothing,
        OWL.AllDifferent,
        OWL.AllDisjointClasses,
        OWL.AllDisjointProperties,
        OWL.IrreflexiveProperty,
        OWL.AsymmetricProperty,
        ERRNS.ErrorMessage,
    }
)
"""Types whose presence may mean an error report: an instance of owl:Nothing, the axioms
owlrl checks for contradictions, and a report already in the input."""


class NeedsOwlrl(Exception):
    """The fast closure cannot promise owlrl's result here; the message says why."""


def fast_closure(triples: Collection[Triple]) -> set[Triple]:
    """The OWL 2 RL closure of ``triples`` (asserted and inferred).

    It is not owlrl's closure triple for triple (the two differ in what ``reasoning.infer``
    drops, such as ``x owl:sameAs x``) but holds the same triples in all it publishes. Raises
    :class:`NeedsOwlrl` when the closure may be inconsistent or the input has literals
    reasonable does not keep apart.
    """
    literals = _literal_index(triples)
    started = time.process_time()
    schema = schema_closure(triples)
    log.info("owlrl closure of the schema: %d triples (%.2f s)", len(schema),
             time.process_time() - started)
    chains = property_chains(schema)
    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(
        [
            *triples,
            *(triple for triple in schema if not isinstance(triple[0], Literal)),
            *chain_triples(chains, triples),  # so that one round usually suffices
        ]
    )
    for round_number in itertools.count(1):
        started = time.process_time()
        closure = _restore_literals(reasoner.reason(), literals)
        new = chain_triples(chains, closure) - closure
        log.info("reasonable round %d: %d triples, %d new from property chains (%.2f s)",
                 round_number, len(closure), len(new), time.process_time() - started)
        if not new:
            break
        reasoner.from_graph(list(new))
    closure.update(schema)
    reason = possible_inconsistency(closure, literals.values())
    if reason:
        raise NeedsOwlrl(reason)
    return closure


def schema_closure(triples: Iterable[Triple]) -> Graph:
    """owlrl's closure of the schema triples of ``triples`` (axioms and class expressions)."""
    schema = Graph()
    for subject, predicate, obj in triples:
        if predicate in SCHEMA_PREDICATES or (
            predicate == RDF.type and str(obj).startswith(SCHEMA_NAMESPACES)
        ):
            schema.add((subject, predicate, obj))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(schema)
    return schema


def property_chains(schema: Graph) -> list[tuple[Node, list[Node]]]:
    """Each ``owl:propertyChainAxiom``: the property it implies and the chain of properties."""
    return [
        (implied, list(schema.items(chain)))
        for implied, chain in schema.subject_objects(OWL.propertyChainAxiom)
    ]


def chain_triples(chains: list[tuple[Node, list[Node]]], triples: Iterable[Triple]) -> set[Triple]:
    """Rule prp-spo2: ``x p y`` wherever the chain of properties of ``p`` leads from x to y."""
    used = {link for _, chain in chains for link in chain}
    objects: dict[Node, dict[Node, set[Node]]] = {link: defaultdict(set) for link in used}
    for subject, predicate, obj in triples:
        if predicate in used:
            objects[predicate][subject].add(obj)
    implied_triples: set[Triple] = set()
    for implied, chain in chains:
        if not chain:
            continue
        ends = {(start, end) for start, ends in objects[chain[0]].items() for end in ends}
        for link in chain[1:]:
            ends = {(start, after) for start, end in ends for after in objects[link].get(end, ())}
        implied_triples.update((start, implied, end) for start, end in ends)
    return implied_triples


def possible_inconsistency(closure: Collection[Triple], literals: Iterable[Literal]) -> str:
    """Why owlrl might report ``closure`` inconsistent, or "" when it cannot.

    Checks the contradictions critmin's ontology can produce (two disjoint classes sharing an
    instance, cax-dw; a literal that is not its datatype, dt-not-type) and treats any use of
    the other axioms owlrl checks as a possible contradiction.
    """
    types: dict[Node, set[Node]] = defaultdict(set)
    disjoint: list[tuple[Node, Node]] = []
    for subject, predicate, obj in closure:
        if predicate in POSSIBLY_INCONSISTENT_PREDICATES:
            return f"the data uses {predicate}"
        if predicate == RDF.type:
            if obj in POSSIBLY_INCONSISTENT_TYPES:
                return f"the data uses {obj}"
            types[obj].add(subject)
        elif predicate == OWL.disjointWith:
            disjoint.append((subject, obj))
    for one, two in disjoint:
        if types[one] & types[two]:
            return f"{one} and {two} are disjoint classes with a common instance"
    for literal in literals:
        if literal.datatype in OWL_RL_Datatypes:
            try:
                AltXSDToPYTHON.get(literal.datatype, str)(str(literal))
            except ValueError:
                return f"the literal {literal.n3()} is not a valid {literal.datatype}"
    return ""


LiteralKey = tuple[str, str, str]


def _literal_key(literal: Literal) -> LiteralKey:
    """What reasonable keeps of a literal: plain literals become xsd:string, tags lower case."""
    datatype = literal.datatype or ("" if literal.language else XSD.string)
    return str(literal), str(datatype), (literal.language or "").lower()


def _literal_index(triples: Iterable[Triple]) -> dict[LiteralKey, Literal]:
    """The input's literals by the key reasonable gives back; raises :class:`NeedsOwlrl` when
    two of them share a key."""
    index: dict[LiteralKey, Literal] = {}
    for triple in triples:
        for term in triple:
            if isinstance(term, Literal):
                known = index.setdefault(_literal_key(term), term)
                if known != term:
                    raise NeedsOwlrl(f"reasonable takes {known.n3()} and {term.n3()} as one")
    return index


def _restore_literals(
    triples: Iterable[Triple], literals: dict[LiteralKey, Literal]
) -> set[Triple]:
    """reasonable's triples with each literal as it was in the input."""
    restored: set[Triple] = set()
    for subject, predicate, obj in triples:
        if isinstance(obj, Literal):
            obj = _original(obj, literals)
        if isinstance(subject, Literal):
            subject = _original(subject, literals)
        restored.add((subject, predicate, obj))
    return restored


def _original(literal: Literal, literals: dict[LiteralKey, Literal]) -> Literal:
    try:
        return literals[_literal_key(literal)]
    except KeyError:
        raise NeedsOwlrl(f"reasonable returned the unknown literal {literal.n3()}") from None
