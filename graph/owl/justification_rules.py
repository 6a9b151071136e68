"""The OWL 2 RL rules critmin's ontology relies on, each a function from an inferred triple to
the ways it follows from known facts and the ontology's axioms.

One function per rule (or family) of the OWL 2 RL/RDF tables (W3C OWL 2 Profiles, section
4.3): cax-sco and cax-eqc (subclasses, equivalent classes), prp-dom, prp-rng, prp-spo1,
prp-spo2 (chains of two properties, the only kind the ontology has), prp-inv1/2, prp-symp,
prp-trp, cls-hv1/2, cls-svf1, cls-int1/2 and eq-sym, eq-rep-s, eq-rep-o. A class expression has
no name of its own in the published closure, so the step between it and the named class it
is equivalent to or a subclass of (cax-eqc1, cax-eqc2 or cax-sco) is part of the rule that
uses it: "non-binding agreement ≡ (binding status value non-binding)" gives the binding
status by cax-eqc1 then cls-hv1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from rdflib import OWL, RDF, RDFS, BNode, Node, URIRef

from critmin.graph.owl.justification import (
    Axiom,
    Facts,
    Justification,
    Schema,
    Triple,
    content_bnode,
)

MAX_ALTERNATIVES = 3
"""Premises kept per rule and axiom where many would do (an actor party to a thousand
agreements is an actor by the range of each): stated ones first."""

RULE_NAMES = {
    "cax-sco": "subclass",
    "cax-eqc1": "equivalent class",
    "cax-eqc2": "equivalent class",
    "prp-dom": "domain of a property",
    "prp-rng": "range of a property",
    "prp-spo1": "subproperty",
    "prp-spo2": "property chain",
    "prp-inv1": "inverse property",
    "prp-inv2": "inverse property",
    "prp-symp": "symmetric property",
    "prp-trp": "transitive property",
    "cls-hv1": "value restriction: the class gives the value",
    "cls-hv2": "value restriction: the value gives the class",
    "cls-svf1": "existential restriction",
    "cls-int1": "intersection: having every part gives the class",
    "cls-int2": "intersection: the class gives every part",
    "eq-sym": "same individual (owl:sameAs is symmetric)",
    "eq-rep-s": "same individual (owl:sameAs subject)",
    "eq-rep-o": "same individual (owl:sameAs object)",
}
"""Each rule id with what the rule does, in plain words."""

_SYMBOLS = {RDFS.subClassOf: "⊑", OWL.equivalentClass: "≡"}

Rule = Callable[[Triple, Facts, Schema], Iterator[Justification]]


def candidates(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """Every way the rules derive ``conclusion`` from ``known`` facts and ``schema``."""
    rules = TYPE_RULES if conclusion[1] == RDF.type else PROPERTY_RULES
    for rule in rules:
        yield from rule(conclusion, known, schema)


def _step(
    conclusion: Triple, rules: tuple[str, ...], name_of: str, axioms: Iterable[Axiom],
    premises: Iterable[Triple], known: Facts,
) -> Justification:
    return Justification(
        conclusion, rules, RULE_NAMES[name_of], tuple(axioms),
        tuple(known.premise(triple) for triple in premises),
    )


def _named_axiom(schema: Schema, statement: Triple, *parts: Node | str) -> Axiom:
    return Axiom(parts, statement, entailed=statement in schema.entailed)


def _few(options: Iterable[tuple[Triple, ...]], known: Facts) -> list[tuple[Triple, ...]]:
    """At most :data:`MAX_ALTERNATIVES` sets of premises, those with fewer inferred first."""
    ranked = sorted(options, key=lambda triples: ([known.inferred[t] for t in triples], triples))
    return ranked[:MAX_ALTERNATIVES]


# --- Classes: what a class is narrower and wider than, and class expressions


def _narrower(schema: Schema, cls: Node) -> Iterator[tuple[Node, str, Triple]]:
    """Classes every member of which is a member of ``cls``: each with the rule id of that
    step and the axiom's statement."""
    for other in schema.subjects(RDFS.subClassOf, cls):
        yield other, "cax-sco", (other, RDFS.subClassOf, cls)
    for other in schema.subjects(OWL.equivalentClass, cls):
        yield other, "cax-eqc1", (other, OWL.equivalentClass, cls)
    for other in schema.objects(cls, OWL.equivalentClass):
        yield other, "cax-eqc2", (cls, OWL.equivalentClass, other)


