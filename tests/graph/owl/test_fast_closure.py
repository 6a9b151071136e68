"""graph/owl/fast_closure.py: it publishes exactly owlrl's inferences (on the rule cases of
test_reasoning.py, on small cases of its own, on the seed and the dev corpus builds), its own
rules, and where it hands over to owlrl.

The corpus comparisons read ../shared/corpus and ../shared/corpus-dev and skip where they are
absent; each corpus is extracted once per module, then reasoned over by both reasoners.
"""

import importlib.util
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, XSD, Dataset, Graph, Literal, URIRef
from test_reasoning import PREFIXES

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.build import build
from critmin.graph.owl.fast_closure import (
    NeedsOwlrl,
    chain_triples,
    fast_closure,
    possible_inconsistency,
    property_chains,
)
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import InconsistencyError, infer
from critmin.graph.rdf.dataset import read_dataset

ROOT = Path(__file__).resolve().parents[3]
SEED_CORPUS = ROOT.parent / "shared" / "corpus"
SEED_METADATA = ROOT / "graph" / "seed" / "corpus-metadata.yaml"
DEV_CORPUS = ROOT.parent / "shared" / "corpus-dev"
GENERATOR = ROOT / "bench" / "generate_corpus.py"
EX = "http://example.org/"

RULE_CASES = {
    "ontology alone": "",
    "cax-sco": "actor:corps-of-miners a cm:MilitaryRunOrganisation .",
    "prp-dom, prp-rng": "agreement:x cm:party actor:norway .",
    "prp-inv1": """agreement:x cm:party actor:chile .
        actor:chile cm:memberOf actor:apec .
        control:y cm:imposedBy actor:chile .
        event:z cm:participant actor:chile .""",
    "prp-inv2": """control:moratorium cm:pausedBy control:truce .
        agreement:bilateral cm:partOf agreement:package .""",
    "prp-spo1": "agreement:x cm:coversStage cm:processing .",
    "prp-spo2": "agreement:x cm:coversStage cm:separation .",
    "prp-trp": """stage:heap-leaching cm:narrowerStageOf cm:beneficiation .
        agreement:x cm:coversStage stage:heap-leaching .
        place:pit cm:locatedIn place:province .
        place:province cm:locatedIn actor:peru .""",
    "prp-symp": "agreement:a cm:disputedSameAs agreement:b .",
    "cls-hv1": """agreement:x a cm:MemorandumOfUnderstanding .
        control:y a cm:PausedControl .""",
    "cls-hv2": "agreement:x cm:bindingStatus cm:binding .",
    "cls-int1": """agreement:x a cm:Deal ; cm:coversStage cm:processing .
        measurement:y a cm:Share ; cm:ofStage cm:mining .""",
    "cls-int2": "agreement:x a cm:ProcessingAgreement .",
    "cls-svf1": """control:pause a cm:Pause ; cm:pauses control:licensing .
        control:repeal a cm:Lifting ; cm:lifts control:embargo .""",
    "eq-rep-s": """agreement:a owl:sameAs agreement:b .
        agreement:a cm:party actor:kenya .""",
    "eq-rep-o, eq-trans": """actor:a owl:sameAs actor:b .
        actor:b owl:sameAs actor:c .
        agreement:x cm:party actor:c .""",
    "CQ01": """agreement:survey-mou a cm:MemorandumOfUnderstanding ;
            cm:party actor:andes-lithium , actor:bolivia ;
            cm:coversStage cm:exploration , cm:beneficiation .
        actor:andes-lithium a cm:Company .""",
    "literals copied by sameAs": """measurement:p a cm:Price ; cm:value "12.5"^^xsd:decimal ;
            cm:currency "EUR" ; owl:sameAs measurement:q .
        actor:a owl:sameAs actor:b .
        actor:a cm:demonym "Testish"@EN , "testisch"@de-DE .""",
}
"""OWL 2 RL rule cases in Turtle, over the ontology: those of test_reasoning.py and more."""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def with_ontology(ontology: Graph, turtle: str) -> Graph:
    return ontology + Graph().parse(data=PREFIXES + turtle, format="turtle")


