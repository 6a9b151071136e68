"""graph/rdf/triples.py: hand-made extractions of sentences written here → exact triples."""

from dataclasses import replace
from decimal import Decimal
from hashlib import sha256

import pytest
from rdflib import DCTERMS, PROV, RDF, RDFS, XSD, BNode, Literal, URIRef

from critmin.graph.base.documents import Author, Document
from critmin.graph.base.namespaces import CM, CMR, NIF, SCHEMA, document_graph, document_iri
from critmin.graph.base.statements import (
    SHARE_OF,
    Agreement,
    Control,
    Event,
    Extraction,
    Measurement,
    Obligation,
    Role,
    SupplySource,
)
from critmin.graph.base.values import DateValue, Entity, Evidence, Quantity, Span
from critmin.graph.rdf import iris
from critmin.graph.rdf.triples import SHARE_CLASSES
from critmin.graph.rdf.triples import document_graph as build_graph

TEXT = (
    "Lithium Weekly\n"
    "Canada and Chile signed a binding lithium framework on 3 March 2024, worth more than "
    "CAD 2 billion. "
    "Norway paused its cobalt export controls on five elements for one year in May 2023. "
    "Leaders met at the Oslo Summit in June 2023. "
    "Chile holds about 40 per cent of global lithium refining, according to the Andean Agency. "
    "The Salar Grande deposit in Chile yields lithium. "
    "Minister Erna Dahl spoke for Norway."
)
DOCUMENT = Document(
    file_name="lithium.txt",
    text=TEXT,
    sha256=sha256(TEXT.encode()).hexdigest(),
    title="Lithium Weekly",
    authors=(Author("Ana Silva", "Analyst", "Andes Institute"),),
    publisher="Mineral Press",
    date="2024-03-05",
)
SOURCE = document_iri(DOCUMENT.sha16)
CANADA, CHILE, NORWAY = (Entity(CMR[f"actor/{n}"]) for n in ("canada", "chile", "norway"))
LITHIUM, COBALT = Entity(CMR["mineral/lithium"]), Entity(CMR["mineral/cobalt"])
OSLO = Entity(CMR["place/oslo"])
AGENCY = Entity(CMR["actor/andean-agency"], "Andean Agency", (CM.GovernmentBody,))
DAHL = Entity(CMR["person/erna-dahl"], "Erna Dahl", (CM.Person,))


def span(phrase: str) -> Span:
    begin = TEXT.index(phrase)
    return Span(begin, begin + len(phrase))


def evidence(anchor: str) -> Evidence:
    """The anchor phrase and the sentence around it (sentences end with '. ')."""
    found = span(anchor)
    start = max(TEXT.rfind(". ", 0, found.begin) + 2, TEXT.rfind("\n", 0, found.begin) + 1)
    stop = TEXT.find(". ", found.end)
    return Evidence(Span(start, stop + 1 if stop >= 0 else len(TEXT)), found)


FRAMEWORK = Agreement(
    key="a1",
    kind="framework",
    label="Canada\u2013Chile lithium framework",
    evidence=evidence("a binding lithium framework"),
    parties=(CANADA, CHILE),
    date=DateValue("2024-03-03"),
    binding=True,
    stages=(CM.refining,),
    minerals=(LITHIUM,),
    amounts=(Quantity(120, 135, "money", value=Decimal("2E9"), currency="CAD",
                      qualifier="more than"),),
    obligations=(Obligation(CM.PurchaseCommitment, "lithium purchases", CANADA),),
    agreed_at="e1",
)
CONTROLS = Control(
    key="c1",
    kind="export-control",
    label="Norway's cobalt export controls",
    evidence=evidence("its cobalt export controls"),
    imposer=NORWAY,
    minerals=(COBALT,),
    element_count=5,
    status="paused",
)
PAUSE = Control(
    key="c2",
    kind="pause",
    label="one-year pause of Norway's cobalt controls",
    evidence=evidence("Norway paused"),
    imposer=NORWAY,
    date=DateValue("2023-05"),
    duration="P1Y",
    acts_on=("c1",),
    agreed_in="e1",
)
SUMMIT = Event(
    key="e1",
    kind="summit",
    label="Oslo Summit",
    evidence=evidence("the Oslo Summit"),
    participants=(CANADA, NORWAY),
    place=OSLO,
    date=DateValue("2023-06"),
    outcomes=("c2",),
)
SHARE = Measurement(
    key="m1",
    kind="share",
    label="Chile's share of lithium refining",
    evidence=evidence("about 40 per cent of global lithium refining"),
    quantity=Quantity(0, 1, "percent", value=Decimal("40"), qualifier="about"),
    subject=CHILE,
    mineral=LITHIUM,
    stage=CM.refining,
    according_to=AGENCY,
    share_of="processing",
)
DEPOSIT = SupplySource(
    key="s1",
    label="Salar Grande deposit",
    evidence=evidence("The Salar Grande deposit"),
    located_in=CHILE,
    minerals=(LITHIUM,),
)
MINISTER = Role(DAHL, "Minister", evidence("Minister Erna Dahl"), NORWAY)
EXTRACTION = Extraction(
    document=DOCUMENT,
    agreements=(FRAMEWORK,),
    controls=(CONTROLS, PAUSE),
    events=(SUMMIT,),
    measurements=(SHARE,),
    roles=(MINISTER,),
    supply_sources=(DEPOSIT,),
    new_entities=(AGENCY, DAHL),
)


