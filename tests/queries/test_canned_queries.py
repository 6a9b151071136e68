"""Every canned query on the invented dataset (tests/queries/conftest.py): exact rows.

The dataset states specific facts (an MoU, refining, a light rare-earth element, a pause) and
the queries ask general terms (non-binding, processing, rare-earth element, paused control),
so these tests also check that the OWL 2 RL closure does the work the queries rely on.
"""

from __future__ import annotations

import pytest
from canned_query_data import columns, reasoned_store, rows

from critmin.graph.base.namespaces import CM, CMR
from critmin.service.store import Store

R = str(CMR)
# The IRIs of the invented dataset's documents, agreements and controls.
DOC1, DOC2 = (f"{R}doc/aaaa00000000000{number}" for number in (1, 2))
MOU, FRAMEWORK, PARTNERSHIP, DEAL = (
    f"{R}agreement/{slug}"
    for slug in (
        "canada-andes-mou-11111111", "canada-india-framework-22222222",
        "canada-brazil-partnership-33333333", "chile-kenya-deal-44444444",
    )
)
FEBRUARY_CONTROLS, JUNE_CONTROLS, LITHIUM_CONTROLS, PAUSE, SANCTION, LIFTING, TARIFF = (
    f"{R}control/{slug}"
    for slug in (
        "india-export-control-55555555", "india-export-control-66666666",
        "india-export-control-77777777", "india-pause-88888888", "canada-sanction-99999999",
        "canada-lifting-aaaaaaaa", "chile-tariff-bbbbbbbb",
    )
)


def test_agreements_columns(invented_store: Store) -> None:
    assert columns(invented_store, "agreements") == [
        "agreement", "label", "kind", "parties", "party_wikidata", "date", "binding", "stages",
        "minerals", "amount_usd", "sources", "evidence",
    ]


def test_agreements_rows(invented_store: Store) -> None:
    assert rows(invented_store, "agreements") == [
        (MOU, "Canada-Andes Lithium MoU", "mou", "Andes Lithium | Canada", "Q16", "2024-03",
         "false", "exploration | processing | refining", "lithium", "", DOC1,
         "a memorandum on refining"),
        (PARTNERSHIP, "Canada-Brazil partnership", "partnership", "Brazil | Canada", "Q16",
         "2024-01/2024-02", "false", "processing | separation", "", "", DOC2, ""),
        (FRAMEWORK, "Canada-India framework", "framework", "Canada | India", "Q16 | Q668",
         "2024-05-14", "true", "mining", "", "1200000000", f"{DOC1} | {DOC2}",
         "a binding framework worth 1.2 billion | the Canada-India accord"),
        (DEAL, "Chile-Kenya deal", "deal", "Chile | Kenya", "", "2023", "unknown", "", "", "",
         DOC2, ""),
    ]


def test_controls_columns(invented_store: Store) -> None:
    assert columns(invented_store, "controls") == [
        "control", "label", "kind", "imposer", "target", "minerals", "element_count", "date",
        "status", "sources", "evidence",
    ]


def test_controls_rows(invented_store: Store) -> None:
    assert rows(invented_store, "controls") == [
        (LIFTING, "lifting of Canadian sanctions on East Corp", "lifting", "Canada", "", "", "",
         "2024-09", "in force", DOC2, ""),
        (SANCTION, "Canadian sanctions on East Corp", "sanction", "Canada", "East Corp", "", "",
         "2023", "lifted", DOC2, ""),
        (TARIFF, "Chilean tariffs on India", "tariff", "Chile", "India", "", "", "",
         "in force", DOC2, ""),
        (FEBRUARY_CONTROLS, "India's February export controls", "export-control", "India", "",
         "rare earths", "5", "2024-02", "paused", DOC1, "curbs on five elements"),
        (JUNE_CONTROLS, "India's June export controls", "export-control", "India", "",
         "dysprosium", "2", "2024-06-10", "in force", DOC1, ""),
        (LITHIUM_CONTROLS, "India's lithium export controls", "export-control", "India", "",
         "lithium", "", "2024", "in force", DOC1, ""),
        (PAUSE, "six-month pause of India's controls", "pause", "India", "", "", "", "2024-07",
         "in force", DOC1, ""),
    ]


def test_agreements_counts_nodes_joined_by_same_as_once() -> None:
    store = reasoned_store(
        """
        cmr:graph\\/doc\\/bbbb000000000001 {
          cmr:agreement\\/pact-a1a1a1a1 a cm:Deal ; rdfs:label "lithium pact" ;
              cm:date "2022"^^xsd:gYear ; prov:wasDerivedFrom cmr:doc\\/bbbb000000000001 .
        }
        cmr:graph\\/doc\\/bbbb000000000002 {
          cmr:agreement\\/pact-b2b2b2b2 a cm:Deal ; rdfs:label "the pact on lithium" ;
              cm:date "2022-08"^^xsd:gYearMonth ; prov:wasDerivedFrom cmr:doc\\/bbbb000000000002 ;
              owl:sameAs cmr:agreement\\/pact-a1a1a1a1 .
        }
        """
    )
    assert rows(store, "agreements") == [
        (R + "agreement/pact-a1a1a1a1", "lithium pact | the pact on lithium", "deal", "", "",
         "2022-08", "unknown", "", "", "",
         f"{R}doc/bbbb000000000001 | {R}doc/bbbb000000000002", ""),
    ]


