"""The OWL 2 RL closure of a critmin graph, reduced to the inferences worth publishing.

Two reasoners compute the closure. owlrl is the reference ("the oracle"): it computes the
closure in place and writes what it finds inconsistent as triples. The fast closure
(``fast_closure``, the default) gives the same published triples many times faster; where it
cannot promise that (a possible inconsistency, odd literals) this module runs owlrl instead,
so error messages are always owlrl's. Either way it raises :class:`InconsistencyError` for
owlrl's reports and returns only the new triples that say something about critmin's terms
or data.
"""

from __future__ import annotations

import logging
import re
import time
import typing
from collections.abc import Collection, Iterable

import owlrl
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Node, URIRef
from rdflib.namespace import NamespaceManager

from critmin.graph.base.namespaces import bind_prefixes
from critmin.graph.owl.fast_closure import NeedsOwlrl, fast_closure

log = logging.getLogger("critmin.reasoning")

Triple = tuple[Node, Node, Node]

Reasoner = typing.Literal["fast", "owlrl"]
REASONERS: tuple[Reasoner, ...] = ("fast", "owlrl")
"""The fast closure (default) and owlrl, the reference it is tested against."""

BUILT_IN_NAMESPACES = (str(RDF), str(RDFS), str(OWL), str(XSD))
"""Vocabularies whose own terms owlrl restates (datatypes, annotation properties, owl:Thing)."""

REFLEXIVE_WHEN_SAME = (
    OWL.sameAs,
    OWL.equivalentClass,
    OWL.equivalentProperty,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
)
"""Predicates for which ``x p x`` holds of every term and says nothing."""

CLASS_EXPRESSION_PREDICATES = (
    OWL.onProperty,
    OWL.intersectionOf,
    OWL.unionOf,
    OWL.oneOf,
    OWL.complementOf,
    OWL.members,
    OWL.distinctMembers,
    RDF.first,
    RDF.rest,
)
"""A blank node that is the subject of one of these is a class expression or an RDF list."""

ERROR_REPORT = (RDF.type, ERRNS.ErrorMessage)
"""The predicate and object that make a node one of owlrl's error reports."""


class InconsistencyError(Exception):
    """owlrl found the data inconsistent with the ontology; the message names rule and terms."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


def infer(data: Graph | Dataset, reasoner: Reasoner = "fast") -> Graph:
    """The triples the OWL 2 RL closure adds to ``data`` (the union of its graphs).

    The caller includes the ontology in ``data``; it is not added here, and ``data`` is not
    changed. ``reasoner`` is "fast" (``fast_closure``, falling back to owlrl where it must)
    or "owlrl"; both publish the same triples. Of the closure's new triples this keeps what a
    user can read and query: types, property values, sameAs links between distinct terms, and
    entailments between named classes and properties (the subclass closure, inherited
    domains and ranges). It drops what holds of every term or belongs to the machinery:
    ``x owl:sameAs x`` and the other reflexive axioms, triples with a literal subject (owlrl's
    typing of literals), statements about the built-in RDF, RDFS, OWL and XSD terms,
    ``owl:Thing`` as a type, superclass, domain or range and ``owl:Nothing`` as a subclass,
    anything touching the blank nodes of class expressions and lists (their labels are not
    stable, so they cannot be published reproducibly), and owlrl's error reports, which are
    raised as :class:`InconsistencyError`.
    """
    if reasoner not in REASONERS:
        raise ValueError(f"unknown reasoner {reasoner!r}; use one of {', '.join(REASONERS)}")
    asserted = set(_union_triples(data))
    started = time.process_time()
    log.info("reasoning (%s) over %d triples", reasoner, len(asserted))
    closure: Collection[Triple]
    if reasoner == "fast":
        try:
            closure = fast_closure(asserted)
        except NeedsOwlrl as reason:
            log.info("owlrl instead of the fast closure: %s", reason)
            closure = _owlrl_closure(asserted)
    else:
        closure = _owlrl_closure(asserted)
    machinery = _machinery_blank_nodes(closure)
    inferred = Graph()
    bind_prefixes(inferred)
    for triple in closure:
        if triple not in asserted and _publishable(triple, machinery):
            inferred.add(triple)
    log.info("reasoning: %d triples in the closure, %d new published (%.2f s)",
             len(closure), len(inferred), time.process_time() - started)
    return inferred


def _owlrl_closure(triples: Iterable[Triple]) -> Graph:
    """owlrl's closure of ``triples``; raises :class:`InconsistencyError` for its reports."""
    work = Graph()
    bind_prefixes(work)
    for triple in triples:
        work.add(triple)
    owlrl.DeductiveClosure(_OwlrlWithProgress).expand(work)
    problems = inconsistencies(work)
    if problems:
        raise InconsistencyError(problems)
    return work


class _OwlrlWithProgress(owlrl.OWLRL_Semantics):
    """owlrl's OWL 2 RL rules, logging the size of the graph as each cycle starts."""

    _logged_cycle = 0

    def rules(self, t: Triple, cycle_num: int) -> None:
        if cycle_num != self._logged_cycle:
            self._logged_cycle = cycle_num
            log.info("owlrl cycle %d: %d triples", cycle_num, len(self.graph))
        super().rules(t, cycle_num)


def inconsistencies(closure: Graph) -> list[str]:
    """owlrl's error reports in ``closure``, each as a sentence naming its rule and terms."""
    messages = sorted(
        str(message)
        for report in closure.subjects(RDF.type, ERRNS.ErrorMessage)
        for message in closure.objects(report, ERRNS.error)
    )
    return [_explain(message, closure) for message in messages]


def _union_triples(data: Graph | Dataset) -> Iterable[Triple]:
    if isinstance(data, Dataset):
        return ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    return data.triples((None, None, None))


