"""The spaCy pipeline, sentence and clause splitting, and anchors of at most 11 words."""

import pytest
from graph_helpers import words

from critmin.graph.base.values import Evidence, Span
from critmin.graph.text import nlp as nlp_module
from critmin.graph.text.nlp import anchor, evidence, split_sentences, text_pieces


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


def test_pieces_are_cut_after_line_breaks_then_spaces() -> None:
    text = "one two\nthree four five\nsix"
    assert list(text_pieces(text, size=10)) == [(0, 8), (8, 14), (14, 24), (24, 27)]
    assert "".join(text[b:e] for b, e in text_pieces(text, size=10)) == text
    assert list(text_pieces("abcdefghij", size=4)) == [(0, 4), (4, 8), (8, 10)]
    assert list(text_pieces("short", size=10)) == [(0, 5)]


def test_sentences_of_a_text_read_in_pieces_are_those_of_the_whole(
    nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Testland grows. It ships ore.\nExampleland buys it.\n\nPrices rose; stocks fell.\n" * 3
    whole = split_sentences(text, nlp)
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 30)
    assert len(list(text_pieces(text))) > 3
    in_pieces = split_sentences(text, nlp)
    assert [(s.span, s.paragraph, s.clauses) for s in in_pieces] == [
        (s.span, s.paragraph, s.clauses) for s in whole
    ]
    assert len(whole) == 12
    assert [s.paragraph for s in whole[:4]] == [0, 0, 1, 3]
