"""graph/rdf/merge.py: one IRI per real-world thing across documents, claims kept per graph."""

from dataclasses import replace
from hashlib import sha256

import pytest
from graph_helpers import fixture_index
from rdflib import PROV, RDF, RDFS, SKOS, Graph, Literal, URIRef

from critmin.graph.base.documents import Document
from critmin.graph.base.namespaces import CM, CMR, document_iri
from critmin.graph.base.statements import Agreement, Control, Event, Extraction
from critmin.graph.base.values import DateValue, Entity, Evidence, Span
from critmin.graph.rdf import iris
from critmin.graph.rdf.merge import dates_compatible, merge_documents, plan_merge

KENYA, GHANA, PERU, CHILE, INDIA = (
    Entity(CMR[f"actor/{name}"]) for name in ("kenya", "ghana", "peru", "chile", "india")
)
NAIROBI, ACCRA = Entity(CMR["place/nairobi"]), Entity(CMR["place/accra"])

FIRST_TEXT = (
    "Kenya and Ghana finalised the Nairobi Cobalt Compact on 12 March 2024. "
    "Ghana and Kenya signed a binding manganese pact in May 2024. "
    "India capped graphite exports on six items in February 2024. "
    "India restricted graphite exports on nine items in July 2024. "
    "Leaders gathered at the Nairobi summit in March 2024."
)
SECOND_TEXT = (
    "In March the two states agreed a cobalt partnership. "
    "The manganese pact between Kenya and Ghana is not binding, officials said. "
    "New Delhi curbed graphite exports earlier this year. "
    "Peru and Chile agreed a copper deal in March 2024. "
    "Heads of state met in Nairobi that month."
)
GROUP_TEXT = "Kenya sealed a set of mineral deals with Ghana, Peru and Chile in 2024."


def document(name: str, text: str) -> Document:
    return Document(name, text, sha256(text.encode()).hexdigest())


def evidence(text: str, phrase: str) -> Evidence:
    begin = text.index(phrase)
    return Evidence(Span(0, len(text)), Span(begin, begin + len(phrase)))


FIRST = document("a-first.txt", FIRST_TEXT)
SECOND = document("b-second.txt", SECOND_TEXT)
GROUP = document("c-group.txt", GROUP_TEXT)

COMPACT = Agreement("a1", "framework", "Nairobi Cobalt Compact",
                    evidence(FIRST_TEXT, "the Nairobi Cobalt Compact"), parties=(KENYA, GHANA),
                    date=DateValue("2024-03-12"))
PARTNERSHIP = Agreement("x1", "partnership", "Kenya\u2013Ghana cobalt partnership",
                        evidence(SECOND_TEXT, "a cobalt partnership"), parties=(GHANA, KENYA),
                        date=DateValue("2024-03"))
BINDING_PACT = Agreement("a2", "deal", "Kenya\u2013Ghana manganese pact",
                         evidence(FIRST_TEXT, "a binding manganese pact"),
                         parties=(KENYA, GHANA), date=DateValue("2024-05"), binding=True)
NON_BINDING_PACT = Agreement("x2", "deal", "Kenya\u2013Ghana manganese pact",
                             evidence(SECOND_TEXT, "The manganese pact"), parties=(KENYA, GHANA),
                             binding=False)
COPPER_DEAL = Agreement("x3", "deal", "Peru\u2013Chile copper deal",
                        evidence(SECOND_TEXT, "a copper deal"), parties=(PERU, CHILE),
                        date=DateValue("2024-03"))
MINERAL_DEALS = Agreement("g1", "group", "Kenya's mineral deals",
                          evidence(GROUP_TEXT, "a set of mineral deals"),
                          parties=(KENYA, GHANA, PERU, CHILE), date=DateValue("2024"))
SIX_ITEMS = Control("c1", "export-control", "India's February graphite controls",
                    evidence(FIRST_TEXT, "capped graphite exports"), imposer=INDIA,
                    element_count=6, date=DateValue("2024-02"))
NINE_ITEMS = Control("c2", "export-control", "India's July graphite controls",
                     evidence(FIRST_TEXT, "restricted graphite exports"), imposer=INDIA,
                     element_count=9, date=DateValue("2024-07"))
CURBS = Control("y1", "export-control", "India's graphite curbs",
                evidence(SECOND_TEXT, "curbed graphite exports"), imposer=INDIA,
                date=DateValue("2024-02"))
