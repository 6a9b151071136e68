"""graph/owl/justification.py: ids, the schema's lists, and justifications written as RDF."""

from __future__ import annotations

from justification_helpers import TURTLE_PREFIXES
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.owl.justification import (
    Axiom,
    Justification,
    Premise,
    Schema,
    content_bnode,
    justification_graph,
    justification_iri,
    why_id,
)

AGREEMENT = CMR["agreement/x"]
NON_BINDING = (AGREEMENT, RDF.type, CM.NonBindingAgreement)


def test_why_id_is_a_digest_of_the_triple_in_n_triples() -> None:
    # sha256("<https://w3id.org/critmin/id/agreement/x> <http://www.w3.org/1999/02/22-rdf-
    # syntax-ns#type> <https://w3id.org/critmin/ontology#NonBindingAgreement>")[:12]
    assert why_id(NON_BINDING) == "why-1f4f96ea130f"
    assert justification_iri(AGREEMENT, NON_BINDING) == URIRef(f"{AGREEMENT}#why-1f4f96ea130f")
    assert content_bnode("statement", *NON_BINDING) == content_bnode("statement", *NON_BINDING)
    assert content_bnode("a") != content_bnode("b")


def test_schema_walks_lists_both_ways() -> None:
    head, tail = content_bnode("head"), content_bnode("tail")
    schema = Schema([
        ((CM.involvesStage, OWL.propertyChainAxiom, head), False),
        ((head, RDF.first, CM.coversStage), False), ((head, RDF.rest, tail), False),
        ((tail, RDF.first, CM.narrowerStageOf), False), ((tail, RDF.rest, RDF.nil), False),
        ((CM.Deal, RDFS.subClassOf, CM.Agreement), True),
    ])
    assert schema.items(head) == [CM.coversStage, CM.narrowerStageOf]
    assert schema.lists_containing(CM.narrowerStageOf) == [head]
    assert schema.entailed == {(CM.Deal, RDFS.subClassOf, CM.Agreement)}
    assert schema.objects(CM.Deal, RDFS.subClassOf) == [CM.Agreement]
    assert schema.subjects(RDFS.subClassOf, CM.Agreement) == [CM.Deal]


def test_a_justification_as_rdf() -> None:
    restriction = content_bnode("restriction")
    status = (AGREEMENT, CM.bindingStatus, CM.nonBinding)
    justification = Justification(
        conclusion=status,
        rules=("cax-eqc1", "cls-hv1"),
        name="value restriction: the class gives the value",
        axioms=(Axiom(
            parts=(CM.NonBindingAgreement, "≡", "(", CM.bindingStatus, "value", CM.nonBinding,
                   ")"),
            statement=(CM.NonBindingAgreement, OWL.equivalentClass, restriction),
            expression=((restriction, RDF.type, OWL.Restriction),
                        (restriction, OWL.onProperty, CM.bindingStatus),
                        (restriction, OWL.hasValue, CM.nonBinding)),
        ),),
        premises=(Premise(NON_BINDING, inferred=True),),
    )
    expected = Graph().parse(format="turtle", data=TURTLE_PREFIXES + f"""
        <{justification_iri(AGREEMENT, status)}> a cm:Justification ;
            rdfs:label "value restriction: the class gives the value"@en ;
            cm:rule "cax-eqc1", "cls-hv1" ;
            cm:conclusion [ a rdf:Statement ; rdf:subject cmr:agreement\\/x ;
                rdf:predicate cm:bindingStatus ; rdf:object cm:nonBinding ] ;
            cm:premise [ a rdf:Statement ; rdf:subject cmr:agreement\\/x ;
                rdf:predicate rdf:type ; rdf:object cm:NonBindingAgreement ] ;
            cm:axiom [ a rdf:Statement ; rdf:subject cm:NonBindingAgreement ;
                rdf:predicate owl:equivalentClass ;
                rdf:object [ a owl:Restriction ; owl:onProperty cm:bindingStatus ;
                    owl:hasValue cm:nonBinding ] ] .
    """)
    written = justification_graph(AGREEMENT, [justification])
    assert isomorphic(written, expected)
    assert len(written) == len(expected) == 22
    again = justification_graph(AGREEMENT, [justification])
    assert written.serialize(format="nt") == again.serialize(format="nt")