def test_cq01_mous_and_non_binding_agreements_that_involve_processing(
    invented_store: Store,
) -> None:
    assert rows(invented_store, "cq01") == [
        (MOU, "Canada-Andes Lithium MoU", "mou", "Andes Lithium | Canada",
         "exploration | refining"),
        (PARTNERSHIP, "Canada-Brazil partnership", "partnership", "Brazil | Canada",
         "separation"),
    ]


def test_cq01_takes_another_stage(invented_store: Store) -> None:
    assert rows(invented_store, "cq01", stage=str(CM.exploration)) == [
        (MOU, "Canada-Andes Lithium MoU", "mou", "Andes Lithium | Canada",
         "exploration | refining"),
    ]
    assert rows(invented_store, "cq01", stage=str(CM.mining)) == []


def test_cq02_agreements_of_an_actor_in_a_year(invented_store: Store) -> None:
    assert rows(invented_store, "cq02", actor=R + "actor/canada", year="2024") == [
        (PARTNERSHIP, "Canada-Brazil partnership", "2024-01/2024-02", "false", "Brazil"),
        (MOU, "Canada-Andes Lithium MoU", "2024-03", "false", "Andes Lithium"),
        (FRAMEWORK, "Canada-India framework", "2024-05-14", "true", "India"),
    ]
    assert rows(invented_store, "cq02", actor=R + "actor/chile", year="2023") == [
        (DEAL, "Chile-Kenya deal", "2023", "unknown", "Kenya"),
    ]


def test_cq02_counts_organisations_based_in_the_actor(invented_store: Store) -> None:
    assert rows(invented_store, "cq02", actor=R + "actor/chile", year="2024") == [
        (MOU, "Canada-Andes Lithium MoU", "2024-03", "false", "Andes Lithium | Canada"),
    ]


def test_cq03_binding_status(invented_store: Store) -> None:
    assert rows(invented_store, "cq03") == [
        ("false", "Canada-Andes Lithium MoU", MOU),
        ("false", "Canada-Brazil partnership", PARTNERSHIP),
        ("true", "Canada-India framework", FRAMEWORK),
        ("unknown", "Chile-Kenya deal", DEAL),
    ]


def test_cq04_export_controls_on_rare_earth_elements(invented_store: Store) -> None:
    assert rows(invented_store, "cq04", imposer=R + "actor/india") == [
        ("2024-02", "5", "India's February export controls", FEBRUARY_CONTROLS),
        ("2024-06-10", "2", "India's June export controls", JUNE_CONTROLS),
    ]


@pytest.mark.parametrize(
    ("on", "in_force"),
    [("2024-06-30", "true"), ("2024-07-01", "false"), ("2024-12-31", "false"),
     ("2025-01-01", "true")],
)
def test_cq05_paused_controls_on_a_date(
    invented_store: Store, on: str, in_force: str
) -> None:
    assert rows(invented_store, "cq05", on=on) == [
        ("India's February export controls", "six-month pause of India's controls", "2024-07",
         "P6M", "2025-01", in_force, "Canada-India framework", FEBRUARY_CONTROLS, PAUSE),
    ]


def test_cq06_who_met_at_a_summit_and_what_was_agreed(invented_store: Store) -> None:
    assert rows(invented_store, "cq06", place=R + "place/geneva") == [
        (R + "event/geneva-summit-cccccccc", "Geneva summit", "2024-05", "Ana Silva | Raj Kumar",
         "Canada-India framework | six-month pause of India's controls", "wheat purchases"),
    ]


def test_cq07_shares_and_their_authority(invented_store: Store) -> None:
    assert rows(invented_store, "cq07", actor=R + "actor/india") == [
        ("mining", "rare earths", "35", "per cent", "", DOC1,
         R + "measurement/india-mining-share-14141414"),
        ("processing", "rare earths", "60", "per cent", "World Bank", DOC2,
         R + "measurement/india-processing-share-18181818"),
    ]


def test_cq08_prices_in_date_order(invented_store: Store) -> None:
    assert rows(invented_store, "cq08", mineral=R + "mineral/lithium-carbonate") == [
        ("2021", "14", "USD", "kilogram", "lithium carbonate price in 2021",
         R + "measurement/carbonate-price-15151515"),
        ("2024", "22", "USD", "kilogram", "lithium carbonate price in 2024",
         R + "measurement/carbonate-price-16161616"),
    ]


def test_cq09_money_committed(invented_store: Store) -> None:
    assert rows(invented_store, "cq09") == [
        (FRAMEWORK, "Canada-India framework", "Canada | India", "", "1200000000", "USD"),
        (R + "event/ministry-investment-ffffffff",
         "Ministry of Mines investment in a lithium plant", "Ministry of Mines", "Lithium Plant",
         "", ""),
    ]


