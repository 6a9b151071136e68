"""Dates told relative to their passage, the document's date and each other."""

import pytest

from critmin.graph.base.values import DateValue
from critmin.graph.text.date_context import document_dates


def dated(text: str, document_date: str | None) -> list[tuple[str, DateValue]]:
    return [(text[d.begin : d.end], d.value) for d in document_dates(text, document_date)]


def test_a_year_named_earlier_in_the_paragraph_dates_the_days_after_it():
    text = "Output slumped in 2010. On 24 November the mine shut.\n\nOn 3 March prices rose."
    assert dated(text, "2024-06-10") == [
        ("2010", DateValue("2010")),
        ("24 November", DateValue("2010-11-24")),
        ("3 March", DateValue("2024-03-03")),  # another paragraph: the document's year
    ]


def test_that_year_is_the_year_last_named_even_as_a_modifier():
    text = "The 2019 law passed. In March that year output fell. In April output rose."
    assert dated(text, "2024-06-10") == [
        ("2019", DateValue("2019")),
        ("March", DateValue("2019-03")),
        ("April", DateValue("2024-04")),
    ]
    text = "The 2019 law passed. In March of the same year output fell."
    assert dated(text, "2024-06-10")[1] == ("March", DateValue("2019-03"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output was lower than in 2008. On 4 March the mine shut.", ("4 March", "2024-03-04")),
        ("The 2020 statute took effect. In March the mine shut.", ("March", "2024-03")),
        ("Output should rise by 2030. In March the mine shut.", ("March", "2024-03")),
        ("In the 2010s the mine shut. On 24 November it met.", ("24 November", "2023-11-24")),
        ("Since 2010 the mine was shut. On 24 November it met.", ("24 November", "2023-11-24")),
    ],
)
def test_comparisons_modifiers_horizons_decades_and_starts_do_not_set_the_year(text, expected):
    span, start = expected
    assert dated(text, "2024-06-10")[-1] == (span, DateValue(start))


def test_a_month_after_the_document_date_is_in_the_year_before():
    assert dated("Prices fell in December.", "2024-06-10") == [("December", DateValue("2023-12"))]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Output fell in 2022.\n\nA lull followed.\n\nThe cut came in December.", "2022-12"),
        ("Output fell in 2022.\n\nA lull.\n\nA pause.\n\nThe cut came in December.", "2023-12"),
        ("Output may peak in 2026.\n\nThe cut came in December.", "2023-12"),
        ("Output fell in 2022.\n\nThe cut came in March.", "2024-03"),
    ],
)
def test_a_month_after_the_reference_date_takes_an_earlier_year_named_two_paragraphs_back(
    text, month
):
    assert dated(text, "2024-06-10")[-1][1] == DateValue(month)


def test_a_dated_heading_is_the_reference_date_of_the_passage_under_it():
    text = (
        "BRIEFING, 9 JANUARY 2023\n\nOn 4 January the board met.\n\n"
        "BRIEFING, 2 MAY 2024\n\nOn 4 January the board met again."
    )
    assert dated(text, "2024-06-10") == [
        ("9 JANUARY 2023", DateValue("2023-01-09")),
        ("4 January", DateValue("2023-01-04")),
        ("2 MAY 2024", DateValue("2024-05-02")),
        ("4 January", DateValue("2024-01-04")),
    ]


def test_a_month_after_a_headings_date_is_in_the_year_before_it():
    text = "BRIEFING, 9 JANUARY 2023\n\nIn March the ministry acted."
    assert dated(text, "2024-06-10")[-1] == ("March", DateValue("2022-03"))


def test_a_live_blog_day_heading_takes_the_documents_year_and_dates_what_follows():
    text = "MONDAY 3 MARCH\n\nIn May the ministry acted."
    assert dated(text, "2025-06-20") == [
        ("3 MARCH", DateValue("2025-03-03")),
        ("May", DateValue("2024-05")),
    ]
    assert dated("In May the ministry acted.", "2025-06-20") == [("May", DateValue("2025-05"))]


@pytest.mark.parametrize(
    "first",
    [
        "The mine shut on 9 January 2023 after a long dispute with the regional authorities.",
        "It shut on 9 January 2023.",
    ],
)
def test_a_long_line_or_a_sentence_is_no_heading(first):
    text = f"{first}\n\nOn 4 January it met."
    assert dated(text, "2024-06-10")[-1] == ("4 January", DateValue("2024-01-04"))


def test_weekdays_are_the_latest_such_day_on_or_before_the_document_date():
    text = "Lima acted on Tuesday, last Tuesday, this past Tuesday, on Monday and on Wednesday."
    assert dated(text, "2025-06-17") == [  # a Tuesday
        ("Tuesday", DateValue("2025-06-17")),
        ("Tuesday", DateValue("2025-06-10")),
        ("Tuesday", DateValue("2025-06-10")),
        ("Monday", DateValue("2025-06-16")),
        ("Wednesday", DateValue("2025-06-11")),
    ]


def test_weekdays_ahead_or_with_a_date_of_their_own_are_not_dated_by_the_document():
    text = "Talks are due on Friday. Lima will act on Monday. Lima acted on Tuesday, 3 June."
    assert dated(text, "2025-06-17") == [("3 June", DateValue("2025-06-03"))]
    assert dated("Lima acted on Tuesday.", "2025-06") == []


