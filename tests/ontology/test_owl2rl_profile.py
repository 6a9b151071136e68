"""The OWL 2 RL profile checker used on the ontology: it accepts RL and rejects what is not."""

import pytest
from owl2rl_profile import rl_profile_problems
from rdflib import Graph

PREFIXES = """
@prefix ex: <http://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def problems(turtle: str) -> list[str]:
    return rl_profile_problems(Graph().parse(data=PREFIXES + turtle, format="turtle"))


def test_rl_constructs_in_their_positions_pass() -> None:
    assert (
        problems(
            """
        ex:p a owl:ObjectProperty , owl:TransitiveProperty ; owl:inverseOf ex:q ;
            rdfs:domain ex:A ; rdfs:range [ owl:intersectionOf ( ex:B ex:C ) ] ;
            owl:propertyChainAxiom ( ex:q ex:p ) .
        ex:d a owl:DatatypeProperty ; rdfs:range xsd:decimal .
        [ a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom ex:B ]
            rdfs:subClassOf ex:A .
        [ owl:unionOf ( ex:B ex:C ) ] rdfs:subClassOf ex:D .
        ex:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:p ;
                               owl:allValuesFrom ex:B ] ,
            [ a owl:Restriction ; owl:onProperty ex:p ; owl:maxCardinality 1 ] ,
            [ owl:complementOf ex:C ] .
        ex:E owl:equivalentClass [ owl:intersectionOf ( ex:A
            [ a owl:Restriction ; owl:onProperty ex:p ; owl:hasValue ex:i ] ) ] .
        ex:A owl:disjointWith ex:C .
        """
        )
        == []
    )


NOT_RL = {
    "someValuesFrom as superclass": (
        "ex:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:p ; "
        "owl:someValuesFrom ex:B ] .",
        "[owl:someValuesFrom] is not allowed as superclass in OWL 2 RL",
    ),
    "unionOf as superclass": (
        "ex:A rdfs:subClassOf [ owl:unionOf ( ex:B ex:C ) ] .",
        "[owl:unionOf] is not allowed as superclass in OWL 2 RL",
    ),
    "someValuesFrom in an equivalence": (
        "ex:A owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:p ; "
        "owl:someValuesFrom ex:B ] .",
        "[owl:someValuesFrom] is not allowed as equivalent class in OWL 2 RL",
    ),
    "allValuesFrom as subclass": (
        "[ a owl:Restriction ; owl:onProperty ex:p ; owl:allValuesFrom ex:B ] "
        "rdfs:subClassOf ex:A .",
        "[owl:allValuesFrom] is not allowed as subclass in OWL 2 RL",
    ),
    "max cardinality 2": (
        "ex:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:p ; owl:maxCardinality 2 ] .",
        "[owl:maxCardinality] is not allowed as superclass in OWL 2 RL",
    ),
    "min cardinality": (
        "ex:A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:p ; owl:minCardinality 1 ] .",
        "[owl:minCardinality] is not allowed as superclass in OWL 2 RL",
    ),
    "union as range": (
        "ex:p rdfs:range [ owl:unionOf ( ex:B ex:C ) ] .",
        "[owl:unionOf] is not allowed as domain or range in OWL 2 RL",
    ),
    "reflexive property": (
        "ex:p a owl:ReflexiveProperty .",
        "ex:p is an owl:ReflexiveProperty, which OWL 2 RL does not allow",
    ),
    "datatype outside the RL map": (
        "ex:d a owl:DatatypeProperty ; rdfs:range xsd:gYear .",
        "xsd:gYear is not allowed as data range in OWL 2 RL",
    ),
    "disjoint union": (
        "ex:A owl:disjointUnionOf ( ex:B ex:C ) .",
        "owl:disjointUnionOf (on ex:A) is not in OWL 2 RL",
    ),
    "owl:Thing as superclass": (
        "ex:A rdfs:subClassOf owl:Thing .",
        "owl:Thing is not allowed as superclass in OWL 2 RL",
    ),
}


@pytest.mark.parametrize("turtle, problem", NOT_RL.values(), ids=NOT_RL.keys())
def test_constructs_outside_rl_are_reported(turtle: str, problem: str) -> None:
    assert problem in problems(turtle)


def test_owl_vocabulary_outside_rl_is_reported_wherever_it_is() -> None:
    found = problems(
        "ex:A owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:p ; owl:hasSelf true ] ."
    )
    assert len(found) == 2
    assert found[0] == "[owl:hasSelf] is not allowed as equivalent class in OWL 2 RL"
    assert found[1].startswith("owl:hasSelf (on _:")
    assert found[1].endswith(") is not in OWL 2 RL")