@pytest.fixture(scope="module")
def graph():
    return build_graph(EXTRACTION)


def described(graph, node: URIRef) -> set[tuple[URIRef, object]]:
    return set(graph.predicate_objects(node))


def span_node(phrase: str) -> URIRef:
    found = span(phrase)
    return URIRef(f"{SOURCE}#char={found.begin},{found.end}")


def test_graph_is_named_after_the_document(graph) -> None:
    assert graph.identifier == document_graph(DOCUMENT.sha16)


def test_source_document_node(graph) -> None:
    assert described(graph, SOURCE) == {
        (RDF.type, CM.SourceDocument),
        (RDFS.label, Literal("Lithium Weekly")),
        (DCTERMS.title, Literal("Lithium Weekly")),
        (DCTERMS.publisher, Literal("Mineral Press")),
        (DCTERMS.date, Literal("2024-03-05", datatype=XSD.date)),
        (DCTERMS.creator, CMR["person/ana-silva"]),
        (CM.fileName, Literal("lithium.txt")),
        (CM.sha256, Literal(DOCUMENT.sha256)),
    }


def test_author_is_a_person_with_a_role(graph) -> None:
    role = graph.value(CMR["person/ana-silva"], CM.hasRole)
    assert (CMR["person/ana-silva"], RDF.type, CM.Person) in graph
    assert described(graph, role) == {
        (RDF.type, CM.Role),
        (RDFS.label, Literal("Analyst")),
        (CM.roleTitle, Literal("Analyst")),
        (CM.roleIn, CMR["actor/andes-institute"]),
        (PROV.wasDerivedFrom, SOURCE),
    }
    assert (CMR["actor/andes-institute"], RDFS.label, Literal("Andes Institute")) in graph


def test_agreement_node(graph) -> None:
    node = iris.agreement_iri(FRAMEWORK)
    amount = iris.amount_iri(node, FRAMEWORK.amounts[0])
    obligation = iris.obligation_iri(node, FRAMEWORK.obligations[0])
    assert described(graph, node) == {
        (RDF.type, CM.Framework),
        (RDFS.label, Literal("Canada\u2013Chile lithium framework")),
        (PROV.wasDerivedFrom, SOURCE),
        (CM.evidence, span_node("a binding lithium framework")),
        (CM.party, CANADA.iri),
        (CM.party, CHILE.iri),
        (CM.date, Literal("2024-03-03", datatype=XSD.date)),
        (CM.bindingStatus, CM.binding),
        (CM.coversStage, CM.refining),
        (CM.coversMineral, LITHIUM.iri),
        (CM.hasAmount, amount),
        (CM.hasObligation, obligation),
        (CM.agreedAt, iris.event_iri(SUMMIT)),
    }
    assert described(graph, amount) == {
        (RDF.type, CM.MonetaryAmount),
        (RDFS.label, Literal("more than CAD 2000000000")),
        (PROV.wasDerivedFrom, SOURCE),
        (CM.evidence, span_node("a binding lithium framework")),
        (CM.value, Literal("2000000000", datatype=XSD.decimal)),
        (SCHEMA.value, Literal("2000000000", datatype=XSD.decimal)),
        (CM.currency, Literal("CAD")),
        (SCHEMA.currency, Literal("CAD")),
        (CM.qualifier, Literal("more than")),
    }
    assert described(graph, obligation) == {
        (RDF.type, CM.PurchaseCommitment),
        (RDFS.label, Literal("lithium purchases")),
        (CM.obligedParty, CANADA.iri),
    }


