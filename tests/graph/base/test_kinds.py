"""The table of statement kinds: words, classes, and their agreement with the ontology."""

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

from critmin.graph.base.kinds import KINDS, MODALITY_INDIVIDUALS, UNCONCLUDED, class_of
from critmin.graph.base.namespaces import CM
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.rules.modality import MODALITIES

STATEMENT_CLASSES = {
    "agreement": CM.Agreement,
    "control": CM.ControlMeasure,
    "event": CM.Event,
    "measurement": CM.Measurement,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def test_every_kind_word_is_the_kind_word_of_its_class_in_the_ontology(ontology):
    in_table = {(kind.cls, Literal(kind.word)) for kind in KINDS}
    in_ontology = set(ontology.subject_objects(CM.kindWord))
    assert in_table - in_ontology == set()
    assert in_ontology - in_table == set()


def test_every_class_is_an_ontology_class_of_its_statement_kind(ontology):
    for kind in KINDS:
        assert (kind.cls, RDF.type, OWL.Class) in ontology, kind
        assert STATEMENT_CLASSES[kind.statement] in set(
            ontology.transitive_objects(kind.cls, RDFS.subClassOf)
        ), kind


def test_words_are_unique_within_a_statement_kind():
    pairs = [(kind.statement, kind.word) for kind in KINDS]
    assert len(pairs) == len(set(pairs))
    assert {kind.statement for kind in KINDS} == set(STATEMENT_CLASSES)


def test_the_first_kind_of_each_statement_is_its_own_class():
    first = {}
    for kind in KINDS:
        first.setdefault(kind.statement, (kind.word, kind.cls))
    assert first == {statement: (statement, cls) for statement, cls in STATEMENT_CLASSES.items()}


@pytest.mark.parametrize(
    ("statement", "word", "cls"),
    [
        ("agreement", "mou", CM.MemorandumOfUnderstanding),
        ("agreement", "investment", CM.InvestmentAgreement),
        ("event", "investment", CM.Investment),
        ("control", "export-ban", CM.ExportBan),
        ("measurement", "amount", CM.MonetaryAmount),
        ("agreement", "no-such-kind", CM.Agreement),
        ("control", "no-such-kind", CM.ControlMeasure),
        ("event", "mou", CM.Event),  # an agreement's word is no event's
    ],
)
def test_the_class_of_a_kind_word(statement, word, cls):
    assert class_of(statement, word) == cls


def test_unconcluded_statements_have_classes_of_their_own(ontology):
    assert UNCONCLUDED["agreement"] == CM.UnconcludedAgreement
    assert UNCONCLUDED["control"] == CM.UnimposedControl
    assert len(UNCONCLUDED) == 2
    for cls in UNCONCLUDED.values():
        assert (cls, RDF.type, OWL.Class) in ontology


def test_every_modality_but_stated_is_a_modality_individual(ontology):
    assert set(MODALITY_INDIVIDUALS) == set(MODALITIES) - {"stated"}
    assert MODALITY_INDIVIDUALS["negotiated"] == CM.underNegotiation
    for individual in MODALITY_INDIVIDUALS.values():
        assert (individual, RDF.type, CM.Modality) in ontology
