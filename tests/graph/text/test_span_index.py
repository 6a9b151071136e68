"""Items with spans found by position: inside, overlapping, starting in and ending in a range."""

from __future__ import annotations

from critmin.graph.text.span_index import SpanIndex

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