def union_triples(data: Graph | Dataset) -> set:
    if isinstance(data, Dataset):
        return {(s, p, o) for s, p, o, _ in data.quads((None, None, None, None))}
    return set(data)


def assert_same_inferences(data: Graph | Dataset) -> None:
    """The fast closure runs (it does not hand over to owlrl) and publishes owlrl's triples."""
    fast_closure(union_triples(data))  # raises NeedsOwlrl if it would hand over
    fast, reference = set(infer(data, "fast")), set(infer(data, "owlrl"))
    assert {
        "only owlrl": sorted(triple for triple in reference - fast),
        "only fast": sorted(triple for triple in fast - reference),
    } == {"only owlrl": [], "only fast": []}
    assert fast


# --- The same published inferences as owlrl


@pytest.mark.parametrize("case", RULE_CASES)
def test_each_rule_case_gives_owlrls_inferences(ontology: Graph, case: str) -> None:
    assert_same_inferences(with_ontology(ontology, RULE_CASES[case]))


def unreasoned_build(corpus: Path, folder: Path, metadata: Path | None = None) -> Dataset:
    """The corpus's dataset as `critmin build --no-reason --no-curation` writes it."""
    out = folder / "unreasoned.trig"
    build(corpus, out, metadata=metadata, reason=False, curation=None)
    return read_dataset(out)


@pytest.fixture(scope="module")
def seed_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    if not SEED_CORPUS.is_dir():
        pytest.skip(f"seed corpus not found at {SEED_CORPUS.resolve()}")
    return unreasoned_build(SEED_CORPUS, tmp_path_factory.mktemp("seed"), SEED_METADATA)


@pytest.fixture(scope="module")
def dev_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {DEV_CORPUS.resolve()}")
    return unreasoned_build(DEV_CORPUS, tmp_path_factory.mktemp("dev"))


@pytest.mark.corpus
def test_the_seed_build_gives_owlrls_inferences(seed_dataset: Dataset) -> None:
    assert_same_inferences(seed_dataset)


@pytest.mark.corpus
def test_the_dev_build_gives_owlrls_inferences(dev_dataset: Dataset) -> None:
    assert_same_inferences(dev_dataset)


