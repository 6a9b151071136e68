"""A checker of the OWL 2 RL profile on an ontology's RDF graph (tests only).

It follows the grammar of OWL 2 Profiles, section 4.2 (https://www.w3.org/TR/owl2-profiles/#OWL_2_RL):
class expressions are allowed in the subclass position (subClassExpression), the superclass
position (superClassExpression) or an equivalence (equivClassExpression), data ranges are
datatypes of the RL datatype map or their intersections, and some axioms (reflexive
properties, disjoint unions, datatype restrictions) are not in the profile at all.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Node, URIRef

RL_DATATYPES = frozenset(
    {
        RDF.PlainLiteral,
        RDF.XMLLiteral,
        RDFS.Literal,
        *(
            XSD[name]
            for name in [
                "decimal",
                "integer",
                "nonNegativeInteger",
                "nonPositiveInteger",
                "positiveInteger",
                "negativeInteger",
                "long",
                "int",
                "short",
                "byte",
                "unsignedLong",
                "unsignedInt",
                "unsignedShort",
                "unsignedByte",
                "double",
                "float",
                "string",
                "normalizedString",
                "token",
                "language",
                "Name",
                "NCName",
                "NMTOKEN",
                "boolean",
                "hexBinary",
                "base64Binary",
                "anyURI",
                "dateTime",
                "dateTimeStamp",
            ]
        ),
    }
)
"""The OWL 2 RL datatype map (section 4.3): the OWL 2 map without owl:real and owl:rational."""

ALLOWED_OWL_PREDICATES = frozenset(
    OWL[name]
    for name in [
        "equivalentClass",
        "disjointWith",
        "members",
        "distinctMembers",
        "hasKey",
        "inverseOf",
        "equivalentProperty",
        "propertyDisjointWith",
        "propertyChainAxiom",
        "sameAs",
        "differentFrom",
        "onProperty",
        "someValuesFrom",
        "allValuesFrom",
        "hasValue",
        "maxCardinality",
        "maxQualifiedCardinality",
        "onClass",
        "onDataRange",
        "intersectionOf",
        "unionOf",
        "complementOf",
        "oneOf",
        "sourceIndividual",
        "assertionProperty",
        "targetIndividual",
        "targetValue",
        "versionIRI",
        "versionInfo",
        "imports",
        "priorVersion",
        "backwardCompatibleWith",
        "incompatibleWith",
        "deprecated",
        "annotatedSource",
        "annotatedProperty",
        "annotatedTarget",
    ]
)
"""OWL vocabulary that may occur as a predicate; others (hasSelf, minCardinality,
disjointUnionOf, withRestrictions, ...) serve constructs outside OWL 2 RL."""

FORBIDDEN_TYPES = frozenset({OWL.ReflexiveProperty})
"""rdf:type values that declare an axiom outside OWL 2 RL."""


class ProfileChecker:
    """Checks every axiom of one graph against the OWL 2 RL grammar."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.problems: list[str] = []

    def check(self) -> list[str]:
        """All the reasons the graph is outside OWL 2 RL (empty when it is inside)."""
        for subject, predicate, obj in self.graph:
            self._check_triple(subject, predicate, obj)
        return sorted(set(self.problems))

    def _check_triple(self, subject: Node, predicate: Node, obj: Node) -> None:
        name = self._name
        if str(predicate).startswith(str(OWL)) and predicate not in ALLOWED_OWL_PREDICATES:
            self._fail(f"{name(predicate)} (on {name(subject)}) is not in OWL 2 RL")
        if predicate == RDFS.subClassOf:
            self._require(self.is_sub(subject), subject, "subclass")
            self._require(self.is_super(obj), obj, "superclass")
        elif predicate == OWL.equivalentClass:
            self._require(self.is_equiv(subject), subject, "equivalent class")
            self._require(self.is_equiv(obj), obj, "equivalent class")
        elif predicate == OWL.disjointWith:
            self._require(self.is_sub(subject), subject, "disjoint class")
            self._require(self.is_sub(obj), obj, "disjoint class")
        elif predicate == OWL.members and (subject, RDF.type, OWL.AllDisjointClasses) in self.graph:
            for member in self.graph.items(obj):
                self._require(self.is_sub(member), member, "disjoint class")
        elif predicate == OWL.hasKey:
            self._require(self.is_sub(subject), subject, "key class")
        elif predicate in (RDFS.domain, RDFS.range):
            if predicate == RDFS.range and self._is_data_property(subject):
                self._require(self.is_data_range(obj), obj, "data range")
            else:
                self._require(self.is_super(obj), obj, "domain or range")
        elif predicate == RDF.type:
            if obj in FORBIDDEN_TYPES:
                self._fail(f"{name(subject)} is an {name(obj)}, which OWL 2 RL does not allow")
            elif isinstance(obj, BNode):
                self._require(self.is_super(obj), obj, "class of an individual")
        if predicate == OWL.hasValue:
            self._require_literal_datatype(obj)

    def is_sub(self, expression: Node) -> bool:
        """subClassExpression: class, intersection, union, oneOf, someValuesFrom, hasValue."""
        if isinstance(expression, URIRef):
            return expression != OWL.Thing
        operands = self._operands(OWL.intersectionOf, expression) or self._operands(
            OWL.unionOf, expression
        )
        if operands:
            return all(self.is_sub(operand) for operand in operands)
        if self._value(expression, OWL.oneOf) is not None:
            return True
        if self._value(expression, OWL.hasValue) is not None:
            return self._restriction_only(expression, OWL.hasValue)
        filler = self._value(expression, OWL.someValuesFrom)
        if filler is not None and self._restriction_only(expression, OWL.someValuesFrom):
            return filler == OWL.Thing or self.is_sub(filler) or self.is_data_range(filler)
        return False

    def is_super(self, expression: Node) -> bool:
        """superClassExpression: class, intersection, complement, allValuesFrom, hasValue,
        max cardinality 0 or 1."""
        if isinstance(expression, URIRef):
            return expression != OWL.Thing
        operands = self._operands(OWL.intersectionOf, expression)
        if operands:
            return all(self.is_super(operand) for operand in operands)
        complement = self._value(expression, OWL.complementOf)
        if complement is not None:
            return self.is_sub(complement)
        if self._value(expression, OWL.hasValue) is not None:
            return self._restriction_only(expression, OWL.hasValue)
        filler = self._value(expression, OWL.allValuesFrom)
        if filler is not None and self._restriction_only(expression, OWL.allValuesFrom):
            return self.is_super(filler) or self.is_data_range(filler)
        for cardinality in (OWL.maxCardinality, OWL.maxQualifiedCardinality):
            bound = self._value(expression, cardinality)
            if bound is not None and self._restriction_only(
                expression, cardinality, OWL.onClass, OWL.onDataRange
            ):
                on_class = self._value(expression, OWL.onClass)
                return (
                    isinstance(bound, Literal)
                    and bound.value in (0, 1)
                    and (on_class is None or on_class == OWL.Thing or self.is_sub(on_class))
                )
        return False

    def is_equiv(self, expression: Node) -> bool:
        """equivClassExpression: class, intersection of equivalence expressions, hasValue."""
        if isinstance(expression, URIRef):
            return expression != OWL.Thing
        operands = self._operands(OWL.intersectionOf, expression)
        if operands:
            return all(self.is_equiv(operand) for operand in operands)
        if self._value(expression, OWL.hasValue) is not None:
            return self._restriction_only(expression, OWL.hasValue)
        return False

    def is_data_range(self, expression: Node) -> bool:
        """DataRange: an RL datatype or an intersection of data ranges."""
        if isinstance(expression, URIRef):
            return expression in RL_DATATYPES
        operands = self._operands(OWL.intersectionOf, expression)
        return bool(operands) and all(self.is_data_range(operand) for operand in operands)

    def _is_data_property(self, prop: Node) -> bool:
        return (prop, RDF.type, OWL.DatatypeProperty) in self.graph

    def _restriction_only(self, expression: Node, *constructors: URIRef) -> bool:
        """The restriction uses no other constructor than ``constructors`` besides onProperty."""
        used = {
            p
            for p in self.graph.predicates(expression, None)
            if str(p).startswith(str(OWL)) and p != OWL.onProperty
        }
        return used <= set(constructors)

    def _operands(self, constructor: URIRef, expression: Node) -> list[Node]:
        head = self._value(expression, constructor)
        return list(self.graph.items(head)) if head is not None else []

    def _value(self, subject: Node, predicate: URIRef) -> Node | None:
        return self.graph.value(subject, predicate)

    def _require(self, ok: bool, expression: Node, position: str) -> None:
        if not ok:
            self._fail(f"{self._describe(expression)} is not allowed as {position} in OWL 2 RL")

    def _require_literal_datatype(self, value: Node) -> None:
        if isinstance(value, Literal) and value.datatype and value.datatype not in RL_DATATYPES:
            self._fail(f"the datatype {self._name(value.datatype)} is not in OWL 2 RL")

    def _describe(self, expression: Node) -> str:
        if isinstance(expression, URIRef):
            return self._name(expression)
        constructors = sorted(
            self._name(p)
            for p in self.graph.predicates(expression, None)
            if str(p).startswith(str(OWL)) and p != OWL.onProperty
        )
        return "[" + " ".join(constructors) + "]"

    def _fail(self, problem: str) -> None:
        self.problems.append(problem)

    def _name(self, term: Node) -> str:
        return term.n3(self.graph.namespace_manager)


def rl_profile_problems(graph: Graph) -> list[str]:
    """Why ``graph`` is outside the OWL 2 RL profile, one sentence each (empty when inside)."""
    return ProfileChecker(graph).check()