def test_a_weekday_that_opens_a_sentence_is_dated():
    text = "On Tuesday Lima signed the pact. Last Friday it met."
    assert dated(text, "2025-06-20") == [
        ("Tuesday", DateValue("2025-06-17")),
        ("Friday", DateValue("2025-06-13")),
    ]


def test_last_this_and_next_months_are_relative_to_the_document_date():
    text = "Last November, last June, last May, this December, next June and next August."
    assert dated(text, "2025-06-20") == [
        ("Last November", DateValue("2024-11")),
        ("last June", DateValue("2024-06")),
        ("last May", DateValue("2025-05")),
        ("this December", DateValue("2025-12")),
        ("next June", DateValue("2026-06")),
        ("next August", DateValue("2025-08")),
    ]
    assert dated("Lima acted last June.", "2025") == []


def test_years_ago_count_back_from_the_documents_year_and_month():
    text = "Twelve years ago this week it opened; two years ago it shut; a year ago it reopened."
    assert dated(text, "2025-06-20") == [
        ("Twelve years ago this week", DateValue("2013-06")),
        ("two years ago", DateValue("2023")),
        ("a year ago", DateValue("2024")),
    ]
    assert dated("It opened 3 years ago this month.", "2025") == [
        ("3 years ago this month", DateValue("2022"))
    ]


def test_days_told_from_the_last_day_named():
    text = (
        "Lima met on 30 June 2025. The following day it signed; that day Quito did; "
        "three weeks later it met; 10 days earlier it had waited; on the same day Oslo agreed."
    )
    assert dated(text, None) == [
        ("30 June 2025", DateValue("2025-06-30")),
        ("The following day", DateValue("2025-07-01")),
        ("that day", DateValue("2025-07-01")),  # each told from the day told just before
        ("three weeks later", DateValue("2025-07-22")),
        ("10 days earlier", DateValue("2025-07-12")),
        ("on the same day", DateValue("2025-07-12")),
    ]


def test_days_told_from_a_weekday_the_document_dates():
    text = "Lima signed on Tuesday and the next day Quito followed."
    assert dated(text, "2025-06-20") == [
        ("Tuesday", DateValue("2025-06-17")),
        ("the next day", DateValue("2025-06-18")),
    ]


def test_no_day_is_told_without_an_earlier_date_to_the_day():
    assert dated("That day Lima acted. Two days later it met.", "2025-06-20") == []
    assert dated("Lima met in June 2025. The next day it signed.", None) == [
        ("June 2025", DateValue("2025-06"))
    ]


def test_days_told_from_a_day_told_before():
    text = "Lima met on 3 March 2025. Two days later it signed. The next day it shipped ore."
    assert dated(text, None)[-1] == ("The next day", DateValue("2025-03-06"))


def test_a_month_heading_a_timeline_line_is_dated_by_the_passage():
    text = "Timeline of 2023\nJuly: the agency agreed.\n- September: it closed.\n2. November: done."
    assert dated(text, "2025-10-01") == [
        ("2023", DateValue("2023")),
        ("July", DateValue("2023-07")),
        ("September", DateValue("2023-09")),
        ("November", DateValue("2023-11")),
    ]
    text = "November: the agency agreed.\nJuly: it closed."
    assert dated(text, "2025-10-01") == [
        ("November", DateValue("2024-11")),
        ("July", DateValue("2025-07")),
    ]


def test_a_week_of_a_month_is_dated_to_the_month():
    text = "Shipments stopped in the last week of December and resumed in the first week of May."
    assert dated(text, "2025-10-01") == [
        ("December", DateValue("2024-12")),
        ("May", DateValue("2025-05")),
    ]
    text = "Shipments stopped in the first week of January 2024."
    assert dated(text, "2025-10-01") == [("January 2024", DateValue("2024-01"))]


def test_without_a_document_date_the_latest_year_named_is_assumed():
    text = "In 2017 the mine opened.\n\nOn 4 March it shut.\n\nOutput doubled in 2021."
    assert dated(text, None) == [
        ("2017", DateValue("2017")),
        ("4 March", DateValue("2021-03-04")),
        ("2021", DateValue("2021")),
    ]
    text = "Output slumped in 2018. On 4 March the mine shut."
    assert dated(text, None)[-1] == ("4 March", DateValue("2018-03-04"))


def test_without_any_year_dates_relative_to_the_document_are_left_out():
    assert dated("On 4 March the mine shut.", None) == []
    assert dated("Lima acted on Tuesday, last June and two years ago.", None) == []


def test_a_possessive_day_is_no_date():
    text = "Today's move follows talks announced today; on Tuesday's vote it failed."
    assert dated(text, "2025-06-20") == [("today", DateValue("2025-06-20"))]


def test_a_line_ending_a_sentence_ends_the_passage():
    text = "Chile sold copper in 2019.\nIn August, Peru signed a deal."
    assert dated(text, "2025-12-01") == [
        ("2019", DateValue("2019")),
        ("August", DateValue("2025-08")),
    ]
    wrapped = "Chile sold copper in 2019 and\nin August Peru signed a deal."
    assert dated(wrapped, "2025-12-01")[-1] == ("August", DateValue("2019-08"))


def test_a_start_named_ahead_of_the_report_stays_in_its_year():
    text = "Exporters will need licences starting 1 August, the ministry said."
    assert dated(text, "2025-07-03") == [("1 August", DateValue("2025-08-01"))]
    assert dated("Exports fell in August.", "2025-07-03") == [("August", DateValue("2024-08"))]
