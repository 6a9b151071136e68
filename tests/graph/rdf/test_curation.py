"""graph/rdf/curation.py: analyst assertions and retractions, recorded with their reasons."""

from pathlib import Path

import pytest
from rdflib import DCTERMS, RDF, RDFS, XSD, Graph, Literal

from critmin.graph.base.namespaces import CM, CMR, CURATION_GRAPH, document_graph
from critmin.graph.rdf.curation import Correction, CurationError, apply_curation, read_curation
from critmin.graph.rdf.iris import correction_iri

PACT = CMR["agreement/kenya-ghana-manganese-pact-0a1b2c3d"]
KENYA = CMR["actor/kenya"]

CURATION = """
- assert:
    subject: cmr:agreement/kenya-ghana-manganese-pact-0a1b2c3d
    predicate: cm:bindingStatus
    object: cm:binding
  reason: The published treaty text binds both states.
  author: Analyst One
- retract:
    subject: https://w3id.org/critmin/id/agreement/kenya-ghana-manganese-pact-0a1b2c3d
    predicate: cm:date
    object: {literal: "2024-05", datatype: xsd:gYearMonth}
  reason: May is the announcement, not the signature.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def document_graphs() -> list[Graph]:
    first = Graph(identifier=document_graph("aaaaaaaaaaaaaaaa"))
    second = Graph(identifier=document_graph("bbbbbbbbbbbbbbbb"))
    for graph in (first, second):
        graph.add((PACT, RDF.type, CM.Deal))
    first.add((PACT, CM.date, Literal("2024-05", datatype=XSD.gYearMonth)))
    second.add((PACT, CM.date, Literal("2024-05-02", datatype=XSD.date)))
    return [first, second]


def test_read_curation_gives_typed_terms(tmp_path: Path) -> None:
    assert read_curation(write(tmp_path, CURATION)) == [
        Correction("assert", PACT, CM.bindingStatus, CM.binding,
                   "The published treaty text binds both states.", "Analyst One"),
        Correction("retract", PACT, CM.date, Literal("2024-05", datatype=XSD.gYearMonth),
                   "May is the announcement, not the signature."),
    ]


def test_assertions_go_to_the_curation_graph_with_their_reason(tmp_path: Path) -> None:
    documents = document_graphs()
    curation = apply_curation(read_curation(write(tmp_path, CURATION)), documents)
    assert curation.identifier == CURATION_GRAPH
    assert (PACT, CM.bindingStatus, CM.binding) in curation
    record = correction_iri("assert", PACT, CM.bindingStatus, CM.binding)
    assert set(curation.predicate_objects(record)) == {
        (RDF.type, CM.Correction),
        (RDF.type, CM.CuratedAssertion),
        (RDF.type, RDF.Statement),
        (RDF.subject, PACT),
        (RDF.predicate, CM.bindingStatus),
        (RDF.object, CM.binding),
        (RDFS.comment, Literal("The published treaty text binds both states.")),
        (DCTERMS.creator, Literal("Analyst One")),
    }
    assert all((PACT, CM.bindingStatus, None) not in graph for graph in documents)


def test_retractions_remove_the_triple_and_record_where_from(tmp_path: Path) -> None:
    documents = document_graphs()
    curation = apply_curation(read_curation(write(tmp_path, CURATION)), documents)
    may = Literal("2024-05", datatype=XSD.gYearMonth)
    assert (PACT, CM.date, may) not in documents[0]
    assert (PACT, CM.date, Literal("2024-05-02", datatype=XSD.date)) in documents[1]
    record = correction_iri("retract", PACT, CM.date, may)
    assert (record, RDF.type, CM.CuratedRetraction) in curation
    assert (record, RDF.object, may) in curation
    assert set(curation.objects(record, CM.retractedFrom)) == {documents[0].identifier}
    assert (PACT, CM.date, may) not in curation


def test_an_empty_file_has_no_corrections(tmp_path: Path) -> None:
    assert read_curation(write(tmp_path, "")) == []
    assert len(apply_curation([], document_graphs())) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("assert: {}", "a curation file is a YAML list of corrections"),
        ("- reason: why\n", "entry 1: needs exactly one of 'assert' or 'retract'"),
        (
            "- assert: {subject: cm:a, predicate: cm:b, object: cm:c}\n",
            "entry 1: needs a 'reason' (a non-empty string)",
        ),
        (
            "- assert: {subject: cm:a, predicate: cm:b, object: cm:c}\n  reason: ok\n"
            "- retract: {subject: cm:a, predicate: cm:b}\n  reason: ok\n",
            "entry 2: 'retract' needs exactly 'subject', 'predicate' and 'object'",
        ),
        (
            "- assert: {subject: foo:a, predicate: cm:b, object: cm:c}\n  reason: ok\n",
            "entry 1: the subject 'foo:a' is neither an IRI nor a CURIE",
        ),
        (
            "- assert: {subject: cm:a, predicate: cm:b, object: 7}\n  reason: ok\n",
            "entry 1: the object must be an IRI or a CURIE",
        ),
        (
            "- assert: {subject: cm:a, predicate: cm:b, object: cm:c}\n  reason: ok\n"
            "  because: no\n",
            "entry 1: unknown keys: because",
        ),
        ("- [unclosed\n", "cannot read curation file"),
    ],
)
def test_a_malformed_file_is_one_line_naming_the_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as error:
        read_curation(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_missing_file_is_a_curation_error(tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="cannot read curation file"):
        read_curation(tmp_path / "absent.yaml")


def test_the_shipped_example_is_a_valid_curation_file() -> None:
    example = Path(__file__).resolve().parents[3] / "graph" / "seed" / "curation.example.yaml"
    corrections = read_curation(example)
    assert [(c.action, c.predicate) for c in corrections] == [
        ("assert", CM.bindingStatus),
        ("retract", CM.date),
        ("assert", CM.elementCount),
    ]
    assert corrections[2].object == Literal("6", datatype=XSD.integer)