def test_cq10_minerals_and_rare_earth_elements(invented_store: Store) -> None:
    assert rows(invented_store, "cq10") == [
        ("cerium", "true", "Ce", None, R + "mineral/cerium"),
        ("dysprosium", "true", "Dy", None, R + "mineral/dysprosium"),
        ("lithium", "false", "Li", None, R + "mineral/lithium"),
        ("lithium carbonate", "false", None, "lithium", R + "mineral/lithium-carbonate"),
        ("rare earths", "false", None, None, R + "mineral/rare-earths"),
    ]


def test_cq11_supply_sources_outside_an_actor(invented_store: Store) -> None:
    assert rows(invented_store, "cq11", outside=R + "actor/india") == [
        (R + "place/lithium-plant", "Lithium Plant", "Chile", ""),
        (R + "place/salt-flat", "Salt Flat", "Antofagasta | Chile", "lithium"),
    ]


def test_cq12_state_run_and_military_run_organisations(invented_store: Store) -> None:
    assert rows(invented_store, "cq12") == [
        ("Mining Board", "military-run", "India", "India", R + "actor/mining-board"),
        ("State Smelter", "state-run", "", "Brazil", R + "actor/state-smelter"),
    ]


def test_cq13_what_happened_in_a_month(invented_store: Store) -> None:
    assert rows(invented_store, "cq13", period="2024-05") == [
        ("2024-05", "event", "Geneva summit", R + "event/geneva-summit-cccccccc"),
        ("2024-05-02", "event", "first lithium shipment", R + "event/lithium-shipment-dddddddd"),
        ("2024-05-14", "agreement", "Canada-India framework", FRAMEWORK),
    ]


def test_cq14_people_named_in_the_texts_and_their_roles(invented_store: Store) -> None:
    assert rows(invented_store, "cq14") == [
        ("Ana Silva", "Minister of Mines", "Canada", R + "person/ana-silva"),
        ("Jo Writer", "author", "Report one", None),
        ("Lee Park", None, None, R + "person/lee-park"),
        ("Lee Park", "author", "Report two", R + "person/lee-park"),
        ("Raj Kumar", None, None, R + "person/raj-kumar"),
    ]


def test_cq15_evidence_of_one_fact(invented_store: Store) -> None:
    assert rows(invented_store, "cq15", fact=FRAMEWORK) == [
        ("Canada-India framework", "a binding framework worth 1.2 billion", "40", "70", DOC1,
         "Report one", FRAMEWORK, DOC1 + "#char=40,70"),
        ("Canada-India framework", "the Canada-India accord", "5", "30", DOC2, "Report two",
         FRAMEWORK, DOC2 + "#char=5,30"),
    ]


def test_cq15_without_a_fact_lists_all_evidence(invented_store: Store) -> None:
    assert [(row[0], row[1]) for row in rows(invented_store, "cq15")] == [
        ("Canada-Andes Lithium MoU", "a memorandum on refining"),
        ("Canada-India framework", "a binding framework worth 1.2 billion"),
        ("Canada-India framework", "the Canada-India accord"),
        ("India's February export controls", "curbs on five elements"),
    ]


def test_cq16_facts_by_number_of_sources(invented_store: Store) -> None:
    found = rows(invented_store, "cq16")
    assert found[0] == ("2", "Canada-India framework", f"{DOC1} | {DOC2}", FRAMEWORK)
    assert ("1", "Chile-Kenya deal", DOC2, DEAL) in found
    assert [row[0] for row in found[1:]] == ["1"] * 21


def test_cq17_links_to_wikidata(invented_store: Store) -> None:
    assert rows(invented_store, "cq17") == [
        ("Canada", "Q16", "http://www.wikidata.org/entity/Q16", R + "actor/canada"),
        ("India", "Q668", "http://www.wikidata.org/entity/Q668", R + "actor/india"),
    ]


def test_cq18_partners_an_actor_approached(invented_store: Store) -> None:
    assert rows(invented_store, "cq18", actor=R + "actor/canada") == [
        ("Brazil", "Atlantic", R + "actor/brazil"),
        ("India", "Atlantic", R + "actor/india"),
        ("Kenya", "Atlantic", R + "actor/kenya"),
    ]
    assert rows(invented_store, "cq18", actor=R + "actor/india") == []


def test_cq19_lifted_sanctions(invented_store: Store) -> None:
    assert rows(invented_store, "cq19") == [
        (SANCTION, "Canadian sanctions on East Corp", "2024-09", "Canada", "East Corp"),
    ]


def test_cq20_forecasts(invented_store: Store) -> None:
    assert rows(invented_store, "cq20") == [
        ("new mine lead time", None, "3", "6", "year", None, "",
         R + "measurement/mine-lead-time-19191919"),
        ("refining shifted away from India", None, "10", "15", "per cent", "2040s", "",
         R + "measurement/refining-forecast-17171717"),
    ]
