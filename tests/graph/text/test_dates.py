"""Finding dates in text and normalising them (graph/text/dates.py)."""

from __future__ import annotations

import pytest

from critmin.graph.base.values import DateValue
from critmin.graph.text.dates import (
    duration_between,
    find_dates,
    year_of_context,
)


def found(text: str, year: int | None, document_date: str | None = None):
    """(the text of each mention, its value), checking offsets by slicing."""
    return [(text[m.begin : m.end], m.value) for m in find_dates(text, year, document_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lima and Ottawa met on March 3 to talk zinc.", [("March 3", DateValue("2023-03-03"))]),
        ("The pact was sealed 9 February in Quito.", [("9 February", DateValue("2023-02-09"))]),
        (
            "Cobalt deals were inked on July 14, 2021 and Sept. 2, 2022.",
            [
                ("July 14, 2021", DateValue("2021-07-14")),
                ("Sept. 2, 2022", DateValue("2022-09-02")),
            ],
        ),
        (
            "the 21st of August and 5th May",
            [("the 21st of August", DateValue("2023-08-21")), ("5th May", DateValue("2023-05-05"))],
        ),
        (
            "Nickel output fell in May and rose in July.",
            [("May", DateValue("2023-05")), ("July", DateValue("2023-07"))],
        ),
        ("Chile moved in March 2022.", [("March 2022", DateValue("2022-03"))]),
        ("Peru froze permits in 2019.", [("2019", DateValue("2019"))]),
        ("the 2022 survey of gallium", [("2022", DateValue("2022"))]),
        ("issued 2021-06-30 in Oslo", [("2021-06-30", DateValue("2021-06-30"))]),
        ("the 2022-23 budget", [("2022-23", DateValue("2022", "2023"))]),
        (
            "in Q3 2024 and in the first half of 2026",
            [
                ("Q3 2024", DateValue("2024-07", "2024-09")),
                ("the first half of 2026", DateValue("2026-01", "2026-06")),
            ],
        ),
        ("during the fourth quarter", [("the fourth quarter", DateValue("2023-10", "2023-12"))]),
    ],
)
def test_single_dates_take_the_precision_the_text_gives(text, expected):
    assert found(text, 2023) == expected


@pytest.mark.parametrize(
    ("text", "expected", "qualifier"),
    [
        (
            "Talks on tungsten ran between June 2 and July 15 in Hanoi.",
            ("between June 2 and July 15", DateValue("2023-06-02", "2023-07-15")),
            "between",
        ),
        (
            "Mines were shut from February to April.",
            ("from February to April", DateValue("2023-02", "2023-04")),
            "from",
        ),
        (
            "Exports dropped from November to January 2024.",
            ("from November to January 2024", DateValue("2023-11", "2024-01")),
            "from",
        ),
        ("Quotas held in 2017\u20132019.", ("2017\u20132019", DateValue("2017", "2019")), None),
        (
            "Tariffs have risen since March 2021.",
            ("since March 2021", DateValue("2021-03", approximate=True)),
            "since",
        ),
        (
            "Demand may double by the 2040s.",
            ("by the 2040s", DateValue("2040", "2049", approximate=True)),
            "by",
        ),
        ("The mine must reopen by 2031.", ("by 2031", DateValue("2031", approximate=True)), "by"),
        (
            "Canberra acted in early September.",
            ("early September", DateValue("2023-09", approximate=True)),
            "early",
        ),
        ("Prices peaked mid-June.", ("mid-June", DateValue("2023-06", approximate=True)), "mid"),
        (
            "By late August the quota was gone.",
            ("By late August", DateValue("2023-08", approximate=True)),
            "by late",
        ),
        (
            "Smelters restarted at the end of 2022.",
            ("the end of 2022", DateValue("2022", approximate=True)),
            "the end of",
        ),
    ],
)
def test_periods_and_hedged_dates(text, expected, qualifier):
    [(span, value)] = found(text, 2023)
    assert (span, value) == expected
    assert value.qualifier == qualifier


def test_relative_dates_follow_the_document_date():
    text = "Earlier this year Oslo acted; last year it waited; next year, last month, this month."
    assert found(text, None, "2024-01-20") == [
        ("Earlier this year", DateValue("2024", approximate=True)),
        ("last year", DateValue("2023")),
        ("next year", DateValue("2025")),
        ("last month", DateValue("2023-12")),
        ("this month", DateValue("2024-01")),
    ]


def test_relative_years_fall_back_to_the_assumed_year_and_months_need_a_document_date():
    assert found("this year and last month", 2022) == [("this year", DateValue("2022"))]
    assert found("this year and last month", None) == []


def test_months_after_the_document_date_without_a_year_are_in_the_year_before():
    text = (
        "Lima acted in December, met on 4 November, signed in March and in January, "
        "set quotas between October 30 and January 5 and must act by November."
    )
    assert found(text, 2025, "2025-03-15") == [
        ("December", DateValue("2024-12")),
        ("4 November", DateValue("2024-11-04")),
        ("March", DateValue("2025-03")),
        ("January", DateValue("2025-01")),
        ("between October 30 and January 5", DateValue("2024-10-30", "2025-01-05")),
        ("by November", DateValue("2025-11", approximate=True)),
    ]
    # a year named in the text, or a document date without a month, changes nothing
    assert found("in December 2025 and in December", 2025, "2025") == [
        ("December 2025", DateValue("2025-12")),
        ("December", DateValue("2025-12")),
    ]


def test_dates_without_a_year_are_left_out_when_no_year_is_assumed():
    assert found("Signed on October 3 and in 2021.", None) == [("2021", DateValue("2021"))]


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia holds 500 million tonnes and 12 elements.",
        "a 70 per cent share and 2.2 billion in loans",
        "1990 tonnes of ore and 2050 workers",
        "a fee of $2024 and USD 2020 more",
        "April Jones said they may act; the COVID-19 slump",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert found(text, 2023) == []


def test_impossible_dates_are_not_dates():
    assert found("filed 2023-02-29 and on February 30", 2023) == []


def test_decades():
    [(span, value)] = found("in the 2050s", None)
    assert (span, value.decade(), value.approximate) == ("the 2050s", "2050s", True)
    assert DateValue("2020", "2024").decade() is None


def test_qualifier_does_not_take_part_in_equality():
    assert DateValue("2025-10", approximate=True, qualifier="early") == DateValue(
        "2025-10", approximate=True
    )


@pytest.mark.parametrize(
    ("text", "document_date", "expected"),
    [
        ("Zinc rose in 2019 and fell in 2022.", "2024-05-01", 2024),
        ("Zinc rose in 2019 and fell in 2022; a cap by 2035 and a boom in the 2040s.", None, 2022),
        ("Talks ran from 2018 to 2021.", None, 2021),
        ("Talks resumed on June 4.", None, None),
    ],
)
def test_year_of_context(text, document_date, expected):
    assert year_of_context(text, document_date) == expected


@pytest.mark.parametrize(
    ("start", "end", "duration"),
    [
        ("2025-11-09", "2026-11", "P1Y"),
        ("2025-03", "2026-09-30", "P18M"),
        ("2025-03", "2025-03", None),  # nothing between
        ("2025-06", "2025-01", None),  # backwards
        ("2025", "2026-06", None),  # a year alone is too coarse
    ],
)
def test_duration_between_whole_months(start, end, duration):
    assert duration_between(start, end) == duration