def test_evidence_span_holds_offsets_anchor_and_sentence(graph) -> None:
    anchor = span("a binding lithium framework")
    sentence = FRAMEWORK.evidence.sentence
    assert TEXT[sentence.begin : sentence.end].startswith("Canada and Chile signed")
    assert described(graph, span_node("a binding lithium framework")) == {
        (RDF.type, NIF.String),
        (RDF.type, NIF.OffsetBasedString),
        (NIF.beginIndex, Literal(anchor.begin, datatype=XSD.nonNegativeInteger)),
        (NIF.endIndex, Literal(anchor.end, datatype=XSD.nonNegativeInteger)),
        (NIF.anchorOf, Literal("a binding lithium framework")),
        (NIF.referenceContext, SOURCE),
        (CM.sentenceBegin, Literal(sentence.begin, datatype=XSD.nonNegativeInteger)),
        (CM.sentenceEnd, Literal(sentence.end, datatype=XSD.nonNegativeInteger)),
    }


def test_control_and_its_pause(graph) -> None:
    controls, pause = iris.control_iri(CONTROLS), iris.control_iri(PAUSE)
    assert (controls, RDF.type, CM.ExportControl) in graph
    assert (controls, CM.imposedBy, NORWAY.iri) in graph
    assert (controls, CM.coversMineral, COBALT.iri) in graph
    assert (controls, CM.elementCount, Literal(5, datatype=XSD.integer)) in graph
    assert (controls, CM.status, CM.paused) in graph
    assert described(graph, pause) == {
        (RDF.type, CM.Pause),
        (RDFS.label, Literal("one-year pause of Norway's cobalt controls")),
        (PROV.wasDerivedFrom, SOURCE),
        (CM.evidence, span_node("Norway paused")),
        (CM.imposedBy, NORWAY.iri),
        (CM.date, Literal("2023-05", datatype=XSD.gYearMonth)),
        (CM.duration, Literal("P1Y", datatype=XSD.duration)),
        (CM.endDate, Literal("2024-05", datatype=XSD.gYearMonth)),
        (CM.pauses, controls),
        (CM.agreedIn, iris.event_iri(SUMMIT)),
    }


def test_event_node(graph) -> None:
    node = iris.event_iri(SUMMIT)
    assert described(graph, node) == {
        (RDF.type, CM.Summit),
        (RDFS.label, Literal("Oslo Summit")),
        (PROV.wasDerivedFrom, SOURCE),
        (CM.evidence, span_node("the Oslo Summit")),
        (CM.participant, CANADA.iri),
        (CM.participant, NORWAY.iri),
        (CM.place, OSLO.iri),
        (CM.date, Literal("2023-06", datatype=XSD.gYearMonth)),
        (CM.outcome, iris.control_iri(PAUSE)),
    }


def test_share_is_typed_by_its_stage(graph) -> None:
    node = iris.measurement_iri(SHARE)
    assert described(graph, node) == {
        (RDF.type, CM.ProcessingShare),
        (RDFS.label, Literal("Chile's share of lithium refining")),
        (PROV.wasDerivedFrom, SOURCE),
        (CM.evidence, span_node("about 40 per cent of global lithium refining")),
        (CM.measuredSubject, CHILE.iri),
        (CM.ofMineral, LITHIUM.iri),
        (CM.ofStage, CM.refining),
        (CM.value, Literal("40", datatype=XSD.decimal)),
        (CM.unit, CM.percent),
        (CM.qualifier, Literal("about")),
        (CM.accordingTo, AGENCY.iri),
    }


def test_every_kind_of_share_has_its_class() -> None:
    assert set(SHARE_CLASSES) == set(SHARE_OF)


def test_minted_entities_roles_and_supply_sources(graph) -> None:
    assert described(graph, AGENCY.iri) == {
        (RDF.type, CM.GovernmentBody),
        (RDFS.label, Literal("Andean Agency")),
    }
    role = iris.role_iri(MINISTER)
    assert (DAHL.iri, CM.hasRole, role) in graph
    assert (role, CM.roleTitle, Literal("Minister")) in graph
    assert (role, CM.roleIn, NORWAY.iri) in graph
    deposit = iris.supply_source_iri(DEPOSIT)
    assert described(graph, deposit) == {
        (RDF.type, CM.SupplySource),
        (RDFS.label, Literal("Salar Grande deposit")),
        (PROV.wasDerivedFrom, SOURCE),
        (CM.evidence, span_node("The Salar Grande deposit")),
        (CM.locatedIn, CHILE.iri),
        (CM.sourceOf, LITHIUM.iri),
    }


def test_no_blank_nodes_and_same_triples_whatever_the_order(graph) -> None:
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    shuffled = replace(EXTRACTION, controls=(PAUSE, CONTROLS), new_entities=(DAHL, AGENCY))
    assert set(build_graph(shuffled)) == set(graph)