Described = tuple[tuple[Node | str, ...], list[Triple], Node]
"""A class as shown (terms and words), as triples, and its node."""


def _expression(schema: Schema, node: Node) -> Described | None:
    """How a class is shown, its triples and its node: a named class as itself; a hasValue or
    someValuesFrom restriction and an intersection of those and named classes rewritten with
    blank nodes named by content; None for any other class expression."""
    if isinstance(node, URIRef):
        return (node,), [], node
    prop = schema.value(node, OWL.onProperty)
    for kind, word in ((OWL.hasValue, "value"), (OWL.someValuesFrom, "some")):
        filler = schema.value(node, kind)
        if prop is not None and filler is not None and not isinstance(filler, BNode):
            restriction = content_bnode(kind, prop, filler)
            triples = [(restriction, RDF.type, OWL.Restriction),
                       (restriction, OWL.onProperty, prop), (restriction, kind, filler)]
            return ("(", prop, word, filler, ")"), triples, restriction
    head = schema.value(node, OWL.intersectionOf)
    members = [_expression(schema, member) for member in schema.items(head)] if head else []
    if not members or None in members:
        return None
    parts: list[Node | str] = []
    triples, cells = [], []
    for number, (member_parts, member_triples, _) in enumerate(members):
        parts.extend((["⊓"] if number else []) + list(member_parts))
        triples.extend(member_triples)
    nodes = [member[2] for member in members]
    for number, member in enumerate(nodes):
        cells.append(content_bnode("list", *nodes[number:]))
        triples.append((cells[-1], RDF.first, member))
    for cell, after in zip(cells, [*cells[1:], RDF.nil], strict=True):
        triples.append((cell, RDF.rest, after))
    intersection = content_bnode("and", *nodes)
    triples += [(intersection, RDF.type, OWL.Class), (intersection, OWL.intersectionOf, cells[0])]
    return tuple(parts), triples, intersection


def _class_axiom(schema: Schema, statement: Triple) -> Axiom | None:
    """A subclass or equivalence axiom, with its class expressions rewritten."""
    left, predicate, right = statement
    described = [_expression(schema, left), _expression(schema, right)]
    if None in described:
        return None
    (left_parts, left_triples, left_node), (right_parts, right_triples, right_node) = described
    return Axiom(
        (*left_parts, _SYMBOLS[predicate], *right_parts),
        (left_node, predicate, right_node),
        tuple(left_triples + right_triples),
        entailed=statement in schema.entailed,
    )


def _intersections_with(schema: Schema, member: Node) -> Iterator[Node]:
    """The intersections that have ``member`` as one of their parts."""
    for head in schema.lists_containing(member):
        yield from schema.subjects(OWL.intersectionOf, head)


# --- Rules concluding a type: s rdf:type cls