SUMMIT = Event("e1", "summit", "Nairobi summit", evidence(FIRST_TEXT, "the Nairobi summit"),
               participants=(KENYA, GHANA), place=NAIROBI, date=DateValue("2024-03"))
MEETING = Event("z1", "meeting", "Nairobi meeting of heads of state",
                evidence(SECOND_TEXT, "Heads of state met"), place=NAIROBI,
                date=DateValue("2024-03"))

FIRST_EXTRACTION = Extraction(FIRST, agreements=(COMPACT, BINDING_PACT),
                              controls=(SIX_ITEMS, NINE_ITEMS), events=(SUMMIT,))
SECOND_EXTRACTION = Extraction(SECOND, agreements=(PARTNERSHIP, NON_BINDING_PACT, COPPER_DEAL),
                               controls=(CURBS,), events=(MEETING,))
GROUP_EXTRACTION = Extraction(GROUP, agreements=(MINERAL_DEALS,))


@pytest.fixture(scope="module")
def graphs() -> list[Graph]:
    return merge_documents([SECOND_EXTRACTION, GROUP_EXTRACTION, FIRST_EXTRACTION])


@pytest.fixture(scope="module")
def names() -> dict[str, dict[str, URIRef]]:
    return plan_merge([FIRST_EXTRACTION, SECOND_EXTRACTION, GROUP_EXTRACTION]).names


def test_graphs_come_in_file_name_order(graphs: list[Graph]) -> None:
    sources = [graph.value(None, RDF.type, CM.SourceDocument) for graph in graphs]
    assert sources == [document_iri(d.sha16) for d in (FIRST, SECOND, GROUP)]


def test_same_agreement_in_two_documents_is_one_node(graphs, names) -> None:
    compact = names[FIRST.sha16]["a1"]
    assert names[SECOND.sha16]["x1"] == compact
    assert compact == iris.agreement_iri(COMPACT)  # the proper name's own IRI
    first, second, _ = graphs
    assert (compact, PROV.wasDerivedFrom, document_iri(FIRST.sha16)) in first
    assert (compact, PROV.wasDerivedFrom, document_iri(SECOND.sha16)) in second
    assert set(first.objects(compact, RDF.type)) == {CM.Framework}
    assert set(second.objects(compact, RDF.type)) == {CM.Partnership}
    assert (compact, RDFS.label, Literal("Kenya\u2013Ghana cobalt partnership")) in second


def test_exactly_one_preferred_label_per_statement_node(graphs, names) -> None:
    pref_labels: dict[URIRef, list[tuple[int, Literal]]] = {}
    for position, graph in enumerate(graphs):
        for node, label in graph.subject_objects(SKOS.prefLabel):
            pref_labels.setdefault(node, []).append((position, label))
    compact = names[FIRST.sha16]["a1"]
    assert pref_labels[compact] == [(0, Literal("Nairobi Cobalt Compact"))]
    labelled = {node for graph in graphs for node in graph.subjects(RDFS.label)}
    assert set(pref_labels) == labelled
    assert all(len(labels) == 1 for labels in pref_labels.values())


def test_a_proper_name_is_preferred_over_the_first_document() -> None:
    renamed = Extraction(document("0-early.txt", SECOND_TEXT), agreements=(PARTNERSHIP,))
    graphs = merge_documents([renamed, FIRST_EXTRACTION])
    node = plan_merge([renamed, FIRST_EXTRACTION]).names[FIRST.sha16]["a1"]
    assert [graph.value(node, SKOS.prefLabel) for graph in graphs] == [
        None,
        Literal("Nairobi Cobalt Compact"),
    ]


def test_conflicting_binding_keeps_two_nodes_joined_as_disputed(graphs, names) -> None:
    binding, non_binding = names[FIRST.sha16]["a2"], names[SECOND.sha16]["x2"]
    assert binding != non_binding
    first, second, _ = graphs
    assert (binding, CM.disputedSameAs, non_binding) in first
    assert (non_binding, CM.disputedSameAs, binding) in second
    assert (binding, CM.bindingStatus, CM.binding) in first
    assert (non_binding, CM.bindingStatus, CM.nonBinding) in second


def test_agreements_with_other_parties_stay_apart(names) -> None:
    copper = names[SECOND.sha16]["x3"]
    assert copper == iris.agreement_iri(COPPER_DEAL)
    assert copper not in set(names[FIRST.sha16].values())


