"""Literals made from extracted values: dates, durations, decimals and text without copied runs."""

import pytest
from rdflib import XSD, Literal

from critmin.graph.rdf.literals import (
    date_literal,
    decimal_literal,
    end_date,
    without_copied_runs,
    word_runs,
)


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        ("2025-10", "P1Y", "2026-10"),
        ("2025", "P1Y", "2026"),
        ("2025-11", "P3M", "2026-02"),
        ("2024-01-31", "P1M", "2024-02-29"),
        ("2025-10-30", "P1Y10D", "2026-11-09"),
        ("2025", "P6M", None),
        ("2025-10", "P10D", None),
        ("2025-10", "PT5H", None),
    ],
)
def test_end_date_keeps_the_precision_of_the_start(
    start: str, duration: str, expected: str | None
) -> None:
    assert end_date(start, duration) == expected


def test_date_literals_are_typed_by_precision() -> None:
    assert date_literal("2025").datatype == XSD.gYear
    assert date_literal("2025-10").datatype == XSD.gYearMonth
    assert date_literal("2025-10-20").datatype == XSD.date
    with pytest.raises(ValueError, match="not an ISO 8601 date: 'October'"):
        date_literal("October")


def test_a_phrase_is_cut_before_it_copies_twelve_words_of_the_text():
    title = "Why Small Island States Now Bargain Hard Over Seabed Nodules And Their Cobalt"
    runs = word_runs(f"{title}\nBy a correspondent\nIsland states met in Suva.")
    assert without_copied_runs(title, runs) == (
        "Why Small Island States Now Bargain Hard Over Seabed Nodules And \u2026"
    )
    label = "Fiji aid for why small island states now bargain hard over seabed nodules and their"
    assert without_copied_runs(label, runs) == (
        "Fiji aid for why small island states now bargain hard over seabed nodules and \u2026"
    )
    assert without_copied_runs(label[:-6], runs) == label[:-6]  # eleven words of the text
    assert without_copied_runs(title, word_runs("A text that does not hold it.")) == title
    # words are runs of ASCII letters and digits: "one-year" is two of them
    hyphenated = "one-year pause on cobalt export controls for five of the seven"
    assert len(word_runs(hyphenated)) == 1
    assert without_copied_runs(hyphenated, word_runs(hyphenated)).endswith("the \u2026")


def test_decimals_are_positional():
    assert decimal_literal(8.5e9) == Literal("8500000000", datatype=XSD.decimal)
    assert decimal_literal("0.250") == Literal("0.25", datatype=XSD.decimal)