def test_a_generated_corpus_gives_owlrls_inferences(tmp_path: Path) -> None:
    """60 synthetic texts of bench/generate_corpus.py: talks next to deals, groups, pauses and
    liftings, disputed binding status, many states (the benchmarks' corpora, at small size)."""
    spec = importlib.util.spec_from_file_location("generate_corpus", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator  # its dataclasses look their module up there
    spec.loader.exec_module(generator)
    generator.generate(60, tmp_path / "corpus", seed=3)
    assert_same_inferences(unreasoned_build(tmp_path / "corpus", tmp_path))


# --- Its own rules


def test_chain_triples_follow_every_branch_and_stop_at_dead_ends() -> None:
    a, b, c, p = (URIRef(EX + name) for name in ("a", "b", "c", "p"))
    x, y, z, w, v = (URIRef(EX + name) for name in ("x", "y", "z", "w", "v"))
    triples = [(x, a, y), (y, b, z), (y, b, w), (z, c, v), (v, a, x)]
    assert chain_triples([(p, [a, b])], triples) == {(x, p, z), (x, p, w)}
    assert chain_triples([(p, [a, b, c])], triples) == {(x, p, v)}
    assert chain_triples([(p, [b, a])], triples) == set()


def test_property_chains_are_read_from_the_schema(ontology: Graph) -> None:
    assert property_chains(ontology) == [(CM.involvesStage, [CM.coversStage, CM.narrowerStageOf])]


def test_plain_and_tagged_literals_come_back_as_they_went_in(ontology: Graph) -> None:
    data = with_ontology(ontology, 'actor:a owl:sameAs actor:b ; cm:demonym "Ab" , "Ab"@EN .')
    demonyms = set(infer(data, "fast").objects(CMR["actor/b"], CM.demonym))
    assert demonyms == {Literal("Ab"), Literal("Ab", lang="EN")}


# --- Where it hands over to owlrl


def test_no_possible_inconsistency_in_a_consistent_closure(ontology: Graph) -> None:
    closure = fast_closure(set(with_ontology(ontology, RULE_CASES["CQ01"])))
    assert possible_inconsistency(closure, [Literal("3", datatype=XSD.integer)]) == ""


@pytest.mark.parametrize(
    ("triples", "literals", "reason"),
    [
        (
            [(CM.A, OWL.disjointWith, CM.B), (CMR.x, RDF.type, CM.A), (CMR.x, RDF.type, CM.B)],
            [],
            f"{CM.A} and {CM.B} are disjoint classes with a common instance",
        ),
        (
            [(CMR.x, OWL.differentFrom, CMR.y)],
            [],
            f"the data uses {OWL.differentFrom}",
        ),
        ([(CMR.x, RDF.type, OWL.Nothing)], [], f"the data uses {OWL.Nothing}"),
        (
            [],
            [Literal("several", datatype=XSD.integer)],
            f'the literal "several"^^<{XSD.integer}> is not a valid {XSD.integer}',
        ),
    ],
)
def test_possible_inconsistencies(triples: list, literals: list, reason: str) -> None:
    assert possible_inconsistency(triples, literals) == reason


@pytest.mark.parametrize(
    "turtle",
    [
        "agreement:x a cm:MemorandumOfUnderstanding ; cm:bindingStatus cm:binding .",
        'control:x cm:elementCount "several"^^xsd:integer .',
        "actor:a owl:sameAs actor:b . actor:a owl:differentFrom actor:b .",
    ],
)
def test_an_inconsistency_is_reported_in_owlrls_words(ontology: Graph, turtle: str) -> None:
    data = with_ontology(ontology, turtle)
    with pytest.raises(NeedsOwlrl):
        fast_closure(set(data))
    with pytest.raises(InconsistencyError) as reference:
        infer(data, "owlrl")
    with pytest.raises(InconsistencyError) as fast:
        infer(data, "fast")
    assert fast.value.problems == reference.value.problems


def test_literals_reasonable_would_merge_are_left_to_owlrl(ontology: Graph) -> None:
    data = with_ontology(
        ontology, 'actor:a owl:sameAs actor:b ; cm:demonym "Ab" , "Ab"^^xsd:string .'
    )
    with pytest.raises(NeedsOwlrl, match="as one"):
        fast_closure(set(data))
    assert set(infer(data, "fast")) == set(infer(data, "owlrl"))


# --- Interface and progress


def test_an_unknown_reasoner_is_refused(ontology: Graph) -> None:
    with pytest.raises(ValueError, match="unknown reasoner 'hermit'; use one of fast, owlrl"):
        infer(ontology, "hermit")  # type: ignore[arg-type]


def test_reasoning_logs_its_stages_with_counts(
    ontology: Graph, caplog: pytest.LogCaptureFixture
) -> None:
    data = with_ontology(ontology, RULE_CASES["prp-trp"])  # a chain through an inferred link
    caplog.set_level("INFO", logger="critmin.reasoning")
    inferred = infer(data, "fast")
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0] == f"reasoning (fast) over {len(data)} triples"
    assert messages[1].startswith("owlrl closure of the schema: ")
    assert messages[2].startswith("reasonable round 1: ")
    assert ", 1 new from property chains" in messages[2]
    assert messages[3].startswith("reasonable round 2: ")
    assert ", 0 new from property chains" in messages[3]
    assert messages[4].startswith("reasoning: ")
    assert f", {len(inferred)} new published (" in messages[4]
    assert len(messages) == 5