def test_a_group_comprises_the_agreements_among_its_parties(graphs, names) -> None:
    group = names[GROUP.sha16]["g1"]
    members = set(graphs[2].objects(group, CM.comprises))
    assert members == {
        names[FIRST.sha16]["a1"],
        names[FIRST.sha16]["a2"],
        names[SECOND.sha16]["x2"],
        names[SECOND.sha16]["x3"],
    }


def test_controls_merge_unless_counts_or_dates_conflict(names) -> None:
    assert names[SECOND.sha16]["y1"] == names[FIRST.sha16]["c1"]
    assert names[FIRST.sha16]["c2"] != names[FIRST.sha16]["c1"]


def test_events_at_the_same_place_and_time_merge(names) -> None:
    assert names[SECOND.sha16]["z1"] == names[FIRST.sha16]["e1"]


def test_merge_does_not_depend_on_input_order() -> None:
    forward = merge_documents([FIRST_EXTRACTION, SECOND_EXTRACTION, GROUP_EXTRACTION])
    backward = merge_documents([GROUP_EXTRACTION, SECOND_EXTRACTION, FIRST_EXTRACTION])
    assert [set(graph) for graph in forward] == [set(graph) for graph in backward]


def test_two_statements_of_one_document_never_merge() -> None:
    again = Agreement("a3", "partnership", "Kenya\u2013Ghana cobalt partnership",
                      evidence(FIRST_TEXT, "Kenya and Ghana finalised"),
                      parties=(KENYA, GHANA), date=DateValue("2024-03"))
    names = plan_merge([Extraction(FIRST, agreements=(COMPACT, again))]).names[FIRST.sha16]
    assert names["a1"] != names["a3"]


def test_a_party_subset_merges_only_on_the_same_date() -> None:
    kenya_only = Agreement("x9", "framework", "Kenya cobalt compact",
                           evidence(SECOND_TEXT, "a cobalt partnership"), parties=(KENYA,),
                           date=DateValue("2024-03-12"))
    later = Agreement("x9", "framework", "Kenya cobalt compact",
                      evidence(SECOND_TEXT, "a cobalt partnership"), parties=(KENYA,),
                      date=DateValue("2024-03"))
    for other, merged in ((kenya_only, True), (later, False)):
        extractions = [Extraction(FIRST, agreements=(COMPACT,)),
                       Extraction(SECOND, agreements=(other,))]
        names = plan_merge(extractions).names
        assert (names[SECOND.sha16]["x9"] == names[FIRST.sha16]["a1"]) is merged


@pytest.mark.parametrize(
    ("first", "second", "compatible"),
    [
        (DateValue("2024-03-12"), DateValue("2024-03"), True),
        (DateValue("2024"), DateValue("2024-11-02"), True),
        (DateValue("2024-03"), DateValue("2024-04"), False),
        (DateValue("2024-03-12"), DateValue("2024-03-13"), False),
        (DateValue("2024-04-30", "2024-05-13"), DateValue("2024-05"), True),
        (DateValue("2024-04-30", "2024-05-13"), DateValue("2024-05-20"), False),
        (DateValue("2030", "2039"), DateValue("2035"), True),
        (None, DateValue("2024"), True),
    ],
)
def test_dates_compatible(first, second, compatible: bool) -> None:
    assert dates_compatible(first, second) is compatible
    assert dates_compatible(second, first) is compatible


def test_nodes_labelled_by_the_reference_data_get_no_second_preferred_label() -> None:
    agency = Entity(
        CMR["actor/nairobi-mining-agency"], "Nairobi Mining Agency", (CM.GovernmentBody,)
    )
    extraction = Extraction(FIRST, new_entities=(agency,))
    reference = Graph()
    reference.add((agency.iri, SKOS.prefLabel, Literal("Nairobi Mining Agency", lang="en")))
    (graph,) = merge_documents([extraction], labelled=reference)
    assert (agency.iri, RDFS.label, Literal("Nairobi Mining Agency")) in graph
    assert (agency.iri, SKOS.prefLabel, None) not in graph
    (unlabelled,) = merge_documents([extraction])
    assert (agency.iri, SKOS.prefLabel, Literal("Nairobi Mining Agency")) in unlabelled


# --- one agreement reported between states and between their organisations ---------------

