"""ontology/critmin.ttl: it parses, stays in OWL 2 RL, is consistent, documented and versioned."""

import re
from importlib.metadata import version
from pathlib import Path

import owlrl
import pytest
from owl2rl_profile import rl_profile_problems
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from critmin.graph.base.namespaces import CM, ONTOLOGY_IRI
from critmin.graph.owl.ontology import ONTOLOGY_FILE, load_ontology
from critmin.graph.owl.reasoning import infer

MODEL_FILE = Path(__file__).resolve().parents[2] / "ontology" / "MODEL.md"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
INDIVIDUAL_CLASSES = (CM.SupplyChainStage, CM.Unit, CM.BindingStatus, CM.ControlStatus, CM.Modality)


def declared_terms(graph: Graph) -> set[URIRef]:
    """cm: classes, properties, concept schemes and the stage, unit, status and modality
    individuals."""
    kinds = (*TERM_TYPES, SKOS.ConceptScheme, *INDIVIDUAL_CLASSES)
    return {
        term
        for kind in kinds
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and term.startswith(str(CM))
    }


def undocumented_terms(graph: Graph) -> list[str]:
    """cm: terms without an English rdfs:label or skos:definition, as 'term: missing what'."""
    problems = []
    for term in sorted(declared_terms(graph)):
        for annotation in (RDFS.label, SKOS.definition):
            values = [v for v in graph.objects(term, annotation) if isinstance(v, Literal)]
            if not any(v.language == "en" and str(v).strip() for v in values):
                problems.append(f"{term.removeprefix(str(CM))}: no {annotation.fragment}")
    return problems


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def test_ontology_parses_with_its_iris(ontology: Graph) -> None:
    assert ONTOLOGY_FILE.name == "critmin.ttl"
    assert set(ontology.subjects(RDF.type, OWL.Ontology)) == {ONTOLOGY_IRI}
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/critmin/ontology/0.1.0"
    )
    for annotation in (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.creator):
        assert ontology.value(ONTOLOGY_IRI, annotation) is not None, annotation


def test_version_info_is_the_package_version(ontology: Graph) -> None:
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == version("critmin")
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionIRI)).endswith("/" + version("critmin"))


def test_every_axiom_is_in_the_owl2_rl_profile(ontology: Graph) -> None:
    assert rl_profile_problems(ontology) == []


def test_closure_of_the_ontology_alone_is_consistent(ontology: Graph) -> None:
    closure = load_ontology()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    assert list(closure.subjects(RDF.type, ERRNS.ErrorMessage)) == []
    inferred = infer(ontology)
    assert (CM.refining, SKOS.broaderTransitive, CM.processing) in inferred


def test_every_term_has_a_label_and_a_definition(ontology: Graph) -> None:
    assert len(declared_terms(ontology)) > 150
    assert undocumented_terms(ontology) == []


def test_a_term_without_a_definition_is_reported(ontology: Graph) -> None:
    broken = load_ontology()
    broken.remove((CM.Tariff, SKOS.definition, None))
    broken.remove((CM.party, RDFS.label, None))
    broken.add((CM.Unexplained, RDF.type, OWL.Class))
    broken.add((CM.Unexplained, RDFS.label, Literal("unexplained", lang="en")))
    assert undocumented_terms(broken) == [
        "Tariff: no definition",
        "Unexplained: no definition",
        "party: no label",
    ]


def test_every_cm_term_used_is_declared(ontology: Graph) -> None:
    used = {
        term
        for triple in ontology
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(CM))
    }
    assert used - declared_terms(ontology) == set()


def test_every_term_of_the_model_is_declared(ontology: Graph) -> None:
    text = MODEL_FILE.read_text(encoding="utf-8")
    terms_part = text[text.index("## Classes") : text.index("## Dataset layout")]
    names = {
        name.removeprefix("cm:")
        for name in re.findall(r"`((?:cm:)?[A-Za-z][A-Za-z0-9]*)`", terms_part)
    }
    model_terms = {CM[name] for name in names if name not in {"P1Y", "label"}}
    assert {CM.Actor, CM.party, CM.disputedSameAs, CM.stockpiling} <= model_terms
    assert model_terms - declared_terms(ontology) == set()


def test_no_property_that_would_merge_disagreeing_sources(ontology: Graph) -> None:
    merging = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty}
    assert [p for kind in merging for p in ontology.subjects(RDF.type, kind)] == []
    cardinalities = (OWL.maxCardinality, OWL.maxQualifiedCardinality, OWL.cardinality)
    assert [r for c in cardinalities for r in ontology.subjects(c, None)] == []
    assert list(ontology.objects(None, OWL.imports)) == []


def test_stage_hierarchy(ontology: Graph) -> None:
    narrower = set(ontology.subjects(CM.narrowerStageOf, CM.processing))
    assert narrower == {CM.separation, CM.refining, CM.beneficiation}
    stages = set(ontology.subjects(RDF.type, CM.SupplyChainStage))
    assert stages == {
        CM[name]
        for name in [
            "exploration",
            "mining",
            "processing",
            "separation",
            "refining",
            "beneficiation",
            "metalMaking",
            "magnetMaking",
            "recycling",
            "stockpiling",
        ]
    }
    assert set(ontology.subjects(SKOS.inScheme, CM.stages)) == stages
