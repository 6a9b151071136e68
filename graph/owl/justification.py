"""What a justification of an inferred triple is, and how it is written as RDF.

A :class:`Justification` is one step of a derivation under the OWL 2 RL/RDF rules (W3C OWL 2
Profiles, section 4.3): the rules applied, the ontology axioms they apply and the premises they
start from. ``justification_rules`` finds them and ``justify`` picks the best per triple. As
data, a justification is a ``cm:Justification`` whose conclusion, premises and axioms are
reified statements (``rdf:Statement``); a class expression or list in an axiom is written as
OWL writes it, with blank nodes named by their content so that a description serialises the
same every time.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import RDF, RDFS, BNode, Graph, Literal, Node, URIRef

from critmin.graph.base.namespaces import CM

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Premise:
    """A triple the rule starts from; ``inferred`` when only the inferred graph holds it."""

    triple: Triple
    inferred: bool


@dataclass(frozen=True)
class Axiom:
    """An ontology axiom as shown (terms, and words between them) and as RDF: its statement,
    whose object may be a class expression or list that ``expression`` describes."""

    parts: tuple[Node | str, ...]
    statement: Triple
    expression: tuple[Triple, ...] = ()
    entailed: bool = False


@dataclass(frozen=True)
class Justification:
    """One step of a derivation: the OWL 2 RL rules (ids, in the order applied), what they do
    in plain words, the axioms they apply and the premises they start from."""

    conclusion: Triple
    rules: tuple[str, ...]
    name: str
    axioms: tuple[Axiom, ...]
    premises: tuple[Premise, ...]


class Schema:
    """The ontology's axioms, indexed both ways; ``entailed`` holds those only inferred."""

    def __init__(self, axioms: Iterable[tuple[Triple, bool]]) -> None:
        self._objects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self._subjects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self.entailed: set[Triple] = set()
        for (subject, predicate, obj), entailed in sorted(set(axioms)):
            self._objects[(subject, predicate)].append(obj)
            self._subjects[(predicate, obj)].append(subject)
            if entailed:
                self.entailed.add((subject, predicate, obj))

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """The objects of ``subject predicate ?``, in a fixed order."""
        return self._objects.get((subject, predicate), [])

    def subjects(self, predicate: Node, obj: Node) -> list[Node]:
        """The subjects of ``? predicate obj``, in a fixed order."""
        return self._subjects.get((predicate, obj), [])

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of ``subject predicate ?``, or None."""
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def items(self, head: Node) -> list[Node]:
        """The members of the RDF list starting at ``head`` (up to a broken link)."""
        members: list[Node] = []
        seen: set[Node] = set()
        while head != RDF.nil and head not in seen:
            seen.add(head)
            first = self.value(head, RDF.first)
            if first is None:
                break
            members.append(first)
            head = self.value(head, RDF.rest) or RDF.nil
        return members

    def lists_containing(self, member: Node) -> list[Node]:
        """The heads of the RDF lists that have ``member`` as a member."""
        heads = []
        for cell in self.subjects(RDF.first, member):
            seen = {cell}
            while (before := self.subjects(RDF.rest, cell)) and before[0] not in seen:
                cell = before[0]
                seen.add(cell)
            heads.append(cell)
        return heads


class Facts:
    """Triples of the data that hold, each flagged inferred or not, indexed both ways."""

    def __init__(self, facts: Mapping[Triple, bool]) -> None:
        self.inferred = dict(facts)
        self._objects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self._subjects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        for subject, predicate, obj in sorted(facts):
            self._objects[(subject, predicate)].append(obj)
            self._subjects[(predicate, obj)].append(subject)

    def __contains__(self, triple: object) -> bool:
        return triple in self.inferred

    def premise(self, triple: Triple) -> Premise:
        """``triple`` (which must hold) as a premise."""
        return Premise(triple, self.inferred[triple])

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """The objects of ``subject predicate ?``, in a fixed order."""
        return self._objects.get((subject, predicate), [])

    def subjects(self, predicate: Node, obj: Node) -> list[Node]:
        """The subjects of ``? predicate obj``, in a fixed order."""
        return self._subjects.get((predicate, obj), [])


def why_id(triple: Triple) -> str:
    """A short id of ``triple``, the same on every page and in every description:
    ``why-`` and twelve hex digits of the SHA-256 of its terms in N-Triples form."""
    return "why-" + _digest(*triple)[:12]


def content_bnode(*parts: Node | str) -> BNode:
    """A blank node named by what it describes, so that descriptions serialise alike."""
    return BNode("b" + _digest(*parts)[:16])


def _digest(*parts: Node | str) -> str:
    text = " ".join(part.n3() if isinstance(part, Node) else part for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def justification_iri(resource: URIRef, conclusion: Triple) -> URIRef:
    """The IRI of the justification of ``conclusion`` in ``resource``'s description: a
    fragment of the resource's IRI, the anchor of its "why" on the resource's page."""
    return URIRef(f"{str(resource).split('#', 1)[0]}#{why_id(conclusion)}")


def justification_graph(resource: URIRef, justifications: Iterable[Justification]) -> Graph:
    """``justifications`` as RDF, each a ``cm:Justification`` named by
    :func:`justification_iri`."""
    graph = Graph()
    for justification in justifications:
        node = justification_iri(resource, justification.conclusion)
        graph.add((node, RDF.type, CM.Justification))
        graph.add((node, RDFS.label, Literal(justification.name, lang="en")))
        for rule in justification.rules:
            graph.add((node, CM.rule, Literal(rule)))
        graph.add((node, CM.conclusion, _statement(graph, justification.conclusion)))
        for premise in justification.premises:
            graph.add((node, CM.premise, _statement(graph, premise.triple)))
        for axiom in justification.axioms:
            graph.add((node, CM.axiom, _statement(graph, axiom.statement)))
            for triple in axiom.expression:
                graph.add(triple)
    return graph


def _statement(graph: Graph, triple: Triple) -> BNode:
    """The reified statement of ``triple``, added to ``graph``."""
    node = content_bnode("statement", *triple)
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, triple[0]))
    graph.add((node, RDF.predicate, triple[1]))
    graph.add((node, RDF.object, triple[2]))
    return node
