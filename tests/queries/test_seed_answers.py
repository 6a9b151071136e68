"""Every competency question's expected answer on the graph built from the seed corpus.

The expected answers are the table of ../shared/competency-questions.md, checked by label or
value with each canned query's default parameters. The graph is built by `critmin build` from
../shared/corpus at test time; the tests skip where the corpus is absent.
"""

from __future__ import annotations

import contextlib
import io
from decimal import Decimal
from pathlib import Path

import pytest

from critmin.service.catalogue import find_query, run
from critmin.service.cli import main
from critmin.service.oxigraph_store import OxigraphStore

pytestmark = pytest.mark.corpus

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
METADATA = REPO / "graph" / "seed" / "corpus-metadata.yaml"
RARE_EARTH_ELEMENTS = {
    "cerium", "dysprosium", "erbium", "europium", "gadolinium", "holmium", "lanthanum",
    "lutetium", "neodymium", "praseodymium", "promethium", "samarium", "scandium", "terbium",
    "thulium", "ytterbium", "yttrium",
}

Row = dict[str, str]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The seed corpus built into a dataset file by `critmin build`, loaded."""
    if not CORPUS.is_dir():
        pytest.skip(f"the seed corpus is absent ({CORPUS.resolve()})")
    out = tmp_path_factory.mktemp("seed") / "seed.trig"
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = main(
            ["build", "--corpus", str(CORPUS), "--metadata", str(METADATA), "--out", str(out)]
        )
    if status != 0:
        pytest.fail(f"critmin build failed: {errors.getvalue().strip()}")
    return OxigraphStore.from_file(out)


def answer(store: OxigraphStore, query_id: str, **params: str) -> list[Row]:
    """A canned query's rows as column -> text ("" where unbound)."""
    result = run(find_query(query_id), store, params)
    return [
        {str(var): "" if row.get(var) is None else str(row[var]) for var in result.vars}
        for row in result.bindings
    ]


def parts(cell: str) -> list[str]:
    """The values of a multi-valued cell."""
    return cell.split(" | ") if cell else []


def numbers(cell: str) -> set[Decimal]:
    """The values of a multi-valued cell of numbers."""
    return {Decimal(value) for value in parts(cell)}


