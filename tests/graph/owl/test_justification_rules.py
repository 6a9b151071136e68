"""graph/owl/justification_rules.py: one test per OWL 2 RL rule, on the rule cases of
test_reasoning.py, each asserting the whole justification chosen for a triple (rules, name,
axioms, premises and whether each premise is inferred)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from justification_helpers import shown
from rdflib import OWL, RDF, SKOS, Literal, URIRef

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.owl.justification import Facts, Justification, Schema, Triple
from critmin.graph.owl.justification_rules import MAX_ALTERNATIVES, candidates

Explain = Callable[[str, str], dict[Triple, Justification]]
PROV = "http://www.w3.org/ns/prov#"


def why(found: dict[Triple, Justification], subject: str, predicate: URIRef, obj: object):
    """The chosen justification of one triple, in short names (KeyError: none found)."""
    return shown(found[(_term(subject), predicate, _term(obj))])


def _term(name: object) -> object:
    if isinstance(name, str) and ":" in name and not name.startswith("http"):
        prefix, rest = name.split(":", 1)
        return CMR[f"{prefix}/{rest}"]
    return name


def test_cax_sco_prefers_stated_axioms_to_entailed_ones(explain: Explain) -> None:
    found = explain("actor:corps-of-miners a cm:MilitaryRunOrganisation .",
                    "actor:corps-of-miners")
    assert why(found, "actor:corps-of-miners", RDF.type, CM.StateRunOrganisation) == (
        ("cax-sco",), "subclass",
        ["cm:MilitaryRunOrganisation ⊑ cm:StateRunOrganisation"],
        [("cmr:actor/corps-of-miners rdf:type cm:MilitaryRunOrganisation", False)],
    )
    # MilitaryRunOrganisation ⊑ Actor is only entailed: the stated axiom one step up wins.
    assert why(found, "actor:corps-of-miners", RDF.type, CM.Actor) == (
        ("cax-sco",), "subclass",
        ["cm:StateRunOrganisation ⊑ cm:Actor"],
        [("cmr:actor/corps-of-miners rdf:type cm:StateRunOrganisation", True)],
    )
    assert len(found) == 4  # StateRunOrganisation, Actor, prov:Organization, prov:Agent


def test_prp_dom(explain: Explain) -> None:
    found = explain("agreement:x cm:party actor:norway .", "agreement:x")
    assert why(found, "agreement:x", RDF.type, CM.Agreement) == (
        ("prp-dom",), "domain of a property",
        ["cm:party has domain cm:Agreement"],
        [("cmr:agreement/x cm:party cmr:actor/norway", False)],
    )


def test_prp_rng(explain: Explain) -> None:
    found = explain("agreement:x cm:party actor:norway .", "actor:norway")
    assert why(found, "actor:norway", RDF.type, CM.Actor) == (
        ("prp-rng",), "range of a property",
        ["cm:party has range cm:Actor"],
        [("cmr:agreement/x cm:party cmr:actor/norway", False)],
    )
    assert why(found, "actor:norway", RDF.type, URIRef(PROV + "Agent")) == (
        ("cax-sco",), "subclass",
        ["cm:Actor ⊑ prov:Agent"],
        [("cmr:actor/norway rdf:type cm:Actor", True)],
    )


def test_prp_inv1(explain: Explain) -> None:
    found = explain(
        """agreement:x cm:party actor:chile .
        actor:chile cm:memberOf actor:apec .
        control:y cm:imposedBy actor:chile .""",
        "actor:chile",
    )
    assert why(found, "actor:chile", CM.partyTo, "agreement:x") == (
        ("prp-inv1",), "inverse property",
        ["cm:party inverse of cm:partyTo"],
        [("cmr:agreement/x cm:party cmr:actor/chile", False)],
    )
    assert why(found, "actor:apec", CM.hasMember, "actor:chile") == (
        ("prp-inv1",), "inverse property",
        ["cm:memberOf inverse of cm:hasMember"],
        [("cmr:actor/chile cm:memberOf cmr:actor/apec", False)],
    )
    assert why(found, "actor:chile", CM.imposes, "control:y")[0] == ("prp-inv1",)


def test_prp_inv2(explain: Explain) -> None:
    found = explain("control:moratorium cm:pausedBy control:truce .", "control:truce")
    assert why(found, "control:truce", CM.pauses, "control:moratorium") == (
        ("prp-inv2",), "inverse property",
        ["cm:pauses inverse of cm:pausedBy"],
        [("cmr:control/moratorium cm:pausedBy cmr:control/truce", False)],
    )


def test_prp_spo1(explain: Explain) -> None:
    found = explain("agreement:x cm:coversStage cm:processing .", "agreement:x")
    assert why(found, "agreement:x", CM.involvesStage, CM.processing) == (
        ("prp-spo1",), "subproperty",
        ["cm:coversStage ⊑ cm:involvesStage"],
        [("cmr:agreement/x cm:coversStage cm:processing", False)],
    )


def test_prp_spo2(explain: Explain) -> None:
    found = explain("agreement:x cm:coversStage cm:separation .", "agreement:x")
    assert why(found, "agreement:x", CM.involvesStage, CM.processing) == (
        ("prp-spo2",), "property chain",
        ["cm:coversStage ∘ cm:narrowerStageOf ⊑ cm:involvesStage"],
        [("cmr:agreement/x cm:coversStage cm:separation", False),
         ("cm:separation cm:narrowerStageOf cm:processing", False)],
    )


def test_prp_spo2_through_an_inferred_link_of_another_resource(explain: Explain) -> None:
    found = explain(
        """stage:heap-leaching cm:narrowerStageOf cm:beneficiation .
        agreement:x cm:coversStage stage:heap-leaching .""",
        "agreement:x",
    )
    assert why(found, "agreement:x", CM.involvesStage, CM.processing)[3] == [
        ("cmr:agreement/x cm:coversStage cmr:stage/heap-leaching", False),
        ("cmr:stage/heap-leaching cm:narrowerStageOf cm:processing", True),
    ]


def test_prp_trp(explain: Explain) -> None:
    turtle = """stage:heap-leaching cm:narrowerStageOf cm:beneficiation .
        place:pit cm:locatedIn place:province .
        place:province cm:locatedIn actor:peru ."""
    assert why(explain(turtle, "place:pit"), "place:pit", CM.locatedIn, "actor:peru") == (
        ("prp-trp",), "transitive property",
        ["cm:locatedIn is transitive"],
        [("cmr:place/pit cm:locatedIn cmr:place/province", False),
         ("cmr:place/province cm:locatedIn cmr:actor/peru", False)],
    )
    found = explain(turtle, "stage:heap-leaching")
    assert why(found, "stage:heap-leaching", CM.narrowerStageOf, CM.processing)[3] == [
        ("cmr:stage/heap-leaching cm:narrowerStageOf cm:beneficiation", False),
        ("cm:beneficiation cm:narrowerStageOf cm:processing", False),
    ]
    assert why(found, "stage:heap-leaching", SKOS.broaderTransitive, CM.processing) == (
        ("prp-spo1",), "subproperty",
        ["cm:narrowerStageOf ⊑ skos:broaderTransitive"],
        [("cmr:stage/heap-leaching cm:narrowerStageOf cm:processing", True)],
    )


def test_prp_symp(explain: Explain) -> None:
    found = explain("agreement:a cm:disputedSameAs agreement:b .", "agreement:b")
    assert why(found, "agreement:b", CM.disputedSameAs, "agreement:a") == (
        ("prp-symp",), "symmetric property",
        ["cm:disputedSameAs is symmetric"],
        [("cmr:agreement/a cm:disputedSameAs cmr:agreement/b", False)],
    )


def test_cls_hv1(explain: Explain) -> None:
    found = explain("agreement:x a cm:MemorandumOfUnderstanding .", "agreement:x")
    assert why(found, "agreement:x", CM.bindingStatus, CM.nonBinding) == (
        ("cax-eqc1", "cls-hv1"), "value restriction: the class gives the value",
        ["cm:NonBindingAgreement ≡ ( cm:bindingStatus value cm:nonBinding )"],
        [("cmr:agreement/x rdf:type cm:NonBindingAgreement", True)],
    )
    found = explain("control:y a cm:PausedControl .", "control:y")
    assert why(found, "control:y", CM.status, CM.paused) == (
        ("cax-sco", "cls-hv1"), "value restriction: the class gives the value",
        ["cm:PausedControl ⊑ ( cm:status value cm:paused )"],
        [("cmr:control/y rdf:type cm:PausedControl", False)],
    )


def test_the_mou_is_non_binding_by_its_class_not_by_the_status_it_implies(
    explain: Explain,
) -> None:
    """Non-binding and the non-binding status each follow from the other (cls-hv1, cls-hv2):
    the circle is never offered; the stated class and axiom are."""
    found = explain("agreement:x a cm:MemorandumOfUnderstanding .", "agreement:x")
    assert why(found, "agreement:x", RDF.type, CM.NonBindingAgreement) == (
        ("cax-sco",), "subclass",
        ["cm:MemorandumOfUnderstanding ⊑ cm:NonBindingAgreement"],
        [("cmr:agreement/x rdf:type cm:MemorandumOfUnderstanding", False)],
    )


def test_cls_hv2(explain: Explain) -> None:
    found = explain("agreement:x cm:bindingStatus cm:binding .", "agreement:x")
    assert why(found, "agreement:x", RDF.type, CM.BindingAgreement) == (
        ("cls-hv2", "cax-eqc2"), "value restriction: the value gives the class",
        ["cm:BindingAgreement ≡ ( cm:bindingStatus value cm:binding )"],
        [("cmr:agreement/x cm:bindingStatus cm:binding", False)],
    )


def test_cls_int1(explain: Explain) -> None:
    found = explain("agreement:x a cm:Deal ; cm:coversStage cm:processing .", "agreement:x")
    assert why(found, "agreement:x", RDF.type, CM.ProcessingAgreement) == (
        ("cls-int1", "cax-eqc2"), "intersection: having every part gives the class",
        ["cm:ProcessingAgreement ≡ cm:Agreement ⊓ ( cm:involvesStage value cm:processing )"],
        [("cmr:agreement/x rdf:type cm:Agreement", True),
         ("cmr:agreement/x cm:involvesStage cm:processing", True)],
    )
    found = explain("measurement:y a cm:Share ; cm:ofStage cm:mining .", "measurement:y")
    assert why(found, "measurement:y", RDF.type, CM.MiningShare)[3] == [
        ("cmr:measurement/y rdf:type cm:Share", False),
        ("cmr:measurement/y cm:ofStage cm:mining", False),
    ]


def test_cls_int2(explain: Explain) -> None:
    found = explain("agreement:x a cm:ProcessingAgreement .", "agreement:x")
    axiom = ["cm:ProcessingAgreement ≡ cm:Agreement ⊓ ( cm:involvesStage value cm:processing )"]
    premises = [("cmr:agreement/x rdf:type cm:ProcessingAgreement", False)]
    assert why(found, "agreement:x", RDF.type, CM.Agreement) == (
        ("cax-eqc1", "cls-int2"), "intersection: the class gives every part", axiom, premises,
    )
    assert why(found, "agreement:x", CM.involvesStage, CM.processing) == (
        ("cax-eqc1", "cls-int2", "cls-hv1"), "value restriction: the class gives the value",
        axiom, premises,
    )


def test_cls_svf1(explain: Explain) -> None:
    found = explain("control:pause a cm:Pause ; cm:pauses control:licensing .",
                    "control:licensing")
    assert why(found, "control:licensing", RDF.type, CM.PausedControl) == (
        ("cls-svf1", "cax-sco"), "existential restriction",
        ["( cm:pausedBy some cm:ControlAction ) ⊑ cm:PausedControl"],
        [("cmr:control/licensing cm:pausedBy cmr:control/pause", True),
         ("cmr:control/pause rdf:type cm:ControlAction", True)],
    )
    assert why(found, "control:licensing", CM.status, CM.paused)[0] == ("cax-sco", "cls-hv1")


def test_eq_sym_and_eq_rep(explain: Explain) -> None:
    found = explain(
        "agreement:a owl:sameAs agreement:b . agreement:a cm:party actor:kenya .", "agreement:b"
    )
    assert why(found, "agreement:b", OWL.sameAs, "agreement:a") == (
        ("eq-sym",), "same individual (owl:sameAs is symmetric)", [],
        [("cmr:agreement/a owl:sameAs cmr:agreement/b", False)],
    )
    assert why(found, "agreement:b", CM.party, "actor:kenya") == (
        ("eq-rep-s",), "same individual (owl:sameAs subject)", [],
        [("cmr:agreement/b owl:sameAs cmr:agreement/a", True),
         ("cmr:agreement/a cm:party cmr:actor/kenya", False)],
    )
    assert why(found, "actor:kenya", CM.partyTo, "agreement:b") == (
        ("eq-rep-o",), "same individual (owl:sameAs object)", [],
        [("cmr:actor/kenya cm:partyTo cmr:agreement/a", True),
         ("cmr:agreement/a owl:sameAs cmr:agreement/b", False)],
    )


def test_many_equal_premises_are_cut_to_a_few_stated_ones_first(schema: Schema) -> None:
    norway = CMR["actor/norway"]
    facts = {(CMR[f"agreement/a{n}"], CM.party, norway): n % 2 == 0 for n in range(8)}
    facts[(norway, RDF.type, CM.Actor)] = True
    ranges = [found for found in candidates((norway, RDF.type, CM.Actor), Facts(facts), schema)
              if found.rules == ("prp-rng",)]
    assert len(ranges) == MAX_ALTERNATIVES
    assert [(found.premises[0].triple[0], found.premises[0].inferred) for found in ranges] == [
        (CMR["agreement/a1"], False), (CMR["agreement/a3"], False), (CMR["agreement/a5"], False),
    ]


@pytest.mark.parametrize("value", [Literal("x"), CM.nonBinding])
def test_no_rule_explains_a_triple_nothing_supports(schema: Schema, value: object) -> None:
    agreement = CMR["agreement/x"]
    conclusion = (agreement, CM.bindingStatus, value)
    assert list(candidates(conclusion, Facts({conclusion: True}), schema)) == []
