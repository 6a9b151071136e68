"""What a clause says about an agreement besides its parties: date, binding, subject."""

import pytest

from critmin.graph.base.values import DateValue
from critmin.graph.rules.agreement_facts import (
    about_minerals,
    agreement_date,
    in_force_date,
    list_lead_date,
    minerals_in_passage,
    other_subject,
    passage_year,
    stated_binding,
)
from critmin.graph.text.date_context import document_dates
from critmin.graph.text.dates import DateMention
from critmin.graph.text.mentions import Clause, make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences
from critmin.graph.text.paragraphs import ParagraphBreaks
from critmin.graph.text.span_index import SpanIndex

DOCUMENT_DATE = "2025-06-20"


def dates_of(text: str) -> SpanIndex[DateMention]:
    """The dates of ``text``, found by position."""
    return SpanIndex(document_dates(text, DOCUMENT_DATE), lambda d: (d.begin, d.end))


def clause_at(text: str, word: str, nlp, index) -> Clause:
    """The clause of ``text`` holding the first ``word``."""
    mentions = mention_finder(nlp, index).find(text)
    dates = document_dates(text, DOCUMENT_DATE)
    clauses = make_clauses(text, split_sentences(text, nlp), mentions, dates, [])
    position = text.index(word)
    return next(c for c in clauses if c.span.begin <= position < c.span.end)


def date_of(text: str, trigger: str, nlp, index) -> DateValue | None:
    clause = clause_at(text, trigger, nlp, index)
    begin = text.index(trigger)
    return agreement_date(
        clause, clause.span.begin, clause.span.end, begin, begin + len(trigger), dates_of(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March 2024 Chile signed a pact with Japan that runs until 2026.", "2024-03"),
        ("In 2019 Chile proposed, and on 3 May 2024 signed, a pact with Japan.", "2024-05-03"),
        ("The pact, which takes effect from 1 August, was signed by Chile in May.", "2025-05"),
        ("Chile signed a pact with Japan that runs until 2026.", None),
        ("Chile signed a pact to cut output by 2030.", None),
        ("Chile signed a pact that enters into force on 1 January 2026.", None),
    ],
)
def test_the_date_nearest_the_trigger_that_is_no_end_horizon_or_entry_into_force(
    text, expected, nlp, index
):
    assert date_of(text, "pact", nlp, index) == (DateValue(expected) if expected else None)


def test_a_signing_date_before_the_words_of_entry_into_force(nlp, index):
    text = "Chile signed a pact in 2023 that enters into force on 1 January 2026."
    assert date_of(text, "pact", nlp, index) == DateValue("2023")


LIST = "Japan and Chile signed two documents in Busan on 13 December 2023:\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LIST + "- a pact on lithium;\n- a deal on cobalt.", "2023-12-13"),
        (LIST + "- a pact on lithium;\n- a deal on cobalt signed on 2 January 2024.", "2024-01-02"),
        ("Japan and Chile met on 13 December 2023.\n- a deal on cobalt.", None),
    ],
)
def test_a_list_item_without_a_date_takes_the_date_of_its_lead(text, expected, nlp, index):
    assert date_of(text, "deal", nlp, index) == (DateValue(expected) if expected else None)


def test_the_lead_date_is_only_for_items_of_the_list_it_introduces():
    text = LIST + "- a pact on lithium;\nThe talks went on.\n- a deal on cobalt."
    dates = dates_of(text)
    assert list_lead_date(text, text.index("a pact"), dates) == DateValue("2023-12-13")
    assert list_lead_date(text, text.index("a deal"), dates) is None
    assert list_lead_date(text, text.index("The talks"), dates) is None


@pytest.mark.parametrize(
    ("words", "binding"),
    [
        ("a non-binding pact", False),
        ("a pact that is not legally binding", False),
        ("a political commitment", False),
        ("a statement of shared intent", False),
        ("the MoU does not create legal obligations", False),
        ("set out intentions rather than create legal obligations", False),
        ("a binding pact", True),
        ("a legally binding accord", True),
        ("firm obligations", True),
        ("an enforceable deal", True),
        ("it is unclear whether the pact is binding", None),
        ("a pact", None),
    ],
)
def test_what_words_say_about_binding(words, binding):
    assert stated_binding(words) is binding


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Chile signed a lithium pact.", True),
        ("Chile signed a pact on refining.", True),
        ("Chile signed a pact on dysprosium oxide.", True),  # a mineral of the reference data
        ("Chile signed a trade pact.", False),
        ("Chile signed a pact, not about minerals.", False),
    ],
)
def test_a_clause_about_minerals(text, about, nlp, index):
    clause = clause_at(text, "Chile", nlp, index)
    assert about_minerals(clause, clause.span.begin, clause.span.end, index) is about


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Copper output rose. Chile signed a pact. It is big.", True),
        ("Chile signed a pact on refining chips.\n\nIt is big.", True),
        ("Copper output rose.\n\nChile signed a pact. It is big.", False),  # another paragraph
        ("Chile signed a pact. Chips, not minerals, are its subject. Copper output rose.", False),
    ],
)
def test_a_passage_about_minerals(text, about):
    begin = text.index("Chile")
    end = text.index(".", begin) + 1
    assert minerals_in_passage(ParagraphBreaks(text), begin, end) is about


@pytest.mark.parametrize(
    ("text", "trigger", "other"),
    [
        ("Chile signed an arms purchase agreement.", "agreement", True),
        ("Chile signed a tariff deal.", "deal", True),
        ("Chile signed a broad economic partnership.", "partnership", True),
        ("Chile signed a lithium deal.", "deal", False),
        ("The Department of Energy signed a deal.", "deal", False),  # "Energy" is in a name
    ],
)
def test_a_subject_other_than_minerals_before_the_trigger(text, trigger, other, nlp, index):
    clause = clause_at(text, trigger, nlp, index)
    assert other_subject(clause, text.index(trigger)) is other


@pytest.mark.parametrize(
    ("text", "document_date", "year"),
    [
        ("Chile mined copper in 2019. Chile signed a pact.", DOCUMENT_DATE, "2019"),
        ("Chile mined copper in March 2019. Chile signed a pact.", DOCUMENT_DATE, "2019"),
        ("Chile mined copper in 2019.\n\nChile signed a pact.", DOCUMENT_DATE, "2025"),
        ("Chile aims to mine more by 2030. Chile signed a pact.", DOCUMENT_DATE, "2025"),
        ("Chile mined copper until 2021. Chile signed a pact.", DOCUMENT_DATE, "2025"),
        ("In the 2010s Chile mined copper. Chile signed a pact.", DOCUMENT_DATE, "2025"),
        ("Chile signed a pact.", None, None),
    ],
)
def test_the_year_of_the_passage(text, document_date, year):
    dates = SpanIndex(document_dates(text, document_date), lambda d: (d.begin, d.end))
    found = passage_year(ParagraphBreaks(text), text.index("signed"), dates, document_date)
    assert found == (DateValue(year) if year else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pact enters into force on 1 July 2026.", DateValue("2026-07-01")),
        ("The accord took effect in March 2024 after ratification.", DateValue("2024-03")),
        ("The pact was signed on 1 July 2026.", None),
        ("The pact enters into force once ratified.", None),
    ],
)
def test_in_force_date(nlp, index, text, expected):
    clause = clause_at(text, "The", nlp, index)
    assert in_force_date(clause, clause.span.begin, clause.span.end) == expected