def test_cq01_the_non_binding_mou_that_involves_processing(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq01")
    mous = [
        row for row in rows
        if "US Strategic Metals" in row["label"] and "Frontier Works Organisation" in row["label"]
    ]
    assert mous, rows
    assert {"exploration", "beneficiation", "refining"} <= set(parts(mous[0]["stages"]))
    assert "mou" in parts(mous[0]["kind"])


@pytest.mark.parametrize(
    ("partner", "date"),
    [
        ("Saudi Arabia", "2025-11-19"),
        ("Japan", "2025-10-28"),
        ("Malaysia", "2025-10-26"),
        ("Thailand", "2025-10-26"),
        ("Cambodia", "2025-10-26"),
        ("Vietnam", "2025-10-26"),
        ("Australia", "2025-10-20"),
        ("Ukraine", "2025-04-30/2025-05-13"),
        ("G7", "2025-06"),
        ("European Union", "2025-06"),
        ("Pakistan", None),
    ],
)
def test_cq02_agreements_of_the_united_states_in_2025(
    seed_store: OxigraphStore, partner: str, date: str | None
) -> None:
    rows = answer(seed_store, "cq02")
    with_partner = [row for row in rows if partner in parts(row["partners"])]
    assert with_partner, f"no 2025 agreement of the United States with {partner}: {rows}"
    if date is not None:
        assert any(date in parts(row["date"]) for row in with_partner), with_partner


def test_cq02_binding_framework_with_saudi_arabia(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq02")
    assert any(
        "Saudi Arabia" in parts(row["partners"]) and row["binding"] == "true" for row in rows
    ), rows


def test_cq02_australia_framework_is_worth_8_5_billion(seed_store: OxigraphStore) -> None:
    agreements = answer(seed_store, "agreements")
    assert any(
        "Australia" in parts(row["parties"]) and Decimal("8500000000") in numbers(row["amount_usd"])
        for row in agreements
    ), agreements


def test_cq03_binding_non_binding_and_unknown(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq03")
    by_status: dict[str, list[str]] = {}
    for row in rows:
        by_status.setdefault(row["binding"], []).append(row["label"])
    assert any("Saudi" in label for label in by_status.get("true", [])), by_status
    non_binding = by_status.get("false", [])
    assert any("Japan" in label for label in non_binding), by_status
    assert any("Frontier Works Organisation" in label for label in non_binding), by_status
    assert any("Ukraine" in label for label in by_status.get("unknown", [])), by_status


def test_cq04_china_rare_earth_export_controls(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq04")
    found = {(date, count) for row in rows for date in parts(row["date"])
             for count in parts(row["element_count"])}
    assert {("2025-04", "7"), ("2025-10", "12")} <= found, rows


def test_cq05_controls_paused_for_a_year_at_busan(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq05")
    paused = [row for row in rows if row["duration"] == "P1Y" and row["pause_date"] == "2025-10"]
    assert paused, rows
    assert all(row["pause_end"] == "2026-10" for row in paused)
    assert all(row["in_force"] == "false" for row in paused)
    assert any("Busan" in row["agreed_in"] for row in paused), paused
    assert any("China" in row["label"] for row in paused), paused
    later = answer(seed_store, "cq05", on="2026-11-01")
    assert later and all(row["in_force"] == "true" for row in later)


def test_cq06_who_met_at_busan_and_what_was_agreed(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq06")
    assert rows
    participants = {name for row in rows for name in parts(row["participants"])}
    assert {"Donald Trump", "Xi Jinping"} <= participants
    agreed = " | ".join(row["agreed"] for row in rows).lower()
    assert "pause" in agreed
    exchange = " | ".join(row["in_exchange_for"] for row in rows).lower()
    assert "tariff" in exchange and "soybean" in exchange


def test_cq07_china_shares_of_rare_earths(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq07")
    shares = {(row["share"], Decimal(row["value"])) for row in rows}
    assert {("mining", 70), ("processing", 90), ("consumption", 70)} <= shares, rows
    assert any(
        row["share"] == "processing" and "International Energy Agency" in row["according_to"]
        for row in rows
    ), rows


def test_cq08_neodymium_oxide_price(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq08")
    prices = {(row["date"], Decimal(row["value"]), row["currency"], row["per_unit"])
              for row in rows}
    assert ("2020", 70, "USD", "kilogram") in prices, rows
    assert any(value == 120 and currency == "USD" for _, value, currency, _ in prices), rows


def test_cq09_money_committed(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq09")

    def committed(amount: int, who: str) -> bool:
        return any(
            Decimal(amount) in numbers(row["amount"]) and who in row["label"] + row["by"]
            for row in rows
        )

    assert committed(8_500_000_000, "Australia"), rows
    assert committed(2_200_000_000, "Export-Import Bank"), rows
    assert committed(500_000_000, "Pakistan"), rows
    assert any(  # the Department of War by its reference label, its statutory name
        "gallium" in row["label"].lower() and "United States Department of Defense" in row["by"]
        for row in rows
    ), rows


def test_cq10_minerals_and_the_17_rare_earth_elements(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq10")
    rare_earths = {row["label"] for row in rows if row["rare_earth"] == "true"}
    assert rare_earths == RARE_EARTH_ELEMENTS
    by_label = {row["label"]: row for row in rows}
    assert by_label["gallium"]["rare_earth"] == "false"
    assert by_label["neodymium oxide"]["product_of"] == "neodymium"


def test_cq11_supply_sources_outside_china(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq11")
    places = {place for row in rows for place in parts(row["located_in"])}
    assert {"United States", "Australia", "Ukraine", "Pakistan", "Myanmar"} <= places, rows
    labels = " | ".join(row["label"] for row in rows)
    for name in ("Mountain Pass", "Africa", "Greenland"):
        assert name in labels, rows
    assert "China" not in places


def test_cq12_the_military_run_frontier_works_organisation(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq12")
    fwo = [row for row in rows if row["label"] == "Frontier Works Organisation"]
    assert len(fwo) == 1, rows
    assert fwo[0]["kind"] == "military-run"
    assert "Pakistan" in fwo[0]["based_in"] + fwo[0]["run_by"]


def test_cq13_october_2025_in_date_order(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq13")

    def position(date: str, word: str) -> int:
        matches = [
            index for index, row in enumerate(rows)
            if date in parts(row["date"]) and word in row["label"]
        ]
        assert matches, f"nothing on {date} about {word}: {rows}"
        return matches[0]

    ordered = [
        position("2025-10-02", "Pakistan"),
        position("2025-10-20", "Australia"),
        position("2025-10-26", "Malaysia"),
        position("2025-10-28", "Japan"),
    ]
    assert ordered == sorted(ordered)
    assert any(row["kind"] == "control" and "12" in row["label"] for row in rows), rows
    assert any(row["kind"] == "event" and "Busan" in row["label"] for row in rows), rows


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Donald Trump", "President"),
        ("Xi Jinping", None),
        ("Shehbaz Sharif", "Prime Minister"),
        ("Asim Munir", "General"),
        ("Min Aung Hlaing", "Senior General"),
        ("Ruchika Kakkar", "author"),
        ("Rami Niranjan Desai", "author"),
    ],
)
def test_cq14_people_and_roles(seed_store: OxigraphStore, name: str, role: str | None) -> None:
    roles = {row["role"] for row in answer(seed_store, "cq14") if row["name"] == name}
    assert roles, f"{name} is not listed"
    if role is not None:
        assert role in roles


def test_cq15_every_statement_has_a_source_and_evidence(seed_store: OxigraphStore) -> None:
    for table, key in (("agreements", "agreement"), ("controls", "control")):
        for row in answer(seed_store, table):
            assert row["sources"] and row["evidence"], f"{table}: {row[key]} lacks provenance"
    evidence = answer(seed_store, "cq15")
    assert evidence
    fact = evidence[0]["fact"]
    for row in answer(seed_store, "cq15", fact=fact):
        assert row["fact"] == fact
        assert int(row["begin"]) < int(row["end"])
        assert 0 < len(row["anchor"].split()) <= 11


@pytest.mark.parametrize("word", ["pause", "Australia", "Pakistan"])
def test_cq16_facts_stated_by_both_texts(seed_store: OxigraphStore, word: str) -> None:
    rows = answer(seed_store, "cq16")
    assert any(row["source_count"] == "2" and word in row["label"] for row in rows), rows


@pytest.mark.parametrize(
    ("label", "qid"),
    [("United States", "Q30"), ("China", "Q148"), ("Pakistan", "Q843"),
     ("Donald Trump", "Q22686"), ("Xi Jinping", "Q15031"), ("neodymium", "Q1388")],
)
def test_cq17_links_to_wikidata(seed_store: OxigraphStore, label: str, qid: str) -> None:
    rows = answer(seed_store, "cq17")
    assert {"label": label, "wikidata": qid} in [
        {"label": row["label"], "wikidata": row["wikidata"]} for row in rows
    ]
    assert all(row["match"] == f"http://www.wikidata.org/entity/{row['wikidata']}"
               for row in rows if row["wikidata"])


def test_cq18_partners_the_united_states_approached(seed_store: OxigraphStore) -> None:
    partners = {row["partner_label"] for row in answer(seed_store, "cq18")}
    assert {"Australia", "Malaysia", "Thailand", "Myanmar", "Pakistan"} <= partners


def test_cq19_sanctions_lifted_on_myanmar_entities(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq19")
    assert any(
        "2025-08" in parts(row["lifted_on"]) and "Myanmar" in row["target"] + row["label"]
        and "United States" in parts(row["imposer"])
        for row in rows
    ), rows


def test_cq20_forecasts(seed_store: OxigraphStore) -> None:
    rows = answer(seed_store, "cq20")
    ranges = {(row["min"], row["max"], row["unit"], row["horizon"]) for row in rows}
    assert any(
        Decimal(low) == 15 and Decimal(high) == 20 and unit == "per cent" and horizon == "2030s"
        for low, high, unit, horizon in ranges if low and high
    ), rows
    assert any(
        Decimal(low) == 5 and Decimal(high) == 10 and unit == "year"
        for low, high, unit, _ in ranges if low and high
    ), rows
