"""Items with spans found by position: inside, overlapping, starting in and ending in a range,
around a range, the first from an offset; the same items, in the same order, as a scan of all
of them finds."""

from __future__ import annotations

import random

from critmin.graph.text.span_index import NoiseSpans, SpanIndex

# (name, begin, end), deliberately not in order of begin
ITEMS = [("c", 20, 30), ("a", 0, 5), ("b", 4, 12), ("d", 20, 22), ("e", 40, 41)]


def names(found: list[tuple[str, int, int]]) -> list[str]:
    return [name for name, _, _ in found]


def index() -> SpanIndex[tuple[str, int, int]]:
    return SpanIndex(ITEMS, lambda item: (item[1], item[2]))


def test_within_keeps_the_original_order() -> None:
    assert names(index().within(0, 30)) == ["c", "a", "b", "d"]
    assert names(index().within(20, 22)) == ["d"]
    assert names(index().within(5, 19)) == []


def test_overlapping_reaches_back_by_the_longest_span() -> None:
    assert names(index().overlapping(10, 21)) == ["c", "b", "d"]
    assert names(index().overlapping(12, 20)) == []
    assert names(index().overlapping(29, 45)) == ["c", "e"]


def test_starting_in_and_ending_in() -> None:
    assert names(index().starting_in(4, 21)) == ["c", "b", "d"]
    assert names(index().ending_in(5, 12)) == ["a", "b"]
    assert names(index().ending_in(41, 41)) == ["e"]


def test_an_empty_index_finds_nothing() -> None:
    empty: SpanIndex[tuple[str, int, int]] = SpanIndex([], lambda item: (item[1], item[2]))
    assert (empty.within(0, 9), empty.overlapping(0, 9), empty.ending_in(0, 9)) == ([], [], [])


SPANS = [(5, 9), (0, 3), (5, 5), (2, 12), (9, 10), (14, 20), (5, 9)]
"""Out of order, nested, empty and repeated spans; the items are their positions here."""


def index_of(spans: list[tuple[int, int]]) -> SpanIndex[int]:
    return SpanIndex(range(len(spans)), lambda item: spans[item])


def test_the_items_starting_within_inside_overlapping_ending_in_and_around_a_span():
    found = index_of(SPANS)
    assert found.starting_in(2, 9) == [0, 2, 3, 6]
    assert found.within(2, 10) == [0, 2, 4, 6]
    assert found.overlapping(8, 10) == [0, 3, 4, 6]
    assert found.ending_in(9, 12) == [0, 3, 4, 6]
    assert found.containing(6, 9) == [0, 3, 6]
    assert found.containing(5, 5) == [0, 2, 3, 6]
    assert (found.first_starting_from(3), found.first_starting_from(6)) == (0, 4)
    assert found.first_starting_from(15) is None


def test_the_answers_of_a_scan_of_all_items_for_random_spans():
    chooser = random.Random(3)
    for _ in range(50):
        spans = []
        for _ in range(chooser.randrange(0, 30)):
            begin = chooser.randrange(0, 40)
            spans.append((begin, begin + chooser.randrange(0, 8)))
        found = index_of(spans)
        for begin in range(-2, 45):
            for end in range(begin, begin + 10):
                inside = [i for i, (b, e) in enumerate(spans) if b <= begin and end <= e]
                within = [i for i, (b, e) in enumerate(spans) if begin <= b and e <= end]
                sharing = [i for i, (b, e) in enumerate(spans) if b < end and begin < e]
                ending = [i for i, (b, e) in enumerate(spans) if begin <= e <= end]
                starting = [i for i, (b, e) in enumerate(spans) if begin <= b < end]
                assert found.containing(begin, end) == inside
                assert found.within(begin, end) == within
                assert found.overlapping(begin, end) == sharing
                assert found.ending_in(begin, end) == ending
                assert found.starting_in(begin, end) == starting
            later = [i for i, (b, _) in enumerate(spans) if b >= begin]
            assert found.first_starting_from(begin) == (later[0] if later else None)


def test_noise_spans_are_merged_and_searched() -> None:
    noise = NoiseSpans(((10, 20), (15, 25), (40, 50)))
    assert noise.cover(12, 24) and noise.cover(40, 50)
    assert not noise.cover(20, 30) and not noise.cover(30, 35)
    assert noise.overlap(24, 30) and noise.overlap(0, 11) and noise.overlap(45, 46)
    assert not noise.overlap(25, 40) and not noise.overlap(50, 60)
    assert not NoiseSpans(()).overlap(0, 100)
