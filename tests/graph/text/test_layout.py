"""The layout of a text: headings, the home state of its dateline, section topics."""

import pytest
from graph_helpers import iri

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Span
from critmin.graph.text.date_context import document_dates
from critmin.graph.text.layout import Layout, read_layout
from critmin.graph.text.mentions import EntityMention


def named(text: str, name: str, slug: str, kind=CM.Company, nth: int = 0) -> EntityMention:
    """A minted mention of the ``nth`` occurrence of ``name`` in ``text``."""
    begin = -1
    for _ in range(nth + 1):
        begin = text.index(name, begin + 1)
    entity = Entity(iri("actor", slug), name, (kind,))
    return EntityMention(Span(begin, begin + len(name)), entity, "minted")


def layout_of(text: str, index, mentions=()) -> Layout:
    return read_layout(text, mentions, document_dates(text, "2025-06-20"), index)


def test_headings_are_short_lines_that_end_no_sentence(index):
    text = (
        "BRIEFING, 9 JANUARY 2023\n"
        "\u25a0 Peru's 2024 quotas\n"
        "The ministry met to agree new quotas.\n"
        "Why now?\n"
        "One line of eleven words that runs on and on without stopping\n"
        "   \n"
    )
    layout = layout_of(text, index)
    assert [text[h.begin : h.end] for h in layout.headings] == [
        "BRIEFING, 9 JANUARY 2023",
        "\u25a0 Peru's 2024 quotas",
    ]
    assert layout.is_heading(text.index("JANUARY"))
    assert not layout.is_heading(text.index("ministry"))
    assert not layout.is_heading(text.index("Why"))


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("BUSAN, June 8, 2023 -- Talks ended.", "south-korea"),  # a city: its state
        ("Tokyo, June 8, 2023 -- Talks ended.", "japan"),  # a capital named for its state
        ("Washington, D.C. | March 3, 2026\nTalks ended.", "united-states"),
        ("By Ana Ruiz\nCANBERRA \u2014 June 8, 2023\nTalks ended.", "australia"),
        ("PARIS / TOKYO, June 8, 2023 -- Talks ended.", None),  # filed from two places
        ("LIMA, June 8, 2023 -- Talks ended.", None),  # not in the reference data
        ("TOKYO -- Talks ended.\nThe pact was signed on 8 June 2023.", None),  # no date
        ("A\nB\nC\nD\nE\nTokyo, June 8, 2023 -- Talks ended.", None),  # past the first lines
    ],
)
def test_the_home_state_is_the_state_of_the_place_a_dateline_starts_with(text, home, index):
    expected = iri("actor", home) if home else None
    assert layout_of(text, index).home == expected


def test_a_company_named_in_a_heading_is_the_topic_of_its_section(index):
    text = (
        "Mining briefs\n"
        ">> Kestrel Mining (TSX: KST)\n"
        "The Perth-based developer raised funds.\n"
        ">> Osprey Metals (ASX: OSP)\n"
        "The miner cut costs.\n"
        "Market wrap\n"
        "Prices fell."
    )
    kestrel = named(text, "Kestrel Mining", "kestrel-mining")
    osprey = named(text, "Osprey Metals", "osprey-metals")
    layout = layout_of(text, index, [kestrel, osprey])
    assert layout.topics == (
        (0, None),
        (text.index(">> Kestrel"), kestrel.iri),
        (text.index(">> Osprey"), osprey.iri),
        (text.index("Market wrap"), None),
    )
    assert layout.topic_at(text.index("developer")) == kestrel.iri
    assert layout.topic_at(text.index("miner ")) == osprey.iri
    assert layout.topic_at(text.index("Prices")) is None
    assert layout.company is None


def test_a_heading_naming_no_company_has_no_topic(index):
    text = ">> Japan (policy)\nThe ministry met."
    japan = named(text, "Japan", "japan", CM.State)
    layout = layout_of(text, index, [japan])
    assert layout.topics == ((0, None),)
    assert layout.topic_at(text.index("ministry")) is None


@pytest.mark.parametrize(
    "definition",
    [
        ' ("Kestrel" or "the Company")',
        " (\u201cthe Company\u201d)",
    ],
)
def test_the_company_a_text_defines_is_the_topic_outside_named_sections(definition, index):
    text = (
        f"Kestrel Mining Limited{definition} signed a deal.\n"
        ">> Osprey Metals (ASX: OSP)\n"
        "The miner cut costs.\n"
        "Market wrap\n"
        "The Company grew."
    )
    kestrel = named(text, "Kestrel Mining Limited", "kestrel-mining")
    osprey = named(text, "Osprey Metals", "osprey-metals")
    layout = layout_of(text, index, [kestrel, osprey])
    assert layout.company == kestrel.iri
    assert layout.topic_at(0) == kestrel.iri
    assert layout.topic_at(text.index("miner ")) == osprey.iri
    assert layout.topic_at(text.index("The Company")) == kestrel.iri


def test_only_a_company_is_defined_as_the_company(index):
    text = 'Japan ("the Company") and Kestrel Mining ("Kestrel") signed a deal.'
    mentions = [named(text, "Japan", "japan", CM.State), named(text, "Kestrel Mining", "kestrel")]
    assert layout_of(text, index, mentions).company is None
