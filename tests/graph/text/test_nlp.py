"""The spaCy pipeline, sentence and clause splitting, and anchors of at most 11 words."""

from graph_helpers import words

from critmin.graph.base.values import Evidence, Span
from critmin.graph.text.nlp import anchor, evidence, split_sentences


def test_dash_between_abbreviation_and_name_is_split(nlp):
    assert [t.text for t in nlp("U.S.-India talks and EU\u2013Japan ties")] == [
        "U.S.",
        "-",
        "India",
        "talks",
        "and",
        "EU",
        "\u2013",
        "Japan",
        "ties",
    ]


def test_sentences_break_at_lines_and_punctuation_with_paragraphs_and_clauses(nlp):
    text = "Key Points\nCanada acted on 2 May. Then came a deal; a pact; and a truce.\n\nEnd note"
    found = [(text[s.span.begin : s.span.end], s.paragraph) for s in split_sentences(text, nlp)]
    assert found == [
        ("Key Points", 0),
        ("Canada acted on 2 May.", 1),
        ("Then came a deal; a pact; and a truce.", 1),
        ("End note", 3),
    ]
    clauses = split_sentences(text, nlp)[2].clauses
    assert [text[c.begin : c.end] for c in clauses] == [
        "Then came a deal",
        "a pact",
        "and a truce.",
    ]


def test_sentences_inside_noise_are_dropped(nlp):
    text = "Share this page\nIndia acted."
    assert [s.span for s in split_sentences(text, nlp, noise=((0, 15),))] == [Span(16, 28)]


def test_anchor_is_at_most_eleven_words_around_the_trigger():
    text = (
        "In a long and winding statement on Monday the two ministers finally signed "
        "a pact on cobalt supply chains and prices."
    )
    trigger = Span(text.index("pact"), text.index("pact") + 4)
    span = anchor(text, trigger, Span(0, len(text)))
    assert (
        text[span.begin : span.end]
        == "ministers finally signed a pact on cobalt supply chains and prices"
    )
    assert len(text[span.begin : span.end].split()) == 11


def test_anchor_words_are_counted_as_the_leak_check_counts_them():
    text = (
        "Brazil's state-run miner signed a one-year US$1.5 billion off-take deal "
        "with Japan's Sojitz on cobalt."
    )
    trigger = Span(text.index("deal"), text.index("deal") + 4)
    span = anchor(text, trigger, Span(0, len(text)))
    # the 11 whitespace tokens from "a" hold 16 words; the last ones after the trigger go
    assert text[span.begin : span.end] == "a one-year US$1.5 billion off-take deal with"
    assert len(words(text[span.begin : span.end])) == 11


def test_anchor_of_a_short_clause_is_the_clause_without_end_punctuation():
    text = "Chile signed a deal."
    span = anchor(text, Span(15, 19), Span(0, len(text)))
    assert span == Span(0, 19)
    assert evidence(text, Span(0, 20), Span(15, 19)) == Evidence(Span(0, 20), Span(0, 19))
