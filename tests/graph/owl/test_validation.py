"""graph/owl/validation.py: SHACL validation of a graph or of the union of a dataset's graphs."""

from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef, namespace
from rdflib.namespace import PROV

from critmin.graph.base.namespaces import CM, CMR, NIF, document_graph, document_iri, span_iri
from critmin.graph.owl.validation import ValidationResult, Violation, validate

CMSH = Namespace("https://w3id.org/critmin/shapes#")
SHA = "fe" * 32
DOC = document_iri(SHA[:16])
SPAN = span_iri(SHA[:16], 4, 30)
AGREEMENT = CMR["agreement/copper-pact-1a2b3c4d"]


def document_facts() -> Graph:
    """A source document, one span of it, and one agreement it states."""
    graph = Graph()
    graph.add((DOC, RDF.type, CM.SourceDocument))
    graph.add((DOC, CM.sha256, Literal(SHA)))
    graph.add((SPAN, RDF.type, NIF.String))
    graph.add((SPAN, NIF.beginIndex, Literal(4, datatype=namespace.XSD.nonNegativeInteger)))
    graph.add((SPAN, NIF.endIndex, Literal(30, datatype=namespace.XSD.nonNegativeInteger)))
    graph.add((SPAN, NIF.anchorOf, Literal("the copper pact with Zambia")))
    graph.add((SPAN, NIF.referenceContext, DOC))
    graph.add((AGREEMENT, RDF.type, CM.Deal))
    graph.add((AGREEMENT, CM.party, CMR["actor/zambia"]))
    graph.add((AGREEMENT, PROV.wasDerivedFrom, DOC))
    graph.add((AGREEMENT, CM.evidence, SPAN))
    return graph


def dataset(facts: Graph) -> Dataset:
    """The layout of a build: reference entities and each document in their own graphs."""
    data = Dataset()
    data.graph(CMR["graph/reference"]).add((CMR["actor/zambia"], RDF.type, CM.State))
    doc_graph = data.graph(document_graph(SHA[:16]))
    doc_graph += facts
    return data


def test_a_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    result = validate(dataset(document_facts()))
    assert result == ValidationResult(conforms=True, text=result.text, violations=())
    assert result.violation_count == 0
    assert result.text.splitlines()[:2] == ["Validation Report", "Conforms: True"]


def test_a_graph_without_the_party_types_does_not_conform() -> None:
    result = validate(document_facts())  # the reference graph, typing Zambia, is missing
    assert result.conforms is False
    assert result.violation_count == 1
    assert result.violations == (
        Violation(
            focus_node=AGREEMENT,
            result_path=CM.party,
            source_shape=CMSH.AgreementPartyShape,
            message="An agreement needs at least one cm:party, and every party is a cm:Actor.",
        ),
    )
    assert "Conforms: False" in result.text
    assert str(AGREEMENT) in result.text


def test_violations_are_listed_in_a_stable_order() -> None:
    facts = document_facts()
    facts.remove((SPAN, NIF.referenceContext, DOC))
    facts.remove((AGREEMENT, PROV.wasDerivedFrom, DOC))
    result = validate(dataset(facts))
    assert [(v.source_shape, v.focus_node, v.result_path) for v in result.violations] == [
        (CMSH.SpanContextShape, SPAN, NIF.referenceContext),
        (CMSH.StatementSourceShape, AGREEMENT, PROV.wasDerivedFrom),
    ]


def test_validation_leaves_the_data_unchanged() -> None:
    data = dataset(document_facts())
    before = set(data.quads())
    validate(data)
    assert set(data.quads()) == before
    assert (CM.Deal, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) not in data