def class_rules(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """cax-sco and cax-eqc1/2 between named classes; cls-hv2, cls-svf1 and cls-int1 from a
    class expression equivalent to, or a subclass of, the class."""
    subject, _, cls = conclusion
    for narrower, step, statement in _narrower(schema, cls):
        rule, options = _membership(subject, narrower, known, schema)
        axiom = _class_axiom(schema, statement) if options and narrower != cls else None
        if axiom is None:
            continue
        rules = (step,) if rule is None else (rule, step)
        for premises in options:
            yield _step(conclusion, rules, rule or step, [axiom], premises, known)


def _membership(
    subject: Node, cls: Node, known: Facts, schema: Schema
) -> tuple[str | None, list[tuple[Triple, ...]]]:
    """The rule by which known facts make ``subject`` a member of ``cls`` (None when ``cls``
    is named: its rdf:type says so), and the premises of each way they do (none: they do not).
    """
    if isinstance(cls, URIRef):
        stated = (subject, RDF.type, cls)
        return None, [(stated,)] if stated in known else []
    prop = schema.value(cls, OWL.onProperty)
    value = schema.value(cls, OWL.hasValue)
    some = schema.value(cls, OWL.someValuesFrom)
    if prop is not None and value is not None:
        valued = (subject, prop, value)
        return "cls-hv2", [(valued,)] if valued in known else []
    if prop is not None and some is not None:
        options = (((subject, prop, filler), (filler, RDF.type, some))
                   for filler in known.objects(subject, prop)
                   if (filler, RDF.type, some) in known)
        return "cls-svf1", _few(options, known)
    head = schema.value(cls, OWL.intersectionOf)
    parts = [_membership(subject, member, known, schema)[1] for member in schema.items(head)]
    if head is None or not parts or not all(parts):
        return "cls-int1", []
    return "cls-int1", [tuple(triple for options in parts for triple in options[0])]


def intersection_part(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """cls-int2: a member of an intersection is a member of each named part."""
    subject, _, part = conclusion
    for intersection in _intersections_with(schema, part):
        for cls, step, statement in _narrower(schema, intersection):
            axiom = _class_axiom(schema, statement)
            if axiom and isinstance(cls, URIRef) and (subject, RDF.type, cls) in known:
                yield _step(conclusion, (step, "cls-int2"), "cls-int2", [axiom],
                            [(subject, RDF.type, cls)], known)


def domain_and_range(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """prp-dom and prp-rng: a property's subject and object are members of its domain and range."""
    subject, _, cls = conclusion
    for prop in schema.subjects(RDFS.domain, cls):
        axiom = _named_axiom(schema, (prop, RDFS.domain, cls), prop, "has domain", cls)
        for premises in _few((((subject, prop, o),) for o in known.objects(subject, prop)), known):
            yield _step(conclusion, ("prp-dom",), "prp-dom", [axiom], premises, known)
    for prop in schema.subjects(RDFS.range, cls):
        axiom = _named_axiom(schema, (prop, RDFS.range, cls), prop, "has range", cls)
        for premises in _few((((s, prop, subject),) for s in known.subjects(prop, subject)), known):
            yield _step(conclusion, ("prp-rng",), "prp-rng", [axiom], premises, known)


# --- Rules concluding a property value: s p o


def subproperty(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """prp-spo1: a subproperty's values are values of the property."""
    subject, prop, obj = conclusion
    for narrower in schema.subjects(RDFS.subPropertyOf, prop):
        if narrower != prop and (subject, narrower, obj) in known:
            axiom = _named_axiom(schema, (narrower, RDFS.subPropertyOf, prop), narrower, "⊑", prop)
            yield _step(conclusion, ("prp-spo1",), "prp-spo1", [axiom],
                        [(subject, narrower, obj)], known)


def property_chain(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """prp-spo2 for chains of two properties: ``s first x`` and ``x second o`` give ``s p o``."""
    subject, prop, obj = conclusion
    for head in schema.objects(prop, OWL.propertyChainAxiom):
        chain = schema.items(head)
        if len(chain) != 2:
            continue
        first, second = chain
        axiom = Axiom(
            (first, "∘", second, "⊑", prop),
            (prop, OWL.propertyChainAxiom, content_bnode("list", first, second)),
            ((content_bnode("list", first, second), RDF.first, first),
             (content_bnode("list", first, second), RDF.rest, content_bnode("list", second)),
             (content_bnode("list", second), RDF.first, second),
             (content_bnode("list", second), RDF.rest, RDF.nil)),
        )
        options = (((subject, first, x), (x, second, obj)) for x in known.objects(subject, first)
                   if (x, second, obj) in known)
        for premises in _few(options, known):
            yield _step(conclusion, ("prp-spo2",), "prp-spo2", [axiom], premises, known)


def inverse(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """prp-inv1 and prp-inv2: ``o q s`` gives ``s p o`` when p and q are inverses."""
    subject, prop, obj = conclusion
    for other in schema.subjects(OWL.inverseOf, prop):
        if (obj, other, subject) in known:
            axiom = _named_axiom(schema, (other, OWL.inverseOf, prop), other, "inverse of", prop)
            yield _step(conclusion, ("prp-inv1",), "prp-inv1", [axiom],
                        [(obj, other, subject)], known)
    for other in schema.objects(prop, OWL.inverseOf):
        if (obj, other, subject) in known:
            axiom = _named_axiom(schema, (prop, OWL.inverseOf, other), prop, "inverse of", other)
            yield _step(conclusion, ("prp-inv2",), "prp-inv2", [axiom],
                        [(obj, other, subject)], known)


def symmetric_and_transitive(
    conclusion: Triple, known: Facts, schema: Schema
) -> Iterator[Justification]:
    """prp-symp (``o p s`` gives ``s p o``) and prp-trp (``s p x`` and ``x p o`` give it)."""
    subject, prop, obj = conclusion
    kinds = schema.objects(prop, RDF.type)
    if OWL.SymmetricProperty in kinds and (obj, prop, subject) in known:
        statement = (prop, RDF.type, OWL.SymmetricProperty)
        axiom = _named_axiom(schema, statement, prop, "is symmetric")
        yield _step(conclusion, ("prp-symp",), "prp-symp", [axiom], [(obj, prop, subject)], known)
    if OWL.TransitiveProperty in kinds:
        statement = (prop, RDF.type, OWL.TransitiveProperty)
        axiom = _named_axiom(schema, statement, prop, "is transitive")
        options = (((subject, prop, x), (x, prop, obj)) for x in known.objects(subject, prop)
                   if x not in (subject, obj) and (x, prop, obj) in known)
        for premises in _few(options, known):
            yield _step(conclusion, ("prp-trp",), "prp-trp", [axiom], premises, known)


def restriction_value(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """cls-hv1: a member of a class that is (or is within) a hasValue restriction has the
    value; through an intersection, cls-int2 comes first."""
    subject, prop, value = conclusion
    for restriction in schema.subjects(OWL.hasValue, value):
        if prop not in schema.objects(restriction, OWL.onProperty):
            continue
        ways: list[tuple[Node, tuple[str, ...]]] = [(restriction, ())]
        ways += [(intersection, ("cls-int2",))
                 for intersection in _intersections_with(schema, restriction)]
        for expression, via in ways:
            for cls, step, statement in _narrower(schema, expression):
                axiom = _class_axiom(schema, statement)
                if axiom and isinstance(cls, URIRef) and (subject, RDF.type, cls) in known:
                    yield _step(conclusion, (step, *via, "cls-hv1"), "cls-hv1", [axiom],
                                [(subject, RDF.type, cls)], known)


def same_individual(conclusion: Triple, known: Facts, schema: Schema) -> Iterator[Justification]:
    """eq-sym, eq-rep-s and eq-rep-o: what holds of a term holds of the terms it is
    owl:sameAs."""
    subject, prop, obj = conclusion
    if prop == OWL.sameAs and (obj, OWL.sameAs, subject) in known:
        yield _step(conclusion, ("eq-sym",), "eq-sym", [], [(obj, OWL.sameAs, subject)], known)
    options = (((subject, OWL.sameAs, x), (x, prop, obj))
               for x in known.objects(subject, OWL.sameAs)
               if x != subject and (x, prop, obj) in known)
    for premises in _few(options, known):
        yield _step(conclusion, ("eq-rep-s",), "eq-rep-s", [], premises, known)
    # From the few terms owl:sameAs the object, not from every object of the subject's
    # property (thousands for a busy state, for each of its thousands of conclusions).
    options = (((subject, prop, x), (x, OWL.sameAs, obj)) for x in known.subjects(OWL.sameAs, obj)
               if x != obj and (subject, prop, x) in known)
    for premises in _few(options, known):
        yield _step(conclusion, ("eq-rep-o",), "eq-rep-o", [], premises, known)


TYPE_RULES: tuple[Rule, ...] = (class_rules, intersection_part, domain_and_range, same_individual)
"""The rules that conclude ``s rdf:type C``, in order of preference between equals."""
PROPERTY_RULES: tuple[Rule, ...] = (
    subproperty, property_chain, inverse, symmetric_and_transitive, restriction_value,
    same_individual,
)
"""The rules that conclude ``s p o`` for any other p, in order of preference."""
