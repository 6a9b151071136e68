"""Where names stand in a text as words of their own, and the spans already taken."""

import random
import re

from critmin.graph.base.values import Span
from critmin.graph.text.name_occurrences import NameOccurrences, TakenSpans


def searched(text: str, name: str) -> list[Span]:
    """The places by the definition: a search of all the text for the name as a word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]


def test_a_name_is_found_only_as_words_of_its_own():
    text = "Kestrel Metals and Kestrel-Two; SubKestrel, Kestrel Metals Ltd (KM) and KM."
    names = ["Kestrel", "Kestrel Metals", "KM", "(KM)"]
    occurrences = NameOccurrences(text, names)
    assert occurrences.of("Kestrel") == [Span(0, 7), Span(44, 51)]
    assert [text[s.begin : s.end] for s in occurrences.of("Kestrel Metals")] == [
        "Kestrel Metals",
        "Kestrel Metals",
    ]
    assert occurrences.of("KM") == [Span(64, 66), Span(72, 74)]
    assert occurrences.of("(KM)") == [Span(63, 67)]


def test_the_places_a_search_of_all_the_text_finds_in_random_texts():
    words = ["Acme", "Acme-Co", "Co", "Acme Co", "x", "_Acme", "Acme_", "(Acme)", "A", "A A"]
    gaps = [" ", "-", ", ", "", "\n", "&"]
    names = ["Acme", "Acme Co", "Co", "A A", "A", "Acme-Co", "(Acme)", "-Co", "Acme  Co"]
    chooser = random.Random(11)
    for _ in range(300):
        text = "".join(
            chooser.choice(words) + chooser.choice(gaps) for _ in range(chooser.randrange(0, 12))
        )
        occurrences = NameOccurrences(text, names)
        for name in names:
            assert occurrences.of(name) == searched(text, name), (text, name)


def test_a_span_overlapping_one_taken_before():
    taken = TakenSpans([Span(10, 20), Span(0, 2)])
    assert taken.overlaps(Span(19, 25)) and taken.overlaps(Span(1, 3))
    assert not taken.overlaps(Span(2, 10)) and not taken.overlaps(Span(20, 30))
    taken.add(Span(25, 26))
    assert taken.overlaps(Span(22, 26)) and not taken.overlaps(Span(26, 30))
