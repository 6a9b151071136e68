"""graph/owl/reasoning.py: one test per OWL 2 RL rule the competency questions rely on, then
what the published closure leaves out and how inconsistencies are reported."""

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Dataset, Graph, Literal, URIRef, namespace

from critmin.graph.base.namespaces import CM, CMR, document_graph
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import InconsistencyError, infer

PREFIXES = """
@prefix cm: <https://w3id.org/critmin/ontology#> .
@prefix actor: <https://w3id.org/critmin/id/actor/> .
@prefix agreement: <https://w3id.org/critmin/id/agreement/> .
@prefix control: <https://w3id.org/critmin/id/control/> .
@prefix event: <https://w3id.org/critmin/id/event/> .
@prefix measurement: <https://w3id.org/critmin/id/measurement/> .
@prefix place: <https://w3id.org/critmin/id/place/> .
@prefix stage: <https://w3id.org/critmin/id/stage/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def closure(ontology: Graph, turtle: str) -> Graph:
    """The published inferences of the ontology plus a small example in Turtle."""
    return infer(ontology + Graph().parse(data=PREFIXES + turtle, format="turtle"))


def types(graph: Graph, resource: URIRef) -> set[URIRef]:
    return set(graph.objects(resource, RDF.type))


# --- OWL 2 RL rules (https://www.w3.org/TR/owl2-profiles/#Reasoning_in_OWL_2_RL_and_RDF_Graphs_using_Rules)


def test_cax_sco(ontology: Graph) -> None:
    inferred = closure(ontology, "actor:corps-of-miners a cm:MilitaryRunOrganisation .")
    assert types(inferred, CMR["actor/corps-of-miners"]) == {
        CM.StateRunOrganisation,
        CM.Actor,
        URIRef("http://www.w3.org/ns/prov#Organization"),
        URIRef("http://www.w3.org/ns/prov#Agent"),
    }


def test_scm_sco(ontology: Graph) -> None:
    inferred = closure(ontology, "")
    assert (CM.Summit, RDFS.subClassOf, CM.Event) in inferred
    assert (CM.Pause, RDFS.subClassOf, CM.ControlMeasure) in inferred
    assert (CM.Summit, RDFS.subClassOf, CM.Meeting) not in inferred  # asserted, not new


def test_prp_dom(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:x cm:party actor:norway .")
    assert CM.Agreement in types(inferred, CMR["agreement/x"])


def test_prp_rng(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:x cm:party actor:norway .")
    assert types(inferred, CMR["actor/norway"]) == {
        CM.Actor,
        URIRef("http://www.w3.org/ns/prov#Agent"),
    }


def test_prp_inv1(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """agreement:x cm:party actor:chile .
        actor:chile cm:memberOf actor:apec .
        control:y cm:imposedBy actor:chile .
        event:z cm:participant actor:chile .""",
    )
    chile = CMR["actor/chile"]
    assert (chile, CM.partyTo, CMR["agreement/x"]) in inferred
    assert (CMR["actor/apec"], CM.hasMember, chile) in inferred
    assert (chile, CM.imposes, CMR["control/y"]) in inferred
    assert (chile, CM.participatesIn, CMR["event/z"]) in inferred


def test_prp_inv2(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """control:moratorium cm:pausedBy control:truce .
        agreement:bilateral cm:partOf agreement:package .""",
    )
    assert (CMR["control/truce"], CM.pauses, CMR["control/moratorium"]) in inferred
    assert (CMR["agreement/package"], CM.comprises, CMR["agreement/bilateral"]) in inferred
    assert CM.AgreementGroup in types(inferred, CMR["agreement/package"])


def test_prp_spo1(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:x cm:coversStage cm:processing .")
    assert (CMR["agreement/x"], CM.involvesStage, CM.processing) in inferred


def test_prp_spo2(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:x cm:coversStage cm:separation .")
    assert set(inferred.objects(CMR["agreement/x"], CM.involvesStage)) == {
        CM.separation,
        CM.processing,
    }


def test_prp_trp(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """stage:heap-leaching cm:narrowerStageOf cm:beneficiation .
        agreement:x cm:coversStage stage:heap-leaching .
        place:pit cm:locatedIn place:province .
        place:province cm:locatedIn actor:peru .""",
    )
    assert (CMR["stage/heap-leaching"], CM.narrowerStageOf, CM.processing) in inferred
    assert (CMR["agreement/x"], CM.involvesStage, CM.processing) in inferred
    assert (CMR["place/pit"], CM.locatedIn, CMR["actor/peru"]) in inferred


def test_prp_symp(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:a cm:disputedSameAs agreement:b .")
    assert (CMR["agreement/b"], CM.disputedSameAs, CMR["agreement/a"]) in inferred


def test_cls_hv1(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """agreement:x a cm:MemorandumOfUnderstanding .
        control:y a cm:PausedControl .""",
    )
    assert set(inferred.objects(CMR["agreement/x"], CM.bindingStatus)) == {CM.nonBinding}
    assert set(inferred.objects(CMR["control/y"], CM.status)) == {CM.paused}


def test_cls_hv2(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:x cm:bindingStatus cm:binding .")
    assert types(inferred, CMR["agreement/x"]) == {
        CM.Agreement,
        CM.BindingAgreement,
        URIRef("http://www.w3.org/ns/prov#Entity"),
    }


def test_cls_int1(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """agreement:x a cm:Deal ; cm:coversStage cm:processing .
        measurement:y a cm:Share ; cm:ofStage cm:mining .""",
    )
    assert CM.ProcessingAgreement in types(inferred, CMR["agreement/x"])
    assert CM.MiningShare in types(inferred, CMR["measurement/y"])


def test_cls_int2(ontology: Graph) -> None:
    inferred = closure(ontology, "agreement:x a cm:ProcessingAgreement .")
    assert CM.Agreement in types(inferred, CMR["agreement/x"])
    assert (CMR["agreement/x"], CM.involvesStage, CM.processing) in inferred


def test_cls_svf1(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """control:pause a cm:Pause ; cm:pauses control:licensing .
        control:repeal a cm:Lifting ; cm:lifts control:embargo .""",
    )
    licensing, embargo = CMR["control/licensing"], CMR["control/embargo"]
    assert {CM.PausedControl, CM.ControlMeasure} <= types(inferred, licensing)
    assert (licensing, CM.status, CM.paused) in inferred
    assert {CM.LiftedControl, CM.ControlMeasure} <= types(inferred, embargo)
    assert (embargo, CM.status, CM.lifted) in inferred


def test_eq_rep_s(ontology: Graph) -> None:
    inferred = closure(
        ontology,
        """agreement:a owl:sameAs agreement:b .
        agreement:a cm:party actor:kenya .""",
    )
    assert (CMR["agreement/b"], CM.party, CMR["actor/kenya"]) in inferred
    assert (CMR["agreement/b"], OWL.sameAs, CMR["agreement/a"]) in inferred


def test_cax_dw(ontology: Graph) -> None:
    with pytest.raises(InconsistencyError) as error:
        closure(
            ontology,
            "agreement:x a cm:MemorandumOfUnderstanding ; cm:bindingStatus cm:binding .",
        )
    assert str(error.value) == (
        "OWL 2 RL rule cax-dw: cmr:agreement/x is an instance of both cm:BindingAgreement and "
        "cm:NonBindingAgreement, which are disjoint classes"
    )


# --- The competency question the axioms are there for (CQ01)


def test_mou_covering_beneficiation_is_a_non_binding_processing_agreement(
    ontology: Graph,
) -> None:
    inferred = closure(
        ontology,
        """agreement:survey-mou a cm:MemorandumOfUnderstanding ;
            cm:party actor:andes-lithium , actor:bolivia ;
            cm:coversStage cm:exploration , cm:beneficiation .
        actor:andes-lithium a cm:Company .""",
    )
    mou = CMR["agreement/survey-mou"]
    assert {CM.NonBindingAgreement, CM.Agreement, CM.ProcessingAgreement} <= types(inferred, mou)
    assert CM.BindingAgreement not in types(inferred, mou)
    assert (mou, CM.bindingStatus, CM.nonBinding) in inferred
    assert set(inferred.objects(mou, CM.involvesStage)) == {
        CM.exploration,
        CM.beneficiation,
        CM.processing,
    }
    for party in (CMR["actor/andes-lithium"], CMR["actor/bolivia"]):
        assert CM.Actor in types(inferred, party)
        assert (party, CM.partyTo, mou) in inferred


# --- What infer() publishes


def test_only_new_triples_without_owlrl_junk(ontology: Graph) -> None:
    data = Graph().parse(
        data=PREFIXES
        + """measurement:p a cm:Price ; cm:value "12.5"^^xsd:decimal ;
            cm:currency "EUR" ; owl:sameAs measurement:p .""",
        format="turtle",
    )
    inferred = infer(ontology + data)
    assert set(inferred) & set(data) == set()
    assert set(inferred) & set(ontology) == set()
    assert [t for t in inferred if isinstance(t[0], Literal)] == []
    assert [t for t in inferred if BNode in (type(t[0]), type(t[2]))] == []
    assert [s for s, o in inferred.subject_objects(OWL.sameAs) if s == o] == []
    assert [t for t in inferred if str(t[0]).startswith(str(namespace.XSD))] == []
    assert [t for t in inferred if OWL.Thing in t or OWL.Nothing in t] == []
    assert [t for t in inferred if t[0] == t[2] and t[1] == RDFS.subClassOf] == []
    assert types(inferred, CMR["measurement/p"]) == {
        CM.Measurement,
        URIRef("http://www.w3.org/ns/prov#Entity"),
    }
    assert (CM.refining, SKOS.broaderTransitive, CM.processing) in inferred


def test_a_dataset_is_reasoned_over_as_the_union_of_its_graphs(ontology: Graph) -> None:
    dataset = Dataset()
    ontology_graph = dataset.graph(CMR["graph/ontology"])
    ontology_graph += ontology
    dataset.graph(document_graph("00aa")).add((CMR["agreement/x"], CM.coversStage, CM.refining))
    dataset.graph(document_graph("11bb")).add((CMR["agreement/x"], RDF.type, CM.Partnership))
    quads_before = set(dataset.quads())
    inferred = infer(dataset)
    assert CM.ProcessingAgreement in types(inferred, CMR["agreement/x"])
    assert set(dataset.quads()) == quads_before


def test_a_literal_that_is_not_its_datatype_is_an_inconsistency(ontology: Graph) -> None:
    with pytest.raises(InconsistencyError) as error:
        closure(ontology, 'control:x cm:elementCount "several"^^xsd:integer .')
    assert error.value.problems == (
        "OWL 2 RL rule dt-not-type: the literal 'several' is not a valid xsd:integer",
    )


def test_same_and_different_is_an_inconsistency(ontology: Graph) -> None:
    with pytest.raises(InconsistencyError) as error:
        closure(
            ontology,
            """actor:a owl:sameAs actor:b .
            actor:a owl:differentFrom actor:b .""",
        )
    # owlrl copies differentFrom across the sameAs link before it checks, so every pair shows
    assert error.value.problems == tuple(
        f"OWL 2 RL rule eq-diff1: cmr:actor/{one} and cmr:actor/{two} are stated to be both "
        "the same and different"
        for one, two in ("aa", "ab", "ba", "bb")
    )


def test_an_unknown_owlrl_message_is_passed_on_verbatim() -> None:
    graph = Graph()
    report = BNode()
    graph.add(
        (report, RDF.type, URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage"))
    )
    graph.add(
        (report, URIRef("http://www.daml.org/2002/03/agents/agent-ont#error"), Literal("odd"))
    )
    with pytest.raises(InconsistencyError) as error:
        infer(graph)
    assert str(error.value) == "OWL 2 RL inconsistency: odd"