def test_names_from_the_merge_replace_own_iris() -> None:
    merged = CMR["agreement/shared-framework-00000000"]
    graph = build_graph(EXTRACTION, {"a1": merged})
    assert (merged, RDF.type, CM.Framework) in graph
    assert (iris.agreement_iri(FRAMEWORK), None, None) not in graph


@pytest.mark.parametrize(
    ("kind", "label", "expected"),
    [
        ("publication", "2024 list of critical minerals", CM.CriticalMineralsList),
        ("publication", "annual mining review", CM.Publication),
        ("shipment", "first lithium cargo", CM.Shipment),
        ("rumour", "talk of a deal", CM.Event),
    ],
)
def test_event_kinds(kind: str, label: str, expected: URIRef) -> None:
    event = Event("e9", kind, label, evidence("Leaders met"), initiator=CHILE, recipients=(CANADA,))
    graph = build_graph(Extraction(DOCUMENT, events=(event,)))
    node = iris.event_iri(event)
    assert set(graph.objects(node, RDF.type)) == {expected}
    if kind == "shipment":
        assert (node, CM.shippedTo, CANADA.iri) in graph
        assert (node, CM.shippedFrom, CHILE.iri) in graph


def test_a_decade_is_a_horizon_and_a_range_has_bounds() -> None:
    forecast = Measurement(
        "m2", "forecast", "lithium refining shift", evidence("Leaders met"),
        Quantity(0, 1, "percent", low=Decimal("10"), high=Decimal("15")),
        date=DateValue("2030", "2039", approximate=True),
    )
    graph = build_graph(Extraction(DOCUMENT, measurements=(forecast,)))
    node = iris.measurement_iri(forecast)
    assert (node, RDF.type, CM.Forecast) in graph
    assert (node, CM.horizon, Literal("2030s")) in graph
    assert (node, CM.minValue, Literal("10", datatype=XSD.decimal)) in graph
    assert (node, CM.maxValue, Literal("15", datatype=XSD.decimal)) in graph
    assert (node, CM.date, None) not in graph


def test_an_anchor_of_more_than_eleven_words_is_cut_after_the_eleventh() -> None:
    sentence = evidence("Chile holds about").sentence
    agreement = replace(FRAMEWORK, evidence=Evidence(sentence, sentence))
    graph = build_graph(Extraction(DOCUMENT, agreements=(agreement,)))
    node = graph.value(iris.agreement_iri(agreement), CM.evidence)
    anchor = "Chile holds about 40 per cent of global lithium refining, according"
    assert graph.value(node, NIF.anchorOf) == Literal(anchor)
    assert node == span_node(anchor)
    assert graph.value(node, CM.sentenceEnd) == Literal(
        sentence.end, datatype=XSD.nonNegativeInteger
    )


def test_words_are_counted_as_the_leak_check_counts_them() -> None:
    phrase = "Norway paused its cobalt export controls on five elements for one year"
    hyphenated = "Norway's one-year cobalt pause"  # 6 words: norway s one year cobalt pause
    text = f"{phrase}. {hyphenated}."
    document = replace(DOCUMENT, text=text)
    begin = text.index(hyphenated)
    kept = Evidence(Span(0, len(text)), Span(begin, begin + len(hyphenated)))
    cut = Evidence(Span(0, len(text)), Span(0, len(phrase)))
    for key, found, expected in (("c1", kept, hyphenated), ("c2", cut, phrase[:-5])):
        control = replace(PAUSE, key=key, evidence=found, acts_on=(), agreed_in=None)
        graph = build_graph(Extraction(document, controls=(control,)))
        assert set(graph.objects(None, NIF.anchorOf)) == {Literal(expected)}


def test_an_anchor_without_words_is_refused() -> None:
    blank = Evidence(Span(0, 5), Span(14, 15))  # the line break after the title
    with pytest.raises(ValueError, match=r"lithium\.txt: evidence anchor 14-15 has no words"):
        build_graph(Extraction(DOCUMENT, agreements=(replace(FRAMEWORK, evidence=blank),)))


def test_a_long_title_copied_from_the_text_is_clipped_in_the_graph() -> None:
    title = "Why Small Island States Now Bargain Hard Over Seabed Nodules And Their Cobalt"
    text = f"{title}\nBy a correspondent\nIsland states met in Suva."
    document = replace(DOCUMENT, text=text, title=title)
    graph = build_graph(Extraction(document))
    assert graph.value(document_iri(document.sha16), DCTERMS.title) == Literal(
        "Why Small Island States Now Bargain Hard Over Seabed Nodules And \u2026"
    )
