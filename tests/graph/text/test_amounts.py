"""Finding amounts, prices, shares, durations and counts in text (graph/text/amounts.py)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from critmin.graph.text.amounts import MATCH_START, PATTERNS, find_quantities
from critmin.graph.text.numbers import parse_number


def found(text: str) -> list[tuple[str, dict]]:
    """(the text of each quantity, its fields other than offsets), checking offsets by slicing."""
    return [
        (
            text[q.begin : q.end],
            {k: v for k, v in vars(q).items() if v is not None and k not in ("begin", "end")},
        )
        for q in find_quantities(text)
    ]


def money(value: str, currency: str, **more) -> dict:
    return {"unit": "money", "value": Decimal(value), "currency": currency, **more}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canberra pledged USD 3.1 billion.", [("USD 3.1 billion", money("3.1e9", "USD"))]),
        ("a US$750 million loan", [("US$750 million", money("7.5e8", "USD"))]),
        (
            "a $4.5bn fund and a $40m grant",
            [("$4.5bn", money("4.5e9", "USD")), ("$40m", money("4e7", "USD"))],
        ),
        ("Brussels added \u20ac2.4 billion.", [("\u20ac2.4 billion", money("2.4e9", "EUR"))]),
        (
            "A$2bn and AUD 6 billion",
            [("A$2bn", money("2e9", "AUD")), ("AUD 6 billion", money("6e9", "AUD"))],
        ),
        ("Tokyo set aside \u00a590 billion.", [("\u00a590 billion", money("9e10", "JPY"))]),
        (
            "4 billion yuan and RMB 7 billion",
            [("4 billion yuan", money("4e9", "CNY")), ("RMB 7 billion", money("7e9", "CNY"))],
        ),
        ("\u00a33m for Cornish tin", [("\u00a33m", money("3e6", "GBP"))]),
        ("Delhi allotted Rs 800 crore.", [("Rs 800 crore", money("8e9", "INR"))]),
        ("a GBP 1.25 trillion market", [("GBP 1.25 trillion", money("1.25e12", "GBP"))]),
        (
            "Exports topped more than $6.3 billion.",
            [("more than $6.3 billion", money("6.3e9", "USD", qualifier="more than"))],
        ),
        (
            "between $1 and $2 billion",
            [
                (
                    "between $1 and $2 billion",
                    {
                        "unit": "money",
                        "low": Decimal("1e9"),
                        "high": Decimal("2e9"),
                        "currency": "USD",
                    },
                )
            ],
        ),
    ],
)
def test_money(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cobalt fetched USD 33 per kilogram.",
            [("USD 33 per kilogram", money("33", "USD", per_unit="kilogram"))],
        ),
        ("lithium at $45/kg", [("$45/kg", money("45", "USD", per_unit="kilogram"))]),
        ("ore at US$ 950 a tonne", [("US$ 950 a tonne", money("950", "USD", per_unit="tonne"))]),
        (
            "zinc at $1,200 per metric ton",
            [("$1,200 per metric ton", money("1200", "USD", per_unit="tonne"))],
        ),
        ("uranium at $82 per pound", [("$82 per pound", money("82", "USD", per_unit="pound"))]),
        (
            "a $9 billion a year subsidy",
            [("$9 billion a year", money("9e9", "USD", per_unit="year"))],
        ),
        (
            "from USD 20 per kilogram in 2019 to USD 35 per kilogram",
            [
                ("USD 20 per kilogram", money("20", "USD", per_unit="kilogram")),
                ("USD 35 per kilogram", money("35", "USD", per_unit="kilogram")),
            ],
        ),
    ],
)
def test_prices(text, expected):
    assert found(text) == expected


def percent(value=None, low=None, high=None, qualifier=None) -> dict:
    numbers = {"value": value, "low": low, "high": high}
    fields = {key: Decimal(number) for key, number in numbers.items() if number is not None}
    return {"unit": "percent", **fields, **({"qualifier": qualifier} if qualifier else {})}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesia mines 55 per cent of nickel.", [("55 per cent", percent(value="55"))]),
        ("about 42 percent of tin", [("about 42 percent", percent(value="42", qualifier="about"))]),
        ("nearly 80% of cobalt", [("nearly 80%", percent(value="80", qualifier="nearly"))]),
        (
            "approximately 65 per cent",
            [("approximately 65 per cent", percent(value="65", qualifier="approximately"))],
        ),
        ("a share of 12.5%", [("12.5%", percent(value="12.5"))]),
        ("25 to 30 per cent", [("25 to 30 per cent", percent(low="25", high="30"))]),
        (
            "between 25 and 30 per cent",
            [("between 25 and 30 per cent", percent(low="25", high="30"))],
        ),
        ("25\u201330% of output", [("25\u201330%", percent(low="25", high="30"))]),
        ("a 3-4% rise", [("3-4%", percent(low="3", high="4"))]),
        ("five per cent", [("five per cent", percent(value="5"))]),
    ],
)
def test_percentages(text, expected):
    assert found(text) == expected


def test_over_after_control_is_a_preposition_not_a_hedge():
    assert found("Jakarta has control over 60 per cent; over 60 per cent is mined") == [
        ("60 per cent", percent(value="60")),
        ("over 60 per cent", percent(value="60", qualifier="over")),
    ]


def count(value: str, counted: str) -> dict:
    return {"unit": "count", "value": Decimal(value), "counted": counted}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ban covers nine elements.", [("nine elements", count("9", "elements"))]),
        (
            "It listed 14 rare earth elements.",
            [("14 rare earth elements", count("14", "elements"))],
        ),
        ("a family of 23 metals", [("23 metals", count("23", "metals"))]),
        (
            "four new bilateral partnerships",
            [("four new bilateral partnerships", count("4", "partnerships"))],
        ),
        (
            "Seven Andean states signed two deals",
            [("Seven Andean states", count("7", "states")), ("two deals", count("2", "deals"))],
        ),
        ("six REEs were named", [("six REEs", count("6", "REEs"))]),
        ("Twenty-one firms bid", [("Twenty-one firms", count("21", "firms"))]),
        ("1.5 billion people", [("1.5 billion people", count("1.5e9", "people"))]),
    ],
)
def test_counts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Smelters need three to 8 years.",
            [("three to 8 years", {"unit": "year", "low": Decimal(3), "high": Decimal(8)})],
        ),
        ("a two-year moratorium", [("two-year", {"unit": "year", "value": Decimal(2)})]),
        ("a one-year pause", [("one-year", {"unit": "year", "value": Decimal(1)})]),
        ("a six-month review", [("six-month", {"unit": "month", "value": Decimal(6)})]),
        ("a 90-day truce", [("90-day", {"unit": "day", "value": Decimal(90)})]),
        ("within 45 days", [("45 days", {"unit": "day", "value": Decimal(45)})]),
    ],
)
def test_durations(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile shipped 4,500 tonnes.",
            [("4,500 tonnes", {"unit": "tonne", "value": Decimal(4500)})],
        ),
        (
            "2 million tonnes of ore",
            [("2 million tonnes", {"unit": "tonne", "value": Decimal("2e6")})],
        ),
        ("300 kt a year", [("300 kt", {"unit": "tonne", "value": Decimal("3e5")})]),
        ("12 kg of scandium", [("12 kg", {"unit": "kilogram", "value": Decimal(12)})]),
    ],
)
def test_masses(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The G7 met in Q3 after COVID-19 and ordered F-35 jets.",
        "5G networks need gallium.",
        "Officials met on May 21 and October 28.",
        "The 2025 elections and the 2030 target.",
        "one of the states and one country",
        "a further 500 million and 2.2 billion",
        "a rise of 70 percentage points",
    ],
)
def test_things_that_are_not_quantities(text):
    assert found(text) == []


def test_a_range_has_low_and_high_and_no_single_value():
    [single, span] = find_quantities("55 per cent and 10 to 12 years")
    assert (single.value, single.low, single.high) == (Decimal(55), None, None)
    assert (span.value, span.low, span.high) == (None, Decimal(10), Decimal(12))


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3,000", "3000"),
        ("8.5", "8.5"),
        ("seventeen", "17"),
        ("Twenty-five", "25"),
        ("a hundred", "100"),
        ("three thousand", "3000"),
    ],
)
def test_parse_number(written, value):
    assert parse_number(written) == Decimal(value)


def test_values_are_written_in_plain_notation():
    [loan, share] = find_quantities("a $2.50bn loan for a 7.50% stake")
    assert (str(loan.value), str(share.value)) == ("2500000000", "7.5")


def test_saying_where_a_match_can_start_changes_no_match():
    text = (
        "About US$ 4bn, between 2 and 3 per cent, \u20ac5m and A$1m; Rs. 40 crore; nearly "
        "twenty-five elements, a hundred tonnes, \u00a530 and \u20b94 lakh; \u017fome 5 tonnes "
        "(long s), \u0130n excess of 5% and \u0663 years (an Arabic-Indic digit); x7 days."
    )
    for pattern, _ in PATTERNS:
        unguarded = re.compile(pattern.pattern.removeprefix(MATCH_START))
        found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in unguarded.finditer(text)]
        assert found or pattern is PATTERNS[1][0]  # every pattern but "5 dollars" matches here
