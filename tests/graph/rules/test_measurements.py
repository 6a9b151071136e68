"""Measurement patterns (shares, prices, amounts, impacts, counts, forecasts, durations)."""

from decimal import Decimal

from graph_helpers import entity, extract_text

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import DateValue


def measurements(text, nlp, index):
    return extract_text(text, nlp, index).measurements


def test_shares_by_stage_with_an_elliptical_second_share_and_a_source(nlp, index):
    text = (
        "Indonesia controls about 50 per cent of global nickel mining "
        "and 40 per cent of refining, according to the IEA."
    )
    mining, refining = measurements(text, nlp, index)
    assert (mining.kind, mining.subject, mining.mineral, mining.stage, mining.quantity.value) == (
        "share",
        entity("actor", "indonesia"),
        entity("mineral", "nickel"),
        CM.mining,
        Decimal(50),
    )
    assert (refining.subject, refining.mineral, refining.stage, refining.quantity.value) == (
        entity("actor", "indonesia"),
        entity("mineral", "nickel"),
        CM.refining,
        Decimal(40),
    )
    assert refining.according_to == entity("actor", "international-energy-agency")
    assert (mining.share_of, refining.share_of) == ("mining", "processing")
    assert mining.label == "Indonesia share of mining: about 50%"


def test_share_of_consumption_takes_the_paragraph_topic_mineral(nlp, index):
    text = "Cobalt is scarce. Demand keeps rising. China accounts for 60% of global consumption."
    (found,) = measurements(text, nlp, index)
    assert (found.subject, found.mineral, found.stage, found.label) == (
        entity("actor", "china"),
        entity("mineral", "cobalt"),
        None,
        "People's Republic of China share of consumption: 60%",
    )
    assert found.share_of == "consumption"


def test_share_stage_from_the_verb(nlp, index):
    (found,) = measurements("Brazil refines about 30% of the world's graphite.", nlp, index)
    assert (found.subject, found.stage, found.mineral, found.label) == (
        entity("actor", "brazil"),
        CM.refining,
        entity("mineral", "graphite"),
        "Brazil share of refining: about 30%",
    )
    assert found.share_of == "processing"


def test_shares_of_output_and_reserves_and_a_rate_that_is_no_share(nlp, index):
    text = (
        "Chile holds 40% of known lithium reserves and 25 per cent of global output; "
        "Chile raised its royalty to 12%."
    )
    reserves, output = measurements(text, nlp, index)
    assert [(m.share_of, m.stage, m.quantity.value) for m in (reserves, output)] == [
        ("reserves", None, 40),
        ("production", None, 25),
    ]


def test_prices_from_a_year_to_now(nlp, index):
    text = "Dysprosium oxide prices rose from USD 200 per kilogram in 2021 to USD 450 per kilogram."
    before, after = measurements(text, nlp, index)
    assert (
        before.kind,
        before.mineral,
        before.quantity.value,
        before.quantity.per_unit,
        before.date,
    ) == (
        "price",
        entity("mineral", "dysprosium-oxide"),
        Decimal(200),
        "kilogram",
        DateValue("2021"),
    )
    assert (after.mineral, after.quantity.value, after.date) == (
        entity("mineral", "dysprosium-oxide"),
        Decimal(450),
        DateValue("2025"),
    )


def test_amount_held_by_an_agency(nlp, index):
    (found,) = measurements(
        "Geoscience Australia holds more than $3 million in reserves of cash.", nlp, index
    )
    assert (found.kind, found.subject, found.quantity.value, found.quantity.qualifier) == (
        "amount",
        entity("actor", "geoscience-australia"),
        Decimal(3_000_000),
        "more than",
    )


def test_impact_on_an_industry(nlp, index):
    (found,) = measurements("The ban hit USD 2 billion of German chip output.", nlp, index)
    assert (found.kind, found.quantity.value, found.label) == (
        "impact",
        Decimal(2_000_000_000),
        "impact: 2000000000 USD of German chip output",
    )


def test_count_with_its_subject_and_date(nlp, index):
    (found,) = measurements(
        "Canada has launched four graphite ventures since March 2024.", nlp, index
    )
    assert (found.kind, found.subject, found.quantity.value, found.quantity.counted) == (
        "count",
        entity("actor", "canada"),
        Decimal(4),
        "ventures",
    )
    assert found.date.start == "2024-03"


def test_forecast_with_a_stage_and_a_horizon(nlp, index):
    text = "These projects could move 10 to 15 per cent of processing out of China by 2035."
    (found,) = measurements(text, nlp, index)
    assert (found.kind, found.stage, found.quantity.low, found.quantity.high, found.date.start) == (
        "forecast",
        CM.processing,
        Decimal(10),
        Decimal(15),
        "2035",
    )


def test_duration_of_building_a_stage(nlp, index):
    (found,) = measurements("New refineries take three to seven years to build.", nlp, index)
    assert (found.kind, found.stage, found.quantity.low, found.quantity.high) == (
        "duration",
        CM.refining,
        Decimal(3),
        Decimal(7),
    )


def test_figures_held_by_other_statements_are_not_repeated(nlp, index):
    text = "Chile signed a USD 4 billion lithium framework with Japan on 1 May."
    extraction = extract_text(text, nlp, index)
    (agreement,) = extraction.agreements
    assert (agreement.kind, agreement.parties, [a.value for a in agreement.amounts]) == (
        "framework",
        (entity("actor", "chile"), entity("actor", "japan")),
        [Decimal(4_000_000_000)],
    )
    assert extraction.measurements == ()


def test_a_figure_of_an_agreement_left_out_is_an_amount(nlp, index):
    # An agreement with no word of minerals is left out (graph/rules/agreements.py, rule 6), so
    # no statement holds its figure: it is an amount of its signatory.
    text = "Chile signed a USD 4 billion framework with Japan on 1 May."
    extraction = extract_text(text, nlp, index)
    assert extraction.agreements == ()
    (found,) = extraction.measurements
    assert (found.kind, found.subject, found.quantity.value, found.quantity.currency) == (
        "amount",
        entity("actor", "chile"),
        Decimal(4_000_000_000),
        "USD",
    )
    assert found.date == DateValue("2025-05-01")


def test_opinion_makes_no_measurement(nlp, index):
    assert measurements("Analysts think diversification is slow and costly.", nlp, index) == ()