def _machinery_blank_nodes(closure: Iterable[Triple]) -> set[Node]:
    """Blank nodes that are error reports, class expressions or list cells."""
    return {
        subject
        for subject, predicate, obj in closure
        if isinstance(subject, BNode)
        and (predicate in CLASS_EXPRESSION_PREDICATES or (predicate, obj) == ERROR_REPORT)
    }


def _publishable(triple: Triple, machinery: set[Node]) -> bool:
    subject, predicate, obj = triple
    if isinstance(subject, Literal) or subject in machinery or obj in machinery:
        return False
    if subject == obj and predicate in REFLEXIVE_WHEN_SAME:
        return False
    if str(subject).startswith(BUILT_IN_NAMESPACES):
        return False
    if obj == OWL.Thing and predicate in (RDF.type, RDFS.subClassOf, RDFS.domain, RDFS.range):
        return False
    return not (subject == OWL.Nothing and predicate == RDFS.subClassOf)


def _explain(message: str, graph: Graph) -> str:
    """Turn one of owlrl's error strings into a sentence with the rule id and short names."""
    for rule, pattern, template in _OWLRL_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            if rule == "cax-dw" and not _declared_disjoint(match[1], match[2], graph):
                rule = "cax-adc"
            terms = [_short(term, graph.namespace_manager) for term in match.groups()]
            return f"OWL 2 RL rule {rule}: " + template.format(*terms)
    return f"OWL 2 RL inconsistency: {message}"


def _declared_disjoint(first: str, second: str, graph: Graph) -> bool:
    one, two = URIRef(first), URIRef(second)
    return (one, OWL.disjointWith, two) in graph or (two, OWL.disjointWith, one) in graph


def _short(term: str, names: NamespaceManager) -> str:
    """``prefix:rest`` for the longest bound namespace the IRI starts with, else ``<IRI>``."""
    if not term.startswith(("http://", "https://", "urn:")):
        return term
    matches = [(len(ns), prefix) for prefix, ns in names.namespaces() if term.startswith(ns)]
    if not matches:
        return f"<{term}>"
    length, prefix = max(matches)
    return f"{prefix}:{term[length:]}"


_OWLRL_ERRORS: list[tuple[str, re.Pattern[str], str]] = [
    (rule, re.compile(pattern), template)
    for rule, pattern, template in [
        (
            "cax-dw",
            r"Disjoint classes (\S+) and (\S+) have a common individual (\S+)",
            "{2} is an instance of both {0} and {1}, which are disjoint classes",
        ),
        (
            "cls-nothing2",
            r"(\S+) is defined of type 'Nothing'",
            "{0} is an instance of owl:Nothing",
        ),
        (
            "eq-diff1",
            r"'sameAs' and 'differentFrom' cannot be used on the same subject-object "
            r"pair: \((\S+), (\S+)\)",
            "{0} and {1} are stated to be both the same and different",
        ),
        (
            "eq-diff2",
            r"'sameAs' and 'AllDifferent' cannot be used on the same subject-object "
            r"pair: \((\S+), (\S+)\)",
            "{0} and {1} are the same but listed as all different",
        ),
        (
            "prp-irp",
            r"Irreflexive property used on (\S+) with (\S+)",
            "{0} is related to itself by the irreflexive property {1}",
        ),
        (
            "prp-asyp",
            r"Erroneous usage of asymmetric property (\S+) on (\S+) and (\S+)",
            "the asymmetric property {0} links {1} and {2} both ways",
        ),
        (
            "prp-adp",
            r"Disjoint properties in an 'AllDisjointProperties' are not really disjoint: "
            r"\((\S+), (\S+),(\S+)\) and \((\S+),(\S+),(\S+)\)",
            "{0} is linked to {2} by both {1} and {4}, which are disjoint properties",
        ),
        (
            "prp-pdw",
            r"Erroneous usage of disjoint properties (\S+) and (\S+) on (\S+) and (\S+)",
            "{2} is linked to {3} by both {0} and {1}, which are disjoint properties",
        ),
        (
            "prp-npa1",
            r"Negative \(object\) property assertion violated for: \((\S+), (\S+), (\S+)\)",
            "{0} {1} {2} is asserted although a negative assertion excludes it",
        ),
        (
            "prp-npa2",
            r"Negative \(datatype\) property assertion violated for: \((\S+), (\S+), (.+)\)",
            "{0} {1} {2} is asserted although a negative assertion excludes it",
        ),
        (
            "cls-com",
            r"Violation of complementarity for classes (\S+) and (\S+) on element (\S+)",
            "{2} is an instance of {0} and of its complement {1}",
        ),
        (
            "cls-avf",
            r"Violation of type restriction for allValuesFrom in (\S+) for datatype (\S+) on "
            r"value (.+)",
            "the value {2} of {0} is not a valid {1}",
        ),
        (
            "cls-maxc1",
            r"Erroneous usage of maximum cardinality with (\S+) and (\S+)",
            "an instance of the restriction {0} has the value {1} although its cardinality is 0",
        ),
        (
            "cls-maxqc1",
            r"Erroneous usage of maximum qualified cardinality with (\S+), (\S+) and (\S+)",
            "an instance of the restriction {0} has the value {2} of class {1} although "
            "its cardinality is 0",
        ),
        (
            "dt-not-type",
            r"Lexical value of the literal '(.*)' does not match its datatype \((\S+)\)",
            "the literal '{0}' is not a valid {1}",
        ),
    ]
]
"""owlrl 7.6's error strings (the add_error calls in owlrl/OWLRL.py), their OWL 2 RL rule
ids and a rewording; cax-dw becomes cax-adc when the classes are disjoint through
owl:AllDisjointClasses, as owlrl words both alike."""