STATES_TEXT = "Pakistan and the United States struck a $400 million deal in 2024."
FIRMS_TEXT = (
    "Ozark Metals, a US firm, signed an MoU with the Frontier Works Organisation in 2024. "
    "Delta Ores signed an MoU with the FWO in March 2024. "
    "Ozark Metals signed a deal with the FWO in September 2024."
)


def firm(name: str, state: str) -> Entity:
    slug = name.lower().replace(" ", "-")
    place = ((CM.basedIn, CMR[f"actor/{state}"]),)
    return Entity(CMR[f"actor/{slug}"], name, (CM.Company,), place)


US, PAKISTAN = Entity(CMR["actor/united-states"]), Entity(CMR["actor/pakistan"])
FWO = Entity(CMR["actor/frontier-works-organisation"])
STATES = document("d-states.txt", STATES_TEXT)
FIRMS = document("e-firms.txt", FIRMS_TEXT)
STATE_DEAL = Agreement("s1", "deal", "United States\u2013Pakistan deal",
                       evidence(STATES_TEXT, "a $400 million deal"), parties=(PAKISTAN, US),
                       date=DateValue("2024"))


def firm_mou(key: str, phrase: str, company: Entity, date: str, kind: str = "mou") -> Agreement:
    return Agreement(key, kind, f"{company.label}\u2013FWO {kind}", evidence(FIRMS_TEXT, phrase),
                     parties=(company, FWO), date=DateValue(date), binding=None)


def state_level_links(*firm_agreements: Agreement) -> set[tuple[str, str]]:
    extractions = [Extraction(STATES, agreements=(STATE_DEAL,)),
                   Extraction(FIRMS, agreements=firm_agreements)]
    plan = plan_merge(extractions, fixture_index())
    keys = {iri: key for names in plan.names.values() for key, iri in names.items()}
    return {(keys[node], keys[other]) for _, node, other in plan.corresponding}


def test_a_state_level_deal_and_an_organisation_level_mou_correspond() -> None:
    ozark_firm = firm("Ozark Metals", "united-states")
    ozark = firm_mou("f1", "signed an MoU with the Frontier", ozark_firm, "2024")
    assert state_level_links(ozark) == {("s1", "f1"), ("f1", "s1")}
    graphs = merge_documents([Extraction(STATES, agreements=(STATE_DEAL,)),
                              Extraction(FIRMS, agreements=(ozark,))], index=fixture_index())
    node, other = iris.agreement_iri(STATE_DEAL), iris.agreement_iri(ozark)
    assert (node, CM.correspondsTo, other) in graphs[0]
    assert (other, CM.correspondsTo, node) in graphs[1]
    assert not set(graphs[0].objects(node, CM.disputedSameAs))
    assert set(graphs[0].objects(node, CM.party)) == {US.iri, PAKISTAN.iri}


def test_organisation_level_reports_of_other_states_months_or_ambiguity_stay_apart() -> None:
    delta_march = firm_mou("f2", "signed an MoU with the FWO", firm("Delta Ores", "chile"),
                           "2024-03")
    assert state_level_links(delta_march) == set()  # a Chilean firm: other states
    ozark = firm("Ozark Metals", "united-states")
    ozark_march = firm_mou("f3", "signed an MoU with the FWO", ozark, "2024-03")
    ozark_september = firm_mou("f4", "signed a deal with the FWO", ozark, "2024-09", kind="deal")
    assert state_level_links(ozark_march, ozark_september) == set()  # which one? neither
    early = replace(STATE_DEAL, date=DateValue("2023"))
    plan = plan_merge([Extraction(STATES, agreements=(early,)),
                       Extraction(FIRMS, agreements=(ozark_march,))], fixture_index())
    assert plan.disputed == set()  # different years


def test_two_organisation_level_mous_of_the_same_states_never_join() -> None:
    ozark = firm("Ozark Metals", "united-states")
    march = firm_mou("f5", "signed an MoU with the FWO", ozark, "2024-03")
    other = Document("f-other.txt", FIRMS_TEXT, "1" * 64)
    may = replace(march, key="g5", parties=(firm("Delta Ores", "united-states"), FWO),
                  date=DateValue("2024-05"))
    plan = plan_merge([Extraction(FIRMS, agreements=(march,)),
                       Extraction(other, agreements=(may,))], fixture_index())
    assert plan.disputed == set()
    assert plan.names[FIRMS.sha16]["f5"] != plan.names[other.sha16]["g5"]
